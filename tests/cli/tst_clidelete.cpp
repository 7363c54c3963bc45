// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// `retort-cli delete` on a project made by real alembic, with a SQLite database alembic migrated:
// refusals (children, applied revisions), warnings that need --yes (an unreachable database, a pushed
// revision), the dry run that changes nothing, and a deletion real alembic then loads.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

} // namespace

class TestCliDelete : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void refusesARevisionWithChildren();
    void refusesAnAppliedRevision();
    void dryRunChangesNothing();
    void unreachableDatabaseNeedsYes();
    void pushedRevisionNeedsYesThenDeletes();

private:
    Run run(const QString &program, const QStringList &args) const;
    Run cli(const QStringList &args) const { return run(QStringLiteral(RETORT_CLI_PATH), args); }
    Run alembic(const QStringList &args) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + args);
    }
    Run git(const QStringList &args) const { return run(u"git"_s, args); }
    QHash<QString, QByteArray> versionFiles() const;

    QTemporaryDir m_dir;
    QString m_project;
};

Run TestCliDelete::run(const QString &program, const QStringList &args) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // no environments but the test's
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));     // the desktop trash of the test
    env.insert(u"GIT_AUTHOR_NAME"_s, u"t"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"t@example.org"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"t"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"t@example.org"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_project);
    process.start(program, args);
    process.closeWriteChannel(); // no terminal: warnings need --yes
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QHash<QString, QByteArray> TestCliDelete::versionFiles() const
{
    QHash<QString, QByteArray> files;
    QDirIterator it(m_project + u"/migrations/versions"_s, {u"*.py"_s}, QDir::Files);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(it.fileName(), file.readAll());
    }
    return files;
}

void TestCliDelete::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(u"project"_s);
    QVERIFY(QDir().mkpath(m_project));
    // a → b → c, and a → x; the database is at a.
    QCOMPARE(alembic({u"init"_s, u"migrations"_s}).exitCode, 0);
    QFile ini(m_project + u"/alembic.ini"_s);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QByteArray text = ini.readAll();
    ini.close();
    text.replace("driver://user:pass@localhost/dbname", "sqlite:///dev.db");
    QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ini.write(text);
    ini.close();
    const QList<QStringList> revisions{{u"a"_s}, {u"b"_s}, {u"c"_s}, {u"x"_s, u"--head"_s, u"a"_s, u"--splice"_s}};
    for (const QStringList &r : revisions) {
        const Run made = alembic(QStringList{u"revision"_s, u"-m"_s, r.first(), u"--rev-id"_s} + r);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }
    QCOMPARE(alembic({u"upgrade"_s, u"a"_s}).exitCode, 0);
}

void TestCliDelete::refusesARevisionWithChildren()
{
    const Run refused = cli({u"delete"_s, u"b"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"b has children (c). Delete them with it, or re-parent them onto a."_s),
             qPrintable(refused.err));
}

void TestCliDelete::refusesAnAppliedRevision()
{
    const QHash<QString, QByteArray> before = versionFiles();
    const Run refused = cli({u"delete"_s, u"a"_s, u"--with-descendants"_s, u"--yes"_s, u"--json"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"a is applied in sqlalchemy.url (sqlite:///dev.db)"_s), qPrintable(refused.err));
    const QJsonObject json = QJsonDocument::fromJson(refused.out.toUtf8()).object();
    QCOMPARE(json.value(u"status"_s).toString(), u"refused"_s);
    QCOMPARE(json.value(u"removed"_s).toArray().size(), 4);
    QCOMPARE(versionFiles(), before);
}

void TestCliDelete::dryRunChangesNothing()
{
    const QHash<QString, QByteArray> before = versionFiles();
    const Run dry = cli({u"delete"_s, u"b"_s, u"--reparent"_s, u"--dry-run"_s, u"--json"_s});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
    const QJsonObject json = QJsonDocument::fromJson(dry.out.toUtf8()).object();
    QCOMPARE(json.value(u"status"_s).toString(), u"dry_run"_s);
    QCOMPARE(json.value(u"reparented"_s).toArray(), QJsonArray{u"c"_s});
    QCOMPARE(json.value(u"edits"_s).toArray(), QJsonArray{u"c_c.py: down_revision 'b' → 'a'"_s});
    const QJsonArray environments = json.value(u"environments"_s).toArray();
    QCOMPARE(environments.size(), 1);
    QCOMPARE(environments.first()[u"rows"_s].toArray(), QJsonArray{u"a"_s});
    QCOMPARE(versionFiles(), before);
}

void TestCliDelete::unreachableDatabaseNeedsYes()
{
    const QHash<QString, QByteArray> before = versionFiles();
    // Nothing listens on port 1.
    const Run refused = cli({u"delete"_s, u"c"_s, u"--url"_s, u"postgresql://u@127.0.0.1:1/db"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(u"could not be read"_s), qPrintable(refused.out));
    QVERIFY(refused.err.contains(u"add --yes to delete"_s));
    QCOMPARE(versionFiles(), before);
}

void TestCliDelete::pushedRevisionNeedsYesThenDeletes()
{
    const QString remote = m_dir.filePath(u"remote.git"_s);
    QCOMPARE(git({u"init"_s, u"-q"_s, u"--bare"_s, remote}).exitCode, 0);
    QCOMPARE(git({u"init"_s, u"-q"_s}).exitCode, 0);
    QCOMPARE(git({u"add"_s, u"alembic.ini"_s, u"migrations"_s}).exitCode, 0);
    QCOMPARE(git({u"commit"_s, u"-q"_s, u"-m"_s, u"history"_s}).exitCode, 0);
    QCOMPARE(git({u"remote"_s, u"add"_s, u"origin"_s, remote}).exitCode, 0);
    QCOMPARE(git({u"push"_s, u"-q"_s, u"origin"_s, u"HEAD"_s}).exitCode, 0);
    QCOMPARE(git({u"fetch"_s, u"-q"_s, u"origin"_s}).exitCode, 0);

    const QHash<QString, QByteArray> before = versionFiles();
    const Run refused = cli({u"delete"_s, u"b"_s, u"--reparent"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(u"Warning: b_b.py is pushed"_s), qPrintable(refused.out));
    QVERIFY(refused.out.contains(u"b_b.py is committed: the deletion is a change to commit."_s));
    QCOMPARE(versionFiles(), before);

    const Run deleted = cli({u"delete"_s, u"b"_s, u"--reparent"_s, u"--yes"_s});
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err + deleted.out));
    QVERIFY(!versionFiles().contains(u"b_b.py"_s));
    QVERIFY(QFileInfo::exists(m_dir.filePath(u"data/Trash/files/b_b.py"_s)));
    const Run heads = alembic({u"heads"_s});
    QCOMPARE(heads.exitCode, 0);
    QStringList headLines = heads.out.split(u'\n', Qt::SkipEmptyParts);
    headLines.sort();
    QCOMPARE(headLines, (QStringList{u"c (head)"_s, u"x (head)"_s}));
    const Run history = alembic({u"history"_s});
    QVERIFY(history.out.contains(u"a -> c (head), c"_s));
    QCOMPARE(git({u"status"_s, u"--porcelain"_s, u"migrations"_s}).out,
             u" D migrations/versions/b_b.py\n M migrations/versions/c_c.py\n"_s);
}

QTEST_GUILESS_MAIN(TestCliDelete)
#include "tst_clidelete.moc"
