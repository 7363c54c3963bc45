// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// DatabaseJobs, the GUI's database work off its thread: reading and stamping a version table
// against real SQLite files in a temporary folder (relative paths against the config's folder, the
// table created by the first stamp, what a stamp wrote checked through a connection of the test's
// own), a read that must not create a missing file, a stamp refused when someone else changed the
// rows since the plan, and failures whose messages never contain the password. Stamps are planned
// with MigrationPlanner as the stamp dialog plans them: from the rows just read.

#include "database/databasejobs.h"
#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "revisionspecs.h"

#include <QFileInfo>
#include <QFuture>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabaseJobs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readMissingFile();
    void readDatabaseWithoutTable();
    void stampCreatesTableAndReadsBack();
    void stampOtherTable();
    void stampRefusesChangedRows();
    void invalidTableName();
    void failuresHideThePassword_data();
    void failuresHideThePassword();
    void concurrentReads();

private:
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

namespace {

// a1 ─ b2 ─ c3 ─┐
//   └─ d4 ──────┴ m5
const RevisionMap &history()
{
    static const RevisionMap map =
        RevisionMap::build(scriptsFromSpecs({u"a1"_s, u"b2:a1"_s, u"c3:b2"_s, u"d4:a1"_s, u"m5:c3,d4"_s}));
    return map;
}

template<typename T>
T wait(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

Result<DatabaseJobs::TableRead> read(const QString &url, const QString &baseDir, const VersionTableName &table = {})
{
    return wait(DatabaseJobs::read(url, baseDir, table));
}

/// A stamp of @p targets planned from the rows the table holds now, as the stamp dialog plans it.
Result<MigrationPlan> plan(const QStringList &targets, const QStringList &rows, bool purge = false)
{
    Result<MigrationPlan> plan = MigrationPlanner(history()).stamp(targets, rows, purge);
    if (plan)
        plan.value().rowsBefore = rows;
    return plan;
}

QStringList sorted(QStringList rows)
{
    rows.sort();
    return rows;
}

/// The rows of @p table in the SQLite file @p path, read through a connection of the test's own;
/// "(no table)" or "(error) …" otherwise.
QStringList rowsInFile(const QString &path, const QString &table = u"alembic_version"_s)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"test-check"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            rows = QStringList{u"(error) "_s + db.lastError().text()};
        } else if (!db.tables().contains(table)) {
            rows = QStringList{u"(no table)"_s};
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT version_num FROM "_s + table))
                rows = QStringList{u"(error) "_s + query.lastError().text()};
            while (query.next())
                rows.append(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(u"test-check"_s);
    return sorted(rows);
}

/// Runs @p sql on the SQLite file @p path; the error, or an empty string.
QString execute(const QString &path, const QString &sql)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"test-write"_s);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(u"test-write"_s);
    return error;
}

} // namespace

void TestDatabaseJobs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(history().isConsistent());
    QVERIFY(QSqlDatabase::isDriverAvailable(u"QSQLITE"_s));
}

void TestDatabaseJobs::readMissingFile()
{
    const Result<DatabaseJobs::TableRead> outcome = read(u"sqlite:///missing.db"_s, m_dir.path());
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().contains(u"does not exist"_s), qPrintable(outcome.error()));
    QVERIFY2(outcome.error().contains(file(u"missing.db"_s)), qPrintable(outcome.error()));
    QVERIFY(!QFileInfo::exists(file(u"missing.db"_s))); // reading never creates the file
}

void TestDatabaseJobs::readDatabaseWithoutTable()
{
    QCOMPARE(execute(file(u"empty.db"_s), u"CREATE TABLE unrelated (x INTEGER)"_s), QString());
    const Result<DatabaseJobs::TableRead> outcome = read(u"sqlite:///empty.db"_s, m_dir.path());
    QVERIFY2(outcome.ok(), qPrintable(outcome.error()));
    QVERIFY(outcome.error().isEmpty());
    QVERIFY(!outcome->rows.tableExists);
    QVERIFY(outcome->rows.rows.isEmpty());
    QCOMPARE(outcome->displayUrl, u"sqlite:///empty.db"_s);
    QCOMPARE(rowsInFile(file(u"empty.db"_s)), QStringList{u"(no table)"_s}); // reading wrote nothing
}

void TestDatabaseJobs::stampCreatesTableAndReadsBack()
{
    // A relative path is the config's folder's file; the first stamp creates file and table.
    const QString url = u"sqlite:///stamped.db"_s;
    const QString path = file(u"stamped.db"_s);
    QVERIFY(!QFileInfo::exists(path));
    QStringList rows;
    const QList<std::pair<QStringList, QStringList>> steps = {
        {{u"b2"_s}, {u"b2"_s}},                   // creates the table
        {{u"d4"_s}, {u"b2"_s, u"d4"_s}},          // a second branch
        {{u"heads"_s}, {u"m5"_s}},                // both branches merge
        {{u"base"_s}, {}},                        // empty again
        {{u"c3"_s, u"d4"_s}, {u"c3"_s, u"d4"_s}}, // two rows at once
    };
    for (const auto &[targets, expected] : steps) {
        const Result<MigrationPlan> stampPlan = plan(targets, rows);
        QVERIFY2(stampPlan, qPrintable(stampPlan.error()));
        const Result<QStringList> stamped =
            wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), stampPlan.value(), false));
        QVERIFY2(stamped.ok(), qPrintable(stamped.error()));
        QVERIFY(stamped.error().isEmpty());
        QCOMPARE(sorted(stamped.value()), expected);
        QCOMPARE(rowsInFile(path), expected);
        const Result<DatabaseJobs::TableRead> back = read(url, m_dir.path());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QVERIFY(back->rows.tableExists);
        QCOMPARE(sorted(back->rows.rows), expected);
        rows = back->rows.rows;
    }

    // A purge stamp empties the table first, whatever it holds.
    const Result<MigrationPlan> purge = plan({u"b2"_s}, {u"c3"_s, u"d4"_s}, true);
    QVERIFY2(purge, qPrintable(purge.error()));
    const Result<QStringList> purged =
        wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), purge.value(), true));
    QVERIFY2(purged.ok(), qPrintable(purged.error()));
    QCOMPARE(sorted(purged.value()), QStringList{u"b2"_s});
    QCOMPARE(rowsInFile(path), QStringList{u"b2"_s});
}

void TestDatabaseJobs::stampOtherTable()
{
    // An absolute path, another version table: the default one is not created.
    const QString path = file(u"custom.db"_s);
    const QString url = u"sqlite:///"_s + path;
    VersionTableName table;
    table.table = u"custom_version"_s;
    const Result<MigrationPlan> stampPlan = plan({u"a1"_s}, {});
    QVERIFY(stampPlan);
    const Result<QStringList> stamped = wait(DatabaseJobs::stamp(url, u"/nowhere"_s, table, stampPlan.value(), false));
    QVERIFY2(stamped.ok(), qPrintable(stamped.error()));
    QCOMPARE(rowsInFile(path, u"custom_version"_s), QStringList{u"a1"_s});
    QCOMPARE(rowsInFile(path), QStringList{u"(no table)"_s});
    const Result<DatabaseJobs::TableRead> custom = read(url, u"/nowhere"_s, table);
    QVERIFY(custom.ok());
    QCOMPARE(custom->rows.rows, QStringList{u"a1"_s});
    const Result<DatabaseJobs::TableRead> standard = read(url, u"/nowhere"_s);
    QVERIFY(standard.ok());
    QVERIFY(!standard->rows.tableExists);
}

void TestDatabaseJobs::stampRefusesChangedRows()
{
    const QString url = u"sqlite:///changed.db"_s;
    const QString path = file(u"changed.db"_s);
    const Result<MigrationPlan> first = plan({u"b2"_s}, {});
    QVERIFY(first);
    QVERIFY(wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), first.value(), false)).ok());

    // The dialog plans from b2; meanwhile a migration moves the table to d4.
    const Result<DatabaseJobs::TableRead> seen = read(url, m_dir.path());
    QCOMPARE(seen->rows.rows, QStringList{u"b2"_s});
    const Result<MigrationPlan> toC3 = plan({u"c3"_s}, seen->rows.rows);
    QVERIFY(toC3);
    QCOMPARE(execute(path, u"UPDATE alembic_version SET version_num = 'd4'"_s), QString());
    const Result<QStringList> refused =
        wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), toC3.value(), false));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(u"changed since"_s), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(u"d4"_s), qPrintable(refused.error())); // what it holds now
    QVERIFY2(refused.error().contains(u"Nothing was written"_s), qPrintable(refused.error()));
    QCOMPARE(rowsInFile(path), QStringList{u"d4"_s});

    // A purge does not make a stale plan acceptable either.
    const Result<MigrationPlan> purge = plan({u"c3"_s}, seen->rows.rows, true);
    QVERIFY(purge);
    const Result<QStringList> purgeRefused =
        wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), purge.value(), true));
    QVERIFY(!purgeRefused.ok());
    QCOMPARE(rowsInFile(path), QStringList{u"d4"_s});

    // Rows that are the same set in another order are not a change.
    QCOMPARE(execute(path, u"INSERT INTO alembic_version (version_num) VALUES ('b2')"_s), QString());
    const Result<MigrationPlan> same = plan({u"heads"_s}, {u"d4"_s, u"b2"_s});
    QVERIFY(same);
    const Result<QStringList> stamped =
        wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), same.value(), false));
    QVERIFY2(stamped.ok(), qPrintable(stamped.error()));
    QCOMPARE(rowsInFile(path), QStringList{u"m5"_s});
}

void TestDatabaseJobs::invalidTableName()
{
    QCOMPARE(execute(file(u"names.db"_s), u"CREATE TABLE unrelated (version_num VARCHAR(32))"_s), QString());
    VersionTableName table;
    table.table = u"alembic_version; DROP TABLE unrelated"_s;
    const Result<DatabaseJobs::TableRead> outcome = read(u"sqlite:///names.db"_s, m_dir.path(), table);
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().contains(u"not a plain SQL name"_s), qPrintable(outcome.error()));
    const Result<MigrationPlan> stampPlan = plan({u"a1"_s}, {});
    QVERIFY(stampPlan);
    const Result<QStringList> stamped =
        wait(DatabaseJobs::stamp(u"sqlite:///names.db"_s, m_dir.path(), table, stampPlan.value(), false));
    QVERIFY(!stamped.ok());
    QVERIFY(!stamped.error().isEmpty());
    QCOMPARE(rowsInFile(file(u"names.db"_s), u"unrelated"_s), QStringList()); // still there, still empty
    QCOMPARE(rowsInFile(file(u"names.db"_s)), QStringList{u"(no table)"_s});
}

void TestDatabaseJobs::failuresHideThePassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<bool>("connects"); ///< the failure is a connection's, which names the URL masked
    const QStringList secret = {u"Tiger123Pw"_s};
    QTest::newRow("unsupported dialect") << u"oracle://scott:Tiger123Pw@db.example/orcl"_s << secret << false;
    QTest::newRow("port out of range") << u"postgresql://scott:Tiger123Pw@127.0.0.1:99999/app"_s << secret << false;
    QTest::newRow("unparsable") << u"postgresql//scott:Tiger123Pw@127.0.0.1/app"_s << secret << false;
    // Nothing listens on port 1 of the loopback: refused at once.
    if (QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        QTest::newRow("postgresql refused") << u"postgresql://scott:Tiger123Pw@127.0.0.1:1/app"_s << secret << true;
        QTest::newRow("postgresql, unescaped @") << u"postgresql://scott:Tiger123Pw@Rest99@127.0.0.1:1/app"_s
                                                 << QStringList{u"Tiger123Pw"_s, u"Rest99"_s} << true;
    }
    if (QSqlDatabase::isDriverAvailable(u"QMYSQL"_s))
        QTest::newRow("mysql refused") << u"mysql+pymysql://scott:Tiger123Pw@127.0.0.1:1/app"_s << secret << true;
}

void TestDatabaseJobs::failuresHideThePassword()
{
    QFETCH(QString, url);
    QFETCH(QStringList, secrets);
    QFETCH(bool, connects);
    const Result<MigrationPlan> stampPlan = plan({u"a1"_s}, {});
    QVERIFY(stampPlan);
    const Result<DatabaseJobs::TableRead> readOutcome = read(url, m_dir.path());
    const Result<QStringList> stampOutcome =
        wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), stampPlan.value(), false));
    for (const QString &error : {readOutcome.error(), stampOutcome.error()}) {
        QVERIFY2(!error.isEmpty(), qPrintable(url));
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!error.contains(secret), qPrintable(error));
        if (connects)
            QVERIFY2(error.contains(u"***"_s), qPrintable(error)); // the URL, masked
    }
    QVERIFY(!readOutcome.ok());
    QVERIFY(!stampOutcome.ok());
}

void TestDatabaseJobs::concurrentReads()
{
    // Jobs run on a pool of their own; each opens and closes its own connection.
    const QString url = u"sqlite:///concurrent.db"_s;
    const Result<MigrationPlan> stampPlan = plan({u"c3"_s, u"d4"_s}, {});
    QVERIFY(stampPlan);
    QVERIFY(wait(DatabaseJobs::stamp(url, m_dir.path(), VersionTableName(), stampPlan.value(), false)).ok());
    QList<QFuture<Result<DatabaseJobs::TableRead>>> futures;
    for (int i = 0; i < 12; ++i)
        futures.append(DatabaseJobs::read(url, m_dir.path(), VersionTableName()));
    for (QFuture<Result<DatabaseJobs::TableRead>> &future : futures) {
        const Result<DatabaseJobs::TableRead> outcome = wait(future);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error()));
        QCOMPARE(sorted(outcome->rows.rows), (QStringList{u"c3"_s, u"d4"_s}));
    }
    QCOMPARE(QSqlDatabase::connectionNames(), QStringList()); // every job's connection is gone
}

QTEST_GUILESS_MAIN(TestDatabaseJobs)
#include "tst_databasejobs.moc"
