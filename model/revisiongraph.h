// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graphlayout.h"

#include <QList>
#include <QSet>
#include <QSizeF>

#include <functional>

class RevisionMap;
struct Revision;

/// A revision map as a graph to lay out: one box per revision (ghosts included) or per collapsed
/// run, and an edge from every parent to its child, down_revision and depends_on alike, so a
/// revision is always drawn above everything it needs.
struct RevisionGraph
{
    LayoutRequest request;
    QList<bool> edgeIsDependency;    ///< per request edge: depends_on (dashed) or down_revision
    QList<QList<int>> nodeRevisions; ///< per request node: its revision, or a collapsed run, oldest first
    QList<int> nodeOfRevision;       ///< per revision: its request node
};

struct RevisionGraphOptions
{
    /// Plain linear runs (one parent, one child, no labels or dependencies) at least this long
    /// become one node; 0 keeps every revision. Graphviz is fast on the collapsed graph.
    int collapseRunsOf = 0;
    /// Runs holding any of these revisions stay expanded.
    QSet<int> expanded;
};

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf,
                            const RevisionGraphOptions &options = {});
