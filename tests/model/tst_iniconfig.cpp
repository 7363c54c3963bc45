// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/iniconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QMap<QString, QString> hereDefaults{{u"here"_s, u"/srv/app"_s}};

/// Asks Python's ConfigParser (the oracle alembic uses) for `section`/`key` of `text`.
/// Returns {"value": ...} or {"error": ...}, or an empty object when Python cannot run. An empty
/// `section` only reads the file.
QJsonObject pythonValue(const QString &dir, const QByteArray &text, const QString &section, const QString &key)
{
    const QString path = dir + u"/oracle.ini"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(text);
    file.close();
    const QString script = uR"(import configparser, json, sys
p = configparser.ConfigParser({"here": "/srv/app"})
try:
    p.read(sys.argv[1], encoding="utf-8")
    print(json.dumps({"value": p.get(sys.argv[2], sys.argv[3]) if sys.argv[2] else ""}))
except Exception as e:
    print(json.dumps({"error": type(e).__name__}))
)"_s;
    QProcess python;
    python.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, script, path, section, key});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace

class TestIniConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void matchesPython_data() { values_data(); }
    void matchesPython();
    void diagnostics_data();
    void diagnostics();
    void sectionsAndKeys();
    void rawValueAndLine();
    void loadFromFile();
    void loadMissingFile();
    void garbageNeverCrashes();
};

void TestIniConfig::values_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error"); // substring of the failure; empty: success

    QTest::newRow("equals") << QByteArray("[alembic]\nscript_location = migrations\n") << u"alembic"_s
                            << u"script_location"_s << u"migrations"_s << QString();
    QTest::newRow("colon") << QByteArray("[a]\nkey: value\n") << u"a"_s << u"key"_s << u"value"_s << QString();
    QTest::newRow("first delimiter =") << QByteArray("[a]\nk = a:b=c\n") << u"a"_s << u"k"_s << u"a:b=c"_s << QString();
    QTest::newRow("first delimiter :") << QByteArray("[a]\nk: a=b\n") << u"a"_s << u"k"_s << u"a=b"_s << QString();
    QTest::newRow("stripped") << QByteArray("[a]\n   k   =    v w   \t\n") << u"a"_s << u"k"_s << u"v w"_s << QString();
    QTest::newRow("key case-insensitive")
        << QByteArray("[a]\nScript_Location = x\n") << u"a"_s << u"SCRIPT_LOCATION"_s << u"x"_s << QString();
    QTest::newRow("section case-sensitive")
        << QByteArray("[Alembic]\nk = v\n") << u"alembic"_s << u"k"_s << QString() << u"No section"_s;
    QTest::newRow("missing key") << QByteArray("[a]\nk = v\n") << u"a"_s << u"other"_s << QString()
                                 << u"No option 'other'"_s;
    QTest::newRow("DEFAULT visible") << QByteArray("[DEFAULT]\nfoo = bar\n[a]\nx = 1\n") << u"a"_s << u"foo"_s
                                     << u"bar"_s << QString();
    QTest::newRow("section overrides DEFAULT")
        << QByteArray("[DEFAULT]\nbase = 1\n[a]\nbase = 2\nv = %(base)s\n") << u"a"_s << u"v"_s << u"2"_s << QString();
    QTest::newRow("DEFAULT itself") << QByteArray("[DEFAULT]\nfoo = bar\n") << u"DEFAULT"_s << u"foo"_s << u"bar"_s
                                    << QString();
    QTest::newRow("here") << QByteArray("[a]\nloc = %(here)s/migrations\n") << u"a"_s << u"loc"_s
                          << u"/srv/app/migrations"_s << QString();
    QTest::newRow("file overrides here") << QByteArray("[DEFAULT]\nhere = /x\n[a]\nloc = %(here)s\n") << u"a"_s
                                         << u"loc"_s << u"/x"_s << QString();
    QTest::newRow("percent escape") << QByteArray("[a]\nt = %%(rev)s_%%(slug)s\n") << u"a"_s << u"t"_s
                                    << u"%(rev)s_%(slug)s"_s << QString();
    QTest::newRow("url percent") << QByteArray("[a]\nsqlalchemy.url = postgresql://u:p%%40ss@h/db\n") << u"a"_s
                                 << u"sqlalchemy.url"_s << u"postgresql://u:p%40ss@h/db"_s << QString();
    QTest::newRow("same-section reference")
        << QByteArray("[a]\nbase = /x\nloc = %(base)s/y\n") << u"a"_s << u"loc"_s << u"/x/y"_s << QString();
    QTest::newRow("reference case-insensitive")
        << QByteArray("[a]\nBase = /x\nloc = %(BASE)s/y\n") << u"a"_s << u"loc"_s << u"/x/y"_s << QString();
    QTest::newRow("chained references") << QByteArray("[a]\nx = %(y)s!\ny = %(z)s?\nz = v\n") << u"a"_s << u"x"_s
                                        << u"v?!"_s << QString();
    QTest::newRow("escape inside reference")
        << QByteArray("[a]\nx = %(y)s\ny = 100%%\n") << u"a"_s << u"x"_s << u"100%"_s << QString();
    QTest::newRow("inline comment kept") << QByteArray("[a]\nsep = os  # Use os.pathsep.\n") << u"a"_s << u"sep"_s
                                         << u"os  # Use os.pathsep."_s << QString();
    QTest::newRow("inline semicolon kept")
        << QByteArray("[a]\nk = v ; note\n") << u"a"_s << u"k"_s << u"v ; note"_s << QString();
    QTest::newRow("full-line comments") << QByteArray("# c\n; c\n[a]\n  # indented\n;x = 1\nk = v\n") << u"a"_s
                                        << u"k"_s << u"v"_s << QString();
    QTest::newRow("commented key absent")
        << QByteArray("[a]\n# k = v\n") << u"a"_s << u"k"_s << QString() << u"No option"_s;
    QTest::newRow("continuation") << QByteArray("[a]\nk = a\n  b\n\tc\n") << u"a"_s << u"k"_s << u"a\nb\nc"_s
                                  << QString();
    QTest::newRow("empty line inside value")
        << QByteArray("[a]\nk = a\n\n  b\n") << u"a"_s << u"k"_s << u"a\n\nb"_s << QString();
    QTest::newRow("trailing empty lines dropped")
        << QByteArray("[a]\nk = a\n\n\n[b]\n") << u"a"_s << u"k"_s << u"a"_s << QString();
    QTest::newRow("comment inside continuation")
        << QByteArray("[a]\nk = a\n  # x\n  b\n") << u"a"_s << u"k"_s << u"a\nb"_s << QString();
    QTest::newRow("value on following lines")
        << QByteArray("[a]\nk =\n  x\n  y\n") << u"a"_s << u"k"_s << u"\nx\ny"_s << QString();
    QTest::newRow("indented option continues")
        << QByteArray("[a]\n  k = 1\n  j = 2\n") << u"a"_s << u"j"_s << u"2"_s << QString();
    QTest::newRow("deeper indented header is text")
        << QByteArray("[a]\nk = 1\n  [b]\n") << u"a"_s << u"k"_s << u"1\n[b]"_s << QString();
    QTest::newRow("empty value") << QByteArray("[a]\nk =\n") << u"a"_s << u"k"_s << QString() << QString();
    QTest::newRow("CRLF") << QByteArray("[a]\r\nk = v\r\n  w\r\n") << u"a"_s << u"k"_s << u"v\nw"_s << QString();
    QTest::newRow("CR only") << QByteArray("[a]\rk = v\r") << u"a"_s << u"k"_s << u"v"_s << QString();
    QTest::newRow("header trailing text")
        << QByteArray("[a] trailing\nk = v\n") << u"a"_s << u"k"_s << u"v"_s << QString();
    QTest::newRow("header last bracket") << QByteArray("[a]b]\nk = v\n") << u"a]b"_s << u"k"_s << u"v"_s << QString();
    QTest::newRow("unicode") << QByteArray("[a]\nk = caf\xc3\xa9\n") << u"a"_s << u"k"_s << u"caf\u00e9"_s << QString();
    QTest::newRow("missing reference") << QByteArray("[a]\nk = %(nope)s\n") << u"a"_s << u"k"_s << QString()
                                       << u"'nope'"_s;
    QTest::newRow("lone percent") << QByteArray("[a]\nk = 50% off\n") << u"a"_s << u"k"_s << QString()
                                  << u"'%' must be followed by '%' or '('"_s;
    QTest::newRow("trailing percent") << QByteArray("[a]\nk = 50%\n") << u"a"_s << u"k"_s << QString()
                                      << u"'%' must be followed by '%' or '('"_s;
    QTest::newRow("bad reference") << QByteArray("[a]\nk = %(x\n") << u"a"_s << u"k"_s << QString()
                                   << u"Bad interpolation variable reference"_s;
    QTest::newRow("reference without s") << QByteArray("[a]\nx = 1\nk = %(x)d\n") << u"a"_s << u"k"_s << QString()
                                         << u"Bad interpolation variable reference"_s;
    QTest::newRow("empty reference") << QByteArray("[a]\nk = %()s\n") << u"a"_s << u"k"_s << QString()
                                     << u"Bad interpolation variable reference"_s;
    QTest::newRow("self reference") << QByteArray("[a]\nk = %(k)s\n") << u"a"_s << u"k"_s << QString()
                                    << u"Recursion limit exceeded"_s;
    QTest::newRow("error in referenced value")
        << QByteArray("[a]\nx = 5%\nk = %(x)s\n") << u"a"_s << u"k"_s << QString() << u"'%' must be followed"_s;
}

void TestIniConfig::values()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    const IniConfig config = IniConfig::parse(text, u"test.ini"_s, hereDefaults);
    QVERIFY2(!hasErrors(config.diagnostics()),
             qPrintable(config.diagnostics().isEmpty() ? QString() : config.diagnostics().first().message));
    const Result<QString> value = config.value(section, key);
    if (error.isEmpty()) {
        QVERIFY2(value.ok(), qPrintable(value.error()));
        QCOMPARE(value.value(), expected);
    } else {
        QVERIFY(!value.ok());
        QVERIFY2(value.error().contains(error), qPrintable(value.error()));
        if (config.hasSection(section) && config.hasOption(section, key)) {
            QVERIFY2(value.error().contains(u"test.ini"_s), qPrintable(value.error()));
            QVERIFY2(value.error().contains(QString(u'[' + section + u']')), qPrintable(value.error()));
            QVERIFY2(value.error().contains(QString(u'\'' + key.toLower() + u'\'')), qPrintable(value.error()));
        }
    }
}

void TestIniConfig::matchesPython()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject python = pythonValue(dir.path(), text, section, key);
    QVERIFY2(!python.isEmpty(), "Python's configparser (the oracle) did not answer through " RETORT_TEST_PYTHON);
    if (error.isEmpty()) {
        QCOMPARE(python.value(u"value"_s).toString(), expected);
    } else {
        QVERIFY2(python.contains(u"error"_s), qPrintable(python.value(u"value"_s).toString()));
    }
}

void TestIniConfig::diagnostics_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("clean") << QByteArray("[a]\nk = v\n") << QStringList() << QList<int>();
    QTest::newRow("duplicate option") << QByteArray("[a]\nk = 1\nk = 2\n") << QStringList{u"ini-duplicate-option"_s}
                                      << QList<int>{3};
    QTest::newRow("duplicate option other case")
        << QByteArray("[a]\nK = 1\nk = 2\n") << QStringList{u"ini-duplicate-option"_s} << QList<int>{3};
    QTest::newRow("duplicate option in DEFAULT")
        << QByteArray("[DEFAULT]\nk = 1\nk = 2\n") << QStringList{u"ini-duplicate-option"_s} << QList<int>{3};
    QTest::newRow("same key in two sections")
        << QByteArray("[a]\nk = 1\n[b]\nk = 2\n") << QStringList() << QList<int>();
    QTest::newRow("duplicate section") << QByteArray("[a]\n[b]\n[a]\n") << QStringList{u"ini-duplicate-section"_s}
                                       << QList<int>{3};
    QTest::newRow("duplicate DEFAULT is fine")
        << QByteArray("[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n") << QStringList() << QList<int>();
    QTest::newRow("line before any section")
        << QByteArray("\n# c\nk = v\n[a]\n") << QStringList{u"ini-missing-section-header"_s} << QList<int>{3};
    QTest::newRow("no delimiter") << QByteArray("[a]\nk = v\njunk\n") << QStringList{u"ini-parse-error"_s}
                                  << QList<int>{3};
    QTest::newRow("empty name") << QByteArray("[a]\n= v\n") << QStringList{u"ini-parse-error"_s} << QList<int>{2};
    QTest::newRow("empty brackets") << QByteArray("[a]\n[]\n") << QStringList{u"ini-parse-error"_s} << QList<int>{2};
    QTest::newRow("not UTF-8") << QByteArray("[a]\nk = caf\xe9\n") << QStringList{u"ini-encoding"_s} << QList<int>{0};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF[a]\nk = v\n") << QStringList{u"ini-bom"_s} << QList<int>{1};
}

void TestIniConfig::diagnostics()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, codes);
    QFETCH(QList<int>, lines);

    const IniConfig config = IniConfig::parse(text, u"/p/alembic.ini"_s);
    QStringList actualCodes;
    QList<int> actualLines;
    for (const Diagnostic &d : config.diagnostics()) {
        actualCodes.append(d.code);
        actualLines.append(d.line);
        QCOMPARE(d.file, u"/p/alembic.ini"_s);
        QVERIFY2(d.message.contains(u"/p/alembic.ini"_s), qPrintable(d.message));
    }
    QCOMPARE(actualCodes, codes);
    QCOMPARE(actualLines, lines);

    // Python's strict ConfigParser refuses exactly the files with an error (or a BOM).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject python = pythonValue(dir.path(), text, QString(), QString());
    QVERIFY2(!python.isEmpty(), "Python's configparser (the oracle) did not answer through " RETORT_TEST_PYTHON);
    QCOMPARE(python.contains(u"error"_s), hasErrors(config.diagnostics()) || codes.contains(u"ini-bom"_s));
}

void TestIniConfig::sectionsAndKeys()
{
    const IniConfig config =
        IniConfig::parse("[DEFAULT]\nd = 1\n[b]\nx = 1\nd = 2\n[a]\ny = 3\nX = 4\n", u"t.ini"_s, hereDefaults);
    QCOMPARE(config.sections(), (QStringList{u"b"_s, u"a"_s}));
    QVERIFY(config.hasSection(u"a"_s));
    QVERIFY(!config.hasSection(u"A"_s));
    QVERIFY(!config.hasSection(u"DEFAULT"_s));
    QCOMPARE(config.keys(u"b"_s), (QStringList{u"here"_s, u"d"_s, u"x"_s}));
    QCOMPARE(config.keys(u"a"_s), (QStringList{u"here"_s, u"d"_s, u"y"_s, u"x"_s}));
    QCOMPARE(config.keys(u"missing"_s), QStringList());
    QVERIFY(config.hasOption(u"a"_s, u"D"_s));
    QVERIFY(!config.hasOption(u"missing"_s, u"d"_s));
    // Set in the section itself, not only inherited from DEFAULT.
    QVERIFY(config.setsOption(u"b"_s, u"D"_s));
    QVERIFY(!config.setsOption(u"a"_s, u"d"_s));
    QVERIFY(config.setsOption(u"a"_s, u"x"_s));
    QVERIFY(!config.setsOption(u"missing"_s, u"x"_s));
    QCOMPARE(config.value(u"b"_s, u"d"_s).value(), u"2"_s);
    QCOMPARE(config.value(u"a"_s, u"d"_s).value(), u"1"_s);
}

void TestIniConfig::rawValueAndLine()
{
    const IniConfig config = IniConfig::parse("[a]\n\nk = %(here)s/x\n  more\n", u"t.ini"_s, hereDefaults);
    QCOMPARE(config.rawValue(u"a"_s, u"K"_s), std::optional<QString>(u"%(here)s/x\nmore"_s));
    QCOMPARE(config.rawValue(u"a"_s, u"nope"_s), std::nullopt);
    QCOMPARE(config.rawValue(u"a"_s, u"here"_s), std::optional<QString>(u"/srv/app"_s));
    QCOMPARE(config.line(u"a"_s, u"k"_s), 3);
    QCOMPARE(config.value(u"a"_s, u"k"_s).value(), u"/srv/app/x\nmore"_s);
}

void TestIniConfig::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"alembic.ini"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[DEFAULT]\nroot = %(here)s/src\n\n[alembic]\nscript_location = %(root)s/migrations\n"
               "version_path_separator = os  # Use os.pathsep.\n");
    file.close();

    const Result<IniConfig> config = IniConfig::load(path, {{u"here"_s, dir.path()}});
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->fileName(), path);
    QVERIFY(config->diagnostics().isEmpty());
    QCOMPARE(config->value(u"alembic"_s, u"script_location"_s).value(), dir.path() + u"/src/migrations"_s);
    QCOMPARE(config->value(u"alembic"_s, u"version_path_separator"_s).value(), u"os  # Use os.pathsep."_s);
}

void TestIniConfig::loadMissingFile()
{
    const Result<IniConfig> config = IniConfig::load(u"/nonexistent/alembic.ini"_s);
    QVERIFY(!config.ok());
    QVERIFY2(config.error().contains(u"/nonexistent/alembic.ini"_s), qPrintable(config.error()));
}

void TestIniConfig::garbageNeverCrashes()
{
    QRandomGenerator random(42);
    const QByteArray alphabet("[]=:%()s#; \t\n\rab\xff\xc3");
    for (int round = 0; round < 2000; ++round) {
        QByteArray text;
        const int length = int(random.bounded(200));
        for (int i = 0; i < length; ++i)
            text.append(alphabet.at(int(random.bounded(alphabet.size()))));
        const IniConfig config = IniConfig::parse(text, u"fuzz.ini"_s, hereDefaults);
        const int lines = int(text.count('\n') + text.count('\r')) + 1;
        for (const Diagnostic &d : config.diagnostics()) {
            // Every problem says where and what, within the text.
            QCOMPARE(d.file, u"fuzz.ini"_s);
            QVERIFY(d.line >= 0 && d.line <= lines);
            QVERIFY(!d.code.isEmpty() && !d.message.isEmpty());
        }
        const QStringList sections = config.sections();
        QCOMPARE(QSet<QString>(sections.cbegin(), sections.cend()).size(), sections.size());
        QVERIFY(!sections.contains(u"DEFAULT"_s));
        for (const QString &section : sections) {
            QVERIFY(config.hasSection(section));
            const QStringList keys = config.keys(section);
            for (const QString &key : keys) {
                QVERIFY(config.hasOption(section, key));
                QVERIFY(config.rawValue(section, key).has_value());
                // Interpolation either gives a value or says which key failed.
                const Result<QString> value = config.value(section, key);
                QVERIFY(value || value.error().contains(key));
                QVERIFY(config.line(section, key) >= 0 && config.line(section, key) <= lines);
            }
        }
        // The same text, the same reading.
        QCOMPARE(IniConfig::parse(text, u"fuzz.ini"_s, hereDefaults).sections(), sections);
    }
}

QTEST_GUILESS_MAIN(TestIniConfig)
#include "tst_iniconfig.moc"
