// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graphlayout.h"

#include <QList>
#include <QSizeF>

#include <functional>

class RevisionMap;
struct Revision;

/// A revision map as a graph to lay out: one box per revision (ghosts included, in map order) and
/// an edge from every parent to its child, down_revision and depends_on alike, so a revision is
/// always drawn above everything it needs.
struct RevisionGraph
{
    LayoutRequest request;
    QList<bool> edgeIsDependency; ///< per request edge: depends_on (dashed) or down_revision
};

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf);
