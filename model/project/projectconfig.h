// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "result.h"

#include <QString>
#include <QStringList>

/// What Retort needs from an alembic project's configuration: the keys
/// `ScriptDirectory.from_config` reads, resolved to absolute paths.
///
/// How it works: options are looked up like newest alembic's `Config.get_alembic_option`: the ini's
/// main section (`[alembic]`, or the `-n` section) first, then pyproject.toml's `[tool.alembic]`.
/// Ini values get ConfigParser interpolation (`%(here)s` = the ini's directory); TOML strings get
/// Python `%`-formatting with `here` = the pyproject.toml's directory. Everything alembic rejects
/// before it can list revisions makes the loader fail with alembic's message; problems alembic
/// would only hit later (a bad `sqlalchemy.url` interpolation, ini syntax that strict ConfigParser
/// refuses but whose values could still be read) are left in `diagnostics`.
struct ProjectConfig
{
    QString iniFile;  ///< absolute; empty when there is none
    QString tomlFile; ///< absolute pyproject.toml whose [tool.alembic] was read; empty when none
    /// The config file's folder (the ini, else pyproject.toml): where alembic runs, and what relative
    /// sqlite paths are resolved against. Empty for a bare versions folder.
    QString configDirectory() const;
    /// What loadProjectPath() reads this configuration from again (with `section`): the ini, else
    /// pyproject.toml, else the script location, else the first version location.
    QString openPath() const;
    QString section = QStringLiteral("alembic");
    QString scriptLocation; ///< absolute; empty for bare versions folders
    /// How the script location was found when no `script_location` key named it (a Flask-Migrate
    /// folder, a project root's migrations/ folder); empty when the config named it.
    QString scriptLocationNote;
    QStringList versionLocations;          ///< absolute, in configured order, existing or not
    bool versionLocationsExplicit = false; ///< set by `version_locations` rather than the default
    bool recursiveVersionLocations = false;
    bool sourceless = false;
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s");
    int truncateSlugLength = 40;
    QString timezone;
    QString outputEncoding = QStringLiteral("utf-8");
    bool revisionEnvironment = false;
    /// Interpolated but unmasked: show it only through maskedUrl().
    QString sqlalchemyUrl;
    /// Why `sqlalchemy.url` cannot be read (an interpolation error env.py would hit); then
    /// sqlalchemyUrl is empty and nothing connects to the text as written.
    QString sqlalchemyUrlError;
    QStringList prependSysPath;
    /// Warnings, and errors alembic would raise that still left a usable configuration.
    Diagnostics diagnostics;
};

/// Reads @p iniPath like `alembic -c iniPath -n section`. @p tomlPath names a pyproject.toml whose
/// [tool.alembic] table fills in what the ini section lacks; when empty, a pyproject.toml next to the
/// ini is used if it has that table. Unlike alembic, relative script and version locations are
/// resolved against the directory of the file that set them, not the current directory.
/// @p python, when given (the user's consent), finds `package:folder` locations that are not in the
/// project's source tree by asking that interpreter, as alembic does.
Result<ProjectConfig> loadIniConfig(const QString &iniPath, const QString &section = QStringLiteral("alembic"),
                                    const QString &tomlPath = {}, const QString &python = {});

/// Reads only the [tool.alembic] table of @p pyprojectPath (no alembic.ini needed).
Result<ProjectConfig> loadTomlConfig(const QString &pyprojectPath, const QString &python = {});

/// A configuration for bare versions folder(s) without any config file: no script location,
/// @p dirs (made absolute) as the version locations.
ProjectConfig configForVersionsFolders(const QStringList &dirs);

/// The config files in @p dir that alembic would use: alembic.ini if it exists, then
/// pyproject.toml if it has a [tool.alembic] table. Absolute paths.
QStringList findConfigCandidates(const QString &dir);

/// The config's `sqlalchemy.url` (empty when it sets none), or why it cannot be read.
Result<QString> configuredDatabaseUrl(const ProjectConfig &config);

/// One line for the window's status tooltip: which config file and section were
/// read and which script location and version folders are used.
QString describeProject(const ProjectConfig &config);

/// Opens whatever the user pointed at: an ini file, a pyproject.toml, or a directory holding
/// alembic.ini, a pyproject.toml with [tool.alembic], a script location (env.py or versions/),
/// revision files (a bare versions folder), or a project root whose migrations/ or alembic/ folder
/// is a script location (Flask-Migrate's default), tried in that order.
Result<ProjectConfig> loadProjectPath(const QString &path, const QString &section = QStringLiteral("alembic"),
                                      const QString &python = {});

/// The ini file loadProjectPath(@p path) reads (absolute); empty when it reads none.
QString configIniFile(const QString &path);

/// The sections of the ini file loadProjectPath(@p path) would read that can be alembic's main section
/// (`alembic -n`): [alembic] when it exists and every section that sets script_location itself, in
/// file order. Empty when @p path opens no ini file (a pyproject.toml, a bare folder) or it cannot be
/// read. The window asks which one to open when there are several.
QStringList configSections(const QString &path);

/// The configuration @p revisionFile belongs to. Going up from its folder: the first folder whose
/// config (what loadProjectPath() of that folder reads: an alembic.ini, with each of its
/// configSections(), or a pyproject.toml) has the file in or below a version location or its script
/// location (it may be a sub-folder the config does not read); among an ini's sections, one whose
/// version location is the file's own folder wins, then [alembic], then file order. Else the nearest
/// script location above it (a folder with env.py or versions/), else its own folder as a bare versions
/// folder. Fails only when @p revisionFile is not a file.
Result<ProjectConfig> findOwningProject(const QString &revisionFile);
