// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphlayout.h"
#include "graph/revisiongraph.h"

#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

class Project;

/// What one card of the graph says: a revision, or a collapsed run of plain revisions.
struct GraphCard
{
    int revision = -1;      ///< index into the revision map (the oldest, for a collapsed run)
    int collapsedCount = 0; ///< revisions in a collapsed run; 0 for a single revision
    int colour = -1;        ///< its lineage's colour (revisionColours()); -1 for ghosts
    QString id;             ///< the whole id; the run's count for a collapsed run
    QString shortId;        ///< as shown (DisplayIds)
    QString message;
    QStringList labels;
    bool isHead = false;
    bool isBase = false;
    bool isMerge = false;
    bool isBranchPoint = false;
    bool isGhost = false;
    bool hasProblem = false;
};

/// A laid-out revision graph with everything needed to draw it, in the view, in an exported file
/// or from retort-cli. Value type: built on a worker thread, drawn on the GUI thread.
struct GraphPicture
{
    RevisionGraph graph;
    GraphLayout layout;
    QList<GraphCard> cards; ///< per layout node

    /// Histories with more revisions than this collapse plain runs of three or more by default.
    static constexpr int CollapseAbove = 200;
    /// How many of the newest revisions of every head keep their own cards when runs collapse.
    static constexpr int KeepNewest = 15;

    /// The options retort uses for @p project unless the user expanded runs.
    static RevisionGraphOptions defaultOptions(const Project &project);
    /// Lays out @p project with cards of @p cardSize(characters) points, where characters is the
    /// longest id shown (DisplayIds::longest()); see layoutGraph(): fails only when @p cancelled
    /// becomes true, and draws the layered layout at once when @p settleForLayered does. Needs no
    /// GUI: safe on any thread.
    static Result<GraphPicture> build(const Project &project, const std::function<QSizeF(int)> &cardSize,
                                      const RevisionGraphOptions &options, bool bottomToTop = true,
                                      const std::atomic_bool *cancelled = nullptr,
                                      const std::atomic_bool *settleForLayered = nullptr);
};
