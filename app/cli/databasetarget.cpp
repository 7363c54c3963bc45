// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "databasetarget.h"

#include "cliarguments.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "printabletext.h"
#include "project/envscript.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTextStream>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCommands)
};

} // namespace

Result<DatabaseTarget> resolveTarget(const CliArguments &args, const Project &project)
{
    const ProjectConfig &config = project.config();
    const EnvScript env = EnvScript::read(config);
    DatabaseTarget target;
    target.table = env.versionTable;
    if (!args.url.isEmpty() && !args.environment.isEmpty())
        return Result<DatabaseTarget>::failure(Tr::tr("Give either --url or --env, not both."));
    if (args.url == u"-") {
        // Keeps the password out of the process list, which every user can read.
        QTextStream in(stdin);
        target.url = in.readLine().trimmed();
        if (target.url.isEmpty())
            return Result<DatabaseTarget>::failure(
                Tr::tr("--url - reads the URL from standard input, which gave none."));
    } else if (!args.url.isEmpty()) {
        target.url = args.url;
    } else if (!args.urlVariable.isEmpty()) {
        target.url = qEnvironmentVariable(args.urlVariable.toLocal8Bit().constData()).trimmed();
        if (target.url.isEmpty()) {
            return Result<DatabaseTarget>::failure(
                Tr::tr("The environment variable %1, named by --url-env, is not set.").arg(args.urlVariable));
        }
    } else if (!args.environment.isEmpty()) {
        const Result<Environment> found =
            EnvironmentStore::find(EnvironmentStore::projectKey(config), args.environment);
        if (!found)
            return Result<DatabaseTarget>::failure(found.error());
        const Result<QString> url = found->resolvedUrl(config, QProcessEnvironment::systemEnvironment());
        if (!url)
            return Result<DatabaseTarget>::failure(url.error());
        target.url = url.value();
        target.environment = found->name;
        target.isProtected = found->isProtected;
        target.variables = found->variables;
        target.table = found->versionTableName(env.versionTable);
    } else {
        const Result<QString> configured = configuredDatabaseUrl(config);
        if (!configured)
            return Result<DatabaseTarget>::failure(configured.error());
        if (configured->isEmpty()) {
            return Result<DatabaseTarget>::failure(
                Tr::tr("No database: give --url URL or --env NAME, or set sqlalchemy.url in the config."));
        }
        target.url = configured.value();
        target.fromConfig = true;
    }
    if (!args.versionTable.isEmpty())
        target.table.table = args.versionTable;
    if (!args.versionTableSchema.isEmpty())
        target.table.schema = args.versionTableSchema;
    return target;
}

bool confirmedOnTerminal(QTextStream &out, const QString &question)
{
    if (!::isatty(STDIN_FILENO))
        return false;
    out << question << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

int printFailure(QTextStream &err, const QString &message)
{
    err << "FAILED: " << printableText(message) << Qt::endl;
    return 1;
}

/// The SQLite file @p url names when it does not exist yet (alembic would create it), else empty.
QString missingSqliteFile(const QString &url, const QString &baseDir)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed || parsed->sqlDialect()->kind() != SqlDialect::Kind::SQLite || parsed->isSqliteMemory())
        return {};
    const QString file = parsed->sqliteFilePath(baseDir);
    return QFileInfo::exists(file) ? QString() : file;
}

std::optional<OpenedDatabase> openAndRead(const CliArguments &args, const Project &project, DatabaseAccess access,
                                          QTextStream &err, QString *createsFile)
{
    const Result<DatabaseTarget> target = resolveTarget(args, project);
    if (!target) {
        printFailure(err, target.error());
        return std::nullopt;
    }
    QString url = target->url;
    const QString missing =
        access == DatabaseAccess::Read ? QString() : missingSqliteFile(url, project.config().configDirectory());
    if (!missing.isEmpty()) {
        if (createsFile)
            *createsFile = missing;
        // A preview of a stamp that would create the file: an empty in-memory database of the same kind.
        if (access == DatabaseAccess::Preview)
            url = u"sqlite://"_s;
    }
    const Result<std::shared_ptr<DatabaseConnection>> connection =
        DatabaseConnection::open(url, project.config().configDirectory(), access == DatabaseAccess::Read);
    if (!connection) {
        printFailure(err, connection.error());
        return std::nullopt;
    }
    const Result<VersionRows> rows = VersionTable::read(connection.value()->database(), target->table);
    if (!rows) {
        printFailure(err, rows.error());
        return std::nullopt;
    }
    return OpenedDatabase{target.value(), connection.value(), rows.value()};
}
