// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

struct Schema;

/// One way a schema is not the one it was expected to be: an object only one side has, or one
/// property of an object both have.
struct SchemaDifference
{
    enum class Change : quint8
    {
        Missing,    ///< expected, not in the actual schema
        Unexpected, ///< in the actual schema, not expected
        Changed,    ///< in both, @ref property differs
    };
    enum class Severity : quint8
    {
        Info,    ///< server defaults, check texts, names only
        Warning, ///< nullability, indexes, unique constraints, foreign keys, checks, enums, views
        Error,   ///< tables, columns, types, primary keys
    };

    Change change = Change::Changed;
    Severity severity = Severity::Info;
    QString table; ///< the qualified table name; empty for schema-level objects (enums, views)
    /// A stable code: "table", "column", "primary_key", "index", "unique", "check", "foreign_key",
    /// "enum", "view".
    QString objectKind;
    /// The column's, index's or constraint's name; for an unnamed one its content (`(email)`,
    /// `(user_id) REFERENCES users (id)`); the qualified name of an enum or view; empty for a table.
    QString objectName;
    /// For Changed: "type", "nullable", "default", "autoincrement", "columns", "unique", "where",
    /// "referred", "on_delete", "on_update", "condition", "name", "values"; empty otherwise.
    QString property;
    /// The values as SQL (`VARCHAR(50) NOT NULL`, `(a, b)`, `CASCADE`): for Changed the property's,
    /// for Missing/Unexpected the whole object's on the side that has it; empty where there is none.
    QString expected;
    QString actual;

    /// One line, as `diff expected actual` would mark it: "- column users.email VARCHAR(50)" (missing),
    /// "+ index ix_users_name on users (name)" (unexpected), "~ column users.name: type VARCHAR(50) →
    /// VARCHAR(80)" (changed). Kinds and properties in the user's language.
    QString text() const;
    /// What it adds to a distance: a missing or unexpected table weighs more than a column, a column
    /// more than a type, a type more than an index, an index more than a default or a name.
    int weight() const;
    bool operator==(const SchemaDifference &) const = default;
};

/// The sum of @p differences' weights: 0 only when there are none.
int schemaDistance(const QList<SchemaDifference> &differences);

/// The differences between the schema a database should have and the one it has, shared by drift
/// (live vs. replayed at the stamped revision), models (live vs. autogenerate's) and "which revision
/// does this database match" (distance() against every revision).
///
/// How it works: tables are matched by (schema, name), columns by name (column order is not a
/// difference); on MySQL, whose names are case-insensitive, a name left over is matched again
/// ignoring case. Indexes and constraints are matched in three passes: by equal name; then by equal
/// content whatever the names (both named differently: a naming-only difference); then by equal key
/// (columns, referred table and columns, condition) when one side has no name, the leftovers' other
/// properties being reported as changes. Before that, what each dialect's catalog shows differently
/// from what the DDL said is put into one form: MySQL's unique indexes become unique constraints and
/// its automatic foreign key indexes and MariaDB's JSON checks are dropped, PostgreSQL's indexes that
/// back a constraint are dropped, SQL texts (defaults, checks, predicates) are compared as token lists
/// without casts, whitespace and case, and so on (see the .cpp). On MySQL a side that has no check
/// constraint at all is taken as one that cannot report them (before 8.0.16), and checks are not
/// compared.
class SchemaDiff
{
public:
    static SchemaDiff compare(const Schema &expected, const Schema &actual);

    /// Grouped by table (tables in (schema, name) order, schema-level objects last); inside a table
    /// the table itself, its columns in expected order then the unexpected ones in actual order, the
    /// primary key, then indexes, unique constraints, checks and foreign keys each by name.
    const QList<SchemaDifference> &differences() const { return m_differences; }
    bool isEmpty() const { return m_differences.isEmpty(); }
    /// For ranking revisions against a live schema: 0 only when isEmpty(); a missing or unexpected
    /// table weighs more than a column, a column more than a type, a type more than an index, an index
    /// more than a default or a name.
    int distance() const;
    /// The qualified names of the tables with differences, in differences() order.
    QStringList tables() const;
    /// The most severe difference's severity; Info when there is none.
    SchemaDifference::Severity maximumSeverity() const;

private:
    QList<SchemaDifference> m_differences;
};
