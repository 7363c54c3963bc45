// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

struct VersionTableName;

/// One kind of database Retort talks to (SQLite, PostgreSQL, MySQL/MariaDB), and everything that
/// differs between them: the SQLAlchemy names, the Qt driver, the Debian package that has it,
/// identifier quoting and the version table's SQL. Every decision by kind of database is made here.
class SqlDialect
{
public:
    enum class Kind : quint8
    {
        SQLite,
        PostgreSQL,
        MySQL, ///< MySQL and MariaDB alike
    };

    constexpr explicit SqlDialect(Kind kind)
        : m_kind(kind)
    {}

    /// The dialect of a SQLAlchemy URL's dialect name (`sqlite`, `postgresql`, `mysql`, `mariadb`;
    /// exact case, as SQLAlchemy 1.4 wants it), nullopt for any other.
    static std::optional<SqlDialect> fromSqlAlchemy(QStringView dialect);
    /// The dialect of a Qt Sql driver name (`QSQLITE`, `QPSQL`, `QMYSQL`, `QMARIADB`), nullopt for any other.
    static std::optional<SqlDialect> fromQtDriver(QStringView driverName);

    Kind kind() const { return m_kind; }
    bool operator==(const SqlDialect &) const = default;

    /// "SQLite", "PostgreSQL" or "MySQL", for messages.
    QString displayName() const;
    /// The Qt Sql driver that opens it: QSQLITE, QPSQL or QMYSQL.
    QString qtDriverName() const;
    /// The Debian package with that driver's plugin.
    QString debianPackage() const;
    /// The DBAPI drivers SQLAlchemy (1.4 and 2.0) ships for the dialect and Qt can stand in for.
    const QStringList &sqlAlchemyDrivers() const;
    /// Whether a connection needs a user's password (SQLite has no users).
    bool hasUsers() const { return m_kind != Kind::SQLite; }
    /// Whether DDL joins the transaction; MySQL and MariaDB commit it at once.
    bool hasTransactionalDdl() const { return m_kind != Kind::MySQL; }

    /// @p identifier quoted as Qt's driver quotes a table name (`"x"`, MySQL `` `x` ``).
    QString quoteIdentifier(const QString &identifier) const;
    /// `schema.table` or `table`, each part quoted.
    QString qualifiedName(const VersionTableName &name) const;
    /// Alembic's CREATE TABLE for the version table (alembic-semantics.md §4.1).
    QString createVersionTable(const VersionTableName &name) const;
    /// The statement that keeps other writers out of the version table until the transaction ends,
    /// readers not; empty where reading the rows `FOR UPDATE` does it (MySQL) or the database locks
    /// itself on the first write (SQLite).
    QString lockVersionTable(const VersionTableName &name) const;
    /// The statement that makes the session's statements stop waiting behind another session's lock
    /// after @p seconds (SQLite: Qt's busy timeout does it; empty).
    QString sessionLockTimeout(int seconds) const;
    /// The SELECT of the version rows; @p forUpdate locks them where that is how the dialect locks.
    QString selectVersionRows(const VersionTableName &name, bool forUpdate) const;

private:
    Kind m_kind;
};
