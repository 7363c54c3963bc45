// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Differential test of stamping on real databases: for random histories, random starting rows and
// random stamp targets, the rows Retort's native stamp (MigrationPlanner + VersionTable::stamp)
// leaves in a version table must equal, as a set, the rows `alembic stamp` leaves in an identical
// one (alembic_stamper.py, one Python process per backend, running alembic.command.stamp online).
// Either both succeed with the same rows (and both leave a table behind), or both fail. Where
// alembic fails with a FAILED: message, Retort's refusal must say the same.
//
// Where both succeed, the writes must be the same too, in the same order: alembic's are recorded by
// wrapping HeadMaintainer._insert_version / _delete_version / _update_version, Retort's are its
// plan's MigrationStep::ops, which VersionTable::stamp executes in that order. The same final set
// can come from different writes (a merge's rows walked in reversed order deletes the row alembic
// updates), so the sets alone do not show it.
//
// Normalisation of the writes: none. tst_randomhistories compares a step's writes only as sorted
// kinds, rows gone and rows come (AlembicOracle::mismatch), because a RevisionStep merge or unmerge
// picks its rows from list(set(...)), i.e. in Python hash order. command.stamp makes StampSteps only,
// whose merge deletes from_[:-1] and updates from_[-1], with from_ the rows as the SELECT returned
// them, filtered in that order (_stamp_revs): nothing there depends on hash order (with
// PYTHONHASHSEED 1 to 7 instead of 0, 720 cases with 76 merges gave the same writes), and that
// normalisation would hide exactly the reversed order. The one order alembic does not decide is the
// SELECT's: both sides record the rows they planned from ("read"), and where the two tables gave the
// same rows in different orders (PostgreSQL's heap order depends on which dead rows were pruned),
// Retort's plan is made again from alembic's order and its writes are compared with alembic's.
//
// Each backend gets its own histories and cases. The two sides write to different tables
// (different SQLite files), so alembic runs in its process while Retort runs here.
//
// Known deliberate differences (alembic-semantics.md) are listed in knownDifference(), each with
// its reason; a case they cover is counted and printed, never silently dropped.

#include "databaseservers.h"
#include "historygenerator.h"

#include "database/databaseconnection.h"
#include "database/versiontable.h"
#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "project/project.h"
#include "project/projectconfig.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString retortTable = u"stampdiff_retort"_s;
const QString alembicTable = u"stampdiff_alembic"_s;

struct StampCase
{
    QString rowsKind; ///< how the starting rows were chosen, for the summary
    QStringList rows;
    QStringList targets;
    bool purge = false;
    bool tableMissing = false; ///< start without a version table (rows empty)

    QString describe() const
    {
        return u"rows [%1] (%2)%3, stamp %4%5"_s.arg(rows.join(u", "_s), rowsKind,
                                                     tableMissing ? u", no table"_s : QString(), targets.join(u' '),
                                                     purge ? u" --purge"_s : QString());
    }
};

struct History
{
    QString versions;
    Project project;
    QList<StampCase> cases;
};

/// How a list of version-table writes is printed: "insert a, delete b, update c -> d".
QString describeOps(const QList<VersionTableOp> &ops)
{
    QStringList out;
    for (const VersionTableOp &op : ops) {
        switch (op.kind) {
        case VersionTableOp::Kind::Insert:
            out.append(u"insert "_s + op.to);
            break;
        case VersionTableOp::Kind::Delete:
            out.append(u"delete "_s + op.from);
            break;
        case VersionTableOp::Kind::Update:
            out.append(u"update %1 -> %2"_s.arg(op.from, op.to));
            break;
        }
    }
    return out.join(u", "_s);
}

/// Every write of @p plan, in the order VersionTable::stamp makes them.
QList<VersionTableOp> planOps(const MigrationPlan &plan)
{
    QList<VersionTableOp> ops;
    for (const MigrationStep &step : plan.steps)
        ops.append(step.ops);
    return ops;
}

/// What one side ended with.
struct Outcome
{
    enum class Kind
    {
        Rows,
        Refused,     ///< Retort's planner refused; alembic: any exception
        WriteFailed, ///< Retort planned, but VersionTable::stamp failed
        Broken,      ///< the test itself could not run the case (reset or read failed)
    };
    Kind kind = Kind::Rows;
    QStringList rows; ///< sorted
    bool tableExists = true;
    QString error;
    QStringList read;          ///< the rows the stamp planned from, in the order the SELECT gave them
    QList<VersionTableOp> ops; ///< the version-table writes, in order
    int mergeSteps = 0;        ///< Retort only: steps that merged several rows into one

    static Outcome failed(Kind kind, const QString &error)
    {
        Outcome outcome;
        outcome.kind = kind;
        outcome.tableExists = false;
        outcome.error = error;
        return outcome;
    }
    bool ok() const { return kind == Kind::Rows; }
    QString describe() const
    {
        switch (kind) {
        case Kind::Rows:
            return u"rows [%1]%2, read [%3], writes [%4]"_s.arg(
                rows.join(u", "_s), tableExists ? QString() : u" (no table)"_s, read.join(u", "_s), describeOps(ops));
        case Kind::Refused:
            return u"error: "_s + error;
        case Kind::WriteFailed:
            return u"write failed: "_s + error;
        case Kind::Broken:
            return u"test could not run the case: "_s + error;
        }
        return {};
    }
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool related(const RevisionMap &map, int a, int b)
{
    return map.isAncestorOfAny(a, {b}) || map.isAncestorOfAny(b, {a});
}

/// Starting rows as a version table may hold them: mostly consistent (no row implied by another),
/// now and then self-contradicting or naming a revision the project does not have.
StampCase startingRows(QRandomGenerator &random, const RevisionMap &map)
{
    StampCase c;
    auto anyRevision = [&] { return random.bounded(map.size()); };
    switch (random.bounded(13)) {
    case 0:
    case 1:
        c.rowsKind = u"empty"_s;
        c.tableMissing = random.bounded(3) == 0;
        break;
    case 2:
    case 3:
    case 4:
        c.rowsKind = u"one"_s;
        c.rows = map.ids({anyRevision()});
        break;
    case 5:
    case 6: {
        c.rowsKind = u"two branches"_s;
        const int a = anyRevision();
        c.rows = map.ids({a});
        for (int attempt = 0; attempt < 30; ++attempt) {
            const int b = anyRevision();
            if (!related(map, a, b)) {
                c.rows = map.ids({a, b});
                break;
            }
        }
        break;
    }
    case 7:
    case 8:
        c.rowsKind = u"heads"_s;
        c.rows = map.ids(map.realHeads());
        break;
    case 9:
    case 10: {
        c.rowsKind = u"antichain"_s;
        QList<int> picked;
        const int wanted = 1 + random.bounded(3);
        for (int attempt = 0; attempt < 20 && picked.size() < wanted; ++attempt) {
            const int r = anyRevision();
            bool free = true;
            for (int p : std::as_const(picked))
                free = free && !related(map, r, p);
            if (free)
                picked.append(r);
        }
        c.rows = map.ids(picked);
        break;
    }
    case 11: {
        // A row and one of its ancestors: a table that contradicts itself.
        c.rowsKind = u"row and ancestor"_s;
        const int r = anyRevision();
        QList<int> ancestors = map.ancestors({r});
        ancestors.removeAll(r);
        c.rows = map.ids({r});
        if (!ancestors.isEmpty())
            c.rows.append(map.ids({ancestors.at(random.bounded(int(ancestors.size())))}));
        break;
    }
    default:
        c.rowsKind = u"unknown row"_s;
        c.rows = map.ids({anyRevision()});
        c.rows.append(u"ffffffffffff"_s);
        break;
    }
    return c;
}

QString stampTarget(QRandomGenerator &random, const RevisionMap &map, const QStringList &labels)
{
    const QString id = map.revision(random.bounded(map.size())).id;
    auto anyLabel = [&] { return labels.at(random.bounded(int(labels.size()))); };
    switch (random.bounded(12)) {
    case 0:
    case 1:
    case 2:
        return id;
    case 3:
        return id.left(4 + random.bounded(5)); // may be ambiguous: both sides must then refuse
    case 4:
        return u"heads"_s;
    case 5:
        // `head` needs a single head; ask with several now and then, where both must refuse.
        if (map.heads().size() == 1 || random.bounded(4) == 0)
            return u"head"_s;
        return u"heads"_s;
    case 6:
        return u"base"_s;
    case 7:
    case 8:
        return labels.isEmpty() ? id : anyLabel() + u"@head"_s;
    case 9:
        return labels.isEmpty() ? id : anyLabel();
    case 10:
        return labels.isEmpty() ? id.left(6) + u"@head"_s : anyLabel() + u"@base"_s;
    default:
        return id.left(6) + u"@head"_s;
    }
}

QList<StampCase> makeCases(QRandomGenerator &random, const RevisionMap &map, int count)
{
    QStringList labels;
    for (const Revision &r : map.revisions())
        labels.append(r.declaredBranchLabels);
    QList<StampCase> cases;
    for (int i = 0; i < count; ++i) {
        StampCase c = startingRows(random, map);
        c.targets = {stampTarget(random, map, labels)};
        if (random.bounded(5) == 0)
            c.targets.append(stampTarget(random, map, labels));
        c.purge = random.bounded(6) == 0;
        cases.append(c);
    }
    return cases;
}

QString quoted(const QSqlDatabase &db, const QString &name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::TableName);
}

QString exec(QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (values.isEmpty()) // QPSQL cannot PREPARE DDL
        return query.exec(sql) ? QString() : sql + u": "_s + query.lastError().text();
    if (!query.prepare(sql))
        return sql + u": "_s + query.lastError().text();
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec() ? QString() : sql + u": "_s + query.lastError().text();
}

/// Puts exactly @p c's starting rows into @p table, as alembic_stamper.py does on its side.
QString resetTable(QSqlDatabase &db, const QString &table, const StampCase &c)
{
    const QString t = quoted(db, table);
    if (c.tableMissing)
        return exec(db, u"DROP TABLE IF EXISTS "_s + t);
    QString error = exec(db, u"CREATE TABLE IF NOT EXISTS %1 (version_num VARCHAR(32) NOT NULL, CONSTRAINT %2 "
                             u"PRIMARY KEY (version_num))"_s.arg(t, quoted(db, table + u"_pkc"_s)));
    if (error.isEmpty())
        error = exec(db, u"DELETE FROM "_s + t);
    for (const QString &row : c.rows) {
        if (error.isEmpty())
            error = exec(db, u"INSERT INTO %1 (version_num) VALUES (?)"_s.arg(t), {row});
    }
    return error;
}

/// Retort's stamp, as `retort-cli stamp` does it: read, plan, write, read back.
Outcome retortStamp(QSqlDatabase &db, const RevisionMap &map, const StampCase &c)
{
    VersionTableName name;
    name.table = retortTable;
    if (const QString error = resetTable(db, retortTable, c); !error.isEmpty())
        return Outcome::failed(Outcome::Kind::Broken, error);
    const Result<VersionRows> before = VersionTable::read(db, name);
    if (!before)
        return Outcome::failed(Outcome::Kind::Broken, before.error());
    if (before->tableExists == c.tableMissing || sorted(before->rows) != sorted(c.rows))
        return Outcome::failed(Outcome::Kind::Broken, u"the table was not reset"_s);
    Result<MigrationPlan> plan = MigrationPlanner(map).stamp(c.targets, before->rows, c.purge);
    if (!plan)
        return Outcome::failed(Outcome::Kind::Refused, plan.error());
    plan.value().rowsBefore = before->rows;
    const Result<QStringList> written = VersionTable::stamp(db, name, plan.value(), c.purge);
    if (!written)
        return Outcome::failed(Outcome::Kind::WriteFailed, written.error());
    const Result<VersionRows> after = VersionTable::read(db, name);
    if (!after)
        return Outcome::failed(Outcome::Kind::Broken, after.error());
    Outcome outcome;
    outcome.rows = sorted(after->rows);
    outcome.tableExists = after->tableExists;
    if (outcome.rows != sorted(written.value()) || outcome.rows != plan->rows) {
        outcome.kind = Outcome::Kind::WriteFailed;
        outcome.error = u"VersionTable::stamp returned [%1], the plan said [%2]"_s.arg(written->join(u", "_s),
                                                                                       plan->rows.join(u", "_s));
        return outcome;
    }
    // As alembic's run_migrations: with purge the stamp plans from no rows.
    outcome.read = c.purge ? QStringList() : before->rows;
    outcome.ops = planOps(plan.value());
    for (const MigrationStep &step : std::as_const(plan->steps))
        outcome.mergeSteps += step.ops.size() > 1 ? 1 : 0; // a merge: deletes, then one update
    return outcome;
}

Outcome alembicOutcome(const QJsonObject &answer)
{
    if (answer.contains(u"error"_s))
        return Outcome::failed(Outcome::Kind::Refused, answer.value(u"error"_s).toString());
    auto strings = [](const QJsonValue &value) {
        QStringList out;
        for (const QJsonValue &v : value.toArray())
            out.append(v.toString());
        return out;
    };
    Outcome outcome;
    outcome.rows = sorted(strings(answer.value(u"rows"_s)));
    outcome.tableExists = answer.value(u"table_exists"_s).toBool();
    outcome.read = strings(answer.value(u"read"_s));
    for (const QJsonValue &value : answer.value(u"ops"_s).toArray()) {
        const QStringList op = strings(value);
        if (op.size() == 2 && op.first() == u"insert")
            outcome.ops.append({VersionTableOp::Kind::Insert, {}, op.at(1)});
        else if (op.size() == 2 && op.first() == u"delete")
            outcome.ops.append({VersionTableOp::Kind::Delete, op.at(1), {}});
        else if (op.size() == 3 && op.first() == u"update")
            outcome.ops.append({VersionTableOp::Kind::Update, op.at(1), op.at(2)});
        else
            return Outcome::failed(Outcome::Kind::Broken,
                                   u"alembic_stamper.py wrote an unknown write: "_s + op.join(u' '));
    }
    return outcome;
}

/// A deliberate difference documented in alembic-semantics.md that explains a disagreement, or an
/// empty string. Every entry must name its section and say why. None is needed against 1.8.1: the
/// one stamp Retort refuses on purpose (rows both above and below a destination, a table that
/// contradicts itself, §4.4 and §7.11) is the one where alembic stops on the assertion in
/// _stamp_revs, so both sides fail and the case counts as agreeing.
QString knownDifference(const StampCase &c, const Outcome &retort, const Outcome &alembic)
{
    Q_UNUSED(c);
    Q_UNUSED(retort);
    Q_UNUSED(alembic);
    return {};
}

} // namespace

class TestStampDifferential : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void compare_data();
    void compare();
    void cleanupTestCase();

private:
    QList<History> makeHistories(int backend);

    QTemporaryDir m_dir;
    QList<quint32> m_seeds;
    int m_histories = 30;
    QStringList m_summary;
};

void TestStampDifferential::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // RETORT_DIFFERENTIAL_SEED looks beyond the fixed seeds CI runs; RETORT_DIFFERENTIAL_HISTORIES
    // sets the number of histories per backend.
    bool fromEnvironment = false;
    const int seed = qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_SEED", &fromEnvironment);
    m_seeds = fromEnvironment ? QList<quint32>{quint32(seed)} : QList<quint32>{1, 2};
    if (qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_HISTORIES") > 0)
        m_histories = qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_HISTORIES");
}

QList<History> TestStampDifferential::makeHistories(int backend)
{
    QList<History> histories;
    const int perSeed = std::max(1, m_histories / int(m_seeds.size()));
    for (quint32 seed : std::as_const(m_seeds)) {
        for (int h = 0; h < perSeed; ++h) {
            HistoryGenerator generator(seed * 1000003u + quint32(backend) * 10007u + quint32(h));
            QRandomGenerator &random = generator.random();
            HistoryShape shape;
            shape.revisions = 8 + random.bounded(18);
            shape.maxBases = 1 + random.bounded(3);
            shape.newBase = 0.08;
            shape.merge = 0.05 + random.generateDouble() * 0.2;
            shape.dependsOn = random.generateDouble() * 0.25;
            shape.label = 0.05 + random.generateDouble() * 0.2;
            History history;
            history.versions = m_dir.filePath(u"b%1/s%2/h%3/versions"_s.arg(backend).arg(seed).arg(h));
            QString error;
            if (!generator.writeVersions(history.versions, generator.generate(shape), &error)) {
                qWarning("%s", qPrintable(error));
                return {};
            }
            history.project = Project::load(configForVersionsFolders({history.versions}));
            history.cases = makeCases(random, history.project.map(), 6);
            histories.append(history);
        }
    }
    return histories;
}

void TestStampDifferential::compare_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << 0;
    QTest::newRow("postgresql") << 1;
    QTest::newRow("mariadb") << 2;
}

void TestStampDifferential::compare()
{
    QFETCH(int, backend);
    const char *backendName = QTest::currentDataTag();
    QString retortUrl;
    QString alembicUrl;
    if (backend == 0) {
        retortUrl = u"sqlite:///"_s + m_dir.filePath(u"retort.db"_s);
        alembicUrl = u"sqlite:///"_s + m_dir.filePath(u"alembic.db"_s);
    } else {
        if (!TestDatabases::available())
            QSKIP(qPrintable(TestDatabases::unavailableReason()));
        retortUrl = alembicUrl = backend == 1 ? TestDatabases::postgresUrl() : TestDatabases::mariadbUrl();
    }
    QElapsedTimer timer;
    timer.start();

    const QList<History> histories = makeHistories(backend);
    QVERIFY(!histories.isEmpty());
    QJsonArray jobs;
    for (const History &history : histories) {
        QVERIFY2(!history.project.hasErrors(), qPrintable(history.versions));
        QJsonArray cases;
        for (const StampCase &c : history.cases) {
            cases.append(QJsonObject{{u"rows"_s, QJsonArray::fromStringList(c.rows)},
                                     {u"targets"_s, QJsonArray::fromStringList(c.targets)},
                                     {u"purge"_s, c.purge},
                                     {u"table_missing"_s, c.tableMissing}});
        }
        jobs.append(QJsonObject{{u"versions"_s, QJsonArray{history.versions}},
                                {u"url"_s, alembicUrl},
                                {u"table"_s, alembicTable},
                                {u"cases"_s, cases}});
    }

    const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(retortUrl, m_dir.path());
    QVERIFY2(connection, qPrintable(connection.error()));
    QSqlDatabase &db = connection.value()->database();
    QProcess stamper;
    // Whatever happens, the shared servers keep no tables of ours.
    const auto cleanup = qScopeGuard([&] {
        if (stamper.state() != QProcess::NotRunning) {
            stamper.kill();
            stamper.waitForFinished(5000);
        }
        exec(db, u"DROP TABLE IF EXISTS "_s + quoted(db, retortTable));
        if (backend != 0)
            exec(db, u"DROP TABLE IF EXISTS "_s + quoted(db, alembicTable));
    });
    if (backend == 0)
        exec(db, u"PRAGMA synchronous=OFF"_s); // a throwaway file, as alembic_stamper.py's
    if (backend == 1)
        exec(db, u"SET client_min_messages TO WARNING"_s); // no NOTICE for each IF [NOT] EXISTS
    exec(db, u"DROP TABLE IF EXISTS "_s + quoted(db, retortTable));

    // alembic works on its table in its process while Retort works on its own here.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONHASHSEED"_s, u"0"_s);
    stamper.setProcessEnvironment(env);
    stamper.start(QStringLiteral(RETORT_TEST_PYTHON),
                  {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/differential/alembic_stamper.py"_s});
    QVERIFY2(stamper.waitForStarted(), "The alembic interpreter (the oracle) cannot be started; run "
                                       "packaging/setup-debian.sh.");
    stamper.write(QJsonDocument(QJsonObject{{u"jobs"_s, jobs}}).toJson(QJsonDocument::Compact));
    stamper.closeWriteChannel();

    QList<Outcome> retort;
    for (const History &history : histories) {
        for (const StampCase &c : history.cases)
            retort.append(retortStamp(db, history.project.map(), c));
    }
    const qint64 retortMs = timer.elapsed();

    QVERIFY2(stamper.waitForFinished(300000), "alembic_stamper.py did not finish");
    const QByteArray errors = stamper.readAllStandardError();
    QVERIFY2(stamper.exitStatus() == QProcess::NormalExit && stamper.exitCode() == 0, errors.constData());
    const QList<QByteArray> lines = stamper.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), retort.size());

    int index = 0;
    int bothRows = 0;
    int changed = 0; ///< of those, stamps that changed the rows
    int bothFailed = 0;
    int sameWrites = 0;  ///< of the cases where both succeeded, those with the same writes in the same order
    int mergeWrites = 0; ///< of those, cases whose writes include a stamp merge (the order matters there)
    int readOrder = 0;   ///< cases where the two tables gave their rows in different orders
    QMap<QString, int> kinds;
    QMap<QString, int> failures; ///< alembic's exception classes where both failed
    QStringList mismatches;
    QStringList excused;
    for (const History &history : histories) {
        for (const StampCase &c : history.cases) {
            const Outcome &mine = retort.at(index);
            QJsonParseError parseError;
            const QJsonDocument answer = QJsonDocument::fromJson(lines.at(index), &parseError);
            QVERIFY2(answer.isObject(), qPrintable(parseError.errorString()));
            const Outcome theirs = alembicOutcome(answer.object());
            ++index;
            ++kinds[c.rowsKind];
            QString problem;
            QString theirWrites; ///< set where Retort's plan had to be made again from alembic's row order
            if (mine.kind == Outcome::Kind::Broken || mine.kind == Outcome::Kind::WriteFailed) {
                problem = mine.describe();
            } else if (theirs.kind == Outcome::Kind::Broken) {
                problem = theirs.describe();
            } else if (mine.ok() != theirs.ok()) {
                problem = u"one side failed"_s;
            } else if (mine.ok()) {
                QStringList differences;
                if (mine.rows != theirs.rows || mine.tableExists != theirs.tableExists)
                    differences.append(u"different rows"_s);
                else
                    ++bothRows;
                if (mine.rows != sorted(c.rows))
                    ++changed;
                // The writes, in order. A stamp merge deletes all but the last of the rows read and
                // updates the last, so the order follows the SELECT's. Where the two tables gave the
                // same rows in different orders, Retort's plan is made again from alembic's order.
                QList<VersionTableOp> myOps = mine.ops;
                if (sorted(mine.read) != sorted(theirs.read)) {
                    differences.append(u"different rows read"_s);
                } else if (mine.read != theirs.read) {
                    ++readOrder;
                    const Result<MigrationPlan> again =
                        MigrationPlanner(history.project.map()).stamp(c.targets, theirs.read, c.purge);
                    myOps = again ? planOps(again.value()) : QList<VersionTableOp>();
                    theirWrites = u"\n  retort, planned from alembic's order [%1]: %2"_s.arg(
                        theirs.read.join(u", "_s), again ? describeOps(myOps) : again.error());
                }
                if (myOps != theirs.ops) {
                    differences.append(u"different writes"_s);
                } else {
                    ++sameWrites;
                    mergeWrites += mine.mergeSteps > 0 ? 1 : 0;
                }
                problem = differences.join(u", "_s);
            } else {
                // alembic's FAILED: messages are the ones Retort's refusals repeat word for word.
                static const QString commandError = u"CommandError: "_s;
                // Where alembic itself crashes (a KeyError or an assertion inside its stamp), Retort
                // refuses with a sentence of its own; any other exception is a difference to look at.
                static const QStringList crashes = {u"AssertionError"_s, u"KeyError"_s};
                const QString exception = theirs.error.section(u':', 0, 0);
                if (theirs.error.startsWith(commandError) && theirs.error.mid(commandError.size()) != mine.error)
                    problem = u"different messages"_s;
                else if (!theirs.error.startsWith(commandError) && !crashes.contains(exception))
                    problem = u"alembic failed with %1, which Retort has no counterpart for"_s.arg(exception);
                else if (mine.error.trimmed().isEmpty())
                    problem = u"Retort refused without a reason"_s;
                else
                    ++bothFailed;
                ++failures[exception];
            }
            if (problem.isEmpty())
                continue;
            const QString text = u"%1: %2 in %3\n  alembic: %4\n  retort:  %5%6"_s.arg(
                problem, c.describe(), history.versions, theirs.describe(), mine.describe(), theirWrites);
            if (const QString reason = knownDifference(c, mine, theirs); !reason.isEmpty()) {
                excused.append(text + u"\n  known difference: "_s + reason);
                continue;
            }
            mismatches.append(text);
        }
    }
    for (const QString &text : std::as_const(excused))
        qInfo("%s", qPrintable(text));
    for (const QString &text : std::as_const(mismatches))
        qWarning("%s", qPrintable(text));
    auto counts = [](const QMap<QString, int> &map) {
        QStringList out;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            out.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
        return out.join(u", "_s);
    };
    const QString summary =
        u"%1: %2 histories, %3 cases (seeds %4): %5 equal rows (%6 changed by the stamp), %7 same writes "
        u"in the same order (%8 with a merge, %9 read in another order), %10 both failed (alembic: %11), %12 "
        u"known differences, %13 mismatches; starting rows: %14; Retort %15 ms, total %16 ms"_s
            .arg(QLatin1StringView(backendName))
            .arg(histories.size())
            .arg(retort.size())
            .arg([&] {
                QStringList s;
                for (quint32 seed : std::as_const(m_seeds))
                    s.append(QString::number(seed));
                return s.join(u',');
            }())
            .arg(bothRows)
            .arg(changed)
            .arg(sameWrites)
            .arg(mergeWrites)
            .arg(readOrder)
            .arg(bothFailed)
            .arg(counts(failures))
            .arg(excused.size())
            .arg(mismatches.size())
            .arg(counts(kinds))
            .arg(retortMs)
            .arg(timer.elapsed());
    qInfo("%s", qPrintable(summary));
    m_summary.append(summary);
    QVERIFY2(mismatches.isEmpty(),
             qPrintable(u"%1 of %2 stamps differ from alembic's (see the warnings above)"_s.arg(mismatches.size())
                            .arg(retort.size())));
    // Agreement on refusals alone proves little: most cases must end with rows, most of them changed.
    QVERIFY2(bothRows * 10 >= retort.size() * 6, qPrintable(summary));
    QVERIFY2(changed * 10 >= retort.size() * 5, qPrintable(summary));
    // The order of the writes matters in stamp merges; at the usual sizes some must be compared.
    QVERIFY2(retort.size() < 100 || mergeWrites * 50 >= retort.size(), qPrintable(summary));
}

void TestStampDifferential::cleanupTestCase()
{
    for (const QString &line : std::as_const(m_summary))
        qInfo("%s", qPrintable(line));
}

QTEST_GUILESS_MAIN(TestStampDifferential)
#include "tst_stampdifferential.moc"
