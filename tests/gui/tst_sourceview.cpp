// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "codehighlighter.h"
#include "database/sqldialect.h"
#include "drawing/theme.h"
#include "project/revisionscript.h"
#include "sourcehighlighter.h"
#include "sourceview.h"

#include <QDir>
#include <QFile>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QTabBar>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

using Language = SourceHighlighter::Language;
using Kind = SourceHighlighter::Kind;
using Tab = SourceView::Tab;

namespace {

QString samplePath(const QString &fileName)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/resources/sample/migrations/versions/") + fileName;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// The format range covering (1-based @p line, 0-based @p column), as the highlighter left it.
std::optional<QTextLayout::FormatRange> formatAt(const QTextDocument *document, int line, int column)
{
    const QTextBlock block = document->findBlockByNumber(line - 1);
    if (!block.isValid() || !block.layout())
        return std::nullopt;
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length)
            return range;
    }
    return std::nullopt;
}

/// The Kind's name at (line, column), "Plain" for unformatted text, "(none)" past the line's end.
QString kindAt(const QTextDocument *document, int line, int column)
{
    const QTextBlock block = document->findBlockByNumber(line - 1);
    if (!block.isValid() || column >= block.length() - 1)
        return u"(none)"_s;
    const std::optional<QTextLayout::FormatRange> range = formatAt(document, line, column);
    const std::optional<Kind> kind = range ? SourceHighlighter::kindOf(range->format) : std::nullopt;
    if (!kind)
        return u"Plain"_s;
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(*kind)));
}

// WCAG contrast, computed here independently of the highlighter.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette makePalette(const QColor &base, const QColor &text, const QColor &highlight)
{
    QPalette palette;
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window, QPalette::AlternateBase})
        palette.setColor(role, base);
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(role, text);
    palette.setColor(QPalette::Highlight, highlight);
    return palette;
}

QPalette lightPalette()
{
    return makePalette(QColor(0xffffff), QColor(0x1a1a1a), QColor(0x308cc6));
}

QPalette darkPalette()
{
    return makePalette(QColor(0x1e1e1e), QColor(0xdcdcdc), QColor(0x2a82da));
}

QString numbered(int count)
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(u"x%1 = %1"_s.arg(i));
    return lines.join(u'\n');
}

} // namespace

class TestSourceView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void backendIsTheExpectedOne();
    void keywordAndStringHighlighted_data();
    void keywordAndStringHighlighted();
    void sqlFlavourFollowsTheDatabase();

    void pythonKinds_data();
    void pythonKinds();
    void sqlKinds_data();
    void sqlKinds();
    void sampleFileKinds_data();
    void sampleFileKinds();
    void editReopensString();
    void paletteFormats_data();
    void paletteFormats();

    void tabsShowFunctionLines_data();
    void tabsShowFunctionLines();
    void absentRangeDisablesTab();
    void keepsTabWhenAvailable();
    void highlightLineMovesCursor();
    void clearShowsPlaceholder();
    void darkPaletteRecolours();
    void paintsGutter();

private:
    static bool builtIn() { return CodeHighlighter::backendName() == u"built-in"_s; }
};

void TestSourceView::initTestCase()
{
    QVERIFY(QFileInfo::exists(samplePath(u"17468fe7ff21_create_gift_cards_table.py"_s)));
}

void TestSourceView::backendIsTheExpectedOne()
{
    // A CI leg configured with RETORT_EXPECT_HIGHLIGHTER (Debian 13: KSyntaxHighlighting) fails here
    // when the build fell back to the other backend.
    const QString expected = QStringLiteral(RETORT_EXPECT_HIGHLIGHTER);
    if (expected.isEmpty())
        QVERIFY(builtIn() || CodeHighlighter::backendName() == u"KSyntaxHighlighting"_s);
    else
        QCOMPARE(CodeHighlighter::backendName(), expected);
}

void TestSourceView::keywordAndStringHighlighted_data()
{
    QTest::addColumn<CodeHighlighter::Language>("language");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("string");

    QTest::newRow("python") << CodeHighlighter::Language::Python
                            << u"def upgrade():\n    op.execute(\"UPDATE t SET x = 1\")"_s << u"def"_s << u"\"UPDATE"_s;
    const QString sql = u"INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712');"_s;
    QTest::newRow("sql") << CodeHighlighter::Language::Sql << sql << u"INSERT"_s << u"'1975"_s;
    QTest::newRow("postgresql") << CodeHighlighter::Language::PostgreSql << sql << u"INSERT"_s << u"'1975"_s;
    QTest::newRow("mysql") << CodeHighlighter::Language::MySql << sql << u"INSERT"_s << u"'1975"_s;
}

void TestSourceView::keywordAndStringHighlighted()
{
    QFETCH(CodeHighlighter::Language, language);
    QFETCH(QString, code);
    QFETCH(QString, keyword);
    QFETCH(QString, string);

    // Python through the source view the details pane shows; SQL through a plain editor, as the
    // stamp and migration previews have it.
    SourceView view;
    QPlainTextEdit sqlEditor;
    QPlainTextEdit *editor = view.editor();
    if (language == CodeHighlighter::Language::Python) {
        view.setPalette(lightPalette());
        view.setSource(code, language, {1, 2}, {});
    } else {
        editor = &sqlEditor;
        editor->setPalette(lightPalette());
        new CodeHighlighter(editor, language);
        editor->setPlainText(code);
    }
    auto *highlighter = editor->findChild<CodeHighlighter *>();
    QVERIFY(highlighter);
    QCOMPARE(highlighter->language(), language);

    const int keywordAt = int(code.indexOf(keyword));
    const int stringAt = int(code.indexOf(string)) + 1;
    const int stringLine = int(code.left(stringAt).count(u'\n')) + 1;
    const int stringColumn = stringAt - int(code.lastIndexOf(u'\n', stringAt) + 1);
    const auto formats = [&] {
        return std::pair{formatAt(editor->document(), 1, keywordAt),
                         formatAt(editor->document(), stringLine, stringColumn)};
    };

    QStringList themes;
    QList<QColor> stringColours;
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        // The highlighter follows the palette by itself, as it does when the system theme changes.
        (language == CodeHighlighter::Language::Python ? static_cast<QWidget *>(&view) : editor)->setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        const auto [keywordFormat, stringFormat] = formats();
        QVERIFY2(keywordFormat, "the keyword carries no format");
        QVERIFY2(stringFormat, "the string carries no format");
        // A keyword stands out by its colour or its weight; a string by its colour.
        QVERIFY(keywordFormat->format.fontWeight() > QFont::Normal ||
                keywordFormat->format.foreground().color() != palette.color(QPalette::Text));
        const QColor stringColour = stringFormat->format.foreground().color();
        QVERIFY(stringFormat->format.hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY2(stringColour != palette.color(QPalette::Text), qPrintable(stringColour.name()));
        QVERIFY(keywordFormat->format != stringFormat->format);
        QVERIFY2(contrast(stringColour, base) >= 3.0, qPrintable(stringColour.name() + u" on "_s + base.name()));
        if (keywordFormat->format.hasProperty(QTextFormat::ForegroundBrush))
            QVERIFY(contrast(keywordFormat->format.foreground().color(), base) >= 3.0);
        themes.append(highlighter->themeName());
        stringColours.append(stringColour);
    }
    QVERIFY2(themes.first() != themes.last(), qPrintable(themes.join(u", "_s)));
    QVERIFY(stringColours.first() != stringColours.last());
}

void TestSourceView::sqlFlavourFollowsTheDatabase()
{
    using Database = SqlDialect::Kind;
    QCOMPARE(CodeHighlighter::sqlLanguage(SqlDialect(Database::PostgreSQL)), CodeHighlighter::Language::PostgreSql);
    QCOMPARE(CodeHighlighter::sqlLanguage(SqlDialect(Database::MySQL)), CodeHighlighter::Language::MySql);
    QCOMPARE(CodeHighlighter::sqlLanguage(SqlDialect(Database::SQLite)), CodeHighlighter::Language::Sql);
    QCOMPARE(CodeHighlighter::sqlLanguage(std::nullopt), CodeHighlighter::Language::Sql);

    QPlainTextEdit editor;
    auto &highlighter = *new CodeHighlighter(&editor, CodeHighlighter::Language::PostgreSql);
    const QString expected[] = {u"SQL (PostgreSQL)"_s, u"SQL (MySQL)"_s, u"SQL"_s, u"Python"_s};
    const CodeHighlighter::Language languages[] = {CodeHighlighter::Language::PostgreSql,
                                                   CodeHighlighter::Language::MySql, CodeHighlighter::Language::Sql,
                                                   CodeHighlighter::Language::Python};
    for (int i = 0; i < 4; ++i) {
        highlighter.setLanguage(languages[i]);
        // Built in, the three SQL flavours share one definition.
        QCOMPARE(highlighter.definitionName(), builtIn() && i < 3 ? u"SQL"_s : expected[i]);
    }
}

void TestSourceView::pythonKinds_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");   // 1-based
    QTest::addColumn<int>("column"); // 0-based
    QTest::addColumn<QString>("kind");

    const QString def = u"def upgrade() -> None:\n    pass"_s;
    QTest::newRow("def keyword") << def << 1 << 0 << u"Keyword"_s;
    QTest::newRow("def name") << def << 1 << 4 << u"Definition"_s;
    QTest::newRow("def parenthesis") << def << 1 << 11 << u"Plain"_s;
    QTest::newRow("None") << def << 1 << 17 << u"Builtin"_s;
    QTest::newRow("pass") << def << 2 << 4 << u"Keyword"_s;
    QTest::newRow("class name") << u"class Foo(Base):"_s << 1 << 6 << u"Definition"_s;
    QTest::newRow("class base") << u"class Foo(Base):"_s << 1 << 10 << u"Plain"_s;
    QTest::newRow("async def name") << u"async def run():"_s << 1 << 10 << u"Definition"_s;
    QTest::newRow("plain call") << u"value = compute(x)"_s << 1 << 0 << u"Plain"_s;
    QTest::newRow("builtin call") << u"n = len(x)"_s << 1 << 4 << u"Builtin"_s;
    QTest::newRow("attribute is no builtin") << u"x.type = 1"_s << 1 << 2 << u"Plain"_s;
    QTest::newRow("True") << u"flag = True"_s << 1 << 7 << u"Builtin"_s;

    QTest::newRow("string") << u"x = \"hello\""_s << 1 << 4 << u"String"_s;
    QTest::newRow("string end") << u"x = \"hello\""_s << 1 << 10 << u"String"_s;
    QTest::newRow("before string") << u"x = \"hello\""_s << 1 << 0 << u"Plain"_s;
    QTest::newRow("# in string") << u"s = \"a # b\"  # real"_s << 1 << 7 << u"String"_s;
    QTest::newRow("comment after string") << u"s = \"a # b\"  # real"_s << 1 << 13 << u"Comment"_s;
    QTest::newRow("escaped quote") << u"s = \"a \\\" # b\""_s << 1 << 10 << u"String"_s;
    QTest::newRow("quote in comment") << u"x = 1  # it's\ny = 2"_s << 2 << 4 << u"Number"_s;
    QTest::newRow("empty string") << u"s = '' + x"_s << 1 << 9 << u"Plain"_s;

    const QString prefixes[] = {u"r"_s, u"b"_s, u"f"_s, u"u"_s, u"rb"_s, u"br"_s, u"fr"_s, u"rf"_s,
                                u"R"_s, u"B"_s, u"F"_s, u"U"_s, u"Rb"_s, u"bR"_s, u"FR"_s, u"rF"_s};
    for (const QString &prefix : prefixes) {
        const QString code = u"x = %1'\\d' + y"_s.arg(prefix);
        QTest::addRow("prefix %s", qPrintable(prefix)) << code << 1 << 4 << u"String"_s;
        QTest::addRow("prefix %s body", qPrintable(prefix)) << code << 1 << 5 + int(prefix.size()) << u"String"_s;
        QTest::addRow("prefix %s after", qPrintable(prefix)) << code << 1 << int(code.size()) - 1 << u"Plain"_s;
    }
    QTest::newRow("not a prefix") << u"x = bar + 'a'"_s << 1 << 4 << u"Plain"_s;

    // A triple-quoted string from line 2 to line 5, then code.
    const QString triple = u"x = 1\ndoc = \"\"\"first\nsecond # no comment\nthird 'x'\nend\"\"\" + y\nz = 2"_s;
    QTest::newRow("triple before") << triple << 2 << 0 << u"Plain"_s;
    QTest::newRow("triple opens") << triple << 2 << 6 << u"String"_s;
    QTest::newRow("triple line 3") << triple << 3 << 0 << u"String"_s;
    QTest::newRow("triple line 3 #") << triple << 3 << 7 << u"String"_s;
    QTest::newRow("triple line 4") << triple << 4 << 2 << u"String"_s;
    QTest::newRow("triple closes") << triple << 5 << 5 << u"String"_s;
    QTest::newRow("triple after") << triple << 5 << 9 << u"Plain"_s;
    QTest::newRow("triple next line") << triple << 6 << 4 << u"Number"_s;

    // A prefixed ''' string from line 3 to line 7.
    const QString single = u"import os\nx = 1\ns = f'''a\nb \"\nc\nd\ne''' # done"_s;
    QTest::newRow("''' line 3 before") << single << 3 << 0 << u"Plain"_s;
    QTest::newRow("''' line 3") << single << 3 << 4 << u"String"_s;
    QTest::newRow("''' line 4") << single << 4 << 2 << u"String"_s;
    QTest::newRow("''' line 6") << single << 6 << 0 << u"String"_s;
    QTest::newRow("''' line 7") << single << 7 << 0 << u"String"_s;
    QTest::newRow("''' comment after") << single << 7 << 5 << u"Comment"_s;
    QTest::newRow("\"\"\" inside '''") << u"s = '''a \"\"\" b\nc'''\nd = 1"_s << 3 << 4 << u"Number"_s;
    QTest::newRow("continued string") << u"s = \"abc\\\ndef\" + x"_s << 2 << 0 << u"String"_s;
    QTest::newRow("after continued string") << u"s = \"abc\\\ndef\" + x"_s << 2 << 7 << u"Plain"_s;
    QTest::newRow("unterminated string ends") << u"s = \"abc\nx = 1"_s << 2 << 4 << u"Number"_s;

    QTest::newRow("comment") << u"x = 1  # note"_s << 1 << 7 << u"Comment"_s;
    QTest::newRow("comment end") << u"x = 1  # note"_s << 1 << 12 << u"Comment"_s;
    QTest::newRow("int") << u"n = 42"_s << 1 << 4 << u"Number"_s;
    QTest::newRow("underscores") << u"n = 1_000_000"_s << 1 << 12 << u"Number"_s;
    QTest::newRow("hex") << u"n = 0xFF_ff"_s << 1 << 10 << u"Number"_s;
    QTest::newRow("binary") << u"n = 0b1010"_s << 1 << 6 << u"Number"_s;
    QTest::newRow("float exponent") << u"n = 3.14e-2"_s << 1 << 10 << u"Number"_s;
    QTest::newRow("leading dot") << u"n = .5"_s << 1 << 4 << u"Number"_s;
    QTest::newRow("complex") << u"n = 10j"_s << 1 << 6 << u"Number"_s;
    QTest::newRow("digit in name") << u"x1 = 2"_s << 1 << 1 << u"Plain"_s;

    const QString decorated = u"@pytest.mark.skip\ndef test():\n    return a @ b"_s;
    QTest::newRow("decorator") << decorated << 1 << 0 << u"Decorator"_s;
    QTest::newRow("decorator dotted") << decorated << 1 << 13 << u"Decorator"_s;
    QTest::newRow("matrix product") << decorated << 3 << 13 << u"Plain"_s;
    QTest::newRow("indented decorator") << u"class A:\n    @property\n    def x(self): pass"_s << 2 << 5
                                        << u"Decorator"_s;

    const QString op = u"    op.add_column(\"t\", sa.Column(\"c\", sa.Integer()))"_s;
    QTest::newRow("op") << op << 1 << 4 << u"Operation"_s;
    QTest::newRow("op name") << op << 1 << 10 << u"Operation"_s;
    QTest::newRow("op argument") << op << 1 << 18 << u"String"_s;
    QTest::newRow("op sa.Column") << op << 1 << 26 << u"Plain"_s;
    QTest::newRow("batch_op") << u"    batch_op.add_column(x)"_s << 1 << 13 << u"Plain"_s;
    QTest::newRow("op as name") << u"op = None"_s << 1 << 0 << u"Plain"_s;
    QTest::newRow("other.op") << u"self.op.run()"_s << 1 << 8 << u"Plain"_s;

    const QString match = u"match command:\n    case \"go\":\n        pass\n    case _:\n        pass"_s;
    QTest::newRow("match") << match << 1 << 0 << u"Keyword"_s;
    QTest::newRow("case") << match << 2 << 4 << u"Keyword"_s;
    QTest::newRow("match as name") << u"match = re.match(p, s)"_s << 1 << 0 << u"Plain"_s;
    QTest::newRow("match call") << u"match(x)"_s << 1 << 0 << u"Plain"_s;
    QTest::newRow("type alias") << u"type Point = tuple[float, float]"_s << 1 << 0 << u"Keyword"_s;
    QTest::newRow("type builtin") << u"t = type(x)"_s << 1 << 4 << u"Builtin"_s;
    QTest::newRow("type statement builtin") << u"type(x)"_s << 1 << 0 << u"Builtin"_s;
}

void TestSourceView::pythonKinds()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, kind);

    QTextDocument document;
    SourceHighlighter highlighter(&document, Language::Python);
    document.setPlainText(code);
    highlighter.rehighlight();
    QCOMPARE(kindAt(&document, line, column), kind);
}

void TestSourceView::sqlKinds_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("kind");

    const QString select = u"SELECT * FROM t WHERE a = 'it''s -- x' AND b = 2 -- note 'y'"_s;
    QTest::newRow("keyword") << select << 1 << 0 << u"Keyword"_s;
    QTest::newRow("table") << select << 1 << 14 << u"Plain"_s;
    QTest::newRow("string") << select << 1 << 26 << u"String"_s;
    QTest::newRow("'' escape") << select << 1 << 29 << u"String"_s;
    QTest::newRow("-- in string") << select << 1 << 33 << u"String"_s;
    QTest::newRow("string end") << select << 1 << 37 << u"String"_s;
    QTest::newRow("after string") << select << 1 << 39 << u"Keyword"_s;
    QTest::newRow("number") << select << 1 << 47 << u"Number"_s;
    QTest::newRow("line comment") << select << 1 << 49 << u"Comment"_s;
    QTest::newRow("quote in comment") << select << 1 << 57 << u"Comment"_s;

    const QString lower = u"select Id from Users where x is not null"_s;
    QTest::newRow("lower keyword") << lower << 1 << 0 << u"Keyword"_s;
    QTest::newRow("lower from") << lower << 1 << 10 << u"Keyword"_s;
    QTest::newRow("name") << lower << 1 << 7 << u"Plain"_s;
    QTest::newRow("null") << lower << 1 << 36 << u"Builtin"_s;
    QTest::newRow("Mixed case") << u"SeLeCt 1"_s << 1 << 2 << u"Keyword"_s;

    const QString block = u"/* start\nmiddle 'x' -- y\nend */ SELECT 1.5\nx"_s;
    QTest::newRow("block comment opens") << block << 1 << 0 << u"Comment"_s;
    QTest::newRow("block comment line 2") << block << 2 << 0 << u"Comment"_s;
    QTest::newRow("quote in block comment") << block << 2 << 7 << u"Comment"_s;
    QTest::newRow("block comment closes") << block << 3 << 5 << u"Comment"_s;
    QTest::newRow("after block comment") << block << 3 << 7 << u"Keyword"_s;
    QTest::newRow("float") << block << 3 << 16 << u"Number"_s;
    QTest::newRow("after all") << block << 4 << 0 << u"Plain"_s;

    QTest::newRow("quoted identifier") << u"SELECT \"select\" FROM t"_s << 1 << 8 << u"Identifier"_s;
    QTest::newRow("after identifier") << u"SELECT \"select\" FROM t"_s << 1 << 16 << u"Keyword"_s;
    QTest::newRow("backquoted identifier") << u"SELECT `from` FROM t"_s << 1 << 8 << u"Identifier"_s;
    const QString multi = u"INSERT INTO t VALUES ('a\nb -- c')\n"_s;
    QTest::newRow("string spans lines") << multi << 2 << 0 << u"String"_s;
    QTest::newRow("-- in spanning string") << multi << 2 << 3 << u"String"_s;
    QTest::newRow("after spanning string") << multi << 2 << 7 << u"Plain"_s;
    QTest::newRow("escape string") << u"SELECT E'a\\'b', 1"_s << 1 << 13 << u"String"_s;
    QTest::newRow("after escape string") << u"SELECT E'a\\'b', 1"_s << 1 << 16 << u"Number"_s;
    QTest::newRow("qualified column") << u"SELECT t.order FROM t"_s << 1 << 9 << u"Plain"_s;
    QTest::newRow("type") << u"ALTER TABLE t ADD COLUMN n INTEGER"_s << 1 << 27 << u"Builtin"_s;
}

void TestSourceView::sqlKinds()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, kind);

    QTextDocument document;
    SourceHighlighter highlighter(&document, Language::Sql);
    document.setPlainText(code);
    highlighter.rehighlight();
    QCOMPARE(kindAt(&document, line, column), kind);
}

void TestSourceView::sampleFileKinds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("kind");

    const QString giftCards = u"17468fe7ff21_create_gift_cards_table.py"_s;
    QTest::newRow("docstring line 1") << giftCards << 1 << 0 << u"String"_s;
    QTest::newRow("docstring line 3") << giftCards << 3 << 0 << u"String"_s;
    QTest::newRow("docstring line 7") << giftCards << 7 << 0 << u"String"_s;
    QTest::newRow("import after docstring") << giftCards << 8 << 0 << u"Keyword"_s;
    QTest::newRow("comment") << giftCards << 14 << 0 << u"Comment"_s;
    QTest::newRow("def upgrade") << giftCards << 21 << 4 << u"Definition"_s;
    QTest::newRow("op.create_table") << giftCards << 22 << 7 << u"Operation"_s;
    QTest::newRow("table name") << giftCards << 23 << 8 << u"String"_s;
    QTest::newRow("nullable=False") << giftCards << 24 << 50 << u"Builtin"_s;
    const QString backfill = u"b476ff785737_backfill_order_totals.py"_s;
    QTest::newRow("embedded SQL is a string") << backfill << 23 << 8 << u"String"_s;
    QTest::newRow("embedded SQL line 29") << backfill << 29 << 8 << u"String"_s;
    QTest::newRow("after embedded SQL") << backfill << 31 << 4 << u"Plain"_s;
    QTest::newRow("downgrade comment") << backfill << 35 << 4 << u"Comment"_s;
}

void TestSourceView::sampleFileKinds()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, kind);

    const QByteArray contents = readFile(samplePath(file));
    QVERIFY(!contents.isEmpty());
    QTextDocument document;
    SourceHighlighter highlighter(&document, Language::Python);
    document.setPlainText(QString::fromUtf8(contents));
    highlighter.rehighlight();
    QCOMPARE(kindAt(&document, line, column), kind);
}

void TestSourceView::editReopensString()
{
    // Opening a triple-quoted string later must recolour the following lines, through the block state.
    QTextDocument document;
    document.documentLayout(); // without a layout, QTextDocument does not report the edits a highlighter follows
    SourceHighlighter highlighter(&document, Language::Python);
    document.setPlainText(u"a = 1\nb = 2\nc = 3"_s);
    QCOMPARE(kindAt(&document, 3, 4), u"Number"_s);
    QTextCursor cursor(document.findBlockByNumber(1));
    cursor.insertText(u"\"\"\""_s);
    QCOMPARE(kindAt(&document, 2, 0), u"String"_s);
    QCOMPARE(kindAt(&document, 3, 4), u"String"_s);
    cursor.insertText(u"\"\"\""_s);
    QCOMPARE(kindAt(&document, 3, 4), u"Number"_s);
}

void TestSourceView::paletteFormats_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << lightPalette() << false;
    QTest::newRow("dark") << darkPalette() << true;
    QTest::newRow("grey") << makePalette(QColor(0x808080), QColor(Qt::black), QColor(0x3050a0)) << false;
    QTest::newRow("navy") << makePalette(QColor(0x101840), QColor(0xffffff), QColor(0x4060c0)) << true;
}

void TestSourceView::paletteFormats()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);

    QTextDocument document;
    SourceHighlighter highlighter(&document);
    highlighter.setPalette(palette);
    QCOMPARE(Theme::isDark(palette), dark);
    const QColor base = palette.color(QPalette::Base);
    QSet<QRgb> colours;
    const QMetaEnum kinds = QMetaEnum::fromType<Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        const Kind kind = Kind(kinds.value(i));
        const QTextCharFormat format = highlighter.formatFor(kind);
        QVERIFY(SourceHighlighter::kindOf(format) == kind);
        const QColor colour = format.foreground().color();
        const double ratio = contrast(colour, base);
        if (ratio < 4.5)
            QFAIL(qPrintable(
                u"%1 is %2 on %3: contrast %4"_s.arg(QString::fromLatin1(kinds.key(i)), colour.name(), base.name())
                    .arg(ratio)));
        colours.insert(colour.rgb());
    }
    QCOMPARE(colours.size(), kinds.keyCount());
    QVERIFY(!SourceHighlighter::kindOf(QTextCharFormat()));

    // The dark and light sets differ.
    SourceHighlighter other(&document);
    other.setPalette(dark ? lightPalette() : darkPalette());
    QVERIFY(other.formatFor(Kind::Keyword).foreground().color() !=
            highlighter.formatFor(Kind::Keyword).foreground().color());
}

void TestSourceView::tabsShowFunctionLines_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(QStringLiteral(RETORT_SOURCE_DIR "/resources/sample/migrations/versions")).entryList({u"*.py"_s});
    QVERIFY(files.size() > 5);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestSourceView::tabsShowFunctionLines()
{
    QFETCH(QString, file);
    const QByteArray contents = readFile(samplePath(file));
    QVERIFY(!contents.isEmpty());
    const RevisionScript script = readRevisionScript(samplePath(file), contents);
    QVERIFY(script.upgrade.firstLine > 0);
    QVERIFY(script.downgrade.firstLine > 0);
    const QString text = QString::fromUtf8(contents);
    const QStringList lines = text.split(u'\n');

    SourceView view;
    view.setSource(text, CodeHighlighter::Language::Python, {script.upgrade.firstLine, script.upgrade.lastLine},
                   {script.downgrade.firstLine, script.downgrade.lastLine});
    QCOMPARE(view.currentTab(), Tab::Source);
    QCOMPARE(view.firstLineNumber(), 1);
    QCOMPARE(view.visibleText() + u'\n', text);
    QCOMPARE(view.tabBar()->objectName(), u"sourceTabs"_s);
    QCOMPARE(view.editor()->objectName(), u"sourceEditor"_s);

    const struct
    {
        Tab tab;
        RevisionScript::Function function;
        QString def;
    } functions[] = {{Tab::Upgrade, script.upgrade, u"def upgrade()"_s},
                     {Tab::Downgrade, script.downgrade, u"def downgrade()"_s}};
    for (const auto &f : functions) {
        QVERIFY(view.isTabEnabled(f.tab));
        view.showTab(f.tab);
        QCOMPARE(view.currentTab(), f.tab);
        QCOMPARE(view.tabBar()->currentIndex(), int(f.tab));
        QCOMPARE(view.firstLineNumber(), f.function.firstLine);
        const QString expected =
            lines.mid(f.function.firstLine - 1, f.function.lastLine - f.function.firstLine + 1).join(u'\n');
        QCOMPARE(view.visibleText(), expected);
        QVERIFY(view.visibleText().startsWith(f.def));
        QCOMPARE(view.editor()->blockCount(), f.function.lastLine - f.function.firstLine + 1);
        if (builtIn())
            QCOMPARE(kindAt(view.editor()->document(), 1, 4), u"Definition"_s);
    }

    // Choosing the tab in the bar, as a user would, does the same.
    view.tabBar()->setCurrentIndex(int(Tab::Source));
    QCOMPARE(view.currentTab(), Tab::Source);
    QCOMPARE(view.firstLineNumber(), 1);
    QCOMPARE(view.editor()->blockCount(), int(text.trimmed().count(u'\n')) + 1);
}

void TestSourceView::absentRangeDisablesTab()
{
    SourceView view;
    view.setSource(u"\"\"\"no functions\"\"\"\nx = 1\n"_s, CodeHighlighter::Language::Python, {}, {0, 0});
    QVERIFY(view.isTabEnabled(Tab::Source));
    QVERIFY(!view.isTabEnabled(Tab::Upgrade));
    QVERIFY(!view.isTabEnabled(Tab::Downgrade));
    QVERIFY(!view.tabBar()->isTabEnabled(int(Tab::Upgrade)));
    view.showTab(Tab::Upgrade);
    QCOMPARE(view.currentTab(), Tab::Source);
    QCOMPARE(view.visibleText(), u"\"\"\"no functions\"\"\"\nx = 1"_s);

    // Only an upgrade(); a range past the end of the file counts as absent.
    view.setSource(u"def upgrade():\n    pass\n"_s, CodeHighlighter::Language::Python, {1, 2}, {5, 6});
    QVERIFY(view.isTabEnabled(Tab::Upgrade));
    QVERIFY(!view.isTabEnabled(Tab::Downgrade));
    view.showTab(Tab::Downgrade);
    QCOMPARE(view.currentTab(), Tab::Source);
}

void TestSourceView::keepsTabWhenAvailable()
{
    SourceView view;
    const QString text = u"x = 1\ndef upgrade():\n    pass\ndef downgrade():\n    pass"_s;
    view.setSource(text, CodeHighlighter::Language::Python, {2, 3}, {4, 5});
    view.showTab(Tab::Downgrade);
    QCOMPARE(view.visibleText(), u"def downgrade():\n    pass"_s);

    // The next revision keeps the reader in downgrade().
    view.setSource(u"\n\ndef downgrade():\n    op.drop_table('t')"_s, CodeHighlighter::Language::Python, {}, {3, 4});
    QCOMPARE(view.currentTab(), Tab::Downgrade);
    QCOMPARE(view.firstLineNumber(), 3);
    QCOMPARE(view.visibleText(), u"def downgrade():\n    op.drop_table('t')"_s);

    // One without a downgrade() falls back to the whole source.
    view.setSource(text, CodeHighlighter::Language::Python, {2, 3}, {});
    QCOMPARE(view.currentTab(), Tab::Source);
    QCOMPARE(view.visibleText(), text);
}

void TestSourceView::highlightLineMovesCursor()
{
    SourceView view;
    view.resize(500, 240);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSource(numbered(300), CodeHighlighter::Language::Python, {100, 120}, {});
    view.showTab(Tab::Upgrade);
    QCOMPARE(view.firstLineNumber(), 100);

    view.highlightLine(150);
    QCOMPARE(view.currentTab(), Tab::Source);
    QCOMPARE(view.highlightedLine(), 150);
    QPlainTextEdit *editor = view.editor();
    QCOMPARE(editor->textCursor().blockNumber(), 149);
    QCOMPARE(editor->textCursor().block().text(), u"x150 = 150"_s);
    const QList<QTextEdit::ExtraSelection> selections = editor->extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.blockNumber(), 149);
    QVERIFY(selections.first().format.boolProperty(QTextFormat::FullWidthSelection));
    const QColor mark = selections.first().format.background().color();
    QVERIFY(mark != editor->palette().color(QPalette::Base));
    QVERIFY(contrast(mark, editor->palette().color(QPalette::Text)) >= 4.5);

    // Centred: the cursor is near the middle of the viewport.
    const int middle = editor->viewport()->height() / 2;
    const int lineHeight = editor->fontMetrics().lineSpacing();
    QVERIFY2(std::abs(editor->cursorRect().center().y() - middle) <= 2 * lineHeight,
             qPrintable(u"cursor at %1, middle %2"_s.arg(editor->cursorRect().center().y()).arg(middle)));

    // The mark follows the line into a tab that shows it, and is not shown where it is not.
    view.setSource(numbered(300), CodeHighlighter::Language::Python, {140, 160}, {1, 10});
    QCOMPARE(view.highlightedLine(), 0);
    view.highlightLine(150);
    view.showTab(Tab::Upgrade);
    QCOMPARE(editor->extraSelections().size(), 1);
    QCOMPARE(editor->extraSelections().first().cursor.block().text(), u"x150 = 150"_s);
    view.showTab(Tab::Downgrade);
    QCOMPARE(editor->extraSelections().size(), 0);

    // Out of range: nothing changes.
    view.highlightLine(0);
    view.highlightLine(301);
    QCOMPARE(view.highlightedLine(), 150);
    QCOMPARE(view.currentTab(), Tab::Downgrade);
}

void TestSourceView::clearShowsPlaceholder()
{
    SourceView view;
    QCOMPARE(view.editor()->placeholderText(), u"Select a revision to see its source."_s);
    QVERIFY(view.visibleText().isEmpty());
    view.setSource(u"x = 1\ny = 2"_s, CodeHighlighter::Language::Python, {1, 1}, {2, 2});
    view.showTab(Tab::Upgrade);
    view.highlightLine(2);
    view.clear();
    QVERIFY(view.visibleText().isEmpty());
    QCOMPARE(view.currentTab(), Tab::Source);
    QVERIFY(!view.isTabEnabled(Tab::Upgrade));
    QVERIFY(!view.isTabEnabled(Tab::Downgrade));
    QCOMPARE(view.highlightedLine(), 0);
    QVERIFY(view.editor()->extraSelections().isEmpty());
    QVERIFY(view.editor()->isReadOnly());
    QCOMPARE(view.editor()->lineWrapMode(), QPlainTextEdit::NoWrap);
}

void TestSourceView::darkPaletteRecolours()
{
    SourceView view;
    view.setPalette(lightPalette());
    view.setSource(u"def upgrade():\n    op.execute(\"SELECT 1\")  # done"_s, CodeHighlighter::Language::Python, {1, 2},
                   {});
    view.highlightLine(2);

    const auto colourAt = [&view](int line, int column) {
        const std::optional<QTextLayout::FormatRange> range = formatAt(view.editor()->document(), line, column);
        return range ? range->format.foreground().color() : QColor();
    };
    struct Sample
    {
        int line;
        int column;
    };
    const Sample samples[] = {{1, 0}, {2, 16}, {2, 30}}; // def, the string, the comment
    QList<QColor> light;
    for (const Sample &s : samples) {
        const QColor colour = colourAt(s.line, s.column);
        QVERIFY(colour.isValid());
        QVERIFY2(contrast(colour, lightPalette().color(QPalette::Base)) >= (builtIn() ? 4.5 : 3.0),
                 qPrintable(colour.name()));
        light.append(colour);
    }
    const QColor lightMark = view.editor()->extraSelections().value(0).format.background().color();

    view.setPalette(darkPalette());
    QVERIFY(Theme::isDark(view.palette()));
    for (int i = 0; i < int(std::size(samples)); ++i) {
        const QColor colour = colourAt(samples[i].line, samples[i].column);
        QVERIFY(colour.isValid());
        QVERIFY2(colour != light.at(i), qPrintable(colour.name()));
        QVERIFY2(contrast(colour, darkPalette().color(QPalette::Base)) >= (builtIn() ? 4.5 : 3.0),
                 qPrintable(colour.name()));
    }
    const QColor darkMark = view.editor()->extraSelections().value(0).format.background().color();
    QVERIFY(darkMark != lightMark);
    QVERIFY(contrast(darkMark, darkPalette().color(QPalette::Text)) >= 4.5);
    if (builtIn())
        QCOMPARE(kindAt(view.editor()->document(), 2, 4), u"Operation"_s);
}

void TestSourceView::paintsGutter()
{
    SourceView view;
    view.resize(400, 200);
    view.setSource(numbered(50), CodeHighlighter::Language::Sql, {20, 30}, {});
    view.showTab(Tab::Upgrade);
    QPlainTextEdit *editor = view.editor();
    // The gutter sits left of the text, wide enough for the file's line numbers.
    QVERIFY(editor->viewport()->geometry().left() >= editor->fontMetrics().horizontalAdvance(u"30"_s));
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), view.size() * image.devicePixelRatio());
}

QTEST_MAIN(TestSourceView)
#include "tst_sourceview.moc"
