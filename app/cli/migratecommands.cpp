// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "migratecommands.h"

#include "cliarguments.h"
#include "cliformats/stablejson.h"
#include "databasetarget.h"
#include "history/migrationplanner.h"
#include "history/planpreview.h"
#include "printabletext.h"
#include "project/project.h"
#include "python/pythonenvironment.h"
#include "runner/alembicrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrateCommands)
};

constexpr int Success = 0;
constexpr int Failure = 1;
/// Nothing ran: the database's rows were no longer those the plan was made from (2 is a usage error).
constexpr int RowsChanged = 3;
constexpr int Interrupted = 130;

std::atomic<bool> interruptRequested = false;

QString rowsText(QStringList rows)
{
    rows.sort();
    return rows.isEmpty() ? Tr::tr("(none)") : rows.join(u", "_s);
}

void printPreview(const PlanPreview &preview, const QString &where, bool upgrade, QTextStream &out)
{
    const MigrationPlan &plan = preview.plan;
    out << (upgrade ? Tr::tr("Upgrade %1: %2 -> %3") : Tr::tr("Downgrade %1: %2 -> %3"))
               .arg(where, rowsText(plan.rowsBefore), rowsText(plan.rows))
        << '\n';
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        out << "  " << i + 1 << ". " << printableText(plan.steps.at(i).logText()) << '\n';
    for (const QString &warning : plan.warnings)
        out << Tr::tr("Warning: %1").arg(warning) << '\n';
    for (const PlanWarning &warning : preview.warnings) {
        out << Tr::tr("Warning: %1").arg(warning.summary()) << '\n';
        for (const QString &detail : warning.details)
            out << "    " << printableText(detail) << '\n';
        if (const QString advice = warning.advice(); !advice.isEmpty())
            out << "    " << advice << '\n';
    }
}

/// The JSON name of why a run did not end with the planned rows.
QString failureKind(const AlembicRunOutcome &outcome, bool rowsReadAgain)
{
    switch (outcome.status) {
    case AlembicRunOutcome::Status::Succeeded:
        return rowsReadAgain ? u"unexpected_rows"_s : u"rows_unreadable"_s;
    case AlembicRunOutcome::Status::Failed:
        return u"alembic_failed"_s;
    case AlembicRunOutcome::Status::Cancelled:
        return u"cancelled"_s;
    case AlembicRunOutcome::Status::LockBusy:
        return u"lock_busy"_s;
    case AlembicRunOutcome::Status::RowsChanged:
        return u"rows_changed"_s;
    case AlembicRunOutcome::Status::NotStarted:
        return u"not_started"_s;
    }
    return {};
}

/// Runs @p invocation to its end, printing what alembic prints on stdout to @p out and its log to
/// @p log; Ctrl+C cancels the run.
AlembicRunOutcome runToEnd(const AlembicInvocation &invocation, QTextStream &out, QTextStream &log, QTextStream &err)
{
    AlembicRun run;
    AlembicRunOutcome outcome;
    QEventLoop loop;
    QObject::connect(&run, &AlembicRun::line, &loop, [&out, &log](const QString &line, bool onStandardError) {
        (onStandardError ? log : out) << printableText(line) << Qt::endl;
    });
    QObject::connect(&run, &AlembicRun::lockWaiting, &loop, [&err](int secondsLeft, const QString &holder) {
        if (secondsLeft < 0)
            err << Tr::tr("Waiting for the lock held by %1…").arg(printableText(holder)) << Qt::endl;
        else
            err << Tr::tr("Waiting for the lock held by %1: %2 s left").arg(printableText(holder)).arg(secondsLeft)
                << Qt::endl;
    });
    QObject::connect(&run, &AlembicRun::finished, &loop, [&](const AlembicRunOutcome &o) {
        outcome = o;
        loop.quit();
    });
    // The child has a process group of its own, so Ctrl+C reaches only retort-cli, which cancels.
    interruptRequested = false;
    // Ctrl+C, a closed terminal or `timeout`: cancel alembic rather than leave it running unwatched.
    const auto request = [](int) { interruptRequested = true; };
    auto *previousInt = std::signal(SIGINT, request);
    auto *previousTerm = std::signal(SIGTERM, request);
    auto *previousHup = std::signal(SIGHUP, request);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &run, [&run, &err] {
        if (interruptRequested.exchange(false)) {
            err << Tr::tr("Cancelling: alembic is interrupted, then stopped.") << Qt::endl;
            run.cancel();
        }
    });
    poll.start(100);
    run.start(invocation);
    loop.exec();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    std::signal(SIGHUP, previousHup);
    return outcome;
}

int migrate(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err, bool upgrade)
{
    if (args.positional.size() != 1) {
        return printFailure(err, upgrade ? Tr::tr("Name one target, e.g. `upgrade heads` or `upgrade +1`.")
                                         : Tr::tr("Name one target, e.g. `downgrade -1` or `downgrade base`."));
    }
    const QString target = args.positional.first();
    const ProjectConfig &config = project.config();
    if (config.iniFile.isEmpty()) {
        return printFailure(err, Tr::tr("Running alembic needs the project's alembic.ini, and this project was "
                                        "opened without one; open it with -c path/to/alembic.ini."));
    }
    // Only reads: alembic writes, and creates a SQLite file that does not exist yet.
    QString createsFile;
    const std::optional<OpenedDatabase> db = openAndRead(args, project, DatabaseAccess::Preview, err, &createsFile);
    if (!db)
        return Failure;
    const RevisionMap &map = project.map();
    const QStringList before = db->rows.rows;
    if (const QString refusal = project.writeRefusal(before); !refusal.isEmpty())
        return printFailure(err, refusal);
    const MigrationPlanner planner(map);
    Result<MigrationPlan> plan = upgrade ? planner.upgrade(target, before) : planner.downgrade(target, before);
    if (!plan) {
        printFailure(err, plan.error());
        if (const QStringList choices = planner.targetChoices(upgrade, before); !choices.isEmpty())
            err << Tr::tr("Targets that work from %1: %2").arg(rowsText(before), choices.join(u", "_s)) << Qt::endl;
        return Failure;
    }
    plan.value().rowsBefore = before;
    const PlanPreview preview = PlanPreview::ofRun(map, project.scripts(), plan.value());
    const QString where = !db->target.environment.isEmpty() ? db->target.environment
                          : createsFile.isEmpty()           ? db->connection->displayUrl()
                                                            : QDir::toNativeSeparators(createsFile);
    QJsonObject json;
    if (args.json) {
        QJsonArray warnings;
        for (const PlanWarning &warning : preview.warnings)
            warnings.append(StableJson::planWarning(warning));
        json = StableJson::plan(plan.value());
        json[u"url"_s] = db->connection->displayUrl();
        json[u"environment"_s] = db->target.environment;
        json[u"risks"_s] = warnings;
        QStringList logTexts; // as alembic will log them, to compare with result.steps_run
        for (const MigrationStep &step : plan->steps)
            logTexts.append(step.logText());
        json[u"step_texts"_s] = QJsonArray::fromStringList(logTexts);
        json[u"dry_run"_s] = args.dryRun;
    } else if (!args.sql) {
        printPreview(preview, where, upgrade, out);
    }
    QTextStream &log = args.json ? err : out; // JSON mode: stdout holds the JSON only
    if (plan->steps.isEmpty()) {
        if (args.json)
            out << StableJson::toText(json);
        else if (!args.sql)
            out << Tr::tr("Nothing to do.") << '\n';
        return Success;
    }

    AlembicInvocation invocation = AlembicInvocation::forProject(config, {});
    if (!args.python.isEmpty())
        invocation.python = args.python;
    invocation.xArguments = args.xArguments;
    invocation.url = db->target.fromConfig ? QString() : db->target.url;
    for (const QString &variable : db->target.variables) {
        // A secret's name alone: the keychain has its value, retort-cli takes it from its environment.
        if (variable.contains(u'=') || qEnvironmentVariableIsSet(variable.toLocal8Bit().constData())) {
            invocation.variables.append(
                variable.contains(u'=') ? variable
                                        : variable + u'=' + qEnvironmentVariable(variable.toLocal8Bit().constData()));
        } else {
            err << Tr::tr("Note: %1 of '%2' is a secret kept in the window's keychain, which retort-cli does not "
                          "read; set %1 in the environment to pass it on.")
                       .arg(variable, db->target.environment)
                << Qt::endl;
        }
    }
    invocation.lockWaitSeconds = args.waitLock;
    if ((args.sql || !args.dryRun) && !invocation.startProblem(QProcessEnvironment::systemEnvironment()).isEmpty()) {
        return printFailure(err, Tr::tr("This is a Flask-Migrate project (its env.py uses Flask's current_app), so "
                                        "retort-cli runs flask db %1 inside the Flask app, and FLASK_APP does not say "
                                        "which app that is: export FLASK_APP=module:app (or FLASK_APP=module), or add "
                                        "it to the environment's variables. Nothing was run.")
                                     .arg(upgrade ? u"upgrade"_s : u"downgrade"_s));
    }

    if (args.sql) {
        // alembic's offline mode needs the starting revision in the range.
        if (before.size() > 1) {
            return printFailure(err, Tr::tr("alembic writes SQL for one starting revision at a time, and the "
                                            "database has %1; give the range yourself with python -m alembic %2 "
                                            "FROM:TO --sql.")
                                         .arg(rowsText(before), upgrade ? u"upgrade"_s : u"downgrade"_s));
        }
        const QString range = before.isEmpty() ? target : before.first() + u':' + target;
        invocation.command = {upgrade ? u"upgrade"_s : u"downgrade"_s, range, u"--sql"_s};
        const AlembicRunOutcome outcome = runToEnd(invocation, out, err, err);
        if (!outcome.succeeded()) {
            return printFailure(err, outcome.summary() + u' ' +
                                         Tr::tr("If env.py cannot run offline (run_migrations_offline()), alembic "
                                                "cannot show the SQL."));
        }
        return Success;
    }
    if (args.dryRun) {
        if (args.json)
            out << StableJson::toText(json);
        return Success;
    }
    if (db->target.isProtected && args.confirm != db->target.environment)
        return printFailure(err,
                            Tr::tr("'%1' is protected: add --confirm %1 to change it.").arg(db->target.environment));
    if (!preview.warnings.isEmpty() && !args.yes &&
        !(!args.json && confirmedOnTerminal(out, Tr::tr("Run it? [y/N] ")))) {
        return printFailure(err, Tr::tr("Not run: the plan has %n warning(s); read them, then add --yes to run it.",
                                        nullptr, int(preview.warnings.size())));
    }
    const Result<PythonEnvironment::AlembicProbe> probe = PythonEnvironment::probeAlembic(invocation.python);
    if (!probe)
        return printFailure(err, probe.error());
    invocation.command = {upgrade ? u"upgrade"_s : u"downgrade"_s, target};
    invocation.expectedRows = before;
    invocation.versionTable = db->target.table;
    const AlembicRunOutcome outcome = runToEnd(invocation, log, log, err);

    // What alembic says is not enough: env.py may have migrated another database.
    // A preview read: a SQLite file that is still missing reads as an empty database.
    QString stillMissing;
    CliArguments again = args;
    if (args.url == u"-")
        again.url = db->target.url; // standard input gave it once
    const std::optional<OpenedDatabase> after =
        openAndRead(again, project, DatabaseAccess::Preview, err, &stillMissing);
    const QStringList rowsAfter = after ? after->rows.rows : QStringList();
    QStringList expected = plan->rows;
    expected.sort();
    QStringList actual = rowsAfter;
    actual.sort();
    const bool succeeded = outcome.succeeded() && after && actual == expected;
    if (args.json) {
        QJsonObject result{
            {u"status"_s, succeeded ? u"succeeded"_s : u"failed"_s},
            {u"failure"_s, succeeded ? QJsonValue() : QJsonValue(failureKind(outcome, after.has_value()))},
            {u"steps_run"_s, QJsonArray::fromStringList(outcome.stepsRun)},
            {u"rows_after"_s, QJsonArray::fromStringList(actual)},
            {u"error"_s, outcome.succeeded() ? QString() : outcome.summary()}};
        if (outcome.status == AlembicRunOutcome::Status::RowsChanged)
            result[u"rows_found"_s] = QJsonArray::fromStringList(outcome.rowsFound);
        json[u"result"_s] = result;
        out << StableJson::toText(json);
    }
    if (!after)
        return Failure;
    if (!outcome.succeeded()) {
        printFailure(err, outcome.summary());
        err << Tr::tr("Version rows now: %1").arg(rowsText(rowsAfter)) << Qt::endl;
        switch (outcome.status) {
        case AlembicRunOutcome::Status::Cancelled:
            return Interrupted;
        case AlembicRunOutcome::Status::RowsChanged:
            return RowsChanged;
        default:
            return Failure;
        }
    }
    if (actual != expected && invocation.flaskMigrate) {
        return printFailure(err, Tr::tr("flask db reported success, but the version rows are %1, not %2 as planned. "
                                        "In a Flask-Migrate project the Flask app decides which database it "
                                        "migrates (its SQLALCHEMY_DATABASE_URI), not Retort: check that the app "
                                        "FLASK_APP names is configured for this database.")
                                     .arg(rowsText(actual), rowsText(expected)));
    }
    if (actual != expected) {
        return printFailure(err, Tr::tr("alembic reported success, but the version rows are %1, not %2 as planned. "
                                        "env.py may ignore the URL Retort gives it (sqlalchemy.url) and have "
                                        "migrated another database: check how it connects.")
                                     .arg(rowsText(actual), rowsText(expected)));
    }
    if (!args.json)
        out << Tr::tr("Done. Version rows: %1").arg(rowsText(actual)) << '\n';
    return Success;
}

} // namespace

namespace MigrateCommands {

int upgrade(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    return migrate(args, project, out, err, true);
}

int downgrade(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    return migrate(args, project, out, err, false);
}

} // namespace MigrateCommands
