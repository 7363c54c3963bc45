// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// `retort-cli upgrade|downgrade` against real SQLite files, run by real alembic, on a project made
// with alembic's own commands (a branch, a merge, a second base with depends_on) whose migrations
// create a table each. After every run: the steps alembic logged are the previewed plan, the
// version rows are what `alembic current` reads, and the tables are those of the revisions applied
// as alembic's ScriptDirectory counts them. Then the faults: a migration that raises, Ctrl+C during a
// slow one (with the URL and a secret variable kept out of the child's command line and the log),
// an env.py that ignores the URL it is given, another run holding the lock, and the rows changing while
// a run waits for that lock (the launcher then runs nothing).

#include "database/environment.h"
#include "databaseservers.h"
#include "project/project.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &v : array.toArray())
        list.append(v.toString());
    return list;
}

/// Prints, one per line, the revisions applied according to alembic (every ancestor of the rows,
/// through down_revision and depends_on), then "--", then the tables of the database.
const char AppliedAndTables[] = R"PY(
import sqlite3, sys
from alembic.config import Config
from alembic.script import ScriptDirectory
ini, db = sys.argv[1], sys.argv[2]
script = ScriptDirectory.from_config(Config(ini))
connection = sqlite3.connect(db)
tables = sorted(r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
rows = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")] if "alembic_version" in tables else []
applied = sorted({r.revision for r in script.revision_map.iterate_revisions(tuple(rows), "base")}) if rows else []
print("\n".join(applied))
print("--")
print("\n".join(t for t in tables if t != "alembic_version"))
)PY";

/// Holds the lock file of a SQLite database until a line arrives on standard input.
const char HoldLock[] = R"PY(
import fcntl, sys
with open(sys.argv[1] + ".retort-lock", "a+") as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    f.seek(0); f.truncate(); f.write("test holder pid 1\n"); f.flush()
    print("held", flush=True)
    sys.stdin.readline()
)PY";

} // namespace

class TestCliMigrate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runsTheRevisedPlan_data();
    void runsTheRevisedPlan();
    void previewWarnsAndNeedsYes();
    void sqlPreview();
    void failingMigration();
    void cancelDuringASlowMigration();
    void envScriptIgnoringTheUrl();
    void anotherRunHoldsTheLock();
    void rowsChangeWhileWaitingForTheLock();
    void servers_data();
    void servers();

private:
    Run run(const QString &program, const QStringList &args, const QString &dir = {}) const;
    Run cli(const QStringList &args, const QString &dir = {}) const
    {
        return run(QStringLiteral(RETORT_CLI_PATH), args, dir);
    }
    Run alembic(const QStringList &args, const QString &dir = {}) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + args, dir);
    }
    QProcessEnvironment environment() const;
    /// A new revision made by `alembic revision`, whose upgrade() runs @p upgrade and downgrade()
    /// drops its table (or runs @p downgrade).
    void addRevision(const QString &dir, const QString &id, const QStringList &options, const QString &upgrade,
                     const QString &downgrade = {});
    QString makeProject(const QString &name);
    QStringList currentRows(const QString &dir) const;

    QTemporaryDir m_dir;
    QString m_project;
};

QProcessEnvironment TestCliMigrate::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // environments live here
    return env;
}

Run TestCliMigrate::run(const QString &program, const QStringList &args, const QString &dir) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(dir.isEmpty() ? m_project : dir);
    process.start(program, args);
    process.closeWriteChannel(); // no terminal: warnings need --yes
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliMigrate::addRevision(const QString &dir, const QString &id, const QStringList &options,
                                 const QString &upgrade, const QString &downgrade)
{
    const Run made = alembic(QStringList{u"revision"_s, u"-m"_s, u"make "_s + id, u"--rev-id"_s, id} + options, dir);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
    const QStringList files = QDir(dir + u"/migrations/versions"_s).entryList({id + u"_*.py"_s});
    QCOMPARE(files.size(), 1);
    QFile file(dir + u"/migrations/versions/"_s + files.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(file.readAll());
    file.close();
    const QString up = upgrade.isEmpty()
                           ? u"    op.create_table('t_%1', sa.Column('id', sa.Integer, primary_key=True))"_s.arg(id)
                           : upgrade;
    const QString down = downgrade.isEmpty() ? u"    op.drop_table('t_%1')"_s.arg(id) : downgrade;
    static const QRegularExpression Upgrade(u"def upgrade\\(\\)( -> None)?:\\n    pass"_s);
    static const QRegularExpression Downgrade(u"def downgrade\\(\\)( -> None)?:\\n    pass"_s);
    QVERIFY(source.contains(Upgrade) && source.contains(Downgrade));
    source.replace(Upgrade, u"def upgrade():\n"_s + up);
    source.replace(Downgrade, u"def downgrade():\n"_s + down);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(source.toUtf8());
}

QString TestCliMigrate::makeProject(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    const Run init = alembic({u"init"_s, u"migrations"_s}, dir);
    if (init.exitCode != 0) {
        qWarning("alembic init failed: %s", qPrintable(init.err));
        return {};
    }
    QFile ini(dir + u"/alembic.ini"_s);
    ini.open(QIODevice::ReadOnly);
    QString text = QString::fromUtf8(ini.readAll());
    ini.close();
    text.replace(QRegularExpression(u"^sqlalchemy.url = .*$"_s, QRegularExpression::MultilineOption),
                 u"sqlalchemy.url = sqlite:///app.db"_s);
    ini.open(QIODevice::WriteOnly | QIODevice::Truncate);
    ini.write(text.toUtf8());
    return dir;
}

QStringList TestCliMigrate::currentRows(const QString &dir) const
{
    const Run current = alembic({u"current"_s}, dir);
    QStringList rows;
    for (const QString &line : current.out.split(u'\n', Qt::SkipEmptyParts))
        rows.append(line.section(u' ', 0, 0));
    rows.sort();
    return rows;
}

void TestCliMigrate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    m_project = makeProject(u"shop"_s);
    QVERIFY(!m_project.isEmpty());
    // a ─ b ─ c ─┐
    //  └── d ────e (merge)        x (second base, branch "other") ─ y (depends on b)
    addRevision(m_project, u"a"_s, {}, {});
    addRevision(m_project, u"b"_s, {u"--head"_s, u"a"_s}, {});
    addRevision(m_project, u"c"_s, {u"--head"_s, u"b"_s}, {});
    addRevision(m_project, u"d"_s, {u"--head"_s, u"a"_s, u"--splice"_s}, {});
    const Run merge = alembic({u"merge"_s, u"c"_s, u"d"_s, u"-m"_s, u"merge"_s, u"--rev-id"_s, u"e"_s});
    QVERIFY2(merge.exitCode == 0, qPrintable(merge.err));
    addRevision(m_project, u"x"_s, {u"--head"_s, u"base"_s, u"--branch-label"_s, u"other"_s}, {});
    addRevision(m_project, u"y"_s, {u"--head"_s, u"x"_s, u"--depends-on"_s, u"b"_s}, {});
}

void TestCliMigrate::runsTheRevisedPlan_data()
{
    // One database, one run after the other: each row starts where the previous one ended.
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("target");
    QTest::newRow("upgrade b from nothing") << u"upgrade"_s << u"b"_s;
    QTest::newRow("upgrade one more") << u"upgrade"_s << u"+1"_s;
    QTest::newRow("the other branch pulls in its dependency") << u"upgrade"_s << u"other@head"_s;
    QTest::newRow("upgrade heads through the merge") << u"upgrade"_s << u"heads"_s;
    QTest::newRow("downgrade below the merge") << u"downgrade"_s << u"d"_s;
    QTest::newRow("downgrade the other branch") << u"downgrade"_s << u"other@base"_s;
    QTest::newRow("upgrade heads again") << u"upgrade"_s << u"heads"_s;
    QTest::newRow("downgrade to base") << u"downgrade"_s << u"base"_s;
}

void TestCliMigrate::runsTheRevisedPlan()
{
    QFETCH(QString, action);
    QFETCH(QString, target);
    const QStringList rowsBefore = currentRows(m_project);
    const Run ran = cli({action, target, u"--yes"_s, u"--json"_s});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
    const QJsonObject json = QJsonDocument::fromJson(ran.out.toUtf8()).object();
    QVERIFY2(!json.isEmpty(), qPrintable(ran.out));
    const QJsonObject result = json.value(u"result"_s).toObject();
    QCOMPARE(result.value(u"status"_s).toString(), u"succeeded"_s);
    // The steps alembic logged are the plan's. Between independent branches alembic 1.8.1 breaks
    // ties in the order os.listdir() gives the files, Retort in sorted order as alembic >= 1.10
    // does (alembic-semantics.md, "Configuration"): with a sorted listing 1.8.1 runs Retort's order.
    // So compare them as sets.
    QStringList stepsRun = strings(result.value(u"steps_run"_s));
    QStringList planned = strings(json.value(u"step_texts"_s));
    stepsRun.sort();
    planned.sort();
    QCOMPARE(stepsRun, planned);
    QVERIFY(!strings(json.value(u"step_texts"_s)).isEmpty());
    QCOMPARE(strings(json.value(u"rows_before"_s)).size(), rowsBefore.size());
    // The rows are what alembic reads back, and what the plan said.
    const QStringList rows = currentRows(m_project);
    QCOMPARE(strings(result.value(u"rows_after"_s)), rows);
    QStringList plannedRows = strings(json.value(u"rows"_s));
    plannedRows.sort();
    QCOMPARE(plannedRows, rows);
    // The schema is that of the applied revisions: their upgrade() really ran.
    const Run oracle =
        run(QStringLiteral(RETORT_TEST_PYTHON),
            {u"-c"_s, QString::fromLatin1(AppliedAndTables), m_project + u"/alembic.ini"_s, m_project + u"/app.db"_s});
    QVERIFY2(oracle.exitCode == 0, qPrintable(oracle.err));
    const QStringList applied = oracle.out.section(u"--\n"_s, 0, 0).split(u'\n', Qt::SkipEmptyParts);
    const QStringList tables = oracle.out.section(u"--\n"_s, 1).split(u'\n', Qt::SkipEmptyParts);
    QStringList expectedTables;
    for (const QString &revision : applied) {
        if (revision != u"e") // the merge creates nothing
            expectedTables.append(u"t_"_s + revision);
    }
    QCOMPARE(tables, expectedTables);
}

void TestCliMigrate::previewWarnsAndNeedsYes()
{
    const QString dir = makeProject(u"warnings"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"w1"_s, {}, {});
    addRevision(dir, u"w2"_s, {},
                u"    op.add_column('t_w1', sa.Column('email', sa.String(100), nullable=False))\n"
                u"    op.execute('DELETE FROM t_w1')"_s,
                u"    pass"_s);
    const Run dry = cli({u"upgrade"_s, u"heads"_s, u"--dry-run"_s}, dir);
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains(u"  1. upgrade  -> w1, make w1\n  2. upgrade w1 -> w2, make w2\n"_s),
             qPrintable(dry.out));
    QVERIFY(dry.out.contains(u"Warning: 1 step drops schema objects or deletes data: w2"_s));
    QVERIFY(dry.out.contains(u"w2 line "_s) && dry.out.contains(u"op.execute('DELETE FROM t_w1')"_s));
    QVERIFY(dry.out.contains(u"Warning: 1 step adds a NOT NULL column without a server default: w2"_s));
    QVERIFY(dry.out.contains(u"cannot be downgraded later"_s));
    QVERIFY(!QFile::exists(dir + u"/app.db"_s)); // a preview creates no database

    // Without a terminal and without --yes, nothing runs.
    const Run refused = cli({u"upgrade"_s, u"heads"_s}, dir);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"add --yes"_s), qPrintable(refused.err));
    QVERIFY(!QFile::exists(dir + u"/app.db"_s));

    QCOMPARE(cli({u"upgrade"_s, u"heads"_s, u"--yes"_s}, dir).exitCode, 0);
    const Run down = cli({u"downgrade"_s, u"w1"_s, u"--dry-run"_s}, dir);
    QVERIFY2(down.out.contains(u"does nothing, so the version rows move while the schema stays: w2"_s),
             qPrintable(down.out));
    const Run nothing = cli({u"upgrade"_s, u"heads"_s}, dir);
    QCOMPARE(nothing.exitCode, 0);
    QVERIFY(nothing.out.contains(u"Nothing to do."_s));
}

void TestCliMigrate::sqlPreview()
{
    const QString dir = makeProject(u"sql"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"s1"_s, {}, {});
    addRevision(dir, u"s2"_s, {}, {});
    const Run sql = cli({u"upgrade"_s, u"heads"_s, u"--sql"_s}, dir);
    QVERIFY2(sql.exitCode == 0, qPrintable(sql.err));
    // Only SQL on standard output, as `alembic upgrade heads --sql` prints it.
    const Run expected = alembic({u"upgrade"_s, u"heads"_s, u"--sql"_s}, dir);
    QCOMPARE(sql.out, expected.out);
    QVERIFY(sql.out.contains(u"CREATE TABLE t_s2"_s));
    QVERIFY(!QFile::exists(dir + u"/app.db"_s));
    // The URL from standard input, read once: the check after the run uses it again.
    QProcess fromStdin;
    fromStdin.setProcessEnvironment(environment());
    fromStdin.setWorkingDirectory(dir);
    fromStdin.start(QStringLiteral(RETORT_CLI_PATH), {u"upgrade"_s, u"s1"_s, u"--yes"_s, u"--url"_s, u"-"_s});
    fromStdin.write((u"sqlite:///"_s + dir + u"/app.db\n"_s).toUtf8());
    fromStdin.closeWriteChannel();
    QVERIFY(fromStdin.waitForFinished(60000));
    QVERIFY2(fromStdin.exitCode() == 0, fromStdin.readAllStandardError().constData());
    QVERIFY(fromStdin.readAllStandardOutput().contains("Done. Version rows: s1"));
    const Run down = cli({u"downgrade"_s, u"base"_s, u"--sql"_s}, dir);
    QVERIFY2(down.exitCode == 0, qPrintable(down.err));
    QCOMPARE(down.out, alembic({u"downgrade"_s, u"s1:base"_s, u"--sql"_s}, dir).out);
}

void TestCliMigrate::failingMigration()
{
    const QString dir = makeProject(u"failing"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"f1"_s, {}, {});
    addRevision(dir, u"f2"_s, {}, u"    raise RuntimeError('the f2 migration broke')"_s);
    addRevision(dir, u"f3"_s, {}, {});
    const Run failed = cli({u"upgrade"_s, u"heads"_s, u"--yes"_s}, dir);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(u"FAILED: alembic failed in \"upgrade f1 -> f2, make f2\" after 1 step: "
                                 u"RuntimeError: the f2 migration broke"_s),
             qPrintable(failed.err));
    // The rows reported are the rows alembic reads (SQLite: f1 was committed before f2 failed).
    const QStringList rows = currentRows(dir);
    QVERIFY2(failed.err.contains(u"Version rows now: "_s + (rows.isEmpty() ? u"(none)"_s : rows.join(u", "_s))),
             qPrintable(failed.err));
    QVERIFY(!failed.out.contains(u"Done."_s));
}

void TestCliMigrate::cancelDuringASlowMigration()
{
    const QString dir = makeProject(u"slow"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"q1"_s, {}, {});
    // It prints what env.py's environment holds, so the log shows whether the secret is masked.
    addRevision(dir, u"q2"_s, {},
                u"    import os, sys, time\n"
                u"    print('token is', os.environ.get('API_TOKEN'), flush=True)\n"
                u"    time.sleep(60)"_s);
    const Result<Project> project = Project::open(dir + u"/alembic.ini"_s);
    QVERIFY(project);
    Environment staging;
    staging.name = u"staging"_s;
    staging.url = u"sqlite:///"_s + dir + u"/staging.db"_s;
    staging.variables = {u"API_TOKEN=s3cr3t-t0ken-value"_s};
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(project->config()), {staging}));

    // Kept in the keychain, not in environments.ini: retort-cli takes it from its own environment.
    const QList<Environment> stored = EnvironmentStore::load(EnvironmentStore::projectKey(project->config()));
    QCOMPARE(stored.first().variables, QStringList{u"API_TOKEN"_s});
    QProcessEnvironment withSecret = environment();
    withSecret.insert(u"API_TOKEN"_s, u"s3cr3t-t0ken-value"_s);
    QProcess cli;
    cli.setProcessEnvironment(withSecret);
    cli.setWorkingDirectory(dir);
    cli.start(QStringLiteral(RETORT_CLI_PATH), {u"upgrade"_s, u"heads"_s, u"--env"_s, u"staging"_s, u"--yes"_s});
    cli.closeWriteChannel();
    QString out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains(u"token is"_s) && clock.elapsed() < 60000 && cli.state() != QProcess::NotRunning) {
        cli.waitForReadyRead(500);
        out += QString::fromUtf8(cli.readAllStandardOutput());
    }
    QVERIFY2(out.contains(u"token is ***"_s), qPrintable(out));
    QVERIFY(!out.contains(u"s3cr3t"_s));
    // The alembic child: neither the URL nor the secret is on its command line.
    QString childCommandLine;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray fields = stat.readAll();
        if (fields.mid(fields.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() != cli.processId())
            continue;
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        childCommandLine = QString::fromUtf8(cmdline.readAll().replace('\0', ' '));
    }
    QVERIFY2(childCommandLine.contains(u"upgrade heads"_s), qPrintable(childCommandLine));
    QVERIFY(!childCommandLine.contains(u"staging.db"_s));
    QVERIFY(!childCommandLine.contains(u"s3cr3t"_s));

    ::kill(pid_t(cli.processId()), SIGINT); // Ctrl+C
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 130);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(u"Cancelled after 1 step"_s), qPrintable(err));
    QVERIFY2(err.contains(u"Version rows now: q1"_s), qPrintable(err));
    QVERIFY(!err.contains(u"s3cr3t"_s));
}

void TestCliMigrate::envScriptIgnoringTheUrl()
{
    const QString dir = makeProject(u"stubborn"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"g1"_s, {}, {});
    // env.py connects where it likes, whatever sqlalchemy.url says.
    QFile env(dir + u"/migrations/env.py"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(env.readAll());
    env.close();
    source.replace(u"config.get_section(config.config_ini_section, {})"_s,
                   u"{'sqlalchemy.url': 'sqlite:///elsewhere.db'}"_s);
    source.replace(u"config.get_section(config.config_ini_section)"_s,
                   u"{'sqlalchemy.url': 'sqlite:///elsewhere.db'}"_s);
    QVERIFY(source.contains(u"elsewhere.db"_s));
    QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
    env.write(source.toUtf8());
    env.close();
    const Run ran =
        cli({u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--url"_s, u"sqlite:///"_s + dir + u"/wanted.db"_s}, dir);
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains(u"alembic reported success, but the version rows are (none), not g1 as planned"_s),
             qPrintable(ran.err));
    QVERIFY(QFile::exists(dir + u"/elsewhere.db"_s));
}

void TestCliMigrate::anotherRunHoldsTheLock()
{
    const QString dir = makeProject(u"locked"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"h1"_s, {}, {});
    QProcess holder;
    holder.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, QString::fromLatin1(HoldLock), dir + u"/app.db"_s});
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("held"));

    const Run busy = cli({u"upgrade"_s, u"heads"_s, u"--yes"_s}, dir);
    QCOMPARE(busy.exitCode, 1);
    QVERIFY2(busy.err.contains(u"Another migration holds the lock on this database: test holder pid 1"_s),
             qPrintable(busy.err));
    QCOMPARE(currentRows(dir), QStringList{});

    // Waiting: the run says so, and goes ahead once the holder lets go.
    QProcess waiting;
    waiting.setProcessEnvironment(environment());
    waiting.setWorkingDirectory(dir);
    waiting.start(QStringLiteral(RETORT_CLI_PATH), {u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--wait-lock"_s, u"60"_s});
    waiting.closeWriteChannel();
    QString err;
    QElapsedTimer clock;
    clock.start();
    while (!err.contains(u"Waiting for the lock held by test holder pid 1"_s) && clock.elapsed() < 60000 &&
           waiting.state() != QProcess::NotRunning) {
        waiting.waitForReadyRead(200);
        err += QString::fromUtf8(waiting.readAllStandardError());
    }
    QVERIFY2(err.contains(u"Waiting for the lock held by test holder pid 1: "_s), qPrintable(err));
    holder.write("release\n");
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY(waiting.waitForFinished(60000));
    QVERIFY2(waiting.exitCode() == 0, qPrintable(err + QString::fromUtf8(waiting.readAllStandardError())));
    QCOMPARE(currentRows(dir), QStringList{u"h1"_s});
}

void TestCliMigrate::rowsChangeWhileWaitingForTheLock()
{
    const QString dir = makeProject(u"moved"_s);
    QVERIFY(!dir.isEmpty());
    addRevision(dir, u"k1"_s, {}, {});
    addRevision(dir, u"k2"_s, {}, {});
    QProcess holder;
    holder.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, QString::fromLatin1(HoldLock), dir + u"/app.db"_s});
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("held"));

    // Planned from an empty database: k1, then k2.
    QProcess waiting;
    waiting.setProcessEnvironment(environment());
    waiting.setWorkingDirectory(dir);
    waiting.start(QStringLiteral(RETORT_CLI_PATH),
                  {u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--wait-lock"_s, u"60"_s, u"--json"_s});
    waiting.closeWriteChannel();
    QString err;
    QElapsedTimer clock;
    clock.start();
    while (!err.contains(u"Waiting for the lock held by test holder pid 1"_s) && clock.elapsed() < 60000 &&
           waiting.state() != QProcess::NotRunning) {
        waiting.waitForReadyRead(200);
        err += QString::fromUtf8(waiting.readAllStandardError());
    }
    QVERIFY2(err.contains(u"Waiting for the lock held by test holder pid 1"_s), qPrintable(err));
    // Meanwhile someone runs alembic by hand, which takes no lock: the database is at k1 now.
    const Run byHand = alembic({u"upgrade"_s, u"k1"_s}, dir);
    QVERIFY2(byHand.exitCode == 0, qPrintable(byHand.err));
    holder.write("release\n");
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY(waiting.waitForFinished(60000));
    err += QString::fromUtf8(waiting.readAllStandardError());
    // alembic would have run k2 alone, a plan nobody saw: nothing ran.
    QCOMPARE(waiting.exitCode(), 3);
    QVERIFY2(err.contains(u"FAILED: Nothing ran: the database's revisions changed since the plan was made; they are "
                          u"k1 now. Look at the new state and preview again."_s),
             qPrintable(err));
    QVERIFY2(!err.contains(u"Running upgrade"_s), qPrintable(err));
    const QJsonObject json = QJsonDocument::fromJson(waiting.readAllStandardOutput()).object();
    QCOMPARE(strings(json.value(u"rows_before"_s)), QStringList());
    const QJsonObject result = json.value(u"result"_s).toObject();
    QCOMPARE(result.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(result.value(u"failure"_s).toString(), u"rows_changed"_s);
    QCOMPARE(strings(result.value(u"rows_found"_s)), QStringList{u"k1"_s});
    QCOMPARE(strings(result.value(u"rows_after"_s)), QStringList{u"k1"_s});
    QCOMPARE(strings(result.value(u"steps_run"_s)), QStringList());
    QCOMPARE(currentRows(dir), QStringList{u"k1"_s});
    const Run oracle =
        run(QStringLiteral(RETORT_TEST_PYTHON),
            {u"-c"_s, QString::fromLatin1(AppliedAndTables), dir + u"/alembic.ini"_s, dir + u"/app.db"_s}, dir);
    QVERIFY2(oracle.exitCode == 0, qPrintable(oracle.err + oracle.out));
    QCOMPARE(oracle.out.section(u"--\n"_s, 1).split(u'\n', Qt::SkipEmptyParts), QStringList{u"t_k1"_s});

    // Planned again from k1, it runs.
    const Run again = cli({u"upgrade"_s, u"heads"_s, u"--yes"_s}, dir);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(currentRows(dir), QStringList{u"k2"_s});
}

void TestCliMigrate::servers_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("holderShows");
    // Run a second time as tst_climigrate_servers with the servers of the "databases" fixture.
    if (!TestDatabases::available())
        QSKIP(qPrintable(TestDatabases::unavailableReason()));
    QTest::newRow("postgresql") << TestDatabases::postgresUrl() << u"retort on "_s;
    QTest::newRow("mariadb") << TestDatabases::mariadbUrl() << u"retort@"_s;
}

void TestCliMigrate::servers()
{
    QFETCH(QString, url);
    QFETCH(QString, holderShows);
    const QString name = u"srv_"_s + QString::fromLatin1(QTest::currentDataTag());
    const QString dir = makeProject(name);
    QVERIFY(!dir.isEmpty());
    // A version table of its own: the servers are shared by every database test.
    QFile env(dir + u"/migrations/env.py"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(env.readAll());
    env.close();
    source.replace(u"target_metadata=target_metadata"_s,
                   u"target_metadata=target_metadata, version_table='climigrate_version'"_s);
    QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
    env.write(source.toUtf8());
    env.close();
    const QString first = name + u"1"_s;
    const QString second = name + u"2"_s;
    addRevision(dir, first, {}, {});
    // Holds the lock until the test has seen a second run find it taken (a gate file, not a sleep:
    // on a loaded machine the second run may take seconds to start).
    const QString gate = dir + u"/holder.release"_s;
    addRevision(dir, second, {},
                u"    import os, time\n"
                u"    gate = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'holder.release')\n"
                u"    deadline = time.monotonic() + 120\n"
                u"    while not os.path.exists(gate) and time.monotonic() < deadline:\n"
                u"        time.sleep(0.05)\n"
                u"    op.create_table('t_%1', sa.Column('id', sa.Integer))"_s.arg(second));

    QProcess holder;
    holder.setProcessEnvironment(environment());
    holder.setWorkingDirectory(dir);
    holder.start(QStringLiteral(RETORT_CLI_PATH), {u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--url"_s, url});
    holder.closeWriteChannel();
    QString holderOut;
    QElapsedTimer clock;
    clock.start();
    while (!holderOut.contains(u"Running upgrade %1 -> %2"_s.arg(first, second)) && clock.elapsed() < 60000 &&
           holder.state() != QProcess::NotRunning) {
        holder.waitForReadyRead(200);
        holderOut += QString::fromUtf8(holder.readAllStandardOutput());
    }
    QVERIFY2(holderOut.contains(u"Running upgrade"_s),
             qPrintable(holderOut + QString::fromUtf8(holder.readAllStandardError())));
    // Planned while the holder runs, it waits for the lock; by then the holder has moved the rows.
    QProcess waiting;
    waiting.setProcessEnvironment(environment());
    waiting.setWorkingDirectory(dir);
    waiting.start(QStringLiteral(RETORT_CLI_PATH),
                  {u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--wait-lock"_s, u"60"_s, u"--json"_s, u"--url"_s, url});
    waiting.closeWriteChannel();
    const Run busy = cli({u"upgrade"_s, u"heads"_s, u"--yes"_s, u"--url"_s, url}, dir);
    QFile release(gate);
    QVERIFY(release.open(QIODevice::WriteOnly)); // the holder goes on
    release.close();
    QCOMPARE(busy.exitCode, 1);
    QVERIFY2(busy.err.contains(u"Another migration holds the lock on this database: "_s) &&
                 busy.err.contains(holderShows),
             qPrintable(busy.err));
    QVERIFY(holder.waitForFinished(60000));
    QVERIFY2(holder.exitCode() == 0, qPrintable(QString::fromUtf8(holder.readAllStandardError())));
    QVERIFY(waiting.waitForFinished(60000));
    const QString waitingErr = QString::fromUtf8(waiting.readAllStandardError());
    QVERIFY2(waiting.exitCode() == 3, qPrintable(waitingErr)); // the launcher read climigrate_version
    const QJsonObject waited = QJsonDocument::fromJson(waiting.readAllStandardOutput()).object();
    QCOMPARE(waited.value(u"result"_s).toObject().value(u"failure"_s).toString(), u"rows_changed"_s);
    QCOMPARE(strings(waited.value(u"result"_s).toObject().value(u"rows_found"_s)), QStringList{second});
    const Run current = cli({u"current"_s, u"--url"_s, url}, dir);
    QCOMPARE(current.out.trimmed(), second + u" (head)"_s);

    const Run down = cli({u"downgrade"_s, u"base"_s, u"--yes"_s, u"--url"_s, url}, dir);
    QVERIFY2(down.exitCode == 0, qPrintable(down.err));
    QVERIFY(down.out.contains(u"Done. Version rows: (none)"_s));
    const Run dropped =
        run(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s,
                                                 u"import sys, sqlalchemy as sa\n"
                                                 u"with sa.create_engine(sys.argv[1]).begin() as c:\n"
                                                 u"    c.execute(sa.text('DROP TABLE climigrate_version'))"_s,
                                                 url});
    QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.err));
}

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_climigrate.moc"
