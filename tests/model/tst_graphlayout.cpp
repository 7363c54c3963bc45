// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Graphviz layout of revision graphs: topology, never exact coordinates.

#include "childprocesses.h"
#include "graph/graphlayout.h"
#include "graph/graphvizlayout.h"
#include "graph/layeredlayout.h"
#include "graph/layoutprocess.h"
#include "graph/layoutprotocol.h"
#include "graph/revisiongraph.h"
#include "history/revisionmap.h"
#include "project/revisionscript.h"
#include "revisionspecs.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

RevisionMap mapOf(const QStringList &specs)
{
    return RevisionMap::build(scriptsFromSpecs(specs));
}

const QStringList demo = {u"07a7:f6f6:b2b2"_s, u"8m8m:c3c3,d4d4"_s, u"a1a1"_s, u"b2b2:a1a1"_s,
                          u"c3c3:b2b2"_s,      u"d4d4:a1a1"_s,      u"e5e5"_s, u"f6f6:e5e5"_s};

/// N main-line revisions, each with a leaf of its own: N heads (the shape that broke Graphviz).
QStringList manyHeads(int n)
{
    QStringList specs = {u"m0"_s, u"l0:m0"_s};
    for (int i = 1; i < n; ++i)
        specs << u"m%1:m%2"_s.arg(i).arg(i - 1) << u"l%1:m%1"_s.arg(i);
    return specs;
}

/// A tangle Graphviz needs seconds and hundreds of megabytes for: every node has three parents
/// picked anywhere below it.
LayoutRequest tangle(int nodes)
{
    QRandomGenerator random(7);
    LayoutRequest request;
    for (int i = 0; i < nodes; ++i) {
        request.nodes.append({QSizeF(120, 40)});
        for (int p = 0; i > 0 && p < 3; ++p)
            request.edges.append({int(random.bounded(i)), i});
    }
    return request;
}

int runningHelpers()
{
    return childProcessesNamed(u"retort-layout"_s);
}

/// No two cards overlap, every card is inside the bounding box, every edge leaves its parent's
/// card and points at its child's.
void verifyDrawable(const LayoutRequest &request, const GraphLayout &layout)
{
    QCOMPARE(layout.nodes.size(), request.nodes.size());
    QCOMPARE(layout.edges.size(), request.edges.size());
    QCOMPARE(layout.arrowTips.size(), request.edges.size());
    QList<QRectF> sorted = layout.nodes;
    std::sort(sorted.begin(), sorted.end(), [](const QRectF &a, const QRectF &b) { return a.top() < b.top(); });
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        QVERIFY(layout.boundingBox.adjusted(-0.01, -0.01, 0.01, 0.01).contains(sorted.at(i)));
        for (qsizetype j = i + 1; j < sorted.size() && sorted.at(j).top() < sorted.at(i).bottom(); ++j)
            QVERIFY2(!sorted.at(i).intersects(sorted.at(j)), "two cards overlap");
    }
    for (qsizetype e = 0; e < request.edges.size(); ++e) {
        const LayoutRequest::Edge &edge = request.edges.at(e);
        const QList<QPointF> &points = layout.edges.at(e);
        QVERIFY(points.size() >= 4 && (points.size() - 1) % 3 == 0);
        QVERIFY(layout.nodes.at(edge.from).adjusted(-1, -1, 1, 1).contains(points.first()));
        QVERIFY(layout.nodes.at(edge.to).adjusted(-1, -12, 1, 12).contains(layout.arrowTips.at(e)));
    }
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void topology_data();
    void topology();
    void leftToRight();
    void helperDrawsWhatGraphvizDraws();
    void concurrentLayoutsAreSerialised();
    void badEdgeIsAnError();
    void protocolRoundTripAndGarbage();
    void helperRefusesGarbage();
    void layered_data();
    void layered();
    void layeredManyHeadsIsNarrow();
    void layeredSurvivesCycles();
    void tooManyCardsSkipGraphviz();
    void slowGraphvizIsStopped();
    void graphvizMemoryIsLimited();
    void cancelEndsTheHelper();
    void settlingDrawsTheLayeredLayoutAtOnce();
    void missingHelperFallsBack();
    void collapsesLinearRuns();
    void bigGraphsDrawDependenciesStraight();
    void lineages_data();
    void lineages();
    void coloursStayWhenFilesAreAdded();
};

void TestGraphLayout::topology_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::newRow("branched demo") << demo;
    QTest::newRow("missing parent becomes a ghost") << QStringList{u"aaaa"_s, u"bbbb:nothere"_s};
    QTest::newRow("dependency on the own parent") << QStringList{u"aaaa"_s, u"bbbb:aaaa:aaaa"_s};
    QTest::newRow("single revision") << QStringList{u"aaaa"_s};
    QTest::newRow("empty") << QStringList();
}

void TestGraphLayout::topology()
{
    QFETCH(QStringList, specs);
    const RevisionMap map = mapOf(specs);
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(120, 40); });
    QCOMPARE(graph.request.nodes.size(), map.size());
    QCOMPARE(graph.edgeIsDependency.size(), graph.request.edges.size());
    const Result<GraphLayout> layout = layoutGraph(graph.request);
    QVERIFY2(layout, qPrintable(layout.error()));
    QVERIFY2(layout->fallbackReason.isEmpty(), qPrintable(layout->fallbackReason)); // Graphviz drew it
    QCOMPARE(layout->nodes.size(), map.size());
    QCOMPARE(layout->edges.size(), graph.request.edges.size());
    for (const QRectF &node : layout->nodes) {
        QCOMPARE(node.size(), QSizeF(120, 40)); // fixed size: the view's text fits
        QVERIFY(layout->boundingBox.contains(node));
    }
    for (qsizetype e = 0; e < graph.request.edges.size(); ++e) {
        const LayoutRequest::Edge &edge = graph.request.edges.at(e);
        const QRectF parent = layout->nodes.at(edge.from);
        const QRectF child = layout->nodes.at(edge.to);
        QVERIFY2(child.bottom() <= parent.top(), "a child is drawn above its parents");
        const QList<QPointF> &path = layout->edges.at(e);
        QVERIFY(path.size() >= 4);
        QCOMPARE((path.size() - 1) % 3, 0); // cubic Bézier segments
        QVERIFY(!layout->arrowTips.at(e).isNull());
    }
    if (specs.contains(u"bbbb:nothere"_s))
        QVERIFY(map.revision(map.indexOf(u"nothere"_s)).isGhost);
}

void TestGraphLayout::leftToRight()
{
    const RevisionMap map = mapOf({u"aaaa"_s, u"bbbb:aaaa"_s});
    RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(80, 30); });
    graph.request.bottomToTop = false;
    const Result<GraphLayout> layout = layoutGraph(graph.request);
    QVERIFY(layout);
    QVERIFY(layout->nodes.at(1).left() >= layout->nodes.at(0).right());
}

void TestGraphLayout::concurrentLayoutsAreSerialised()
{
    // Graphviz crashes when used from two threads at once; the lock must make this safe.
    const RevisionMap map = mapOf(demo);
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(100, 30); });
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                if (!layoutWithGraphviz(graph.request))
                    ++failures;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
}

void TestGraphLayout::badEdgeIsAnError()
{
    LayoutRequest request;
    request.nodes.append({QSizeF(10, 10)});
    request.edges.append({0, 3, true});
    const Result<GraphLayout> layout = layoutGraph(request);
    QVERIFY(!layout);
    QVERIFY(!layout.error().isEmpty());
    QCOMPARE(layoutWithGraphviz(request).error(), layout.error());
}

void TestGraphLayout::helperDrawsWhatGraphvizDraws()
{
    const RevisionMap map = mapOf(demo);
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(100, 30); });
    const Result<GraphLayout> inProcess = layoutWithGraphviz(graph.request);
    const Result<GraphLayout> inHelper = LayoutProcess::run(graph.request, {}, nullptr);
    QVERIFY2(inProcess && inHelper, qPrintable(inProcess.error() + inHelper.error()));
    QCOMPARE(inHelper->boundingBox, inProcess->boundingBox);
    QCOMPARE(inHelper->nodes, inProcess->nodes);
    QCOMPARE(inHelper->edges, inProcess->edges);
    QCOMPARE(inHelper->arrowTips, inProcess->arrowTips);
}

void TestGraphLayout::protocolRoundTripAndGarbage()
{
    const RevisionMap map = mapOf(demo);
    RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(100, 30); });
    graph.request.bottomToTop = false;
    const QByteArray encoded = LayoutProtocol::encodeRequest(graph.request);
    const Result<LayoutRequest> decoded = LayoutProtocol::decodeRequest(encoded);
    QVERIFY(decoded);
    QCOMPARE(LayoutProtocol::encodeRequest(*decoded), encoded);
    QCOMPARE(decoded->nodes.size(), graph.request.nodes.size());
    QCOMPARE(decoded->nodes.at(3).group, graph.request.nodes.at(3).group);
    QCOMPARE(decoded->edges.at(2).to, graph.request.edges.at(2).to);
    QVERIFY(!decoded->bottomToTop);

    // Truncated, padded, foreign or absurd data is an error, never a crash or a huge allocation.
    QVERIFY(!LayoutProtocol::decodeRequest(encoded.left(encoded.size() - 3)));
    QVERIFY(!LayoutProtocol::decodeRequest(encoded + "x"));
    QVERIFY(!LayoutProtocol::decodeRequest(QByteArray()));
    QVERIFY(!LayoutProtocol::decodeLayout(encoded));
    QByteArray absurd = encoded.left(8);
    absurd += QByteArray::fromHex("7fffffffffffffff");
    QVERIFY(!LayoutProtocol::decodeRequest(absurd));
    const Result<GraphLayout> layout = layoutWithGraphviz(graph.request);
    QVERIFY(layout);
    const Result<GraphLayout> back = LayoutProtocol::decodeLayout(LayoutProtocol::encodeLayout(*layout));
    QVERIFY(back);
    QCOMPARE(back->nodes, layout->nodes);
}

void TestGraphLayout::helperRefusesGarbage()
{
    const QString helper = LayoutProcess::helperPath();
    QVERIFY2(!helper.isEmpty(), "retort-layout is built with the tests");
    QProcess process;
    process.start(helper, {});
    QVERIFY(process.waitForStarted());
    process.write("not a layout request");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"Reinstall Retort"_s));
}

void TestGraphLayout::layered_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<int>("collapseRunsOf");
    QTest::newRow("branched demo") << demo << 0;
    QTest::newRow("many heads") << manyHeads(40) << 0;
    QTest::newRow("ghost parent") << QStringList{u"aaaa"_s, u"bbbb:nothere"_s} << 0;
    QTest::newRow("dependency on the own parent") << QStringList{u"aaaa"_s, u"bbbb:aaaa:aaaa"_s} << 0;
    QTest::newRow("dependency across branches")
        << QStringList{u"a"_s, u"b:a"_s, u"c:b"_s, u"x"_s, u"y:x:a"_s, u"z:y,c"_s} << 0;
    QTest::newRow("collapsed runs") << manyHeads(3) + QStringList{u"r1:l2"_s, u"r2:r1"_s, u"r3:r2"_s, u"r4:r3"_s} << 3;
    QTest::newRow("single") << QStringList{u"aaaa"_s} << 0;
    QTest::newRow("empty") << QStringList() << 0;
}

void TestGraphLayout::layered()
{
    QFETCH(QStringList, specs);
    QFETCH(int, collapseRunsOf);
    const RevisionMap map = mapOf(specs);
    RevisionGraphOptions options;
    options.collapseRunsOf = collapseRunsOf;
    RevisionGraph graph = revisionGraph(
        map, [](const Revision &) { return QSizeF(120, 40); }, options);
    for (const bool bottomToTop : {true, false}) {
        graph.request.bottomToTop = bottomToTop;
        const GraphLayout layout = layeredLayout(graph.request);
        verifyDrawable(graph.request, layout);
        for (const LayoutRequest::Edge &edge : graph.request.edges) {
            const QRectF parent = layout.nodes.at(edge.from);
            const QRectF child = layout.nodes.at(edge.to);
            // Children above (or right of) everything they need, as in Graphviz's drawing.
            QVERIFY(bottomToTop ? child.bottom() <= parent.top() : child.left() >= parent.right());
            // A child that carries its parent's lineage on sits in the parent's column.
            if (graph.request.nodes.at(edge.from).group == graph.request.nodes.at(edge.to).group &&
                graph.request.nodes.at(edge.to).group >= 0 && !graph.edgeIsDependency.isEmpty()) {
                bool onlyParentOfItsGroup = true;
                for (const LayoutRequest::Edge &other : graph.request.edges) {
                    if (other.to == edge.to && other.from != edge.from &&
                        graph.request.nodes.at(other.from).group == graph.request.nodes.at(edge.to).group)
                        onlyParentOfItsGroup = false;
                }
                if (onlyParentOfItsGroup)
                    QCOMPARE(bottomToTop ? child.center().x() : child.center().y(),
                             bottomToTop ? parent.center().x() : parent.center().y());
            }
        }
    }
}

void TestGraphLayout::layeredManyHeadsIsNarrow()
{
    // The trunk in one column, every leaf beside it: two columns, not one per head.
    const RevisionMap map = mapOf(manyHeads(2000));
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(120, 40); });
    const GraphLayout layout = layeredLayout(graph.request);
    verifyDrawable(graph.request, layout);
    QSet<qreal> columns;
    for (const QRectF &node : layout.nodes)
        columns.insert(node.center().x());
    QCOMPARE(columns.size(), 2);
    QCOMPARE(layout.boundingBox.height(), 2001 * (40 + 36) - 36.0); // a rank per trunk revision, and the last leaf
}

void TestGraphLayout::layeredSurvivesCycles()
{
    // 0 -> 1 -> 2 -> 0, and 3 hanging off 2: every node gets a place; the back edge is still drawn.
    LayoutRequest request;
    for (int i = 0; i < 4; ++i)
        request.nodes.append({QSizeF(50, 20), 0});
    request.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}};
    const GraphLayout layout = layeredLayout(request);
    verifyDrawable(request, layout);
    const Result<GraphLayout> viaGraph = layoutGraph(request);
    QVERIFY(viaGraph);
    QCOMPARE(viaGraph->nodes.size(), 4);
}

void TestGraphLayout::tooManyCardsSkipGraphviz()
{
    const RevisionMap map = mapOf(manyHeads(10));
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(120, 40); });
    LayoutLimits limits;
    limits.graphvizNodeLimit = 19;
    const Result<GraphLayout> layout = layoutGraph(graph.request, limits);
    QVERIFY(layout);
    QVERIFY2(layout->fallbackReason.startsWith(u"20 cards are more than Graphviz"_s),
             qPrintable(layout->fallbackReason));
    QVERIFY(layout->fallbackReason.endsWith(u"showing a simpler layered layout."_s));
    verifyDrawable(graph.request, *layout);
    limits.graphvizNodeLimit = 20;
    QVERIFY(layoutGraph(graph.request, limits)->fallbackReason.isEmpty());
}

void TestGraphLayout::slowGraphvizIsStopped()
{
    const LayoutRequest request = tangle(1500);
    LayoutLimits limits;
    limits.timeLimitMs = 300;
    QElapsedTimer clock;
    clock.start();
    const Result<GraphLayout> layout = layoutGraph(request, limits);
    QVERIFY(layout);
    QVERIFY2(clock.elapsed() < 5000 * RETORT_TEST_SLOWDOWN, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(layout->fallbackReason.contains(u"Graphviz did not finish within"_s), qPrintable(layout->fallbackReason));
    verifyDrawable(request, *layout);
    QCOMPARE(runningHelpers(), 0); // killed and reaped
}

void TestGraphLayout::graphvizMemoryIsLimited()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's shadow memory rules out an address-space limit; the normal build tests it");
#endif
    // What takes Graphviz hundreds of megabytes ends the helper at its limit, not this process.
    const LayoutRequest request = tangle(1500);
    LayoutLimits limits;
    limits.memoryLimitMegabytes = 60;
    const Result<GraphLayout> layout = layoutGraph(request, limits);
    QVERIFY(layout);
    QCOMPARE(layout->fallbackReason,
             u"Graphviz needed more than its 60 MB of memory; showing a simpler layered layout."_s);
    verifyDrawable(request, *layout);
    QCOMPARE(runningHelpers(), 0);
}

void TestGraphLayout::cancelEndsTheHelper()
{
    const LayoutRequest request = tangle(1500);
    std::atomic_bool cancelled{false};
    Result<GraphLayout> layout = Result<GraphLayout>::failure({});
    QElapsedTimer clock;
    clock.start();
    std::thread worker([&] { layout = layoutGraph(request, {}, &cancelled); });
    QTRY_COMPARE(runningHelpers(), 1);
    cancelled = true;
    worker.join();
    QVERIFY2(clock.elapsed() < 5000 * RETORT_TEST_SLOWDOWN, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!layout);
    QCOMPARE(layout.error(), LayoutProcess::cancelledMessage());
    QCOMPARE(runningHelpers(), 0);
}

void TestGraphLayout::settlingDrawsTheLayeredLayoutAtOnce()
{
    // The user stops waiting for Graphviz: its helper goes, the layered layout comes, and says why.
    const LayoutRequest request = tangle(1500);
    std::atomic_bool settle{false};
    LayoutLimits limits;
    limits.settleForLayered = &settle;
    Result<GraphLayout> layout = Result<GraphLayout>::failure({});
    QElapsedTimer clock;
    clock.start();
    std::thread worker([&] { layout = layoutGraph(request, limits); });
    QTRY_COMPARE(runningHelpers(), 1);
    settle = true;
    worker.join();
    QVERIFY2(clock.elapsed() < 5000 * RETORT_TEST_SLOWDOWN, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(layout);
    QCOMPARE(layout->fallbackReason, u"Graphviz was stopped on request; showing a simpler layered layout."_s);
    verifyDrawable(request, *layout);
    QCOMPARE(runningHelpers(), 0);
    // Asked before it starts: Graphviz is not started at all.
    const Result<GraphLayout> again = layoutGraph(request, limits);
    QVERIFY(again);
    QCOMPARE(again->fallbackReason, layout->fallbackReason);
}

void TestGraphLayout::missingHelperFallsBack()
{
    qputenv("RETORT_LAYOUT_HELPER", "/nonexistent/retort-layout");
    const RevisionMap map = mapOf(demo);
    const RevisionGraph graph = revisionGraph(map, [](const Revision &) { return QSizeF(100, 30); });
    const Result<GraphLayout> layout = layoutGraph(graph.request);
    qunsetenv("RETORT_LAYOUT_HELPER");
    QVERIFY(layout);
    QCOMPARE(layout->fallbackReason, u"RETORT_LAYOUT_HELPER names /nonexistent/retort-layout, which is not an "
                                     u"executable file; showing a simpler layered layout."_s);
    verifyDrawable(graph.request, *layout);
}

void TestGraphLayout::collapsesLinearRuns()
{
    // base r00 -> r01 ... r11 (head); r05 also starts a side branch s1; r08 carries a label.
    QStringList specs = {u"r00"_s};
    for (int i = 1; i < 12; ++i) {
        specs.append(u"r%1:r%2"_s.arg(i, 2, 10, QLatin1Char('0')).arg(i - 1, 2, 10, QLatin1Char('0')) +
                     (i == 8 ? u"::lab"_s : QString()));
    }
    specs.append(u"s1:r05"_s);
    const RevisionMap map = mapOf(specs);
    auto size = [](const Revision &) { return QSizeF(100, 30); };
    const RevisionGraph full = revisionGraph(map, size);
    QCOMPARE(full.request.nodes.size(), map.size());

    RevisionGraphOptions options;
    options.collapseRunsOf = 2;
    const RevisionGraph collapsed = revisionGraph(map, size, options);
    // Plain links: r01..r04 (r05 is a branch point, r00 a base) and r06, r07; r08 has a label;
    // r09, r10 (r11 is a head with no child).
    QStringList runs;
    for (const QList<int> &node : collapsed.nodeRevisions) {
        if (node.size() > 1)
            runs.append(map.ids(node).join(u','));
    }
    QCOMPARE(runs, QStringList({u"r01,r02,r03,r04"_s, u"r06,r07"_s, u"r09,r10"_s}));
    QCOMPARE(collapsed.request.nodes.size(), map.size() - 5);
    for (int r = 0; r < map.size(); ++r)
        QVERIFY(collapsed.nodeRevisions.at(collapsed.nodeOfRevision.at(r)).contains(r));
    const Result<GraphLayout> layout = layoutGraph(collapsed.request);
    QVERIFY2(layout, qPrintable(layout.error()));
    for (const LayoutRequest::Edge &edge : collapsed.request.edges) {
        QVERIFY(edge.from != edge.to);
        QVERIFY(layout->nodes.at(edge.to).bottom() <= layout->nodes.at(edge.from).top());
    }

    options.expanded = {map.indexOf(u"r07"_s)};
    const RevisionGraph expanded = revisionGraph(map, size, options);
    QCOMPARE(expanded.request.nodes.size(), map.size() - 4); // r06,r07 stay apart

    // The newest revisions of each head and the revisions to keep have their own cards; only the
    // stretches between them collapse. Three steps below r11 reach r09; s1 is its own head.
    options.expanded.clear();
    options.keepNewest = 3;
    options.keep = {map.indexOf(u"r03"_s)};
    const RevisionGraph kept = revisionGraph(map, size, options);
    runs.clear();
    for (const QList<int> &node : kept.nodeRevisions) {
        if (node.size() > 1)
            runs.append(map.ids(node).join(u','));
    }
    QCOMPARE(runs, QStringList({u"r01,r02"_s, u"r06,r07"_s}));
}

void TestGraphLayout::bigGraphsDrawDependenciesStraight()
{
    // A long line and a second base whose head depends on the line's first revision.
    QStringList specs = {u"r000"_s};
    for (int i = 1; i < 30; ++i)
        specs.append(u"r%1:r%2"_s.arg(i, 3, 10, QLatin1Char('0')).arg(i - 1, 3, 10, QLatin1Char('0')));
    specs.append(u"x1::r001"_s);
    const RevisionMap map = mapOf(specs);
    auto size = [](const Revision &) { return QSizeF(100, 30); };
    RevisionGraphOptions options;
    options.routeDependenciesUpTo = 10; // this graph counts as big
    const RevisionGraph graph = revisionGraph(map, size, options);
    int unrouted = 0;
    for (qsizetype e = 0; e < graph.request.edges.size(); ++e) {
        const LayoutRequest::Edge &edge = graph.request.edges.at(e);
        QCOMPARE(edge.routed, !graph.edgeIsDependency.at(e));
        QCOMPARE(edge.constraint, edge.routed);
        unrouted += edge.routed ? 0 : 1;
    }
    QCOMPARE(unrouted, 1);
    const Result<GraphLayout> layout = layoutGraph(graph.request);
    QVERIFY2(layout, qPrintable(layout.error()));
    for (qsizetype e = 0; e < graph.request.edges.size(); ++e) {
        const LayoutRequest::Edge &edge = graph.request.edges.at(e);
        const QList<QPointF> &points = layout->edges.at(e);
        // Every edge has a path from its parent's box to its child's, and an arrowhead at the child.
        QVERIFY(points.size() >= 4 && (points.size() - 1) % 3 == 0);
        const QRectF from = layout->nodes.at(edge.from).adjusted(-1, -1, 1, 1);
        const QRectF to = layout->nodes.at(edge.to).adjusted(-1, -12, 1, 12);
        QVERIFY(from.contains(points.first()));
        QVERIFY(to.contains(layout->arrowTips.at(e)));
    }
    // Small graphs keep Graphviz's routing (and ranking) for every edge.
    for (const LayoutRequest::Edge &edge : revisionGraph(map, size).request.edges)
        QVERIFY(edge.routed);
}

void TestGraphLayout::lineages_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QStringList>("sameLineage"); // groups "a,b,c" that share one colour
    QTest::addColumn<int>("count");
    QTest::newRow("line") << QStringList{u"a"_s, u"b:a"_s, u"c:b"_s} << QStringList{u"a,b,c"_s} << 1;
    // The longer branch carries the line on; the short one gets its own.
    QTest::newRow("branch") << QStringList{u"a"_s, u"b:a"_s, u"c:b"_s, u"d:c"_s, u"s:a"_s}
                            << QStringList{u"a,b,c,d"_s, u"s"_s} << 2;
    // At a merge the trunk (the deeper parent) goes on, whatever the order of down_revision.
    QTest::newRow("merge") << QStringList{u"a"_s, u"b:a"_s, u"c:b"_s, u"s:a"_s, u"m:s,c"_s, u"n:m"_s}
                           << QStringList{u"a,b,c,m,n"_s, u"s"_s} << 2;
    // A branch label starts a lineage; two bases are two lineages.
    QTest::newRow("label") << QStringList{u"a"_s, u"b:a::feature"_s, u"c:b"_s} << QStringList{u"b,c"_s, u"a"_s} << 2;
    QTest::newRow("bases") << QStringList{u"a"_s, u"b:a"_s, u"x"_s} << QStringList{u"a,b"_s, u"x"_s} << 2;
    QTest::newRow("ghost") << QStringList{u"b:zz"_s, u"c:b"_s} << QStringList{u"b,c"_s} << 1;
}

void TestGraphLayout::lineages()
{
    QFETCH(QStringList, specs);
    QFETCH(QStringList, sameLineage);
    QFETCH(int, count);
    const RevisionMap map = mapOf(specs);
    int lineageCount = -1;
    const QList<int> lineage = revisionLineages(map, &lineageCount);
    QCOMPARE(lineageCount, count);
    QSet<int> seen;
    for (const QString &group : sameLineage) {
        const QStringList ids = group.split(u',');
        const int first = lineage.at(map.indexOf(ids.first()));
        QVERIFY(first >= 0 && first < count);
        QVERIFY2(!seen.contains(first), qPrintable(group)); // groups differ from each other
        seen.insert(first);
        for (const QString &id : ids)
            QCOMPARE(lineage.at(map.indexOf(id)), first);
    }
    // The biggest group is lineage 0; ghosts have none.
    QCOMPARE(lineage.at(map.indexOf(sameLineage.first().split(u',').first())), 0);
    for (int r = 0; r < map.size(); ++r) {
        if (map.revision(r).isGhost)
            QCOMPARE(lineage.at(r), -1);
    }
}

QTEST_GUILESS_MAIN(TestGraphLayout)
void TestGraphLayout::coloursStayWhenFilesAreAdded()
{
    // A trunk with three side branches; then files that change lineage sizes (pa's catches up with za's),
    // file order and the set of lineages. (A branch that outgrows the trunk's own line becomes the
    // trunk: that is what lineages are.)
    QStringList specs = {u"m0"_s};
    for (int i = 1; i < 8; ++i)
        specs.append(u"m%1:m%2"_s.arg(i).arg(i - 1));
    specs += {u"ka:m2"_s, u"kb:ka"_s, u"kc:kb"_s, u"pa:m4"_s, u"za:m4"_s, u"zb:za"_s};
    const auto coloursOf = [](const QStringList &history) {
        const RevisionMap map = mapOf(history);
        int count = 0;
        const QList<int> lineages = revisionLineages(map, &count);
        const QList<int> colours = revisionColours(map, lineages, count);
        QHash<QString, int> byId;
        for (int r = 0; r < map.size(); ++r)
            byId.insert(map.revision(r).id, colours.at(r));
        return byId;
    };
    const QHash<QString, int> before = coloursOf(specs);
    QCOMPARE(before.value(u"m0"_s), 0);
    QVERIFY(before.value(u"ka"_s) != 0);
    QVERIFY(before.value(u"pa"_s) != before.value(u"za"_s)); // beside each other off m4
    for (const QStringList &added :
         {QStringList{u"aa:m3"_s}, QStringList{u"zz:m1"_s, u"zy:zz"_s}, QStringList{u"kd:kc"_s, u"pb:pa"_s}}) {
        const QHash<QString, int> after = coloursOf(added + specs);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(added.join(u' ') + u": "_s + it.key()));
    }
}

#include "tst_graphlayout.moc"
