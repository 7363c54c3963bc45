// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythontokenizer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString typeName(PyToken::Type type)
{
    switch (type) {
    case PyToken::Type::Name:
        return u"NAME"_s;
    case PyToken::Type::Number:
        return u"NUMBER"_s;
    case PyToken::Type::String:
        return u"STRING"_s;
    case PyToken::Type::Op:
        return u"OP"_s;
    case PyToken::Type::Newline:
        return u"NEWLINE"_s;
    case PyToken::Type::Indent:
        return u"INDENT"_s;
    case PyToken::Type::Dedent:
        return u"DEDENT"_s;
    case PyToken::Type::Comment:
        return u"COMMENT"_s;
    case PyToken::Type::NL:
        return u"NL"_s;
    case PyToken::Type::EndMarker:
        return u"END"_s;
    case PyToken::Type::Error:
        return u"ERROR"_s;
    }
    return {};
}

/// "NAME:x OP:= NUMBER:1 NEWLINE END": text shown for tokens whose text is not implied by the type.
QString describe(const QList<PyToken> &tokens)
{
    QStringList parts;
    for (const PyToken &t : tokens) {
        QString part = typeName(t.type);
        switch (t.type) {
        case PyToken::Type::Name:
        case PyToken::Type::Number:
        case PyToken::Type::String:
        case PyToken::Type::Op:
        case PyToken::Type::Comment:
        case PyToken::Type::Error: {
            QString text = t.text.toString();
            text.replace(u"\r"_s, u"\\r"_s).replace(u"\n"_s, u"\\n"_s).replace(u"\t"_s, u"\\t"_s);
            part += QLatin1Char(':') + text;
            break;
        }
        default:
            break;
        }
        parts.append(part);
    }
    return parts.join(QLatin1Char(' '));
}

QList<PyToken> tokenize(const QString &source, Diagnostics *diagnostics = nullptr)
{
    PythonTokenizer tokenizer(source, u"env.py"_s);
    QList<PyToken> tokens = tokenizer.tokenize();
    if (diagnostics)
        *diagnostics = tokenizer.diagnostics();
    return tokens;
}

/// Invariants that hold for any input, broken or not.
void checkWellFormed(const QString &source, const QList<PyToken> &tokens)
{
    QVERIFY(!tokens.isEmpty());
    QCOMPARE(tokens.last().type, PyToken::Type::EndMarker);
    int depth = 0;
    int previousOffset = 0;
    for (const PyToken &t : tokens) {
        if (t.type == PyToken::Type::Indent)
            ++depth;
        if (t.type == PyToken::Type::Dedent)
            --depth;
        QVERIFY(depth >= 0);
        QVERIFY(t.offset >= previousOffset);
        QVERIFY(t.endOffset >= t.offset);
        QVERIFY(t.endOffset <= source.size());
        QCOMPARE(t.text, source.mid(t.offset, t.endOffset - t.offset));
        QVERIFY(t.line >= 1);
        QVERIFY(t.endLine >= t.line);
        previousOffset = t.offset;
    }
    QCOMPARE(depth, 0);
}

} // namespace

class TestPythonTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void positions();
    void crlfPositions();
    void errors_data();
    void errors();
    void recoversFromUnclosedBracketAtDef();
    void decode_data();
    void decode();
    void neverCrashes();
};

void TestPythonTokenizer::tokens_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty file") << QString() << u"END"_s;
    QTest::newRow("only comments") << u"# one\n\n# two\n"_s << u"COMMENT:# one NL NL COMMENT:# two NL END"_s;
    QTest::newRow("comment without final newline") << u"# one"_s << u"COMMENT:# one END"_s;
    QTest::newRow("assignment") << u"x = 1\n"_s << u"NAME:x OP:= NUMBER:1 NEWLINE END"_s;
    QTest::newRow("no final newline") << u"x = 1"_s << u"NAME:x OP:= NUMBER:1 NEWLINE END"_s;
    QTest::newRow("trailing comment") << u"x = 1  # note\n"_s << u"NAME:x OP:= NUMBER:1 COMMENT:# note NEWLINE END"_s;
    QTest::newRow("blank lines") << u"a\n\n   \nb\n"_s << u"NAME:a NEWLINE NL NL NAME:b NEWLINE END"_s;

    QTest::newRow("string prefixes")
        << uR"(r'a' b"b" u'c' f"d" rb'e' BR"f" Rb'g' fR'h' F'i' U"j")"_s
        << uR"(STRING:r'a' STRING:b"b" STRING:u'c' STRING:f"d" STRING:rb'e' STRING:BR"f" STRING:Rb'g' STRING:fR'h' STRING:F'i' STRING:U"j" NEWLINE END)"_s;
    QTest::newRow("not a prefix") << uR"(ub'x' bu"y")"_s << uR"(NAME:ub STRING:'x' NAME:bu STRING:"y" NEWLINE END)"_s;
    QTest::newRow("escaped quotes") << uR"('it\'s' "say \"hi\"" '\\')"_s
                                    << uR"(STRING:'it\'s' STRING:"say \"hi\"" STRING:'\\' NEWLINE END)"_s;
    QTest::newRow("raw string with escaped quote")
        << uR"(r'\'' r"\\")"_s << uR"(STRING:r'\'' STRING:r"\\" NEWLINE END)"_s;
    QTest::newRow("triple quoted across lines")
        << u"x = \"\"\"one\n'two' \"three\"\n\"\"\"\ny\n"_s
        << u"NAME:x OP:= STRING:\"\"\"one\\n'two' \"three\"\\n\"\"\" NEWLINE NAME:y NEWLINE END"_s;
    QTest::newRow("triple single quotes") << u"'''a''' '''b'c'''"_s << u"STRING:'''a''' STRING:'''b'c''' NEWLINE END"_s;
    QTest::newRow("empty strings") << u"'' \"\" '''''' \"\"\"\"\"\""_s
                                   << u"STRING:'' STRING:\"\" STRING:'''''' STRING:\"\"\"\"\"\" NEWLINE END"_s;
    QTest::newRow("backslash newline inside string") << u"'a\\\nb'\n"_s << u"STRING:'a\\\\nb' NEWLINE END"_s;

    QTest::newRow("implicit joining in brackets")
        << u"x = (\n    1,  # one\n    [2,\n3], {4:\n5}\n)\ny\n"_s
        << u"NAME:x OP:= OP:( NL NUMBER:1 OP:, COMMENT:# one NL OP:[ NUMBER:2 OP:, NL NUMBER:3 OP:] OP:, OP:{ "
           u"NUMBER:4 OP:: NL NUMBER:5 OP:} NL OP:) NEWLINE NAME:y NEWLINE END"_s;
    QTest::newRow("no indent inside brackets")
        << u"f(a,\n        b)\n"_s << u"NAME:f OP:( NAME:a OP:, NL NAME:b OP:) NEWLINE END"_s;
    QTest::newRow("backslash continuation")
        << u"x = 1 + \\\n    2\ny\n"_s << u"NAME:x OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE NAME:y NEWLINE END"_s;

    QTest::newRow("indent and dedent")
        << u"def f():\n    if x:\n        y\n    z\nw\n"_s
        << u"NAME:def NAME:f OP:( OP:) OP:: NEWLINE INDENT NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE DEDENT "
           u"NAME:z NEWLINE DEDENT NAME:w NEWLINE END"_s;
    QTest::newRow("dedents at end of file") << u"if x:\n    if y:\n        z"_s
                                            << u"NAME:if NAME:x OP:: NEWLINE INDENT NAME:if NAME:y OP:: NEWLINE "
                                               u"INDENT NAME:z NEWLINE DEDENT DEDENT END"_s;
    QTest::newRow("comments do not indent") << u"if x:\n    a\n# out\n        # deeper\n    b\n"_s
                                            << u"NAME:if NAME:x OP:: NEWLINE INDENT NAME:a NEWLINE COMMENT:# out NL "
                                               u"COMMENT:# deeper NL NAME:b NEWLINE DEDENT END"_s;
    QTest::newRow("tabs") << u"if x:\n\ta\n\tif y:\n\t\tb\nc\n"_s
                          << u"NAME:if NAME:x OP:: NEWLINE INDENT NAME:a NEWLINE NAME:if NAME:y OP:: NEWLINE INDENT "
                             u"NAME:b NEWLINE DEDENT DEDENT NAME:c NEWLINE END"_s;
    QTest::newRow("tab equals eight spaces where consistent")
        << u"if x:\n\ta\n\tb\n"_s << u"NAME:if NAME:x OP:: NEWLINE INDENT NAME:a NEWLINE NAME:b NEWLINE DEDENT END"_s;
    QTest::newRow("one-line body") << u"def upgrade(): pass\n"_s
                                   << u"NAME:def NAME:upgrade OP:( OP:) OP:: NAME:pass NEWLINE END"_s;

    QTest::newRow("crlf")
        << u"a = 1\r\nif a:\r\n    b\r\n"_s
        << u"NAME:a OP:= NUMBER:1 NEWLINE NAME:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE DEDENT END"_s;
    QTest::newRow("cr only")
        << u"a = 1\rif a:\r    b\r"_s
        << u"NAME:a OP:= NUMBER:1 NEWLINE NAME:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE DEDENT END"_s;
    QTest::newRow("crlf inside triple string")
        << u"x = '''a\r\nb'''\r\n"_s << u"NAME:x OP:= STRING:'''a\\r\\nb''' NEWLINE END"_s;

    QTest::newRow("numbers") << u"0 42 1_000 0x1F 0o17 0b1010 0XAB_CD 3.14 .5 1. 1e10 2.5E-3 1_0.0_1 3j 4.5J 1e5j"_s
                             << u"NUMBER:0 NUMBER:42 NUMBER:1_000 NUMBER:0x1F NUMBER:0o17 NUMBER:0b1010 NUMBER:0XAB_CD "
                                u"NUMBER:3.14 NUMBER:.5 NUMBER:1. NUMBER:1e10 NUMBER:2.5E-3 NUMBER:1_0.0_1 NUMBER:3j "
                                u"NUMBER:4.5J NUMBER:1e5j NEWLINE END"_s;
    QTest::newRow("operators")
        << u"-> := ** // @ ... **= //= >>= <<= != == <= >= += -= *= /= %= &= |= ^= @= << >> ~ ; . ,"_s
        << u"OP:-> OP::= OP:** OP:// OP:@ OP:... OP:**= OP://= OP:>>= OP:<<= OP:!= OP:== OP:<= "
           u"OP:>= OP:+= OP:-= OP:*= OP:/= OP:%= OP:&= OP:|= OP:^= OP:@= OP:<< OP:>> OP:~ OP:; "
           u"OP:. OP:, NEWLINE END"_s;
    QTest::newRow("attribute after number")
        << u"a.b 1 .c"_s << u"NAME:a OP:. NAME:b NUMBER:1 OP:. NAME:c NEWLINE END"_s;
    QTest::newRow("annotations")
        << u"def f(a: int) -> None:\n    pass\n"_s
        << u"NAME:def NAME:f OP:( NAME:a OP:: NAME:int OP:) OP:-> NAME:None OP:: NEWLINE INDENT "
           u"NAME:pass NEWLINE DEDENT END"_s;
    QTest::newRow("unicode identifiers") << u"café = ñ_1\n"_s << u"NAME:café OP:= NAME:ñ_1 NEWLINE END"_s;
    QTest::newRow("form feed") << u"\fx = 1\n"_s << u"NAME:x OP:= NUMBER:1 NEWLINE END"_s;
}

void TestPythonTokenizer::tokens()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    Diagnostics diagnostics;
    const QList<PyToken> tokens = tokenize(source, &diagnostics);
    QCOMPARE(describe(tokens), expected);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).message));
    checkWellFormed(source, tokens);
}

void TestPythonTokenizer::positions()
{
    const QString source = u"x = '''a\nbc'''  # c\nif x:\n    y(1)\n"_s;
    const QList<PyToken> tokens = tokenize(source);
    QCOMPARE(tokens.size(), 17);
    const PyToken &string = tokens[2];
    QCOMPARE(string.type, PyToken::Type::String);
    QCOMPARE(string.line, 1);
    QCOMPARE(string.column, 4);
    QCOMPARE(string.endLine, 2);
    QCOMPARE(string.endColumn, 5);
    const PyToken &comment = tokens[3];
    QCOMPARE(comment.type, PyToken::Type::Comment);
    QCOMPARE(comment.line, 2);
    QCOMPARE(comment.column, 7);
    const PyToken &indent = tokens[9];
    QCOMPARE(indent.type, PyToken::Type::Indent);
    QCOMPARE(indent.line, 4);
    QCOMPARE(indent.column, 0);
    QCOMPARE(indent.endColumn, 4);
    const PyToken &call = tokens[10];
    QCOMPARE(call.text, u"y"_s);
    QCOMPARE(call.line, 4);
    QCOMPARE(call.column, 4);
    QCOMPARE(tokens.last().line, 5);
}

void TestPythonTokenizer::crlfPositions()
{
    const QList<PyToken> tokens = tokenize(u"a = (1,\r\n  2)\r\nb\r\n"_s);
    QCOMPARE(tokens[5].type, PyToken::Type::NL);
    QCOMPARE(tokens[5].text, u"\r\n"_s);
    QCOMPARE(tokens[6].text, u"2"_s);
    QCOMPARE(tokens[6].line, 2);
    QCOMPARE(tokens[6].column, 2);
    QCOMPARE(tokens[9].text, u"b"_s);
    QCOMPARE(tokens[9].line, 3);
    QCOMPARE(tokens[9].column, 0);
}

void TestPythonTokenizer::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("tokensAfter"); ///< the tokens from the first Error/broken point on

    QTest::newRow("unterminated string") << u"x = 'abc\ny = 2\n"_s << 1 << u"unterminated string literal"_s
                                         << u"ERROR:'abc NEWLINE NAME:y OP:= NUMBER:2 NEWLINE END"_s;
    QTest::newRow("unterminated string at eof")
        << u"x = \"abc"_s << 1 << u"unterminated string literal"_s << u"ERROR:\"abc NEWLINE END"_s;
    QTest::newRow("unterminated triple quote")
        << u"a = 1\nx = \"\"\"abc\n\ndef f():\n    pass\n"_s << 2 << u"unterminated triple-quoted string literal"_s
        << u"ERROR:\"\"\"abc\\n\\ndef f():\\n    pass\\n NEWLINE END"_s;
    QTest::newRow("unclosed bracket") << u"x = (1,\n2\n"_s << 1 << u"'(' was never closed"_s
                                      << u"NUMBER:2 NL NEWLINE END"_s;
    QTest::newRow("unmatched closing bracket")
        << u"x = 1)\ny\n"_s << 1 << u"unmatched ')'"_s << u"OP:) NEWLINE NAME:y NEWLINE END"_s;
    QTest::newRow("mismatched closing bracket")
        << u"x = [1,\n2)\ny\n"_s << 2 << u"closing parenthesis ')' does not match opening parenthesis '[' on line 1"_s
        << u"OP:) NEWLINE NAME:y NEWLINE END"_s;
    QTest::newRow("stray dedent") << u"if x:\n        a\n    b\nc\n"_s << 3
                                  << u"unindent does not match any outer indentation level"_s
                                  << u"NAME:b NEWLINE DEDENT NAME:c NEWLINE END"_s;
    QTest::newRow("inconsistent tabs") << u"if x:\n        a\n\tb\n"_s << 3
                                       << u"inconsistent use of tabs and spaces in indentation"_s
                                       << u"NAME:b NEWLINE DEDENT END"_s;
    QTest::newRow("invalid character") << u"x = 1 $ 2\n"_s << 1 << u"invalid character '$' (U+0024)"_s
                                       << u"ERROR:$ NUMBER:2 NEWLINE END"_s;
    QTest::newRow("smart quote") << u"x = \u201Cabc\u201D\n"_s << 1 << u"invalid character"_s
                                 << u"ERROR:\u201C NAME:abc ERROR:\u201D NEWLINE END"_s;
    QTest::newRow("character after continuation")
        << u"x = 1 \\ 2\n"_s << 1 << u"unexpected character after line continuation character"_s
        << u"ERROR:\\ NUMBER:2 NEWLINE END"_s;
    QTest::newRow("continuation at end of file")
        << u"x = 1 \\"_s << 1 << u"unexpected end of file"_s << u"NUMBER:1 NEWLINE END"_s;
    QTest::newRow("nul byte") << u"x = 1\0\n"_s << 1 << u"invalid character"_s << u"ERROR:\0 NEWLINE END"_s;
}

void TestPythonTokenizer::errors()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(QString, message);
    QFETCH(QString, tokensAfter);

    Diagnostics diagnostics;
    const QList<PyToken> tokens = tokenize(source, &diagnostics);
    QVERIFY(!diagnostics.isEmpty());
    const Diagnostic &d = diagnostics.first();
    QCOMPARE(d.code, u"syntax-error"_s);
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.file, u"env.py"_s);
    QCOMPARE(d.line, line);
    QCOMPARE(d.file, u"env.py"_s);
    QCOMPARE(d.line, line);
    QVERIFY2(!d.message.contains(u"env.py"_s), qPrintable(d.message)); // the location is not repeated
    QVERIFY2(d.message.contains(message), qPrintable(d.message));
    QVERIFY2(describe(tokens).endsWith(tokensAfter), qPrintable(describe(tokens)));
    checkWellFormed(source, tokens);
}

void TestPythonTokenizer::recoversFromUnclosedBracketAtDef()
{
    const QString source = u"def upgrade():\n    op.f(1,\n\ndef downgrade():\n    op.g()\n"_s;
    Diagnostics diagnostics;
    const QList<PyToken> tokens = tokenize(source, &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().line, 2);
    QVERIFY(diagnostics.first().message.contains(u"'(' was never closed"_s));
    QVERIFY2(describe(tokens).endsWith(u"NUMBER:1 OP:, NL NL NEWLINE DEDENT NAME:def NAME:downgrade OP:( OP:) OP:: "
                                       u"NEWLINE INDENT NAME:op OP:. NAME:g OP:( OP:) NEWLINE DEDENT END"_s),
             qPrintable(describe(tokens)));
    checkWellFormed(source, tokens);
}

void TestPythonTokenizer::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code"); ///< of the first diagnostic, empty when none
    QTest::addColumn<int>("line");

    QTest::newRow("utf-8") << QByteArray("x = 'caf\xc3\xa9'\n") << u"x = 'café'\n"_s << QString() << 0;
    QTest::newRow("empty") << QByteArray() << QString() << QString() << 0;
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbfx = 1\n") << u"x = 1\n"_s << QString() << 0;
    QTest::newRow("bom and utf-8 cookie") << QByteArray("\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = 1\n")
                                          << u"# -*- coding: utf-8 -*-\nx = 1\n"_s << QString() << 0;
    QTest::newRow("latin-1 cookie") << QByteArray("# -*- coding: latin-1 -*-\nx = 'caf\xe9'\n")
                                    << u"# -*- coding: latin-1 -*-\nx = 'café'\n"_s << QString() << 0;
    QTest::newRow("iso-8859-1 cookie on line 2")
        << QByteArray("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = '\xe9'\n")
        << u"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = 'é'\n"_s << QString() << 0;
    QTest::newRow("cookie on line 2 after code is ignored")
        << QByteArray("x = 1\n# coding: latin-1\ny = '\xe9'\n") << u"x = 1\n# coding: latin-1\ny = '\uFFFD'\n"_s
        << u"non-utf8"_s << 3;
    QTest::newRow("cp1252 cookie") << QByteArray("# coding=cp1252\nx = '\x93hi\x94 \x80'\n")
                                   << u"# coding=cp1252\nx = '\u201Chi\u201D \u20AC'\n"_s << QString() << 0;
    QTest::newRow("windows-1252 cookie") << QByteArray("# coding: windows_1252\nx = '\xe9'\n")
                                         << u"# coding: windows_1252\nx = 'é'\n"_s << QString() << 0;
    QTest::newRow("ascii cookie with high byte") << QByteArray("# coding: ascii\n\nx = '\xe9'\n")
                                                 << u"# coding: ascii\n\nx = '\uFFFD'\n"_s << u"syntax-error"_s << 3;
    QTest::newRow("non-utf8 bytes") << QByteArray("a = 1\nb = 2\nc = 'caf\xe9'\n")
                                    << u"a = 1\nb = 2\nc = 'caf\uFFFD'\n"_s << u"non-utf8"_s << 3;
    QTest::newRow("non-utf8 with crlf") << QByteArray("a = 1\r\nb = '\xff'\r\n") << u"a = 1\r\nb = '\uFFFD'\r\n"_s
                                        << u"non-utf8"_s << 2;
    QTest::newRow("truncated sequence at end") << QByteArray("x = 1 # \xe2\x82") << QString() << u"non-utf8"_s << 1;
    QTest::newRow("surrogate encoded") << QByteArray("\n# \xed\xa0\x80\n") << QString() << u"non-utf8"_s << 2;
    QTest::newRow("unknown encoding, ASCII text") << QByteArray("# coding: klingon\nx = 1\n")
                                                  << u"# coding: klingon\nx = 1\n"_s << u"unsupported-encoding"_s << 1;
    QTest::newRow("unknown encoding, other bytes")
        << QByteArray("# coding: klingon\nx = '\xc3\xa9'\n") << QString() << u"syntax-error"_s << 1;
    QTest::newRow("cp1251") << QByteArray("# -*- coding: cp1251 -*-\nx = '\xcf\xf0\xe8'\n")
                            << u"# -*- coding: cp1251 -*-\nx = 'При'\n"_s << QString() << 0;
    QTest::newRow("shift_jis, ASCII text")
        << QByteArray("# coding=shift_jis\nx = 1\n") << u"# coding=shift_jis\nx = 1\n"_s << QString() << 0;
    QTest::newRow("koi8-r") << QByteArray("# vim: set fileencoding=koi8-r :\nx = '\xf0'\n")
                            << u"# vim: set fileencoding=koi8-r :\nx = 'П'\n"_s << QString() << 0;
    QTest::newRow("bom with latin-1 cookie")
        << QByteArray("\xef\xbb\xbf# coding: latin-1\n") << u"# coding: latin-1\n"_s << u"syntax-error"_s << 1;
}

void TestPythonTokenizer::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(int, line);

    Diagnostics diagnostics;
    const QString decoded = PythonTokenizer::decode(bytes, u"versions/a1.py"_s, &diagnostics);
    if (!text.isNull())
        QCOMPARE(decoded, text);
    if (code.isEmpty()) {
        QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).message));
        return;
    }
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().code, code);
    QCOMPARE(diagnostics.first().line, line);
    QCOMPARE(diagnostics.first().file, u"versions/a1.py"_s);
    QCOMPARE(diagnostics.first().file, u"versions/a1.py"_s);
    QCOMPARE(diagnostics.first().line, line);
    // a null diagnostics pointer is fine too
    QCOMPARE(PythonTokenizer::decode(bytes, QString(), nullptr), decoded);
}

void TestPythonTokenizer::neverCrashes()
{
    const QString sample = u"\"\"\"doc\"\"\"\nx: Union[str, None] = ('a',  # c\n  b\"x\\\"\", r'''\n''')\n"
                           u"def f(a=1, *b, **c) -> None:\n\tif a:\r\n        f(x:=1)\\\n  + 2\n  else: ...\n"_s;
    // every prefix of a sample: unterminated strings, brackets and blocks everywhere
    for (qsizetype n = 0; n <= sample.size(); ++n) {
        const QString prefix = sample.first(n);
        checkWellFormed(prefix, tokenize(prefix));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"prefix of length %1"_s.arg(n)));
    }
    // random soup of Python's punctuation and whitespace
    QRandomGenerator random(42);
    const QString alphabet = u"()[]{}'\"\\#:\n\r\t =abf0.x\u00e9"_s;
    for (int round = 0; round < 300; ++round) {
        QString soup;
        const int length = random.bounded(80);
        for (int i = 0; i < length; ++i)
            soup += alphabet[random.bounded(int(alphabet.size()))];
        checkWellFormed(soup, tokenize(soup));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(soup));
    }
}

QTEST_GUILESS_MAIN(TestPythonTokenizer)
#include "tst_pythontokenizer.moc"
