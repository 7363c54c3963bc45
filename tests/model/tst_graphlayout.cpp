// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Graphviz layout of revision graphs: topology, never exact coordinates.

#include "graphlayout.h"
#include "revisiongraph.h"
#include "revisionmap.h"
#include "revisionscript.h"
#include "revisionspecs.h"

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

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void topology_data();
    void topology();
    void leftToRight();
    void concurrentLayoutsAreSerialised();
    void badEdgeIsAnError();
    void collapsesLinearRuns();
    void bigGraphsDrawDependenciesStraight();
    void lineages_data();
    void lineages();
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
                if (!layoutGraph(graph.request))
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
    request.nodes.append({u"only"_s, QSizeF(10, 10)});
    request.edges.append({0, 3, true});
    const Result<GraphLayout> layout = layoutGraph(request);
    QVERIFY(!layout);
    QVERIFY(!layout.error().isEmpty());
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
#include "tst_graphlayout.moc"
