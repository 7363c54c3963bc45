// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// SqlDialect: the one place that decides by kind of database. Its quoting must be what Qt's own
// drivers do (the previews used to ask them), and its version-table SQL what Alembic writes.

#include "database/sqldialect.h"
#include "database/versiontable.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSqlDialect : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownNames();
    void quotingMatchesQtsDrivers_data();
    void quotingMatchesQtsDrivers();
    void versionTableSql();
};

void TestSqlDialect::names_data()
{
    QTest::addColumn<QString>("sqlalchemy");
    QTest::addColumn<QString>("qtDriver");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("package");
    QTest::addColumn<bool>("users");
    QTest::addColumn<bool>("transactionalDdl");
    QTest::newRow("sqlite") << u"sqlite"_s << u"QSQLITE"_s << u"SQLite"_s << u"libqt6sql6-sqlite"_s << false << true;
    QTest::newRow("postgresql") << u"postgresql"_s << u"QPSQL"_s << u"PostgreSQL"_s << u"libqt6sql6-psql"_s << true
                                << true;
    QTest::newRow("mysql") << u"mysql"_s << u"QMYSQL"_s << u"MySQL"_s << u"libqt6sql6-mysql"_s << true << false;
    QTest::newRow("mariadb") << u"mariadb"_s << u"QMYSQL"_s << u"MySQL"_s << u"libqt6sql6-mysql"_s << true << false;
}

void TestSqlDialect::names()
{
    QFETCH(QString, sqlalchemy);
    QFETCH(QString, qtDriver);
    QFETCH(QString, display);
    QFETCH(QString, package);
    QFETCH(bool, users);
    QFETCH(bool, transactionalDdl);
    const std::optional<SqlDialect> dialect = SqlDialect::fromSqlAlchemy(sqlalchemy);
    QVERIFY(dialect);
    QCOMPARE(dialect->qtDriverName(), qtDriver);
    QCOMPARE(SqlDialect::fromQtDriver(qtDriver), dialect);
    QCOMPARE(dialect->displayName(), display);
    QCOMPARE(dialect->debianPackage(), package);
    QCOMPARE(dialect->hasUsers(), users);
    QCOMPARE(dialect->hasTransactionalDdl(), transactionalDdl);
    QVERIFY(!dialect->sqlAlchemyDrivers().isEmpty());
}

void TestSqlDialect::unknownNames()
{
    // SQLAlchemy 1.4 wants lower case and no longer accepts `postgres`.
    for (const QString &name : {u"postgres"_s, u"SQLite"_s, u"oracle"_s, u""_s})
        QVERIFY2(!SqlDialect::fromSqlAlchemy(name), qPrintable(name));
    QCOMPARE(SqlDialect::fromQtDriver(u"QMARIADB"_s), SqlDialect(SqlDialect::Kind::MySQL));
    QVERIFY(!SqlDialect::fromQtDriver(u"QODBC"_s));
}

void TestSqlDialect::quotingMatchesQtsDrivers_data()
{
    QTest::addColumn<QString>("driver");
    for (const char *driver : {"QSQLITE", "QPSQL", "QMYSQL"})
        QTest::newRow(driver) << QString::fromLatin1(driver);
}

void TestSqlDialect::quotingMatchesQtsDrivers()
{
    QFETCH(QString, driver);
    // setup-debian.sh installs all three plugins: a missing one is a broken machine, not a skip.
    QVERIFY2(QSqlDatabase::isDriverAvailable(driver), qPrintable(driver + u" is not installed"_s));
    const QString connection = u"quoting-"_s + driver;
    {
        const QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection);
        const SqlDialect dialect = *SqlDialect::fromQtDriver(driver);
        for (const QString &name : {u"alembic_version"_s, u"Version$Table"_s, u"versión"_s, u"_x1"_s})
            QCOMPARE(dialect.quoteIdentifier(name), db.driver()->escapeIdentifier(name, QSqlDriver::TableName));
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestSqlDialect::versionTableSql()
{
    VersionTableName name;
    name.table = u"versions"_s;
    name.schema = u"app"_s;
    const SqlDialect postgres(SqlDialect::Kind::PostgreSQL);
    QCOMPARE(postgres.qualifiedName(name), u"\"app\".\"versions\""_s);
    QCOMPARE(postgres.createVersionTable(name),
             u"CREATE TABLE \"app\".\"versions\" (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT "
             "\"versions_pkc\" PRIMARY KEY (version_num)\n)"_s);
    QCOMPARE(postgres.lockVersionTable(name), u"LOCK TABLE \"app\".\"versions\" IN SHARE ROW EXCLUSIVE MODE"_s);
    QCOMPARE(postgres.selectVersionRows(name, true), u"SELECT version_num FROM \"app\".\"versions\""_s);
    QCOMPARE(postgres.sessionLockTimeout(7), u"SET lock_timeout = '7s'"_s);

    const SqlDialect mysql(SqlDialect::Kind::MySQL);
    name.schema.clear();
    name.primaryKey = false;
    QCOMPARE(mysql.createVersionTable(name), u"CREATE TABLE `versions` (\n    version_num VARCHAR(32) NOT NULL\n)"_s);
    QVERIFY(mysql.lockVersionTable(name).isEmpty()); // FOR UPDATE on the rows does it
    QCOMPARE(mysql.selectVersionRows(name, true), u"SELECT version_num FROM `versions` FOR UPDATE"_s);
    QCOMPARE(mysql.selectVersionRows(name, false), u"SELECT version_num FROM `versions`"_s);

    const SqlDialect sqlite(SqlDialect::Kind::SQLite);
    QVERIFY(sqlite.lockVersionTable(name).isEmpty());
    QVERIFY(sqlite.sessionLockTimeout(7).isEmpty());
}

QTEST_GUILESS_MAIN(TestSqlDialect)
#include "tst_sqldialect.moc"
