// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"

#include <QString>

#include <atomic>

/// Runs Graphviz in the helper process `retort-layout`: the request goes to its standard input, the
/// layout comes back on its standard output. The helper limits its own address space; this side
/// kills it when @p limits' time is up or @p cancelled becomes true. Every way it can fail (not
/// found, crashed, out of memory, too slow, cancelled) is an error that says which.
namespace LayoutProcess {
Result<GraphLayout> run(const LayoutRequest &request, const LayoutLimits &limits, const std::atomic_bool *cancelled);

/// The helper to run: $RETORT_LAYOUT_HELPER, else next to this program, in its installation's
/// libexec folder or in the build tree; empty when there is none.
QString helperPath();

/// The text of a failure because @p cancelled was set; callers tell it from the others by this.
QString cancelledMessage();
/// Why Graphviz did not draw when LayoutLimits::settleForLayered was set.
QString settledMessage();
} // namespace LayoutProcess
