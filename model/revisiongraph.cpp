// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisiongraph.h"
#include "revisionmap.h"

RevisionGraph revisionGraph(const RevisionMap &map, const std::function<QSizeF(const Revision &)> &sizeOf)
{
    RevisionGraph graph;
    graph.request.nodes.reserve(map.size());
    for (const Revision &rev : map.revisions())
        graph.request.nodes.append({rev.id, sizeOf(rev)});
    for (int child = 0; child < map.size(); ++child) {
        const Revision &rev = map.revision(child);
        for (int parent : rev.down) {
            graph.request.edges.append({parent, child, true});
            graph.edgeIsDependency.append(false);
        }
        for (int parent : rev.resolvedDependencies) {
            if (rev.down.contains(parent))
                continue; // drawn once, as the down_revision edge
            graph.request.edges.append({parent, child, true});
            graph.edgeIsDependency.append(true);
        }
    }
    return graph;
}
