// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historylanes.h"

#include "revisionmap.h"

#include <algorithm>

namespace {

struct Lane
{
    int awaited = -1; ///< the revision this lane leads to; -1 when free
    int lineage = -1;
};

int freeLane(QList<Lane> &lanes)
{
    for (qsizetype i = 0; i < lanes.size(); ++i) {
        if (lanes.at(i).awaited < 0)
            return int(i);
    }
    lanes.append(Lane{});
    return int(lanes.size() - 1);
}

} // namespace

HistoryLanes HistoryLanes::compute(const RevisionMap &map, const QList<int> &rows, const QList<int> &lineages)
{
    HistoryLanes result;
    result.rows.reserve(rows.size());
    QList<Lane> lanes;
    for (int r : rows) {
        Row row;
        row.lineage = lineages.value(r, -1);
        // Upper half: lanes waiting for r converge on the leftmost of them.
        int lane = -1;
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            if (lanes.at(i).awaited == r && lane < 0)
                lane = int(i);
        }
        if (lane < 0)
            lane = freeLane(lanes); // a head: nothing above leads here
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            const Lane &l = lanes.at(i);
            if (l.awaited < 0)
                continue;
            row.segments.append({int(i), l.awaited == r ? lane : int(i), l.lineage, true});
        }
        for (Lane &l : lanes) {
            if (l.awaited == r)
                l = Lane{};
        }
        row.lane = lane;

        // Lower half: the row's lane goes on to the first parent, other parents get lanes.
        QList<int> passing; // lanes that lead past this row
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            if (lanes.at(i).awaited >= 0)
                passing.append(int(i));
        }
        const QList<int> parents = map.revision(r).down;
        for (qsizetype p = 0; p < parents.size(); ++p) {
            const int parent = parents.at(p);
            int target = -1;
            for (qsizetype i = 0; i < lanes.size() && target < 0; ++i) {
                if (lanes.at(i).awaited == parent)
                    target = int(i);
            }
            if (target < 0) {
                target = p == 0 && lanes.at(lane).awaited < 0 ? lane : freeLane(lanes);
                lanes[target] = Lane{parent, row.lineage};
            }
            row.segments.append({lane, target, row.lineage, false});
        }
        for (int i : std::as_const(passing))
            row.segments.append({i, i, lanes.at(i).lineage, false});
        // Free lanes at the right end are dropped so the column stays narrow.
        while (!lanes.isEmpty() && lanes.constLast().awaited < 0)
            lanes.removeLast();
        result.laneCount = std::max({result.laneCount, int(lanes.size()), lane + 1});
        result.rows.append(row);
    }
    return result;
}
