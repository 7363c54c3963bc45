// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "databaseservers.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString postgresDriver = u"QPSQL"_s;
const QString mariadbDriver = u"QMYSQL"_s;

// Fail fast instead of hanging on a server that is down or does not answer.
QString timeoutOptions(const QString &driver)
{
    return driver == postgresDriver ? u"connect_timeout=3"_s
                                    : u"MYSQL_OPT_CONNECT_TIMEOUT=3;MYSQL_OPT_READ_TIMEOUT=3"_s;
}

/// A named QSqlDatabase connection, removed when this goes out of scope; declare it before any
/// QSqlQuery that uses it.
class ScopedConnection
{
public:
    ScopedConnection(const QString &driver, const TestDatabases::Connection &connection)
        : m_name(u"tst_databaseservers-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
        db.setHostName(connection.host);
        db.setPort(connection.port);
        db.setUserName(connection.user);
        db.setPassword(connection.password);
        db.setDatabaseName(connection.database);
        db.setConnectOptions(timeoutOptions(driver));
    }
    ~ScopedConnection()
    {
        database().close();
        QSqlDatabase::removeDatabase(m_name);
    }
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    bool open() { return database().open(); }
    QString errorText() const { return database().lastError().text(); }

private:
    QString m_name;
};

/// A loopback port on which nothing listens (@p silent false), or one that accepts connections into
/// its backlog but never answers, like a hung server (@p silent true).
class LoopbackPort
{
public:
    explicit LoopbackPort(bool silent)
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        if (silent) {
            ::listen(m_fd, 4);
        } else {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~LoopbackPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    LoopbackPort(const LoopbackPort &) = delete;
    LoopbackPort &operator=(const LoopbackPort &) = delete;

    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = -1;
};

} // namespace

class TestDatabaseServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selectOne_data();
    void selectOne();
    void readerCannotCreateTables_data();
    void readerCannotCreateTables();
    void readerSeesTheOwnersTables_data();
    void readerSeesTheOwnersTables();
    void wrongPasswordIsRejected_data();
    void wrongPasswordIsRejected();
    void unreachableServerFailsQuickly_data();
    void unreachableServerFailsQuickly();
    void sqlalchemyConnects_data();
    void sqlalchemyConnects();

private:
    void addServerRows(bool readers);
};

void TestDatabaseServers::initTestCase()
{
    // Run by hand without the fixture: nothing to test against. Run by CTest without servers.env: the
    // fixture is broken, which must not pass silently.
    if (TestDatabases::serversEnvPath().isEmpty())
        QSKIP(qPrintable(TestDatabases::unavailableReason()));
    if (!TestDatabases::available())
        QFAIL(qPrintable(TestDatabases::unavailableReason()));
    for (const QString &driver : {postgresDriver, mariadbDriver})
        QVERIFY2(QSqlDatabase::isDriverAvailable(driver), qPrintable(u"Qt SQL driver %1 missing"_s.arg(driver)));
}

void TestDatabaseServers::addServerRows(bool readers)
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("url");
    QTest::newRow("postgres") << postgresDriver << TestDatabases::postgresUrl();
    QTest::newRow("mariadb") << mariadbDriver << TestDatabases::mariadbUrl();
    if (readers) {
        QTest::newRow("postgres reader") << postgresDriver << TestDatabases::postgresReaderUrl();
        QTest::newRow("mariadb reader") << mariadbDriver << TestDatabases::mariadbReaderUrl();
    }
}

void TestDatabaseServers::selectOne_data()
{
    addServerRows(true);
}

void TestDatabaseServers::selectOne()
{
    QFETCH(QString, driver);
    QFETCH(QString, url);
    const TestDatabases::Connection connection = TestDatabases::connection(url);
    QVERIFY(connection.isValid());

    ScopedConnection db(driver, connection);
    QVERIFY2(db.open(), qPrintable(db.errorText()));
    QSqlQuery query(db.database());
    QVERIFY2(query.exec(u"SELECT 1"_s), qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestDatabaseServers::readerCannotCreateTables_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("url");
    QTest::newRow("postgres") << postgresDriver << TestDatabases::postgresReaderUrl();
    QTest::newRow("mariadb") << mariadbDriver << TestDatabases::mariadbReaderUrl();
}

void TestDatabaseServers::readerCannotCreateTables()
{
    QFETCH(QString, driver);
    QFETCH(QString, url);

    ScopedConnection db(driver, TestDatabases::connection(url));
    QVERIFY2(db.open(), qPrintable(db.errorText()));
    QSqlQuery query(db.database());
    QVERIFY(!query.exec(u"CREATE TABLE retort_reader_probe (id integer)"_s));
    const QString error = query.lastError().text();
    QVERIFY2(error.contains(u"denied"_s, Qt::CaseInsensitive), qPrintable(error));
}

void TestDatabaseServers::readerSeesTheOwnersTables_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("ownerUrl");
    QTest::addColumn<QString>("readerUrl");
    QTest::newRow("postgres") << postgresDriver << TestDatabases::postgresUrl() << TestDatabases::postgresReaderUrl();
    QTest::newRow("mariadb") << mariadbDriver << TestDatabases::mariadbUrl() << TestDatabases::mariadbReaderUrl();
}

void TestDatabaseServers::readerSeesTheOwnersTables()
{
    QFETCH(QString, driver);
    QFETCH(QString, ownerUrl);
    QFETCH(QString, readerUrl);
    // The servers are shared by all database tests of a run: a table of our own, dropped at the end.
    const QString table = u"tst_databaseservers_readable"_s;

    ScopedConnection owner(driver, TestDatabases::connection(ownerUrl));
    QVERIFY2(owner.open(), qPrintable(owner.errorText()));
    QSqlQuery ownerQuery(owner.database());
    QVERIFY(ownerQuery.exec(u"DROP TABLE IF EXISTS %1"_s.arg(table)));
    QVERIFY2(ownerQuery.exec(u"CREATE TABLE %1 (version_num varchar(32) PRIMARY KEY)"_s.arg(table)),
             qPrintable(ownerQuery.lastError().text()));
    QVERIFY(ownerQuery.exec(u"INSERT INTO %1 (version_num) VALUES ('ae1027a6acf')"_s.arg(table)));

    {
        ScopedConnection reader(driver, TestDatabases::connection(readerUrl));
        QVERIFY2(reader.open(), qPrintable(reader.errorText()));
        QSqlQuery readerQuery(reader.database());
        QVERIFY2(readerQuery.exec(u"SELECT version_num FROM %1"_s.arg(table)),
                 qPrintable(readerQuery.lastError().text()));
        QVERIFY(readerQuery.next());
        QCOMPARE(readerQuery.value(0).toString(), u"ae1027a6acf"_s);
        QVERIFY(!readerQuery.exec(u"DELETE FROM %1"_s.arg(table)));
    }

    QVERIFY(ownerQuery.exec(u"DROP TABLE %1"_s.arg(table)));
}

void TestDatabaseServers::wrongPasswordIsRejected_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("postgres") << postgresDriver << TestDatabases::postgresUrl() << u"password authentication failed"_s;
    QTest::newRow("mariadb") << mariadbDriver << TestDatabases::mariadbUrl() << u"Access denied"_s;
}

void TestDatabaseServers::wrongPasswordIsRejected()
{
    QFETCH(QString, driver);
    QFETCH(QString, url);
    QFETCH(QString, expectedError);
    TestDatabases::Connection connection = TestDatabases::connection(url);
    const QString rightPassword = connection.password;
    connection.password = u"wrong-password-4711"_s;

    ScopedConnection db(driver, connection);
    QVERIFY(!db.open());
    const QString error = db.errorText();
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY2(!error.contains(connection.password), qPrintable(error));
    QVERIFY2(!error.contains(rightPassword), qPrintable(error));
}

void TestDatabaseServers::unreachableServerFailsQuickly_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<bool>("silent");
    QTest::newRow("postgres, closed port") << postgresDriver << false;
    QTest::newRow("mariadb, closed port") << mariadbDriver << false;
    QTest::newRow("postgres, server never answers") << postgresDriver << true;
    QTest::newRow("mariadb, server never answers") << mariadbDriver << true;
}

void TestDatabaseServers::unreachableServerFailsQuickly()
{
    QFETCH(QString, driver);
    QFETCH(bool, silent);
    const LoopbackPort port(silent);
    QVERIFY(port.port() > 0);
    TestDatabases::Connection connection = TestDatabases::connection(
        driver == postgresDriver ? TestDatabases::postgresUrl() : TestDatabases::mariadbUrl());
    connection.port = port.port();

    ScopedConnection db(driver, connection);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!db.open());
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!db.errorText().isEmpty());
    // The timeouts are 3 s; a closed port is refused at once.
    QVERIFY2(elapsed < (silent ? 8000 : 2000), qPrintable(u"took %1 ms: %2"_s.arg(elapsed).arg(db.errorText())));
}

void TestDatabaseServers::sqlalchemyConnects_data()
{
    addServerRows(true);
}

void TestDatabaseServers::sqlalchemyConnects()
{
    QFETCH(QString, url);
    // The alembic differential tests reach the servers this way. The URL goes through the environment,
    // not the command line, where other processes could read the password.
    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"RETORT_TEST_URL"_s, url);
    python.setProcessEnvironment(environment);
    python.start(QStringLiteral(RETORT_TEST_PYTHON),
                 {u"-c"_s, u"import os, sqlalchemy\n"
                           "engine = sqlalchemy.create_engine(os.environ['RETORT_TEST_URL'])\n"
                           "with engine.connect() as connection:\n"
                           "    print(connection.execute(sqlalchemy.text('SELECT 1')).scalar())\n"_s});
    QVERIFY2(python.waitForFinished(60000), qPrintable(python.errorString()));
    const QString errors = QString::fromUtf8(python.readAllStandardError());
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0, qPrintable(errors));
    QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), u"1"_s);
}

QTEST_GUILESS_MAIN(TestDatabaseServers)
#include "tst_databaseservers.moc"
