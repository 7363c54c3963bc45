// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// One node of the revision graph, with the edges Alembic derives from a script's header.
/// Indexes refer to RevisionMap::revision(); a ghost stands for a revision that is referenced but
/// has no file (Alembic refuses to load such a project; Retort keeps it visible).
struct Revision
{
    QString id;
    QStringList declaredDownRevisions; ///< `down_revision` as declared, in order
    QStringList declaredDependencies;  ///< `depends_on` as declared (ids or branch labels)
    QStringList declaredBranchLabels;
    QStringList branchLabels; ///< declared and inherited, sorted
    QString doc;              ///< first paragraph of the docstring, as in Alembic's log lines
    int scriptIndex = -1;     ///< into the scripts the map was built from; -1 for a ghost
    bool isGhost = false;
    /// Where a computed `branch_labels` / `depends_on` that could not be worked out is declared
    /// ("branch_labels = (cli.EXPAND,) in file:line"); empty when the value is known.
    QString unknownLabels;
    /// The file defines upgrade() / downgrade(); alembic fails on a step whose function is missing
    /// (OpenStack projects dropped downgrade() from their revisions).
    bool hasUpgrade = true;
    bool hasDowngrade = true;
    QString unknownDependencies;

    QList<int> down; ///< `_versioned_down_revisions`
    QList<int> resolvedDependencies;
    QList<int> normalizedDependencies; ///< resolved minus those declared by a down-ancestor
    QList<int> allDown;                ///< down + resolved dependencies, deduplicated
    QList<int> normalizedDown;         ///< down + normalized dependencies: drives ordering and rows
    QList<int> nextRevisions;          ///< children through down_revision, map order
    QList<int> allNextRevisions;       ///< children through down_revision or depends_on

    bool isHead() const { return nextRevisions.isEmpty(); } ///< script head, may be an "effective head"
    bool isRealHead() const { return allNextRevisions.isEmpty(); }
    bool isBase() const { return declaredDownRevisions.isEmpty(); }
    bool isRealBase() const { return isBase() && declaredDependencies.isEmpty(); }
    bool isBranchPoint() const { return nextRevisions.size() > 1; }
    bool isRealBranchPoint() const { return allNextRevisions.size() > 1; }
    bool isMergePoint() const { return declaredDownRevisions.size() > 1; }
};
