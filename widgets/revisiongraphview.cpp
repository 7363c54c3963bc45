// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisiongraphview.h"
#include "revisionedgeitem.h"
#include "revisionnodeitem.h"

#include "project.h"
#include "revisiongraph.h"

#include <QGraphicsScene>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

RevisionGraphView::RevisionGraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundRole(QPalette::Window);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &RevisionGraphView::onSelectionChanged);
}

RevisionGraphView::~RevisionGraphView()
{
    m_scene->disconnect(this); // the scene clears its selection while it is destroyed
}

void RevisionGraphView::clear()
{
    m_selecting = true;
    m_scene->clear();
    m_selecting = false;
    m_nodes.clear();
    m_edgeCount = 0;
}

bool RevisionGraphView::setProject(const Project &project, QString *error)
{
    clear();
    const RevisionMap &map = project.map();
    const QSizeF cardSize = RevisionNodeItem::preferredSize(font());
    const RevisionGraph graph = revisionGraph(map, [&](const Revision &) { return cardSize; });
    const Result<GraphLayout> layout = layoutGraph(graph.request);
    if (!layout) {
        if (error)
            *error = layout.error();
        return false;
    }
    m_nodes.reserve(map.size());
    for (int i = 0; i < map.size(); ++i) {
        const Revision &rev = map.revision(i);
        RevisionNodeItem::Content content;
        content.revision = i;
        content.shortId = rev.id.left(12);
        content.message = rev.isGhost ? tr("missing revision") : rev.doc.section(u'\n', 0, 0);
        content.labels = rev.branchLabels;
        content.isHead = !rev.isGhost && rev.isRealHead();
        content.isBase = !rev.isGhost && rev.isBase();
        content.isMerge = rev.isMergePoint();
        content.isGhost = rev.isGhost;
        auto *item = new RevisionNodeItem(content, layout->nodes.at(i));
        m_scene->addItem(item);
        m_nodes.append(item);
    }
    for (qsizetype e = 0; e < graph.request.edges.size(); ++e) {
        m_scene->addItem(
            new RevisionEdgeItem(layout->edges.at(e), layout->arrowTips.at(e), graph.edgeIsDependency.at(e)));
    }
    m_edgeCount = int(graph.request.edges.size());
    m_scene->setSceneRect(layout->boundingBox.adjusted(-24, -24, 24, 24));
    return true;
}

RevisionNodeItem *RevisionGraphView::node(int revision) const
{
    return revision >= 0 && revision < m_nodes.size() ? m_nodes.at(revision) : nullptr;
}

int RevisionGraphView::selectedRevision() const
{
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *card = dynamic_cast<RevisionNodeItem *>(item))
            return card->revision();
    }
    return -1;
}

void RevisionGraphView::selectRevision(int revision)
{
    m_selecting = true;
    m_scene->clearSelection();
    if (RevisionNodeItem *card = node(revision)) {
        card->setSelected(true);
        ensureVisible(card, 40, 40);
    }
    m_selecting = false;
}

void RevisionGraphView::fitAll()
{
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Never blow small histories up beyond their natural size.
    if (transform().m11() > 1.0)
        setTransform(QTransform());
}

void RevisionGraphView::showHeads()
{
    setTransform(QTransform());
    const QRectF scene = m_scene->sceneRect();
    centerOn(scene.center().x(), scene.top() + viewport()->height() / 2.0);
}

void RevisionGraphView::wheelEvent(QWheelEvent *event)
{
    const qreal factor = std::pow(1.0015, event->angleDelta().y());
    const qreal scale = transform().m11() * factor;
    if (scale < 0.02 || scale > 4.0)
        return;
    this->scale(factor, factor);
    event->accept();
}

void RevisionGraphView::onSelectionChanged()
{
    if (!m_selecting)
        emit revisionSelected(selectedRevision());
}
