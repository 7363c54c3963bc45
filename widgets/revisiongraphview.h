// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project.h"
#include "revisiongraph.h"

#include <QGraphicsView>
#include <QList>
#include <QSet>

class RevisionNodeItem;

/// The revision graph: bases at the bottom, heads on top, laid out by Graphviz (model/), drawn
/// here. Wheel zooms around the cursor, dragging pans, clicking selects. Big histories show long
/// plain runs as one stacked card; double-clicking it expands the run.
class RevisionGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit RevisionGraphView(QWidget *parent = nullptr);
    ~RevisionGraphView() override;

    /// Lays out and shows @p project; on failure the view is emptied and @p error says why.
    bool setProject(const Project &project, QString *error);
    void clear();

    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return m_edgeCount; }
    /// The card showing map index @p revision (perhaps a collapsed run's), or nullptr.
    RevisionNodeItem *node(int revision) const;
    /// Histories with more revisions than this collapse plain runs of three or more.
    static constexpr int CollapseAbove = 200;
    /// Graphviz takes seconds beyond this many cards, on the GUI thread for now: such graphs are
    /// not drawn (the history list still shows everything).
    static constexpr int MaxCards = 1000;
    /// Expands the collapsed run holding @p revision and lays the graph out again.
    bool expandRun(int revision, QString *error = nullptr);
    int selectedRevision() const;
    /// Selects @p revision (-1: nothing) and scrolls it into view, without emitting revisionSelected.
    void selectRevision(int revision);
    void fitAll();
    /// Natural size, scrolled to the newest revisions at the top.
    void showHeads();

signals:
    void revisionSelected(int revision);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    bool rebuild(QString *error);
    void showMessage(const QString &text);
    void onSelectionChanged();

    QGraphicsScene *m_scene;
    Project m_project;
    QSet<int> m_expanded;
    RevisionGraph m_graph;
    QList<RevisionNodeItem *> m_nodes; ///< by layout node
    int m_edgeCount = 0;
    bool m_selecting = false;
};
