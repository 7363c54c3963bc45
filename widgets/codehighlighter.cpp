// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "codehighlighter.h"

#include "database/sqldialect.h"
#include "drawing/theme.h"
#include "retort-config.h"
#include "sourcehighlighter.h"

#include <QEvent>
#include <QPlainTextEdit>

#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

using namespace Qt::StringLiterals;

namespace {

#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
using Backend = KSyntaxHighlighting::SyntaxHighlighter;

KSyntaxHighlighting::Repository &syntaxRepository()
{
    // One per process: building it reads the metadata of every syntax definition there is.
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

QString definitionFor(CodeHighlighter::Language language)
{
    switch (language) {
    case CodeHighlighter::Language::Python:
        return u"Python"_s;
    case CodeHighlighter::Language::Sql:
        return u"SQL"_s;
    case CodeHighlighter::Language::PostgreSql:
        return u"SQL (PostgreSQL)"_s;
    case CodeHighlighter::Language::MySql:
        return u"SQL (MySQL)"_s;
    }
    return u"SQL"_s;
}
#else
using Backend = SourceHighlighter;

SourceHighlighter::Language builtInLanguage(CodeHighlighter::Language language)
{
    return language == CodeHighlighter::Language::Python ? SourceHighlighter::Language::Python
                                                         : SourceHighlighter::Language::Sql;
}
#endif

} // namespace

CodeHighlighter::CodeHighlighter(QPlainTextEdit *editor, Language language)
    : QObject(editor)
    , m_editor(editor)
    , m_language(language)
{
#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
    auto *highlighter = new Backend(editor->document());
    highlighter->setDefinition(syntaxRepository().definitionForName(definitionFor(language)));
#else
    auto *highlighter = new Backend(editor->document(), builtInLanguage(language));
#endif
    m_highlighter = highlighter;
    applyPalette();
    editor->installEventFilter(this);
}

void CodeHighlighter::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
    // setDefinition() highlights the document again.
    static_cast<Backend *>(m_highlighter)->setDefinition(syntaxRepository().definitionForName(definitionFor(language)));
#else
    static_cast<Backend *>(m_highlighter)->setLanguage(builtInLanguage(language));
#endif
}

CodeHighlighter::Language CodeHighlighter::sqlLanguage(const std::optional<SqlDialect> &dialect)
{
    if (!dialect)
        return Language::Sql;
    switch (dialect->kind()) {
    case SqlDialect::Kind::PostgreSQL:
        return Language::PostgreSql;
    case SqlDialect::Kind::MySQL:
        return Language::MySql;
    case SqlDialect::Kind::SQLite:
        break;
    }
    return Language::Sql;
}

QString CodeHighlighter::backendName()
{
    return RETORT_HAVE_KSYNTAXHIGHLIGHTING ? u"KSyntaxHighlighting"_s : u"built-in"_s;
}

QString CodeHighlighter::definitionName() const
{
#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
    return static_cast<Backend *>(m_highlighter)->definition().name();
#else
    return m_language == Language::Python ? u"Python"_s : u"SQL"_s;
#endif
}

QString CodeHighlighter::themeName() const
{
#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
    return static_cast<Backend *>(m_highlighter)->theme().name();
#else
    return Theme::isDark(m_editor->palette()) ? u"dark"_s : u"light"_s;
#endif
}

bool CodeHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    // A widget is told of its own palette changes and of the application's (a new system theme).
    if (watched == m_editor && event->type() == QEvent::PaletteChange)
        applyPalette();
    return QObject::eventFilter(watched, event);
}

void CodeHighlighter::applyPalette()
{
#if RETORT_HAVE_KSYNTAXHIGHLIGHTING
    auto *highlighter = static_cast<Backend *>(m_highlighter);
    const KSyntaxHighlighting::Theme theme = syntaxRepository().themeForPalette(m_editor->palette());
    if (theme.name() == highlighter->theme().name())
        return;
    highlighter->setTheme(theme);
    highlighter->rehighlight();
#else
    static_cast<Backend *>(m_highlighter)->setPalette(m_editor->palette());
#endif
}
