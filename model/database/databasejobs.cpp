// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/databasejobs.h"

#include "backgroundjob.h"
#include "database/databaseconnection.h"
#include "project/project.h"
#include "schema/schemainspector.h"

#include <QThreadPool>

#include <memory>

namespace {

QThreadPool &pool()
{
    static QThreadPool databases;
    static const bool configured = [] {
        databases.setMaxThreadCount(4);
        return true;
    }();
    Q_UNUSED(configured);
    return databases;
}

/// Opens a connection to @p url in the worker and hands it to @p use; a failure to connect becomes
/// the outcome's error.
template<typename Use>
auto onConnection(const QString &url, const QString &baseDir, bool readOnly, Use use)
{
    return runInBackground(pool(), [url, baseDir, readOnly, use = std::move(use)] {
        using Outcome = std::invoke_result_t<Use, DatabaseConnection &>;
        const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, baseDir, readOnly);
        return connection ? use(*connection.value()) : Outcome::failure(connection.error());
    });
}

} // namespace

namespace DatabaseJobs {

QFuture<Result<TableRead>> read(const QString &url, const QString &baseDir, const VersionTableName &table)
{
    return onConnection(url, baseDir, true, [table](DatabaseConnection &connection) -> Result<TableRead> {
        Result<VersionRows> rows = VersionTable::read(connection.database(), table);
        if (!rows)
            return Result<TableRead>::failure(rows.error());
        return TableRead{connection.displayUrl(), std::move(rows.value())};
    });
}

QFuture<Result<QStringList>> stamp(const QString &url, const QString &baseDir, const VersionTableName &table,
                                   const MigrationPlan &plan, bool purge)
{
    return onConnection(url, baseDir, false, [table, plan, purge](DatabaseConnection &connection) {
        return VersionTable::stamp(connection.database(), table, plan, purge);
    });
}

QFuture<Result<SchemaRead>> inspectSchema(const QString &url, const QString &baseDir, const VersionTableName &table)
{
    return onConnection(url, baseDir, true, [table](DatabaseConnection &connection) -> Result<SchemaRead> {
        Result<VersionRows> rows = VersionTable::read(connection.database(), table);
        if (!rows)
            return Result<SchemaRead>::failure(rows.error());
        Result<Schema> schema = SchemaInspector::inspect(connection, table);
        if (!schema)
            return Result<SchemaRead>::failure(schema.error());
        return SchemaRead{connection.displayUrl(), std::move(rows.value()), std::move(schema.value())};
    });
}

QFuture<Result<SchemaDrift>> checkDrift(const QString &url, const QString &baseDir, const VersionTableName &table,
                                        const Project &project)
{
    return onConnection(url, baseDir, true, [table, project](DatabaseConnection &connection) -> Result<SchemaDrift> {
        const Result<VersionRows> rows = VersionTable::read(connection.database(), table);
        if (!rows)
            return Result<SchemaDrift>::failure(rows.error());
        const Result<Schema> schema = SchemaInspector::inspect(connection, table);
        if (!schema)
            return Result<SchemaDrift>::failure(schema.error());
        return SchemaDrift::compute(schema.value(), rows->rows, project.map(), project.scripts());
    });
}

} // namespace DatabaseJobs
