// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <atomic>

/// What to lay out: boxes of a given size (in points) joined by edges. Graphviz never sees text;
/// the view draws it, so the boxes are sized by the view's font metrics.
struct LayoutRequest
{
    struct Node
    {
        QSizeF size;    ///< points
        int group = -1; ///< nodes of one group (a lineage) keep to one line in the layered layout
    };
    struct Edge
    {
        int from = 0; ///< index into nodes; drawn towards @p to
        int to = 0;
        bool constraint = true; ///< false: the edge does not influence the ranking
        /// false: Graphviz never sees the edge (no ranking, no routing); it is drawn as one curve
        /// between the two boxes. An edge that spans hundreds of ranks costs Graphviz a virtual node
        /// per rank: 44 such edges made a 1,574-node layout take 5 s instead of 0.15 s.
        bool routed = true;
    };
    QList<Node> nodes;
    QList<Edge> edges;
    bool bottomToTop = true;    ///< edges point upwards (bases at the bottom); else left to right
    double nodeSeparation = 18; ///< points
    double rankSeparation = 36; ///< points

    /// Empty when every edge names existing nodes, else why not.
    QString validationError() const;
};

/// Where everything went, in Qt's coordinates (points, y grows downwards, origin top-left).
struct GraphLayout
{
    QRectF boundingBox;
    QList<QRectF> nodes;         ///< same order as the request's nodes
    QList<QList<QPointF>> edges; ///< cubic Bézier control points: start, (c1, c2, end)…
    QList<QPointF> arrowTips;    ///< where each edge's arrowhead points; null when it has none
    /// Why this is Retort's layered layout rather than Graphviz's; empty when Graphviz made it.
    QString fallbackReason;
};

/// How far Graphviz may go before the layered layout is drawn instead.
struct LayoutLimits
{
    /// Above this many nodes Graphviz is not tried: measured, it takes minutes (or crashes) there.
    int graphvizNodeLimit = 3000;
    int timeLimitMs = 20000;
    /// The helper's address space; 0: half the physical memory, at most 4 GB.
    qint64 memoryLimitMegabytes = 0;
    /// When it becomes true, Graphviz is stopped and the layered layout drawn at once (the user
    /// would rather see the graph now than wait for the better one).
    const std::atomic_bool *settleForLayered = nullptr;
};

/// Lays out @p request: with Graphviz `dot` in the helper process `retort-layout` (so a Graphviz
/// crash, runaway memory or a cancel ends that process, never the caller), or with layeredLayout()
/// when the graph is too big, the helper fails or runs out of time; GraphLayout::fallbackReason
/// says which and why. Fails only for an invalid request or when @p cancelled becomes true (the
/// helper is killed at once). Safe to call from any thread.
Result<GraphLayout> layoutGraph(const LayoutRequest &request, const LayoutLimits &limits = {},
                                const std::atomic_bool *cancelled = nullptr);

/// An edge that no layout engine routed: one cubic from the side of @p from that faces the flow to
/// the opposite side of @p to, stopping short of it where the arrowhead goes.
QList<QPointF> directEdgeCurve(const QRectF &from, const QRectF &to, bool bottomToTop);
/// Where the arrowhead of directEdgeCurve() points.
QPointF directEdgeTip(const QRectF &to, bool bottomToTop);
