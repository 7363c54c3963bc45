// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

/// What to lay out: boxes of a given size (in points) joined by edges. Graphviz never sees text;
/// the view draws it, so the boxes are sized by the view's font metrics.
struct LayoutRequest
{
    struct Node
    {
        QString name; ///< unique; used only to name the Graphviz node
        QSizeF size;  ///< points
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
};

/// Where everything went, in Qt's coordinates (points, y grows downwards, origin top-left).
struct GraphLayout
{
    QRectF boundingBox;
    QList<QRectF> nodes;         ///< same order as the request's nodes
    QList<QList<QPointF>> edges; ///< cubic Bézier control points: start, (c1, c2, end)…
    QList<QPointF> arrowTips;    ///< where each edge's arrowhead points; null when it has none
};

/// Lays out @p request with Graphviz `dot`. This is the only code that talks to Graphviz: it holds
/// one process-wide lock over every cgraph/gvc call (Graphviz is not thread-safe, even with a
/// context per thread) and copies the results out before the graph is freed. Safe to call from
/// any thread; fails with a message when Graphviz cannot lay out (e.g. plugins not configured).
Result<GraphLayout> layoutGraph(const LayoutRequest &request);
