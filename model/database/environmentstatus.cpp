// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environmentstatus.h"

#include "history/revisionmap.h"

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
    // Counts pending ancestors-or-self (dependencies included, ghosts not counted) without a walk per
    // head, which was quadratic for histories with tens of thousands of heads: a revision with one
    // pending parent has that parent's count plus itself; only merges (two or more pending parents)
    // are walked. Applied revisions end every walk, as everything below them is applied too.
    const int n = map.size();
    auto isPending = [&](int r) { return states.at(r) == State::Pending; };
    auto self = [&](int r) { return isPending(r) && !map.revision(r).isGhost ? 1 : 0; };
    QList<int> stampOf(n, 0);
    int stamp = 0;
    auto walkCount = [&](int start) {
        if (!isPending(start))
            return 0;
        ++stamp;
        int count = 0;
        QList<int> todo{start};
        stampOf[start] = stamp;
        while (!todo.isEmpty()) {
            const int r = todo.takeLast();
            count += self(r);
            for (int parent : map.revision(r).allDown) {
                if (isPending(parent) && stampOf.at(parent) != stamp) {
                    stampOf[parent] = stamp;
                    todo.append(parent);
                }
            }
        }
        return count;
    };

    QList<int> count(n, -1);
    QList<char> expanded(n, 0);
    auto countOf = [&](int head) {
        if (!map.isAcyclic())
            return walkCount(head); // no order to count in; the walk still ends
        QList<int> stack{head};
        while (!stack.isEmpty()) {
            const int r = stack.last();
            if (count.at(r) >= 0 || !isPending(r)) {
                if (count.at(r) < 0)
                    count[r] = 0;
                stack.removeLast();
                continue;
            }
            const QList<int> &parents = map.revision(r).allDown;
            if (!expanded.at(r)) {
                expanded[r] = 1;
                for (int parent : parents) {
                    if (isPending(parent) && count.at(parent) < 0)
                        stack.append(parent);
                }
                continue;
            }
            int pendingParents = 0;
            int onlyParent = -1;
            for (int parent : parents) {
                if (isPending(parent)) {
                    ++pendingParents;
                    onlyParent = parent;
                }
            }
            count[r] = pendingParents == 0   ? self(r)
                       : pendingParents == 1 ? self(r) + count.at(onlyParent)
                                             : walkCount(r);
            stack.removeLast();
        }
        return count.at(head);
    };

    QList<std::pair<int, int>> result;
    for (int head : map.heads())
        result.append({head, countOf(head)});
    return result;
}
