// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QStringList>

class RevisionMap;

/// Where one database stands against the history: which revisions its version rows say are
/// applied, which are pending, and which rows name revisions the project does not have.
///
/// How it works: a revision is applied when it is an ancestor-or-self of a row, through
/// down_revision and depends_on alike (what Alembic's get_all_current implies); one walk down from
/// all rows together, so linear in the history whatever the number of rows.
struct EnvironmentStatus
{
    enum class State : quint8
    {
        Pending,
        Applied,
    };

    bool tableExists = false;
    QStringList rows;        ///< as read
    QList<int> rowRevisions; ///< per row: its map index, or -1 for an unknown row
    QStringList unknownRows; ///< rows naming revisions the project does not have (or ghosts)
    QList<State> states;     ///< per map index
    int appliedCount = 0;
    int pendingCount = 0;

    static EnvironmentStatus compute(const RevisionMap &map, const QStringList &rows, bool tableExists = true);

    bool isApplied(int revision) const { return states.value(revision) == State::Applied; }
    /// The rows are exactly the script heads (what `alembic current --check-heads` asks).
    bool isAtHeads(const RevisionMap &map) const;
    /// Pending revisions per script head, map order of heads: how far each branch is behind.
    QList<std::pair<int, int>> pendingPerHead(const RevisionMap &map) const;
};
