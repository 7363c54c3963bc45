// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// retort-cli's database commands on real SQLite files next to real alembic: `current` prints what
// `alembic current` prints, a native `stamp` leaves rows alembic reads back the same, and errors are
// masked sentences with exit code 1.

#include "database/environment.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliDatabase : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void currentMatchesAlembic_data();
    void currentMatchesAlembic();
    void stampIsReadBackByAlembic();
    void dryRunWritesNothing();
    void unreadableFolderBlocksWrites();
    void urlInterpolationErrorsStop();
    void urlOutOfTheProcessList();
    void checkHeads();
    void statusJson();
    void environments();
    void errorsAreMaskedSentences_data();
    void errorsAreMaskedSentences();

private:
    Run run(const QString &program, const QStringList &args) const;
    Run cli(const QStringList &args) const { return run(QStringLiteral(RETORT_CLI_PATH), args); }
    Run alembic(const QStringList &args) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + args);
    }
    QStringList sortedRows(const QString &json) const;
    QTemporaryDir m_dir;
    QString m_project;
};

Run TestCliDatabase::run(const QString &program, const QStringList &args) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // environments live here
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_project);
    process.start(program, args);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliDatabase::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    m_project = m_dir.filePath(u"shop"_s);
    const QString sample = QStringLiteral(RETORT_SOURCE_DIR "/resources/sample");
    QVERIFY(QDir().mkpath(m_project + u"/migrations/versions"_s));
    QVERIFY(QFile::copy(sample + u"/alembic.ini"_s, m_project + u"/alembic.ini"_s));
    QVERIFY(QFile::copy(sample + u"/migrations/env.py"_s, m_project + u"/migrations/env.py"_s));
    QVERIFY(QFile::copy(sample + u"/migrations/script.py.mako"_s, m_project + u"/migrations/script.py.mako"_s));
    const QDir versions(sample + u"/migrations/versions"_s);
    for (const QString &file : versions.entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(versions.filePath(file), m_project + u"/migrations/versions/"_s + file));
    const Run upgrade = alembic({u"upgrade"_s, u"9ccc6cd9d6d2"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.err));
}

void TestCliDatabase::currentMatchesAlembic_data()
{
    QTest::addColumn<QStringList>("rows"); // stamped with alembic first; empty: as upgraded
    QTest::addColumn<bool>("verbose");
    QTest::newRow("merge point") << QStringList{u"9ccc6cd9d6d2"_s} << false;
    QTest::newRow("merge point, verbose") << QStringList{u"9ccc6cd9d6d2"_s} << true;
    QTest::newRow("two branches") << QStringList{u"17468fe7ff21"_s, u"d97482d6280d"_s} << false;
    QTest::newRow("heads, verbose") << QStringList{u"heads"_s} << true;
    QTest::newRow("base") << QStringList{u"base"_s} << false;
}

void TestCliDatabase::currentMatchesAlembic()
{
    QFETCH(QStringList, rows);
    QFETCH(bool, verbose);
    const Run stamp = alembic(QStringList{u"stamp"_s, u"--purge"_s} + rows);
    QVERIFY2(stamp.exitCode == 0, qPrintable(stamp.err));
    const QStringList args = verbose ? QStringList{u"current"_s, u"-v"_s} : QStringList{u"current"_s};
    const Run expected = alembic(args);
    const Run actual = cli(args);
    QCOMPARE(actual.exitCode, 0);
    QVERIFY2(actual.err.isEmpty(), qPrintable(actual.err));
    // alembic prints several current revisions in set order; compare the lines as a multiset.
    QStringList expectedLines = expected.out.split(u'\n');
    QStringList actualLines = actual.out.split(u'\n');
    expectedLines.sort();
    actualLines.sort();
    QCOMPARE(actualLines, expectedLines);
    if (verbose)
        QVERIFY(actual.out.startsWith(u"Current revision(s) for sqlite:///"_s));
}

void TestCliDatabase::unreadableFolderBlocksWrites()
{
    // An unreadable versions folder once looked like an empty project, and `stamp heads --purge`
    // then emptied the version table. Permission bits do not stop root, so as root the command runs
    // as `nobody`, from a copy of retort-cli that nobody can reach.
    const QString root = u"/tmp/retort-unreadable-%1"_s.arg(QCoreApplication::applicationPid());
    QDir(root).removeRecursively();
    QVERIFY(QDir().mkpath(root + u"/bin"_s));
    QVERIFY(QDir().mkpath(root + u"/project/migrations/versions"_s));
    QVERIFY(QDir().mkpath(root + u"/db"_s));
    auto cleanup = qScopeGuard([&] {
        QFile::setPermissions(root + u"/project/migrations/versions"_s,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QDir(root).removeRecursively();
    });
    const QString cliCopy = root + u"/bin/retort-cli"_s;
    QVERIFY(QFile::copy(QStringLiteral(RETORT_CLI_PATH), cliCopy));
    QFile ini(root + u"/project/alembic.ini"_s);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///" + root.toUtf8() +
              "/db/app.db\n");
    ini.close();
    QFile revision(root + u"/project/migrations/versions/a1_first.py"_s);
    QVERIFY(revision.open(QIODevice::WriteOnly));
    revision.write("revision = 'a1'\ndown_revision = None\n");
    revision.close();
    const Run stamped = run(cliCopy, {u"-c"_s, root + u"/project"_s, u"stamp"_s, u"heads"_s});
    QVERIFY2(stamped.exitCode == 0, qPrintable(stamped.err));

    const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                          QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    const QStringList reachable = {root,
                                   root + u"/bin"_s,
                                   root + u"/project"_s,
                                   root + u"/project/migrations"_s,
                                   root + u"/db"_s,
                                   cliCopy,
                                   root + u"/db/app.db"_s,
                                   root + u"/project/alembic.ini"_s};
    for (const QString &path : reachable)
        QVERIFY(QFile::setPermissions(path, everyone));
    QVERIFY(QFile::setPermissions(root + u"/project/migrations/versions"_s, QFileDevice::Permissions()));
    const bool asRoot = ::geteuid() == 0;
    const QStringList stampArgs = {u"-c"_s, root + u"/project"_s, u"stamp"_s, u"heads"_s, u"--purge"_s};
    const Run refused = asRoot ? run(u"runuser"_s, QStringList{u"-u"_s, u"nobody"_s, u"--"_s, cliCopy} + stampArgs)
                               : run(cliCopy, stampArgs);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"Cannot list the versions folder"_s) &&
                 refused.err.contains(u"nothing is written"_s),
             qPrintable(refused.err));
    QVERIFY(!refused.out.contains(u"DELETE"_s));
    // The row is still there, as alembic (which stops with PermissionError) would leave it.
    const Run current = run(cliCopy, {u"-c"_s, root + u"/project"_s, u"current"_s});
    QCOMPARE(current.out, u"a1 (head)\n"_s);
}

void TestCliDatabase::urlInterpolationErrorsStop()
{
    // `%(nope)s` once made stamp create and stamp a file literally named "%(nope)s.db".
    const QString dir = m_dir.filePath(u"interpolation"_s);
    QVERIFY(QDir().mkpath(dir + u"/migrations/versions"_s));
    QFile ini(dir + u"/alembic.ini"_s);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/%(nope)s.db\n");
    ini.close();
    QFile revision(dir + u"/migrations/versions/a1_first.py"_s);
    QVERIFY(revision.open(QIODevice::WriteOnly));
    revision.write("revision = 'a1'\ndown_revision = None\n");
    revision.close();
    for (const QStringList &args : {QStringList{u"stamp"_s, u"heads"_s}, QStringList{u"current"_s},
                                    QStringList{u"stamp"_s, u"heads"_s, u"--dry-run"_s}}) {
        const Run run = cli(QStringList{u"-c"_s, dir} + args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"sqlalchemy.url cannot be read"_s) && run.err.contains(u"'nope'"_s),
                 qPrintable(run.err));
    }
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{u"alembic.ini"_s});
    // What does not need the database still answers.
    const Run heads = cli({u"-c"_s, dir, u"heads"_s});
    QCOMPARE(heads.exitCode, 0);
    QCOMPARE(heads.out, u"a1 (head)\n"_s);
}

void TestCliDatabase::urlOutOfTheProcessList()
{
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    const QString url = u"sqlite:///"_s + m_project + u"/shop.db"_s;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"SHOP_DATABASE_URL"_s, url);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path()); // no config here: only the URL says which database
    const QString project = m_project + u"/alembic.ini"_s;
    process.start(QStringLiteral(RETORT_CLI_PATH),
                  {u"-c"_s, project, u"current"_s, u"--url-env"_s, u"SHOP_DATABASE_URL"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), u"9ccc6cd9d6d2 (mergepoint)\n"_s);

    process.start(QStringLiteral(RETORT_CLI_PATH), {u"-c"_s, project, u"current"_s, u"--url"_s, u"-"_s});
    process.write((url + u"\n"_s).toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), u"9ccc6cd9d6d2 (mergepoint)\n"_s);

    const Run unset = cli({u"current"_s, u"--url-env"_s, u"RETORT_NO_SUCH_VARIABLE"_s});
    QCOMPARE(unset.exitCode, 1);
    QVERIFY(unset.err.contains(u"RETORT_NO_SUCH_VARIABLE"_s));
    QVERIFY(cli({u"--help"_s}).out.contains(u"process list"_s));
}

QStringList TestCliDatabase::sortedRows(const QString &json) const
{
    QStringList rows;
    for (const QJsonValue &row : QJsonDocument::fromJson(json.toUtf8()).object().value(u"rows"_s).toArray())
        rows.append(row.toString());
    rows.sort();
    return rows;
}

void TestCliDatabase::stampIsReadBackByAlembic()
{
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    const Run stamp = cli({u"stamp"_s, u"audit@head"_s, u"f8eba117c5dd"_s});
    QVERIFY2(stamp.exitCode == 0, qPrintable(stamp.err));
    QVERIFY(stamp.out.contains(u"Stamped. Rows: b913b844acd8, f8eba117c5dd"_s));
    QVERIFY(stamp.out.contains(u"INSERT INTO \"alembic_version\" (version_num) VALUES ('b913b844acd8');"_s));
    QStringList ours = cli({u"current"_s}).out.split(u'\n', Qt::SkipEmptyParts);
    QStringList theirs = alembic({u"current"_s}).out.split(u'\n', Qt::SkipEmptyParts);
    ours.sort();
    theirs.sort();
    QCOMPARE(ours, theirs);
    QCOMPARE(theirs.size(), 2);
}

void TestCliDatabase::dryRunWritesNothing()
{
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    const Run dry = cli({u"stamp"_s, u"heads"_s, u"--dry-run"_s});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(dry.out.contains(u"never ran"_s)); // stamping forward claims revisions that never ran
    QVERIFY(!dry.out.contains(u"Stamped."_s));
    QCOMPARE(sortedRows(cli({u"current"_s, u"--json"_s}).out), QStringList{u"9ccc6cd9d6d2"_s});
    const Run json = cli({u"stamp"_s, u"base"_s, u"--dry-run"_s, u"--json"_s});
    const QJsonObject plan = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(plan.value(u"rows_after"_s).toArray().size(), 0);
    QVERIFY(plan.value(u"applied_but_unstamped"_s).toArray().size() >= 10);
    QCOMPARE(plan.value(u"dry_run"_s).toBool(), true);

    // A SQLite file that does not exist: the preview says the stamp would create it, and creates nothing.
    const QString missing = m_dir.filePath(u"not-yet.db"_s);
    const QString url = u"sqlite:///"_s + missing;
    const Run preview = cli({u"stamp"_s, u"heads"_s, u"--dry-run"_s, u"--url"_s, url});
    QCOMPARE(preview.exitCode, 0);
    QVERIFY2(preview.out.contains(u"does not exist; the stamp creates it"_s), qPrintable(preview.out));
    QVERIFY(preview.out.contains(u"CREATE TABLE"_s));
    QVERIFY(!QFileInfo::exists(missing));
    const Run read = cli({u"current"_s, u"--url"_s, url});
    QCOMPARE(read.exitCode, 1);
    QVERIFY(read.err.contains(u"does not exist"_s));
    QVERIFY(!QFileInfo::exists(missing));
    const Run stamped = cli({u"stamp"_s, u"heads"_s, u"--url"_s, url});
    QCOMPARE(stamped.exitCode, 0);
    QVERIFY(QFileInfo::exists(missing));
}

void TestCliDatabase::checkHeads()
{
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    Run current = cli({u"current"_s, u"--check-heads"_s});
    QCOMPARE(current.exitCode, 1);
    QVERIFY(current.err.startsWith(u"FAILED: Current revision(s) for sqlite:///"_s));
    QCOMPARE(cli({u"status"_s, u"--check-heads"_s}).exitCode, 1);
    QCOMPARE(cli({u"stamp"_s, u"heads"_s}).exitCode, 0);
    QCOMPARE(cli({u"current"_s, u"--check-heads"_s}).exitCode, 0);
    QCOMPARE(cli({u"status"_s, u"--check-heads"_s}).exitCode, 0);
}

void TestCliDatabase::statusJson()
{
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    const Run status = cli({u"status"_s, u"--json"_s});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(json.value(u"applied"_s).toInt(), 13);
    QCOMPARE(json.value(u"pending"_s).toArray().size(), 12);
    QCOMPARE(json.value(u"at_heads"_s).toBool(), false);
    QCOMPARE(json.value(u"heads"_s).toArray().size(), 3);
    QVERIFY(json.value(u"url"_s).toString().startsWith(u"sqlite:///"_s));
}

void TestCliDatabase::environments()
{
    const Result<Project> project = Project::open(m_project);
    QVERIFY(project);
    const QString key = EnvironmentStore::projectKey(project->config());
    const QString staging = m_dir.filePath(u"staging.db"_s);
    QFile::copy(m_project + u"/shop.db"_s, staging);
    Environment stagingEnvironment;
    stagingEnvironment.name = u"staging"_s;
    stagingEnvironment.url = u"sqlite:///"_s + staging;
    Environment production;
    production.name = u"prod"_s;
    production.urlVariable = u"RETORT_TEST_PROD_URL"_s;
    production.isProtected = true;
    QVERIFY(EnvironmentStore::save(key, {stagingEnvironment, production}));

    QCOMPARE(cli({u"stamp"_s, u"base"_s, u"--env"_s, u"staging"_s}).exitCode, 0);
    QCOMPARE(sortedRows(cli({u"current"_s, u"--json"_s, u"--env"_s, u"staging"_s}).out), QStringList{});
    const Run unknown = cli({u"current"_s, u"--env"_s, u"qa"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"staging, prod"_s), qPrintable(unknown.err));
    const Run unset = cli({u"current"_s, u"--env"_s, u"prod"_s});
    QCOMPARE(unset.exitCode, 1);
    QVERIFY(unset.err.contains(u"RETORT_TEST_PROD_URL"_s));

    qputenv("RETORT_TEST_PROD_URL", (u"sqlite:///"_s + m_project + u"/shop.db"_s).toUtf8());
    const Run refused = cli({u"stamp"_s, u"heads"_s, u"--env"_s, u"prod"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(u"--confirm prod"_s));
    QCOMPARE(cli({u"stamp"_s, u"heads"_s, u"--env"_s, u"prod"_s, u"--confirm"_s, u"prod"_s}).exitCode, 0);
    qunsetenv("RETORT_TEST_PROD_URL");
}

void TestCliDatabase::errorsAreMaskedSentences_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("closed port") << u"postgresql://retort:s3cr3t@127.0.0.1:1/db"_s
                                 << u"Cannot connect to postgresql://retort:***@127.0.0.1:1/db"_s;
    QTest::newRow("unknown host") << u"mysql+pymysql://retort:s3cr3t@nohost.invalid/db"_s
                                  << u"Cannot connect to mysql+pymysql://retort:***@nohost.invalid/db"_s;
    QTest::newRow("unescaped @ in the password")
        << u"postgresql://retort:pa@s3cr3t@127.0.0.1:1/db"_s << u"write an '@' inside the password as %40"_s;
    QTest::newRow("unescaped @, unknown host") << u"postgresql://retort:x@s3cr3t@nohost.invalid/db"_s
                                               << u"Cannot connect to postgresql://retort:***@nohost.invalid/db"_s;
    QTest::newRow("unsupported dialect") << u"mssql+pyodbc://sa:s3cr3t@h/db"_s << u"is not supported"_s;
    QTest::newRow("not a URL") << u"s3cr3t"_s << u"not a database URL"_s;
    QTest::newRow("missing sqlite file") << u"sqlite:////nonexistent/dir/x.db"_s << u"does not exist"_s;
}

void TestCliDatabase::errorsAreMaskedSentences()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const Run current = cli({u"current"_s, u"--url"_s, url});
    QCOMPARE(current.exitCode, 1);
    QVERIFY(current.out.isEmpty());
    QVERIFY2(current.err.startsWith(u"FAILED: "_s) && current.err.contains(expected), qPrintable(current.err));
    QVERIFY2(!current.err.contains(u"s3cr3t"_s), qPrintable(current.err));
}

QTEST_GUILESS_MAIN(TestCliDatabase)
#include "tst_clidatabase.moc"
