// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// retort-cli's schema commands on the sample project and a SQLite file upgraded by real alembic:
// `schema` reads the catalog, `diff` exits as diff(1) does and names each hand-made change, `match`
// finds the revision a wrongly stamped database is really at and says how to stamp it, `changes`
// says what one revision does, a database that cannot be read is an error, not a created file, and a
// schema of 1,000 tables is read whole.

#include <QDir>
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

class TestCliSchema : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void schemaReadsTheCatalog();
    void diffAgainstStampedAndRevisions();
    void handChangesAreNamed();
    void matchFindsWhereTheDatabaseIs();
    void changesOfOneRevision();
    void unreadableDatabases();
    void thousandTables();

private:
    Run run(const QString &program, const QStringList &args) const;
    Run cli(const QStringList &args) const { return run(QStringLiteral(RETORT_CLI_PATH), args); }
    Run alembic(const QStringList &args) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + args);
    }
    Run sql(const QString &statement) const
    {
        return run(QStringLiteral(RETORT_TEST_PYTHON),
                   {u"-c"_s,
                    u"import sqlite3, sys; c = sqlite3.connect('shop.db'); c.execute(sys.argv[1]); c.commit()"_s,
                    statement});
    }
    QTemporaryDir m_dir;
    QString m_project;
};

Run TestCliSchema::run(const QString &program, const QStringList &args) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_project);
    process.start(program, args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliSchema::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(u"shop"_s);
    const QString sample = QStringLiteral(RETORT_SOURCE_DIR "/resources/sample");
    QVERIFY(QDir().mkpath(m_project + u"/migrations/versions"_s));
    QVERIFY(QFile::copy(sample + u"/alembic.ini"_s, m_project + u"/alembic.ini"_s));
    QVERIFY(QFile::copy(sample + u"/migrations/env.py"_s, m_project + u"/migrations/env.py"_s));
    const QDir versions(sample + u"/migrations/versions"_s);
    for (const QString &file : versions.entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(versions.filePath(file), m_project + u"/migrations/versions/"_s + file));
    const Run upgrade = alembic({u"upgrade"_s, u"heads"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.err));
}

void TestCliSchema::schemaReadsTheCatalog()
{
    const Run text = cli({u"schema"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(u"\ncustomers\n  id INTEGER NOT NULL AUTOINCREMENT\n"_s), qPrintable(text.out));
    const Run json = cli({u"schema"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QStringList tables;
    for (const QJsonValue &table : QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"tables"_s).toArray())
        tables.append(table.toObject().value(u"name"_s).toString());
    QVERIFY2(tables.contains(u"gift_cards"_s) && tables.contains(u"audit_events"_s), qPrintable(tables.join(u' ')));
    QVERIFY(!tables.contains(u"alembic_version"_s));
}

void TestCliSchema::diffAgainstStampedAndRevisions()
{
    const Run same = cli({u"diff"_s});
    QCOMPARE(same.exitCode, 0);
    QVERIFY2(same.out.contains(u"No differences."_s), qPrintable(same.out));
    // The sample's data migrations (UPDATE … in op.execute) change no schema: nothing approximate.
    QVERIFY2(!same.out.contains(u"Approximate"_s), qPrintable(same.out));
    const Run older = cli({u"diff"_s, u"--against"_s, u"3b3a0aac0a27"_s});
    QCOMPARE(older.exitCode, 1);
    QVERIFY2(older.out.contains(u"+ table gift_cards"_s), qPrintable(older.out));
    const Run unknown = cli({u"diff"_s, u"--against"_s, u"nosuchrev"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(u"nosuchrev"_s), qPrintable(unknown.err));
}

void TestCliSchema::handChangesAreNamed()
{
    QCOMPARE(sql(u"ALTER TABLE customers ADD COLUMN hotfix INTEGER"_s).exitCode, 0);
    QCOMPARE(sql(u"DROP INDEX ix_orders_status"_s).exitCode, 0);
    const Run drift = cli({u"diff"_s, u"--json"_s});
    QCOMPARE(drift.exitCode, 1);
    QStringList lines;
    for (const QJsonValue &d : QJsonDocument::fromJson(drift.out.toUtf8()).object().value(u"differences"_s).toArray())
        lines.append(d.toObject().value(u"text"_s).toString());
    QCOMPARE(lines,
             (QStringList{u"+ column customers.hotfix INTEGER"_s, u"- index ix_orders_status on orders (status)"_s}));
    QCOMPARE(sql(u"ALTER TABLE customers DROP COLUMN hotfix"_s).exitCode, 0);
    QCOMPARE(sql(u"CREATE INDEX ix_orders_status ON orders (status)"_s).exitCode, 0);
    QCOMPARE(cli({u"diff"_s}).exitCode, 0);
}

void TestCliSchema::matchFindsWhereTheDatabaseIs()
{
    const Run atHeads = cli({u"match"_s});
    QCOMPARE(atHeads.exitCode, 0);
    QVERIFY2(atHeads.out.contains(u"The database matches its stamped revisions."_s), qPrintable(atHeads.out));

    // Stamped at the wrong revision: the schema says where it is.
    QCOMPARE(alembic({u"downgrade"_s, u"base"_s}).exitCode, 0);
    QCOMPARE(alembic({u"upgrade"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"1baec2253d83"_s}).exitCode, 0);
    const Run wrong = cli({u"match"_s, u"--json"_s});
    QCOMPARE(wrong.exitCode, 0);
    const QJsonArray matches = QJsonDocument::fromJson(wrong.out.toUtf8()).object().value(u"matches"_s).toArray();
    QVERIFY(!matches.isEmpty());
    QCOMPARE(matches.first().toObject().value(u"distance"_s).toInt(), 0);
    // 9ccc6cd9d6d2 (a merge) and b476ff785737 (a data migration) change no schema: the older is proposed.
    QCOMPARE(matches.first().toObject().value(u"revision"_s).toString(), u"9ccc6cd9d6d2"_s);
    QCOMPARE(matches.at(1).toObject().value(u"revision"_s).toString(), u"b476ff785737"_s);
    const Run text = cli({u"match"_s});
    QVERIFY2(text.out.contains(u"retort-cli stamp --purge "_s) && text.out.contains(u"retort-cli upgrade heads"_s),
             qPrintable(text.out));
    QCOMPARE(alembic({u"stamp"_s, u"--purge"_s, u"9ccc6cd9d6d2"_s}).exitCode, 0);
    QCOMPARE(alembic({u"upgrade"_s, u"heads"_s}).exitCode, 0);
}

void TestCliSchema::changesOfOneRevision()
{
    const Run rename = cli({u"changes"_s, u"43be28eee936"_s});
    QCOMPARE(rename.exitCode, 0);
    QVERIFY2(rename.out.contains(u"- column customers.name"_s) &&
                 rename.out.contains(u"+ column customers.full_name"_s),
             qPrintable(rename.out));
    const Run merge = cli({u"changes"_s, u"9ccc6cd9d6d2"_s, u"--dialect"_s, u"postgresql"_s});
    QCOMPARE(merge.exitCode, 0);
    QVERIFY2(merge.out.contains(u"no schema changes"_s), qPrintable(merge.out));
    const Run range = cli({u"changes"_s, u"base:1baec2253d83"_s, u"--json"_s});
    QCOMPARE(range.exitCode, 0);
    const QJsonArray changes = QJsonDocument::fromJson(range.out.toUtf8()).object().value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().toObject().value(u"text"_s).toString(), u"+ table customers"_s);
    QCOMPARE(cli({u"changes"_s, u"head"_s, u"--dialect"_s, u"oracle"_s}).exitCode, 1);
}

void TestCliSchema::unreadableDatabases()
{
    const QString missing = m_dir.filePath(u"missing.db"_s);
    const Run diff = cli({u"diff"_s, u"--url"_s, u"sqlite:///"_s + missing});
    QCOMPARE(diff.exitCode, 2);
    QVERIFY2(diff.err.startsWith(u"FAILED: "_s), qPrintable(diff.err));
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(cli({u"schema"_s, u"--url"_s, u"sqlite:///"_s + missing}).exitCode, 1);
    QVERIFY(!QFile::exists(missing));
    // An empty database: no tables, no version table; it is at base and matches it.
    const QString empty = m_dir.filePath(u"empty.db"_s);
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(cli({u"diff"_s, u"--url"_s, u"sqlite:///"_s + empty}).exitCode, 0);
    const Run match = cli({u"match"_s, u"--url"_s, u"sqlite:///"_s + empty});
    QVERIFY2(match.out.contains(u"The database matches its stamped revisions."_s), qPrintable(match.out));
}

void TestCliSchema::thousandTables()
{
    const QString big = m_dir.filePath(u"big.db"_s);
    const Run made = run(QStringLiteral(RETORT_TEST_PYTHON),
                         {u"-c"_s,
                          u"import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nfor i in range(1000):\n"
                          "    c.execute('CREATE TABLE t%d (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                          "parent INTEGER REFERENCES t%d (id))' % (i, max(i - 1, 0)))\n"
                          "    c.execute('CREATE INDEX ix_t%d_name ON t%d (name)' % (i, i))\nc.commit()"_s,
                          big});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const Run schema = cli({u"schema"_s, u"--json"_s, u"--url"_s, u"sqlite:///"_s + big});
    QCOMPARE(schema.exitCode, 0);
    const QJsonArray tables = QJsonDocument::fromJson(schema.out.toUtf8()).object().value(u"tables"_s).toArray();
    QCOMPARE(tables.size(), 1000);
    QCOMPARE(tables.first().toObject().value(u"indexes"_s).toArray().size(), 1);
    // Not under Alembic: compared with the empty base, every table is unexpected.
    const Run diff = cli({u"diff"_s, u"--json"_s, u"--url"_s, u"sqlite:///"_s + big});
    QCOMPARE(diff.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(diff.out.toUtf8()).object().value(u"differences"_s).toArray().size(), 1000);
}

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_clischema.moc"
