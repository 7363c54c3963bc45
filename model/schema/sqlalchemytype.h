// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "python/pythonsyntax.h"
#include "schema/schema.h"

#include <QString>

/// What a SQLAlchemy type expression in a migration (`sa.String(length=50)`, `postgresql.ENUM(…)`,
/// `mysql.TINYINT(display_width=1)`) becomes in one dialect's database: the DDL SQLAlchemy 1.4
/// compiles for it, read back through SqlType::parse() so it compares with the live catalog.
struct CompiledSqlAlchemyType
{
    SqlType type;
    /// Why the expression could not be read exactly (a custom type, an enum built from a Python
    /// class…); empty when it was. The type is then a best guess.
    QString problem;
    /// PostgreSQL named enum the column needs (sa.Enum / postgresql.ENUM with a name and
    /// create_type not False): created with the table or column.
    bool createsEnumType = false;
};

/// @p expr is the type argument of sa.Column / alter_column(type_=…); a class without a call
/// (`sa.Integer`) is its default instance.
CompiledSqlAlchemyType compileSqlAlchemyType(const PyExpr &expr, SqlDialect dialect);
