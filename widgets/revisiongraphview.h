// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "drawing/graphpainter.h"
#include "graph/graphpicture.h"
#include "project/project.h"

#include <QGraphicsView>
#include <QList>
#include <QSet>

#include <atomic>
#include <memory>

class EnvironmentSession;
class GraphOverview;
class QElapsedTimer;
class QLabel;
class QPushButton;
class QMenu;
class QProgressBar;
class QTimer;
class RevisionEdgeItem;
class RevisionNodeItem;
class SceneBuilder;
template<typename T>
class QFutureWatcher;

/// The revision graph: bases at the bottom, heads on top (or left to right), laid out by Graphviz
/// on a worker thread and drawn by GraphPainter. The wheel zooms around the cursor, dragging pans,
/// arrow keys walk the history, and hovering or selecting a card highlights its ancestors and
/// descendants. Big histories show long plain runs as stacked cards; double-click one to expand it.
///
/// The scene is filled a slice at a time (SceneBuilder), nearest to what the view shows first, so a
/// big history never stalls the GUI thread. Until the last card is in, isLayoutRunning() stays true;
/// what is asked for meanwhile (selection, search, environment marks, a branch filter) applies to the
/// cards built so far and to each card as it comes.
class RevisionGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit RevisionGraphView(QWidget *parent = nullptr);
    ~RevisionGraphView() override;

    /// Shows @p project; the layout runs in the background, the scene is built in slices, and
    /// layoutFinished() follows once every card is in. With @p keepView (the same project, reloaded)
    /// the selection, zoom and scroll position stay.
    void setProject(const Project &project, bool keepView = false);
    void clear();
    /// True from setProject() (or another re-layout) until the scene holds every card.
    bool isLayoutRunning() const;
    /// Stops Graphviz and draws Retort's layered layout at once (the busy note's Quick Layout).
    void settleForQuickLayout();
    /// The message shown instead of a graph after a failed layout.
    QString layoutError() const { return m_layoutError; }
    /// Why the graph shows Retort's layered layout instead of Graphviz's; empty when it does not.
    QString layoutNote() const { return m_picture.layout.fallbackReason; }

    /// The cards (and edges) in the scene: all of the layout's once layoutFinished() came.
    int nodeCount() const { return m_builtNodes; }
    int edgeCount() const { return m_builtEdges; }
    /// The card showing map index @p revision (perhaps a collapsed run's), or nullptr (also while
    /// the scene is being built and that card is not in yet).
    RevisionNodeItem *node(int revision) const;
    /// The ghost cards of version rows that name no revision of the project.
    QList<RevisionNodeItem *> unknownRowCards() const { return m_unknownRowCards; }
    /// By layout node (edge); nullptr for those not built yet.
    QList<RevisionNodeItem *> nodes() const { return m_nodes; }
    QList<RevisionEdgeItem *> edges() const { return m_edges; }
    const GraphPicture &picture() const { return m_picture; }
    const GraphPainter &graphPainter() const { return *m_painter; }

    /// Expands the collapsed run holding @p revision and lays the graph out again.
    bool expandRun(int revision);
    /// Whether plain runs collapse in big histories (the default) or every revision gets a card.
    void setCollapseRuns(bool collapse);
    bool collapseRuns() const { return m_collapseRuns; }
    void setLeftToRight(bool leftToRight);
    bool isLeftToRight() const { return m_leftToRight; }

    int selectedRevision() const;
    /// Selects @p revision (-1: nothing) and scrolls it into view, without emitting revisionSelected.
    void selectRevision(int revision);

    /// Highlights the revisions matching @p text (an id prefix, words of the message, a branch
    /// label); returns how many match.
    int setSearchText(const QString &text);
    QList<int> matchedRevisions() const { return m_matches; }
    /// Selects the next (or previous) match, top to bottom, wrapping around; -1 when none.
    int jumpToMatch(bool forward = true);

    /// Shows only @p revision's ancestors and descendants (-1: everything again).
    void setBranchFilter(int revision);
    int branchFilter() const { return m_branchFilter; }

    /// Where the environments stand: a pin per environment on the cards its rows name, and for the
    /// active one, @p pending (per map index; empty: none) drawn faded with dashed borders.
    struct EnvironmentMarks
    {
        QList<std::pair<GraphPainter::Pin, QList<int>>> pins; ///< per environment: its pin, its rows' revisions
        QList<bool> pending;
        /// Per environment: rows naming revisions the project does not have, drawn as ghost cards
        /// beside the graph with the environment's pin.
        QList<std::pair<GraphPainter::Pin, QStringList>> unknownRows;

        /// The pins of @p session's environments that were read, and the active one's pending cards.
        static EnvironmentMarks of(const EnvironmentSession &session, const RevisionMap &map);
    };
    void setEnvironmentMarks(const EnvironmentMarks &marks);
    /// The marks shown now (what Export Graph draws when asked to show the databases).
    const EnvironmentMarks &environmentMarks() const { return m_marks; }
    /// The steps of a plan being previewed, in order (map indexes): each card gets a numbered flag
    /// (↑ upgrade, ↓ downgrade; a collapsed run shows the range of its steps) and an outline. Empty:
    /// no plan.
    void setPlanSteps(const QList<int> &revisions, bool upgrade);
    /// The revisions a deletion being previewed removes and edits (map indexes): flagged on their
    /// cards. Empty lists: no deletion.
    void setRemovalPreview(const QList<int> &removed, const QList<int> &edited);
    /// Per layout node, the flag of its steps ("↑3", "↓2–5"); empty for cards without a step.
    QString stepLabel(int revision) const;

    /// The texts of the callouts drawn beside cards too small to read at the current zoom.
    QStringList callouts();

    void fitAll();
    void zoomToSelection();
    void zoomBy(qreal factor);
    void resetZoom();
    /// Natural size, scrolled to the newest revisions.
    void showHeads();
    GraphOverview *overview() const { return m_overview; }

signals:
    void revisionSelected(int revision);
    /// Enter or a double-click on a card: the user wants to read the revision.
    void revisionActivated(int revision);
    void layoutStarted();
    /// The layout failed (@p ok false), or it succeeded and the scene holds all of its cards.
    void layoutFinished(bool ok);
    void searchResultsChanged(int matches);
    /// Only @p revision's ancestors and descendants are shown (@p shown: their map indexes), or
    /// everything again (@p revision -1, @p shown empty).
    void branchFilterChanged(int revision, const QSet<int> &shown);
    /// The context menu for @p revision is about to open: add actions to @p menu (direct connections).
    void contextMenuRequested(QMenu *menu, int revision);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    /// Callouts for cards too small to read: heads, bases, branch and merge points, pins.
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void startLayout(bool keepView);
    void showLayout(const Result<GraphPicture> &outcome);
    /// Sizes the scene and the lookups for m_picture; the items follow from m_builder.
    void prepareScene();
    void onSliceBuilt(const QList<int> &nodes, const QList<int> &edges);
    void onSceneBuilt();
    /// Selects the card of m_selectedId if it is built, without scrolling unless @p scroll.
    void restoreSelection(bool scroll);
    /// Shows or hides the built cards and edges for m_branchFilter.
    void applyBranchFilter();
    /// Where layout node @p n is drawn: its card's bounds, or where they will be.
    QRectF cardBounds(int n) const;
    void showMessage(const QString &text);
    void onSelectionChanged();
    void updateHighlight();
    /// Updates the highlight of just these layout nodes and edges (nullptr: all).
    void updateHighlight(const QList<int> *nodes, const QList<int> *edges);
    void applyEnvironmentMarks();
    /// Lays the graph out again when a revision pending in the active environment is in a stack.
    void keepPendingCards();
    void setHovered(RevisionNodeItem *card);
    void placeOverlays();
    void updateOverviewVisibility();
    /// After a scroll, zoom or new selection: the minimap follows (and steps aside).
    void viewMoved();
    QSet<int> relatedNodes(int node) const;
    int nodeInDirection(int node, int key) const;
    RevisionNodeItem *cardAt(const QPoint &position) const;
    /// Places the callouts for @p scale, each beside its card where it covers no other callout.
    void layOutCallouts(qreal scale);
    void invalidateCallouts();

    /// A label beside a card, sized in device pixels and placed in scene units for one scale.
    struct Callout
    {
        QRectF rect;
        QString text;
        QColor accent;
    };
    QList<Callout> m_callouts;
    qreal m_calloutScale = -1; ///< the scale m_callouts were placed for; -1: place them again

    QGraphicsScene *m_scene;
    SceneBuilder *m_builder;
    /// Replaced in place on palette or font changes: the items keep pointing at it.
    std::unique_ptr<GraphPainter> m_painter;
    Project m_project;
    QSet<int> m_expanded;
    QSet<QString> m_keptIds; ///< revisions pending in the active environment: never in a stack
    GraphPicture m_picture;
    QString m_layoutError;
    QList<RevisionNodeItem *> m_nodes; ///< by layout node; nullptr until built
    QList<RevisionEdgeItem *> m_edges; ///< by layout edge; nullptr until built
    int m_builtNodes = 0;
    int m_builtEdges = 0;
    QList<QList<GraphPainter::Pin>> m_nodePins; ///< by layout node, from m_marks
    QList<QList<int>> m_parentNodes;            ///< by layout node
    QList<QList<int>> m_childNodes;             ///< by layout node
    QFutureWatcher<Result<GraphPicture>> *m_watcher;
    /// Set when the running layout is no longer wanted: its Graphviz helper is killed.
    std::shared_ptr<std::atomic_bool> m_layoutCancelled;
    /// Set when the user would rather have the layered layout now than wait for Graphviz's.
    std::shared_ptr<std::atomic_bool> m_layoutSettle;
    QWidget *m_busy;
    QLabel *m_busyLabel;
    QPushButton *m_quickLayout;
    QLabel *m_filterBanner; ///< says that only one branch is shown, with the way out
    QTimer *m_busyDelay;
    GraphOverview *m_overview;
    QString m_searchText;
    QList<int> m_matches; ///< revisions, top to bottom
    int m_currentMatch = -1;
    RevisionNodeItem *m_hovered = nullptr;
    int m_branchFilter = -1;
    EnvironmentMarks m_marks;
    QSet<int> m_pendingNodes;
    QList<int> m_planSteps; ///< map indexes, in plan order
    bool m_planUpgrade = true;
    QHash<int, QString> m_stepLabels; ///< by layout node
    QList<int> m_removed;             ///< map indexes, from setRemovalPreview()
    QList<int> m_edited;

    QList<RevisionNodeItem *> m_unknownRowCards;
    bool m_collapseRuns = true;
    bool m_leftToRight = false;
    bool m_selecting = false;
    bool m_keepView = false;
    bool m_layoutRunning = false;
    bool m_scrollToSelection = false; ///< selected while its card was not built yet
    int m_pendingSelection = -1;      ///< centred on after a layout
    QString m_selectedId;             ///< kept across layouts, which renumber the cards
    QPointF m_pendingCenter;
    QTransform m_pendingTransform;
};
