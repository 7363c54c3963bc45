// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisiongraph.h"
#include "revisionmap.h"

namespace {

/// One parent, one child that has no other parent, and nothing that needs its own card.
bool isPlainLink(const RevisionMap &map, const Revision &rev)
{
    if (rev.isGhost || rev.down.size() != 1 || !rev.resolvedDependencies.isEmpty() ||
        rev.allNextRevisions.size() != 1 || !rev.declaredBranchLabels.isEmpty())
        return false;
    return map.revision(rev.allNextRevisions.first()).allDown.size() == 1;
}

/// Maximal chains of plain links, oldest first.
QList<QList<int>> plainRuns(const RevisionMap &map)
{
    QList<QList<int>> runs;
    for (int i = 0; i < map.size(); ++i) {
        const Revision &rev = map.revision(i);
        if (!isPlainLink(map, rev) || isPlainLink(map, map.revision(rev.down.first())))
            continue; // not the oldest of its run
        QList<int> run = {i};
        for (int next = rev.allNextRevisions.first(); isPlainLink(map, map.revision(next));
             next = map.revision(next).allNextRevisions.first()) {
            run.append(next);
        }
        runs.append(run);
    }
    return runs;
}

} // namespace

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf,
                            const RevisionGraphOptions &options)
{
    RevisionGraph graph;
    graph.nodeOfRevision = QList<int>(map.size(), -1);
    if (options.collapseRunsOf > 0 && map.isAcyclic()) {
        for (const QList<int> &run : plainRuns(map)) {
            if (run.size() < options.collapseRunsOf)
                continue;
            bool keep = false;
            for (int r : run)
                keep = keep || options.expanded.contains(r);
            if (keep)
                continue;
            const int node = int(graph.request.nodes.size());
            graph.request.nodes.append({map.revision(run.first()).id + u'+', sizeOf(map.revision(run.first()))});
            graph.nodeRevisions.append(run);
            for (int r : run)
                graph.nodeOfRevision[r] = node;
        }
    }
    for (int i = 0; i < map.size(); ++i) {
        if (graph.nodeOfRevision[i] >= 0)
            continue;
        graph.nodeOfRevision[i] = int(graph.request.nodes.size());
        graph.request.nodes.append({map.revision(i).id, sizeOf(map.revision(i))});
        graph.nodeRevisions.append(QList<int>{i});
    }
    for (int child = 0; child < map.size(); ++child) {
        const Revision &rev = map.revision(child);
        const int to = graph.nodeOfRevision[child];
        for (int parent : rev.allDown) {
            const int from = graph.nodeOfRevision[parent];
            if (from == to)
                continue; // inside a collapsed run
            graph.request.edges.append({from, to, true});
            graph.edgeIsDependency.append(!rev.down.contains(parent));
        }
    }
    return graph;
}
