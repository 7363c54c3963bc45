// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/versiontable.h"
#include "history/migrationplanner.h"
#include "result.h"
#include "schema/schema.h"
#include "schema/schemadrift.h"

#include <QFuture>
#include <QString>
#include <QStringList>

class Project;

/// Database work for the GUI, off its thread: each job opens its own connection on a worker of a
/// pool of its own (so a database that hangs until its timeout never delays a graph layout), does
/// one thing and closes the connection. Results are values; errors name the URL masked.
namespace DatabaseJobs {

/// What a read of a version table found, and where (the URL masked).
struct TableRead
{
    QString displayUrl;
    VersionRows rows;
};

/// What an inspection of a live schema found: the schema without the version table, and the version
/// rows read in the same connection (so both describe one moment).
struct SchemaRead
{
    QString displayUrl;
    VersionRows rows;
    Schema schema;
};

/// Reads the version table @p table of the database at @p url (relative sqlite paths against @p baseDir).
QFuture<Result<TableRead>> read(const QString &url, const QString &baseDir, const VersionTableName &table);
/// Writes @p plan as VersionTable::stamp does (refusing when the rows changed since plan.rowsBefore);
/// the rows afterwards.
QFuture<Result<QStringList>> stamp(const QString &url, const QString &baseDir, const VersionTableName &table,
                                   const MigrationPlan &plan, bool purge);
/// Reads the rows of @p table and the schema of the database at @p url, read-only (SchemaInspector).
QFuture<Result<SchemaRead>> inspectSchema(const QString &url, const QString &baseDir, const VersionTableName &table);
/// Inspects the database at @p url as inspectSchema() does and compares its schema with the one
/// @p project's migrations give at the rows read (SchemaDrift), in the same worker.
QFuture<Result<SchemaDrift>> checkDrift(const QString &url, const QString &baseDir, const VersionTableName &table,
                                        const Project &project);

} // namespace DatabaseJobs
