// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// SchemaInspector against real databases: real SQLAlchemy 1.4 (schemainspector_fixture.py, run by
// /usr/bin/python3) creates the same schema on SQLite (a temporary file), PostgreSQL (schemas of their
// own, the first one made the default through search_path) and MariaDB (a database of its own, made by
// root over the server's socket), then prints sqlalchemy.inspect()'s view of it as JSON. Retort's
// Schema must say the same: tables, columns, nullability, types (SQLAlchemy's reflected type compiled
// back to DDL, read by SqlType::parse), primary keys, foreign keys, indexes, unique and check
// constraints, views, enums. What SQLAlchemy 1.4 does not reflect (expression indexes, partial index
// predicates, normalised defaults) is checked against expected values.

#include "database/databaseconnection.h"
#include "database/versiontable.h"
#include "databaseservers.h"
#include "schema/schemainspector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString sqlite = u"sqlite"_s;
const QString postgres = u"postgres"_s;
const QString mariadb = u"mariadb"_s;

// Names of this test's own on the shared servers.
const QString pgMain = u"si_main"_s;
const QString pgOther = u"si_other"_s;
const QString pgEmpty = u"si_empty"_s;
const QString myMain = u"si_main"_s;
const QString myEmpty = u"si_empty"_s;

QString python()
{
    return QStringLiteral(RETORT_TEST_PYTHON);
}

/// Runs the fixture script; its standard output, or an error in @p error.
QByteArray runFixture(const QStringList &args, QString *error)
{
    const QString script = QFINDTESTDATA("schemainspector_fixture.py");
    if (script.isEmpty()) {
        *error = u"schemainspector_fixture.py not found"_s;
        return {};
    }
    QProcess process;
    process.start(python(), QStringList{script} + args);
    const bool finished = process.waitForFinished(180000);
    const QByteArray output = process.readAllStandardOutput();
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"%1 %2 failed: %3 %4"_s.arg(python(), args.join(u' '), process.errorString(),
                                              QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return output;
}

/// Runs SQL as MariaDB's root over the fixture server's socket (the test account cannot create databases).
QString mariadbRoot(const QString &sql)
{
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(u"/usr/bin/mariadb"_s,
                 {u"--no-defaults"_s, u"--socket="_s + TestDatabases::value(u"RETORT_TEST_MARIADB_SOCKET"_s),
                  u"--user=root"_s, u"-e"_s, sql});
    if (!client.waitForFinished(60000) || client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0)
        return u"mariadb -e '%1' failed: %2 %3"_s.arg(sql, client.errorString(), QString::fromUtf8(client.readAll()));
    return {};
}

QString execSql(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) ? QString() : u"%1: %2"_s.arg(sql, query.lastError().text());
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

/// SQLAlchemy's ON DELETE / ON UPDATE as Retort keeps it.
QString action(const QJsonValue &value)
{
    const QString upper = value.toString().toUpper();
    return upper == u"NO ACTION" || upper == u"RESTRICT" ? QString() : upper;
}

QString describe(const QString &name, const QStringList &columns, const QString &extra = {})
{
    return u"%1(%2)%3"_s.arg(name, columns.join(u','), extra);
}

/// Compares two descriptions as sets; the differences go into @p problems.
void compareSets(const QString &what, QStringList ours, QStringList theirs, QStringList *problems)
{
    ours.sort();
    theirs.sort();
    if (ours != theirs) {
        problems->append(u"%1: Retort [%2], SQLAlchemy [%3]"_s.arg(what, ours.join(u"; "_s), theirs.join(u"; "_s)));
    }
}

/// The schema as text, for failure messages and RETORT_TEST_DUMP_SCHEMA=1.
QString dump(const Schema &schema)
{
    QStringList lines;
    for (const SchemaTable &table : schema.tables) {
        lines.append(u"TABLE "_s + table.qualifiedName());
        for (const SchemaColumn &c : table.columns) {
            lines.append(
                u"  %1 %2%3%4%5"_s.arg(c.name, c.type.text(), c.nullable ? QString() : u" NOT NULL"_s,
                                       c.serverDefault.isEmpty() ? QString() : u" DEFAULT "_s + c.serverDefault,
                                       c.autoincrement ? u" AUTOINCREMENT"_s : QString()));
        }
        lines.append(u"  PK "_s + describe(table.primaryKey.name, table.primaryKey.columns));
        for (const SchemaIndex &i : table.indexes) {
            lines.append(u"  INDEX "_s + describe(i.name, i.columns,
                                                  (i.unique ? u" UNIQUE"_s : QString()) +
                                                      (i.where.isEmpty() ? QString() : u" WHERE "_s + i.where)));
        }
        for (const SchemaUniqueConstraint &u : table.uniqueConstraints)
            lines.append(u"  UNIQUE "_s + describe(u.name, u.columns));
        for (const SchemaCheckConstraint &c : table.checkConstraints)
            lines.append(u"  CHECK %1 (%2)"_s.arg(c.name, c.sqlText));
        for (const SchemaForeignKey &fk : table.foreignKeys) {
            lines.append(u"  FK "_s + describe(fk.name, fk.columns,
                                               u" -> %1.%2(%3) ON DELETE %4 ON UPDATE %5"_s.arg(
                                                   fk.referredSchema, fk.referredTable, fk.referredColumns.join(u','),
                                                   fk.onDelete, fk.onUpdate)));
        }
    }
    for (const QString &view : schema.views)
        lines.append(u"VIEW "_s + view);
    for (const SchemaEnum &e : schema.enums)
        lines.append(u"ENUM "_s + describe(e.schema + u'.' + e.name, e.values));
    return lines.join(u'\n');
}

/// Differences between Retort's Schema and SQLAlchemy's inspector output, as readable lines.
QStringList differences(const Schema &ours, const QJsonObject &theirs)
{
    QStringList problems;
    const SqlDialect dialect = ours.dialect;
    const QString defaultSchema = theirs.value(u"default_schema").toString();
    const auto actualSchema = [&](const QString &reported) { return reported.isEmpty() ? defaultSchema : reported; };
    // Retort names other schemas as given, the default one empty; SQLAlchemy names it None.
    const auto reportedSchema = [&](const QJsonValue &schema) {
        return schema.isNull() || schema.toString() == defaultSchema ? QString() : schema.toString();
    };

    QStringList ourTables;
    for (const SchemaTable &table : ours.tables)
        ourTables.append(table.qualifiedName());
    QStringList theirTables;
    for (const QJsonValue &value : theirs.value(u"tables").toArray()) {
        const QJsonObject table = value.toObject();
        const QString name = table.value(u"name").toString();
        if (name == u"alembic_version")
            continue; // the version table: never in Retort's schema
        SchemaTable expected;
        expected.schema = reportedSchema(table.value(u"schema"));
        expected.name = name;
        theirTables.append(expected.qualifiedName());
        const SchemaTable *mine = ours.table(expected.schema, name);
        if (!mine)
            continue;
        const QString where = expected.qualifiedName();

        // Columns, in table order.
        const QJsonArray columns = table.value(u"columns").toArray();
        QStringList ourColumns;
        for (const SchemaColumn &column : mine->columns)
            ourColumns.append(column.name);
        QStringList theirColumns;
        for (const QJsonValue &c : columns)
            theirColumns.append(c.toObject().value(u"name").toString());
        if (ourColumns != theirColumns) {
            problems.append(
                u"%1 columns: Retort %2, SQLAlchemy %3"_s.arg(where, ourColumns.join(u','), theirColumns.join(u',')));
            continue;
        }
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QJsonObject c = columns.at(i).toObject();
            const SchemaColumn &column = mine->columns.at(i);
            const QString at = where + u'.' + column.name;
            if (c.value(u"nullable").toBool() != column.nullable)
                problems.append(u"%1 nullable: Retort %2"_s.arg(at).arg(column.nullable));
            if (const QJsonValue autoincrement = c.value(u"autoincrement");
                autoincrement.isBool() && autoincrement.toBool() != column.autoincrement)
                problems.append(u"%1 autoincrement: Retort %2"_s.arg(at).arg(column.autoincrement));
            if (const QJsonValue type = c.value(u"type"); type.isString()) {
                if (column.type.name == u"ENUM" && !column.type.enumName.isEmpty()) {
                    // SQLAlchemy compiles a PostgreSQL enum to its type's name.
                    if (type.toString() != column.type.enumName)
                        problems.append(
                            u"%1 enum: Retort %2, SQLAlchemy %3"_s.arg(at, column.type.enumName, type.toString()));
                } else if (!(SqlType::parse(dialect, type.toString()) == column.type)) {
                    problems.append(u"%1 type: Retort %2, SQLAlchemy %3 (read as %4)"_s.arg(
                        at, column.type.text(), type.toString(), SqlType::parse(dialect, type.toString()).text()));
                }
            }
        }

        const QJsonObject pk = table.value(u"pk").toObject();
        if (strings(pk.value(u"columns")) != mine->primaryKey.columns ||
            pk.value(u"name").toString() != mine->primaryKey.name)
            problems.append(u"%1 primary key: Retort %2, SQLAlchemy %3"_s.arg(
                where, describe(mine->primaryKey.name, mine->primaryKey.columns),
                describe(pk.value(u"name").toString(), strings(pk.value(u"columns")))));

        QStringList ourFks;
        for (const SchemaForeignKey &fk : mine->foreignKeys) {
            const QString target = (fk.referredSchema.isEmpty() ? actualSchema(mine->schema) : fk.referredSchema) +
                                   u'.' + fk.referredTable;
            ourFks.append(describe(fk.name, fk.columns,
                                   u" -> %1(%2) ON DELETE %3 ON UPDATE %4"_s.arg(target, fk.referredColumns.join(u','),
                                                                                 fk.onDelete, fk.onUpdate)));
        }
        QStringList theirFks;
        for (const QJsonValue &item : table.value(u"fks").toArray()) {
            const QJsonObject fk = item.toObject();
            const QString schema =
                fk.value(u"referred_schema").isNull() ? defaultSchema : fk.value(u"referred_schema").toString();
            theirFks.append(describe(fk.value(u"name").toString(), strings(fk.value(u"columns")),
                                     u" -> %1(%2) ON DELETE %3 ON UPDATE %4"_s.arg(
                                         schema + u'.' + fk.value(u"referred_table").toString(),
                                         strings(fk.value(u"referred_columns")).join(u','),
                                         action(fk.value(u"ondelete")), action(fk.value(u"onupdate")))));
        }
        compareSets(where + u" foreign keys"_s, ourFks, theirFks, &problems);

        QStringList ourUniques;
        for (const SchemaUniqueConstraint &unique : mine->uniqueConstraints)
            ourUniques.append(describe(unique.name, unique.columns));
        QStringList theirUniques;
        QSet<QString> uniqueNames;
        for (const QJsonValue &item : table.value(u"uniques").toArray()) {
            const QJsonObject unique = item.toObject();
            theirUniques.append(describe(unique.value(u"name").toString(), strings(unique.value(u"columns"))));
            uniqueNames.insert(unique.value(u"name").toString());
        }
        compareSets(where + u" unique constraints"_s, ourUniques, theirUniques, &problems);

        // SQLAlchemy 1.4 skips expression indexes, and lists the indexes of unique constraints too.
        QStringList ourIndexes;
        for (const SchemaIndex &index : mine->indexes) {
            if (!index.hasExpressions)
                ourIndexes.append(describe(index.name, index.columns, index.unique ? u" UNIQUE"_s : QString()));
        }
        QStringList theirIndexes;
        for (const QJsonValue &item : table.value(u"indexes").toArray()) {
            const QJsonObject index = item.toObject();
            const QString indexName = index.value(u"name").toString();
            if (!index.value(u"duplicates_constraint").isNull())
                continue;
            if (dialect.kind() == SqlDialect::Kind::MySQL && uniqueNames.contains(indexName))
                continue;
            theirIndexes.append(describe(indexName, strings(index.value(u"columns")),
                                         index.value(u"unique").toBool() ? u" UNIQUE"_s : QString()));
        }
        compareSets(where + u" indexes"_s, ourIndexes, theirIndexes, &problems);

        if (const QJsonValue checks = table.value(u"checks"); checks.isArray()) {
            QStringList ourChecks;
            for (const SchemaCheckConstraint &check : mine->checkConstraints)
                ourChecks.append(check.name);
            QStringList theirChecks;
            for (const QJsonValue &check : checks.toArray())
                theirChecks.append(check.toObject().value(u"name").toString());
            compareSets(where + u" checks"_s, ourChecks, theirChecks, &problems);
        }
    }
    compareSets(u"tables"_s, ourTables, theirTables, &problems);

    QStringList theirViews;
    for (const QJsonValue &value : theirs.value(u"views").toArray()) {
        const QJsonObject view = value.toObject();
        const QString schema = reportedSchema(view.value(u"schema"));
        theirViews.append(schema.isEmpty() ? view.value(u"name").toString()
                                           : schema + u'.' + view.value(u"name").toString());
    }
    compareSets(u"views"_s, ours.views, theirViews, &problems);

    QStringList ourEnums;
    for (const SchemaEnum &e : ours.enums)
        ourEnums.append(describe(actualSchema(e.schema) + u'.' + e.name, e.values));
    QStringList theirEnums;
    for (const QJsonValue &value : theirs.value(u"enums").toArray()) {
        const QJsonObject e = value.toObject();
        const QString schema = e.value(u"schema").isNull() ? defaultSchema : e.value(u"schema").toString();
        theirEnums.append(describe(schema + u'.' + e.value(u"name").toString(), strings(e.value(u"labels"))));
    }
    theirEnums.removeDuplicates();
    compareSets(u"enums"_s, ourEnums, theirEnums, &problems);
    return problems;
}

} // namespace

// Run by hand without the fixture: the server rows have nothing to inspect. Run by CTest without it: the
// fixture is broken, which must not pass silently.
#define REQUIRE_BACKEND(backend)                                                                                       \
    do {                                                                                                               \
        if ((backend) != sqlite && TestDatabases::serversEnvPath().isEmpty())                                          \
            QSKIP(qPrintable(TestDatabases::unavailableReason()));                                                     \
        if ((backend) != sqlite && !TestDatabases::available())                                                        \
            QFAIL(qPrintable(TestDatabases::unavailableReason()));                                                     \
    } while (false)

class TestSchemaInspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void matchesSqlAlchemy_data();
    void matchesSqlAlchemy();
    void details_data();
    void details();
    void emptyDatabase_data();
    void emptyDatabase();
    void versionTableByName_data();
    void versionTableByName();
    void withoutVersionTable();
    void errorsNameTheUrl();
    void normalizedSql_data();
    void normalizedSql();

private:
    void addBackendRows();
    /// The URL of @p backend's fixture database (created on first use), or of its empty one.
    QString url(const QString &backend, bool empty = false);
    std::shared_ptr<DatabaseConnection> open(const QString &url);
    Schema inspected(const QString &backend, const QStringList &schemas = {});

    QTemporaryDir m_dir;
    QHash<QString, QString> m_urls;
    bool m_postgresCreated = false;
    bool m_mariadbCreated = false;
};

void TestSchemaInspector::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Without SQLAlchemy there is nothing to compare with: a failure, never a skip.
    QProcess probe;
    probe.start(python(), {u"-c"_s, u"import sqlalchemy, psycopg2, pymysql; print(sqlalchemy.__version__)"_s});
    QVERIFY2(probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
             qPrintable(u"%1 cannot import sqlalchemy, psycopg2 and pymysql: %2 %3"_s.arg(
                 python(), probe.errorString(), QString::fromUtf8(probe.readAllStandardError()))));
    // Debian 12 has 1.4, Debian 13 2.0; their inspectors agree on what is compared here.
    const QByteArray version = probe.readAllStandardOutput();
    QVERIFY2(version.startsWith("1.4") || version.startsWith("2."), "the oracle is SQLAlchemy 1.4 or 2");
}

void TestSchemaInspector::cleanupTestCase()
{
    if (m_postgresCreated) {
        if (Result<std::shared_ptr<DatabaseConnection>> c =
                DatabaseConnection::open(TestDatabases::postgresUrl(), {})) {
            execSql(c.value()->database(), u"SET client_min_messages = warning"_s);
            const QString error = execSql(c.value()->database(),
                                          u"DROP SCHEMA IF EXISTS %1, %2, %3 CASCADE"_s.arg(pgMain, pgOther, pgEmpty));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }
    if (m_mariadbCreated) {
        const QString error =
            mariadbRoot(u"DROP DATABASE IF EXISTS %1; DROP DATABASE IF EXISTS %2"_s.arg(myMain, myEmpty));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestSchemaInspector::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : {sqlite, postgres, mariadb})
        QTest::newRow(qPrintable(backend)) << backend;
}

QString TestSchemaInspector::url(const QString &backend, bool empty)
{
    const QString key = backend + (empty ? u"-empty"_s : QString());
    if (m_urls.contains(key))
        return m_urls.value(key);
    QString error;
    QString created;
    if (backend == sqlite) {
        const QString file = m_dir.filePath(empty ? u"empty.db"_s : u"fixture.db"_s);
        created = u"sqlite:///"_s + file;
        if (empty) {
            // Opening creates the file: a database with nothing in it.
            if (!DatabaseConnection::open(created, {}))
                error = u"cannot create "_s + file;
        } else {
            runFixture({u"create"_s, created}, &error);
        }
    } else if (backend == postgres) {
        if (!m_postgresCreated) {
            Result<std::shared_ptr<DatabaseConnection>> c = DatabaseConnection::open(TestDatabases::postgresUrl(), {});
            if (!c) {
                error = c.error();
            } else {
                m_postgresCreated = true;
                execSql(c.value()->database(), u"SET client_min_messages = warning"_s); // no NOTICE on stderr
                const QStringList statements = {
                    u"DROP SCHEMA IF EXISTS %1, %2, %3 CASCADE"_s.arg(pgMain, pgOther, pgEmpty),
                    u"CREATE SCHEMA "_s + pgMain, u"CREATE SCHEMA "_s + pgOther, u"CREATE SCHEMA "_s + pgEmpty};
                for (const QString &sql : statements) {
                    if (error.isEmpty())
                        error = execSql(c.value()->database(), sql);
                }
            }
            if (error.isEmpty()) {
                runFixture(
                    {u"create"_s, TestDatabases::postgresUrl() + u"?options=-csearch_path%3D"_s + pgMain, pgOther},
                    &error);
            }
        }
        created = TestDatabases::postgresUrl() + u"?options=-csearch_path%3D"_s + (empty ? pgEmpty : pgMain);
    } else {
        if (!m_mariadbCreated) {
            m_mariadbCreated = true;
            QString grants;
            for (const QString &database : {myMain, myEmpty}) {
                for (const QString &host : {u"127.0.0.1"_s, u"localhost"_s})
                    grants += u"GRANT ALL PRIVILEGES ON %1.* TO 'retort'@'%2'; "_s.arg(database, host);
            }
            error = mariadbRoot(u"DROP DATABASE IF EXISTS %1; DROP DATABASE IF EXISTS %2; CREATE DATABASE %1 "
                                u"CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE DATABASE %2; %3"_s.arg(
                                    myMain, myEmpty, grants));
            QString base = TestDatabases::mariadbUrl();
            base.truncate(base.lastIndexOf(u'/') + 1);
            if (error.isEmpty())
                runFixture({u"create"_s, base + myMain}, &error);
        }
        QString base = TestDatabases::mariadbUrl();
        base.truncate(base.lastIndexOf(u'/') + 1);
        created = base + (empty ? myEmpty : myMain);
    }
    if (!error.isEmpty()) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return {};
    }
    m_urls.insert(key, created);
    return created;
}

std::shared_ptr<DatabaseConnection> TestSchemaInspector::open(const QString &databaseUrl)
{
    Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(databaseUrl, {});
    if (!connection) {
        QTest::qFail(qPrintable(connection.error()), __FILE__, __LINE__);
        return {};
    }
    return connection.value();
}

Schema TestSchemaInspector::inspected(const QString &backend, const QStringList &schemas)
{
    const QString databaseUrl = url(backend);
    if (databaseUrl.isEmpty())
        return {};
    const std::shared_ptr<DatabaseConnection> connection = open(databaseUrl);
    if (!connection)
        return {};
    const Result<Schema> schema = SchemaInspector::inspect(*connection, VersionTableName(), schemas);
    if (!schema) {
        QTest::qFail(qPrintable(schema.error()), __FILE__, __LINE__);
        return {};
    }
    return schema.value();
}

void TestSchemaInspector::matchesSqlAlchemy_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QStringList>("schemas");
    QTest::newRow("sqlite") << sqlite << QStringList();
    QTest::newRow("postgres") << postgres << QStringList();
    QTest::newRow("postgres two schemas") << postgres << QStringList{pgMain, pgOther};
    QTest::newRow("mariadb") << mariadb << QStringList();
}

void TestSchemaInspector::matchesSqlAlchemy()
{
    QFETCH(QString, backend);
    REQUIRE_BACKEND(backend);
    QFETCH(QStringList, schemas);
    const Schema schema = inspected(backend, schemas);
    if (QTest::currentTestFailed())
        return;
    // SQLAlchemy reads the default schema always, the others when named.
    QStringList others = schemas;
    others.removeAll(pgMain);
    QString error;
    const QByteArray json = runFixture(QStringList{u"inspect"_s, url(backend)} + others, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QVERIFY2(document.isObject(), qPrintable(parseError.errorString()));

    QVERIFY(schema.tables.size() >= 4);
    QVERIFY(!schema.table({}, u"alembic_version"_s));
    const QStringList problems = differences(schema, document.object());
    if (qEnvironmentVariableIntValue("RETORT_TEST_DUMP_SCHEMA"))
        qInfo().noquote() << dump(schema) << "\n" << json;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n') + u"\nRetort's schema:\n"_s + dump(schema)));
}

void TestSchemaInspector::details_data()
{
    addBackendRows();
}

void TestSchemaInspector::details()
{
    QFETCH(QString, backend);
    REQUIRE_BACKEND(backend);
    const Schema schema = inspected(backend, backend == postgres ? QStringList{pgMain, pgOther} : QStringList());
    if (QTest::currentTestFailed())
        return;
    const bool pg = backend == postgres;
    const bool my = backend == mariadb;
    const bool lite = backend == sqlite;

    const SchemaTable *parent = schema.table({}, u"si_parent"_s);
    QVERIFY(parent);
    const auto column = [&](const SchemaTable *table, const QString &name) {
        const SchemaColumn *found = table->column(name);
        if (!found)
            qWarning() << "no column" << name << "in" << table->name;
        return found ? *found : SchemaColumn();
    };
    // Types in one spelling.
    QCOMPARE(column(parent, u"name"_s).type.text(), u"VARCHAR(50)"_s);
    QCOMPARE(column(parent, u"price"_s).type.text(), u"NUMERIC(10, 2)"_s);
    QCOMPARE(column(parent, u"active"_s).type.text(), u"BOOLEAN"_s);
    QCOMPARE(column(parent, u"initials"_s).type.text(), u"CHAR(3)"_s);
    QCOMPARE(column(parent, u"created"_s).type.text(), pg ? u"TIMESTAMP"_s : u"DATETIME"_s);
    QCOMPARE(column(parent, u"ratio"_s).type.text(), pg ? u"DOUBLE PRECISION"_s : u"FLOAT"_s);
    QCOMPARE(column(parent, u"mood"_s).type.text(), pg   ? u"si_mood ENUM('happy', 'sad', 'it''s')"_s
                                                    : my ? u"ENUM('happy', 'sad', 'it''s')"_s
                                                         : u"VARCHAR(5)"_s);
    QCOMPARE(column(parent, u"data"_s).type.text(), pg ? u"BYTEA"_s : u"BLOB"_s);
    QCOMPARE(column(parent, u"doc"_s).type.text(), my ? u"LONGTEXT"_s : u"JSON"_s); // MariaDB's JSON is an alias
    if (pg) {
        QCOMPARE(column(parent, u"tags"_s).type.text(), u"INTEGER[]"_s);
        QCOMPARE(column(parent, u"stamp_tz"_s).type.text(), u"TIMESTAMP WITH TIME ZONE"_s);
        QCOMPARE(column(parent, u"span"_s).type.text(), u"INTERVAL"_s);
        QCOMPARE(column(parent, u"uid"_s).type.text(), u"UUID"_s);
        QCOMPARE(column(parent, u"body"_s).type.text(), u"JSONB"_s);
        QCOMPARE(column(parent, u"real_value"_s).type.text(), u"REAL"_s);
    }

    // Defaults, normalised; nullability.
    QCOMPARE(column(parent, u"name"_s).serverDefault, u"'anon'"_s);
    QCOMPARE(column(parent, u"price"_s).serverDefault, my ? u"0.00"_s : u"0"_s); // MariaDB formats it
    QCOMPARE(column(parent, u"active"_s).serverDefault, pg ? u"true"_s : u"1"_s);
    QCOMPARE(column(parent, u"created"_s).serverDefault, my ? u"current_timestamp()"_s : u"CURRENT_TIMESTAMP"_s);
    QCOMPARE(column(parent, u"notes"_s).serverDefault, QString());
    QVERIFY(!column(parent, u"name"_s).nullable);
    QVERIFY(column(parent, u"notes"_s).nullable);
    const SchemaTable *mixed = schema.table({}, u"SiMixed"_s);
    QVERIFY(mixed);
    QCOMPARE(column(mixed, u"order"_s).serverDefault, lite ? u"'5'"_s : u"5"_s);
    QCOMPARE(mixed->primaryKey.columns, QStringList{u"Id"_s});
    QCOMPARE(mixed->uniqueConstraints.size(), 1);
    QCOMPARE(mixed->uniqueConstraints.constFirst().columns, QStringList{u"Display Name"_s});

    // Autoincrement: the serial / AUTO_INCREMENT / rowid key, its sequence default gone; not a composite key.
    QVERIFY(column(parent, u"id"_s).autoincrement);
    QCOMPARE(column(parent, u"id"_s).serverDefault, QString());
    const SchemaTable *child = schema.table({}, u"si_child"_s);
    QVERIFY(child);
    QVERIFY(!column(child, u"seq"_s).autoincrement);
    QVERIFY(!column(child, u"parent_id"_s).autoincrement);
    QCOMPARE(child->primaryKey.columns, QStringList({u"parent_id"_s, u"seq"_s}));
    if (pg) {
        const SchemaTable *ident = schema.table({}, u"si_ident"_s);
        QVERIFY(ident);
        QVERIFY(column(ident, u"id"_s).autoincrement);
        QCOMPARE(column(ident, u"id"_s).serverDefault, QString());
        QCOMPARE(column(ident, u"id"_s).type.text(), u"BIGINT"_s);
    }

    // Checks, unique constraints, indexes.
    QCOMPARE(parent->checkConstraints.size(), 1);
    QCOMPARE(parent->checkConstraints.constFirst().name, u"ck_si_parent_price"_s);
    QVERIFY2(parent->checkConstraints.constFirst().sqlText.contains(u"price"_s),
             qPrintable(parent->checkConstraints.constFirst().sqlText));
    QCOMPARE(parent->uniqueConstraints.size(), 1);
    QCOMPARE(parent->uniqueConstraints.constFirst().name, u"uq_si_parent_code"_s);
    QCOMPARE(parent->uniqueConstraints.constFirst().columns, QStringList{u"code"_s});
    QCOMPARE(child->uniqueConstraints.size(), my ? 2 : 1); // MySQL: every unique index is a constraint
    const auto index = [](const SchemaTable *table, const QString &name) {
        for (const SchemaIndex &i : table->indexes) {
            if (i.name == name)
                return i;
        }
        return SchemaIndex();
    };
    QCOMPARE(index(parent, u"ix_si_parent_name_created"_s).columns, QStringList({u"name"_s, u"created"_s}));
    QVERIFY(!index(parent, u"ix_si_parent_name_created"_s).unique);
    if (!my) {
        QVERIFY(index(child, u"ix_si_child_b_label"_s).unique);
        const SchemaIndex expression = index(parent, u"ix_si_parent_lower_name"_s);
        QVERIFY(expression.hasExpressions);
        QCOMPARE(expression.columns.size(), 1);
        QVERIFY2(expression.columns.constFirst().startsWith(u"(lower("_s), qPrintable(expression.columns.join(u',')));
        const SchemaIndex partial = index(child, u"ix_si_child_partial"_s);
        QCOMPARE(partial.columns, QStringList{u"a"_s});
        QCOMPARE(partial.where, u"a > 10"_s);
    }
    QCOMPARE(index(child, u"ix_si_child_label"_s).where, QString());

    // Foreign keys: actions, composite keys, names where written.
    const SchemaTable *grandchild = schema.table({}, u"si_grandchild"_s);
    QVERIFY(grandchild);
    QCOMPARE(grandchild->foreignKeys.size(), 2);
    bool composite = false;
    bool owner = false;
    for (const SchemaForeignKey &fk : grandchild->foreignKeys) {
        if (fk.referredTable == u"si_child") {
            composite = true;
            QCOMPARE(fk.columns, QStringList({u"parent_id"_s, u"seq"_s}));
            QCOMPARE(fk.referredColumns, QStringList({u"parent_id"_s, u"seq"_s}));
            QCOMPARE(fk.onDelete, u"CASCADE"_s);
            QCOMPARE(fk.onUpdate, QString());
        } else {
            owner = true;
            QCOMPARE(fk.referredTable, u"si_parent"_s);
            QCOMPARE(fk.onDelete, u"SET NULL"_s);
            QCOMPARE(fk.onUpdate, u"CASCADE"_s);
        }
        QCOMPARE(fk.referredSchema, QString());
    }
    QVERIFY(composite && owner);
    QCOMPARE(child->foreignKeys.size(), 1);
    QCOMPARE(child->foreignKeys.constFirst().name, u"fk_si_child_parent"_s);

    QCOMPARE(schema.views, QStringList{u"si_view"_s});
    if (pg) {
        QCOMPARE(schema.enums.size(), 1);
        QCOMPARE(schema.enums.constFirst().schema, QString());
        QCOMPARE(schema.enums.constFirst().name, u"si_mood"_s);
        QCOMPARE(schema.enums.constFirst().values, QStringList({u"happy"_s, u"sad"_s, u"it's"_s}));
        // The second schema: named; a key into the default schema names it, one within its own does not.
        const SchemaTable *remote = schema.table(pgOther, u"si_remote"_s);
        QVERIFY(remote);
        QCOMPARE(remote->foreignKeys.size(), 1);
        QCOMPARE(remote->foreignKeys.constFirst().referredSchema, pgMain);
        const SchemaTable *remoteChild = schema.table(pgOther, u"si_remote_child"_s);
        QVERIFY(remoteChild);
        QCOMPARE(remoteChild->foreignKeys.constFirst().referredSchema, QString());
        QCOMPARE(remoteChild->foreignKeys.constFirst().referredTable, u"si_remote"_s);
        // Only the second schema: a key into a table that is not inspected still names its columns.
        const Schema other = inspected(backend, {pgOther});
        QCOMPARE(other.tables.size(), 2);
        QCOMPARE(other.tables.constFirst().schema, pgOther);
        const SchemaForeignKey outward = other.tables.constFirst().foreignKeys.value(0);
        QCOMPARE(outward.referredSchema, pgMain);
        QCOMPARE(outward.referredTable, u"si_parent"_s);
        QCOMPARE(outward.referredColumns, QStringList{u"id"_s});
        QVERIFY(other.enums.isEmpty());
        QVERIFY(other.views.isEmpty());
    } else {
        QVERIFY(schema.enums.isEmpty());
    }
    // Sorted by (schema, name).
    for (qsizetype i = 1; i < schema.tables.size(); ++i) {
        const SchemaTable &a = schema.tables.at(i - 1);
        const SchemaTable &b = schema.tables.at(i);
        QVERIFY(std::tie(a.schema, a.name) < std::tie(b.schema, b.name));
    }
}

void TestSchemaInspector::emptyDatabase_data()
{
    addBackendRows();
}

void TestSchemaInspector::emptyDatabase()
{
    QFETCH(QString, backend);
    REQUIRE_BACKEND(backend);
    const QString databaseUrl = url(backend, true);
    if (databaseUrl.isEmpty())
        return;
    const std::shared_ptr<DatabaseConnection> connection = open(databaseUrl);
    QVERIFY(connection);
    const Result<Schema> schema = SchemaInspector::inspect(*connection, VersionTableName());
    QVERIFY2(schema, qPrintable(schema.error()));
    QVERIFY(schema->tables.isEmpty());
    QVERIFY(schema->views.isEmpty());
    QVERIFY(schema->enums.isEmpty());
    QCOMPARE(schema->dialect, connection->dialect());
}

void TestSchemaInspector::versionTableByName_data()
{
    addBackendRows();
}

void TestSchemaInspector::versionTableByName()
{
    // Another version table configured: alembic_version is an ordinary table then.
    QFETCH(QString, backend);
    REQUIRE_BACKEND(backend);
    const QString databaseUrl = url(backend);
    if (databaseUrl.isEmpty())
        return;
    const std::shared_ptr<DatabaseConnection> connection = open(databaseUrl);
    QVERIFY(connection);
    VersionTableName other;
    other.table = u"si_versions"_s;
    const Result<Schema> schema = SchemaInspector::inspect(*connection, other);
    QVERIFY2(schema, qPrintable(schema.error()));
    const SchemaTable *version = schema->table({}, u"alembic_version"_s);
    QVERIFY(version);
    QCOMPARE(version->primaryKey.columns, QStringList{u"version_num"_s});
    // And a version table in another schema leaves the default schema's alone.
    other.table = u"alembic_version"_s;
    other.schema = u"si_elsewhere"_s;
    const Result<Schema> elsewhere = SchemaInspector::inspect(*connection, other);
    QVERIFY2(elsewhere, qPrintable(elsewhere.error()));
    QVERIFY(elsewhere->table({}, u"alembic_version"_s));
}

void TestSchemaInspector::withoutVersionTable()
{
    const QString databaseUrl = u"sqlite:///"_s + m_dir.filePath(u"plain.db"_s);
    const std::shared_ptr<DatabaseConnection> connection = open(databaseUrl);
    QVERIFY(connection);
    QCOMPARE(execSql(connection->database(),
                     u"CREATE TABLE plain (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                     u"note TEXT CONSTRAINT note_nonempty CHECK (length(note) > 0), ref INTEGER REFERENCES plain, "
                     u"tag TEXT CONSTRAINT tag_given NOT NULL UNIQUE)"_s),
             QString());
    const Result<Schema> schema = SchemaInspector::inspect(*connection, VersionTableName());
    QVERIFY2(schema, qPrintable(schema.error()));
    QCOMPARE(schema->tables.size(), 1); // not sqlite_sequence
    const SchemaTable &plain = schema->tables.constFirst();
    QCOMPARE(plain.name, u"plain"_s);
    QVERIFY(plain.column(u"id"_s)->autoincrement);
    QCOMPARE(plain.checkConstraints.size(), 1);
    QCOMPARE(plain.checkConstraints.constFirst().name, u"note_nonempty"_s);
    QCOMPARE(plain.checkConstraints.constFirst().sqlText, u"length(note) > 0"_s);
    QCOMPARE(plain.foreignKeys.size(), 1);
    QCOMPARE(plain.foreignKeys.constFirst().referredColumns, QStringList{u"id"_s}); // the key, unnamed
    // CONSTRAINT names the NOT NULL only; the UNIQUE after it has no name.
    QCOMPARE(plain.uniqueConstraints.size(), 1);
    QCOMPARE(plain.uniqueConstraints.constFirst().name, QString());
    QCOMPARE(plain.uniqueConstraints.constFirst().columns, QStringList{u"tag"_s});

    // An attached database is a schema of its own, named.
    QCOMPARE(execSql(connection->database(),
                     u"ATTACH DATABASE '%1' AS aux"_s.arg(m_dir.filePath(u"aux.db"_s).replace(u'\'', u"''"_s))),
             QString());
    QCOMPARE(execSql(connection->database(), u"CREATE TABLE aux.extra (code TEXT NOT NULL UNIQUE)"_s), QString());
    const Result<Schema> both = SchemaInspector::inspect(*connection, VersionTableName(), {u"main"_s, u"aux"_s});
    QVERIFY2(both, qPrintable(both.error()));
    QCOMPARE(both->tables.size(), 2);
    const SchemaTable *extra = both->table(u"aux"_s, u"extra"_s);
    QVERIFY(extra);
    QCOMPARE(extra->uniqueConstraints.size(), 1);
    QVERIFY(!extra->column(u"code"_s)->nullable);
    QVERIFY(both->table({}, u"plain"_s));
}

void TestSchemaInspector::errorsNameTheUrl()
{
    const QString databaseUrl = u"sqlite:///"_s + m_dir.filePath(u"plain.db"_s);
    const std::shared_ptr<DatabaseConnection> connection = open(databaseUrl);
    QVERIFY(connection);
    const Result<Schema> schema = SchemaInspector::inspect(*connection, VersionTableName(), {u"si_not_attached"_s});
    QVERIFY(!schema);
    QVERIFY2(schema.error().contains(connection->displayUrl()), qPrintable(schema.error()));
    QVERIFY2(schema.error().contains(u"si_not_attached"_s), qPrintable(schema.error()));
}

void TestSchemaInspector::normalizedSql_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("cast") << u"'x'::character varying"_s << u"'x'"_s;
    QTest::newRow("timestamp cast") << u"'2020-01-01 00:00:00'::timestamp without time zone"_s
                                    << u"'2020-01-01 00:00:00'"_s;
    QTest::newRow("cast with args") << u"'a'::character varying(20)[]"_s << u"'a'"_s;
    QTest::newRow("nested casts") << u"('now'::text)::date"_s << u"'now'"_s;
    QTest::newRow("null") << u"NULL::character varying"_s << QString();
    QTest::newRow("null bare") << u"null"_s << QString();
    QTest::newRow("parentheses") << u"((CURRENT_TIMESTAMP))"_s << u"CURRENT_TIMESTAMP"_s;
    QTest::newRow("not outer") << u"(a) + (b)"_s << u"(a) + (b)"_s;
    QTest::newRow("quoted colons") << u"'a::b'"_s << u"'a::b'"_s;
    QTest::newRow("function") << u"now()"_s << u"now()"_s;
    QTest::newRow("check") << u"((price >= (0)::numeric))"_s << u"price >= (0)"_s;
    QTest::newRow("string") << u"'it''s'"_s << u"'it''s'"_s;
    QTest::newRow("quoted type") << u"'a'::\"Mood\""_s << u"'a'"_s;
    QTest::newRow("cast then operator") << u"(a)::integer > 0"_s << u"(a) > 0"_s;
}

void TestSchemaInspector::normalizedSql()
{
    QFETCH(QString, sql);
    QFETCH(QString, normalized);
    QCOMPARE(SchemaInspector::normalizedSql(sql), normalized);
}

QTEST_GUILESS_MAIN(TestSchemaInspector)
#include "tst_schemainspector.moc"
