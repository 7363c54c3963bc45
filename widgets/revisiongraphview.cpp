// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisiongraphview.h"
#include "revisionedgeitem.h"
#include "revisionnodeitem.h"

#include "project.h"
#include "revisiongraph.h"

#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QMouseEvent>
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
    m_project = project;
    m_expanded.clear();
    return rebuild(error);
}

bool RevisionGraphView::expandRun(int revision, QString *error)
{
    RevisionNodeItem *card = node(revision);
    if (!card || card->content().collapsedCount == 0)
        return false;
    const QPointF anchor = card->sceneBoundingRect().center();
    const QPoint onScreen = mapFromScene(anchor);
    m_expanded.insert(revision);
    if (!rebuild(error))
        return false;
    // Keep the expanded run where the stack was.
    if (RevisionNodeItem *first = node(revision))
        centerOn(first->sceneBoundingRect().center() +
                 (mapToScene(viewport()->rect().center()) - mapToScene(onScreen)));
    return true;
}

bool RevisionGraphView::rebuild(QString *error)
{
    clear();
    const RevisionMap &map = m_project.map();
    const QSizeF cardSize = RevisionNodeItem::preferredSize(font());
    RevisionGraphOptions options;
    options.collapseRunsOf = map.size() > CollapseAbove ? 3 : 0;
    options.expanded = m_expanded;
    m_graph = revisionGraph(
        map, [&](const Revision &) { return cardSize; }, options);
    if (m_graph.request.nodes.size() > MaxCards) {
        const QString text = tr("This history needs %1 cards even with plain runs collapsed; graphs this large "
                                "are not drawn yet. The list below shows every revision.")
                                 .arg(m_graph.request.nodes.size());
        m_graph = {};
        showMessage(text);
        if (error)
            *error = text;
        return false;
    }
    const Result<GraphLayout> layout = layoutGraph(m_graph.request);
    if (!layout) {
        m_graph = {};
        showMessage(layout.error());
        if (error)
            *error = layout.error();
        return false;
    }
    m_nodes.reserve(m_graph.nodeRevisions.size());
    for (qsizetype n = 0; n < m_graph.nodeRevisions.size(); ++n) {
        const QList<int> &revisions = m_graph.nodeRevisions.at(n);
        const Revision &rev = map.revision(revisions.first());
        RevisionNodeItem::Content content;
        content.revision = revisions.first();
        if (revisions.size() > 1) {
            content.collapsedCount = int(revisions.size());
            content.shortId = tr("%n revisions", nullptr, int(revisions.size()));
            content.message = tr("%1 … %2").arg(rev.id.left(12), map.revision(revisions.last()).id.left(12));
            content.labels = rev.branchLabels;
        } else {
            content.shortId = rev.id.left(12);
            content.message = rev.isGhost ? tr("missing revision") : rev.doc.section(u'\n', 0, 0);
            content.labels = rev.branchLabels;
            content.isHead = !rev.isGhost && rev.isRealHead();
            content.isBase = !rev.isGhost && rev.isBase();
            content.isMerge = rev.isMergePoint();
            content.isGhost = rev.isGhost;
        }
        auto *item = new RevisionNodeItem(content, layout->nodes.at(n));
        m_scene->addItem(item);
        m_nodes.append(item);
    }
    for (qsizetype e = 0; e < m_graph.request.edges.size(); ++e) {
        m_scene->addItem(
            new RevisionEdgeItem(layout->edges.at(e), layout->arrowTips.at(e), m_graph.edgeIsDependency.at(e)));
    }
    m_edgeCount = int(m_graph.request.edges.size());
    m_scene->setSceneRect(layout->boundingBox.adjusted(-24, -24, 24, 24));
    return true;
}

void RevisionGraphView::showMessage(const QString &text)
{
    QGraphicsTextItem *item = m_scene->addText(text);
    item->setTextWidth(420);
    item->setDefaultTextColor(palette().color(QPalette::PlaceholderText));
    m_scene->setSceneRect(item->boundingRect().adjusted(-24, -24, 24, 24));
}

RevisionNodeItem *RevisionGraphView::node(int revision) const
{
    if (revision < 0 || revision >= m_graph.nodeOfRevision.size())
        return nullptr;
    const int n = m_graph.nodeOfRevision.at(revision);
    return n >= 0 && n < m_nodes.size() ? m_nodes.at(n) : nullptr;
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

void RevisionGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (auto *card = dynamic_cast<RevisionNodeItem *>(itemAt(event->pos()))) {
        if (card->content().collapsedCount > 0) {
            expandRun(card->revision());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
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
