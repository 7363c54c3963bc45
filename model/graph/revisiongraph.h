// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"

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
    /// Per revision: its lineage, a branch of the history drawn in one colour. Lineage 0 has the
    /// most revisions; -1 marks ghosts.
    QList<int> lineageOfRevision;
    int lineageCount = 0;
    QList<int> colourOfRevision; ///< per revision: its lineage's colour (revisionColours())
};

struct RevisionGraphOptions
{
    /// Plain linear runs (one parent, one child, no labels or dependencies) at least this long
    /// become one node; 0 keeps every revision. Graphviz is fast on the collapsed graph.
    int collapseRunsOf = 0;
    /// Runs holding any of these revisions stay expanded.
    QSet<int> expanded;
    /// Revisions that keep their own card inside a run that collapses (e.g. those not applied to
    /// the database yet): only the stretches of the run around them collapse.
    QSet<int> keep;
    /// The newest revisions of every head, this many steps down from it, keep their own cards: what
    /// a reviewer opens a history for.
    int keepNewest = 0;
    /// With more nodes than this, depends_on edges are left out of Graphviz's ranking and routing
    /// and drawn straight (see LayoutRequest::Edge::routed).
    int routeDependenciesUpTo = 400;
};

/// Lineages: a revision continues a parent's lineage when it is that parent's child with the longest
/// line of descendants (ties: the smaller id) and declares no branch label; at a merge, the deepest such
/// parent's. Otherwise it starts a lineage.
/// Numbered by size, so the trunk is lineage 0. Linear in the history (plus sorting the lineages).
QList<int> revisionLineages(const RevisionMap &map, int *count = nullptr);

/// Per revision, the colour of its lineage (GraphPainter::lineageColor()); -1 for ghosts. The trunk
/// gets colour 0; another lineage's colour follows from its oldest revision's id, moved on only as
/// far as needed to differ from the lineages it forks from, joins or branches beside. So adding a
/// file recolours nothing but perhaps its own neighbours, whatever it does to sizes and file order.
QList<int> revisionColours(const RevisionMap &map, const QList<int> &lineages, int lineageCount);

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf,
                            const RevisionGraphOptions &options = {});
