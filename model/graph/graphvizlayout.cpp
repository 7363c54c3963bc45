// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphvizlayout.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <mutex>
#include <string>

// Graphviz last: its headers define MIN, MAX, TRUE and friends.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphLayout)
};

} // namespace

namespace {

/// Every cgraph/gvc call in the process happens under this lock.
std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

/// Graphviz reports errors through a global callback; collected here while the lock is held.
std::string &graphvizMessages()
{
    static std::string messages;
    return messages;
}

int collectGraphvizMessage(char *message)
{
    graphvizMessages() += message;
    return 0;
}

struct ContextDeleter
{
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};

GVC_t *context()
{
    static std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContext());
    return gvc.get();
}

/// Owns a graph and, once laid out, its layout; frees both in the right order.
class Graph
{
public:
    explicit Graph(Agraph_t *graph)
        : m_graph(graph)
    {}
    ~Graph()
    {
        if (m_laidOut)
            gvFreeLayout(context(), m_graph);
        if (m_graph)
            agclose(m_graph);
    }
    Graph(const Graph &) = delete;
    Graph &operator=(const Graph &) = delete;

    Agraph_t *get() const { return m_graph; }
    void setLaidOut() { m_laidOut = true; }

private:
    Agraph_t *m_graph;
    bool m_laidOut = false;
};

/// Graphviz 2.42 takes non-const strings; these copies live as long as the call.
void set(void *object, const char *name, const std::string &value)
{
    std::string key(name);
    std::string copy(value);
    std::string empty;
    agsafeset(object, key.data(), copy.data(), empty.data());
}

std::string inches(double points)
{
    return QString::number(points / 72.0, 'f', 4).toStdString();
}

} // namespace

Result<GraphLayout> layoutWithGraphviz(const LayoutRequest &request)
{
    if (const QString error = request.validationError(); !error.isEmpty())
        return Result<GraphLayout>::failure(error);
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    graphvizMessages().clear();
    agseterrf(collectGraphvizMessage);
    agseterr(AGWARN);

    std::string graphName("revisions");
    Graph graph(agopen(graphName.data(), Agdirected, nullptr));
    if (!graph.get())
        return Result<GraphLayout>::failure(Tr::tr("Graphviz could not create a graph."));
    set(graph.get(), "rankdir", request.bottomToTop ? "BT" : "LR");
    set(graph.get(), "newrank", "true");
    set(graph.get(), "nodesep", inches(request.nodeSeparation));
    set(graph.get(), "ranksep", inches(request.rankSeparation));
    if (request.nodes.size() > 400) {
        // Measured on a 1,600-node history: network simplex and crossing minimisation at their
        // defaults take over a minute; bounded like this, four seconds.
        set(graph.get(), "nslimit", "2");
        set(graph.get(), "nslimit1", "2");
        set(graph.get(), "mclimit", "0.2");
    }

    std::vector<Agnode_t *> nodes;
    nodes.reserve(size_t(request.nodes.size()));
    for (qsizetype i = 0; i < request.nodes.size(); ++i) {
        std::string name = "n" + std::to_string(i);
        Agnode_t *node = agnode(graph.get(), name.data(), 1);
        set(node, "shape", "box");
        set(node, "fixedsize", "true");
        set(node, "label", "");
        set(node, "width", inches(request.nodes.at(i).size.width()));
        set(node, "height", inches(request.nodes.at(i).size.height()));
        nodes.push_back(node);
    }
    std::vector<Agedge_t *> edges; // null for an unrouted edge
    edges.reserve(size_t(request.edges.size()));
    for (const LayoutRequest::Edge &edge : request.edges) {
        if (!edge.routed) {
            edges.push_back(nullptr);
            continue;
        }
        // A name per edge keeps parallel edges (a revision that depends on its own parent) apart.
        std::string name = "e" + std::to_string(edges.size());
        Agedge_t *e = agedge(graph.get(), nodes[size_t(edge.from)], nodes[size_t(edge.to)], name.data(), 1);
        if (!edge.constraint)
            set(e, "constraint", "false");
        edges.push_back(e);
    }

    std::string engine("dot");
    if (gvLayout(context(), graph.get(), engine.data()) != 0) {
        return Result<GraphLayout>::failure(
            Tr::tr("Graphviz could not lay out the graph: %1 Check that the Graphviz plugins are "
                   "installed and configured (run `dot -c` as root).")
                .arg(QString::fromStdString(graphvizMessages()).trimmed()));
    }
    graph.setLaidOut();

    // Graphviz: points, y upwards, origin at the lower left. Qt: y downwards, origin top left.
    const boxf bb = GD_bb(graph.get());
    auto toQt = [&](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    GraphLayout layout;
    layout.boundingBox = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    layout.nodes.reserve(request.nodes.size());
    for (Agnode_t *node : nodes) {
        const QPointF center = toQt(ND_coord(node));
        const QSizeF size(ND_width(node) * 72.0, ND_height(node) * 72.0);
        layout.nodes.append(
            QRectF(center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(), size.height()));
    }
    layout.edges.reserve(request.edges.size());
    for (size_t e = 0; e < edges.size(); ++e) {
        Agedge_t *edge = edges[e];
        if (!edge) {
            const LayoutRequest::Edge &loose = request.edges.at(qsizetype(e));
            const QRectF from = layout.nodes.at(loose.from);
            const QRectF to = layout.nodes.at(loose.to);
            layout.edges.append(directEdgeCurve(from, to, request.bottomToTop));
            layout.arrowTips.append(directEdgeTip(to, request.bottomToTop));
            continue;
        }
        QList<QPointF> points;
        QPointF tip;
        if (const splines *spl = ED_spl(edge)) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier &bz = spl->list[b];
                for (int p = 0; p < bz.size; ++p)
                    points.append(toQt(bz.list[p]));
                if (bz.eflag)
                    tip = toQt(bz.ep);
            }
        }
        layout.edges.append(points);
        layout.arrowTips.append(tip);
    }
    return layout;
}
