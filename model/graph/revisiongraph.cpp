// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/revisiongraph.h"
#include "history/revisionmap.h"

#include <QSet>

#include <algorithm>
#include <numeric>

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

/// Revisions with every down_revision parent before its children; empty when there is a cycle.
QList<int> parentsFirst(const RevisionMap &map)
{
    QList<int> pending(map.size());
    QList<int> order;
    order.reserve(map.size());
    for (int i = 0; i < map.size(); ++i) {
        pending[i] = int(map.revision(i).down.size());
        if (pending[i] == 0)
            order.append(i);
    }
    for (qsizetype next = 0; next < order.size(); ++next) {
        for (int child : map.revision(order.at(next)).nextRevisions) {
            if (--pending[child] == 0)
                order.append(child);
        }
    }
    if (order.size() != map.size())
        order.clear();
    return order;
}

/// Revisions at most @p steps below a head (a head itself is one step), following every parent.
QList<bool> nearHeads(const RevisionMap &map, int steps)
{
    QList<int> distance(map.size(), -1);
    QList<int> queue;
    for (int i = 0; i < map.size(); ++i) {
        if (map.revision(i).nextRevisions.isEmpty()) {
            distance[i] = 1;
            queue.append(i);
        }
    }
    for (qsizetype next = 0; next < queue.size(); ++next) {
        const int r = queue.at(next);
        if (distance.at(r) >= steps)
            continue;
        for (int parent : map.revision(r).down) {
            if (distance.at(parent) < 0) {
                distance[parent] = distance.at(r) + 1;
                queue.append(parent);
            }
        }
    }
    QList<bool> near(map.size());
    for (int i = 0; i < map.size(); ++i)
        near[i] = distance.at(i) > 0;
    return near;
}

} // namespace

QList<int> revisionLineages(const RevisionMap &map, int *count)
{
    QList<int> lineage(map.size(), -1);
    const QList<int> order = parentsFirst(map);
    if (order.isEmpty()) {
        // A cycle: no lines to follow; one colour for everything that exists.
        for (int i = 0; i < map.size(); ++i)
            lineage[i] = map.revision(i).isGhost ? -1 : 0;
        if (count)
            *count = map.size() > 0 ? 1 : 0;
        return lineage;
    }
    QList<int> height(map.size(), 0); // revisions on the longest line of descendants
    for (qsizetype k = order.size() - 1; k >= 0; --k) {
        const int r = order.at(k);
        for (int child : map.revision(r).nextRevisions)
            height[r] = std::max(height[r], height[child]);
        ++height[r];
    }
    QList<int> depth(map.size(), 0); // revisions on the longest line down to a base
    for (int r : order) {
        for (int parent : map.revision(r).down)
            depth[r] = std::max(depth[r], depth[parent] + 1);
    }
    // The child that carries a revision's line on: the one with the longest line of descendants.
    auto heir = [&](int parent) {
        int best = -1;
        for (int child : map.revision(parent).nextRevisions) {
            // Ties go by id, not by file order, which a new file can change.
            if (best < 0 || height[child] > height[best] ||
                (height[child] == height[best] && map.revision(child).id < map.revision(best).id))
                best = child;
        }
        return best;
    };
    int lineages = 0;
    for (int r : order) {
        const Revision &rev = map.revision(r);
        if (rev.isGhost)
            continue;
        // Of the parents whose line this revision carries on, follow the deepest: at a merge,
        // that is the trunk rather than the branch that joins it.
        int from = -1;
        for (int parent : rev.down) {
            if (!rev.declaredBranchLabels.isEmpty() || lineage[parent] < 0 || heir(parent) != r)
                continue;
            if (from < 0 || depth[parent] > depth[from])
                from = parent;
        }
        lineage[r] = from >= 0 ? lineage[from] : lineages++;
    }
    // Bigger lineages first, so the trunk gets the first colour whatever base it grew from.
    QList<int> sizes(lineages, 0);
    for (int l : std::as_const(lineage)) {
        if (l >= 0)
            ++sizes[l];
    }
    QList<int> bySize(lineages);
    std::iota(bySize.begin(), bySize.end(), 0);
    std::stable_sort(bySize.begin(), bySize.end(), [&](int a, int b) { return sizes[a] > sizes[b]; });
    QList<int> renumbered(lineages);
    for (int rank = 0; rank < lineages; ++rank)
        renumbered[bySize[rank]] = rank;
    for (int &l : lineage) {
        if (l >= 0)
            l = renumbered[l];
    }
    if (count)
        *count = lineages;
    return lineage;
}

QList<int> revisionColours(const RevisionMap &map, const QList<int> &lineages, int lineageCount)
{
    constexpr int Hues = 10; // GraphPainter's hues, then each again in another lightness
    constexpr int Colours = 2 * Hues;
    QList<int> root(lineageCount, -1); // each lineage's oldest revision
    QList<QSet<int>> neighbours(lineageCount);
    for (int r = 0; r < map.size(); ++r) {
        const int lineage = lineages.value(r, -1);
        if (lineage < 0 || lineage >= lineageCount)
            continue;
        const Revision &rev = map.revision(r);
        if (std::none_of(rev.down.begin(), rev.down.end(), [&](int p) { return lineages.value(p) == lineage; }))
            root[lineage] = r;
        // Forks and joins, and branches beside each other off one parent.
        for (int parent : rev.down) {
            for (int relative : map.revision(parent).nextRevisions + QList<int>{parent}) {
                const int other = lineages.value(relative, -1);
                if (other >= 0 && other < lineageCount && other != lineage) {
                    neighbours[lineage].insert(other);
                    neighbours[other].insert(lineage);
                }
            }
        }
    }
    // The trunk first, the others by their oldest revision's id: an order no file order changes.
    QList<int> order;
    for (int l = 1; l < lineageCount; ++l)
        order.append(l);
    const auto rootId = [&](int l) { return root.at(l) >= 0 ? map.revision(root.at(l)).id : QString(); };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return rootId(a) < rootId(b); });
    QList<int> colourOf(lineageCount, -1);
    if (lineageCount > 0)
        colourOf[0] = 0;
    for (int l : std::as_const(order)) {
        // FNV-1a of the id: the same in every run, unlike qHash's seeded one.
        quint32 hash = 2166136261u;
        for (QChar c : rootId(l))
            hash = (hash ^ c.unicode()) * 16777619u;
        const int preferred = 1 + int(hash % (Hues - 1));
        colourOf[l] = preferred;
        for (int step = 0; step < Colours - 1; ++step) {
            const int colour = 1 + (preferred - 1 + step) % (Colours - 1);
            const bool taken = std::any_of(neighbours.at(l).begin(), neighbours.at(l).end(),
                                           [&](int other) { return colourOf.at(other) == colour; });
            if (!taken) {
                colourOf[l] = colour;
                break;
            }
        }
    }
    QList<int> colours(map.size(), -1);
    for (int r = 0; r < map.size(); ++r) {
        if (const int lineage = lineages.value(r, -1); lineage >= 0 && lineage < lineageCount)
            colours[r] = colourOf.at(lineage);
    }
    return colours;
}

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf,
                            const RevisionGraphOptions &options)
{
    RevisionGraph graph;
    graph.lineageOfRevision = revisionLineages(map, &graph.lineageCount);
    graph.colourOfRevision = revisionColours(map, graph.lineageOfRevision, graph.lineageCount);
    graph.nodeOfRevision = QList<int>(map.size(), -1);
    if (options.collapseRunsOf > 0 && map.isAcyclic()) {
        const QList<bool> newest = nearHeads(map, options.keepNewest);
        const auto collapse = [&](const QList<int> &stretch) {
            if (stretch.size() < options.collapseRunsOf)
                return;
            const int node = int(graph.request.nodes.size());
            graph.request.nodes.append(
                {sizeOf(map.revision(stretch.first())), graph.lineageOfRevision.at(stretch.first())});
            graph.nodeRevisions.append(stretch);
            for (int r : stretch)
                graph.nodeOfRevision[r] = node;
        };
        for (const QList<int> &run : plainRuns(map)) {
            if (std::any_of(run.begin(), run.end(), [&](int r) { return options.expanded.contains(r); }))
                continue;
            // The stretches between the revisions that keep their cards.
            QList<int> stretch;
            for (int r : run) {
                if (newest.at(r) || options.keep.contains(r)) {
                    collapse(stretch);
                    stretch.clear();
                } else {
                    stretch.append(r);
                }
            }
            collapse(stretch);
        }
    }
    for (int i = 0; i < map.size(); ++i) {
        if (graph.nodeOfRevision[i] >= 0)
            continue;
        graph.nodeOfRevision[i] = int(graph.request.nodes.size());
        graph.request.nodes.append({sizeOf(map.revision(i)), graph.lineageOfRevision.at(i)});
        graph.nodeRevisions.append(QList<int>{i});
    }
    const bool routeDependencies = graph.request.nodes.size() <= options.routeDependenciesUpTo;
    for (int child = 0; child < map.size(); ++child) {
        const Revision &rev = map.revision(child);
        const int to = graph.nodeOfRevision[child];
        for (int parent : rev.allDown) {
            const int from = graph.nodeOfRevision[parent];
            if (from == to)
                continue; // inside a collapsed run
            const bool isDependency = !rev.down.contains(parent);
            const bool routed = !isDependency || routeDependencies;
            graph.request.edges.append({from, to, routed, routed});
            graph.edgeIsDependency.append(isDependency);
        }
    }
    return graph;
}
