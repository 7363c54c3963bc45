// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemadrift.h"

#include "schema/expectedschemas.h"

SchemaDrift SchemaDrift::compute(const Schema &live, const QStringList &rows, const RevisionMap &map,
                                 const QList<RevisionScript> &scripts)
{
    SchemaDrift drift;
    drift.rows = rows;
    const Result<SchemaReplay> expected = ExpectedSchemas(map, scripts, live.dialect).at(rows);
    if (!expected) {
        drift.error = expected.error();
        return drift;
    }
    drift.notes = expected->notes();
    drift.differences = SchemaDiff::compare(expected->schema(), live).differences();
    return drift;
}
