// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythontokenizer.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringView>

#include <algorithm>
#include <cctype>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

/// Enough to show what is wrong without flooding the user with the echoes of one mistake.
constexpr int MaxDiagnostics = 10;
/// Python's MAXINDENT: "too many levels of indentation".
constexpr int MaxIndentLevels = 100;

void addDiagnostic(Diagnostics *diagnostics, const QString &code, const QString &fileName, int line,
                   const QString &what)
{
    if (!diagnostics || diagnostics->size() >= MaxDiagnostics)
        return;
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.code = code;
    d.file = fileName;
    d.line = line;
    d.message = what; // file and line are fields of their own
    diagnostics->append(d);
}

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonTokenizer)
};

// ---- decoding --------------------------------------------------------------------------------

/// Index of the first byte that does not start a valid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(QByteArrayView data)
{
    const auto *s = reinterpret_cast<const uchar *>(data.data());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            return i;
        if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            return i;
        i += len;
    }
    return -1;
}

int lineOfOffset(QByteArrayView data, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n')))
            ++line;
    }
    return line;
}

QByteArrayView firstLine(QByteArrayView data, qsizetype *next)
{
    qsizetype end = 0;
    while (end < data.size() && data[end] != '\n' && data[end] != '\r')
        ++end;
    qsizetype after = end;
    if (after < data.size() && data[after] == '\r')
        ++after;
    if (after < data.size() && data[after] == '\n' && (after == end || data[after - 1] == '\r'))
        ++after;
    *next = after;
    return data.first(end);
}

bool isBlankOrCommentLine(QByteArrayView line)
{
    for (char c : line) {
        if (c == '#')
            return true;
        if (c != ' ' && c != '\t' && c != '\f')
            return false;
    }
    return true;
}

/// The encoding name of a PEP 263 cookie (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`), or empty.
QByteArray cookieIn(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
        ++i;
    if (i >= line.size() || line[i] != '#')
        return {};
    qsizetype from = i;
    while (true) {
        const qsizetype at = line.indexOf(QByteArrayView("coding"), from);
        if (at < 0)
            return {};
        qsizetype p = at + 6;
        from = at + 1;
        if (p >= line.size() || (line[p] != ':' && line[p] != '='))
            continue;
        ++p;
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
            ++p;
        const qsizetype start = p;
        while (p < line.size() &&
               (std::isalnum(static_cast<uchar>(line[p])) || line[p] == '-' || line[p] == '_' || line[p] == '.'))
            ++p;
        if (p > start)
            return line.sliced(start, p - start).toByteArray();
    }
}

constexpr char16_t Cp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

enum class SourceEncoding
{
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
    Unknown
};

SourceEncoding encodingFromCookie(const QByteArray &cookie)
{
    QByteArray name = cookie.toLower();
    name.replace('_', '-');
    if (name.isEmpty() || name == "utf-8" || name == "utf8" || name.startsWith("utf-8-"))
        return SourceEncoding::Utf8;
    if (name == "latin-1" || name == "latin1" || name == "iso-8859-1" || name == "iso8859-1" || name == "l1" ||
        name == "iso-latin-1" || name.startsWith("latin-1-") || name.startsWith("iso-8859-1-") ||
        name.startsWith("iso-latin-1-"))
        return SourceEncoding::Latin1;
    if (name == "ascii" || name == "us-ascii" || name == "646")
        return SourceEncoding::Ascii;
    if (name == "cp1252" || name == "windows-1252")
        return SourceEncoding::Cp1252;
    return SourceEncoding::Unknown;
}

// ---- scanning --------------------------------------------------------------------------------

bool isAsciiIdentifierStart(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentifierStart(char32_t c)
{
    if (c < 0x80)
        return isAsciiIdentifierStart(char16_t(c));
    return QChar::isLetter(c) || QChar::category(c) == QChar::Number_Letter;
}

bool isIdentifierChar(char32_t c)
{
    if (c < 0x80)
        return isAsciiIdentifierStart(char16_t(c)) || (c >= u'0' && c <= u'9');
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || QChar::category(c) == QChar::Punctuation_Connector;
}

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(char16_t c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isStringPrefix(QStringView word)
{
    if (word.size() > 2)
        return false;
    QChar lower[2];
    for (qsizetype i = 0; i < word.size(); ++i)
        lower[i] = word[i].toLower();
    if (word.size() == 1)
        return lower[0] == u'r' || lower[0] == u'u' || lower[0] == u'b' || lower[0] == u'f';
    const bool hasR = lower[0] == u'r' || lower[1] == u'r';
    const QChar other = lower[0] == u'r' ? lower[1] : lower[0];
    return hasR && (other == u'b' || other == u'f');
}

class Scanner
{
public:
    Scanner(const QString &source, const QString &fileName, Diagnostics *diagnostics)
        : m_source(source)
        , m_data(reinterpret_cast<const char16_t *>(source.constData()))
        , m_size(int(source.size()))
        , m_fileName(fileName)
        , m_diagnostics(diagnostics)
    {}

    QList<PyToken> run();

private:
    struct Level
    {
        int column;
        int altColumn; ///< the same indentation with tabs counted as one column
    };
    struct Bracket
    {
        char16_t ch;
        int line;
    };

    char16_t at(int i) const { return i < m_size ? m_data[i] : char16_t(0); }
    char32_t codePointAt(int i, int *length) const;
    int newlineLength(int i) const { return (m_data[i] == u'\r' && at(i + 1) == u'\n') ? 2 : 1; }
    void error(int line, const QString &what)
    {
        addDiagnostic(m_diagnostics, u"syntax-error"_s, m_fileName, line, what);
    }

    void add(PyToken::Type type, int start, int end, int line, int column);
    void addHere(PyToken::Type type, int start, int end) { add(type, start, end, m_line, start - m_lineStart); }
    void handleIndentation();
    bool recoverFromUnclosedBrackets();
    void scanString(int start, int quote);
    void scanNumber();
    int operatorLength() const;
    void closeBracket(char16_t ch);
    void finish();

    const QString &m_source;
    const char16_t *m_data;
    int m_size;
    QString m_fileName;
    Diagnostics *m_diagnostics;

    int m_pos = 0;
    int m_line = 1;
    int m_lineStart = 0;
    bool m_lineHasTokens = false; ///< the logical line has a significant token
    bool m_reportedTabs = false;
    QList<PyToken> m_tokens;
    QList<Level> m_indents{Level{0, 0}};
    bool m_reportedIndentLimit = false;
    QList<Bracket> m_brackets;
};

char32_t Scanner::codePointAt(int i, int *length) const
{
    const char16_t c = m_data[i];
    if (QChar::isHighSurrogate(c) && QChar::isLowSurrogate(at(i + 1))) {
        *length = 2;
        return QChar::surrogateToUcs4(c, m_data[i + 1]);
    }
    *length = 1;
    return c;
}

void Scanner::add(PyToken::Type type, int start, int end, int line, int column)
{
    PyToken token;
    token.type = type;
    token.text = QStringView(m_source).mid(start, end - start);
    token.line = line;
    token.column = column;
    token.endLine = m_line;
    token.endColumn = end - m_lineStart;
    token.offset = start;
    token.endOffset = end;
    m_tokens.append(std::move(token));
}

void Scanner::handleIndentation()
{
    int column = 0;
    int altColumn = 0;
    int p = m_pos;
    for (; p < m_size; ++p) {
        const char16_t c = m_data[p];
        if (c == u' ') {
            ++column;
            ++altColumn;
        } else if (c == u'\t') {
            column = (column / 8 + 1) * 8;
            ++altColumn;
        } else if (c == u'\f') {
            column = altColumn = 0;
        } else {
            break;
        }
    }
    m_pos = p;
    // Blank and comment-only lines do not take part in indentation.
    if (p >= m_size || m_data[p] == u'#' || m_data[p] == u'\n' || m_data[p] == u'\r')
        return;

    const auto tabError = [this] {
        if (!m_reportedTabs)
            error(m_line, Tr::tr("inconsistent use of tabs and spaces in indentation"));
        m_reportedTabs = true;
    };
    const Level top = m_indents.last();
    if (column == top.column) {
        if (altColumn != top.altColumn)
            tabError();
        return;
    }
    if (column > top.column) {
        if (altColumn <= top.altColumn)
            tabError();
        if (m_indents.size() > MaxIndentLevels) {
            // Python stops here too; deeper blocks would only deepen the parser's recursion.
            if (!m_reportedIndentLimit)
                error(m_line, Tr::tr("too many levels of indentation (Python allows %1)").arg(MaxIndentLevels));
            m_reportedIndentLimit = true;
            return;
        }
        m_indents.append(Level{column, altColumn});
        add(PyToken::Type::Indent, m_lineStart, p, m_line, 0);
        return;
    }
    qsizetype i = m_indents.size() - 1;
    while (i > 0 && m_indents[i].column > column)
        --i;
    if (m_indents[i].column != column) {
        // Between two open levels: keep the inner block going at this width, so blocks stay balanced.
        error(m_line, Tr::tr("unindent does not match any outer indentation level"));
        ++i;
        m_indents[i] = Level{column, altColumn};
    } else if (m_indents[i].altColumn != altColumn) {
        tabError();
    }
    while (m_indents.size() - 1 > i) {
        m_indents.removeLast();
        add(PyToken::Type::Dedent, p, p, m_line, column);
    }
}

/// `def` or `class` can never be inside brackets: an unclosed bracket above is the likelier story.
bool Scanner::recoverFromUnclosedBrackets()
{
    int p = m_pos;
    while (p < m_size && (m_data[p] == u' ' || m_data[p] == u'\t' || m_data[p] == u'\f'))
        ++p;
    int end = p;
    while (end < m_size && isAsciiIdentifierStart(m_data[end]))
        ++end;
    const QStringView word(m_data + p, end - p);
    if (word != u"def" && word != u"class")
        return false;
    if (end < m_size && m_data[end] != u' ' && m_data[end] != u'\t')
        return false;
    const Bracket open = m_brackets.first();
    error(open.line, Tr::tr("'%1' was never closed").arg(QChar(open.ch)));
    m_brackets.clear();
    add(PyToken::Type::Newline, m_pos, m_pos, m_line, 0);
    m_lineHasTokens = false;
    return true;
}

void Scanner::scanString(int start, int quote)
{
    const int line = m_line;
    const int column = start - m_lineStart;
    const char16_t q = m_data[quote];
    const bool triple = at(quote + 1) == q && at(quote + 2) == q;
    int p = quote + (triple ? 3 : 1);
    while (p < m_size) {
        const char16_t c = m_data[p];
        if (c == u'\\') {
            ++p;
            if (p < m_size && (m_data[p] == u'\n' || m_data[p] == u'\r')) {
                p += newlineLength(p);
                ++m_line;
                m_lineStart = p;
            } else if (p < m_size) {
                ++p;
            }
            continue;
        }
        if (c == q) {
            if (!triple) {
                add(PyToken::Type::String, start, p + 1, line, column);
                m_pos = p + 1;
                return;
            }
            if (at(p + 1) == q && at(p + 2) == q) {
                add(PyToken::Type::String, start, p + 3, line, column);
                m_pos = p + 3;
                return;
            }
            ++p;
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            if (!triple) {
                add(PyToken::Type::Error, start, p, line, column);
                error(line, Tr::tr("unterminated string literal (detected at line %1)").arg(m_line));
                m_pos = p;
                return;
            }
            p += newlineLength(p);
            ++m_line;
            m_lineStart = p;
            continue;
        }
        ++p;
    }
    add(PyToken::Type::Error, start, m_size, line, column);
    if (triple)
        error(line, Tr::tr("unterminated triple-quoted string literal (detected at line %1)").arg(m_line));
    else
        error(line, Tr::tr("unterminated string literal (detected at line %1)").arg(m_line));
    m_pos = m_size;
}

void Scanner::scanNumber()
{
    const int start = m_pos;
    int p = m_pos;
    const char16_t radix = QChar::toLower(at(p + 1));
    if (m_data[p] == u'0' && (radix == u'x' || radix == u'o' || radix == u'b')) {
        p += 2;
        while (p < m_size && (isHexDigit(m_data[p]) || m_data[p] == u'_'))
            ++p;
    } else {
        while (p < m_size && (isDigit(m_data[p]) || m_data[p] == u'_'))
            ++p;
        if (at(p) == u'.') {
            ++p;
            while (p < m_size && (isDigit(m_data[p]) || m_data[p] == u'_'))
                ++p;
        }
        if ((at(p) == u'e' || at(p) == u'E') &&
            (isDigit(at(p + 1)) || ((at(p + 1) == u'+' || at(p + 1) == u'-') && isDigit(at(p + 2))))) {
            p += 2;
            while (p < m_size && (isDigit(m_data[p]) || m_data[p] == u'_'))
                ++p;
        }
        if (at(p) == u'j' || at(p) == u'J')
            ++p;
    }
    addHere(PyToken::Type::Number, start, p);
    m_pos = p;
}

int Scanner::operatorLength() const
{
    const char16_t c0 = m_data[m_pos];
    const char16_t c1 = at(m_pos + 1);
    const char16_t c2 = at(m_pos + 2);
    if (c2 == u'=' && c0 == c1 && (c0 == u'*' || c0 == u'/' || c0 == u'<' || c0 == u'>'))
        return 3;
    if (c0 == u'.' && c1 == u'.' && c2 == u'.')
        return 3;
    if (c1 == u'=' && QStringView(u"+-*/%&|^@<>=!:").contains(QChar(c0)))
        return 2;
    if ((c0 == u'-' && c1 == u'>') || (c0 == c1 && (c0 == u'*' || c0 == u'/' || c0 == u'<' || c0 == u'>')))
        return 2;
    if (QStringView(u"+-*/%@&|^~<>()[]{},:;.=").contains(QChar(c0)))
        return 1;
    return 0;
}

void Scanner::closeBracket(char16_t ch)
{
    const char16_t open = ch == u')' ? u'(' : ch == u']' ? u'[' : u'{';
    if (m_brackets.isEmpty()) {
        error(m_line, Tr::tr("unmatched '%1'").arg(QChar(ch)));
        return;
    }
    if (m_brackets.last().ch == open) {
        m_brackets.removeLast();
        return;
    }
    const Bracket last = m_brackets.last();
    if (last.line == m_line) {
        error(
            m_line,
            Tr::tr("closing parenthesis '%1' does not match opening parenthesis '%2'").arg(QChar(ch), QChar(last.ch)));
    } else {
        error(m_line, Tr::tr("closing parenthesis '%1' does not match opening parenthesis '%2' on line %3")
                          .arg(QChar(ch), QChar(last.ch))
                          .arg(last.line));
    }
    // Close the matching outer bracket if there is one, else take it as a typo for the innermost.
    for (qsizetype i = m_brackets.size() - 1; i >= 0; --i) {
        if (m_brackets[i].ch == open) {
            m_brackets.resize(i);
            return;
        }
    }
    m_brackets.removeLast();
}

void Scanner::finish()
{
    if (!m_brackets.isEmpty()) {
        const Bracket open = m_brackets.first();
        error(open.line, Tr::tr("'%1' was never closed").arg(QChar(open.ch)));
        m_brackets.clear();
    }
    if (m_lineHasTokens)
        addHere(PyToken::Type::Newline, m_size, m_size);
    const bool endsWithNewline = m_pos == m_lineStart;
    const int line = endsWithNewline ? m_line : m_line + 1;
    m_lineStart = m_size; // the end tokens sit at column 0 of the line after the last one
    m_line = line;
    while (m_indents.size() > 1) {
        m_indents.removeLast();
        add(PyToken::Type::Dedent, m_size, m_size, line, 0);
    }
    add(PyToken::Type::EndMarker, m_size, m_size, line, 0);
}

QList<PyToken> Scanner::run()
{
    m_tokens.reserve(m_size / 4 + 8);
    bool atLineStart = true;
    while (true) {
        if (atLineStart) {
            atLineStart = false;
            if (!m_brackets.isEmpty())
                recoverFromUnclosedBrackets();
            if (m_brackets.isEmpty())
                handleIndentation();
        }
        if (m_pos >= m_size)
            break;
        const char16_t c = m_data[m_pos];
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_pos;
            continue;
        }
        if (c == u'#') {
            int end = m_pos;
            while (end < m_size && m_data[end] != u'\n' && m_data[end] != u'\r')
                ++end;
            addHere(PyToken::Type::Comment, m_pos, end);
            m_pos = end;
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            const int length = newlineLength(m_pos);
            const bool logicalEnd = m_lineHasTokens && m_brackets.isEmpty();
            addHere(logicalEnd ? PyToken::Type::Newline : PyToken::Type::NL, m_pos, m_pos + length);
            if (logicalEnd)
                m_lineHasTokens = false;
            m_pos += length;
            ++m_line;
            m_lineStart = m_pos;
            atLineStart = true;
            continue;
        }
        if (c == u'\\') {
            const char16_t next = at(m_pos + 1);
            if (next == u'\n' || next == u'\r') {
                m_pos += 1 + newlineLength(m_pos + 1);
                ++m_line;
                m_lineStart = m_pos;
            } else if (m_pos + 1 >= m_size) {
                error(m_line, Tr::tr("unexpected end of file after a line continuation character"));
                ++m_pos;
            } else {
                addHere(PyToken::Type::Error, m_pos, m_pos + 1);
                error(m_line, Tr::tr("unexpected character after line continuation character"));
                m_lineHasTokens = true;
                ++m_pos;
            }
            continue;
        }
        m_lineHasTokens = true;
        int length = 1;
        const char32_t cp = codePointAt(m_pos, &length);
        if (isIdentifierStart(cp)) {
            int end = m_pos + length;
            while (end < m_size) {
                const char32_t next = codePointAt(end, &length);
                if (!isIdentifierChar(next))
                    break;
                end += length;
            }
            if (end < m_size && (m_data[end] == u'\'' || m_data[end] == u'"') &&
                isStringPrefix(QStringView(m_data + m_pos, end - m_pos))) {
                scanString(m_pos, end);
            } else {
                addHere(PyToken::Type::Name, m_pos, end);
                m_pos = end;
            }
            continue;
        }
        if (isDigit(c) || (c == u'.' && isDigit(at(m_pos + 1)))) {
            scanNumber();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            scanString(m_pos, m_pos);
            continue;
        }
        if (const int opLength = operatorLength()) {
            if (c == u'(' || c == u'[' || c == u'{')
                m_brackets.append(Bracket{c, m_line});
            else if (c == u')' || c == u']' || c == u'}')
                closeBracket(c);
            addHere(PyToken::Type::Op, m_pos, m_pos + opLength);
            m_pos += opLength;
            continue;
        }
        addHere(PyToken::Type::Error, m_pos, m_pos + length);
        error(m_line, Tr::tr("invalid character '%1' (U+%2)")
                          .arg(m_source.mid(m_pos, length))
                          .arg(QString::number(uint(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'))));
        m_pos += length;
    }
    finish();
    return std::move(m_tokens);
}

qsizetype firstNonAscii(QByteArrayView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (static_cast<uchar>(data[i]) >= 0x80)
            return i;
    }
    return -1;
}

} // namespace

QString PythonTokenizer::decode(const QByteArray &bytes, const QString &fileName, Diagnostics *diagnostics)
{
    QByteArrayView data(bytes);
    const bool bom = data.startsWith(QByteArrayView("\xEF\xBB\xBF"));
    if (bom)
        data = data.sliced(3);

    qsizetype secondStart = 0;
    const QByteArrayView line1 = firstLine(data, &secondStart);
    QByteArray cookie = cookieIn(line1);
    int cookieLine = 1;
    if (cookie.isEmpty() && isBlankOrCommentLine(line1)) {
        qsizetype unused = 0;
        cookie = cookieIn(firstLine(data.sliced(secondStart), &unused));
        cookieLine = 2;
    }
    SourceEncoding encoding = encodingFromCookie(cookie);
    if (encoding == SourceEncoding::Unknown && !bom) {
        // Python knows many more codecs (cp1251, shift_jis, koi8-r…): decode through Qt's (ICU's) by
        // name; a plain ASCII file reads the same in any of them.
        QStringDecoder decoder(cookie.constData(), QStringDecoder::Flag::Stateless);
        if (decoder.isValid()) {
            QString text = decoder.decode(data);
            if (!decoder.hasError())
                return text;
        }
        if (firstNonAscii(data) >= 0) {
            addDiagnostic(diagnostics, u"syntax-error"_s, fileName, cookieLine,
                          Tr::tr("unknown encoding '%1' in the coding declaration; reading the file as UTF-8")
                              .arg(QString::fromLatin1(cookie)));
        } else if (diagnostics && diagnostics->size() < MaxDiagnostics) {
            // Plain ASCII reads the same in any codec Python knows; Python refuses names it does not.
            Diagnostic d;
            d.severity = Diagnostic::Severity::Warning;
            d.code = u"unsupported-encoding"_s;
            d.file = fileName;
            d.line = cookieLine;
            d.message = Tr::tr("Retort does not know the encoding '%1' of the coding declaration; the file is plain "
                               "ASCII, so it reads the same, but Python refuses to import it if '%1' is no codec")
                            .arg(QString::fromLatin1(cookie));
            diagnostics->append(d);
        }
        encoding = SourceEncoding::Utf8;
    } else if (encoding == SourceEncoding::Unknown) {
        addDiagnostic(diagnostics, u"syntax-error"_s, fileName, cookieLine,
                      Tr::tr("the file starts with a UTF-8 byte order mark but declares the encoding '%1'")
                          .arg(QString::fromLatin1(cookie)));
        encoding = SourceEncoding::Utf8;
    } else if (bom && encoding != SourceEncoding::Utf8) {
        addDiagnostic(diagnostics, u"syntax-error"_s, fileName, cookieLine,
                      Tr::tr("the file starts with a UTF-8 byte order mark but declares the encoding '%1'")
                          .arg(QString::fromLatin1(cookie)));
        encoding = SourceEncoding::Utf8;
    }

    switch (encoding) {
    case SourceEncoding::Latin1:
        return QString::fromLatin1(data);
    case SourceEncoding::Ascii:
    case SourceEncoding::Cp1252: {
        QString text(data.size(), Qt::Uninitialized);
        auto *out = reinterpret_cast<char16_t *>(text.data());
        qsizetype firstBad = -1;
        for (qsizetype i = 0; i < data.size(); ++i) {
            const auto c = static_cast<uchar>(data[i]);
            char16_t u = c;
            if (c >= 0x80)
                u = (encoding == SourceEncoding::Cp1252 && c < 0xA0) ? Cp1252High[c - 0x80]
                    : encoding == SourceEncoding::Cp1252             ? char16_t(c)
                                                                     : char16_t(0xFFFD);
            if (u == 0xFFFD && firstBad < 0)
                firstBad = i;
            out[i] = u;
        }
        if (firstBad >= 0) {
            addDiagnostic(diagnostics, u"syntax-error"_s, fileName, lineOfOffset(data, firstBad),
                          Tr::tr("a byte cannot be decoded with the declared encoding '%1'; it was replaced")
                              .arg(QString::fromLatin1(cookie)));
        }
        return text;
    }
    case SourceEncoding::Utf8:
    case SourceEncoding::Unknown:
        break;
    }
    const qsizetype bad = firstInvalidUtf8(data);
    if (bad >= 0) {
        addDiagnostic(diagnostics, u"non-utf8"_s, fileName, lineOfOffset(data, bad),
                      Tr::tr("the file is not valid UTF-8; undecodable bytes were replaced. Save it as UTF-8 or "
                             "declare its encoding in a coding comment"));
    }
    return QString::fromUtf8(data);
}

PythonTokenizer::PythonTokenizer(const QString &source, const QString &fileName)
    : m_source(source)
    , m_fileName(fileName)
{}

QList<PyToken> PythonTokenizer::tokenize()
{
    m_diagnostics.clear();
    Scanner scanner(m_source, m_fileName, &m_diagnostics);
    return scanner.run();
}

bool isPythonKeyword(QStringView word)
{
    static constexpr QStringView Words[] = {
        u"and",    u"as",   u"assert", u"async",  u"await",  u"break",   u"class",    u"continue",
        u"def",    u"del",  u"elif",   u"else",   u"except", u"finally", u"for",      u"from",
        u"global", u"if",   u"import", u"in",     u"is",     u"lambda",  u"nonlocal", u"not",
        u"or",     u"pass", u"raise",  u"return", u"try",    u"while",   u"with",     u"yield",
    };
    return std::find(std::begin(Words), std::end(Words), word) != std::end(Words);
}
