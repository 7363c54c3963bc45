// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schema.h"

#include <algorithm>
#include <tuple>
#include <utility>

const SchemaColumn *SchemaTable::column(const QString &columnName) const
{
    for (const SchemaColumn &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

// Non-const access detaches the implicitly shared list first: a copied schema never changes its original.
SchemaColumn *SchemaTable::column(const QString &columnName)
{
    for (SchemaColumn &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

QString SchemaTable::qualifiedName() const
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

const SchemaTable *Schema::table(const QString &schemaName, const QString &tableName) const
{
    for (const SchemaTable &t : tables) {
        if (t.name == tableName && t.schema == schemaName)
            return &t;
    }
    return nullptr;
}

SchemaTable *Schema::table(const QString &schemaName, const QString &tableName)
{
    for (SchemaTable &t : tables) {
        if (t.name == tableName && t.schema == schemaName)
            return &t;
    }
    return nullptr;
}

void Schema::sortTables()
{
    std::sort(tables.begin(), tables.end(), [](const SchemaTable &a, const SchemaTable &b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
}
