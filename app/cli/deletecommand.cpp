// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "deletecommand.h"

#include "cliarguments.h"
#include "databasetarget.h"

#include "cliformats/stablejson.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "database/urlmasking.h"
#include "edits/filetransaction.h"
#include "edits/gitstatus.h"
#include "edits/revisionremoval.h"
#include "printabletext.h"
#include "project/envscript.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeleteCommand)
};

/// Every configured environment, the database given with --url/--url-env/--env, and the config's
/// sqlalchemy.url when it is a real URL (alembic init's placeholder is not).
QList<EnvironmentRows> readEnvironments(const CliArguments &args, const Project &project)
{
    const ProjectConfig &config = project.config();
    const VersionTableName envTable = EnvScript::read(config).versionTable;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    const QString baseDirectory = config.configDirectory();
    QList<EnvironmentRows> result;
    QStringList urlsRead;
    for (const Environment &environment : EnvironmentStore::load(EnvironmentStore::projectKey(config))) {
        const Result<QString> url = environment.resolvedUrl(config, system);
        if (!url) {
            result.append({environment.name, {}, url.error()});
            continue;
        }
        urlsRead.append(url.value());
        result.append(
            readEnvironmentRows(environment.name, url.value(), environment.versionTableName(envTable), baseDirectory));
    }
    if (!args.url.isEmpty() || !args.urlVariable.isEmpty()) {
        const Result<DatabaseTarget> target = resolveTarget(args, project);
        if (!target)
            result.append({args.url == u"-" ? u"--url -"_s : maskedUrl(args.url), {}, target.error()});
        else if (!urlsRead.contains(target->url))
            result.append(readEnvironmentRows(maskedUrl(target->url), target->url, target->table, baseDirectory));
        if (target)
            urlsRead.append(target->url);
    }
    const Result<QString> configured = configuredDatabaseUrl(config);
    if (configured && !configured->isEmpty() && !urlsRead.contains(configured.value()) &&
        DatabaseUrl::parse(configured.value())) {
        result.append(readEnvironmentRows(u"sqlalchemy.url (%1)"_s.arg(maskedUrl(configured.value())),
                                          configured.value(), envTable, baseDirectory));
    }
    return result;
}

QString modeText(RemovalMode mode)
{
    switch (mode) {
    case RemovalMode::Alone:
        return u"alone"_s;
    case RemovalMode::WithDescendants:
        return u"with_descendants"_s;
    case RemovalMode::Reparent:
        return u"reparent"_s;
    }
    return {};
}

void printPlan(QTextStream &out, const RemovalPlan &plan, const QList<EnvironmentRows> &environments,
               const QString &configDirectory)
{
    const QDir base(configDirectory);
    out << Tr::tr("Delete %1:").arg(plan.revision) << Qt::endl;
    for (const FileChange &change : plan.changes) {
        if (change.remove)
            out << "  " << Tr::tr("delete %1").arg(base.relativeFilePath(change.path)) << Qt::endl;
    }
    for (const QString &edit : plan.edits)
        out << "  " << Tr::tr("edit   %1").arg(printableText(edit)) << Qt::endl;
    if (environments.isEmpty()) {
        out << Tr::tr("No environment is set up, so none was checked; give --url or --env to check a database.")
            << Qt::endl;
    }
    for (const EnvironmentRows &environment : environments) {
        if (environment.error.isEmpty()) {
            out << Tr::tr("Checked %1: %2")
                       .arg(environment.name,
                            environment.rows.isEmpty() ? Tr::tr("no revision applied") : environment.rows.join(u", "_s))
                << Qt::endl;
        }
    }
}

} // namespace

namespace DeleteCommand {

int run(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    if (args.positional.size() != 1)
        return printFailure(err, Tr::tr("delete needs one revision: delete REV [--with-descendants|--reparent]."));
    if (args.withDescendants && args.reparent)
        return printFailure(err, Tr::tr("Give either --with-descendants or --reparent, not both."));
    RemovalRequest request;
    request.revision = args.positional.first();
    request.mode = args.withDescendants ? RemovalMode::WithDescendants
                   : args.reparent      ? RemovalMode::Reparent
                                        : RemovalMode::Alone;
    request.moveLabels = args.moveLabels;

    const QList<EnvironmentRows> environments = readEnvironments(args, project);
    RemovalPlan plan = planRemoval(project, request, environments);
    QStringList paths; // git matters for the files that go: the revisions others may have applied
    for (const FileChange &change : plan.changes) {
        if (change.remove)
            paths.append(change.path);
    }
    const GitStatus git = GitStatus::of(paths);
    QStringList warnings;
    for (const RemovalWarning &warning : plan.warnings)
        warnings.append(warning.text);
    warnings.append(git.warnings());
    if (!git.error.isEmpty())
        warnings.append(Tr::tr("git could not tell whether the files are committed: %1").arg(git.error));

    QJsonObject json{{u"revision"_s, plan.revision.isEmpty() ? request.revision : plan.revision},
                     {u"mode"_s, modeText(request.mode)},
                     {u"removed"_s, QJsonArray::fromStringList(plan.removed)},
                     {u"reparented"_s, QJsonArray::fromStringList(plan.reparented)},
                     {u"edits"_s, QJsonArray::fromStringList(plan.edits)},
                     {u"refusals"_s, QJsonArray::fromStringList(plan.refusals)},
                     {u"warnings"_s, QJsonArray::fromStringList(warnings)},
                     {u"git"_s, QJsonArray::fromStringList(git.notes())},
                     {u"dry_run"_s, args.dryRun}};
    QJsonArray checked;
    for (const EnvironmentRows &environment : environments) {
        checked.append(QJsonObject{{u"name"_s, environment.name},
                                   {u"rows"_s, QJsonArray::fromStringList(environment.rows)},
                                   {u"error"_s, environment.error}});
    }
    json[u"environments"_s] = checked;
    QJsonArray files;
    for (const FileChange &change : plan.changes)
        files.append(QJsonObject{{u"path"_s, change.path}, {u"action"_s, change.remove ? u"delete"_s : u"edit"_s}});
    json[u"files"_s] = files;

    const auto finish = [&](const QString &status, int code) {
        if (args.json) {
            json[u"status"_s] = status;
            out << StableJson::toText(json);
        }
        return code;
    };
    if (!plan.isPossible()) {
        for (const QString &refusal : std::as_const(plan.refusals))
            printFailure(err, refusal);
        return finish(u"refused"_s, 1);
    }
    if (!args.json) {
        printPlan(out, plan, environments, project.config().configDirectory());
        for (const QString &note : git.notes())
            out << printableText(note) << Qt::endl;
        for (const QString &warning : std::as_const(warnings))
            out << Tr::tr("Warning: %1").arg(printableText(warning)) << Qt::endl;
    }
    if (args.dryRun) {
        if (!args.json)
            out << Tr::tr("Dry run: nothing was changed.") << Qt::endl;
        return finish(u"dry_run"_s, 0);
    }
    if (!warnings.isEmpty() && !args.yes && !(!args.json && confirmedOnTerminal(out, Tr::tr("Delete? [y/N] ")))) {
        printFailure(err, Tr::tr("Not deleted: there are %n warning(s); read them, then add --yes to delete.", nullptr,
                                 int(warnings.size())));
        return finish(u"refused"_s, 1);
    }
    const QString trash = QDir(project.config().configDirectory()).filePath(u".retort-trash"_s);
    const Result<AppliedChanges> applied = FileTransaction::apply(plan.changes, trash);
    if (!applied) {
        printFailure(err, applied.error());
        json[u"error"_s] = applied.error();
        return finish(u"failed"_s, 1);
    }
    QJsonArray trashed;
    for (const QString &where : applied->trashedAs) {
        if (!where.isEmpty())
            trashed.append(where);
    }
    json[u"trashed"_s] = trashed;
    if (!args.json) {
        out << Tr::tr("Deleted %1; the files are in the trash (%2).")
                   .arg(plan.removed.join(u", "_s),
                        trashed.isEmpty() ? QString() : QFileInfo(trashed.first().toString()).absolutePath())
            << Qt::endl;
    }
    return finish(u"deleted"_s, 0);
}

} // namespace DeleteCommand
