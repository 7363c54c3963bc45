// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QMetaType>

class RevisionMap;

/// The lane drawing of a history list, like a git log's graph column: per row, where its dot sits
/// and which line segments cross the row.
///
/// How it works: rows are walked newest first while a list of lanes holds, per lane, the parent it
/// waits for. A row takes the leftmost lane waiting for it (or a new one, for a head); the other
/// lanes that waited for it join it in the row's upper half. In the lower half, the row's lane goes
/// on to its first parent and new or existing lanes take its other parents (a merge). Only
/// down_revision edges are drawn; lanes are colored by the lineage of the child they come from.
struct HistoryLanes
{
    struct Segment
    {
        int from = 0; ///< lane at the segment's upper end
        int to = 0;   ///< lane at its lower end
        int lineage = -1;
        bool upperHalf = true; ///< from the row's top edge to its dot, else from the dot to its bottom
        bool operator==(const Segment &) const = default;
    };
    struct Row
    {
        int lane = 0;
        int lineage = -1; ///< the dot's colour
        QList<Segment> segments;
    };

    /// Lanes right of these are computed but not drawn: no list is that wide, and a segment per
    /// open lane and row would make a history with thousands of heads quadratic.
    static constexpr int DrawnLanes = 24;

    QList<Row> rows;
    int laneCount = 0; ///< the widest row's lanes

    /// Lanes for @p rows, map indexes newest first (e.g. RevisionListModel's order); @p lineages
    /// colour them (per revision, the colour of its lineage: revisionColours()).
    static HistoryLanes compute(const RevisionMap &map, const QList<int> &rows, const QList<int> &lineages);
};

Q_DECLARE_METATYPE(HistoryLanes::Row)
