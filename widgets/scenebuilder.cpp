// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "scenebuilder.h"

#include "revisionedgeitem.h"
#include "revisionnodeitem.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QTimer>

#include <algorithm>
#include <numeric>

SceneBuilder::SceneBuilder(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_discardTimer(new QTimer(this))
{
    // Zero interval: the next slice as soon as the event loop has painted and handled input.
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &SceneBuilder::buildSlice);
    m_discardTimer->setInterval(0);
    connect(m_discardTimer, &QTimer::timeout, this, &SceneBuilder::discardSlice);
}

void SceneBuilder::start(QGraphicsScene *scene, const GraphPicture &picture, const GraphPainter *painter, QPointF focus)
{
    cancel();
    ++m_generation;
    m_scene = scene;
    m_picture = picture;
    m_painter = painter;
    const QList<QRectF> &rects = m_picture.layout.nodes;
    const qsizetype nodeCount = m_picture.cards.size();
    m_nodes = QList<RevisionNodeItem *>(nodeCount, nullptr);
    m_edges = QList<RevisionEdgeItem *>(m_picture.graph.request.edges.size(), nullptr);

    QList<qreal> distance(nodeCount);
    for (qsizetype n = 0; n < nodeCount; ++n) {
        const QPointF d = rects.at(n).center() - focus;
        distance[n] = QPointF::dotProduct(d, d);
    }
    m_order.resize(nodeCount);
    std::iota(m_order.begin(), m_order.end(), 0);
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) { return distance.at(a) < distance.at(b); });
    QList<int> position(nodeCount);
    for (qsizetype i = 0; i < nodeCount; ++i)
        position[m_order.at(i)] = int(i);
    m_edgesDue = QList<QList<int>>(nodeCount);
    const QList<LayoutRequest::Edge> &edges = m_picture.graph.request.edges;
    for (qsizetype e = 0; e < edges.size(); ++e)
        m_edgesDue[std::max(position.at(edges.at(e).from), position.at(edges.at(e).to))].append(int(e));
    m_next = 0;
    m_timer->start();
}

void SceneBuilder::cancel()
{
    m_timer->stop();
    ++m_generation;
    m_scene = nullptr;
    m_picture = {};
    m_order.clear();
    m_edgesDue.clear();
    m_nodes.clear();
    m_edges.clear();
    m_next = 0;
}

bool SceneBuilder::isRunning() const
{
    return m_timer->isActive();
}

void SceneBuilder::buildSlice()
{
    QElapsedTimer clock;
    clock.start();
    QList<int> nodes, edges;
    const QList<LayoutRequest::Edge> &requested = m_picture.graph.request.edges;
    while (m_next < m_order.size() && (nodes.isEmpty() || clock.elapsed() < m_budget)) {
        const int n = m_order.at(m_next);
        auto *card = new RevisionNodeItem(m_painter, m_picture.cards.at(n), m_picture.layout.nodes.at(n));
        m_scene->addItem(card);
        m_nodes[n] = card;
        nodes.append(n);
        for (int e : std::as_const(m_edgesDue.at(m_next))) {
            auto *item = new RevisionEdgeItem(m_painter, m_picture.layout.edges.at(e), m_picture.layout.arrowTips.at(e),
                                              m_picture.graph.edgeIsDependency.at(e),
                                              m_picture.cards.at(requested.at(e).to).colour);
            m_scene->addItem(item);
            m_edges[e] = item;
            edges.append(e);
        }
        ++m_next;
    }
    const bool done = m_next >= m_order.size();
    if (done)
        m_timer->stop();
    const quint64 generation = m_generation;
    emit sliceBuilt(nodes, edges);
    if (done && generation == m_generation) // unless a receiver ended this build or started another
        emit finished();
}

void SceneBuilder::discard(QGraphicsScene *scene)
{
    scene->setParent(this); // deleted with the builder if it is still here then
    // Children go with their parents: only top-level items are deleted one by one.
    QList<QGraphicsItem *> items = scene->items(Qt::AscendingOrder);
    items.removeIf([](const QGraphicsItem *item) { return item->parentItem() != nullptr; });
    m_discarded.append({scene, items});
    m_discardTimer->start();
}

void SceneBuilder::discardSlice()
{
    QElapsedTimer clock;
    clock.start();
    while (!m_discarded.isEmpty() && clock.elapsed() < m_budget) {
        auto &[scene, items] = m_discarded.first();
        for (int i = 0; i < 256 && !items.isEmpty(); ++i)
            delete items.takeFirst();
        if (items.isEmpty()) {
            delete scene;
            m_discarded.removeFirst();
        }
    }
    if (m_discarded.isEmpty())
        m_discardTimer->stop();
}
