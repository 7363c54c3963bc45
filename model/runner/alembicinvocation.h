// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environment.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

struct ProjectConfig;

/// One alembic command as Retort runs it: `<python> -c <launcher> WAIT -c <ini> [-n section]
/// [-x …] COMMAND…` in the config's folder. The URL travels in the child's environment, never on
/// its command line, which every user of the machine can read (/proc/<pid>/cmdline).
struct AlembicInvocation
{
    QString python;
    QString configFile;      ///< the alembic.ini the command reads
    QString section;         ///< `-n`; empty for alembic's default, "alembic"
    QStringList xArguments;  ///< each one becomes `-x VALUE`
    QStringList command;     ///< alembic's command and its arguments, e.g. {"upgrade", "heads"}
    QString url;             ///< becomes sqlalchemy.url; empty: the config's own
    QStringList variables;   ///< `KEY=VALUE` pairs env.py may read (DATABASE_URL…)
    int lockWaitSeconds = 0; ///< how long to wait for another run's lock; < 0: as long as it takes
    /// The version rows the plan was made from (empty: an empty or missing table). When set, a
    /// command that writes reads the version table (named by @ref versionTable) once it holds the
    /// lock, and runs nothing if the rows differ: alembic would resolve the target from the new rows
    /// and run steps nobody previewed (AlembicRunOutcome::Status::RowsChanged).
    std::optional<QStringList> expectedRows;
    VersionTableName versionTable;

    /// @p command for the project of @p config: its alembic.ini and section, and the interpreter the
    /// user chose for it or else the one found next to it (PythonEnvironment::interpreterFor()).
    static AlembicInvocation forProject(const ProjectConfig &config, const QStringList &command);

    QStringList arguments() const;
    /// @p base with the variables and the URL added.
    QProcessEnvironment environment(const QProcessEnvironment &base) const;
    QString workingDirectory() const;
    /// What the log shows as the command: alembic's own command line, without the launcher.
    QString displayCommand() const;
    /// The texts the log must never show: the URL, its password, and the values of secret variables.
    QStringList secrets() const;
    /// Whether the command writes to the database (and so takes the lock): upgrade, downgrade or
    /// stamp, without --sql.
    bool writes() const;
};

/// @p text with every one of @p secrets replaced by `***`, longest first (a URL before its password).
QString maskSecrets(QString text, const QStringList &secrets);
