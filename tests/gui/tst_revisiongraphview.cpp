// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "childprocesses.h"
#include "drawing/theme.h"
#include "graphoverview.h"
#include "guitestsupport.h"
#include "historygenerator.h"
#include "revisionedgeitem.h"
#include "revisionnodeitem.h"
#include "scenebuilder.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

/// The graph view on its own: topology, selection, keyboard, search, highlighting, collapsing.
class TestRevisionGraphView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void drawsEveryRevision();
    void childrenAboveParents_data();
    void childrenAboveParents();
    void clickSelects();
    void arrowKeysWalkTheHistory();
    void searchHighlightsAndJumps();
    void hoverHighlightsLineage();
    void tooltipSaysWhatChanges();
    void branchFilterShowsOneBranch();
    void selectedPendingCardIsReadable();
    void lineagesHaveColours();
    void fitKeepsIdsReadable();
    void bigHistoriesCollapseRuns();
    void darkPaletteRedraws();
    void drawsWithoutGraphviz();
    void newProjectEndsTheRunningLayout();
    void bigHistoriesAreBuiltInSlices();
    void requestsDuringTheBuildApply();
    void newProjectDuringTheBuildReplacesIt();

private:
    void showSample(RevisionGraphView &view);
    /// A history of @p revisions written once per test run, every revision its own card.
    Project bigHistory(int revisions);
    /// Starts showing @p project in small slices and returns once part of its scene is built.
    bool startBuilding(RevisionGraphView &view, const Project &project);
    Project m_sample;
    QTemporaryDir m_tempDir;
};

void TestRevisionGraphView::initTestCase()
{
    Result<Project> project = Project::open(sampleProjectPath());
    QVERIFY2(project, qPrintable(project.error()));
    m_sample = project.value();
}

void TestRevisionGraphView::showSample(RevisionGraphView &view)
{
    view.resize(900, 700);
    view.show();
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    view.setProject(m_sample);
    QVERIFY(view.isLayoutRunning()); // never on the GUI thread
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.last().at(0).toBool());
}

void TestRevisionGraphView::tooltipSaysWhatChanges()
{
    RevisionGraphView view;
    showSample(view);
    const int rename = m_sample.map().indexOf(u"43be28eee936"_s);
    QVERIFY(view.node(rename));
    const QPoint at = view.mapFromScene(view.node(rename)->sceneBoundingRect().center());
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QApplication::sendEvent(view.viewport(), &help);
    const QString tip = QToolTip::text();
    QVERIFY2(tip.startsWith(u"43be28eee936"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"- column customers.name"_s) && tip.contains(u"+ column customers.full_name"_s),
             qPrintable(tip));
    QToolTip::hideText();
}

void TestRevisionGraphView::drawsEveryRevision()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    QCOMPARE(view.nodeCount(), map.size());
    int edges = 0, dependencies = 0;
    for (const Revision &rev : map.revisions()) {
        edges += int(rev.down.size());
        for (int d : rev.resolvedDependencies)
            dependencies += rev.down.contains(d) ? 0 : 1;
    }
    QCOMPARE(view.edgeCount(), edges + dependencies);
    int dashed = 0;
    for (RevisionEdgeItem *edge : view.edges()) {
        QVERIFY(!edge->shape().isEmpty()); // every edge has a path
        dashed += edge->isDependency() ? 1 : 0;
    }
    QCOMPARE(dashed, dependencies);
    QVERIFY(dependencies >= 1);
    // Badges: heads, bases, the merge.
    QVERIFY(view.node(map.indexOf(u"9ccc6cd9d6d2"_s))->card().isMerge);
    for (int head : map.realHeads())
        QVERIFY(view.node(head)->card().isHead);
    for (int base : map.bases())
        QVERIFY(view.node(base)->card().isBase);
}

void TestRevisionGraphView::childrenAboveParents_data()
{
    QTest::addColumn<bool>("leftToRight");
    QTest::newRow("bottom to top") << false;
    QTest::newRow("left to right") << true;
}

void TestRevisionGraphView::childrenAboveParents()
{
    QFETCH(bool, leftToRight);
    RevisionGraphView view;
    view.setLeftToRight(leftToRight);
    showSample(view);
    const RevisionMap &map = m_sample.map();
    for (int i = 0; i < map.size(); ++i) {
        for (int parent : map.revision(i).allDown) {
            const QRectF child = view.node(i)->sceneBoundingRect();
            const QRectF above = view.node(parent)->sceneBoundingRect();
            if (leftToRight)
                QVERIFY(child.left() > above.right());
            else
                QVERIFY(child.bottom() < above.top());
        }
    }
}

void TestRevisionGraphView::clickSelects()
{
    RevisionGraphView view;
    showSample(view);
    const int merge = m_sample.map().indexOf(u"9ccc6cd9d6d2"_s);
    QSignalSpy selected(&view, &RevisionGraphView::revisionSelected);
    view.ensureVisible(view.node(merge));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.mapFromScene(view.node(merge)->sceneBoundingRect().center()));
    QCOMPARE(view.selectedRevision(), merge);
    QCOMPARE(selected.last().at(0).toInt(), merge);
    // Selecting from outside does not echo.
    selected.clear();
    view.selectRevision(m_sample.map().bases().first());
    QCOMPARE(view.selectedRevision(), m_sample.map().bases().first());
    QCOMPARE(selected.count(), 0);
}

void TestRevisionGraphView::arrowKeysWalkTheHistory()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    const int merge = map.indexOf(u"9ccc6cd9d6d2"_s);
    view.setFocus();
    view.selectRevision(merge);
    // Down: to a parent.
    QTest::keyClick(&view, Qt::Key_Down);
    QVERIFY(map.revision(merge).allDown.contains(view.selectedRevision()));
    // Left/right: the other parent, on the same rank or near it.
    const int firstParent = view.selectedRevision();
    QTest::keyClick(&view, view.node(firstParent)->sceneBoundingRect().center().x() <
                                   view.node(merge)->sceneBoundingRect().center().x()
                               ? Qt::Key_Right
                               : Qt::Key_Left);
    QVERIFY(view.selectedRevision() != firstParent);
    // Up: back to a child.
    view.selectRevision(firstParent);
    QTest::keyClick(&view, Qt::Key_Up);
    QVERIFY(map.revision(view.selectedRevision()).allDown.contains(firstParent));
    // Enter asks for the source.
    QSignalSpy activated(&view, &RevisionGraphView::revisionActivated);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.last().at(0).toInt(), view.selectedRevision());
    // From a head, Up has nowhere to go and the selection stays.
    const int head = map.realHeads().first();
    view.selectRevision(head);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.selectedRevision(), head);
}

void TestRevisionGraphView::searchHighlightsAndJumps()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    QCOMPARE(view.setSearchText(u"9ccc6"_s), 1);
    QCOMPARE(view.matchedRevisions(), QList<int>{map.indexOf(u"9ccc6cd9d6d2"_s)});
    const int count = view.setSearchText(u"AUDIT"_s);
    const QList<int> matches = view.matchedRevisions();
    QCOMPARE(count, matches.size());
    QVERIFY(matches.size() >= 4);
    for (RevisionNodeItem *card : view.nodes()) {
        const bool match = matches.contains(card->revision());
        QCOMPARE(bool(card->highlight() & GraphPainter::Matched), match);
        QCOMPARE(bool(card->highlight() & GraphPainter::Dimmed), !match);
    }
    // Matches are walked top to bottom, wrapping.
    qreal lastY = -1e9;
    for (int i = 0; i < matches.size(); ++i) {
        const int revision = view.jumpToMatch();
        QCOMPARE(revision, matches.at(i));
        QCOMPARE(view.selectedRevision(), revision);
        QVERIFY(view.node(revision)->highlight() & GraphPainter::Current);
        const qreal y = view.node(revision)->sceneBoundingRect().top();
        QVERIFY(y >= lastY);
        lastY = y;
    }
    QCOMPARE(view.jumpToMatch(), matches.first());
    QCOMPARE(view.jumpToMatch(false), matches.last());
    // Words combine: a label and a message word.
    QCOMPARE(view.setSearchText(u"audit actor"_s), 1);
    QCOMPARE(view.setSearchText(u"no such thing"_s), 0);
    QCOMPARE(view.jumpToMatch(), -1);
}

void TestRevisionGraphView::hoverHighlightsLineage()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    const int merge = map.indexOf(u"9ccc6cd9d6d2"_s);
    view.selectRevision(merge);
    const QList<int> ancestors = map.ancestors({merge});
    const QList<int> descendants = map.descendants({merge});
    for (int r = 0; r < map.size(); ++r) {
        const int state = view.node(r)->highlight();
        if (r == merge)
            QCOMPARE(state & (GraphPainter::Related | GraphPainter::Dimmed), 0);
        else if (ancestors.contains(r) || descendants.contains(r))
            QVERIFY2(state & GraphPainter::Related, qPrintable(map.revision(r).id));
        else
            QCOMPARE(state & (GraphPainter::Related | GraphPainter::Dimmed), 0); // only hovering dims
    }
    // Hovering another card highlights its lineage instead.
    const int head = map.indexOf(u"f8eba117c5dd"_s);
    view.ensureVisible(view.node(head));
    QTest::mouseMove(view.viewport(), view.mapFromScene(view.node(head)->sceneBoundingRect().center()));
    QTRY_VERIFY(!(view.node(head)->highlight() & GraphPainter::Dimmed));
    QVERIFY(view.node(map.indexOf(u"17468fe7ff21"_s))->highlight() & GraphPainter::Related);
    QVERIFY(view.node(map.indexOf(u"1946af4d94f2"_s))->highlight() & GraphPainter::Dimmed);
}

void TestRevisionGraphView::branchFilterShowsOneBranch()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    const int gift = map.indexOf(u"f8eba117c5dd"_s);
    QSignalSpy filtered(&view, &RevisionGraphView::branchFilterChanged);
    view.show();
    view.setBranchFilter(gift);
    const QList<int> lineage = map.ancestors({gift}) + QList<int>{gift};
    for (int r = 0; r < map.size(); ++r)
        QCOMPARE(view.node(r)->isVisible(), lineage.contains(r));
    // The window's list follows the same revisions; a banner says a filter is on, with the way out.
    QCOMPARE(filtered.size(), 1);
    const QSet<int> shown = filtered.last().at(1).value<QSet<int>>();
    QCOMPARE(shown, QSet<int>(lineage.cbegin(), lineage.cend()));
    auto *banner = view.findChild<QLabel *>(u"branchFilterBanner"_s);
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(u"f8eba117c5dd"_s));
    emit banner->linkActivated(u"#all"_s);
    QVERIFY(!banner->isVisible());
    QCOMPARE(filtered.last().at(0).toInt(), -1);
    for (RevisionNodeItem *card : view.nodes())
        QVERIFY(card->isVisible());
}

void TestRevisionGraphView::selectedPendingCardIsReadable()
{
    // WCAG AA (4.5:1) for the text of a selected card, pending or not, in both palettes.
    for (const QPalette &palette : {QApplication::palette(), Theme::darkPalette(), GraphPainter::exportPalette()}) {
        const GraphPainter painter(palette, QApplication::font());
        QCOMPARE(GraphPainter::cardOpacity(GraphPainter::Selected | GraphPainter::Pending), 1.0);
        QVERIFY(GraphPainter::cardOpacity(GraphPainter::Pending) < 1.0);
        const double ratio = Theme::contrast(painter.selectedFill(), palette.color(QPalette::HighlightedText));
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
    }
}

void TestRevisionGraphView::lineagesHaveColours()
{
    RevisionGraphView view;
    showSample(view);
    const RevisionMap &map = m_sample.map();
    // A linear stretch shares a colour; the two heads that branch off 3b3a0aac0a27 differ.
    const auto lineage = [&](const char *id) { return view.node(map.indexOf(QString::fromLatin1(id)))->card().colour; };
    QCOMPARE(lineage("43be28eee936"), lineage("1946af4d94f2"));
    QVERIFY(lineage("17468fe7ff21") != lineage("cfcd54daa7e4"));
    const GraphPainter &painter = view.graphPainter();
    QVERIFY(painter.lineageColor(0) != painter.lineageColor(1));
    for (RevisionNodeItem *card : view.nodes())
        QVERIFY(card->card().colour >= 0 || card->card().isGhost);
}

void TestRevisionGraphView::fitKeepsIdsReadable()
{
    RevisionGraphView view;
    showSample(view);
    const GraphPainter &painter = view.graphPainter();
    const auto detailAtFit = [&](QSize size) {
        view.resize(size);
        view.fitAll();
        QApplication::processEvents();
        if (!qEnvironmentVariableIsEmpty("RETORT_TEST_PICTURES")) // to look at
            view.viewport()->grab().save(
                u"%1/fit-%2.png"_s.arg(qEnvironmentVariable("RETORT_TEST_PICTURES")).arg(size.width()));
        return painter.detailAt(view.picture().layout.nodes.first().height(), view.transform().m11());
    };
    // The graph pane of a 1280×800 window: cards a line of text tall show their ids, no callouts.
    QCOMPARE(detailAtFit(QSize(800, 560)), GraphPainter::Detail::IdOnly);
    QVERIFY(view.callouts().isEmpty());
    // Smaller than a line: heads, bases, branch and merge points get callouts with their ids.
    QCOMPARE(detailAtFit(QSize(600, 300)), GraphPainter::Detail::Block);
    const QStringList callouts = view.callouts();
    for (const char *landmark : {"HEAD 1946af4d94f2", "HEAD f8eba117c5dd", "HEAD b913b844acd8", "BASE 1baec2253d83",
                                 "MERGE 9ccc6cd9d6d2", "BRANCH 3b3a0aac0a27"})
        QVERIFY2(callouts.contains(QString::fromLatin1(landmark)), qPrintable(callouts.join(u", "_s)));
    QVERIFY(callouts.size() < view.nodeCount()); // only the landmarks
    // Natural size: whole cards again.
    view.resetZoom();
    QCOMPARE(painter.detailAt(view.picture().layout.nodes.first().height(), view.transform().m11()),
             GraphPainter::Detail::Full);
    QVERIFY(view.callouts().isEmpty());
}

void TestRevisionGraphView::bigHistoriesCollapseRuns()
{
    HistoryGenerator generator(7);
    HistoryShape shape;
    shape.revisions = 600;
    shape.stayOnLine = 0.9;
    shape.branch = 0.02;
    shape.merge = 0.03;
    shape.label = 0.005;
    shape.dependsOn = 0.005;
    shape.branchWindow = 20;
    QString error;
    const QString versions = m_tempDir.filePath(u"big/versions"_s);
    QVERIFY2(generator.writeVersions(versions, generator.generate(shape), &error), qPrintable(error));
    Result<Project> project = Project::open(versions);
    QVERIFY(project);

    RevisionGraphView view;
    view.resize(900, 700);
    view.show();
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    view.setProject(project.value());
    QVERIFY(finished.wait(30000));
    const RevisionMap &map = project->map();
    QCOMPARE(map.size(), 600);
    QVERIFY2(view.nodeCount() < 300, qPrintable(QString::number(view.nodeCount())));
    QVERIFY(view.overview()->isVisible()); // the minimap, for a graph that does not fit
    int collapsed = -1;
    for (int r = 0; r < map.size(); ++r) {
        QVERIFY(view.node(r)); // every revision has a card, perhaps a stack
        if (collapsed < 0 && view.node(r)->card().collapsedCount > 0)
            collapsed = r;
    }
    QVERIFY(collapsed >= 0);
    const int before = view.nodeCount();
    const int runLength = view.node(collapsed)->card().collapsedCount;

    // Double-clicking a stack expands it, in the background.
    view.ensureVisible(view.node(collapsed));
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {},
                       view.mapFromScene(view.node(collapsed)->sceneBoundingRect().center()));
    QVERIFY(finished.wait(30000));
    QCOMPARE(view.nodeCount(), before + runLength - 1);
    QCOMPARE(view.node(collapsed)->card().collapsedCount, 0);

    // Choosing a revision inside another run selects its stack.
    int hidden = -1;
    for (int r = 0; r < map.size() && hidden < 0; ++r) {
        if (view.node(r)->card().collapsedCount > 0 && view.node(r)->revision() != r)
            hidden = r;
    }
    QVERIFY(hidden >= 0);
    view.selectRevision(hidden);
    QCOMPARE(view.selectedRevision(), view.node(hidden)->revision());

    // The newest revisions of every head have their own cards.
    for (int r = 0; r < map.size(); ++r) {
        if (!map.revision(r).nextRevisions.isEmpty())
            continue;
        int steps = 0;
        for (int below = r; steps < GraphPicture::KeepNewest; ++steps) {
            QCOMPARE(view.node(below)->card().collapsedCount, 0);
            if (map.revision(below).down.isEmpty())
                break;
            below = map.revision(below).down.first();
        }
    }

    // Expanding the stack keeps the revision chosen inside it selected and in view.
    const auto inView = [&view](int revision) {
        const RevisionNodeItem *card = view.node(revision);
        return card && view.viewport()->rect().contains(view.mapFromScene(card->sceneBoundingRect()).boundingRect());
    };
    QVERIFY(view.expandRun(hidden));
    QVERIFY(finished.wait(30000));
    QCOMPARE(view.node(hidden)->card().collapsedCount, 0);
    QCOMPARE(view.selectedRevision(), hidden);
    QVERIFY(inView(hidden));

    // The minimap steps aside from the selected card in its corner.
    view.zoomBy(2.0); // wider than the view, so the card can be scrolled into any corner
    RevisionNodeItem *selected = view.node(hidden);
    const QRectF card = selected->sceneBoundingRect();
    const QSize overviewSize = view.overview()->size();
    const QRect viewport = view.viewport()->geometry();
    const QRect usualCorner(viewport.right() - overviewSize.width() - 10,
                            viewport.bottom() - overviewSize.height() - 10, overviewSize.width(),
                            overviewSize.height());
    const QPointF offset = QPointF(usualCorner.center() - viewport.center()) / view.transform().m11();
    view.centerOn(card.center() - offset);
    QApplication::processEvents();
    QVERIFY(view.overview()->isVisible());
    const QRect onScreen = view.mapFromScene(card).boundingRect().translated(viewport.topLeft());
    QVERIFY2(onScreen.intersects(usualCorner), "the card is where the minimap usually is");
    QVERIFY(!view.overview()->geometry().intersects(onScreen));

    // A revision not applied to the active environment leaves its stack.
    int stacked = -1;
    for (int r = 0; r < map.size() && stacked < 0; ++r) {
        if (view.node(r)->card().collapsedCount > 0)
            stacked = r;
    }
    QVERIFY(stacked >= 0);
    RevisionGraphView::EnvironmentMarks marks;
    marks.pending = QList<bool>(map.size(), false);
    marks.pending[stacked] = true;
    view.setEnvironmentMarks(marks);
    QVERIFY(view.isLayoutRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(view.node(stacked)->card().collapsedCount, 0);
    QVERIFY(!view.isLayoutRunning()); // once: the pending card is out of its stack

    // Every revision its own card, when asked.
    view.setCollapseRuns(false);
    QVERIFY(finished.wait(30000));
    QCOMPARE(view.nodeCount(), map.size());
}

void TestRevisionGraphView::drawsWithoutGraphviz()
{
    // Graphviz unusable (here: its helper missing): the layered layout, and the view says why.
    qputenv("RETORT_LAYOUT_HELPER", "/nonexistent/retort-layout");
    RevisionGraphView view;
    showSample(view);
    qunsetenv("RETORT_LAYOUT_HELPER");
    QCOMPARE(view.nodeCount(), m_sample.map().size());
    QVERIFY(view.layoutError().isEmpty());
    QVERIFY2(view.layoutNote().contains(u"/nonexistent/retort-layout"_s), qPrintable(view.layoutNote()));
    QVERIFY(view.layoutNote().contains(u"simpler layered layout"_s));
    for (const RevisionEdgeItem *edge : view.edges())
        QVERIFY(!edge->boundingRect().isEmpty());
    // Graphviz back: the next layout is its own again.
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    view.setProject(m_sample);
    QVERIFY(finished.wait(10000));
    QVERIFY(view.layoutNote().isEmpty());
}

void TestRevisionGraphView::newProjectEndsTheRunningLayout()
{
    // A history Graphviz needs long for, replaced before it is drawn: its helper is killed, and
    // only the new project's graph is shown.
    HistoryGenerator generator{11};
    HistoryShape shape;
    shape.revisions = 1200;
    shape.branch = 0.45;
    shape.merge = 0.45;
    const QString versions = m_tempDir.filePath(u"tangle"_s);
    QString error;
    QVERIFY2(generator.writeVersions(versions, generator.generate(shape), &error), qPrintable(error));
    Result<Project> tangled = Project::open(versions);
    QVERIFY(tangled);
    RevisionGraphView view;
    view.setCollapseRuns(false);
    view.resize(900, 700);
    view.show();
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    view.setProject(tangled.value());
    const auto helpers = [] { return childProcessesNamed(u"retort-layout"_s); };
    QTRY_VERIFY(helpers() > 0);
    view.setProject(m_sample);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(view.nodeCount(), m_sample.map().size());
    QTRY_COMPARE(helpers(), 0);
}

Project TestRevisionGraphView::bigHistory(int revisions)
{
    const QString dir = m_tempDir.filePath(u"slices%1"_s.arg(revisions));
    QString error;
    if (!QDir(dir).exists() && writeBenchmarkProject(dir, revisions, &error).isEmpty())
        qWarning("%s", qPrintable(error));
    Result<Project> project = Project::open(dir);
    return project ? project.value() : Project();
}

bool TestRevisionGraphView::startBuilding(RevisionGraphView &view, const Project &project)
{
    // Slices far smaller than the view's own, so even a fast machine sees the scene part-built.
    auto *builder = view.findChild<SceneBuilder *>();
    if (!builder)
        return false;
    builder->setSliceBudget(1);
    view.setCollapseRuns(false);
    view.resize(900, 700);
    view.show();
    view.setProject(project);
    QElapsedTimer clock;
    clock.start();
    while (view.nodeCount() == 0 && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return view.nodeCount() > 0 && view.isLayoutRunning();
}

/// The short ids of the cards in @p view's scene, sorted.
static QStringList cardIds(const RevisionGraphView &view)
{
    QStringList ids;
    for (QGraphicsItem *item : view.scene()->items()) {
        if (auto *card = dynamic_cast<RevisionNodeItem *>(item); card && !view.unknownRowCards().contains(card))
            ids.append(card->card().shortId);
    }
    ids.sort();
    return ids;
}

/// The short ids of every revision of @p map, sorted: what cardIds() gives when nothing collapsed.
static QStringList revisionIds(const RevisionMap &map)
{
    QStringList ids;
    for (const Revision &rev : map.revisions())
        ids.append(rev.id.left(12));
    ids.sort();
    return ids;
}

void TestRevisionGraphView::bigHistoriesAreBuiltInSlices()
{
    const Project project = bigHistory(4000);
    const RevisionMap &map = project.map();
    QCOMPARE(map.size(), 4000);
    RevisionGraphView view;
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    QVERIFY(startBuilding(view, project));
    // The event loop turns between slices, and the scene only grows until it is complete.
    int slices = 1;
    int last = view.nodeCount();
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && clock.elapsed() < 60000) {
        QVERIFY(view.isLayoutRunning());
        QVERIFY(view.nodeCount() >= last);
        slices += view.nodeCount() > last ? 1 : 0;
        last = view.nodeCount();
        finished.wait(2);
    }
    QVERIFY2(slices >= 3, qPrintable(QString::number(slices)));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(!view.isLayoutRunning());
    QCOMPARE(view.nodeCount(), map.size());
    QCOMPARE(view.edgeCount(), view.picture().graph.request.edges.size());
    QVERIFY(!view.nodes().contains(nullptr));
    QVERIFY(!view.edges().contains(nullptr));
    QCOMPARE(cardIds(view), revisionIds(map));
    for (int r = 0; r < map.size(); ++r)
        QCOMPARE(view.node(r)->revision(), r);
}

void TestRevisionGraphView::requestsDuringTheBuildApply()
{
    const Project project = bigHistory(4000);
    const RevisionMap &map = project.map();
    RevisionGraphView view;
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    QVERIFY(startBuilding(view, project));
    // A revision whose card is not built yet: the first base, far below the heads shown first.
    const int base = map.bases().first();
    QVERIFY(!view.node(base));
    view.selectRevision(base);
    const int head = map.realHeads().first();
    const int matches = view.setSearchText(map.revision(head).id);
    QCOMPARE(matches, 1);
    const GraphPainter::Pin pin{u"staging"_s, QColor(Qt::darkGreen), {}};
    RevisionGraphView::EnvironmentMarks marks;
    marks.pins.append({pin, QList<int>{base}});
    view.setEnvironmentMarks(marks);
    QVERIFY(finished.wait(60000));
    QCOMPARE(view.nodeCount(), map.size());
    QCOMPARE(view.selectedRevision(), base);
    QVERIFY(view.viewport()->rect().intersects(view.mapFromScene(view.node(base)->sceneBoundingRect()).boundingRect()));
    QCOMPARE(view.node(base)->pins(), QList<GraphPainter::Pin>{pin});
    QCOMPARE(view.matchedRevisions(), QList<int>{head});
    QVERIFY(view.node(head)->highlight() & GraphPainter::Matched);
    for (RevisionNodeItem *card : view.nodes()) {
        if (card->revision() != base)
            QVERIFY(card->pins().isEmpty());
    }
}

void TestRevisionGraphView::newProjectDuringTheBuildReplacesIt()
{
    const Project big = bigHistory(4000);
    RevisionGraphView view;
    QSignalSpy finished(&view, &RevisionGraphView::layoutFinished);
    QVERIFY(startBuilding(view, big));
    QVERIFY(view.nodeCount() < big.map().size());
    view.setProject(m_sample);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.size(), 1); // for the sample: the big history's build ended unfinished
    QVERIFY(finished.first().at(0).toBool());
    QTest::qWait(50); // when a slice of the old build would come
    QCOMPARE(finished.size(), 1);
    QCOMPARE(view.nodeCount(), m_sample.map().size());
    QCOMPARE(cardIds(view), revisionIds(m_sample.map()));
    QCOMPARE(view.scene()->items().size(), view.nodeCount() + view.edgeCount());
}

void TestRevisionGraphView::darkPaletteRedraws()
{
    RevisionGraphView view;
    showSample(view);
    const QColor light = view.graphPainter().lineageColor(0);
    const int selected = m_sample.map().bases().first();
    view.selectRevision(selected);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    view.setPalette(dark);
    QVERIFY(view.graphPainter().isDark());
    QVERIFY(view.graphPainter().lineageColor(0).lightness() > light.lightness());
    QCOMPARE(view.nodeCount(), m_sample.map().size());
    QCOMPARE(view.selectedRevision(), selected);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
}

QTEST_MAIN(TestRevisionGraphView)
#include "tst_revisiongraphview.moc"
