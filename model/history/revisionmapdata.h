// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "history/revision.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/// Everything a revision map knows once it is built: written by RevisionMapBuilder, then only read,
/// by RevisionMap and by RevisionEngine (which knows nothing of RevisionMap).
struct RevisionMapData
{
    /// Sentinels in resolution results: Alembic's `None` and the string "base" that `_walk` returns.
    static constexpr int NoRevision = -1;
    static constexpr int BaseSymbol = -2;

    QList<Revision> revisions; ///< map order, ghosts after the revisions that have files
    QHash<QString, int> byId;
    QHash<QString, int> byLabel; ///< branch label → the revision that declares it
    QStringList labelOrder;      ///< label keys in the order Alembic adds them to its map
    QList<int> unknownDependencies;
    QList<int> unknownLabels;
    QList<int> heads;
    QList<int> realHeads;
    QList<int> bases;
    Diagnostics diagnostics;
    bool consistent = true;
    bool acyclic = true;
    /// Position in a topological order, parents first: an ancestor always has a smaller one. Empty
    /// when the graph has a cycle.
    QList<int> topologicalIndex;

    int size() const { return int(revisions.size()); }
    int indexOf(const QString &id) const { return byId.value(id, NoRevision); }
    int labelOwner(const QString &label) const { return byLabel.value(label, NoRevision); }
    /// The ids of @p indexes; BaseSymbol becomes "base", NoRevision is left out.
    QStringList ids(const QList<int> &indexes) const;
};
