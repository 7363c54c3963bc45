// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"
#include "schema/schema.h"

#include <QString>
#include <QStringList>

class DatabaseConnection;
struct VersionTableName;

/// Reads the live schema of a database into a Schema: tables (without the version table), columns
/// with normalised types, nullability, defaults and autoincrement, primary keys, indexes, unique,
/// check and foreign key constraints; views; PostgreSQL enum types.
///
/// How it works: a handful of catalog queries per inspection, each covering every table of the
/// schemas asked for, never one query per table (1,000 tables take well under a second):
/// - SQLite: sqlite_master joined with the table-valued pragma_table_info(), pragma_index_list(),
///   pragma_index_xinfo() and pragma_foreign_key_list(). SQLite keeps no names for constraints, so
///   they are read from the CREATE TABLE text as SQLAlchemy's SQLite dialect reads them, and left
///   empty when unnamed; an index of origin 'u' is a UNIQUE constraint, 'pk' the primary key, 'c'
///   an index (its expressions and WHERE come from its CREATE INDEX text). An INTEGER PRIMARY KEY
///   (a rowid alias) is autoincrement.
/// - PostgreSQL: pg_catalog (pg_class, pg_attribute, pg_attrdef, pg_constraint, pg_index, pg_type,
///   pg_enum) with format_type(), pg_get_expr(), pg_get_indexdef() and pg_get_constraintdef().
///   Identity and serial columns are autoincrement, their nextval() default dropped; indexes that
///   back a primary key, unique or exclusion constraint are not listed as indexes.
/// - MySQL/MariaDB: information_schema (COLUMNS, STATISTICS, TABLE_CONSTRAINTS, KEY_COLUMN_USAGE,
///   REFERENTIAL_CONSTRAINTS, CHECK_CONSTRAINTS where the server has it). A unique index that
///   TABLE_CONSTRAINTS lists as UNIQUE is a unique constraint; every other index, including the
///   ones MySQL adds for foreign keys, is an index. MariaDB's column-level checks (its own
///   `json_valid()` on JSON columns among them) are not listed.
///
/// Server defaults are normalised: `::type` casts and outer parentheses removed, `NULL` dropped,
/// string literals quoted (`'x'`) whatever the server version reports. Foreign key actions are
/// upper case and empty for NO ACTION and RESTRICT. Names keep the database's case.
///
/// Tables of the connection's default schema have an empty `schema`; tables of other schemas
/// asked for carry its name, and so do foreign keys that point into another schema.
class SchemaInspector
{
public:
    /// The schema of @p connection's database without @p versionTable. @p schemas: the schemas
    /// (PostgreSQL schemas, MySQL databases, SQLite attached databases) to read; empty reads the
    /// connection's default schema only. An error names the URL (masked) and what failed.
    static Result<Schema> inspect(DatabaseConnection &connection, const VersionTableName &versionTable,
                                  const QStringList &schemas = {});

    /// A server default or condition as SQL, normalised as inspect() does it: casts (`'x'::text`),
    /// outer parentheses and surrounding whitespace removed; empty for `NULL`.
    static QString normalizedSql(QStringView sql);
};
