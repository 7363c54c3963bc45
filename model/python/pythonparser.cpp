// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythonparser.h"

#include "python/pythonconversions.h"

#include "python/pythontokenizer.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QStringView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Type = PyToken::Type;
using Kind = PyExpr::Kind;

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonParser)
};

bool isOpenBracket(const PyToken &t)
{
    return t.type == Type::Op && t.text.size() == 1 && (t.text[0] == u'(' || t.text[0] == u'[' || t.text[0] == u'{');
}

bool isCloseBracket(const PyToken &t)
{
    return t.type == Type::Op && t.text.size() == 1 && (t.text[0] == u')' || t.text[0] == u']' || t.text[0] == u'}');
}

bool isOp(const PyToken &t, QStringView op)
{
    return t.type == Type::Op && t.text == op;
}

bool isKeyword(const PyToken &t, QStringView word)
{
    return t.type == Type::Name && t.text == word;
}

bool isCompoundKeyword(QStringView word)
{
    return word == u"if" || word == u"elif" || word == u"else" || word == u"for" || word == u"while" ||
           word == u"with" || word == u"try" || word == u"except" || word == u"finally" || word == u"async";
}

bool isSimpleKeyword(QStringView word)
{
    return word == u"import" || word == u"from" || word == u"pass" || word == u"return" || word == u"raise" ||
           word == u"global" || word == u"nonlocal" || word == u"del" || word == u"assert" || word == u"break" ||
           word == u"continue";
}

/// Ends an expression at bracket depth 0.
bool isExpressionEnd(const PyToken &t)
{
    switch (t.type) {
    case Type::Newline:
    case Type::EndMarker:
    case Type::Indent:
    case Type::Dedent:
        return true;
    case Type::Op: {
        const QStringView s = t.text;
        if (s.size() == 1)
            return s[0] == u',' || s[0] == u')' || s[0] == u']' || s[0] == u'}' || s[0] == u':' || s[0] == u'=' ||
                   s[0] == u';';
        // augmented assignments end the target expression; comparisons and := do not
        return s.endsWith(QLatin1Char('=')) && s != u"==" && s != u"<=" && s != u">=" && s != u"!=" && s != u":=";
    }
    default:
        return false;
    }
}

/// Diagnostics kept per file: the echoes of one mistake add nothing.
constexpr int MaxDiagnostics = 10;
/// Python's tokenizer refuses more nested brackets ("too many nested parentheses").
constexpr int MaxNesting = 200;
/// Python 3.11's compiler gives up on longer chains like `a.b.b.b…` (RecursionError near 3,000).
constexpr int MaxPostfixChain = 3000;

enum class Scope
{
    Module,
    Body
};

class Parser
{
public:
    Parser(const QString &source, const QString &fileName, PyModule *module)
        : m_source(source)
        , m_fileName(fileName)
        , m_module(module)
    {}

    void run();

private:
    const PyToken &tok(qsizetype i) const { return m_all[m_sig[qBound(qsizetype(0), i, m_sig.size() - 1)]]; }
    const PyToken &cur() const { return tok(m_i); }
    bool atEnd() const { return cur().type == Type::EndMarker; }
    void advance()
    {
        if (m_i < m_sig.size() - 1)
            ++m_i;
    }
    bool atStatementEnd() const
    {
        const PyToken &t = cur();
        return t.type == Type::Newline || t.type == Type::EndMarker || t.type == Type::Dedent ||
               t.type == Type::Indent || isOp(t, u";");
    }
    void error(int line, const QString &what);

    QString sourceText(qsizetype first, qsizetype last) const;
    PyExpr make(Kind kind, qsizetype first) const;
    void finish(PyExpr *e, qsizetype first) const { e->source = sourceText(first, m_i - 1); }

    // expressions
    PyExpr parseExprList();
    PyExpr parseExpr();
    PyExpr parseElement();
    PyExpr parsePostfix();
    PyExpr parseAtom();
    PyExpr parseStrings();
    PyExpr parseNumber();
    PyExpr parseParenthesised();
    PyExpr parseList();
    PyExpr parseBraces();
    void parseCallArguments(PyExpr *call);
    PyExpr skipUnknown(qsizetype first);
    PyExpr unknownToClose(qsizetype first);
    void skipToClose();
    bool hasTopLevelFor(qsizetype first, qsizetype last) const;

    // statements
    void parseStatement(Scope scope, PyFunction *function, bool first);
    void parseSimpleStatements(Scope scope, PyFunction *function, bool first);
    /// True when the statement was a plain assignment to names or an import (both recorded).
    bool parseSimpleStatement(Scope scope, PyFunction *function, bool first);
    /// Adds the simple statement that starts with @p start and whose first expression is @p e to
    /// m_statements; the current token is the one after @p e.
    void recordBodyStatement(const PyToken &start, const PyExpr &e, bool first);
    /// Reads `with expr as name:` when it is exactly that; false (position unchanged) otherwise.
    bool parseWithHeader(PyStatement *statement);
    void parseImport();
    QString parseDottedName();
    void noteNamesTouched(qsizetype first, qsizetype last);
    void parseFunction();
    void parseCompoundInBody(PyFunction *function);
    void parseBlock(Scope scope, PyFunction *function, bool functionBody);
    /// Counts the statement starting at the current token into @p function's own body.
    void noteBodyStatement(PyFunction *function, bool first) const;
    bool skipHeader();
    void skipLogicalLine();
    void skipSimpleStatement();
    void skipBlock();
    void skipCompound();
    bool expectBlock(const PyToken &header);
    int lastLineOfBlock(qsizetype blockEnd, int defColumn) const;

    const QString &m_source;
    QString m_fileName;
    PyModule *m_module;
    QList<PyToken> m_all;
    QList<int> m_sig; ///< indexes into m_all of the tokens that are not comments or NL
    qsizetype m_i = 0;
    int m_depth = 0; ///< nested parseExpr() calls
    /// Where the statements of the function body being read go (the innermost open block's body).
    QList<PyStatement> *m_statements = nullptr;
};

void Parser::error(int line, const QString &what)
{
    // Enough to show what is wrong; the tokenizer keeps the same limit.
    if (m_module->diagnostics.size() >= MaxDiagnostics)
        return;
    // One report per line: the tokenizer's explanation of broken tokens is the better one.
    for (const Diagnostic &d : std::as_const(m_module->diagnostics)) {
        if (d.line == line && d.file == m_fileName)
            return;
    }
    Diagnostic d;
    d.code = u"syntax-error"_s;
    d.file = m_fileName;
    d.line = line;
    d.message = what; // file and line are fields of their own
    m_module->diagnostics.append(d);
}

void Parser::run()
{
    PythonTokenizer tokenizer(m_source, m_fileName);
    m_all = tokenizer.tokenize();
    m_module->diagnostics += tokenizer.diagnostics();
    m_sig.reserve(m_all.size());
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const Type type = m_all[i].type;
        if (type != Type::Comment && type != Type::NL)
            m_sig.append(int(i));
    }

    bool first = true;
    while (!atEnd()) {
        const PyToken &t = cur();
        if (t.type == Type::Newline || t.type == Type::Dedent) {
            advance();
        } else if (t.type == Type::Indent) {
            error(t.line, Tr::tr("unexpected indent"));
            skipBlock();
        } else {
            const qsizetype before = m_i;
            parseStatement(Scope::Module, nullptr, first);
            if (m_i == before)
                advance();
        }
        first = false;
    }
}

QString Parser::sourceText(qsizetype first, qsizetype last) const
{
    if (first > last)
        return {};
    const PyToken &a = tok(first);
    const PyToken &b = tok(last);
    if (a.line == b.endLine)
        return m_source.mid(a.offset, b.endOffset - a.offset);
    // Joined onto one line: comments dropped, line breaks and indentation become one space.
    QString joined;
    joined.reserve(b.endOffset - a.offset);
    for (qsizetype i = first; i <= last; ++i) {
        const PyToken &t = tok(i);
        if (t.type == Type::Newline || t.type == Type::Indent || t.type == Type::Dedent)
            continue;
        if (i > first) {
            const PyToken &previous = tok(i - 1);
            const bool gap = previous.endOffset != t.offset;
            if (gap && !isOpenBracket(previous) && !isCloseBracket(t) && !isOp(t, u","))
                joined += QLatin1Char(' ');
        }
        joined += t.text;
    }
    return joined;
}

PyExpr Parser::make(Kind kind, qsizetype first) const
{
    PyExpr e;
    e.kind = kind;
    e.line = tok(first).line;
    e.column = tok(first).column;
    return e;
}

// ---- expressions ------------------------------------------------------------------------------

PyExpr Parser::parseExprList()
{
    const qsizetype first = m_i;
    PyExpr e = parseElement();
    if (!isOp(cur(), u","))
        return e;
    PyExpr tuple = make(Kind::Tuple, first);
    tuple.items.append(std::move(e));
    while (isOp(cur(), u",")) {
        advance();
        if (isExpressionEnd(cur()))
            break;
        const qsizetype before = m_i;
        tuple.items.append(parseElement());
        if (m_i == before)
            break;
    }
    finish(&tuple, first);
    return tuple;
}

PyExpr Parser::parseExpr()
{
    const qsizetype first = m_i;
    // Every nested bracket passes through here: Python's limit keeps the recursion (and the stack) bounded.
    if (m_depth >= MaxNesting) {
        error(cur().line, Tr::tr("too many nested parentheses (Python allows %1)").arg(MaxNesting));
        return skipUnknown(first);
    }
    ++m_depth;
    const auto leave = qScopeGuard([this] { --m_depth; });
    PyExpr e = parsePostfix();
    if (isExpressionEnd(cur()))
        return e;
    // Binary operators, conditional expressions, comprehensions…: keep the text only.
    m_i = first;
    return skipUnknown(first);
}

PyExpr Parser::parseElement()
{
    if (!isOp(cur(), u"*"))
        return parseExpr();
    const qsizetype first = m_i;
    advance();
    PyExpr starred = make(Kind::Unknown, first);
    starred.items.append(parseExpr());
    finish(&starred, first);
    return starred;
}

PyExpr Parser::parsePostfix()
{
    const qsizetype first = m_i;
    PyExpr e = parseAtom();
    if (m_i == first)
        return e;
    for (int length = 0;; ++length) {
        const PyToken &t = cur();
        if (length == MaxPostfixChain && (isOp(t, u".") || isOp(t, u"(") || isOp(t, u"["))) {
            // Each step keeps its own source text: far longer chains would cost quadratic time and memory.
            error(t.line, Tr::tr("more than %1 attribute accesses, calls or subscripts in a row; Python stops "
                                 "compiling such an expression (RecursionError)")
                              .arg(MaxPostfixChain));
            return skipUnknown(first);
        }
        if (isOp(t, u".") && tok(m_i + 1).type == Type::Name) {
            PyExpr attribute = make(Kind::Attribute, first);
            attribute.text = tok(m_i + 1).text.toString();
            attribute.items.append(std::move(e));
            m_i += 2;
            finish(&attribute, first);
            e = std::move(attribute);
        } else if (isOp(t, u"(")) {
            PyExpr call = make(Kind::Call, first);
            call.items.append(std::move(e));
            parseCallArguments(&call);
            if (call.kind == Kind::Call) {
                finish(&call, first);
            } else {
                call = make(Kind::Unknown, first);
                finish(&call, first);
            }
            e = std::move(call);
        } else if (isOp(t, u"[")) {
            PyExpr subscript = make(Kind::Subscript, first);
            subscript.items.append(std::move(e));
            advance();
            const qsizetype indexFirst = m_i;
            PyExpr index = parseExprList();
            if (isOp(cur(), u"]")) {
                advance();
            } else {
                m_i = indexFirst;
                skipToClose();
                index = make(Kind::Unknown, indexFirst);
                index.source = sourceText(indexFirst, isOp(tok(m_i - 1), u"]") ? m_i - 2 : m_i - 1);
            }
            subscript.items.append(std::move(index));
            finish(&subscript, first);
            e = std::move(subscript);
        } else {
            return e;
        }
    }
}

PyExpr Parser::parseAtom()
{
    const qsizetype first = m_i;
    const PyToken &t = cur();
    switch (t.type) {
    case Type::Name: {
        if (t.text == u"None" || t.text == u"True" || t.text == u"False") {
            PyExpr e = make(t.text == u"None" ? Kind::None : Kind::Bool, first);
            if (e.kind == Kind::Bool)
                e.text = t.text.toString();
            e.source = t.text.toString();
            advance();
            return e;
        }
        if (isPythonKeyword(t.text))
            return skipUnknown(first);
        PyExpr e = make(Kind::Name, first);
        e.text = t.text.toString();
        e.source = t.text.toString();
        advance();
        return e;
    }
    case Type::Number:
        return parseNumber();
    case Type::String:
        return parseStrings();
    case Type::Op:
        if (t.text == u"(")
            return parseParenthesised();
        if (t.text == u"[")
            return parseList();
        if (t.text == u"{")
            return parseBraces();
        if (t.text == u"-" && tok(m_i + 1).type == Type::Number) {
            advance();
            PyExpr number = parseNumber();
            if (number.kind == Kind::Int || number.kind == Kind::Float)
                number.text.prepend(QLatin1Char('-'));
            number.line = t.line;
            number.column = t.column;
            finish(&number, first);
            return number;
        }
        return skipUnknown(first);
    default:
        return skipUnknown(first);
    }
}

PyExpr Parser::parseNumber()
{
    const qsizetype first = m_i;
    const QStringView text = cur().text;
    const bool radix = text.size() > 1 && text[0] == u'0' && text[1].isLetter();
    Kind kind = Kind::Int;
    if (text.endsWith(QLatin1Char('j')) || text.endsWith(QLatin1Char('J')))
        kind = Kind::Unknown;
    else if (!radix &&
             (text.contains(QLatin1Char('.')) || text.contains(QLatin1Char('e')) || text.contains(QLatin1Char('E'))))
        kind = Kind::Float;
    PyExpr e = make(kind, first);
    if (kind != Kind::Unknown)
        e.text = text.toString();
    e.source = text.toString();
    advance();
    return e;
}

PyExpr Parser::parseStrings()
{
    const qsizetype first = m_i;
    bool anyBytes = false;
    bool anyText = false;
    bool formatted = false;
    bool ok = true;
    QString value;
    while (cur().type == Type::String) {
        const PyToken &t = cur();
        for (QChar c : t.text) {
            if (c == u'\'' || c == u'"')
                break;
            if (c == u'f' || c == u'F')
                formatted = true;
        }
        QString part;
        bool isBytes = false;
        if (!decodePythonStringLiteral(t.text, &part, &isBytes)) {
            error(t.line, Tr::tr("invalid string literal %1").arg(t.text.left(40)));
            ok = false;
        }
        (isBytes ? anyBytes : anyText) = true;
        value += part;
        advance();
    }
    if (anyBytes && anyText) {
        error(tok(first).line, Tr::tr("cannot mix bytes and nonbytes literals"));
        ok = false;
    }
    PyExpr e = make(!ok || formatted ? Kind::Unknown : anyBytes ? Kind::Bytes : Kind::String, first);
    if (e.kind != Kind::Unknown)
        e.text = value;
    finish(&e, first);
    return e;
}

bool Parser::hasTopLevelFor(qsizetype first, qsizetype last) const
{
    int depth = 0;
    for (qsizetype i = first; i <= last; ++i) {
        const PyToken &t = tok(i);
        if (isOpenBracket(t))
            ++depth;
        else if (isCloseBracket(t))
            --depth;
        else if (depth == 0 && isKeyword(t, u"for"))
            return true;
    }
    return false;
}

PyExpr Parser::parseParenthesised()
{
    const qsizetype first = m_i;
    advance();
    if (isOp(cur(), u")")) {
        advance();
        PyExpr empty = make(Kind::Tuple, first);
        finish(&empty, first);
        return empty;
    }
    const qsizetype elementFirst = m_i;
    PyExpr element = parseElement();
    if (isOp(cur(), u")") && !hasTopLevelFor(elementFirst, m_i - 1)) {
        advance();
        return element;
    }
    if (!isOp(cur(), u","))
        return unknownToClose(first);
    PyExpr tuple = make(Kind::Tuple, first);
    tuple.items.append(std::move(element));
    while (isOp(cur(), u",")) {
        advance();
        if (isOp(cur(), u")"))
            break;
        tuple.items.append(parseElement());
    }
    if (!isOp(cur(), u")"))
        return unknownToClose(first);
    advance();
    finish(&tuple, first);
    return tuple;
}

PyExpr Parser::parseList()
{
    const qsizetype first = m_i;
    advance();
    PyExpr list = make(Kind::List, first);
    while (!isOp(cur(), u"]")) {
        const qsizetype elementFirst = m_i;
        list.items.append(parseElement());
        if (m_i == elementFirst || hasTopLevelFor(elementFirst, m_i - 1))
            return unknownToClose(first);
        if (isOp(cur(), u","))
            advance();
        else if (!isOp(cur(), u"]"))
            return unknownToClose(first);
    }
    advance();
    finish(&list, first);
    return list;
}

PyExpr Parser::parseBraces()
{
    const qsizetype first = m_i;
    advance();
    PyExpr e = make(Kind::Dict, first);
    bool isDict = true;
    bool decided = false;
    while (!isOp(cur(), u"}")) {
        const qsizetype elementFirst = m_i;
        if (isOp(cur(), u"**"))
            return unknownToClose(first);
        PyExpr key = parseElement();
        if (m_i == elementFirst)
            return unknownToClose(first);
        const bool hasValue = isOp(cur(), u":");
        if (decided && hasValue != isDict)
            return unknownToClose(first);
        decided = true;
        isDict = hasValue;
        e.items.append(std::move(key));
        if (hasValue) {
            advance();
            const qsizetype valueFirst = m_i;
            e.items.append(parseExpr());
            if (m_i == valueFirst)
                return unknownToClose(first);
        }
        if (hasTopLevelFor(elementFirst, m_i - 1))
            return unknownToClose(first);
        if (isOp(cur(), u","))
            advance();
        else if (!isOp(cur(), u"}"))
            return unknownToClose(first);
    }
    advance();
    if (!isDict)
        e.kind = Kind::Set;
    finish(&e, first);
    return e;
}

void Parser::parseCallArguments(PyExpr *call)
{
    advance(); // (
    while (!isOp(cur(), u")")) {
        const qsizetype before = m_i;
        const PyToken &t = cur();
        if (isOp(t, u"**")) {
            advance();
            call->keywords.append({QString(), parseExpr()});
        } else if (t.type == Type::Name && isOp(tok(m_i + 1), u"=") && !isPythonKeyword(t.text)) {
            const QString name = t.text.toString();
            m_i += 2;
            call->keywords.append({name, parseExpr()});
        } else {
            call->items.append(parseElement());
        }
        if (m_i == before) {
            call->kind = Kind::Unknown;
            skipToClose();
            return;
        }
        if (isOp(cur(), u","))
            advance();
        else if (!isOp(cur(), u")")) {
            call->kind = Kind::Unknown;
            skipToClose();
            return;
        }
    }
    advance();
}

PyExpr Parser::skipUnknown(qsizetype first)
{
    m_i = first;
    int depth = 0;
    int lambdas = 0;
    while (true) {
        const PyToken &t = cur();
        if (t.type == Type::Newline || t.type == Type::EndMarker || t.type == Type::Indent || t.type == Type::Dedent)
            break;
        if (isOpenBracket(t)) {
            ++depth;
        } else if (isCloseBracket(t)) {
            if (depth == 0)
                break;
            --depth;
        } else if (depth == 0) {
            if (isKeyword(t, u"lambda")) {
                ++lambdas;
            } else if (lambdas > 0) { // inside a lambda's parameters: `,` and `=` do not end it
                if (isOp(t, u":"))
                    --lambdas;
            } else if (isExpressionEnd(t)) {
                break;
            }
        }
        advance();
    }
    PyExpr e = make(Kind::Unknown, first);
    finish(&e, first);
    return e;
}

void Parser::skipToClose()
{
    int depth = 0;
    while (true) {
        const PyToken &t = cur();
        if (t.type == Type::Newline || t.type == Type::EndMarker || t.type == Type::Indent || t.type == Type::Dedent)
            return;
        advance();
        if (isOpenBracket(t)) {
            ++depth;
        } else if (isCloseBracket(t)) {
            if (depth == 0)
                return;
            --depth;
        }
    }
}

PyExpr Parser::unknownToClose(qsizetype first)
{
    m_i = first + 1;
    skipToClose();
    PyExpr e = make(Kind::Unknown, first);
    finish(&e, first);
    return e;
}

// ---- statements -------------------------------------------------------------------------------

void Parser::parseStatement(Scope scope, PyFunction *function, bool first)
{
    const PyToken &t = cur();
    if (isOp(t, u"@")) { // a decorator line; the def or class follows as the next statement
        skipLogicalLine();
        return;
    }
    if (t.type == Type::Name) {
        const bool isDef = t.text == u"def" || (t.text == u"async" && isKeyword(tok(m_i + 1), u"def"));
        if (isDef && scope == Scope::Module) {
            parseFunction();
            return;
        }
        if (isDef || t.text == u"class") {
            skipCompound();
            return;
        }
        // `match`/`case` are soft keywords: a statement only when the logical line is a block header.
        bool compound = isCompoundKeyword(t.text);
        if (!compound && (t.text == u"match" || t.text == u"case") && !isExpressionEnd(tok(m_i + 1)) &&
            !isOp(tok(m_i + 1), u".")) {
            qsizetype end = m_i;
            while (tok(end).type != Type::Newline && tok(end).type != Type::EndMarker)
                ++end;
            compound = end > m_i && isOp(tok(end - 1), u":");
        }
        if (compound) {
            if (scope == Scope::Module) {
                const qsizetype before = m_i;
                skipCompound();
                noteNamesTouched(before, m_i);
            } else
                parseCompoundInBody(function);
            return;
        }
    }
    parseSimpleStatements(scope, function, first);
}

void Parser::parseSimpleStatements(Scope scope, PyFunction *function, bool first)
{
    while (true) {
        const qsizetype before = m_i;
        const bool binding = parseSimpleStatement(scope, function, first);
        first = false;
        if (!atStatementEnd() || m_i == before)
            skipSimpleStatement();
        if (scope == Scope::Module && !binding)
            noteNamesTouched(before, m_i);
        if (!isOp(cur(), u";"))
            break;
        advance();
        if (atStatementEnd())
            break;
    }
    if (cur().type == Type::Newline)
        advance();
}

bool Parser::parseSimpleStatement(Scope scope, PyFunction *function, bool first)
{
    const PyToken &t = cur();
    if (scope == Scope::Module && (isKeyword(t, u"import") || isKeyword(t, u"from"))) {
        parseImport();
        return true;
    }
    if (t.type == Type::Name && isSimpleKeyword(t.text)) {
        if (scope == Scope::Body && m_statements && t.text != u"pass")
            m_statements->append(PyStatement{PyStatement::Kind::Other, t.line, t.text.toString(), {}, {}, {}});
        skipSimpleStatement();
        return false;
    }
    const PyToken &statementStart = t;
    PyExpr e = parseExprList();
    if (scope == Scope::Body && m_statements)
        recordBodyStatement(statementStart, e, first);
    if (isOp(cur(), u":")) {
        advance();
        const PyExpr annotation = parseExpr();
        if (!isOp(cur(), u"="))
            return false;
        advance();
        PyExpr value = parseExprList();
        if (scope == Scope::Module && e.kind == Kind::Name)
            m_module->assignments.append(PyAssignment{e.text, annotation.source, std::move(value), e.line});
        return e.kind == Kind::Name;
    }
    if (isOp(cur(), u"=")) {
        QList<PyExpr> targets{std::move(e)};
        PyExpr value;
        while (isOp(cur(), u"=")) {
            advance();
            value = parseExprList();
            if (isOp(cur(), u"="))
                targets.append(value);
        }
        if (scope != Scope::Module)
            return false;
        // `revision, down_revision = 'b2', 'a1'`: each name gets its element.
        if (targets.size() == 1 && targets.first().kind == Kind::Tuple && value.kind == Kind::Tuple &&
            targets.first().items.size() == value.items.size()) {
            bool names = true;
            for (const PyExpr &item : std::as_const(targets.first().items))
                names = names && item.kind == Kind::Name;
            if (names) {
                for (qsizetype k = 0; k < value.items.size(); ++k) {
                    const PyExpr &name = targets.first().items.at(k);
                    m_module->assignments.append(PyAssignment{name.text, QString(), value.items.at(k), name.line});
                }
                return true;
            }
        }
        bool allNames = true;
        for (const PyExpr &target : std::as_const(targets)) {
            if (target.kind == Kind::Name)
                m_module->assignments.append(PyAssignment{target.text, QString(), value, target.line});
            else
                allNames = false;
        }
        return allNames;
    }
    if (!atStatementEnd())
        return false;
    if (first && e.kind == Kind::String) {
        if (scope == Scope::Module) {
            m_module->docstring = e.text;
            m_module->docstringLine = e.line;
        } else if (function) {
            function->docstring = e.text;
        }
    } else if (scope == Scope::Body && function && e.kind == Kind::Call) {
        function->calls.append(std::move(e));
    }
    return false;
}

QString Parser::parseDottedName()
{
    QString name;
    while (cur().type == Type::Name && !isKeyword(cur(), u"import")) {
        name += cur().text;
        advance();
        if (!isOp(cur(), u"."))
            break;
        name += u'.';
        advance();
    }
    return name;
}

// `import a.b as c, d` and `from ..a import (b as c, d)`; anything else is left to the skip that follows.
void Parser::parseImport()
{
    const int line = cur().line;
    if (isKeyword(cur(), u"import")) {
        advance();
        while (cur().type == Type::Name) {
            const QString module = parseDottedName();
            if (module.isEmpty() || module.endsWith(u'.'))
                return;
            PyImport import{module.section(u'.', 0, 0), QString(), module.section(u'.', 0, 0), line};
            if (isKeyword(cur(), u"as") && tok(m_i + 1).type == Type::Name) {
                import.module = module;
                import.boundAs = tok(m_i + 1).text.toString();
                m_i += 2;
            }
            m_module->imports.append(import);
            if (!isOp(cur(), u","))
                return;
            advance();
        }
        return;
    }
    advance(); // from
    QString module;
    while (isOp(cur(), u".") || isOp(cur(), u"...")) {
        module += cur().text;
        advance();
    }
    module += parseDottedName();
    if (!isKeyword(cur(), u"import"))
        return;
    advance();
    if (isOp(cur(), u"*")) {
        m_module->hasStarImport = true;
        advance();
        return;
    }
    const bool parenthesised = isOp(cur(), u"(");
    if (parenthesised)
        advance();
    while (cur().type == Type::Name) {
        PyImport import{module, cur().text.toString(), cur().text.toString(), line};
        advance();
        if (isKeyword(cur(), u"as") && tok(m_i + 1).type == Type::Name) {
            import.boundAs = tok(m_i + 1).text.toString();
            m_i += 2;
        }
        m_module->imports.append(import);
        if (!isOp(cur(), u","))
            break;
        advance();
    }
    if (parenthesised && isOp(cur(), u")"))
        advance();
}

void Parser::noteNamesTouched(qsizetype first, qsizetype last)
{
    auto note = [&](const PyToken &t) {
        if (t.type == Type::Name && !isPythonKeyword(t.text) &&
            !m_module->namesTouchedElsewhere.contains(t.text.toString()))
            m_module->namesTouchedElsewhere.insert(t.text.toString(), t.line);
    };
    bool bindsEveryName = false; // the rest of an import, del, global or nonlocal statement
    for (qsizetype i = first; i < last; ++i) {
        const PyToken &t = tok(i);
        if (t.type == Type::Newline || isOp(t, u";")) {
            bindsEveryName = false;
            continue;
        }
        if (isKeyword(t, u"import") || isKeyword(t, u"del") || isKeyword(t, u"global") || isKeyword(t, u"nonlocal")) {
            bindsEveryName = true;
            continue;
        }
        if (t.type != Type::Name || isPythonKeyword(t.text))
            continue;
        const PyToken &previous = tok(i - 1);
        const PyToken &next = tok(i + 1);
        // Rebinding: `x =`, `x +=`, `x :=`, `x[…] =`, `x.append(…)`, `for x in`, `as x`; a tuple
        // target `a, b = …` is a change of each of its names.
        const bool assigned = next.type == Type::Op && next.text.endsWith(u'=') && next.text != u"==" &&
                              next.text != u"<=" && next.text != u">=" && next.text != u"!=";
        const bool changed = isOp(next, u"[") || (isOp(next, u".") && !isOp(previous, u"."));
        const bool target = i > first && (isKeyword(previous, u"for") || isKeyword(previous, u"as"));
        const bool inTuple = isOp(next, u",") && (i == first || tok(i - 1).type == Type::Newline ||
                                                  tok(i - 1).type == Type::Indent || isOp(previous, u","));
        if (bindsEveryName || assigned || changed || target || inTuple)
            note(t);
    }
}

void Parser::parseFunction()
{
    const PyToken &start = cur();
    if (start.text == u"async")
        advance();
    const PyToken &def = cur();
    const qsizetype defIndex = m_i;
    advance();
    if (cur().type != Type::Name || !isOp(tok(m_i + 1), u"(")) {
        error(def.line, Tr::tr("invalid function definition"));
        m_i = defIndex;
        skipCompound();
        return;
    }
    PyFunction function;
    m_statements = &function.statements;
    const auto stopRecording = qScopeGuard([this] { m_statements = nullptr; });
    function.name = cur().text.toString();
    function.firstLine = def.line;
    m_i += 2;
    skipToClose(); // the parameters
    if (!skipHeader()) {
        error(def.line, Tr::tr("expected ':' at the end of the definition of '%1'").arg(function.name));
        skipLogicalLine();
        return;
    }
    if (cur().type != Type::Newline) {
        noteBodyStatement(&function, true);
        parseSimpleStatements(Scope::Body, &function, true);
        function.lastLine = tok(m_i - 1).type == Type::Newline ? tok(m_i - 2).endLine : tok(m_i - 1).endLine;
    } else {
        advance();
        if (expectBlock(def)) {
            parseBlock(Scope::Body, &function, true);
            function.lastLine = lastLineOfBlock(m_i, start.column);
        } else {
            function.lastLine = def.line;
        }
    }
    function.lastLine = qMax(function.lastLine, function.firstLine);
    m_module->functions.append(std::move(function));
}

int Parser::lastLineOfBlock(qsizetype blockEnd, int defColumn) const
{
    // blockEnd is just after the block's Dedent; step back over Dedents and Newlines.
    qsizetype last = blockEnd - 1;
    while (last > 0 &&
           (tok(last).type == Type::Dedent || tok(last).type == Type::Newline || tok(last).type == Type::EndMarker))
        --last;
    int line = tok(last).endLine;
    // Comment lines indented under the def still belong to it (Alembic's "### end Alembic commands ###").
    const qsizetype from = m_sig[qBound(qsizetype(0), last, m_sig.size() - 1)] + 1;
    const qsizetype to = m_sig[qBound(qsizetype(0), blockEnd - 1, m_sig.size() - 1)];
    for (qsizetype i = from; i < to && i < m_all.size(); ++i) {
        const PyToken &t = m_all[i];
        if (t.type == Type::Comment && t.column > defColumn)
            line = qMax(line, t.endLine);
    }
    return line;
}

void Parser::recordBodyStatement(const PyToken &start, const PyExpr &e, bool first)
{
    PyStatement statement;
    statement.line = start.line;
    if (isOp(cur(), u"=") && e.kind == Kind::Name) {
        // Only the first target of a chain is kept; the value is read again by the caller.
        const qsizetype at = m_i;
        advance();
        statement.kind = PyStatement::Kind::Assignment;
        statement.target = e.text;
        statement.expr = parseExprList();
        if (isOp(cur(), u"=")) {
            statement.kind = PyStatement::Kind::Other;
            statement.keyword = e.text;
            statement.expr = PyExpr();
        }
        m_i = at;
    } else if (atStatementEnd() && e.kind == Kind::Call) {
        statement.kind = PyStatement::Kind::Call;
        statement.expr = e;
    } else if (atStatementEnd() && first && e.kind == Kind::String) {
        return; // the docstring
    } else if (atStatementEnd() && (e.source == u"..." || e.kind == Kind::String)) {
        return; // `...` and bare strings do nothing
    } else {
        statement.keyword = start.text.toString();
    }
    m_statements->append(std::move(statement));
}

bool Parser::parseWithHeader(PyStatement *statement)
{
    const qsizetype start = m_i;
    advance();                       // with
    PyExpr context = parsePostfix(); // parseExpr() would take `as` for the start of an operator
    QString target;
    if (isKeyword(cur(), u"as") && tok(m_i + 1).type == Type::Name) {
        target = tok(m_i + 1).text.toString();
        m_i += 2;
    }
    if (!isOp(cur(), u":")) {
        m_i = start;
        return false;
    }
    advance();
    statement->expr = std::move(context);
    statement->target = target;
    return true;
}

void Parser::parseCompoundInBody(PyFunction *function)
{
    const PyToken &header = cur();
    PyStatement statement;
    statement.kind = PyStatement::Kind::Block;
    statement.line = header.line;
    statement.keyword = header.text.toString();
    if (m_statements && header.text == u"with" && parseWithHeader(&statement)) {
        statement.kind = PyStatement::Kind::With;
    } else if (!skipHeader()) {
        skipLogicalLine();
        return;
    }
    QList<PyStatement> *outer = m_statements;
    QList<PyStatement> *inner = nullptr;
    if (outer) {
        outer->append(std::move(statement));
        inner = &outer->last().body;
    }
    m_statements = inner;
    if (cur().type != Type::Newline) {
        parseSimpleStatements(Scope::Body, function, false);
    } else {
        advance();
        if (expectBlock(header))
            parseBlock(Scope::Body, function, false);
    }
    m_statements = outer;
}

bool Parser::expectBlock(const PyToken &header)
{
    if (cur().type == Type::Indent)
        return true;
    error(header.line,
          Tr::tr("expected an indented block after '%1' statement on line %2").arg(header.text).arg(header.line));
    return false;
}

void Parser::parseBlock(Scope scope, PyFunction *function, bool functionBody)
{
    advance();                 // Indent
    bool first = functionBody; // only a function's own first statement can be its docstring
    while (!atEnd()) {
        const PyToken &t = cur();
        if (t.type == Type::Dedent) {
            advance();
            return;
        }
        if (t.type == Type::Newline) {
            advance();
        } else if (t.type == Type::Indent) {
            error(t.line, Tr::tr("unexpected indent"));
            skipBlock();
        } else {
            if (functionBody)
                noteBodyStatement(function, first);
            const qsizetype before = m_i;
            parseStatement(scope, function, first);
            if (m_i == before)
                advance();
        }
        first = false;
    }
}

void Parser::noteBodyStatement(PyFunction *function, bool first) const
{
    const PyToken &t = cur();
    const bool docstring = first && t.type == Type::String;
    if (docstring || isKeyword(t, u"pass") || (isOp(t, u"...") && tok(m_i + 1).type == Type::Newline))
        return;
    ++function->bodyStatements;
    if (isKeyword(t, u"raise"))
        function->alwaysRaises = true;
}

/// Moves past the `:` that ends a block header; false (at the Newline) when there is none.
bool Parser::skipHeader()
{
    int depth = 0;
    int lambdas = 0;
    while (true) {
        const PyToken &t = cur();
        if (t.type == Type::Newline || t.type == Type::EndMarker || t.type == Type::Indent || t.type == Type::Dedent)
            return false;
        advance();
        if (isOpenBracket(t)) {
            ++depth;
        } else if (isCloseBracket(t)) {
            depth = qMax(0, depth - 1);
        } else if (depth == 0) {
            if (isKeyword(t, u"lambda"))
                ++lambdas;
            else if (isOp(t, u":") && lambdas-- == 0)
                return true;
        }
    }
}

void Parser::skipLogicalLine()
{
    while (cur().type != Type::Newline && !atEnd() && cur().type != Type::Dedent && cur().type != Type::Indent)
        advance();
    if (cur().type == Type::Newline)
        advance();
}

void Parser::skipSimpleStatement()
{
    while (!atStatementEnd())
        advance();
}

void Parser::skipBlock()
{
    int depth = 0;
    while (!atEnd()) {
        const Type type = cur().type;
        advance();
        if (type == Type::Indent) {
            ++depth;
        } else if (type == Type::Dedent && --depth <= 0) {
            return;
        }
    }
}

void Parser::skipCompound()
{
    const PyToken &header = cur();
    const qsizetype first = m_i;
    skipLogicalLine();
    const qsizetype lastOfLine = m_i - 2; // before the Newline
    if (lastOfLine >= first && tok(m_i - 1).type == Type::Newline && isOp(tok(lastOfLine), u":")) {
        if (expectBlock(header))
            skipBlock();
    }
}

// ---- string literals --------------------------------------------------------------------------

void sortByLine(Diagnostics *diagnostics)
{
    std::stable_sort(diagnostics->begin(), diagnostics->end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
}

} // namespace

bool decodePythonStringLiteral(QStringView tokenText, QString *value, bool *isBytes)
{
    const QStringView text(tokenText);
    qsizetype p = 0;
    bool raw = false;
    bool bytes = false;
    bool formatted = false;
    bool unicode = false;
    while (p < text.size() && text[p] != u'\'' && text[p] != u'"') {
        switch (text[p].toLower().unicode()) {
        case u'r':
            if (raw)
                return false;
            raw = true;
            break;
        case u'b':
            if (bytes)
                return false;
            bytes = true;
            break;
        case u'f':
            if (formatted)
                return false;
            formatted = true;
            break;
        case u'u':
            if (unicode)
                return false;
            unicode = true;
            break;
        default:
            return false;
        }
        ++p;
    }
    if (p > 2 || (bytes && formatted) || (unicode && p > 1))
        return false;
    if (p >= text.size())
        return false;
    const QChar quote = text[p];
    const bool triple = p + 5 < text.size() && text[p + 1] == quote && text[p + 2] == quote;
    const qsizetype quoteLength = triple ? 3 : 1;
    const qsizetype bodyStart = p + quoteLength;
    const qsizetype bodyEnd = text.size() - quoteLength;
    if (bodyEnd < bodyStart)
        return false;
    for (qsizetype i = bodyEnd; i < text.size(); ++i) {
        if (text[i] != quote)
            return false;
    }
    const QStringView body = text.sliced(bodyStart, bodyEnd - bodyStart);

    QString out;
    out.reserve(body.size());
    qsizetype i = 0;
    const qsizetype n = body.size();
    while (i < n) {
        const QChar c = body[i];
        if (c == u'\r') { // the source's line breaks read as \n
            out += QLatin1Char('\n');
            i += (i + 1 < n && body[i + 1] == u'\n') ? 2 : 1;
            continue;
        }
        if (bytes && c.unicode() > 0x7F)
            return false;
        if (c == u'\\' && raw && i + 1 >= n)
            return false; // the backslash escapes the closing quote
        if (c != u'\\' || raw) {
            if (c == u'\\' && i + 1 < n) { // a raw backslash still keeps the next character
                out += c;
                out += body[i + 1] == u'\r' ? QChar(u'\n') : body[i + 1];
                i += (body[i + 1] == u'\r' && i + 2 < n && body[i + 2] == u'\n') ? 3 : 2;
                continue;
            }
            if (!triple && (c == quote || c == u'\n'))
                return false;
            out += c;
            ++i;
            continue;
        }
        if (i + 1 >= n)
            return false; // the backslash escapes the closing quote
        const QChar e = body[i + 1];
        i += 2;
        switch (e.unicode()) {
        case u'\n':
            break;
        case u'\r':
            if (i < n && body[i] == u'\n')
                ++i;
            break;
        case u'\\':
        case u'\'':
        case u'"':
            out += e;
            break;
        case u'a':
            out += QChar(7);
            break;
        case u'b':
            out += QChar(8);
            break;
        case u'f':
            out += QChar(12);
            break;
        case u'n':
            out += QChar(10);
            break;
        case u'r':
            out += QChar(13);
            break;
        case u't':
            out += QChar(9);
            break;
        case u'v':
            out += QChar(11);
            break;
        case u'0':
        case u'1':
        case u'2':
        case u'3':
        case u'4':
        case u'5':
        case u'6':
        case u'7': {
            uint code = e.unicode() - u'0';
            for (int k = 0; k < 2 && i < n && body[i] >= u'0' && body[i] <= u'7'; ++k, ++i)
                code = code * 8 + (body[i].unicode() - u'0');
            out += QChar(char16_t(bytes ? (code & 0xFF) : code));
            break;
        }
        case u'x':
        case u'u':
        case u'U': {
            if (bytes && e != u'x') {
                out += u'\\';
                out += e;
                break;
            }
            const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
            if (i + digits > n)
                return false;
            char32_t code = 0;
            for (int k = 0; k < digits; ++k) {
                const int v = hexDigitValue(body[i + k]);
                if (v < 0)
                    return false;
                code = code * 16 + char32_t(v);
            }
            i += digits;
            if (code > 0x10FFFF)
                return false;
            if (QChar::requiresSurrogates(code)) {
                out += QChar(QChar::highSurrogate(code));
                out += QChar(QChar::lowSurrogate(code));
            } else {
                out += QChar(char16_t(code));
            }
            break;
        }
        default: // unknown escapes (and \N{...}) stay as written
            out += u'\\';
            if (e == u'\r') {
                out += QLatin1Char('\n');
            } else {
                if (bytes && e.unicode() > 0x7F)
                    return false;
                out += e;
            }
            break;
        }
    }
    if (value)
        *value = out;
    if (isBytes)
        *isBytes = bytes;
    return true;
}

PyModule parsePythonSource(const QString &source, const QString &fileName)
{
    PyModule module;
    Parser parser(source, fileName, &module);
    parser.run();
    sortByLine(&module.diagnostics);
    return module;
}

PyModule parsePythonModule(const QByteArray &bytes, const QString &fileName)
{
    Diagnostics decodeDiagnostics;
    const QString source = PythonTokenizer::decode(bytes, fileName, &decodeDiagnostics);
    PyModule module = parsePythonSource(source, fileName);
    module.diagnostics = decodeDiagnostics + module.diagnostics;
    sortByLine(&module.diagnostics);
    return module;
}
