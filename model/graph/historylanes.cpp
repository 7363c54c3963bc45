// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/historylanes.h"

#include "history/revisionmap.h"

#include <QHash>

#include <algorithm>
#include <set>
#include <vector>

namespace {

struct Lane
{
    int awaited = -1; ///< the revision this lane leads to; -1 when free
    int lineage = -1;
};

/// The open lanes and who waits where, kept so a row costs the same however many lanes are open:
/// a history with 50,000 heads listed first has 50,000 of them.
class Lanes
{
public:
    qsizetype size() const { return qsizetype(m_lanes.size()); }
    const Lane &at(int lane) const { return m_lanes[size_t(lane)]; }
    /// The lane that leads to @p revision, or -1. Never more than one: a parent already awaited
    /// is joined, not given a second lane.
    int awaiting(int revision) const { return m_awaiting.value(revision, -1); }

    /// The leftmost free lane, now reserved (not free, not yet open).
    int reserve()
    {
        if (m_free.empty()) {
            m_lanes.push_back(Lane{});
            return int(m_lanes.size() - 1);
        }
        const int lane = *m_free.begin();
        m_free.erase(m_free.begin());
        return lane;
    }
    void open(int lane, int revision, int lineage)
    {
        m_free.erase(lane);
        m_lanes[size_t(lane)] = Lane{revision, lineage};
        m_awaiting.insert(revision, lane);
    }
    void close(int lane)
    {
        if (m_lanes[size_t(lane)].awaited >= 0)
            m_awaiting.remove(m_lanes[size_t(lane)].awaited);
        m_lanes[size_t(lane)] = Lane{};
        m_free.insert(lane);
    }
    /// Free lanes at the right end are dropped so the column stays narrow.
    void trim()
    {
        while (!m_lanes.empty() && m_lanes.back().awaited < 0) {
            m_free.erase(int(m_lanes.size() - 1));
            m_lanes.pop_back();
        }
    }

private:
    std::vector<Lane> m_lanes;
    std::set<int> m_free; ///< free lanes left of the last open one
    QHash<int, int> m_awaiting;
};

} // namespace

HistoryLanes HistoryLanes::compute(const RevisionMap &map, const QList<int> &rows, const QList<int> &lineages)
{
    HistoryLanes result;
    result.rows.reserve(rows.size());
    Lanes lanes;
    for (int r : rows) {
        Row row;
        row.lineage = lineages.value(r, -1);
        // Upper half: the lane waiting for r ends here; a head reserves a free one.
        int lane = lanes.awaiting(r);
        if (lane < 0)
            lane = lanes.reserve();
        const int drawn = int(std::min<qsizetype>(lanes.size(), DrawnLanes));
        for (int i = 0; i < drawn; ++i) {
            const Lane &l = lanes.at(i);
            if (l.awaited >= 0)
                row.segments.append({i, l.awaited == r ? lane : i, l.lineage, true});
        }
        if (lanes.at(lane).awaited == r)
            lanes.close(lane);
        row.lane = lane;

        // Lower half: the row's lane goes on to the first parent, other parents get lanes.
        QList<int> passing; // drawn lanes that lead past this row
        for (int i = 0; i < drawn; ++i) {
            if (lanes.at(i).awaited >= 0)
                passing.append(i);
        }
        const QList<int> parents = map.revision(r).down;
        for (qsizetype p = 0; p < parents.size(); ++p) {
            const int parent = parents.at(p);
            int target = lanes.awaiting(parent);
            if (target < 0) {
                target = p == 0 && lanes.at(lane).awaited < 0 ? lane : lanes.reserve();
                lanes.open(target, parent, row.lineage);
            }
            if (std::min(lane, target) < DrawnLanes)
                row.segments.append({lane, target, row.lineage, false});
        }
        for (int i : std::as_const(passing))
            row.segments.append({i, i, lanes.at(i).lineage, false});
        if (lanes.at(lane).awaited < 0)
            lanes.close(lane); // a reserved lane that no parent took
        lanes.trim();
        result.laneCount = std::max({result.laneCount, int(lanes.size()), lane + 1});
        row.segments.squeeze(); // a row per revision: growth slack adds up
        result.rows.append(row);
    }
    return result;
}
