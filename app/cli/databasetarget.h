// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/databaseconnection.h"
#include "database/versiontable.h"
#include "result.h"

#include <QString>

#include <memory>
#include <optional>

class Project;
class QTextStream;
struct CliArguments;

/// The database a command works on (--url, --url-env, --env or the config's sqlalchemy.url), and
/// how to treat it.
struct DatabaseTarget
{
    QString url;
    QString environment; ///< empty for --url and the project's sqlalchemy.url
    bool isProtected = false;
    VersionTableName table;
    QStringList variables;   ///< the environment's `KEY=VALUE` pairs for running alembic
    bool fromConfig = false; ///< the config's own sqlalchemy.url: alembic finds it by itself
};

Result<DatabaseTarget> resolveTarget(const CliArguments &args, const Project &project);

/// Asks @p question on the terminal; without one (CI, a pipe) the answer is no.
bool confirmedOnTerminal(QTextStream &out, const QString &question);

/// Prints `FAILED: message` and returns the failure exit code.
int printFailure(QTextStream &err, const QString &message);

/// A target opened, with its version rows read.
struct OpenedDatabase
{
    DatabaseTarget target;
    std::shared_ptr<DatabaseConnection> connection;
    VersionRows rows;
};

/// How a command uses the database: reading and previewing never create a SQLite file.
enum class DatabaseAccess
{
    Read,
    Preview,
    Write
};

/// The SQLite file @p url names when it does not exist yet (alembic would create it), else empty.
QString missingSqliteFile(const QString &url, const QString &baseDir);

/// Opens the target and reads its version rows; on failure prints why and returns nothing. A preview of
/// a SQLite file that does not exist reads an empty in-memory database and sets @p createsFile.
std::optional<OpenedDatabase> openAndRead(const CliArguments &args, const Project &project, DatabaseAccess access,
                                          QTextStream &err, QString *createsFile = nullptr);
