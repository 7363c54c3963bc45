// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "sourcehighlighter.h"

#include "drawing/theme.h"
#include "python/pythontokenizer.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringView>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int KindProperty = QTextFormat::UserProperty + 0x5254;

// Block states. 0 is "nothing open"; QSyntaxHighlighter starts from -1, which means the same.
enum PythonState
{
    PythonTripleSingle = 1,
    PythonTripleDouble,
    PythonContinuedSingle,
    PythonContinuedDouble
};
enum SqlState
{
    SqlBlockComment = 1,
    SqlString,
    SqlEscapeString,
    SqlQuotedIdentifier
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentifierStart(QChar c)
{
    return c == u'_' || c.isLetter();
}

bool isIdentifierChar(QChar c)
{
    return c == u'_' || c.isLetterOrNumber() || c.isMark();
}

int identifierEnd(const QString &text, int from)
{
    const int n = int(text.size());
    while (from < n && isIdentifierChar(text.at(from)))
        ++from;
    return from;
}

int skipSpaces(const QString &text, int from)
{
    const int n = int(text.size());
    while (from < n && text.at(from).isSpace())
        ++from;
    return from;
}

/// The length of the match of @p re anchored at @p from, or 0.
int matchLength(const QRegularExpression &re, const QString &text, int from)
{
    const QRegularExpressionMatch m =
        re.match(text, from, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    return m.hasMatch() ? int(m.capturedLength()) : 0;
}

const QSet<QStringView> &pythonBuiltins()
{
    static const QSet<QStringView> words{u"True",
                                         u"False",
                                         u"None",
                                         u"NotImplemented",
                                         u"Ellipsis",
                                         u"__name__",
                                         u"__file__",
                                         u"__doc__",
                                         u"self",
                                         u"cls",
                                         u"abs",
                                         u"all",
                                         u"any",
                                         u"bool",
                                         u"bytearray",
                                         u"bytes",
                                         u"callable",
                                         u"chr",
                                         u"classmethod",
                                         u"dict",
                                         u"dir",
                                         u"divmod",
                                         u"enumerate",
                                         u"filter",
                                         u"float",
                                         u"format",
                                         u"frozenset",
                                         u"getattr",
                                         u"globals",
                                         u"hasattr",
                                         u"hash",
                                         u"hex",
                                         u"id",
                                         u"input",
                                         u"int",
                                         u"isinstance",
                                         u"issubclass",
                                         u"iter",
                                         u"len",
                                         u"list",
                                         u"locals",
                                         u"map",
                                         u"max",
                                         u"min",
                                         u"next",
                                         u"object",
                                         u"oct",
                                         u"open",
                                         u"ord",
                                         u"pow",
                                         u"print",
                                         u"property",
                                         u"range",
                                         u"repr",
                                         u"reversed",
                                         u"round",
                                         u"set",
                                         u"setattr",
                                         u"slice",
                                         u"sorted",
                                         u"staticmethod",
                                         u"str",
                                         u"sum",
                                         u"super",
                                         u"tuple",
                                         u"type",
                                         u"vars",
                                         u"zip",
                                         u"Exception",
                                         u"BaseException",
                                         u"ValueError",
                                         u"TypeError",
                                         u"KeyError",
                                         u"IndexError",
                                         u"RuntimeError",
                                         u"NotImplementedError",
                                         u"AttributeError"};
    return words;
}

const QSet<QStringView> &sqlKeywords()
{
    static const QSet<QStringView> words{u"ADD",        u"ALL",           u"ALTER",      u"AND",      u"ANY",
                                         u"AS",         u"ASC",           u"BEGIN",      u"BETWEEN",  u"BY",
                                         u"CASCADE",    u"CASE",          u"CHECK",      u"COLUMN",   u"COMMIT",
                                         u"CONSTRAINT", u"CREATE",        u"CROSS",      u"DEFAULT",  u"DELETE",
                                         u"DESC",       u"DISTINCT",      u"DROP",       u"ELSE",     u"END",
                                         u"EXCEPT",     u"EXISTS",        u"FOREIGN",    u"FROM",     u"FULL",
                                         u"GROUP",      u"HAVING",        u"IF",         u"IN",       u"INDEX",
                                         u"INNER",      u"INSERT",        u"INTERSECT",  u"INTO",     u"IS",
                                         u"JOIN",       u"KEY",           u"LEFT",       u"LIKE",     u"LIMIT",
                                         u"NOT",        u"OFFSET",        u"ON",         u"OR",       u"ORDER",
                                         u"OUTER",      u"PRIMARY",       u"REFERENCES", u"RENAME",   u"REPLACE",
                                         u"RESTRICT",   u"RETURNING",     u"RIGHT",      u"ROLLBACK", u"SELECT",
                                         u"SET",        u"TABLE",         u"THEN",       u"TO",       u"TRANSACTION",
                                         u"TRIGGER",    u"UNION",         u"UNIQUE",     u"UPDATE",   u"USING",
                                         u"VALUES",     u"VIEW",          u"WHEN",       u"WHERE",    u"WITH",
                                         u"TEMPORARY",  u"TYPE",          u"SEQUENCE",   u"SCHEMA",   u"GRANT",
                                         u"REVOKE",     u"EXECUTE",       u"FUNCTION",   u"RETURNS",  u"LANGUAGE",
                                         u"COLLATE",    u"AUTOINCREMENT", u"ENUM",       u"OVER",     u"PARTITION"};
    return words;
}

/// Types, literals and common functions: the SQL counterpart of Python's builtins.
const QSet<QStringView> &sqlBuiltins()
{
    static const QSet<QStringView> words{u"NULL",         u"TRUE",
                                         u"FALSE",        u"BIGINT",
                                         u"BLOB",         u"BOOLEAN",
                                         u"BYTEA",        u"CHAR",
                                         u"DATE",         u"DATETIME",
                                         u"DECIMAL",      u"DOUBLE",
                                         u"FLOAT",        u"INT",
                                         u"INTEGER",      u"INTERVAL",
                                         u"JSON",         u"JSONB",
                                         u"NUMERIC",      u"REAL",
                                         u"SERIAL",       u"BIGSERIAL",
                                         u"SMALLINT",     u"TEXT",
                                         u"TIME",         u"TIMESTAMP",
                                         u"UUID",         u"VARCHAR",
                                         u"PRECISION",    u"COUNT",
                                         u"SUM",          u"AVG",
                                         u"MIN",          u"MAX",
                                         u"COALESCE",     u"CAST",
                                         u"NOW",          u"CURRENT_TIMESTAMP",
                                         u"CURRENT_DATE", u"LOWER",
                                         u"UPPER"};
    return words;
}

/// Python string prefixes (r, b, f, u, t and the raw pairs), in any case.
bool isStringPrefix(QStringView word)
{
    if (word.size() > 2)
        return false;
    static const QSet<QString> prefixes{u"r"_s,  u"u"_s,  u"b"_s,  u"f"_s,  u"t"_s, u"br"_s,
                                        u"rb"_s, u"fr"_s, u"rf"_s, u"tr"_s, u"rt"_s};
    return prefixes.contains(word.toString().toLower());
}

} // namespace

SourceHighlighter::SourceHighlighter(QTextDocument *document, Language language)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    setPalette(QGuiApplication::palette());
}

void SourceHighlighter::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    rehighlight();
}

std::optional<SourceHighlighter::Kind> SourceHighlighter::kindOf(const QTextFormat &format)
{
    if (!format.hasProperty(KindProperty))
        return std::nullopt;
    return Kind(format.intProperty(KindProperty));
}

void SourceHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Hues in the spirit of the common light and dark editor themes; readable() then adapts the
    // lightness to the actual Base, so unusual palettes stay legible too.
    const QColor light[KindCount] = {QColor(0x0033b3), QColor(0x7b2d9e), QColor(0x067d17),
                                     QColor(),         QColor(0x1750eb), QColor(0x8a6d00),
                                     QColor(0x00627a), QColor(0xa3135b), QColor(0xa0522d)};
    const QColor darkColors[KindCount] = {QColor(0x569cd6), QColor(0x4ec9b0), QColor(0xce9178),
                                          QColor(),         QColor(0xb5cea8), QColor(0xd7ba7d),
                                          QColor(0xdcdcaa), QColor(0xc586c0), QColor(0x9cdcfe)};
    for (std::size_t i = 0; i < KindCount; ++i) {
        const Kind kind = Kind(i);
        // Comments recede: between the text and the background rather than a hue of their own.
        const QColor wanted = kind == Kind::Comment ? Theme::mix(text, base, 0.45) : (dark ? darkColors[i] : light[i]);
        QTextCharFormat format;
        format.setForeground(Theme::readable(wanted, base));
        if (kind == Kind::Keyword || kind == Kind::Definition)
            format.setFontWeight(QFont::Bold);
        if (kind == Kind::Comment)
            format.setFontItalic(true);
        format.setProperty(KindProperty, int(kind));
        m_formats[i] = format;
    }
    if (document())
        rehighlight();
}

void SourceHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(0);
    if (m_language == Language::Python)
        highlightPython(text);
    else
        highlightSql(text);
}

namespace {

struct StringEnd
{
    int end;   ///< just after the closing quote, or the line's length
    bool open; ///< the string goes on in the next line
};

/// Where the Python string whose body starts at @p from ends. A backslash always keeps the next
/// character from closing the string, in raw strings too, so the prefix does not matter here.
StringEnd pythonStringEnd(const QString &text, int from, QChar quote, bool triple)
{
    const int n = int(text.size());
    for (int i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            if (i + 1 >= n)
                return {n, true};
            ++i;
        } else if (c == quote) {
            if (!triple)
                return {i + 1, false};
            if (i + 2 < n && text.at(i + 1) == quote && text.at(i + 2) == quote)
                return {i + 3, false};
        }
    }
    // An unterminated one-line string ends with its line (a syntax error Python reports).
    return {n, triple};
}

int pythonState(QChar quote, bool triple)
{
    if (triple)
        return quote == u'"' ? PythonTripleDouble : PythonTripleSingle;
    return quote == u'"' ? PythonContinuedDouble : PythonContinuedSingle;
}

/// Whether a line starting with `match` or `case` (the soft keywords) is that statement rather
/// than a use of a name: something follows that cannot continue an expression, and the line ends
/// with the block's colon.
bool isSoftKeywordStatement(const QString &text, int wordEnd)
{
    const int next = skipSpaces(text, wordEnd);
    if (next >= text.size() || u"=.,)]}:;"_s.contains(text.at(next)))
        return false;
    static const QRegularExpression colonAtEnd(u":\\s*(#[^'\"]*)?$"_s);
    return colonAtEnd.match(text, next).hasMatch();
}

/// Whether a line starting with `type` is a type alias statement (`type Name = …`, `type Name[T] = …`).
bool isTypeStatement(const QString &text, int wordEnd)
{
    static const QRegularExpression alias(u"\\s+[^\\W\\d]\\w*\\s*(=(?!=)|\\[)"_s,
                                          QRegularExpression::UseUnicodePropertiesOption);
    return matchLength(alias, text, wordEnd) > 0;
}

} // namespace

int SourceHighlighter::pythonString(const QString &text, int start, int quoteAt)
{
    const int n = int(text.size());
    const QChar quote = text.at(quoteAt);
    const bool triple = quoteAt + 2 < n && text.at(quoteAt + 1) == quote && text.at(quoteAt + 2) == quote;
    const StringEnd end = pythonStringEnd(text, quoteAt + (triple ? 3 : 1), quote, triple);
    apply(start, end.end, Kind::String);
    if (end.open)
        setCurrentBlockState(pythonState(quote, triple));
    return end.end;
}

void SourceHighlighter::highlightPython(const QString &text)
{
    static const QRegularExpression number(
        u"0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
        "|(?:(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*|\\d(?:_?\\d)*\\.?)(?:[eE][+-]?\\d(?:_?\\d)*)?[jJ]?"_s);
    static const QRegularExpression operation(u"\\s*\\.\\s*([^\\W\\d]\\w*)\\s*\\("_s,
                                              QRegularExpression::UseUnicodePropertiesOption);

    const int n = int(text.size());
    int i = 0;
    const int previous = previousBlockState();
    if (previous >= PythonTripleSingle && previous <= PythonContinuedDouble) {
        const QChar quote = previous == PythonTripleDouble || previous == PythonContinuedDouble ? u'"' : u'\'';
        const bool triple = previous == PythonTripleSingle || previous == PythonTripleDouble;
        const StringEnd end = pythonStringEnd(text, 0, quote, triple);
        apply(0, end.end, Kind::String);
        if (end.open) {
            setCurrentBlockState(previous);
            return;
        }
        i = end.end;
    }

    bool firstToken = i == 0; // nothing but indentation before: decorators and soft keywords
    bool definitionNext = false;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const bool first = firstToken;
        const bool definition = definitionNext;
        firstToken = false;
        definitionNext = false;

        if (c == u'#') {
            apply(i, n, Kind::Comment);
            return;
        }
        if (c == u'\'' || c == u'"') {
            i = pythonString(text, i, i);
            continue;
        }
        if (isIdentifierStart(c)) {
            const int end = identifierEnd(text, i);
            const QStringView word = QStringView(text).sliced(i, end - i);
            if (end < n && (text.at(end) == u'\'' || text.at(end) == u'"') && isStringPrefix(word)) {
                i = pythonString(text, i, end);
                continue;
            }
            // After a dot it is an attribute: `sa.String`, `x.type` are no builtins.
            const bool attribute = i > 0 && text.at(i - 1) == u'.';
            if (definition) {
                apply(i, end, Kind::Definition);
            } else if (attribute) {
                // plain
            } else if (isPythonKeyword(word)) {
                apply(i, end, Kind::Keyword);
                definitionNext = word == u"def" || word == u"class";
            } else if (first && (word == u"match" || word == u"case") && isSoftKeywordStatement(text, end)) {
                apply(i, end, Kind::Keyword);
            } else if (first && word == u"type" && isTypeStatement(text, end)) {
                apply(i, end, Kind::Keyword);
            } else if (word == u"op") {
                // Alembic's operations proxy: `op.add_column(` is what a migration does.
                const QRegularExpressionMatch m = operation.match(text, end, QRegularExpression::NormalMatch,
                                                                  QRegularExpression::AnchorAtOffsetMatchOption);
                if (m.hasMatch()) {
                    apply(i, int(m.capturedEnd(1)), Kind::Operation);
                    i = int(m.capturedEnd(1));
                    continue;
                }
            } else if (pythonBuiltins().contains(word)) {
                apply(i, end, Kind::Builtin);
            }
            i = end;
            continue;
        }
        if (isAsciiDigit(c) || (c == u'.' && i + 1 < n && isAsciiDigit(text.at(i + 1)))) {
            const int length = matchLength(number, text, i);
            if (length > 0) {
                apply(i, i + length, Kind::Number);
                i += length;
                continue;
            }
        }
        if (c == u'@' && first) {
            int end = i + 1;
            while (end < n && (isIdentifierChar(text.at(end)) || text.at(end) == u'.'))
                ++end;
            apply(i, end, Kind::Decorator);
            i = end;
            continue;
        }
        ++i;
    }
}

namespace {

/// Where the SQL string or quoted identifier whose body starts at @p from ends: a doubled quote is
/// one quote; with @p backslashEscapes (PostgreSQL E'…') a backslash escapes too.
StringEnd sqlQuotedEnd(const QString &text, int from, QChar quote, bool backslashEscapes)
{
    const int n = int(text.size());
    for (int i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (backslashEscapes && c == u'\\') {
            ++i;
        } else if (c == quote) {
            if (i + 1 < n && text.at(i + 1) == quote)
                ++i;
            else
                return {i + 1, false};
        }
    }
    // SQL strings may span lines.
    return {n, true};
}

} // namespace

void SourceHighlighter::highlightSql(const QString &text)
{
    static const QRegularExpression number(u"0[xX][0-9a-fA-F]+|(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?"_s);

    const int n = int(text.size());
    int i = 0;

    // Finishes a quoted stretch that started at @p start (perhaps on an earlier line).
    const auto quoted = [&](int start, int bodyFrom, QChar quote, bool backslashEscapes, Kind kind, int state) {
        const StringEnd end = sqlQuotedEnd(text, bodyFrom, quote, backslashEscapes);
        apply(start, end.end, kind);
        if (end.open)
            setCurrentBlockState(state);
        return end.end;
    };
    const auto blockComment = [&](int start, int bodyFrom) {
        const int close = int(text.indexOf(u"*/"_s, bodyFrom));
        const int end = close < 0 ? n : close + 2;
        apply(start, end, Kind::Comment);
        if (close < 0)
            setCurrentBlockState(SqlBlockComment);
        return end;
    };

    switch (previousBlockState()) {
    case SqlBlockComment:
        i = blockComment(0, 0);
        break;
    case SqlString:
        i = quoted(0, 0, u'\'', false, Kind::String, SqlString);
        break;
    case SqlEscapeString:
        i = quoted(0, 0, u'\'', true, Kind::String, SqlEscapeString);
        break;
    case SqlQuotedIdentifier:
        i = quoted(0, 0, u'"', false, Kind::Identifier, SqlQuotedIdentifier);
        break;
    default:
        break;
    }

    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            apply(i, n, Kind::Comment);
            return;
        }
        if (c == u'/' && next == u'*') {
            i = blockComment(i, i + 2);
            continue;
        }
        if (c == u'\'') {
            i = quoted(i, i + 1, c, false, Kind::String, SqlString);
            continue;
        }
        if (c == u'"') {
            i = quoted(i, i + 1, c, false, Kind::Identifier, SqlQuotedIdentifier);
            continue;
        }
        if (c == u'`') { // MySQL's quoted identifiers, one line only
            const int close = int(text.indexOf(u'`', i + 1));
            const int end = close < 0 ? n : close + 1;
            apply(i, end, Kind::Identifier);
            i = end;
            continue;
        }
        if (isIdentifierStart(c)) {
            int end = i + 1;
            while (end < n && (isIdentifierChar(text.at(end)) || text.at(end) == u'$'))
                ++end;
            const QString upper = QStringView(text).sliced(i, end - i).toString().toUpper();
            // N'…' national, E'…' escape, X'…' and B'…' bit strings.
            if (end - i == 1 && end < n && text.at(end) == u'\'' && u"NEXB"_s.contains(upper)) {
                const bool escapes = upper == u"E";
                i = quoted(i, end + 1, u'\'', escapes, Kind::String, escapes ? SqlEscapeString : SqlString);
                continue;
            }
            const bool qualified = i > 0 && text.at(i - 1) == u'.'; // table.column
            if (!qualified && sqlKeywords().contains(upper))
                apply(i, end, Kind::Keyword);
            else if (!qualified && sqlBuiltins().contains(upper))
                apply(i, end, Kind::Builtin);
            i = end;
            continue;
        }
        if (isAsciiDigit(c) || (c == u'.' && isAsciiDigit(next))) {
            const int length = matchLength(number, text, i);
            apply(i, i + length, Kind::Number);
            i += std::max(length, 1);
            continue;
        }
        ++i;
    }
}
