// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionfileeditor.h"

#include "python/pythontokenizer.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionFileEditor)
};

const QByteArray Bom("\xEF\xBB\xBF");

bool isLiteralValueToken(const PyToken &token)
{
    switch (token.type) {
    case PyToken::Type::String:
    case PyToken::Type::NL:
        return true;
    case PyToken::Type::Name:
        return token.text == u"None";
    case PyToken::Type::Op:
        return token.text == u"(" || token.text == u")" || token.text == u"[" || token.text == u"]" ||
               token.text == u",";
    default:
        return false;
    }
}

/// The quote character of a string token, after its prefix (r, b, u, f…).
QChar quoteOf(QStringView token)
{
    for (const QChar c : token) {
        if (c == u'\'' || c == u'"')
            return c;
    }
    return u'\'';
}

struct ValueSpan
{
    int start = -1; ///< offsets into the source
    int end = -1;
    bool literal = true;
    QChar quote;
};

/// The value of the last module-level `name = …` / `name: T = …` statement.
ValueSpan findAssignment(const QList<PyToken> &tokens, const QString &name)
{
    ValueSpan found;
    int indentation = 0;
    int brackets = 0;
    bool atStatementStart = true;
    for (int i = 0; i < tokens.size(); ++i) {
        const PyToken &t = tokens.at(i);
        switch (t.type) {
        case PyToken::Type::Indent:
            ++indentation;
            [[fallthrough]];
        case PyToken::Type::Newline:
        case PyToken::Type::NL:
            atStatementStart = brackets == 0;
            continue;
        case PyToken::Type::Dedent:
            --indentation;
            atStatementStart = true;
            continue;
        case PyToken::Type::Comment:
            continue;
        case PyToken::Type::Op:
            if (t.text == u"(" || t.text == u"[" || t.text == u"{")
                ++brackets;
            else if (t.text == u")" || t.text == u"]" || t.text == u"}")
                brackets = qMax(0, brackets - 1);
            break;
        default:
            break;
        }
        const bool start = atStatementStart;
        atStatementStart = false;
        if (!start || indentation != 0 || t.type != PyToken::Type::Name || t.text != name)
            continue;
        // Skip an annotation up to the `=` outside brackets.
        int j = i + 1;
        if (j < tokens.size() && tokens.at(j).text == u":") {
            int nested = 0;
            for (++j; j < tokens.size() && tokens.at(j).type != PyToken::Type::Newline; ++j) {
                const QStringView text = tokens.at(j).text;
                if (text == u"(" || text == u"[" || text == u"{")
                    ++nested;
                else if (text == u")" || text == u"]" || text == u"}")
                    --nested;
                else if (nested == 0 && text == u"=")
                    break;
            }
        }
        if (j >= tokens.size() || tokens.at(j).type != PyToken::Type::Op || tokens.at(j).text != u"=")
            continue;
        ValueSpan span;
        for (int k = j + 1; k < tokens.size() && tokens.at(k).type != PyToken::Type::Newline; ++k) {
            const PyToken &v = tokens.at(k);
            if (v.type == PyToken::Type::Comment || v.type == PyToken::Type::NL)
                continue;
            if (span.start < 0)
                span.start = v.offset;
            span.end = v.endOffset;
            span.literal = span.literal && isLiteralValueToken(v);
            if (v.type == PyToken::Type::String && span.quote.isNull())
                span.quote = quoteOf(v.text);
        }
        if (span.start >= 0)
            found = span;
    }
    return found;
}

} // namespace

Result<RevisionFileEditor> RevisionFileEditor::open(const QString &fileName, const QByteArray &bytes)
{
    RevisionFileEditor editor;
    editor.m_fileName = fileName;
    editor.m_bom = bytes.startsWith(Bom);
    Diagnostics ignored;
    editor.m_source = PythonTokenizer::decode(bytes, fileName, &ignored);
    if (editor.bytes() != bytes) {
        return Result<RevisionFileEditor>::failure(
            Tr::tr("%1 is not UTF-8 text; Retort edits only files it can write back byte for byte. Edit it by hand.")
                .arg(fileName));
    }
    const QList<PyToken> tokens = PythonTokenizer(editor.m_source, fileName).tokenize();
    const ValueSpan revision = findAssignment(tokens, u"revision"_s);
    if (!revision.quote.isNull())
        editor.m_quote = revision.quote;
    return editor;
}

QString RevisionFileEditor::pythonLiteral(const QStringList &ids, bool tupleForOne, QChar quote)
{
    if (ids.isEmpty())
        return u"None"_s;
    QStringList items;
    for (const QString &id : ids)
        items.append(quote + id + quote);
    if (ids.size() == 1 && !tupleForOne)
        return items.first();
    return u'(' + items.join(u", "_s) + (ids.size() == 1 ? u",)"_s : u")"_s);
}

Result<bool> RevisionFileEditor::setHeader(const QString &name, const QStringList &ids, bool tupleForOne)
{
    const QList<PyToken> tokens = PythonTokenizer(m_source, m_fileName).tokenize();
    const ValueSpan span = findAssignment(tokens, name);
    if (span.start < 0)
        return Result<bool>::failure(Tr::tr("%1 has no %2 variable to change.").arg(m_fileName, name));
    if (!span.literal) {
        return Result<bool>::failure(
            Tr::tr("%1: %2 is computed (%3), so Retort cannot rewrite it; edit it by hand.")
                .arg(m_fileName, name, m_source.mid(span.start, span.end - span.start).simplified()));
    }
    const QString value = pythonLiteral(ids, tupleForOne, span.quote.isNull() ? m_quote : span.quote);
    m_source.replace(span.start, span.end - span.start, value);
    return true;
}

bool RevisionFileEditor::setRevisesLine(const QStringList &ids)
{
    const QList<PyToken> tokens = PythonTokenizer(m_source, m_fileName).tokenize();
    for (const PyToken &t : tokens) {
        if (t.type == PyToken::Type::Comment || t.type == PyToken::Type::NL || t.type == PyToken::Type::Newline)
            continue;
        if (t.type != PyToken::Type::String)
            return false; // no module docstring
        static const QRegularExpression revises(u"^([ \\t]*Revises:[ \\t]*)([^\\r\\n]*)"_s,
                                                QRegularExpression::MultilineOption);
        const QString text = t.text.toString();
        const QRegularExpressionMatch match = revises.match(text);
        if (!match.hasMatch())
            return false;
        const int start = t.offset + int(match.capturedStart(2));
        // alembic's template writes "Revises: " and nothing more for a base.
        m_source.replace(start, int(match.capturedLength(2)), ids.join(u", "_s));
        return true;
    }
    return false;
}

QByteArray RevisionFileEditor::bytes() const
{
    return m_bom ? Bom + m_source.toUtf8() : m_source.toUtf8();
}
