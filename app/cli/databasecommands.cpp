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
#include "databasetarget.h"
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

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

namespace DatabaseCommands {

int current(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const std::optional<OpenedDatabase> db = openAndRead(args, project, DatabaseAccess::Read, err);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const QString shown = db->connection->displayUrl();
    if (args.checkHeads) {
        const QStringList rows = db->rows.rows;
        const QStringList heads = map.ids(map.heads());
        if (QSet<QString>(rows.cbegin(), rows.cend()) != QSet<QString>(heads.cbegin(), heads.cend()))
            return printFailure(err, Tr::tr("Current revision(s) for %1 are not head(s)").arg(shown));
    }
    const Result<QList<int>> current = map.allCurrent(db->rows.rows);
    if (args.json) {
        out << StableJson::toText(
            StableJson::current(project, shown, db->target.table, db->rows, current ? current.value() : QList<int>()));
        return current ? Success : Failure;
    }
    if (!current)
        return printFailure(err, current.error());
    if (args.verbose)
        out << "Current revision(s) for " << shown << ":\n";
    for (int r : current.value())
        out << RevisionFormatter::commandFormat(project, r, args.verbose, {}) << '\n';
    return Success;
}

int status(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const std::optional<OpenedDatabase> db = openAndRead(args, project, DatabaseAccess::Read, err);
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
        return printFailure(err,
                            Tr::tr("Current revision(s) for %1 are not head(s)").arg(db->connection->displayUrl()));
    return Success;
}

int stamp(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    if (args.positional.isEmpty())
        return printFailure(err, Tr::tr("Name the revision(s) to stamp, e.g. `stamp heads`."));
    QString createsFile;
    std::optional<OpenedDatabase> db =
        openAndRead(args, project, args.dryRun ? DatabaseAccess::Preview : DatabaseAccess::Write, err, &createsFile);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const QStringList before = db->rows.rows;
    if (const QString refusal = project.writeRefusal(before); !refusal.isEmpty())
        return printFailure(err, refusal);
    Result<MigrationPlan> plan = MigrationPlanner(map).stamp(args.positional, before, args.purge);
    if (!plan)
        return printFailure(err, plan.error());
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
        return printFailure(err,
                            Tr::tr("'%1' is protected: add --confirm %1 to write to it.").arg(db->target.environment));
    }
    const Result<QStringList> written =
        VersionTable::stamp(db->connection->database(), db->target.table, plan.value(), args.purge);
    if (!written)
        return printFailure(err, written.error());
    if (!args.json)
        out << Tr::tr("Stamped. Rows: %1")
                   .arg(written->isEmpty() ? Tr::tr("(none)") : sorted(written.value()).join(u", "_s))
            << '\n';
    return Success;
}

} // namespace DatabaseCommands
