// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemamatch.h"

#include "history/revisionmap.h"
#include "schema/expectedschemas.h"
#include "schema/schemadiff.h"

#include <QSet>

#include <algorithm>

namespace {

bool sameRows(const QStringList &a, const QStringList &b)
{
    return QSet<QString>(a.cbegin(), a.cend()) == QSet<QString>(b.cbegin(), b.cend());
}

} // namespace

QList<SchemaMatch> rankRevisions(const Schema &live, const RevisionMap &map, const QList<RevisionScript> &scripts,
                                 const QStringList &stampedRows)
{
    const ExpectedSchemas expected(map, scripts, live.dialect);
    const QList<ExpectedSchemas::AtRevision> schemas = expected.all();
    QList<SchemaMatch> matches;
    matches.reserve(schemas.size() + 3);
    const auto add = [&](const QStringList &rows, int revision, const SchemaReplay &replay) {
        const SchemaDiff diff = SchemaDiff::compare(replay.schema(), live);
        matches.append(SchemaMatch{rows, revision, diff.distance(), int(diff.differences().size()),
                                   replay.isApproximate(), sameRows(rows, stampedRows)});
    };
    add({}, -1, SchemaReplay(live.dialect));
    for (const ExpectedSchemas::AtRevision &at : schemas)
        add({map.revision(at.revision).id}, at.revision, at.replay);
    // Several rows at once: all heads (where `upgrade heads` leads) and the database's own rows.
    for (const QStringList &rows : {map.ids(map.heads()), stampedRows}) {
        const bool listed =
            std::any_of(matches.cbegin(), matches.cend(), [&](const SchemaMatch &m) { return sameRows(m.rows, rows); });
        if (rows.size() < 2 || listed)
            continue;
        if (const Result<SchemaReplay> replay = expected.at(rows))
            add(rows, -1, replay.value());
    }
    std::stable_sort(matches.begin(), matches.end(), [](const SchemaMatch &x, const SchemaMatch &y) {
        if (x.distance != y.distance)
            return x.distance < y.distance;
        if (x.approximate != y.approximate)
            return !x.approximate;
        return x.stamped && !y.stamped; // then as added: parents before children
    });
    return matches;
}
