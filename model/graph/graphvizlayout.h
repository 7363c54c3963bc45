// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"

/// Lays out @p request with Graphviz `dot` in this process. This is the only code that talks to
/// Graphviz, and only the helper `retort-layout` (and its tests) link it: Graphviz can crash or
/// exhaust memory on big tangled graphs, so the applications call layoutGraph() instead. Holds one
/// process-wide lock over every cgraph/gvc call (Graphviz is not thread-safe, even with a context
/// per thread) and copies the results out before the graph is freed.
Result<GraphLayout> layoutWithGraphviz(const LayoutRequest &request);
