// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/sqldialect.h"

#include <QList>
#include <QString>
#include <QStringList>

/// A column type as one database stores it, in one spelling for every way of writing it: the
/// catalog's `character varying(50)` and SQLAlchemy's DDL `VARCHAR(50)` are both
/// {"VARCHAR", length 50} on PostgreSQL. Built by SqlType::parse() from the live catalog and from the
/// DDL SQLAlchemy would emit, so two equal types compare equal with ==.
struct SqlType
{
    /// Upper case, the dialect's own word in one spelling: INTEGER, BIGINT, SMALLINT, BOOLEAN,
    /// VARCHAR, CHAR, TEXT, NUMERIC, REAL, DOUBLE PRECISION, FLOAT, DATE, TIME, TIMESTAMP, DATETIME,
    /// INTERVAL, BLOB, BYTEA, JSON, JSONB, UUID, ENUM… anything else as written (upper-cased,
    /// whitespace collapsed).
    QString name;
    int length = -1;    ///< VARCHAR/CHAR(n), FLOAT(p) precision; -1 when not given
    int precision = -1; ///< NUMERIC(p, s); the fractional seconds of TIMESTAMP(p), TIME(p), DATETIME(p)
    int scale = -1;
    bool withTimeZone = false; ///< PostgreSQL TIMESTAMP/TIME WITH TIME ZONE
    bool isArray = false;      ///< PostgreSQL `x[]`
    QString enumName;          ///< PostgreSQL: the enum type's name (ENUM)
    QStringList enumValues;    ///< MySQL inline ENUM('a','b'); PostgreSQL: the named type's labels
    bool isUnsigned = false;   ///< MySQL UNSIGNED (and ZEROFILL, which implies it)

    /// Reads @p declared, a type as @p dialect's catalog or SQLAlchemy's DDL compiler writes it.
    static SqlType parse(SqlDialect dialect, QStringView declared);
    /// "VARCHAR(50)", "NUMERIC(10, 2)", "ENUM('a', 'b')", "TIMESTAMP WITH TIME ZONE".
    QString text() const;
    bool operator==(const SqlType &) const = default;
};

struct SchemaColumn
{
    QString name;
    SqlType type;
    bool nullable = true;
    /// The server default as SQL, normalised (casts such as `::character varying` and outer
    /// parentheses removed); empty when none. Sequences and identities are `autoincrement` instead.
    QString serverDefault;
    /// SERIAL / IDENTITY / AUTO_INCREMENT / SQLite's INTEGER PRIMARY KEY (a rowid alias, with or without AUTOINCREMENT)
    bool autoincrement = false;
    QString comment;
};

/// A constraint or index name as given, or empty when the database chose one nobody wrote
/// (SQLite's unnamed constraints). Unnamed ones are compared by content.
struct SchemaPrimaryKey
{
    QString name;
    QStringList columns;
};

struct SchemaIndex
{
    QString name;
    /// Column names in index order; an expression is kept as its SQL text in parentheses.
    QStringList columns;
    bool unique = false;
    bool hasExpressions = false;
    QString where; ///< a partial index's predicate, normalised; empty when none
};

struct SchemaUniqueConstraint
{
    QString name;
    QStringList columns;
};

struct SchemaCheckConstraint
{
    QString name;
    QString sqlText; ///< the condition, normalised
};

struct SchemaForeignKey
{
    QString name;
    QStringList columns;
    QString referredSchema; ///< empty: the table's own schema
    QString referredTable;
    QStringList referredColumns;
    QString onDelete; ///< upper case, empty for NO ACTION / RESTRICT defaults
    QString onUpdate;
};

struct SchemaTable
{
    QString schema; ///< empty: the connection's default schema
    QString name;
    QList<SchemaColumn> columns; ///< in table order
    SchemaPrimaryKey primaryKey; ///< no columns: none
    QList<SchemaIndex> indexes;  ///< not the primary key's, not unique constraints' own indexes
    QList<SchemaUniqueConstraint> uniqueConstraints;
    QList<SchemaCheckConstraint> checkConstraints;
    QList<SchemaForeignKey> foreignKeys;

    const SchemaColumn *column(const QString &name) const;
    SchemaColumn *column(const QString &name);
    QString qualifiedName() const; ///< "schema.name" or "name"
};

struct SchemaEnum
{
    QString schema;
    QString name;
    QStringList values;
};

/// A database schema as value type: what one database has (SchemaInspector) or should have at a
/// revision (SchemaReplay). Tables sorted by (schema, name); the version table is never in it.
struct Schema
{
    SqlDialect dialect{SqlDialect::Kind::SQLite};
    QList<SchemaTable> tables;
    QList<SchemaEnum> enums; ///< PostgreSQL named enum types
    QStringList views;       ///< qualified names

    const SchemaTable *table(const QString &schema, const QString &name) const;
    SchemaTable *table(const QString &schema, const QString &name);
    void sortTables();
};
