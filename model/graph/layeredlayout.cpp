// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/layeredlayout.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace {

/// Parents (or children) of every node over constraint edges, in one array.
struct Adjacency
{
    std::vector<int> offsets; ///< node i's neighbours are targets[offsets[i]] .. targets[offsets[i + 1]]
    std::vector<int> targets;

    Adjacency(const LayoutRequest &request, bool towardsChildren)
        : offsets(size_t(request.nodes.size()) + 1, 0)
    {
        for (const LayoutRequest::Edge &edge : request.edges) {
            if (edge.constraint && edge.from != edge.to)
                ++offsets[size_t(towardsChildren ? edge.from : edge.to) + 1];
        }
        for (size_t i = 1; i < offsets.size(); ++i)
            offsets[i] += offsets[i - 1];
        targets.resize(size_t(offsets.back()));
        std::vector<int> filled(offsets.begin(), offsets.end() - 1);
        for (const LayoutRequest::Edge &edge : request.edges) {
            if (!edge.constraint || edge.from == edge.to)
                continue;
            const int node = towardsChildren ? edge.from : edge.to;
            targets[size_t(filled[size_t(node)]++)] = towardsChildren ? edge.to : edge.from;
        }
    }
    template<typename Visit>
    void forEach(int node, Visit visit) const
    {
        for (int k = offsets[size_t(node)]; k < offsets[size_t(node) + 1]; ++k)
            visit(targets[size_t(k)]);
    }
};

/// Longest path from a root. In a cycle, the first node not yet ranked is taken as if it were a
/// root and the edges back into ranked nodes are ignored.
std::vector<int> ranks(const Adjacency &parents, const Adjacency &children, size_t count)
{
    std::vector<int> waiting(count, 0);
    for (size_t i = 0; i < count; ++i)
        waiting[i] = parents.offsets[i + 1] - parents.offsets[i];
    std::vector<int> rank(count, 0);
    std::vector<char> queued(count, 0);
    std::vector<int> order;
    order.reserve(count);
    auto enqueue = [&](int node) {
        queued[size_t(node)] = 1;
        order.push_back(node);
    };
    for (size_t i = 0; i < count; ++i) {
        if (waiting[i] == 0)
            enqueue(int(i));
    }
    size_t nextForced = 0;
    for (size_t head = 0; order.size() < count || head < order.size(); ++head) {
        if (head == order.size()) {
            while (queued[nextForced])
                ++nextForced;
            enqueue(int(nextForced));
        }
        const int node = order[head];
        children.forEach(node, [&](int child) {
            if (queued[size_t(child)])
                return;
            rank[size_t(child)] = std::max(rank[size_t(child)], rank[size_t(node)] + 1);
            if (--waiting[size_t(child)] == 0)
                enqueue(child);
        });
    }
    return rank;
}

/// The columns of one rank: which are taken, and for a taken one, where to look next.
class RankColumns
{
public:
    /// The first free column at or right of @p wanted, now taken.
    int take(int wanted)
    {
        int free = wanted;
        while (true) {
            const auto next = m_next.find(free);
            if (next == m_next.end())
                break;
            free = next->second;
        }
        for (int column = wanted; column != free;) { // shorten the walk for the next caller
            int &next = m_next[column];
            column = std::exchange(next, free);
        }
        m_next[free] = free + 1;
        return free;
    }
    void clear() { m_next.clear(); }

private:
    std::unordered_map<int, int> m_next;
};

} // namespace

GraphLayout layeredLayout(const LayoutRequest &request)
{
    const size_t count = size_t(request.nodes.size());
    const Adjacency parents(request, false);
    const Adjacency children(request, true);
    const std::vector<int> rank = ranks(parents, children, count);
    const int rankCount = count == 0 ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;

    std::vector<std::vector<int>> byRank(static_cast<size_t>(rankCount));
    for (size_t i = 0; i < count; ++i)
        byRank[size_t(rank[i])].push_back(int(i));

    std::vector<int> column(count, 0);
    int columnCount = 0;
    RankColumns taken;
    struct Placement
    {
        bool carriesGroupOn;
        int wanted;
        int group;
        int node;
        bool operator<(const Placement &other) const
        {
            // Carried-on groups first; then leftmost wish; groups before ungrouped nodes.
            return std::tuple(!carriesGroupOn, wanted, unsigned(group), node) <
                   std::tuple(!other.carriesGroupOn, other.wanted, unsigned(other.group), other.node);
        }
    };
    std::vector<Placement> placements;
    for (const std::vector<int> &nodes : byRank) {
        placements.clear();
        for (int node : nodes) {
            const int group = request.nodes.at(node).group;
            // The parent to sit above: one of the same group, else the nearest.
            int anchor = -1;
            bool sameGroup = false;
            parents.forEach(node, [&](int parent) {
                if (rank[size_t(parent)] >= rank[size_t(node)])
                    return; // a back edge of a cycle
                const bool same = group >= 0 && request.nodes.at(parent).group == group;
                if (anchor < 0 || (same && !sameGroup) ||
                    (same == sameGroup && rank[size_t(parent)] > rank[size_t(anchor)])) {
                    anchor = parent;
                    sameGroup = same;
                }
            });
            placements.push_back({sameGroup, anchor >= 0 ? column[size_t(anchor)] : 0, group, node});
        }
        std::sort(placements.begin(), placements.end());
        taken.clear();
        for (const Placement &p : placements) {
            column[size_t(p.node)] = taken.take(p.wanted);
            columnCount = std::max(columnCount, column[size_t(p.node)] + 1);
        }
    }

    QSizeF cell;
    for (const LayoutRequest::Node &node : request.nodes)
        cell = cell.expandedTo(node.size);
    const QSizeF box = cell;
    GraphLayout layout;
    layout.nodes.reserve(request.nodes.size());
    if (request.bottomToTop) {
        cell += QSizeF(request.nodeSeparation, request.rankSeparation);
        layout.boundingBox = QRectF(0, 0, std::max(0.0, columnCount * cell.width() - request.nodeSeparation),
                                    std::max(0.0, rankCount * cell.height() - request.rankSeparation));
    } else {
        cell += QSizeF(request.rankSeparation, request.nodeSeparation);
        layout.boundingBox = QRectF(0, 0, std::max(0.0, rankCount * cell.width() - request.rankSeparation),
                                    std::max(0.0, columnCount * cell.height() - request.nodeSeparation));
    }
    for (size_t i = 0; i < count; ++i) {
        const QPointF corner = request.bottomToTop
                                   ? QPointF(column[i] * cell.width(), (rankCount - 1 - rank[i]) * cell.height())
                                   : QPointF(rank[i] * cell.width(), column[i] * cell.height());
        const QSizeF size = request.nodes.at(qsizetype(i)).size;
        const QPointF center = corner + QPointF(box.width() / 2, box.height() / 2);
        layout.nodes.append(QRectF(center - QPointF(size.width() / 2, size.height() / 2), size));
    }
    layout.edges.reserve(request.edges.size());
    layout.arrowTips.reserve(request.edges.size());
    for (const LayoutRequest::Edge &edge : request.edges) {
        const QRectF &to = layout.nodes.at(edge.to);
        layout.edges.append(directEdgeCurve(layout.nodes.at(edge.from), to, request.bottomToTop));
        layout.arrowTips.append(directEdgeTip(to, request.bottomToTop));
    }
    return layout;
}
