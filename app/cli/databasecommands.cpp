// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "databasecommands.h"

#include "cliarguments.h"
#include "cliformats/stablejson.h"
#include "database/databaseconnection.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "database/environmentsummary.h"
#include "database/versiontable.h"
#include "history/migrationplanner.h"
#include "history/planpreview.h"
#include "history/revisionformatter.h"
#include "printabletext.h"
#include "project/envscript.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSet>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCommands)
};

constexpr int Success = 0;
constexpr int Failure = 1;

/// The database a command works on, and how to treat it.
struct Target
{
    QString url;
    QString environment; ///< empty for --url and the project's sqlalchemy.url
    bool isProtected = false;
    VersionTableName table;
};

Result<Target> resolveTarget(const CliArguments &args, const Project &project)
{
    const ProjectConfig &config = project.config();
    const EnvScript env = EnvScript::read(config);
    Target target;
    target.table = env.versionTable;
    if (!args.url.isEmpty() && !args.environment.isEmpty())
        return Result<Target>::failure(Tr::tr("Give either --url or --env, not both."));
    if (args.url == u"-") {
        // Keeps the password out of the process list, which every user can read.
        QTextStream in(stdin);
        target.url = in.readLine().trimmed();
        if (target.url.isEmpty())
            return Result<Target>::failure(Tr::tr("--url - reads the URL from standard input, which gave none."));
    } else if (!args.url.isEmpty()) {
        target.url = args.url;
    } else if (!args.urlVariable.isEmpty()) {
        target.url = qEnvironmentVariable(args.urlVariable.toLocal8Bit().constData()).trimmed();
        if (target.url.isEmpty()) {
            return Result<Target>::failure(
                Tr::tr("The environment variable %1, named by --url-env, is not set.").arg(args.urlVariable));
        }
    } else if (!args.environment.isEmpty()) {
        const Result<Environment> found =
            EnvironmentStore::find(EnvironmentStore::projectKey(config), args.environment);
        if (!found)
            return Result<Target>::failure(found.error());
        const Result<QString> url = found->resolvedUrl(config, QProcessEnvironment::systemEnvironment());
        if (!url)
            return Result<Target>::failure(url.error());
        target.url = url.value();
        target.environment = found->name;
        target.isProtected = found->isProtected;
        target.table = found->versionTableName(env.versionTable);
    } else {
        const Result<QString> configured = configuredDatabaseUrl(config);
        if (!configured)
            return Result<Target>::failure(configured.error());
        if (configured->isEmpty()) {
            return Result<Target>::failure(
                Tr::tr("No database: give --url URL or --env NAME, or set sqlalchemy.url in the config."));
        }
        target.url = configured.value();
    }
    if (!args.versionTable.isEmpty())
        target.table.table = args.versionTable;
    if (!args.versionTableSchema.isEmpty())
        target.table.schema = args.versionTableSchema;
    return target;
}

int fail(QTextStream &err, const QString &message)
{
    err << "FAILED: " << printableText(message) << Qt::endl;
    return Failure;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/// Opens the target and reads its version rows; on failure prints why and returns nullptr.
struct Opened
{
    Target target;
    std::shared_ptr<DatabaseConnection> connection;
    VersionRows rows;
};

/// How a command uses the database: reading and previewing never create a SQLite file.
enum class Access
{
    Read,
    Preview,
    Write
};

/// The SQLite file @p url names when it does not exist yet (alembic would create it), else empty.
QString missingSqliteFile(const QString &url, const QString &baseDir)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed || parsed->sqlDialect()->kind() != SqlDialect::Kind::SQLite || parsed->isSqliteMemory())
        return {};
    const QString file = parsed->sqliteFilePath(baseDir);
    return QFileInfo::exists(file) ? QString() : file;
}

std::optional<Opened> openAndRead(const CliArguments &args, const Project &project, Access access, QTextStream &err,
                                  QString *createsFile = nullptr)
{
    const Result<Target> target = resolveTarget(args, project);
    if (!target) {
        fail(err, target.error());
        return std::nullopt;
    }
    QString url = target->url;
    const QString missing =
        access == Access::Read ? QString() : missingSqliteFile(url, project.config().configDirectory());
    if (!missing.isEmpty()) {
        if (createsFile)
            *createsFile = missing;
        // A preview of a stamp that would create the file: an empty in-memory database of the same kind.
        if (access == Access::Preview)
            url = u"sqlite://"_s;
    }
    const Result<std::shared_ptr<DatabaseConnection>> connection =
        DatabaseConnection::open(url, project.config().configDirectory(), access == Access::Read);
    if (!connection) {
        fail(err, connection.error());
        return std::nullopt;
    }
    const Result<VersionRows> rows = VersionTable::read(connection.value()->database(), target->table);
    if (!rows) {
        fail(err, rows.error());
        return std::nullopt;
    }
    return Opened{target.value(), connection.value(), rows.value()};
}

} // namespace

namespace DatabaseCommands {

int current(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const std::optional<Opened> db = openAndRead(args, project, Access::Read, err);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const QString shown = db->connection->displayUrl();
    if (args.checkHeads) {
        const QStringList rows = db->rows.rows;
        const QStringList heads = map.ids(map.heads());
        if (QSet<QString>(rows.cbegin(), rows.cend()) != QSet<QString>(heads.cbegin(), heads.cend()))
            return fail(err, Tr::tr("Current revision(s) for %1 are not head(s)").arg(shown));
    }
    const Result<QList<int>> current = map.allCurrent(db->rows.rows);
    if (args.json) {
        out << StableJson::toText(
            StableJson::current(project, shown, db->target.table, db->rows, current ? current.value() : QList<int>()));
        return current ? Success : Failure;
    }
    if (!current)
        return fail(err, current.error());
    if (args.verbose)
        out << "Current revision(s) for " << shown << ":\n";
    for (int r : current.value())
        out << RevisionFormatter::commandFormat(project, r, args.verbose, {}) << '\n';
    return Success;
}

int status(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const std::optional<Opened> db = openAndRead(args, project, Access::Read, err);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const EnvironmentSummary summary = EnvironmentSummary::compute(map, db->rows, db->target.table);
    const QStringList pending = summary.pendingInUpgradeOrder(map);
    if (args.json) {
        out << StableJson::toText(
            StableJson::status(summary, pending, db->connection->displayUrl(), db->target.environment));
    } else {
        out << Tr::tr("Database: %1").arg(db->connection->displayUrl()) << '\n';
        if (!summary.rows.tableExists) {
            out << Tr::tr("Version table: %1 does not exist (not under Alembic control)")
                       .arg(summary.table.displayName())
                << '\n';
        } else {
            out << Tr::tr("Version table: %1").arg(summary.table.displayName()) << '\n';
            out << Tr::tr("Rows: %1")
                       .arg(summary.rows.rows.isEmpty() ? Tr::tr("(none)") : summary.rows.rows.join(u", "_s))
                << '\n';
        }
        out << Tr::tr("Applied: %1 of %2 revisions").arg(summary.status.appliedCount).arg(summary.revisionCount)
            << '\n';
        for (const EnvironmentSummary::Head &head : summary.heads)
            out << Tr::tr("Head %1: %n pending", nullptr, head.pending).arg(head.label()) << '\n';
        if (!pending.isEmpty())
            out << Tr::tr("Pending, in upgrade order: %1").arg(pending.join(u", "_s)) << '\n';
        for (const QString &row : summary.status.unknownRows)
            out << EnvironmentSummary::unknownRowAdvice(row) << '\n';
    }
    if (args.checkHeads && !summary.atHeads)
        return fail(err, Tr::tr("Current revision(s) for %1 are not head(s)").arg(db->connection->displayUrl()));
    return Success;
}

int stamp(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    if (args.positional.isEmpty())
        return fail(err, Tr::tr("Name the revision(s) to stamp, e.g. `stamp heads`."));
    QString createsFile;
    std::optional<Opened> db =
        openAndRead(args, project, args.dryRun ? Access::Preview : Access::Write, err, &createsFile);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const QStringList before = db->rows.rows;
    if (const QString refusal = project.writeRefusal(before); !refusal.isEmpty())
        return fail(err, refusal);
    Result<MigrationPlan> plan = MigrationPlanner(map).stamp(args.positional, before, args.purge);
    if (!plan)
        return fail(err, plan.error());
    plan.value().rowsBefore = before; // what the write checks the table against

    // What the stamp claims without running any migration: report both directions.
    const PlanPreview preview = PlanPreview::ofStamp(map, plan.value());
    const QStringList statements = VersionTable::stampStatements(db->connection->dialect(), db->target.table,
                                                                 plan.value(), args.purge, !db->rows.tableExists);
    const QString target = !db->target.environment.isEmpty() ? db->target.environment
                           : createsFile.isEmpty()           ? db->connection->displayUrl()
                                                             : QDir::toNativeSeparators(createsFile);
    if (args.json) {
        out << StableJson::toText(StableJson::stamp(preview, statements, db->connection->displayUrl(),
                                                    db->target.environment, args.dryRun, createsFile));
    } else {
        out << Tr::tr("Stamp %1: %2 -> %3")
                   .arg(target, before.isEmpty() ? Tr::tr("(none)") : sorted(before).join(u", "_s),
                        plan->rows.isEmpty() ? Tr::tr("(none)") : plan->rows.join(u", "_s))
            << '\n';
        if (!createsFile.isEmpty()) {
            out << Tr::tr("The database file %1 does not exist; the stamp creates it.")
                       .arg(QDir::toNativeSeparators(createsFile))
                << '\n';
        }
        for (const QString &statement : statements)
            out << "    " << QString(statement).replace(u'\n', u' ') << ";\n";
        for (const PlanWarning &warning : preview.warnings)
            out << Tr::tr("Warning: %1").arg(warning.summary()) << '\n';
    }
    if (args.dryRun)
        return Success;
    if (db->target.isProtected && args.confirm != db->target.environment) {
        return fail(err, Tr::tr("'%1' is protected: add --confirm %1 to write to it.").arg(db->target.environment));
    }
    const Result<QStringList> written =
        VersionTable::stamp(db->connection->database(), db->target.table, plan.value(), args.purge);
    if (!written)
        return fail(err, written.error());
    if (!args.json)
        out << Tr::tr("Stamped. Rows: %1")
                   .arg(written->isEmpty() ? Tr::tr("(none)") : sorted(written.value()).join(u", "_s))
            << '\n';
    return Success;
}

} // namespace DatabaseCommands
