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
///
/// A Flask-Migrate project (env.py uses Flask's `current_app`, EnvScript::usesFlaskApp) cannot run
/// under plain alembic: its env.py needs the app's context and takes the database from the app. The
/// launcher then takes the lock and checks the rows through Retort's URL as always, and runs
/// `flask db COMMAND -d <script location> …` inside the app that FLASK_APP names, from the folder
/// above the script location (or the nearest one above it holding FLASK_APP's module). The app,
/// not Retort, decides which database that migrates; the rows read again after the run tell.
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
    bool flaskMigrate = false; ///< run through `flask db` in the app FLASK_APP names (see above)
    QString scriptLocation;    ///< `flask db -d`: the migrations folder, absolute

    /// @p command for the project of @p config: its alembic.ini and section, and the interpreter the
    /// user chose for it or else the one found next to it (PythonEnvironment::interpreterFor()).
    /// Whether it runs through `flask db` comes from its env.py (EnvScript::read()).
    static AlembicInvocation forProject(const ProjectConfig &config, const QStringList &command);

    QStringList arguments() const;
    /// @p base with the variables and the URL added.
    QProcessEnvironment environment(const QProcessEnvironment &base) const;
    QString workingDirectory() const;
    /// What the log shows as the command: alembic's own command line (`flask db …` for a
    /// Flask-Migrate project), without the launcher.
    QString displayCommand() const;
    /// Why the command cannot start with @p base as the environment, one translated sentence; empty
    /// when it can. A Flask-Migrate project needs FLASK_APP, from the variables or from @p base.
    QString startProblem(const QProcessEnvironment &base) const;
    /// The texts the log must never show: the URL, its password, and the values of secret variables.
    QStringList secrets() const;
    /// Whether the command writes to the database (and so takes the lock): upgrade, downgrade or
    /// stamp, without --sql.
    bool writes() const;
};

/// @p text with every one of @p secrets replaced by `***`, longest first (a URL before its password).
QString maskSecrets(QString text, const QStringList &secrets);
