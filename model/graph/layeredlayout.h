// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"

/// Retort's own layout for graphs Graphviz cannot handle in time: near-linear, so a 100,000-node
/// history is drawn in a fraction of a second.
///
/// Each node's rank is its longest path from a root over constraint edges (a back edge of a cycle is
/// ignored). Ranks are filled from the roots up: a node that carries its parent's group on takes
/// the parent's column first, then the others take the nearest free column at or right of their
/// parent's, so lineages run as straight lines and side branches sit beside them. Every edge is a
/// direct curve (directEdgeCurve()); an edge that spans ranks may cross cards.
/// Expects a valid request (LayoutRequest::validationError() empty).
GraphLayout layeredLayout(const LayoutRequest &request);
