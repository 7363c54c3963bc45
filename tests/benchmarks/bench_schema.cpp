// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Schema inspection benchmark (not a test): N tables (1,000 by default; 10 columns, 2 indexes and 1
// foreign key each) on a throwaway PostgreSQL and MariaDB (tests/database/servers.sh, started into a
// temporary folder and stopped afterwards whatever happens) and in a SQLite file, measured side by side:
//  - SchemaInspector::inspect() on an open connection (median of --runs), and opening plus inspecting;
//  - SQLAlchemy 1.4's inspector in /usr/bin/python3 reading every table's columns, primary key, foreign
//    keys, indexes and unique constraints (median of up to 3 runs, fewer when one takes over 20 s;
//    interpreter start and imports excluded).
// PostgreSQL is measured fresh and again after ANALYZE. The target is under 0.3 s for 1,000 tables.
// Usage: bench_schema [--tables N] [--runs N] [--databases postgresql,mariadb,sqlite] [--quick] [--help]

#include "database/databaseconnection.h"
#include "database/versiontable.h"
#include "schema/schemainspector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <csignal>

#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

const char *const usage =
    "Usage: bench_schema [--tables N] [--runs N] [--databases postgresql,mariadb,sqlite] [--quick] [--help]\n"
    "  Times SchemaInspector::inspect() against SQLAlchemy's inspector on N tables (default 1000; 10 columns,\n"
    "  2 indexes, 1 foreign key each) in a throwaway PostgreSQL and MariaDB (tests/database/servers.sh) and a\n"
    "  SQLite file. --runs: measurements per figure, medians printed (default 5). --databases: which of them\n"
    "  (default all; creating 1,000 MariaDB tables takes about a minute). --quick: 50 tables, 1 run.\n";

// SQLAlchemy's side: a fresh inspector per run (its cache lives in the inspector), every table read.
const char *const sqlalchemyScript = R"(import sys, time
import sqlalchemy as sa
url, runs = sys.argv[1], int(sys.argv[2])
engine = sa.create_engine(url)
times = []
began = time.perf_counter()
for _ in range(runs):
    if times and time.perf_counter() - began > 20:
        break  # one run that long is enough to compare
    start = time.perf_counter()
    insp = sa.inspect(engine)
    count = 0
    for table in insp.get_table_names():
        insp.get_columns(table)
        insp.get_pk_constraint(table)
        insp.get_foreign_keys(table)
        insp.get_indexes(table)
        insp.get_unique_constraints(table)
        count += 1
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(count, times[len(times) // 2])
)";

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 1 : 0) + u" ms"_s;
}

/// The values of servers.env.
QHash<QString, QString> readEnv(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (const qsizetype equals = line.indexOf(u'='); equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}

/// The DDL of table @p i; its foreign key points at the table before it (the first at itself).
QStringList tableDdl(SqlDialect::Kind kind, int i)
{
    const QString name = u"t%1"_s.arg(i, 4, 10, QChar(u'0'));
    const QString parent = u"t%1"_s.arg(qMax(0, i - 1), 4, 10, QChar(u'0'));
    const QString columns = u"parent_id INTEGER, name VARCHAR(50) NOT NULL, code VARCHAR(20), "
                            u"amount NUMERIC(10, 2) DEFAULT 0, created %1 DEFAULT CURRENT_TIMESTAMP, "
                            u"flag BOOLEAN DEFAULT FALSE, note TEXT, qty INTEGER, ratio %2"_s;
    const QString foreignKey = u"FOREIGN KEY (parent_id) REFERENCES %1 (id) ON DELETE CASCADE"_s.arg(parent);
    if (kind == SqlDialect::Kind::MySQL) {
        // One statement per table: each CREATE INDEX would rebuild the table, and MariaDB takes ~50 ms a table.
        return {u"CREATE TABLE %1 (id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, %2, INDEX ix_%1_name (name), "
                u"UNIQUE INDEX ix_%1_code_qty (code, qty), %3)"_s.arg(name, columns.arg(u"DATETIME"_s, u"DOUBLE"_s),
                                                                      foreignKey)};
    }
    const bool pg = kind == SqlDialect::Kind::PostgreSQL;
    return {u"CREATE TABLE %1 (id %2, %3, %4)"_s.arg(
                name, pg ? u"SERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY"_s,
                columns.arg(pg ? u"TIMESTAMP"_s : u"DATETIME"_s, pg ? u"DOUBLE PRECISION"_s : u"FLOAT"_s), foreignKey),
            u"CREATE INDEX ix_%1_name ON %1 (name)"_s.arg(name),
            u"CREATE UNIQUE INDEX ix_%1_code_qty ON %1 (code, qty)"_s.arg(name)};
}

/// Creates the tables; an error message, or an empty string.
QString createTables(DatabaseConnection &connection, int tables)
{
    const SqlDialect::Kind kind = connection.dialect().kind();
    QSqlQuery query(connection.database());
    const bool batched = kind != SqlDialect::Kind::MySQL; // DDL commits at once there anyway
    if (batched && !connection.database().transaction())
        return connection.database().lastError().text();
    for (int i = 0; i < tables; ++i) {
        for (const QString &statement : tableDdl(kind, i)) {
            if (!query.exec(statement))
                return statement + u": "_s + query.lastError().text();
        }
    }
    if (batched && !connection.database().commit())
        return connection.database().lastError().text();
    return {};
}

struct Measured
{
    double inspect = -1;
    double openAndInspect = -1;
    QString problem;
};

/// Times SchemaInspector on @p url; checks that what it timed is the schema created.
Measured measureRetort(const QString &url, int tables, int runs)
{
    Measured measured;
    QList<double> inspectTimes;
    QList<double> totalTimes;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, {});
        if (!connection) {
            measured.problem = connection.error();
            return measured;
        }
        const qint64 opened = timer.nsecsElapsed();
        const Result<Schema> schema = SchemaInspector::inspect(*connection.value(), VersionTableName());
        const qint64 done = timer.nsecsElapsed();
        if (!schema) {
            measured.problem = schema.error();
            return measured;
        }
        if (schema->tables.size() != tables) {
            measured.problem = u"%1 tables read, %2 created"_s.arg(schema->tables.size()).arg(tables);
            return measured;
        }
        for (const SchemaTable &table : schema->tables) {
            if (table.columns.size() != 10 || table.foreignKeys.size() != 1 ||
                table.indexes.size() + table.uniqueConstraints.size() < 2 || table.primaryKey.columns.isEmpty()) {
                measured.problem = u"table %1 read with %2 columns, %3 foreign keys, %4 indexes"_s.arg(table.name)
                                       .arg(table.columns.size())
                                       .arg(table.foreignKeys.size())
                                       .arg(table.indexes.size() + table.uniqueConstraints.size());
                return measured;
            }
        }
        inspectTimes.append(double(done - opened) / 1e6);
        totalTimes.append(double(done) / 1e6);
    }
    measured.inspect = median(inspectTimes);
    measured.openAndInspect = median(totalTimes);
    return measured;
}

/// SQLAlchemy's median in milliseconds, or -1 (with the reason printed).
double measureSqlAlchemy(const QString &python, const QString &url, int tables, int runs)
{
    QProcess process;
    process.start(python, {u"-c"_s, QString::fromUtf8(sqlalchemyScript), url, QString::number(runs)});
    if (!process.waitForFinished(1800000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        out << "  ! SQLAlchemy's inspector failed: " << process.errorString() << ' '
            << QString::fromUtf8(process.readAllStandardError()) << Qt::endl;
        return -1;
    }
    const QStringList figures = QString::fromUtf8(process.readAllStandardOutput()).simplified().split(u' ');
    if (figures.size() != 2 || figures.at(0).toInt() != tables) {
        out << "  ! SQLAlchemy read " << figures.value(0) << " tables, " << tables << " created" << Qt::endl;
        return -1;
    }
    return figures.at(1).toDouble();
}

/// One backend: create, measure both, print. False when a measurement failed.
bool benchmark(const QString &label, const QString &url, const QString &python, int tables, int runs, bool analyze)
{
    out << "\n== " << label << ", " << tables << " tables ==" << Qt::endl;
    Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, {});
    if (!connection) {
        out << "  ! " << connection.error() << Qt::endl;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    if (const QString error = createTables(*connection.value(), tables); !error.isEmpty()) {
        out << "  ! cannot create the tables: " << error << Qt::endl;
        return false;
    }
    out << "  created in " << ms(double(timer.nsecsElapsed()) / 1e6) << Qt::endl;
    connection = Result<std::shared_ptr<DatabaseConnection>>::failure({}); // closed before measuring

    bool ok = true;
    const auto report = [&](const QString &when) {
        const Measured retort = measureRetort(url, tables, runs);
        if (!retort.problem.isEmpty()) {
            out << "  ! Retort: " << retort.problem << Qt::endl;
            ok = false;
            return;
        }
        const double theirs = measureSqlAlchemy(python, url, tables, qMin(runs, 3));
        out << "  SchemaInspector::inspect" << when << ": " << ms(retort.inspect) << " (open + inspect "
            << ms(retort.openAndInspect) << ")";
        if (label.startsWith(u"PostgreSQL") && tables >= 1000)
            out << (retort.inspect < 300.0 ? " - under" : " - OVER") << " the 0.3 s target";
        out << Qt::endl;
        if (theirs < 0) {
            ok = false;
            return;
        }
        out << "  SQLAlchemy inspector" << when << ":     " << ms(theirs) << " (Retort is "
            << QString::number(theirs / retort.inspect, 'f', 1) << "x faster)" << Qt::endl;
    };
    report(QString());
    if (analyze && ok) {
        Result<std::shared_ptr<DatabaseConnection>> again = DatabaseConnection::open(url, {});
        QSqlQuery analyzeQuery(again ? again.value()->database() : QSqlDatabase());
        // Quietly: the catalogs only the superuser may analyze are skipped with a warning each.
        if (again && analyzeQuery.exec(u"SET client_min_messages = error"_s) && analyzeQuery.exec(u"ANALYZE"_s))
            report(u" after ANALYZE"_s);
    }
    return ok;
}

/// The measuring side, in a child process: the parent stops the servers whatever happens to it.
int measure(const QString &envPath, const QString &sqliteFile, int tables, int runs, const QStringList &databases)
{
    const QHash<QString, QString> env = readEnv(envPath);
    const QString python = u"/usr/bin/python3"_s;
    bool ok = true;
    if (databases.contains(u"postgresql"_s))
        ok = benchmark(u"PostgreSQL"_s, env.value(u"RETORT_TEST_POSTGRES_URL"_s), python, tables, runs, true) && ok;
    if (databases.contains(u"mariadb"_s))
        ok = benchmark(u"MariaDB"_s, env.value(u"RETORT_TEST_MARIADB_URL"_s), python, tables, runs, false) && ok;
    if (databases.contains(u"sqlite"_s))
        ok = benchmark(u"SQLite"_s, u"sqlite:///"_s + sqliteFile, python, tables, runs, false) && ok;
    return ok ? 0 : 1;
}

QString serversScript()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/tests/database/servers.sh");
}

/// Runs servers.sh @p action @p dir; its output goes to ours.
bool servers(const QString &action, const QString &dir)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedChannels);
    script.start(u"bash"_s, {serversScript(), action, dir});
    return script.waitForFinished(180000) && script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0;
}

volatile std::sig_atomic_t childPid = 0;

/// Ctrl-C or a kill ends the measuring child; the parent then stops the servers and exits.
void forwardSignal(int signal)
{
    if (const pid_t pid = childPid; pid > 0)
        ::kill(pid, signal);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 7 && args.at(1) == u"--measure")
        return measure(args.at(2), args.at(3), args.at(4).toInt(), args.at(5).toInt(), args.at(6).split(u','));

    int tables = 1000;
    int runs = 5;
    const QStringList allDatabases = {u"postgresql"_s, u"mariadb"_s, u"sqlite"_s};
    QStringList databases = allDatabases;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--databases" && i + 1 < args.size()) {
            databases = args.at(++i).split(u',', Qt::SkipEmptyParts);
            for (const QString &database : std::as_const(databases)) {
                if (!allDatabases.contains(database)) {
                    QTextStream(stderr) << "bench_schema: unknown database " << database << '\n' << usage;
                    return 2;
                }
            }
        } else if (args.at(i) == u"--tables" && i + 1 < args.size()) {
            tables = args.at(++i).toInt();
        } else if (args.at(i) == u"--runs" && i + 1 < args.size()) {
            runs = args.at(++i).toInt();
        } else if (args.at(i) == u"--quick") {
            tables = 50;
            runs = 1;
        } else if (args.at(i) == u"--help" || args.at(i) == u"-h") {
            out << usage;
            return 0;
        } else {
            QTextStream(stderr) << "bench_schema: unknown argument " << args.at(i) << '\n' << usage;
            return 2;
        }
    }
    if (tables < 1 || runs < 1) {
        QTextStream(stderr) << usage;
        return 2;
    }

    QTemporaryDir root;
    if (!root.isValid())
        return 1;
    // PostgreSQL runs as the postgres user, who must reach its data directory below this one.
    QFile::setPermissions(root.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString serversDir = root.filePath(u"servers"_s);
    for (int signal : {SIGINT, SIGTERM, SIGHUP})
        std::signal(signal, forwardSignal);
    const auto stop = qScopeGuard([&] { servers(u"stop"_s, serversDir); });

    out << "Retort schema inspection benchmark, " << runs << " runs each (median)" << Qt::endl;
    if (!servers(u"start"_s, serversDir)) {
        out << "  ! servers.sh could not start the servers" << Qt::endl;
        return 1;
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--measure"_s, serversDir + u"/servers.env"_s, root.filePath(u"bench.db"_s), QString::number(tables),
                 QString::number(runs), databases.join(u',')});
    if (!child.waitForStarted())
        return 1;
    childPid = pid_t(child.processId());
    child.waitForFinished(-1);
    childPid = 0;
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}
