// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphpicture.h"

#include <QList>
#include <QObject>
#include <QPointF>

class GraphPainter;
class QGraphicsItem;
class QGraphicsScene;
class QTimer;
class RevisionEdgeItem;
class RevisionNodeItem;

/// Puts a laid-out picture's cards and edges into a scene a slice at a time, and deletes scenes no
/// longer shown the same way, so the GUI thread keeps turning its event loop (painting, answering
/// input) while a big history appears or goes.
///
/// How it works: start() orders the cards by their distance from a focus point, the part of the graph
/// the view shows first, and lets each edge follow the later of its two cards, so the scene never holds
/// an edge without both of its cards. A zero-interval timer then makes items in that order until the
/// slice's time budget is spent, reports them (sliceBuilt) and returns to the event loop, which paints
/// and handles input before the next slice. cancel() or another start() ends a build; the items made
/// so far stay in the scene, which owns them. Deleting a scene of 20,000 items at once took 20–35 ms,
/// so discard() deletes its items a slice at a time, in stacking order: the order the scene keeps
/// them in, so each is found at the front of its list.
class SceneBuilder : public QObject
{
    Q_OBJECT
public:
    explicit SceneBuilder(QObject *parent = nullptr);

    /// Builds @p picture's items into @p scene, drawn by @p painter (which must outlive them), nearest
    /// to @p focus first.
    void start(QGraphicsScene *scene, const GraphPicture &picture, const GraphPainter *painter, QPointF focus);
    void cancel();
    bool isRunning() const;
    /// Takes @p scene, shown by no view any more, and deletes it with its items in slices.
    void discard(QGraphicsScene *scene);
    /// How long one slice may take; the event loop runs between slices.
    void setSliceBudget(int milliseconds) { m_budget = milliseconds; }
    int sliceBudget() const { return m_budget; }

    /// The card of layout node @p n, or nullptr while it is not built (or the build was ended).
    RevisionNodeItem *node(int n) const { return m_nodes.value(n); }
    /// The item of layout edge @p e, or nullptr while it is not built.
    RevisionEdgeItem *edge(int e) const { return m_edges.value(e); }

signals:
    /// The items of these layout nodes and edges were just added to the scene.
    void sliceBuilt(const QList<int> &nodes, const QList<int> &edges);
    /// Every card and edge is in the scene.
    void finished();

private:
    void buildSlice();
    void discardSlice();

    QGraphicsScene *m_scene = nullptr;
    QTimer *m_timer;
    QTimer *m_discardTimer;
    /// Scenes to delete, each with the items still in it, in the order they were stacked.
    QList<std::pair<QGraphicsScene *, QList<QGraphicsItem *>>> m_discarded;
    const GraphPainter *m_painter = nullptr;
    GraphPicture m_picture;
    QList<int> m_order;           ///< layout nodes, nearest to the focus first
    QList<QList<int>> m_edgesDue; ///< per position in m_order: the edges whose later card it is
    qsizetype m_next = 0;         ///< position in m_order
    QList<RevisionNodeItem *> m_nodes;
    QList<RevisionEdgeItem *> m_edges;
    /// Measured at 10,000 cards: the scene's own work after a slice (indexing the new items, then
    /// painting) takes about twice as long as making them, so 6 ms keeps a turn near 20 ms.
    int m_budget = 6;
    quint64 m_generation = 0; ///< counts builds, so a slice notices when a receiver ended its build
};
