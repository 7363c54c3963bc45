// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/sqldialect.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

/// One open Qt Sql connection to the database a SQLAlchemy URL names, usable only in the thread that
/// opened it (Qt Sql's rule); closed and removed when destroyed. Every message names the URL with
/// its password masked.
class DatabaseConnection
{
public:
    /// Seconds a connection attempt (and, for MySQL, a read) may hang before it fails, and seconds
    /// Retort's statements wait behind another session's lock (SQLite: Qt's 5 s busy timeout).
    static constexpr int DefaultTimeout = 10;

    /// Opens @p url; relative sqlite paths are resolved against @p baseDir (the config's folder).
    /// @p readOnly opens SQLite files read-only (reading never creates a missing file).
    static Result<std::shared_ptr<DatabaseConnection>> open(const QString &url, const QString &baseDir,
                                                            bool readOnly = false, int timeoutSeconds = DefaultTimeout);
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    QSqlDatabase &database() { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }
    /// The URL with its password as `***`.
    const QString &displayUrl() const { return m_displayUrl; }

private:
    DatabaseConnection() = default;
    QSqlDatabase m_db;
    QString m_name;
    QString m_displayUrl;
    SqlDialect m_dialect{SqlDialect::Kind::SQLite};
};
