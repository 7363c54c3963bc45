// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;
struct MigrationPlan;
class SqlDialect;

/// Where Alembic keeps its rows: `context.configure(version_table=…, version_table_schema=…,
/// version_table_pk=…)` in env.py.
struct VersionTableName
{
    QString table = QStringLiteral("alembic_version");
    QString schema; ///< empty: the connection's default schema
    bool primaryKey = true;

    /// Why Retort will not put this name into SQL (anything but letters, digits, `_` and `$`, or
    /// a leading digit), or an empty string. Names are also quoted by the driver.
    QString validationError() const;
    /// `schema.table` or `table`, for messages.
    QString displayName() const;
    bool operator==(const VersionTableName &) const = default;
};

/// The rows of a version table as read, in the order the database returned them.
struct VersionRows
{
    bool tableExists = false;
    QStringList rows;
};

/// Reading and stamping Alembic's version table through Qt Sql, on a database opened in the
/// calling thread. SQL text follows Alembic's (alembic-semantics.md §4.1); values are bound, names
/// validated and quoted.
///
/// How a stamp is written: the table is created first when missing (MySQL and MariaDB commit DDL
/// at once, so it cannot be part of the transaction). Then, in one transaction, the table is locked
/// against other writers and its rows read again; if they differ from the rows the plan was made
/// from, someone else migrated in between and nothing is written. Otherwise the plan's writes run
/// in order, each DELETE and UPDATE must touch exactly one row (as Alembic checks), the rows are read
/// once more and must equal the plan's result, and only then is the transaction committed. Any
/// failure rolls everything back.
namespace VersionTable {

Result<VersionRows> read(QSqlDatabase &db, const VersionTableName &name);

/// The statements a stamp runs, as text with the values inline (Alembic's offline rendering), for
/// the preview. @p createTable adds the CREATE TABLE.
QStringList stampStatements(const SqlDialect &dialect, const VersionTableName &name, const MigrationPlan &plan,
                            bool purge, bool createTable);

/// Writes @p plan (a stamp planned from plan.rowsBefore) as described above; returns the rows after.
Result<QStringList> stamp(QSqlDatabase &db, const VersionTableName &name, const MigrationPlan &plan, bool purge);

} // namespace VersionTable
