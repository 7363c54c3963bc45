// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>
#include <optional>

/// The built-in highlighter for revision files (Python) and SQL, always compiled; CodeHighlighter uses
/// it when KSyntaxHighlighting is not available.
///
/// How it works: one hand-written scanner per language walks each line left to right, so a `#` or
/// `--` inside a string and a quote inside a comment are never misread (a cascade of regular
/// expressions gets those wrong). What is still open at the end of a line travels in the block
/// state: a triple-quoted Python string or a backslash-continued one, an SQL block comment, string
/// or quoted identifier. Each format carries its Kind as a property, so kindOf() can read it back.
class SourceHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language
    {
        Python,
        Sql
    };
    Q_ENUM(Language)
    /// What a stretch of text is; plain text has no kind and no format. Identifier is an SQL
    /// "quoted identifier"; Operation is an Alembic `op.<name>(` call.
    enum class Kind
    {
        Keyword,
        Builtin,
        String,
        Comment,
        Number,
        Decorator,
        Definition,
        Operation,
        Identifier
    };
    Q_ENUM(Kind)

    explicit SourceHighlighter(QTextDocument *document, Language language = Language::Python);

    Language language() const { return m_language; }
    /// Switches the language and highlights the document again.
    void setLanguage(Language language);

    /// Derives the formats from @p palette and highlights the document again.
    void setPalette(const QPalette &palette);
    QTextCharFormat formatFor(Kind kind) const { return m_formats[std::size_t(kind)]; }
    /// The kind @p format was made for, or nothing for plain text.
    static std::optional<Kind> kindOf(const QTextFormat &format);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightPython(const QString &text);
    void highlightSql(const QString &text);
    int pythonString(const QString &text, int start, int quoteAt);
    void apply(int start, int end, Kind kind) { setFormat(start, end - start, formatFor(kind)); }

    static constexpr std::size_t KindCount = std::size_t(Kind::Identifier) + 1;
    Language m_language;
    std::array<QTextCharFormat, KindCount> m_formats;
};
