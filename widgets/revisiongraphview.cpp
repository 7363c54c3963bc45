// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisiongraphview.h"
#include "drawing/environmentpins.h"

#include "schema/schemareport.h"

#include "database/environmentsession.h"

#include "backgroundjob.h"
#include "graphoverview.h"
#include "history/displaytext.h"
#include "history/revisionsearch.h"
#include "revisionedgeitem.h"
#include "revisionnodeitem.h"
#include "scenebuilder.h"

#include <QContextMenuEvent>
#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal MinScale = 0.01;
constexpr qreal MaxScale = 4.0;
constexpr int OverviewSide = 180;
} // namespace

RevisionGraphView::RevisionGraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_builder(new SceneBuilder(this))
    , m_painter(std::make_unique<GraphPainter>(palette(), font()))
    , m_watcher(new QFutureWatcher<Result<GraphPicture>>(this))
    , m_busy(new QWidget(this))
    , m_busyLabel(new QLabel(m_busy))
    , m_quickLayout(new QPushButton(tr("Quick Layout"), m_busy))
    , m_busyDelay(new QTimer(this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    setBackgroundRole(QPalette::Window);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Revision graph"));
    setMouseTracking(true);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &RevisionGraphView::onSelectionChanged);
    connect(m_watcher, &QFutureWatcher<Result<GraphPicture>>::finished, this,
            [this] { showLayout(m_watcher->future().result()); });
    connect(m_builder, &SceneBuilder::sliceBuilt, this, &RevisionGraphView::onSliceBuilt);
    connect(m_builder, &SceneBuilder::finished, this, &RevisionGraphView::onSceneBuilt);

    // "Laying out…" with a busy bar, shown only when the layout takes long enough to notice.
    m_busy->setObjectName(u"layoutProgress"_s);
    m_busy->setAutoFillBackground(true);
    m_busy->setBackgroundRole(QPalette::ToolTipBase);
    auto *busyLayout = new QHBoxLayout(m_busy);
    auto *bar = new QProgressBar(m_busy);
    bar->setRange(0, 0);
    bar->setMaximumWidth(120);
    bar->setAccessibleName(tr("Laying out"));
    m_quickLayout->setObjectName(u"quickLayoutButton"_s);
    m_quickLayout->setToolTip(tr("Stop Graphviz and draw Retort's simpler layered layout now"));
    connect(m_quickLayout, &QPushButton::clicked, this, &RevisionGraphView::settleForQuickLayout);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(bar);
    busyLayout->addWidget(m_quickLayout);
    m_busy->hide();
    m_filterBanner = new QLabel(this);
    m_filterBanner->setObjectName(u"branchFilterBanner"_s);
    m_filterBanner->setAutoFillBackground(true);
    m_filterBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_filterBanner->setForegroundRole(QPalette::ToolTipText);
    m_filterBanner->setMargin(6);
    m_filterBanner->setTextFormat(Qt::RichText);
    m_filterBanner->hide();
    connect(m_filterBanner, &QLabel::linkActivated, this, [this] { setBranchFilter(-1); });
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy->show();
        placeOverlays();
    });

    m_overview = new GraphOverview(this);
    m_overview->setObjectName(u"graphOverview"_s);
    m_overview->hide();
}

RevisionGraphView::~RevisionGraphView()
{
    m_scene->disconnect(this); // the scene clears its selection while it is destroyed
    m_watcher->disconnect(this);
    m_builder->disconnect(this);
    m_builder->cancel();
    if (m_layoutCancelled)
        m_layoutCancelled->store(true);
}

void RevisionGraphView::clear()
{
    m_builder->cancel();
    m_hovered = nullptr;
    m_nodes.clear();
    m_edges.clear();
    m_builtNodes = 0;
    m_builtEdges = 0;
    m_nodePins.clear();
    m_unknownRowCards.clear();
    // A fresh scene at once; the old one, with perhaps tens of thousands of items, goes in slices.
    m_scene->disconnect(this);
    QGraphicsScene *old = m_scene;
    m_scene = new QGraphicsScene(this);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &RevisionGraphView::onSelectionChanged);
    setScene(m_scene);
    m_builder->discard(old);
    m_parentNodes.clear();
    m_childNodes.clear();
    m_picture = {};
    m_matches.clear();
    m_currentMatch = -1;
    if (m_branchFilter >= 0) {
        m_branchFilter = -1;
        m_filterBanner->hide();
        emit branchFilterChanged(-1, {});
    }
    m_pendingNodes.clear();
    m_overview->setPicture({}, {});
    m_overview->hide();
}

void RevisionGraphView::setProject(const Project &project, bool keepView)
{
    m_project = project;
    if (!keepView)
        m_expanded.clear();
    startLayout(keepView);
}

bool RevisionGraphView::isLayoutRunning() const
{
    return m_layoutRunning;
}

void RevisionGraphView::settleForQuickLayout()
{
    if (!m_layoutRunning || !m_layoutSettle)
        return;
    m_layoutSettle->store(true);
    m_quickLayout->setEnabled(false);
    m_busyLabel->setText(tr("Drawing the quick layout…"));
}

void RevisionGraphView::startLayout(bool keepView)
{
    // The scene of the old layout stays as far as it is built; the rest is no longer wanted.
    m_builder->cancel();
    m_keepView = keepView && m_builtNodes > 0;
    if (m_keepView) {
        m_pendingCenter = mapToScene(viewport()->rect().center());
        m_pendingTransform = transform();
    }
    RevisionGraphOptions options = GraphPicture::defaultOptions(m_project);
    if (!m_collapseRuns)
        options.collapseRunsOf = 0;
    options.expanded = m_expanded;
    for (const QString &id : std::as_const(m_keptIds)) {
        if (const int r = m_project.map().indexOf(id); r >= 0)
            options.keep.insert(r);
    }
    const auto cardSize = [font = font()](int idCharacters) { return GraphPainter::cardSize(font, idCharacters); };
    const bool bottomToTop = !m_leftToRight;

    m_busyLabel->setText(tr("Laying out %n revisions…", nullptr, m_project.map().size()));
    m_busyDelay->start();
    m_layoutRunning = true;
    // Ends a layout still running for older input.
    if (m_layoutCancelled)
        m_layoutCancelled->store(true);
    m_layoutCancelled = std::make_shared<std::atomic_bool>(false);
    m_layoutSettle = std::make_shared<std::atomic_bool>(false);
    m_quickLayout->setEnabled(true);
    emit layoutStarted(); // a receiver may settle for the quick layout before it starts
    m_watcher->setFuture(runInBackground(backgroundPool(), [project = m_project, cardSize, options, bottomToTop,
                                                            cancelled = m_layoutCancelled, settle = m_layoutSettle] {
        return GraphPicture::build(project, cardSize, options, bottomToTop, cancelled.get(), settle.get());
    }));
}

void RevisionGraphView::showLayout(const Result<GraphPicture> &outcome)
{
    m_busyDelay->stop();
    m_busy->hide();
    clear();
    if (!outcome) {
        m_layoutRunning = false;
        m_layoutError = outcome.error();
        showMessage(tr("The graph cannot be drawn: %1").arg(outcome.error()));
        emit layoutFinished(false);
        return;
    }
    m_layoutError.clear();
    m_picture = outcome.value();
    prepareScene();

    // The view is placed before the first card is built, from the layout alone: the cards nearest
    // to what it shows come first, and what the user does meanwhile (scroll, zoom) is kept.
    if (m_keepView) {
        setTransform(m_pendingTransform);
        centerOn(m_pendingCenter);
    } else if (m_pendingSelection >= 0) {
        const int n = m_picture.graph.nodeOfRevision.value(m_pendingSelection, -1);
        setTransform(QTransform());
        centerOn(n >= 0 && n < m_nodes.size() ? cardBounds(n).center() : m_scene->sceneRect().center());
    } else {
        showHeads();
    }
    m_pendingSelection = -1;
    m_scrollToSelection = false;
    applyEnvironmentMarks();
    m_builder->start(m_scene, m_picture, m_painter.get(), mapToScene(viewport()->rect().center()));
}

void RevisionGraphView::prepareScene()
{
    const GraphPicture &picture = m_picture;
    const qsizetype nodeCount = picture.cards.size();
    // Qt's automatic index depth grows with the item count and splits a tall, narrow history into
    // slivers narrower than a card, so every card sits in hundreds of leaves: at 100,000 revisions
    // that index alone took gigabytes. A few thousand leaves keep painting just as fast.
    m_scene->setBspTreeDepth(std::clamp(int(std::log2(double(std::max<qsizetype>(nodeCount, 1)))) - 4, 5, 10));
    // Set before any item comes: a new scene rectangle makes the index start over.
    m_scene->setSceneRect(picture.layout.boundingBox.adjusted(-24, -24, 24, 24));
    m_nodes = QList<RevisionNodeItem *>(nodeCount, nullptr);
    const QList<LayoutRequest::Edge> &edges = picture.graph.request.edges;
    m_edges = QList<RevisionEdgeItem *>(edges.size(), nullptr);
    m_parentNodes = QList<QList<int>>(nodeCount);
    m_childNodes = QList<QList<int>>(nodeCount);
    for (const LayoutRequest::Edge &edge : edges) {
        m_parentNodes[edge.to].append(edge.from);
        m_childNodes[edge.from].append(edge.to);
    }
    m_overview->setPicture(picture, m_scene->sceneRect());
    invalidateCallouts();
}

void RevisionGraphView::onSliceBuilt(const QList<int> &nodes, const QList<int> &edges)
{
    for (int n : nodes) {
        RevisionNodeItem *card = m_builder->node(n);
        card->setPins(m_nodePins.value(n));
        m_nodes[n] = card;
    }
    for (int e : edges)
        m_edges[e] = m_builder->edge(e);
    m_builtNodes += int(nodes.size());
    m_builtEdges += int(edges.size());
    // What was asked for so far applies to the new cards too.
    if (m_branchFilter >= 0)
        applyBranchFilter();
    if (!m_selectedId.isEmpty() && selectedRevision() < 0) {
        restoreSelection(m_scrollToSelection);
        updateHighlight(); // the lineage of the selection, built so far
    } else {
        updateHighlight(&nodes, &edges);
    }
}

void RevisionGraphView::onSceneBuilt()
{
    m_layoutRunning = false;
    // The selection survives a new layout, also one made before the layout finished.
    restoreSelection(m_scrollToSelection);
    m_scrollToSelection = false;
    if (!m_searchText.isEmpty())
        setSearchText(m_searchText); // the matches in drawing order, now that every card is placed
    updateHighlight();
    updateOverviewVisibility();
    invalidateCallouts();
    emit layoutFinished(true);
    keepPendingCards(); // pending revisions read while this layout ran
}

void RevisionGraphView::restoreSelection(bool scroll)
{
    const int revision = m_project.map().indexOf(m_selectedId);
    RevisionNodeItem *card = node(revision);
    if (!card && m_builder->isRunning())
        return; // its card comes in a later slice
    if (revision < 0)
        m_selectedId.clear();
    m_selecting = true;
    m_scene->clearSelection();
    if (card) {
        card->setSelected(true);
        if (scroll)
            ensureVisible(card, 40, 40);
        m_scrollToSelection = false;
    }
    m_selecting = false;
}

QRectF RevisionGraphView::cardBounds(int n) const
{
    if (const RevisionNodeItem *card = m_nodes.at(n))
        return card->sceneBoundingRect();
    return RevisionNodeItem::boundsOf(m_picture.layout.nodes.at(n), !m_nodePins.value(n).isEmpty());
}

void RevisionGraphView::showMessage(const QString &text)
{
    QGraphicsTextItem *item = m_scene->addText(text);
    item->setTextWidth(420);
    item->setDefaultTextColor(palette().color(QPalette::PlaceholderText));
    m_scene->setSceneRect(item->boundingRect().adjusted(-24, -24, 24, 24));
}

bool RevisionGraphView::expandRun(int revision)
{
    RevisionNodeItem *card = node(revision);
    if (!card || card->card().collapsedCount == 0 || isLayoutRunning())
        return false;
    m_expanded.insert(revision);
    // What the user selected or searched for inside the stack stays in view; else its oldest.
    const QList<int> &run = m_picture.graph.nodeRevisions.at(m_picture.graph.nodeOfRevision.at(revision));
    const int selected = m_project.map().indexOf(m_selectedId);
    const int match = m_matches.value(m_currentMatch, -1);
    m_pendingSelection = run.contains(selected) ? selected : run.contains(match) ? match : revision;
    startLayout(false);
    return true;
}

void RevisionGraphView::setCollapseRuns(bool collapse)
{
    if (collapse == m_collapseRuns)
        return;
    m_collapseRuns = collapse;
    m_expanded.clear();
    if (m_project.map().size() > 0)
        startLayout(true);
}

void RevisionGraphView::setLeftToRight(bool leftToRight)
{
    if (leftToRight == m_leftToRight)
        return;
    m_leftToRight = leftToRight;
    if (m_project.map().size() > 0) {
        m_pendingSelection = selectedRevision();
        startLayout(false);
    }
}

RevisionNodeItem *RevisionGraphView::node(int revision) const
{
    if (revision < 0 || revision >= m_picture.graph.nodeOfRevision.size())
        return nullptr;
    const int n = m_picture.graph.nodeOfRevision.at(revision);
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
    m_selectedId =
        revision >= 0 && revision < m_project.map().size() ? m_project.map().revision(revision).id : QString();
    RevisionNodeItem *card = node(revision);
    // A card still to be built is selected, and scrolled to, when it comes.
    m_scrollToSelection = !card && m_builder->isRunning() && !m_selectedId.isEmpty();
    m_selecting = true;
    m_scene->clearSelection();
    if (card) {
        card->setSelected(true);
        ensureVisible(card, 40, 40);
    }
    m_selecting = false;
    updateHighlight();
    viewMoved();
}

int RevisionGraphView::setSearchText(const QString &text)
{
    m_searchText = text;
    m_matches.clear();
    m_currentMatch = -1;
    const RevisionSearch search(text);
    if (!search.isEmpty()) {
        const RevisionMap &map = m_project.map();
        for (int r = 0; r < map.size(); ++r) {
            if (search.matches(map.revision(r)))
                m_matches.append(r);
        }
        // Top to bottom (left to right): the order Enter walks through them.
        const auto nodeOf = [this](int revision) {
            const int n = m_picture.graph.nodeOfRevision.value(revision, -1);
            return n < m_nodes.size() ? n : -1;
        };
        std::stable_sort(m_matches.begin(), m_matches.end(), [&](int a, int b) {
            const int x = nodeOf(a);
            const int y = nodeOf(b);
            if (x < 0 || y < 0)
                return x >= 0;
            const QPointF p = cardBounds(x).center();
            const QPointF q = cardBounds(y).center();
            return m_leftToRight ? std::pair(p.x(), p.y()) < std::pair(q.x(), q.y())
                                 : std::pair(p.y(), p.x()) < std::pair(q.y(), q.x());
        });
    }
    updateHighlight();
    emit searchResultsChanged(int(m_matches.size()));
    return int(m_matches.size());
}

int RevisionGraphView::jumpToMatch(bool forward)
{
    if (m_matches.isEmpty())
        return -1;
    const int count = int(m_matches.size());
    m_currentMatch =
        m_currentMatch < 0 ? (forward ? 0 : count - 1) : (m_currentMatch + (forward ? 1 : -1) + count) % count;
    const int revision = m_matches.at(m_currentMatch);
    selectRevision(revision);
    if (RevisionNodeItem *card = node(revision))
        centerOn(card);
    else if (const int n = m_picture.graph.nodeOfRevision.value(revision, -1); n >= 0 && n < m_nodes.size())
        centerOn(cardBounds(n).center()); // where its card is about to come
    emit revisionSelected(revision);
    return revision;
}

void RevisionGraphView::setBranchFilter(int revision)
{
    const int n = m_picture.graph.nodeOfRevision.value(revision, -1);
    m_branchFilter = n >= 0 && n < m_nodes.size() ? revision : -1;
    applyBranchFilter();
    if (m_branchFilter < 0)
        return;
    if (RevisionNodeItem *card = m_nodes.at(n))
        ensureVisible(card, 40, 40);
    else
        ensureVisible(cardBounds(n), 40, 40);
}

void RevisionGraphView::applyBranchFilter()
{
    const int filterNode = m_branchFilter >= 0 ? m_picture.graph.nodeOfRevision.at(m_branchFilter) : -1;
    const QSet<int> shown = filterNode >= 0 ? relatedNodes(filterNode) : QSet<int>();
    QSet<int> revisions;
    for (int n : shown) {
        for (int revision : m_picture.graph.nodeRevisions.at(n))
            revisions.insert(revision);
    }
    if (filterNode >= 0) {
        m_filterBanner->setText(
            tr("Only the ancestors and descendants of %1 are shown (%n revision(s)). <a href='#all'>Show All "
               "Branches</a>",
               nullptr, int(revisions.size()))
                .arg(m_project.map().revision(m_branchFilter).id.toHtmlEscaped()));
        m_filterBanner->show();
        placeOverlays();
    } else {
        m_filterBanner->hide();
    }
    emit branchFilterChanged(filterNode >= 0 ? m_branchFilter : -1, revisions);
    for (qsizetype n = 0; n < m_nodes.size(); ++n) {
        if (RevisionNodeItem *card = m_nodes.at(n))
            card->setVisible(filterNode < 0 || shown.contains(int(n)));
    }
    const QList<LayoutRequest::Edge> &edges = m_picture.graph.request.edges;
    for (qsizetype e = 0; e < m_edges.size(); ++e) {
        if (RevisionEdgeItem *edge = m_edges.at(e))
            edge->setVisible(filterNode < 0 || (shown.contains(edges.at(e).from) && shown.contains(edges.at(e).to)));
    }
    invalidateCallouts();
}

QSet<int> RevisionGraphView::relatedNodes(int start) const
{
    QSet<int> related{start};
    for (const QList<QList<int>> *direction : {&m_parentNodes, &m_childNodes}) {
        QList<int> stack{start};
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            for (int next : direction->at(n)) {
                if (!related.contains(next)) {
                    related.insert(next);
                    stack.append(next);
                }
            }
        }
    }
    return related;
}

void RevisionGraphView::updateHighlight()
{
    updateHighlight(nullptr, nullptr);
}

void RevisionGraphView::updateHighlight(const QList<int> *nodes, const QList<int> *edges)
{
    const RevisionNodeItem *focus = m_hovered ? m_hovered : node(selectedRevision());
    const int focusNode = focus ? int(m_nodes.indexOf(const_cast<RevisionNodeItem *>(focus))) : -1;
    const QSet<int> related = focusNode >= 0 ? relatedNodes(focusNode) : QSet<int>();
    QSet<int> matched;
    for (int r : std::as_const(m_matches))
        matched.insert(m_picture.graph.nodeOfRevision.value(r, -1));
    const int current =
        m_currentMatch >= 0 ? m_picture.graph.nodeOfRevision.value(m_matches.value(m_currentMatch), -1) : -1;
    const bool searching = !m_searchText.trimmed().isEmpty();
    // Hovering dims everything else; a selection only outlines its lineage, so the rest of the
    // history stays readable while the user works through it.
    const int unrelated = m_hovered ? GraphPainter::Dimmed : 0;
    const auto highlightNode = [&](int n) {
        int state = 0;
        if (focusNode >= 0)
            state |= related.contains(n) ? GraphPainter::Related : unrelated;
        if (matched.contains(n))
            state |= GraphPainter::Matched;
        else if (searching && focusNode < 0)
            state |= GraphPainter::Dimmed;
        if (n == current)
            state |= GraphPainter::Current;
        if (n == focusNode)
            state &= ~(GraphPainter::Dimmed | GraphPainter::Related);
        if (m_pendingNodes.contains(n))
            state |= GraphPainter::Pending;
        if (m_stepLabels.contains(n))
            state |= GraphPainter::Planned;
        if (RevisionNodeItem *card = m_nodes.at(n))
            card->setHighlight(state);
    };
    const QList<LayoutRequest::Edge> &requested = m_picture.graph.request.edges;
    const auto highlightEdge = [&](int e) {
        if (RevisionEdgeItem *edge = m_edges.at(e))
            edge->setDimmed(m_hovered &&
                            !(related.contains(requested.at(e).from) && related.contains(requested.at(e).to)));
    };
    if (nodes) {
        for (int n : *nodes)
            highlightNode(n);
    } else {
        for (qsizetype n = 0; n < m_nodes.size(); ++n)
            highlightNode(int(n));
    }
    if (edges) {
        for (int e : *edges)
            highlightEdge(e);
    } else {
        for (qsizetype e = 0; e < m_edges.size(); ++e)
            highlightEdge(int(e));
    }
}

void RevisionGraphView::setHovered(RevisionNodeItem *card)
{
    if (card == m_hovered)
        return;
    m_hovered = card;
    updateHighlight();
}

RevisionNodeItem *RevisionGraphView::cardAt(const QPoint &position) const
{
    for (QGraphicsItem *item : items(position)) {
        if (auto *card = dynamic_cast<RevisionNodeItem *>(item))
            return card->isVisible() ? card : nullptr;
    }
    return nullptr;
}

int RevisionGraphView::nodeInDirection(int from, int key) const
{
    // Children are drawn above their parents (or to the right of them).
    const bool up = key == Qt::Key_Up, down = key == Qt::Key_Down, left = key == Qt::Key_Left,
               right = key == Qt::Key_Right;
    const bool toChild = m_leftToRight ? right : up;
    const bool toParent = m_leftToRight ? left : down;
    const QPointF origin = m_nodes.at(from)->boundingRect().center();
    auto nearest = [&](const QList<int> &candidates, auto distance) {
        int best = -1;
        qreal bestDistance = 0;
        for (int n : candidates) {
            if (!m_nodes.at(n) || !m_nodes.at(n)->isVisible())
                continue;
            const qreal d = distance(m_nodes.at(n)->boundingRect().center());
            if (best < 0 || d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    };
    if (toChild || toParent) {
        return nearest(toChild ? m_childNodes.at(from) : m_parentNodes.at(from), [&](QPointF p) {
            return m_leftToRight ? std::abs(p.y() - origin.y()) : std::abs(p.x() - origin.x());
        });
    }
    // Siblings: the nearest card on the same rank (or close to it) in that direction.
    const bool forward = m_leftToRight ? down : right;
    QList<int> candidates;
    for (qsizetype n = 0; n < m_nodes.size(); ++n) {
        if (!m_nodes.at(n))
            continue;
        const QPointF p = m_nodes.at(n)->boundingRect().center();
        const qreal along = m_leftToRight ? p.y() - origin.y() : p.x() - origin.x();
        if (n != from && (forward ? along > 1 : along < -1))
            candidates.append(int(n));
    }
    return nearest(candidates, [&](QPointF p) {
        const qreal across = m_leftToRight ? p.x() - origin.x() : p.y() - origin.y();
        const qreal along = m_leftToRight ? p.y() - origin.y() : p.x() - origin.x();
        return std::abs(along) + 4 * std::abs(across); // stay on the rank first
    });
}

void RevisionGraphView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Left || key == Qt::Key_Right) {
        RevisionNodeItem *current = node(selectedRevision());
        int next = -1;
        if (!current) {
            next = m_nodes.isEmpty() ? -1 : 0;
            for (int head : m_project.map().realHeads()) {
                const int n = m_picture.graph.nodeOfRevision.value(head, -1);
                if (n >= 0 && n < m_nodes.size()) {
                    next = n;
                    break;
                }
            }
        } else {
            next = nodeInDirection(int(m_nodes.indexOf(current)), key);
        }
        if (next >= 0) {
            const int revision = m_picture.cards.at(next).revision;
            selectRevision(revision);
            emit revisionSelected(revision);
        }
        event->accept();
        return;
    }
    if (key == Qt::Key_Home) {
        showHeads();
        event->accept();
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        const int revision = selectedRevision();
        if (RevisionNodeItem *card = node(revision); card && card->card().collapsedCount > 0)
            expandRun(revision);
        else if (revision >= 0)
            emit revisionActivated(revision);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

RevisionGraphView::EnvironmentMarks RevisionGraphView::EnvironmentMarks::of(const EnvironmentSession &session,
                                                                            const RevisionMap &map)
{
    EnvironmentMarks marks;
    for (int i = 0; i < session.environments().size(); ++i) {
        const EnvironmentSession::State &state = session.state(i);
        if (!state.read)
            continue;
        const EnvironmentStatus &status = state.summary.status;
        GraphPainter::Pin pin{session.environments().at(i).name, QColor(session.color(i)), {}};
        if (const SchemaDrift *drift = session.drift(i); drift && !drift->differences.isEmpty())
            pin.drift = SchemaReport::driftDetail(pin.name, *drift, 5);
        marks.pins.append({pin, status.rowRevisions});
        if (!status.unknownRows.isEmpty())
            marks.unknownRows.append({pin, status.unknownRows});
        if (i == session.activeIndex()) {
            marks.pending = QList<bool>(map.size(), false);
            for (int r = 0; r < map.size(); ++r)
                marks.pending[r] = !status.isApplied(r) && !map.revision(r).isGhost;
        }
    }
    return marks;
}

void RevisionGraphView::setEnvironmentMarks(const EnvironmentMarks &marks)
{
    m_marks = marks;
    applyEnvironmentMarks();
    keepPendingCards();
}

void RevisionGraphView::keepPendingCards()
{
    // What is not applied yet is what a reviewer came for: it never hides in a stack.
    const RevisionMap &map = m_project.map();
    QSet<QString> pending;
    bool stacked = false;
    for (qsizetype r = 0; r < m_marks.pending.size() && r < map.size(); ++r) {
        if (!m_marks.pending.at(r))
            continue;
        pending.insert(map.revision(int(r)).id);
        const int n = m_picture.graph.nodeOfRevision.value(int(r), -1);
        stacked = stacked || (n >= 0 && m_picture.graph.nodeRevisions.at(n).size() > 1);
    }
    m_keptIds = pending;
    if (stacked && !isLayoutRunning())
        startLayout(true);
}

void RevisionGraphView::applyEnvironmentMarks()
{
    // The same placement as exported pictures: EnvironmentPins.
    EnvironmentPins environments;
    for (const auto &[pin, revisions] : std::as_const(m_marks.pins))
        environments.entries.append({pin, revisions, {}, {}});
    for (const auto &[pin, rows] : std::as_const(m_marks.unknownRows)) {
        auto entry = std::find_if(environments.entries.begin(), environments.entries.end(),
                                  [&pin](const EnvironmentPins::Entry &e) { return e.pin == pin; });
        if (entry == environments.entries.end())
            environments.entries.append({pin, {}, rows, {}});
        else
            entry->unknownRows = rows;
    }
    QList<QList<GraphPainter::Pin>> pins = environments.byNode(m_picture);
    // Rows that name nothing in the project: ghost cards in a column right of the graph.
    for (RevisionNodeItem *card : std::as_const(m_unknownRowCards))
        delete card;
    m_unknownRowCards.clear();
    if (!m_nodes.isEmpty()) {
        const QList<std::pair<QString, QList<GraphPainter::Pin>>> unknownRows = environments.unknownRows();
        const QRectF box = m_picture.layout.boundingBox;
        for (qsizetype i = 0; i < unknownRows.size(); ++i) {
            const auto &[id, rowPins] = unknownRows.at(i);
            GraphCard ghost;
            ghost.id = id;
            ghost.shortId = DisplayIds()(id);
            ghost.message = tr("unknown to this project");
            ghost.isGhost = true;
            auto *card = new RevisionNodeItem(m_painter.get(), ghost, EnvironmentPins::unknownRowRect(m_picture, i));
            card->setFlag(QGraphicsItem::ItemIsSelectable, false);
            card->setToolTip(tr("%1 is in the version table but no revision file declares it. Restore the file (e.g. "
                                "from version control), or stamp the database to the revision it really matches.")
                                 .arg(id));
            card->setPins(rowPins);
            m_scene->addItem(card);
            m_unknownRowCards.append(card);
        }
        QRectF scene = box.adjusted(-24, -24, 24, 24);
        for (const RevisionNodeItem *card : std::as_const(m_unknownRowCards))
            scene |= card->sceneBoundingRect().adjusted(-24, -24, 24, 24);
        m_scene->setSceneRect(scene);
    }

    // The plan being previewed: a numbered flag per card, in the plan's colour.
    m_stepLabels.clear();
    QHash<int, QList<int>> stepsOfNode;
    for (qsizetype i = 0; i < m_planSteps.size(); ++i) {
        const int n = m_picture.graph.nodeOfRevision.value(m_planSteps.at(i), -1);
        if (n >= 0 && n < pins.size())
            stepsOfNode[n].append(int(i) + 1);
    }
    const QString arrow = m_planUpgrade ? u"↑"_s : u"↓"_s;
    const QColor stepColor = m_planUpgrade ? QColor(46, 160, 67) : QColor(214, 110, 0);
    for (auto it = stepsOfNode.cbegin(); it != stepsOfNode.cend(); ++it) {
        const QList<int> &numbers = it.value();
        const bool contiguous = numbers.constLast() - numbers.constFirst() + 1 == numbers.size();
        QString label = arrow + QString::number(numbers.constFirst());
        if (numbers.size() > 1)
            label += (contiguous ? u"–"_s : u", …"_s) + (contiguous ? QString::number(numbers.constLast()) : QString());
        m_stepLabels.insert(it.key(), label);
        pins[it.key()].prepend(GraphPainter::Pin{label, stepColor, {}});
    }

    // A deletion being previewed: what goes and what is edited.
    const auto flag = [&](const QList<int> &revisions, const QString &label, const QColor &color) {
        for (const int revision : revisions) {
            const int n = m_picture.graph.nodeOfRevision.value(revision, -1);
            if (n >= 0 && n < pins.size() && !m_stepLabels.contains(n)) {
                m_stepLabels.insert(n, label);
                pins[n].prepend(GraphPainter::Pin{label, color, {}});
            }
        }
    };
    flag(m_removed, tr("delete"), QColor(200, 40, 40));
    flag(m_edited, tr("edit"), QColor(214, 110, 0));

    m_pendingNodes.clear();
    m_nodePins = pins;
    invalidateCallouts();
    for (qsizetype n = 0; n < m_nodes.size(); ++n) {
        if (RevisionNodeItem *card = m_nodes.at(n))
            card->setPins(pins.at(n));
        // A run counts as pending while its newest revision is.
        const int newest = m_picture.graph.nodeRevisions.at(n).constLast();
        if (m_marks.pending.value(newest, false))
            m_pendingNodes.insert(int(n));
    }
    updateHighlight();
}

void RevisionGraphView::setPlanSteps(const QList<int> &revisions, bool upgrade)
{
    if (revisions == m_planSteps && upgrade == m_planUpgrade)
        return;
    m_planSteps = revisions;
    m_planUpgrade = upgrade;
    applyEnvironmentMarks();
}

void RevisionGraphView::setRemovalPreview(const QList<int> &removed, const QList<int> &edited)
{
    if (removed == m_removed && edited == m_edited)
        return;
    m_removed = removed;
    m_edited = edited;
    applyEnvironmentMarks();
}

QString RevisionGraphView::stepLabel(int revision) const
{
    return m_stepLabels.value(m_picture.graph.nodeOfRevision.value(revision, -1));
}

void RevisionGraphView::fitAll()
{
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Never blow small histories up beyond their natural size.
    if (transform().m11() > 1.0)
        setTransform(QTransform());
    viewMoved();
}

void RevisionGraphView::zoomToSelection()
{
    RevisionNodeItem *card = node(selectedRevision());
    if (!card)
        return;
    setTransform(QTransform::fromScale(1.5, 1.5));
    centerOn(card);
    viewMoved();
}

void RevisionGraphView::zoomBy(qreal factor)
{
    const qreal scale = std::clamp(transform().m11() * factor, MinScale, MaxScale);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(scale, scale));
    setTransformationAnchor(anchor);
    viewMoved();
}

void RevisionGraphView::resetZoom()
{
    setTransform(QTransform());
    if (RevisionNodeItem *card = node(selectedRevision()))
        centerOn(card);
    viewMoved();
}

void RevisionGraphView::showHeads()
{
    setTransform(QTransform());
    // The newest card (topmost, or rightmost), at the top (or right) edge of the view.
    // Cards still to be built count where the layout puts them.
    int newest = -1;
    QRectF best;
    for (qsizetype n = 0; n < m_nodes.size(); ++n) {
        const QRectF r = cardBounds(int(n));
        if (newest < 0 || (m_leftToRight ? r.right() > best.right() : r.top() < best.top())) {
            newest = int(n);
            best = r;
        }
    }
    const QRectF scene = m_scene->sceneRect();
    const QPointF anchor = newest >= 0 ? best.center() : scene.center();
    if (m_leftToRight)
        centerOn(scene.right() - viewport()->width() / 2.0, anchor.y());
    else
        centerOn(anchor.x(), scene.top() + viewport()->height() / 2.0);
    viewMoved();
}

void RevisionGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (RevisionNodeItem *card = cardAt(event->pos())) {
        if (card->card().collapsedCount > 0)
            expandRun(card->revision());
        else
            emit revisionActivated(card->revision());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void RevisionGraphView::mouseMoveEvent(QMouseEvent *event)
{
    QGraphicsView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton)
        setHovered(cardAt(event->pos()));
}

void RevisionGraphView::leaveEvent(QEvent *event)
{
    setHovered(nullptr);
    QGraphicsView::leaveEvent(event);
}

void RevisionGraphView::wheelEvent(QWheelEvent *event)
{
    // Ctrl or not, the wheel zooms around the cursor: the graph is the whole canvas.
    const qreal factor = std::pow(1.0015, event->angleDelta().y());
    const qreal scale = transform().m11() * factor;
    if (scale >= MinScale && scale <= MaxScale)
        this->scale(factor, factor);
    viewMoved();
    event->accept();
}

bool RevisionGraphView::viewportEvent(QEvent *event)
{
    // A card's tooltip also says what the revision changes in the schema, worked out when asked.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        RevisionNodeItem *card = cardAt(help->pos());
        if (card && !card->isCollapsed()) {
            QString tip = card->toolTip();
            if (const std::optional<SchemaChanges> changes =
                    SchemaReport::changesForDisplay(m_project, card->revision()))
                tip += u"\n\n"_s + SchemaReport::changeLines(changes->changes, 8).join(u'\n');
            for (const GraphPainter::Pin &pin : card->pins()) {
                if (!pin.drift.isEmpty())
                    tip += u"\n\n"_s + pin.drift;
            }
            QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
    }
    // Touchpad pinch, within the same limits as the wheel.
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            const qreal factor = 1.0 + gesture->value();
            const qreal scale = transform().m11() * factor;
            if (factor > 0 && scale >= MinScale && scale <= MaxScale)
                this->scale(factor, factor); // anchored under the pointer, like the wheel
            viewMoved();
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void RevisionGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    RevisionNodeItem *card = cardAt(event->pos());
    QMenu menu(this);
    if (card) {
        const int revision = card->revision();
        if (selectedRevision() != revision) {
            selectRevision(revision);
            emit revisionSelected(revision);
        }
        if (card->card().collapsedCount > 0)
            menu.addAction(tr("Expand %n Revisions", nullptr, card->card().collapsedCount), this,
                           [this, revision] { expandRun(revision); });
        else
            menu.addAction(tr("Show Source"), this, [this, revision] { emit revisionActivated(revision); });
        menu.addAction(tr("Show Only This Branch"), this, [this, revision] { setBranchFilter(revision); });
        emit contextMenuRequested(&menu, revision);
    }
    if (m_branchFilter >= 0)
        menu.addAction(tr("Show All Branches"), this, [this] { setBranchFilter(-1); });
    menu.addSeparator();
    menu.addAction(tr("Fit to Window"), this, &RevisionGraphView::fitAll);
    if (menu.actions().size() > 1)
        menu.exec(event->globalPos());
}

void RevisionGraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (callouts().isEmpty())
        return;
    painter->save();
    const QTransform toViewport = painter->worldTransform();
    painter->setWorldTransform(QTransform());
    for (const Callout &callout : std::as_const(m_callouts)) {
        if (callout.rect.intersects(rect))
            m_painter->paintCallout(painter, toViewport.mapRect(callout.rect), callout.text, callout.accent);
    }
    painter->restore();
}

QStringList RevisionGraphView::callouts()
{
    const qreal scale = transform().m11();
    if (scale >= GraphPainter::FullDetailScale || m_nodes.isEmpty())
        return {};
    if (scale != m_calloutScale)
        layOutCallouts(scale);
    QStringList texts;
    for (const Callout &callout : std::as_const(m_callouts))
        texts.append(callout.text);
    return texts;
}

void RevisionGraphView::invalidateCallouts()
{
    m_calloutScale = -1;
    viewport()->update();
}

void RevisionGraphView::layOutCallouts(qreal scale)
{
    m_callouts.clear();
    m_calloutScale = scale;
    // Heads first, then where the databases stand, then the other landmarks: the first to claim a
    // spot keeps it, whatever part of the graph is on screen, so scrolling never moves a callout.
    const auto rank = [](const GraphCard &card, bool pinned) {
        return card.isHead ? 0 : pinned ? 1 : card.isBase ? 2 : card.isMerge ? 3 : 4;
    };
    QList<std::pair<int, int>> order; // rank, layout node
    for (qsizetype n = 0; n < m_picture.cards.size(); ++n) {
        if (const RevisionNodeItem *card = m_nodes.at(n); card && !card->isVisible())
            continue; // filtered out
        order.append({rank(m_picture.cards.at(n), !m_nodePins.value(n).isEmpty()), int(n)});
    }
    std::stable_sort(order.begin(), order.end(), [](auto a, auto b) { return a.first < b.first; });
    // Placed callouts by grid cell, so a history of thousands of landmarks places in linear time.
    const qreal cell = 120 / scale;
    QHash<QPoint, QList<int>> grid;
    const auto cellsOf = [cell](const QRectF &r) {
        QList<QPoint> cells;
        for (int x = int(std::floor(r.left() / cell)); x <= int(std::floor(r.right() / cell)); ++x) {
            for (int y = int(std::floor(r.top() / cell)); y <= int(std::floor(r.bottom() / cell)); ++y)
                cells.append(QPoint(x, y));
        }
        return cells;
    };
    const auto isFree = [&](const QRectF &r) {
        for (const QPoint &c : cellsOf(r)) {
            for (int other : grid.value(c)) {
                if (m_callouts.at(other).rect.intersects(r))
                    return false;
            }
        }
        return true;
    };
    for (const auto &[unused, n] : std::as_const(order)) {
        const QRectF box = m_picture.layout.nodes.at(n);
        const QList<GraphPainter::Pin> pins = m_nodePins.value(n);
        const QString text =
            m_painter->calloutText(m_picture.cards.at(n), pins, m_painter->detailAt(box.height(), scale));
        if (text.isEmpty())
            continue;
        const QSizeF size = m_painter->calloutSize(text) / scale;
        const qreal gap = 4 / scale;
        const QRectF right(QPointF(box.right() + gap, box.center().y() - size.height() / 2), size);
        const QRectF left(QPointF(box.left() - gap - size.width(), right.top()), size);
        for (const QRectF &spot : {right, left}) {
            if (!isFree(spot))
                continue;
            const QColor accent =
                pins.isEmpty() ? m_painter->lineageColor(m_picture.cards.at(n).colour) : pins.first().color;
            m_callouts.append({spot, text, accent});
            for (const QPoint &c : cellsOf(spot))
                grid[c].append(int(m_callouts.size() - 1));
            break;
        }
    }
}

void RevisionGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverlays();
    updateOverviewVisibility();
}

void RevisionGraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        // In place: the items, built or still to come, keep drawing with it (the layout stays valid).
        *m_painter = GraphPainter(palette(), font());
        m_scene->update();
        invalidateCallouts();
    }
}

void RevisionGraphView::placeOverlays()
{
    m_busy->adjustSize();
    m_busy->move((width() - m_busy->width()) / 2, 12);
    m_filterBanner->setMaximumWidth(std::max(120, width() - 24));
    m_filterBanner->setWordWrap(true);
    m_filterBanner->adjustSize();
    m_filterBanner->move(12, 12);
    const QRect area = viewport()->geometry();
    const QSizeF scene = m_scene->sceneRect().size();
    const qreal aspect = scene.height() > 0 ? scene.width() / scene.height() : 1;
    const int w = aspect >= 1 ? OverviewSide : std::max(40, int(OverviewSide * aspect));
    const int h = aspect >= 1 ? std::max(40, int(OverviewSide / aspect)) : OverviewSide;
    // A corner that leaves the selected card and the current match uncovered, bottom right first.
    QList<QRect> avoid;
    for (int revision : {selectedRevision(), m_matches.value(m_currentMatch, -1)}) {
        if (const RevisionNodeItem *card = node(revision))
            avoid.append(mapFromScene(card->sceneBoundingRect()).boundingRect().translated(area.topLeft()));
    }
    const QRect corners[] = {
        QRect(area.right() - w - 10, area.bottom() - h - 10, w, h),
        QRect(area.left() + 10, area.bottom() - h - 10, w, h),
        QRect(area.right() - w - 10, area.top() + 10, w, h),
        QRect(area.left() + 10, area.top() + 10, w, h),
    };
    QRect place = corners[0];
    for (const QRect &corner : corners) {
        if (std::none_of(avoid.begin(), avoid.end(), [&](const QRect &r) { return r.intersects(corner); })) {
            place = corner;
            break;
        }
    }
    m_overview->setGeometry(place);
}

void RevisionGraphView::viewMoved()
{
    updateOverviewVisibility();
    m_overview->update();
}

void RevisionGraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    viewMoved();
}

void RevisionGraphView::updateOverviewVisibility()
{
    // Only useful when the graph does not fit; hidden for small windows where it would cover it.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool fits = visible.contains(m_scene->sceneRect());
    const bool roomy = viewport()->width() > 3 * OverviewSide && viewport()->height() > 2 * OverviewSide;
    m_overview->setVisible(!m_nodes.isEmpty() && !fits && roomy);
    if (m_overview->isVisible())
        placeOverlays();
}

void RevisionGraphView::onSelectionChanged()
{
    if (m_selecting)
        return; // selectRevision() or clear() at work
    const int revision = selectedRevision();
    m_selectedId = revision >= 0 ? m_project.map().revision(revision).id : QString();
    updateHighlight();
    viewMoved();
    emit revisionSelected(revision);
}
