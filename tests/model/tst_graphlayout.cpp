// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Graphviz layout of revision graphs: topology, never exact coordinates.

#include "graphlayout.h"
#include "revisiongraph.h"
#include "revisionmap.h"
#include "revisionscript.h"
#include "revisionspecs.h"

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

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
