// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/versiontable.h"
#include "result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct ProjectConfig;

/// A database the project is deployed to ("dev", "staging", "prod"), as the user set it up.
struct Environment
{
    QString name;
    /// A SQLAlchemy URL, stored without its password; empty: the project's sqlalchemy.url.
    QString url;
    /// The name of an environment variable that holds the URL instead (e.g. DATABASE_URL).
    QString urlVariable;
    /// `KEY=VALUE` pairs for running alembic against this database; a secret one (isSecretVariable()) is stored as
    /// `KEY` alone, its value in the keychain (EnvironmentSession::runVariables() fills it in).
    QStringList variables;
    QString color;            ///< `#rrggbb`; empty: one is chosen from the palette
    bool isProtected = false; ///< writes need the user to type the environment's name
    /// Overrides env.py's version table when not empty.
    QString versionTable;
    QString versionTableSchema;

    /// The URL to connect to: the variable's value, the stored URL with @p password filled in
    /// when it has none, or the project's sqlalchemy.url. Fails with a sentence saying what to set.
    Result<QString> resolvedUrl(const ProjectConfig &config, const QProcessEnvironment &system,
                                const QString &password = {}) const;
    /// env.py's version table unless this environment overrides it.
    VersionTableName versionTableName(const VersionTableName &fromEnvScript) const;
    bool operator==(const Environment &) const = default;
};

/// Whether variable @p name=@p value holds a secret: its name contains PASSWORD, SECRET, TOKEN or
/// KEY (in any case), or its value is a URL with a password.
bool isSecretVariable(const QString &name, const QString &value);

/// The environments of each project, kept in QSettings under the project's config path and shared
/// by retort and retort-cli. Passwords are never written: URLs are stored without them.
namespace EnvironmentStore {

/// The key environments are filed under: the project's config file, or its versions folder.
QString projectKey(const ProjectConfig &config);
QList<Environment> load(const QString &projectKey);
/// Saves @p environments, every URL without its password; fails (saving nothing) on a URL that does
/// not parse, since Retort could not tell what in it is secret.
Result<bool> save(const QString &projectKey, const QList<Environment> &environments);
/// The environment called @p name (case-sensitive), or an error listing the known names.
Result<Environment> find(const QString &projectKey, const QString &name);

} // namespace EnvironmentStore
