// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "environmentstatus.h"

#include "revisionmap.h"

#include <QSet>

EnvironmentStatus EnvironmentStatus::compute(const RevisionMap &map, const QStringList &rows, bool tableExists)
{
    EnvironmentStatus status;
    status.tableExists = tableExists;
    status.rows = rows;
    status.states = QList<State>(map.size(), State::Pending);
    QList<int> stack;
    for (const QString &row : rows) {
        const int revision = map.indexOf(row);
        const bool known = revision >= 0 && !map.revision(revision).isGhost;
        status.rowRevisions.append(known ? revision : -1);
        if (!known) {
            status.unknownRows.append(row);
            continue;
        }
        if (status.states.at(revision) == State::Pending) {
            status.states[revision] = State::Applied;
            stack.append(revision);
        }
    }
    while (!stack.isEmpty()) {
        const int revision = stack.takeLast();
        for (int parent : map.revision(revision).allDown) {
            if (status.states.at(parent) == State::Pending) {
                status.states[parent] = State::Applied;
                stack.append(parent);
            }
        }
    }
    for (State state : std::as_const(status.states))
        ++(state == State::Applied ? status.appliedCount : status.pendingCount);
    return status;
}

bool EnvironmentStatus::isAtHeads(const RevisionMap &map) const
{
    const QList<int> heads = map.heads();
    QSet<int> rowSet;
    for (int revision : rowRevisions)
        rowSet.insert(revision);
    return rowSet == QSet<int>(heads.cbegin(), heads.cend());
}

QList<std::pair<int, int>> EnvironmentStatus::pendingPerHead(const RevisionMap &map) const
{
    QList<std::pair<int, int>> result;
    for (int head : map.heads()) {
        int pending = 0;
        for (int revision : map.ancestors({head})) {
            if (states.value(revision) == State::Pending && !map.revision(revision).isGhost)
                ++pending;
        }
        result.append({head, pending});
    }
    return result;
}
