// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QGraphicsView>
#include <QList>

class Project;
class RevisionNodeItem;

/// The revision graph: bases at the bottom, heads on top, laid out by Graphviz (model/), drawn
/// here. Wheel zooms around the cursor, dragging pans, clicking selects.
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
    /// The node of map index @p revision, or nullptr.
    RevisionNodeItem *node(int revision) const;
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

private:
    void onSelectionChanged();

    QGraphicsScene *m_scene;
    QList<RevisionNodeItem *> m_nodes; ///< by map index
    int m_edgeCount = 0;
    bool m_selecting = false;
};
