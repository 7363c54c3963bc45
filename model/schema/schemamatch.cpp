// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemamatch.h"

#include "schema/expectedschemas.h"
#include "schema/schemadiff.h"

#include <algorithm>
#include <numeric>

QList<SchemaMatch> rankRevisions(const Schema &live, const RevisionMap &map, const QList<RevisionScript> &scripts)
{
    const QList<ExpectedSchemas::AtRevision> schemas = ExpectedSchemas(map, scripts, live.dialect).all();
    QList<SchemaMatch> matches;
    matches.reserve(schemas.size() + 1);
    const auto add = [&](int revision, const Schema &expected, bool approximate) {
        const SchemaDiff diff = SchemaDiff::compare(expected, live);
        matches.append(SchemaMatch{revision, diff.distance(), int(diff.differences().size()), approximate});
    };
    Schema empty;
    empty.dialect = live.dialect;
    add(-1, empty, false);
    for (const ExpectedSchemas::AtRevision &at : schemas)
        add(at.revision, at.replay.schema(), at.replay.isApproximate());
    QList<int> indexes(matches.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    std::stable_sort(indexes.begin(), indexes.end(), [&](int a, int b) {
        const SchemaMatch &x = matches.at(a);
        const SchemaMatch &y = matches.at(b);
        if (x.distance != y.distance)
            return x.distance < y.distance;
        if (x.approximate != y.approximate)
            return !x.approximate;
        return a < b; // added parents first
    });
    QList<SchemaMatch> ranked;
    ranked.reserve(matches.size());
    for (int i : std::as_const(indexes))
        ranked.append(matches.at(i));
    return ranked;
}
