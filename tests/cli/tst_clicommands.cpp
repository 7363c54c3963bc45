// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// retort-cli's own commands and contracts, where there is no alembic command to compare with:
// plan, graph, check, --json, exit codes, stderr, several version folders, translations.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run retortCli(const QStringList &args, const QString &workingDir = {}, const QString &lang = u"C"_s)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, lang);
    env.insert(u"LC_ALL"_s, lang);
    env.remove(u"LANGUAGE"_s);
    env.remove(u"ALEMBIC_CONFIG"_s);
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(QStringLiteral(RETORT_CLI_PATH), args);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeRevision(const QString &dir, const QString &id, const QString &down, const QString &extra = {})
{
    QDir().mkpath(dir);
    QFile file(dir + u'/' + id + u"_m.py"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((u"\"\"\"message %1\n\"\"\"\nrevision = '%1'\ndown_revision = %2\n%3\n\n\ndef upgrade():\n    pass\n\n\n"
                "def downgrade():\n    pass\n"_s.arg(id, down, extra))
                   .toUtf8());
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void planText();
    void planJson();
    void planErrorsGoToStderr();
    void graphJsonAndDot();
    void graphPictures();
    void checkExitCodes();
    void severalVersionFolders();
    void realProjects();
    void controlCharactersEscaped();
    void usageErrors_data();
    void usageErrors();
    void translated_data();
    void translated();

private:
    QTemporaryDir m_dir;
    QString m_linear;
    QString m_broken;
};

void TestCliCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_linear = m_dir.filePath(u"linear"_s);
    writeRevision(m_linear, u"aaaa"_s, u"None"_s);
    writeRevision(m_linear, u"bbbb"_s, u"'aaaa'"_s, u"branch_labels = ('lib',)"_s);
    writeRevision(m_linear, u"cccc"_s, u"'bbbb'"_s);
    m_broken = m_dir.filePath(u"broken"_s);
    writeRevision(m_broken, u"aaaa"_s, u"None"_s);
    writeRevision(m_broken, u"bbbb"_s, u"'zzzz'"_s);
}

void TestCliCommands::planText()
{
    const Run run = retortCli({u"--versions"_s, m_linear, u"plan"_s, u"upgrade"_s, u"heads"_s, u"--from"_s, u"aaaa"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"Running upgrade aaaa -> bbbb, message bbbb\nRunning upgrade bbbb -> cccc, message cccc\n"
                      "Rows: cccc\n"_s);
    const Run down = retortCli({u"--versions"_s, m_linear, u"plan"_s, u"downgrade"_s, u"base"_s, u"--from=cccc"_s});
    QCOMPARE(down.exitCode, 0);
    QVERIFY(down.out.endsWith(u"Running downgrade aaaa -> , message aaaa\nRows: (none)\n"_s));
}

void TestCliCommands::planJson()
{
    const Run run = retortCli(
        {u"--versions"_s, m_linear, u"plan"_s, u"stamp"_s, u"lib@head"_s, u"--from"_s, u"aaaa"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject plan = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(plan.value(u"kind"_s).toString(), u"stamp"_s);
    QCOMPARE(plan.value(u"rows"_s).toArray(), QJsonArray({u"cccc"_s}));
    const QJsonObject step = plan.value(u"steps"_s).toArray().first().toObject();
    QCOMPARE(step.value(u"direction"_s).toString(), u"up"_s);
    QVERIFY(step.value(u"revision"_s).isNull());
    QCOMPARE(step.value(u"ops"_s).toArray().first().toObject().value(u"op"_s).toString(), u"update"_s);
    QCOMPARE(step.value(u"rows_after"_s).toArray(), QJsonArray({u"cccc"_s}));
}

void TestCliCommands::realProjects()
{
    const QString data = QStringLiteral(RETORT_SOURCE_DIR "/tests/data/realprojects/");
    // A Flask app's root: its migrations/ folder, whose alembic.ini has no script_location.
    const Run flask = retortCli({u"heads"_s}, data + u"flaskapp"_s);
    QCOMPARE(flask.exitCode, 0);
    QCOMPARE(flask.out, u"3b8e2f1a9c07 (head)\n"_s);
    QVERIFY(flask.err.isEmpty());

    // Unknown labels are said on stderr, answers that do not need them still come, exit 0.
    const Run degraded = retortCli({u"-c"_s, data + u"outoftree"_s, u"plan"_s, u"upgrade"_s, u"zz_side01"_s});
    QCOMPARE(degraded.exitCode, 0);
    QVERIFY(degraded.out.endsWith(u"Rows: zz_side01\n"_s));
    QCOMPARE(degraded.err.count(u"warning: "_s), 2);
    const Run refused = retortCli({u"-c"_s, data + u"outoftree"_s, u"plan"_s, u"upgrade"_s, u"expand@head"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"It may be a branch label of revision ocata_contract01"_s), qPrintable(refused.err));

    // --evaluate: the project's Python (here Debian's, with the "installed" package on PYTHONPATH).
    qputenv("PYTHONPATH", QString(data + u"site-packages"_s).toUtf8());
    const Run evaluated = retortCli({u"-c"_s, data + u"outoftree"_s, u"--python"_s, QStringLiteral(RETORT_TEST_PYTHON),
                                     u"show"_s, u"-v"_s, u"ocata_contract01"_s});
    const Run planned = retortCli({u"-c"_s, data + u"outoftree"_s, u"--evaluate"_s, u"--python"_s,
                                   QStringLiteral(RETORT_TEST_PYTHON), u"plan"_s, u"upgrade"_s, u"expand@head"_s});
    qunsetenv("PYTHONPATH");
    QCOMPARE(evaluated.exitCode, 0);
    QVERIFY(evaluated.err.isEmpty());
    QVERIFY2(evaluated.out.contains(u"Branch names: ocata01, contract"_s) ||
                 evaluated.out.contains(u"Branch names: contract, ocata01"_s),
             qPrintable(evaluated.out));
    QVERIFY2(evaluated.out.contains(u"): ocata01, contract, evaluated by "_s), qPrintable(evaluated.out));
    QCOMPARE(planned.exitCode, 0);
    QVERIFY2(planned.out.endsWith(u"Rows: rocky_expand01\n"_s), qPrintable(planned.out + planned.err));

    const Run noPython =
        retortCli({u"-c"_s, data + u"computed"_s, u"--python"_s, u"/nonexistent/python"_s, u"heads"_s});
    QCOMPARE(noPython.exitCode, 0);
    QVERIFY2(noPython.err.contains(u"warning: /nonexistent/python cannot be started"_s), qPrintable(noPython.err));
}

void TestCliCommands::controlCharactersEscaped()
{
    // Ids from files reach messages: a NUL or an escape sequence must not cut them or drive the terminal.
    const QString dir = m_dir.filePath(u"control"_s);
    writeRevision(dir, u"b2"_s, u"'gone\\x1b[2J\\x00\\x85'"_s);
    const Run check = retortCli({u"--versions"_s, dir, u"check"_s});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(u"Revision gone\\x1b[2J\\x00\\x85 referenced from b2"_s), qPrintable(check.out));
    const Run plan = retortCli({u"--versions"_s, m_linear, u"plan"_s, u"upgrade"_s, u"no\x1b[31mpe"_s});
    QVERIFY2(plan.err.contains(u"'no\\x1b[31mpe'"_s), qPrintable(plan.err));
    for (const QString &text : {check.out, check.err, plan.err}) {
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(!text.contains(QChar(0)));
    }
}

void TestCliCommands::planErrorsGoToStderr()
{
    const Run run = retortCli({u"--versions"_s, m_linear, u"plan"_s, u"upgrade"_s, u"nope"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err, u"FAILED: Can't locate revision identified by 'nope'\n"_s);
    const Run broken = retortCli({u"--versions"_s, m_broken, u"plan"_s, u"upgrade"_s, u"heads"_s});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(u"retort-cli check"_s), qPrintable(broken.err));
    QVERIFY2(broken.err.contains(u"zzzz"_s), qPrintable(broken.err));
}

void TestCliCommands::graphJsonAndDot()
{
    const Run json = retortCli({u"--versions"_s, m_broken, u"graph"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, 1); // the history has an error: printed, and said so
    const QJsonObject graph = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(graph.value(u"revisions"_s).toArray().size(), 3); // aaaa, bbbb and the ghost zzzz
    bool ghost = false;
    for (const QJsonValue &r : graph.value(u"revisions"_s).toArray())
        ghost = ghost || (r.toObject().value(u"revision"_s) == u"zzzz"_s && r.toObject().value(u"is_ghost"_s).toBool());
    QVERIFY(ghost);
    QCOMPARE(graph.value(u"edges"_s).toArray().size(), 1);
    QVERIFY(!graph.value(u"diagnostics"_s).toArray().isEmpty());

    const Run dot = retortCli({u"--versions"_s, m_linear, u"graph"_s, u"--format"_s, u"dot"_s});
    QCOMPARE(dot.exitCode, 0);
    QVERIFY(dot.out.startsWith(u"digraph revisions {"_s));
    QVERIFY(dot.out.contains(u"\"aaaa\" -> \"bbbb\";"_s));
    QVERIFY(dot.out.trimmed().endsWith(u'}'));
}

void TestCliCommands::graphPictures()
{
    // The GUI's layout and drawing, without a display: an SVG on stdout, a PNG into a file.
    const QString sample = QStringLiteral(RETORT_SOURCE_DIR "/resources/sample");
    const Run svg = retortCli({u"-c"_s, sample, u"graph"_s, u"--format"_s, u"svg"_s});
    QCOMPARE(svg.exitCode, 0);
    QVERIFY2(svg.err.isEmpty(), qPrintable(svg.err));
    QSvgRenderer renderer(svg.out.toUtf8());
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.viewBoxF().height() > renderer.viewBoxF().width()); // bases at the bottom, heads on top
    QVERIFY(svg.out.contains(u"9ccc6cd9d6d2"_s));

    const Run sideways = retortCli({u"-c"_s, sample, u"graph"_s, u"--format"_s, u"svg"_s, u"--left-to-right"_s});
    QSvgRenderer wide(sideways.out.toUtf8());
    QVERIFY(wide.viewBoxF().width() > wide.viewBoxF().height());

    const QString png = m_dir.filePath(u"sample.png"_s);
    const Run picture = retortCli({u"-c"_s, sample, u"graph"_s, u"--format"_s, u"png"_s, u"-o"_s, png});
    QCOMPARE(picture.exitCode, 0);
    QVERIFY(picture.out.isEmpty());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), (renderer.viewBoxF().size() * 2).toSize());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5) {
        for (int x = 0; x < image.width(); x += 5)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 20); // not blank

    const Run unwritable =
        retortCli({u"-c"_s, sample, u"graph"_s, u"--format"_s, u"png"_s, u"-o"_s, u"/nonexistent/dir/x.png"_s});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY(unwritable.err.startsWith(u"FAILED: Cannot write /nonexistent/dir/x.png"_s));
}

void TestCliCommands::checkExitCodes()
{
    const Run clean = retortCli({u"--versions"_s, m_linear, u"check"_s});
    QCOMPARE(clean.exitCode, 0);
    QCOMPARE(clean.out, u"3 revisions, 0 errors, 0 warnings\n"_s);
    const Run broken = retortCli({u"--versions"_s, m_broken, u"check"_s, u"--json"_s});
    QCOMPARE(broken.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(broken.out.toUtf8()).object();
    QCOMPARE(report.value(u"errors"_s).toInt(), 1);
    const QJsonObject d = report.value(u"diagnostics"_s).toArray().first().toObject();
    QCOMPARE(d.value(u"code"_s).toString(), u"missing-revision"_s);
    QVERIFY(d.value(u"file"_s).toString().endsWith(u"bbbb_m.py"_s));
    QCOMPARE(d.value(u"line"_s).toInt(), 3);
}

void TestCliCommands::severalVersionFolders()
{
    const QString second = m_dir.filePath(u"second"_s);
    writeRevision(second, u"dddd"_s, u"'cccc'"_s);
    const Run run = retortCli({u"--versions"_s, m_linear, u"--versions"_s, second, u"heads"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"dddd (lib) (head)\n"_s);
}

void TestCliCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no command") << QStringList() << 2;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << 2;
    QTest::newRow("unknown option") << QStringList{u"heads"_s, u"--frob"_s} << 2;
    QTest::newRow("missing value") << QStringList{u"history"_s, u"-r"_s} << 2;
    QTest::newRow("missing project") << QStringList{u"-c"_s, u"/nonexistent/alembic.ini"_s, u"heads"_s} << 1;
    QTest::newRow("bad graph format") << QStringList{u"graph"_s, u"--format"_s, u"gif"_s} << 1;
    QTest::newRow("png without a file") << QStringList{u"graph"_s, u"--format"_s, u"png"_s} << 1;
    QTest::newRow("missing versions folder") << QStringList{u"--versions"_s, u"/nonexistent"_s, u"heads"_s} << 1;
}

void TestCliCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    if (!args.contains(u"-c"_s) && !args.contains(u"--versions"_s))
        args = QStringList{u"--versions"_s, m_linear} + args;
    const Run run = retortCli(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
}

void TestCliCommands::translated_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << u"de_DE.UTF-8"_s << u"3 Revisionen, 0 Fehler, 0 Warnungen\n"_s;
    QTest::newRow("French") << u"fr_FR.UTF-8"_s << u"3 révisions, 0 erreur, 0 avertissement\n"_s;
    // No translation for the language (or the C locale): English, with its plural forms.
    QTest::newRow("Italian") << u"it_IT.UTF-8"_s << u"3 revisions, 0 errors, 0 warnings\n"_s;
}

void TestCliCommands::translated()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const Run run = retortCli({u"--versions"_s, m_linear, u"check"_s}, {}, lang);
    QCOMPARE(run.out, expected);
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
