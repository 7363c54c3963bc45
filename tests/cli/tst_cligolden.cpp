// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// retort-cli's output, byte for byte, on the sample project, the real-shaped fixtures and generated
// histories, against transcripts committed in tests/data/cli-golden/. A reshaping of the code must
// leave them identical; a change of behaviour updates them on purpose:
//     RETORT_UPDATE_GOLDEN=1 ctest -R cli_golden   (then review `git diff tests/data/cli-golden`)

#include "historygenerator.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString SourceDir = QStringLiteral(RETORT_SOURCE_DIR);
const QString GoldenDir = SourceDir + u"/tests/data/cli-golden/"_s;

/// One transcript: every command with its exit code, stdout and stderr, with the folders that differ
/// between machines replaced by placeholders.
class Transcript
{
public:
    Transcript(QString projectDir, QString scratchDir)
        : m_projectDir(std::move(projectDir))
        , m_scratchDir(std::move(scratchDir))
    {}

    /// Runs retort-cli in the project folder; returns its stdout.
    QString run(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C"_s);
        env.insert(u"LC_ALL"_s, u"C"_s);
        env.remove(u"LANGUAGE"_s);
        env.remove(u"ALEMBIC_CONFIG"_s);
        env.insert(u"COLUMNS"_s, u"100"_s);
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_projectDir);
        process.start(QStringLiteral(RETORT_CLI_PATH), args);
        if (!process.waitForFinished(120000))
            qFatal("retort-cli %s did not finish", qPrintable(args.join(u' ')));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        m_text += u"$ retort-cli "_s + placeholders(args.join(u' ')) + u"\n[exit "_s +
                  QString::number(process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1) + u"]\n"_s;
        m_text += placeholders(out);
        if (!err.isEmpty())
            m_text += u"[stderr]\n"_s + placeholders(err);
        m_text += u"\n"_s;
        return out;
    }

    QString text() const { return m_text; }

private:
    QString placeholders(QString text) const
    {
        text.replace(m_scratchDir, u"<scratch>"_s);
        text.replace(m_projectDir, u"<project>"_s);
        text.replace(SourceDir, u"<source>"_s);
        return text;
    }

    QString m_projectDir;
    QString m_scratchDir;
    QString m_text;
};

QString firstWord(const QString &text)
{
    return text.section(u'\n', 0, 0).section(u' ', 0, 0).trimmed();
}

/// The commands whose output is compared: every read-only command in text and JSON, then the
/// database commands on a fresh SQLite file.
void exercise(Transcript &transcript, const QStringList &projectArgs, const QString &scratch)
{
    const auto cli = [&](const QStringList &args) { return transcript.run(projectArgs + args); };
    const QString head = firstWord(cli({u"heads"_s}));
    cli({u"heads"_s, u"-v"_s});
    cli({u"heads"_s, u"--resolve-dependencies"_s, u"--json"_s});
    cli({u"history"_s});
    cli({u"history"_s, u"-v"_s});
    cli({u"history"_s, u"--json"_s});
    cli({u"history"_s, u"-r"_s, u"base:heads"_s});
    cli({u"branches"_s, u"-v"_s});
    cli({u"branches"_s, u"--json"_s});
    cli({u"show"_s, head});
    cli({u"show"_s, head, u"--json"_s});
    cli({u"show"_s, u"nonexistent0"_s});
    cli({u"check"_s});
    cli({u"check"_s, u"--json"_s});
    cli({u"graph"_s, u"--format"_s, u"json"_s});
    cli({u"graph"_s, u"--format"_s, u"dot"_s});
    cli({u"plan"_s, u"upgrade"_s, u"heads"_s, u"--from"_s, u"base"_s});
    cli({u"plan"_s, u"upgrade"_s, u"heads"_s, u"--from"_s, u"base"_s, u"--json"_s});
    cli({u"plan"_s, u"downgrade"_s, u"base"_s, u"--from"_s, u"heads"_s});
    cli({u"plan"_s, u"downgrade"_s, u"-1"_s, u"--from"_s, head});
    cli({u"plan"_s, u"stamp"_s, u"heads"_s, u"--from"_s, head});
    cli({u"plan"_s, u"stamp"_s, head, u"--from"_s, u"heads"_s, u"--purge"_s, u"--json"_s});

    const QString url = u"sqlite:///"_s + scratch + u"/golden.sqlite"_s;
    cli({u"--url"_s, url, u"current"_s});
    cli({u"--url"_s, url, u"status"_s});
    cli({u"--url"_s, url, u"stamp"_s, head, u"--dry-run"_s});
    cli({u"--url"_s, url, u"stamp"_s, head});
    cli({u"--url"_s, url, u"current"_s, u"-v"_s});
    cli({u"--url"_s, url, u"current"_s, u"--check-heads"_s});
    cli({u"--url"_s, url, u"status"_s});
    cli({u"--url"_s, url, u"status"_s, u"--json"_s});
    cli({u"--url"_s, url, u"stamp"_s, u"heads"_s, u"--dry-run"_s, u"--json"_s});
    cli({u"--url"_s, url, u"stamp"_s, u"base"_s, u"--purge"_s, u"--dry-run"_s});
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// A project of generated revisions (seeded, so the same every time) with a plain alembic.ini.
QString writeGeneratedProject(const QString &dir, quint32 seed, const HistoryShape &shape)
{
    HistoryGenerator generator(seed);
    QString error;
    if (!generator.writeVersions(dir + u"/migrations/versions"_s, generator.generate(shape), &error))
        qFatal("%s", qPrintable(error));
    if (!writeFile(dir + u"/alembic.ini"_s, "[alembic]\nscript_location = migrations\n"))
        qFatal("cannot write alembic.ini");
    return dir;
}

} // namespace

class TestCliGolden : public QObject
{
    Q_OBJECT

private slots:
    void transcripts_data();
    void transcripts();
};

void TestCliGolden::transcripts_data()
{
    QTest::addColumn<QString>("project");     // relative to the source tree, or generated:SEED
    QTest::addColumn<QStringList>("options"); // project options before every command

    const QString real = u"tests/data/realprojects/"_s;
    QTest::newRow("sample") << u"resources/sample"_s << QStringList{};
    QTest::newRow("flaskapp") << real + u"flaskapp"_s << QStringList{};
    QTest::newRow("openstack") << real + u"openstack"_s << QStringList{u"-c"_s, u"quarry/db/migration/alembic.ini"_s};
    QTest::newRow("outoftree") << real + u"outoftree"_s << QStringList{};
    QTest::newRow("computed") << real + u"computed"_s << QStringList{};
    QTest::newRow("generated-1") << u"generated:1"_s << QStringList{};
    QTest::newRow("generated-2") << u"generated:2"_s << QStringList{};
    QTest::newRow("generated-3") << u"generated:3"_s << QStringList{};
}

void TestCliGolden::transcripts()
{
    QFETCH(QString, project);
    QFETCH(QStringList, options);

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QString projectDir;
    if (project.startsWith(u"generated:"_s)) {
        const quint32 seed = project.section(u':', 1).toUInt();
        HistoryShape shape;
        shape.revisions = 25 + int(seed) * 10;
        projectDir = writeGeneratedProject(scratch.filePath(u"project"_s), seed, shape);
    } else {
        projectDir = SourceDir + u'/' + project;
    }

    Transcript transcript(projectDir, scratch.path());
    exercise(transcript, options, scratch.path());

    const QString goldenPath = GoldenDir + QString::fromLatin1(QTest::currentDataTag()) + u".txt"_s;
    if (qEnvironmentVariableIsSet("RETORT_UPDATE_GOLDEN")) {
        QDir().mkpath(GoldenDir);
        QVERIFY(writeFile(goldenPath, transcript.text().toUtf8()));
        return;
    }
    QFile golden(goldenPath);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(u"no transcript "_s + goldenPath));
    const QStringList expected = QString::fromUtf8(golden.readAll()).split(u'\n');
    const QStringList actual = transcript.text().split(u'\n');
    // The first differing line says more than two whole transcripts.
    for (qsizetype i = 0; i < qMin(expected.size(), actual.size()); ++i) {
        if (expected[i] != actual[i]) {
            qsizetype command = i;
            while (command > 0 && !actual[command].startsWith(u"$ retort-cli"_s))
                --command;
            QFAIL(qPrintable(u"line %1 differs (after `%2`):\n  expected: %3\n  actual:   %4"_s.arg(
                QString::number(i + 1), actual[command], expected[i], actual[i])));
        }
    }
    QCOMPARE(actual.size(), expected.size());
}

QTEST_GUILESS_MAIN(TestCliGolden)
#include "tst_cligolden.moc"
