// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"
#include "schema/schemareplay.h"

#include <QList>
#include <QStringList>

class RevisionMap;
struct RevisionScript;

/// The schema the migrations of one project give on one dialect: after upgrading an empty database
/// to given rows, or at every revision at once (for "which revision does this database match?").
class ExpectedSchemas
{
public:
    ExpectedSchemas(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect);

    /// After `alembic upgrade` from an empty database to each of @p rows in turn (the version
    /// table's rows, or one revision), in alembic's order. Empty rows: the empty schema.
    Result<SchemaReplay> at(const QStringList &rows) const;

    struct AtRevision
    {
        int revision = -1; ///< into RevisionMap::revisions()
        SchemaReplay replay;
    };
    /// Every revision's schema, parents before children (ghosts left out). A revision with one
    /// parent continues its parent's replay; merges and dependencies are replayed from the base in
    /// alembic's order, since the branches' operations interleave there.
    QList<AtRevision> all() const;

private:
    void applyInOrder(SchemaReplay &replay, const QList<int> &revisions) const;

    const RevisionMap &m_map;
    const QList<RevisionScript> &m_scripts;
    SqlDialect m_dialect;
};
