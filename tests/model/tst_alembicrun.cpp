// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// AlembicInvocation and AlembicRun on their own: what goes on the command line and what only in the
// environment, which texts are secrets and how the log masks them, and how a run reports steps,
// failures and cancellation. The child here is a shell script standing in for the interpreter, so
// that escalation (SIGINT, then SIGTERM, then SIGKILL) can be forced; tst_climigrate runs real
// alembic.

#include "runner/alembicinvocation.h"
#include "runner/alembicrun.h"

#include <QElapsedTimer>
#include <QFile>
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
    void stepsAndFailure();
    void lockBusy();
    void masksTheLog();
    void cancelEscalates();
    void interpreterMissing();

private:
    /// An executable script standing in for python, running @p body.
    QString fakePython(const QString &name, const QString &body);
    AlembicRunOutcome runToEnd(AlembicRun &run, const AlembicInvocation &invocation, int timeoutMs = 20000);

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

QTEST_GUILESS_MAIN(TestAlembicRun)
#include "tst_alembicrun.moc"
