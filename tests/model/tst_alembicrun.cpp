// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// AlembicInvocation and AlembicRun on their own: what goes on the command line and what only in the
// environment, which texts are secrets and how the log masks them, and how a run reports steps,
// failures and cancellation. The child here is mostly a shell script standing in for the interpreter,
// so that escalation (SIGINT, then SIGTERM, then SIGKILL) can be forced; tst_climigrate runs real
// alembic through retort-cli. The launcher's check of the plan's rows runs real alembic on SQLite
// here: the database changed behind the plan's back must stay as it is, with nothing run.

#include "runner/alembicinvocation.h"
#include "runner/alembicrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAlembicRun : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void commandLineHoldsNoUrl();
    void secrets();
    void secretVariables_data();
    void secretVariables();
    void writes();
    void flaskMigrateInvocation();
    void flaskAppMissingStartsNothing();
    void flaskMigrateErrorLine();
    void launcherInFlaskMode();
    void stepsAndFailure();
    void lockBusy();
    void masksTheLog();
    void cancelEscalates();
    void interpreterMissing();
    void launcherChecksTheRows_data();
    void launcherChecksTheRows();
    void versionTableOfItsOwn();
    void rowsThatCannotBeRead();

private:
    /// An executable script standing in for python, running @p body.
    QString fakePython(const QString &name, const QString &body);
    AlembicRunOutcome runToEnd(AlembicRun &run, const AlembicInvocation &invocation, int timeoutMs = 20000);
    /// The oracle's Python with @p arguments in @p dir: its stdout, trimmed, or "(failed)".
    static QString python(const QString &dir, const QStringList &arguments);
    /// `alembic init` in a new folder, with revisions r1 and r2 creating t_r1 and t_r2 and the database at
    /// app.db; @p versionTable adds env.py's version_table (and version_table_schema) arguments.
    QString makeAlembicProject(const QString &name, const QString &versionTable = {});
    /// The database's tables, then "|", then the rows of @p table; "no database" when the file is missing.
    static QString databaseState(const QString &dir, const QString &table = u"alembic_version"_s);

    QTemporaryDir m_dir;
};

void TestAlembicRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile ini(m_dir.filePath(u"alembic.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
}

QString TestAlembicRun::fakePython(const QString &name, const QString &body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write((u"#!/bin/sh\n"_s + body + u'\n').toUtf8());
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

AlembicRunOutcome TestAlembicRun::runToEnd(AlembicRun &run, const AlembicInvocation &invocation, int timeoutMs)
{
    QSignalSpy finished(&run, &AlembicRun::finished);
    run.start(invocation);
    if (!finished.wait(timeoutMs))
        return {};
    return finished.first().first().value<AlembicRunOutcome>();
}

QString TestAlembicRun::python(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral(RETORT_TEST_PYTHON), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return u"(failed)"_s;
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QString TestAlembicRun::makeAlembicProject(const QString &name, const QString &versionTable)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    if (python(dir, {u"-m"_s, u"alembic"_s, u"init"_s, u"migrations"_s}) == u"(failed)")
        return {};
    QFile ini(dir + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(ini.readAll());
    ini.close();
    text.replace(QRegularExpression(u"^sqlalchemy.url = .*$"_s, QRegularExpression::MultilineOption),
                 u"sqlalchemy.url = sqlite:///app.db"_s);
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    ini.write(text.toUtf8());
    ini.close();
    if (!versionTable.isEmpty()) {
        QFile env(dir + u"/migrations/env.py"_s);
        if (!env.open(QIODevice::ReadOnly))
            return {};
        QString source = QString::fromUtf8(env.readAll());
        env.close();
        source.replace(u"target_metadata=target_metadata"_s, u"target_metadata=target_metadata, "_s + versionTable);
        if (!env.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        env.write(source.toUtf8());
    }
    QString down = u"None"_s;
    for (const QString &id : {u"r1"_s, u"r2"_s}) {
        QFile file(dir + u"/migrations/versions/"_s + id + u"_make.py"_s);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(u"from alembic import op\nimport sqlalchemy as sa\n\nrevision = '%1'\ndown_revision = %2\n"
                   u"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                   u"    op.create_table('t_%1', sa.Column('id', sa.Integer, primary_key=True))\n\n\n"
                   u"def downgrade():\n    op.drop_table('t_%1')\n"_s.arg(id, down)
                       .toUtf8());
        down = u"'%1'"_s.arg(id);
    }
    return dir;
}

QString TestAlembicRun::databaseState(const QString &dir, const QString &table)
{
    return python(dir, {u"-c"_s, uR"PY(
import os, sqlite3, sys
if not os.path.exists("app.db"):
    print("no database")
    sys.exit()
db = sqlite3.connect("app.db")
tables = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
rows = sorted(r[0] for r in db.execute('SELECT version_num FROM "%s"' % sys.argv[1])) if sys.argv[1] in tables else []
print(" ".join(tables) + " | " + " ".join(rows))
)PY"_s,
                        table});
}

void TestAlembicRun::commandLineHoldsNoUrl()
{
    AlembicInvocation invocation;
    invocation.python = u"/usr/bin/python3"_s;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.section = u"tenant"_s;
    invocation.xArguments = {u"data=true"_s};
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.url = u"postgresql://app:s3cret@db.example/shop"_s;
    invocation.variables = {u"DATABASE_URL=postgresql://app:s3cret@db.example/shop"_s, u"FLASK_APP=app"_s};
    invocation.lockWaitSeconds = 30;
    const QStringList arguments = invocation.arguments();
    QCOMPARE(arguments.first(), u"-c"_s); // the launcher's source
    QCOMPARE(arguments.mid(2), (QStringList{u"30"_s, u"-c"_s, invocation.configFile, u"-n"_s, u"tenant"_s, u"-x"_s,
                                            u"data=true"_s, u"upgrade"_s, u"heads"_s}));
    QVERIFY(!arguments.join(u' ').contains(u"s3cret"_s));
    QCOMPARE(invocation.workingDirectory(), m_dir.path());
    QCOMPARE(invocation.displayCommand(),
             u"/usr/bin/python3 -m alembic -c alembic.ini -n tenant -x data=true upgrade heads"_s);

    QProcessEnvironment base;
    base.insert(u"RETORT_ALEMBIC_URL"_s, u"sqlite:///stale.db"_s);
    base.insert(u"HOME"_s, u"/home/u"_s);
    const QProcessEnvironment environment = invocation.environment(base);
    QCOMPARE(environment.value(u"RETORT_ALEMBIC_URL"_s), invocation.url);
    QCOMPARE(environment.value(u"DATABASE_URL"_s), invocation.url);
    QCOMPARE(environment.value(u"FLASK_APP"_s), u"app"_s);
    QCOMPARE(environment.value(u"HOME"_s), u"/home/u"_s);
    // Without a URL the config's own is used, and a stale one from the caller's environment goes.
    invocation.url.clear();
    QVERIFY(!invocation.environment(base).contains(u"RETORT_ALEMBIC_URL"_s));

    // The plan's rows, sorted, for the launcher to check; without them, no check (nor stale ones).
    base.insert(u"RETORT_EXPECTED_ROWS"_s, u"stale"_s);
    base.insert(u"RETORT_VERSION_SCHEMA"_s, u"stale"_s);
    QVERIFY(!invocation.environment(base).contains(u"RETORT_EXPECTED_ROWS"_s));
    QVERIFY(!invocation.environment(base).contains(u"RETORT_VERSION_SCHEMA"_s));
    invocation.expectedRows = QStringList{u"b2"_s, u"a1"_s};
    invocation.versionTable.table = u"deploy_versions"_s;
    QProcessEnvironment checked = invocation.environment(base);
    QCOMPARE(checked.value(u"RETORT_EXPECTED_ROWS"_s), u"a1 b2"_s);
    QCOMPARE(checked.value(u"RETORT_VERSION_TABLE"_s), u"deploy_versions"_s);
    QVERIFY(!checked.contains(u"RETORT_VERSION_SCHEMA"_s));
    invocation.expectedRows = QStringList();
    invocation.versionTable.schema = u"ops"_s;
    checked = invocation.environment(base);
    QVERIFY(checked.contains(u"RETORT_EXPECTED_ROWS"_s)); // set and empty: no rows expected
    QCOMPARE(checked.value(u"RETORT_EXPECTED_ROWS"_s), QString());
    QCOMPARE(checked.value(u"RETORT_VERSION_SCHEMA"_s), u"ops"_s);
    QVERIFY(!invocation.arguments().join(u' ').contains(u"deploy_versions"_s));
}

void TestAlembicRun::secrets()
{
    AlembicInvocation invocation;
    invocation.url = u"postgresql://app:p%40ss@db/shop"_s;
    invocation.variables = {u"API_TOKEN=tok-123"_s, u"MODE=fast"_s, u"MIRROR=mysql://u:other-pw@h/db"_s};
    const QStringList secrets = invocation.secrets();
    QVERIFY(secrets.contains(invocation.url));
    QVERIFY(secrets.contains(u"p@ss"_s));   // decoded, as a migration may print it
    QVERIFY(secrets.contains(u"p%40ss"_s)); // as written
    QVERIFY(secrets.contains(u"tok-123"_s));
    QVERIFY(secrets.contains(u"other-pw"_s));
    QVERIFY(!secrets.contains(u"fast"_s));
    // The whole URL goes before its password, so the log does not show the URL's other parts.
    QCOMPARE(maskSecrets(u"url postgresql://app:p%40ss@db/shop, password p@ss, token tok-123"_s, secrets),
             u"url ***, password ***, token ***"_s);
}

void TestAlembicRun::secretVariables_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::newRow("password") << u"DB_PASSWORD"_s << u"x"_s << true;
    QTest::newRow("lower case") << u"app_secret"_s << u"x"_s << true;
    QTest::newRow("token") << u"GITHUB_TOKEN"_s << u"x"_s << true;
    QTest::newRow("key") << u"AWS_ACCESS_KEY_ID"_s << u"x"_s << true;
    QTest::newRow("url with password") << u"DATABASE_URL"_s << u"postgresql://u:pw@h/d"_s << true;
    QTest::newRow("url without password") << u"DATABASE_URL"_s << u"sqlite:///app.db"_s << false;
    QTest::newRow("plain") << u"FLASK_APP"_s << u"app:create_app"_s << false;
}

void TestAlembicRun::secretVariables()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, secret);
    QCOMPARE(isSecretVariable(name, value), secret);
}

void TestAlembicRun::writes()
{
    AlembicInvocation invocation;
    invocation.command = {u"upgrade"_s, u"heads"_s};
    QVERIFY(invocation.writes());
    invocation.command = {u"downgrade"_s, u"a1:base"_s, u"--sql"_s};
    QVERIFY(!invocation.writes());
    invocation.command = {u"stamp"_s, u"heads"_s};
    QVERIFY(invocation.writes());
    invocation.command = {u"current"_s};
    QVERIFY(!invocation.writes());
}

void TestAlembicRun::flaskMigrateInvocation()
{
    AlembicInvocation invocation;
    invocation.python = u"/usr/bin/python3"_s;
    invocation.configFile = m_dir.filePath(u"migrations/alembic.ini"_s);
    invocation.flaskMigrate = true;
    invocation.scriptLocation = m_dir.filePath(u"migrations"_s);
    invocation.xArguments = {u"data=true"_s};
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.url = u"postgresql://app:s3cret@db.example/shop"_s;
    // As one would type it in the project's root; Flask-Migrate's default folder needs no -d.
    QCOMPARE(invocation.displayCommand(), u"/usr/bin/python3 -m flask db upgrade -x data=true heads"_s);
    invocation.command = {u"downgrade"_s, u"-1"_s};
    QCOMPARE(invocation.displayCommand(), u"/usr/bin/python3 -m flask db downgrade -x data=true -- -1"_s);
    invocation.xArguments.clear();
    invocation.scriptLocation = m_dir.filePath(u"db/schema"_s);
    invocation.command = {u"upgrade"_s, u"a1:heads"_s, u"--sql"_s};
    QCOMPARE(invocation.displayCommand(),
             u"/usr/bin/python3 -m flask db upgrade -d %1 a1:heads --sql"_s.arg(m_dir.filePath(u"db/schema"_s)));
    // The launcher takes alembic's arguments as always; the mode and the folder travel in the environment.
    QCOMPARE(invocation.arguments().mid(2),
             (QStringList{u"0"_s, u"-c"_s, invocation.configFile, u"upgrade"_s, u"a1:heads"_s, u"--sql"_s}));
    QProcessEnvironment base;
    base.insert(u"RETORT_RUNNER"_s, u"stale"_s);
    base.insert(u"RETORT_SCRIPT_LOCATION"_s, u"/stale"_s);
    const QProcessEnvironment environment = invocation.environment(base);
    QCOMPARE(environment.value(u"RETORT_RUNNER"_s), u"flask"_s);
    QCOMPARE(environment.value(u"RETORT_SCRIPT_LOCATION"_s), invocation.scriptLocation);
    QCOMPARE(environment.value(u"RETORT_ALEMBIC_URL"_s), invocation.url); // for the lock and the rows check
    invocation.flaskMigrate = false;
    QVERIFY(!invocation.environment(base).contains(u"RETORT_RUNNER"_s));
    QVERIFY(!invocation.environment(base).contains(u"RETORT_SCRIPT_LOCATION"_s));
    QVERIFY(invocation.startProblem(base).isEmpty());

    // FLASK_APP comes from the environment's variables or from the environment Retort starts it in.
    invocation.flaskMigrate = true;
    QVERIFY(invocation.startProblem(base).contains(u"add FLASK_APP=module:app (or FLASK_APP=module) to the "
                                                   u"environment's variables"_s));
    base.insert(u"FLASK_APP"_s, u"app"_s);
    QVERIFY(invocation.startProblem(base).isEmpty());
    base.remove(u"FLASK_APP"_s);
    invocation.variables = {u"FLASK_APP=app:create_app()"_s};
    QVERIFY(invocation.startProblem(base).isEmpty());
    invocation.variables = {u"FLASK_APP="_s};
    QVERIFY(!invocation.startProblem(base).isEmpty());
}

void TestAlembicRun::flaskAppMissingStartsNothing()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.flaskMigrate = true;
    invocation.scriptLocation = m_dir.path();
    invocation.command = {u"upgrade"_s, u"heads"_s};
    const QString marker = m_dir.filePath(u"flask-started"_s);
    invocation.python = fakePython(u"flask"_s, u"touch '%1'"_s.arg(marker));
    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.remove(u"FLASK_APP"_s);
    AlembicRun run;
    QSignalSpy finished(&run, &AlembicRun::finished);
    run.start(invocation, base);
    QVERIFY(finished.wait(5000));
    const AlembicRunOutcome outcome = finished.first().first().value<AlembicRunOutcome>();
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::NotStarted);
    QCOMPARE(outcome.error, invocation.startProblem(base));
    QVERIFY(outcome.summary().contains(u"FLASK_APP=module:app"_s));
    QVERIFY(outcome.log.startsWith(u"$ "_s + invocation.python + u" -m flask db upgrade"_s));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(!run.isRunning());
}

void TestAlembicRun::flaskMigrateErrorLine()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.flaskMigrate = true;
    invocation.command = {u"upgrade"_s, u"zz"_s};
    invocation.variables = {u"FLASK_APP=app"_s};
    invocation.python = fakePython(u"flaskerror"_s, uR"SH(
echo "ERROR [flask_migrate] Error: Can't locate revision identified by 'zz'" >&2
exit 1)SH"_s);
    AlembicRun run;
    const AlembicRunOutcome outcome = runToEnd(run, invocation);
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::Failed);
    QCOMPARE(outcome.error, u"Can't locate revision identified by 'zz'"_s);
    QCOMPARE(outcome.summary(), u"alembic failed before any step ran: Can't locate revision identified by 'zz'"_s);
}

void TestAlembicRun::launcherInFlaskMode()
{
    // The launcher itself, without AlembicRun's check before it: it refuses before taking the lock.
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.flaskMigrate = true;
    invocation.scriptLocation = m_dir.filePath(u"flaskless"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.url = u"sqlite:///"_s + m_dir.filePath(u"flask.db"_s);
    invocation.expectedRows = QStringList();
    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.remove(u"FLASK_APP"_s);
    QProcess launcher;
    launcher.setWorkingDirectory(invocation.workingDirectory());
    launcher.setProcessEnvironment(invocation.environment(base));
    launcher.start(QStringLiteral(RETORT_TEST_PYTHON), invocation.arguments());
    QVERIFY(launcher.waitForFinished(60000));
    QCOMPARE(launcher.exitCode(), 255);
    QString err = QString::fromUtf8(launcher.readAllStandardError());
    QVERIFY2(err.contains(u"FAILED: This is a Flask-Migrate project"_s), qPrintable(err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"flask.db.retort-lock"_s)));

    // An app that cannot be imported: said after the lock and the rows check, before flask db runs.
    base.insert(u"FLASK_APP"_s, u"no_such_module_here:app"_s);
    launcher.setProcessEnvironment(invocation.environment(base));
    launcher.start(QStringLiteral(RETORT_TEST_PYTHON), invocation.arguments());
    QVERIFY(launcher.waitForFinished(60000));
    QCOMPARE(launcher.exitCode(), 255);
    err = QString::fromUtf8(launcher.readAllStandardError());
    QVERIFY2(err.contains(u"RETORT lock-held"_s), qPrintable(err));
    QVERIFY2(err.contains(u"FAILED: Retort could not load the Flask app FLASK_APP=no_such_module_here:app from "_s +
                          m_dir.path()),
             qPrintable(err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"flask.db"_s)));
}

void TestAlembicRun::stepsAndFailure()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.python = fakePython(u"steps"_s, uR"SH(
echo "INFO  [alembic.runtime.migration] Running upgrade  -> a1, first" >&2
echo "INFO  [alembic.runtime.migration] Running upgrade a1 -> b2, second" >&2
echo "Traceback (most recent call last):" >&2
echo "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) table t already exists" >&2
exit 1)SH"_s);
    AlembicRun run;
    const AlembicRunOutcome failed = runToEnd(run, invocation);
    QCOMPARE(failed.status, AlembicRunOutcome::Status::Failed);
    QCOMPARE(failed.exitCode, 1);
    QCOMPARE(failed.stepsRun, QStringList{u"upgrade  -> a1, first"_s});
    QCOMPARE(failed.failedStep, u"upgrade a1 -> b2, second"_s);
    QCOMPARE(failed.error, u"sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) table t already exists"_s);
    QVERIFY(failed.summary().contains(u"failed in \"upgrade a1 -> b2, second\" after 1 step(s)"_s));
    QVERIFY(failed.log.startsWith(u"$ "_s));

    invocation.python = fakePython(u"ok"_s, uR"SH(
echo "INFO  [alembic.runtime.migration] Running upgrade  -> a1, first" >&2
echo "CREATE TABLE t (id INTEGER);"
echo "FAILED: is not a failure when the exit code is 0" >&2)SH"_s);
    QSignalSpy lines(&run, &AlembicRun::line);
    const AlembicRunOutcome succeeded = runToEnd(run, invocation);
    QCOMPARE(succeeded.status, AlembicRunOutcome::Status::Succeeded);
    QCOMPARE(succeeded.stepsRun, QStringList{u"upgrade  -> a1, first"_s});
    bool sqlOnStandardOutput = false;
    for (const QList<QVariant> &line : std::as_const(lines))
        sqlOnStandardOutput |= line.at(0).toString().startsWith(u"CREATE"_s) && !line.at(1).toBool();
    QVERIFY(sqlOnStandardOutput);
}

void TestAlembicRun::lockBusy()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.python = fakePython(u"busy"_s, uR"SH(
echo "RETORT lock-wait 2 deploy@ci (pid 42)" >&2
echo "RETORT lock-busy deploy@ci (pid 42)" >&2
echo "FAILED: Another migration holds the lock on this database: deploy@ci (pid 42)." >&2
exit 75)SH"_s);
    AlembicRun run;
    QSignalSpy waiting(&run, &AlembicRun::lockWaiting);
    QSignalSpy lines(&run, &AlembicRun::line);
    const AlembicRunOutcome outcome = runToEnd(run, invocation);
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::LockBusy);
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().at(0).toInt(), 2);
    QCOMPARE(waiting.first().at(1).toString(), u"deploy@ci (pid 42)"_s);
    for (const QList<QVariant> &line : std::as_const(lines))
        QVERIFY(!line.at(0).toString().startsWith(u"RETORT "_s)); // the protocol is not log
    QVERIFY(outcome.summary().startsWith(u"Nothing ran: Another migration holds the lock"_s));
}

void TestAlembicRun::masksTheLog()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.url = u"mysql://app:hunter22@db/shop"_s;
    invocation.variables = {u"SERVICE_TOKEN=tok-987"_s};
    invocation.python = fakePython(u"chatty"_s, uR"SH(
echo "connecting to $RETORT_ALEMBIC_URL"
echo "token $SERVICE_TOKEN, password hunter22" >&2)SH"_s);
    AlembicRun run;
    const AlembicRunOutcome outcome = runToEnd(run, invocation);
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::Succeeded);
    QVERIFY2(outcome.log.contains(u"connecting to ***\n"_s), qPrintable(outcome.log));
    QVERIFY(outcome.log.contains(u"token ***, password ***\n"_s));
    QVERIFY(!outcome.log.contains(u"hunter22"_s) && !outcome.log.contains(u"tok-987"_s));
}

void TestAlembicRun::cancelEscalates()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    // Deaf to SIGINT and SIGTERM: only SIGKILL ends it.
    invocation.python = fakePython(u"stubborn"_s, uR"SH(
trap '' INT TERM
echo "INFO  [alembic.runtime.migration] Running upgrade  -> a1, slow" >&2
while true; do sleep 0.1; done)SH"_s);
    AlembicRun run;
    run.setGracePeriod(300);
    QSignalSpy finished(&run, &AlembicRun::finished);
    QSignalSpy lines(&run, &AlembicRun::line);
    run.start(invocation);
    QTRY_COMPARE(lines.size(), 2); // the command, then the step
    QElapsedTimer clock;
    clock.start();
    run.cancel();
    QVERIFY(finished.wait(5000));
    // SIGINT, 300 ms, SIGTERM, 300 ms, SIGKILL (coarse timers may fire 5 % early).
    QVERIFY2(clock.elapsed() >= 550, qPrintable(QString::number(clock.elapsed())));
    const AlembicRunOutcome outcome = finished.first().first().value<AlembicRunOutcome>();
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::Cancelled);
    QCOMPARE(outcome.failedStep, u"upgrade  -> a1, slow"_s);
    QVERIFY(!run.isRunning());
}

void TestAlembicRun::interpreterMissing()
{
    AlembicInvocation invocation;
    invocation.configFile = m_dir.filePath(u"alembic.ini"_s);
    invocation.python = m_dir.filePath(u"no-such-python"_s);
    invocation.command = {u"upgrade"_s, u"heads"_s};
    AlembicRun run;
    const AlembicRunOutcome outcome = runToEnd(run, invocation);
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::NotStarted);
    QVERIFY(outcome.summary().startsWith(u"alembic could not be started: "_s));
}

void TestAlembicRun::launcherChecksTheRows_data()
{
    QTest::addColumn<QStringList>("setUp");   // alembic commands run first, each "command target"
    QTest::addColumn<bool>("checked");        // whether the invocation carries the plan's rows
    QTest::addColumn<QStringList>("planned"); // the rows the plan was made from
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<AlembicRunOutcome::Status>("status");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<QString>("after"); // databaseState()
    using Status = AlembicRunOutcome::Status;
    const QStringList heads{u"upgrade"_s, u"heads"_s};
    QTest::newRow("someone upgraded meanwhile")
        << QStringList{u"upgrade r1"_s} << true << QStringList() << heads << Status::RowsChanged << QStringList{u"r1"_s}
        << u"alembic_version t_r1 | r1"_s;
    QTest::newRow("someone downgraded meanwhile")
        << QStringList{u"upgrade r1"_s, u"downgrade base"_s} << true << QStringList{u"r1"_s} << heads
        << Status::RowsChanged << QStringList() << u"alembic_version |"_s;
    QTest::newRow("a downgrade planned from other rows")
        << QStringList{u"upgrade heads"_s} << true << QStringList{u"r1"_s} << QStringList{u"downgrade"_s, u"base"_s}
        << Status::RowsChanged << QStringList{u"r2"_s} << u"alembic_version t_r1 t_r2 | r2"_s;
    // Connecting would create the file: the check leaves a missing database missing.
    QTest::newRow("the database is gone") << QStringList() << true << QStringList{u"r1"_s} << heads
                                          << Status::RowsChanged << QStringList() << u"no database"_s;
    QTest::newRow("the plan's rows") << QStringList{u"upgrade r1"_s} << true << QStringList{u"r1"_s} << heads
                                     << Status::Succeeded << QStringList() << u"alembic_version t_r1 t_r2 | r2"_s;
    QTest::newRow("planned from a database not made yet")
        << QStringList() << true << QStringList() << heads << Status::Succeeded << QStringList()
        << u"alembic_version t_r1 t_r2 | r2"_s;
    QTest::newRow("no plan given: no check")
        << QStringList{u"upgrade r1"_s} << false << QStringList() << heads << Status::Succeeded << QStringList()
        << u"alembic_version t_r1 t_r2 | r2"_s;
    QTest::newRow("--sql writes nothing: no check")
        << QStringList{u"upgrade r1"_s} << true << QStringList{u"zz"_s}
        << QStringList{u"upgrade"_s, u"r1:r2"_s, u"--sql"_s} << Status::Succeeded << QStringList()
        << u"alembic_version t_r1 | r1"_s;
}

void TestAlembicRun::launcherChecksTheRows()
{
    QFETCH(QStringList, setUp);
    QFETCH(bool, checked);
    QFETCH(QStringList, planned);
    QFETCH(QStringList, command);
    QFETCH(AlembicRunOutcome::Status, status);
    QFETCH(QStringList, found);
    QFETCH(QString, after);
    static int projects = 0;
    const QString dir = makeAlembicProject(u"check%1"_s.arg(++projects));
    QVERIFY(!dir.isEmpty());
    for (const QString &step : std::as_const(setUp)) {
        QVERIFY(python(dir, QStringList{u"-m"_s, u"alembic"_s} + step.split(u' ')) != u"(failed)");
    }
    AlembicInvocation invocation;
    invocation.python = QStringLiteral(RETORT_TEST_PYTHON);
    invocation.configFile = dir + u"/alembic.ini"_s;
    invocation.url = u"sqlite:///"_s + dir + u"/app.db"_s;
    invocation.command = command;
    if (checked)
        invocation.expectedRows = planned;
    AlembicRun run;
    const AlembicRunOutcome outcome = runToEnd(run, invocation, 60000);
    QVERIFY2(outcome.status == status, qPrintable(outcome.log));
    QCOMPARE(outcome.rowsFound, found);
    QCOMPARE(databaseState(dir), after);
    if (status == AlembicRunOutcome::Status::RowsChanged) {
        QCOMPARE(outcome.exitCode, 76);
        QVERIFY(outcome.stepsRun.isEmpty());
        QVERIFY2(!outcome.log.contains(u"Running "_s), qPrintable(outcome.log));
        QVERIFY2(outcome.error.startsWith(u"The database's revisions changed since the plan was made: expected "_s),
                 qPrintable(outcome.error));
        QVERIFY(outcome.summary().startsWith(u"Nothing ran: the database's revisions changed"_s));
        QVERIFY(!outcome.log.contains(u"RETORT "_s)); // the protocol line is not log
    }
}

void TestAlembicRun::versionTableOfItsOwn()
{
    // env.py keeps its rows in main.deploy_versions: that is the table the launcher must read.
    const QString dir =
        makeAlembicProject(u"owntable"_s, u"version_table='deploy_versions', version_table_schema='main'"_s);
    QVERIFY(!dir.isEmpty());
    QVERIFY(python(dir, {u"-m"_s, u"alembic"_s, u"upgrade"_s, u"r1"_s}) != u"(failed)");
    QCOMPARE(databaseState(dir, u"deploy_versions"_s), u"deploy_versions t_r1 | r1"_s);
    AlembicInvocation invocation;
    invocation.python = QStringLiteral(RETORT_TEST_PYTHON);
    invocation.configFile = dir + u"/alembic.ini"_s;
    invocation.command = {u"upgrade"_s, u"heads"_s}; // the config's own URL, relative to its folder
    invocation.expectedRows = QStringList{u"r1"_s};
    AlembicRun run;
    // Read under Retort's default name, the table is missing: not the plan's rows.
    AlembicRunOutcome outcome = runToEnd(run, invocation, 60000);
    QVERIFY2(outcome.status == AlembicRunOutcome::Status::RowsChanged, qPrintable(outcome.log));
    QCOMPARE(outcome.rowsFound, QStringList());
    invocation.versionTable = {u"deploy_versions"_s, u"main"_s};
    invocation.expectedRows = QStringList();
    outcome = runToEnd(run, invocation, 60000);
    QVERIFY2(outcome.status == AlembicRunOutcome::Status::RowsChanged, qPrintable(outcome.log));
    QCOMPARE(outcome.rowsFound, QStringList{u"r1"_s});
    QCOMPARE(databaseState(dir, u"deploy_versions"_s), u"deploy_versions t_r1 | r1"_s);
    invocation.expectedRows = QStringList{u"r1"_s};
    outcome = runToEnd(run, invocation, 60000);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.log));
    QCOMPARE(databaseState(dir, u"deploy_versions"_s), u"deploy_versions t_r1 t_r2 | r2"_s);
}

void TestAlembicRun::rowsThatCannotBeRead()
{
    const QString dir = makeAlembicProject(u"unreadable"_s);
    QVERIFY(!dir.isEmpty());
    AlembicInvocation invocation;
    invocation.python = QStringLiteral(RETORT_TEST_PYTHON);
    invocation.configFile = dir + u"/alembic.ini"_s;
    invocation.url = u"postgresql://nobody:pw-1234@127.0.0.1:1/none"_s; // nothing listens on port 1
    invocation.command = {u"upgrade"_s, u"heads"_s};
    invocation.expectedRows = QStringList();
    AlembicRun run;
    const AlembicRunOutcome outcome = runToEnd(run, invocation, 60000);
    QCOMPARE(outcome.status, AlembicRunOutcome::Status::Failed);
    QCOMPARE(outcome.exitCode, 255);
    QVERIFY2(outcome.error.startsWith(u"Retort could not read the version table alembic_version to check it against "
                                      u"the plan (OperationalError: "_s),
             qPrintable(outcome.log));
    QVERIFY(outcome.error.endsWith(u"Nothing was run."_s));
    QVERIFY(!outcome.log.contains(u"Running "_s));
    QVERIFY(!outcome.log.contains(u"pw-1234"_s));
}

QTEST_GUILESS_MAIN(TestAlembicRun)
#include "tst_alembicrun.moc"
