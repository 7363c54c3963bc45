// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// The history list's lanes, checked for what makes a drawing right rather than for exact lanes:
// lines are continuous from row to row, every down_revision edge is drawn, nothing dangles.

#include "graph/historylanes.h"
#include "graph/revisiongraph.h"
#include "history/revisionmap.h"
#include "historygenerator.h"
#include "project/project.h"
#include "revisionspecs.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHistoryLanes : public QObject
{
    Q_OBJECT
private slots:
    void diamond();
    void wellFormed_data();
    void wellFormed();
};

namespace {

/// The history's rows: newest first, as RevisionListModel shows them.
QList<int> historyRows(const RevisionMap &map)
{
    const Result<QList<int>> history = map.history();
    return history ? history.value() : QList<int>();
}

} // namespace

void TestHistoryLanes::diamond()
{
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs({u"a"_s, u"b:a"_s, u"c:a"_s, u"d:b,c"_s}));
    const QList<int> rows = historyRows(map);
    QCOMPARE(rows.size(), 4);
    const HistoryLanes lanes = HistoryLanes::compute(map, rows, revisionLineages(map));
    QCOMPARE(lanes.laneCount, 2);
    QCOMPARE(lanes.rows.first().lane, 0);            // the merge, on top
    QCOMPARE(lanes.rows.first().segments.size(), 2); // down to both parents
    // The second branch joins the first one's lane below its own row, so one line reaches the base.
    const HistoryLanes::Row &side = lanes.rows.at(2);
    QCOMPARE(side.lane, 1);
    QVERIFY(side.segments.contains(HistoryLanes::Segment{1, 0, side.lineage, false}));
    QCOMPARE(lanes.rows.last().lane, 0);
    QCOMPARE(lanes.rows.last().segments.size(), 1);
    QVERIFY(lanes.rows.last().segments.first().upperHalf);
}

void TestHistoryLanes::wellFormed_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 12; ++seed)
        QTest::addRow("random %d", seed) << seed;
}

void TestHistoryLanes::wellFormed()
{
    QFETCH(int, seed);
    HistoryGenerator generator{quint32(seed)};
    HistoryShape shape;
    shape.revisions = 150;
    shape.branch = 0.2;
    shape.merge = 0.15;
    QTemporaryDir dir;
    QString error;
    QVERIFY2(generator.writeVersions(dir.path(), generator.generate(shape), &error), qPrintable(error));
    const Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    const RevisionMap &map = project->map();
    const QList<int> rows = historyRows(map);
    QCOMPARE(rows.size(), map.size());
    const HistoryLanes lanes = HistoryLanes::compute(map, rows, revisionLineages(map));
    QCOMPARE(lanes.rows.size(), rows.size());

    QSet<int> openBelow; // lanes whose line leaves the previous row's bottom edge
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const HistoryLanes::Row &row = lanes.rows.at(i);
        QVERIFY(row.lane >= 0 && row.lane < lanes.laneCount);
        QSet<int> top, bottom;
        int upTo = 0, down = 0;
        for (const HistoryLanes::Segment &s : row.segments) {
            QVERIFY(s.from >= 0 && s.from < lanes.laneCount && s.to >= 0 && s.to < lanes.laneCount);
            if (s.upperHalf) {
                top.insert(s.from);
                upTo += s.to == row.lane && s.from != s.to ? 1 : 0;
            } else {
                bottom.insert(s.to);
                down += s.from == row.lane ? 1 : 0;
            }
        }
        // Continuity: what leaves a row's bottom enters the next row's top.
        QCOMPARE(top, openBelow);
        // One line down per down_revision; as many lines arrive as children drew (at least one
        // unless it is a head).
        QCOMPARE(down, int(map.revision(rows.at(i)).down.size()));
        QVERIFY(upTo + (top.contains(row.lane) ? 1 : 0) >= (map.revision(rows.at(i)).nextRevisions.isEmpty() ? 0 : 1));
        openBelow = bottom;
    }
    QVERIFY(openBelow.isEmpty()); // the oldest rows end every line
}

QTEST_GUILESS_MAIN(TestHistoryLanes)
#include "tst_historylanes.moc"
