// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// RevisionMap on hand-built graphs: the scenarios of alembic-semantics.md (each expected value was
// produced by real alembic) and every kind of broken history.

#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "project/revisionscript.h"
#include "revisionspecs.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The branched demo of alembic-semantics.md §5.1, in sorted file order.
const QStringList demo = {
    u"07a7a7a7a7a7:f6f6f6f6f6f6:b2b2b2b2b2b2"_s,
    u"8m8m8m8m8m8m:c3c3c3c3c3c3,d4d4d4d4d4d4"_s,
    u"a1a1a1a1a1a1"_s,
    u"b2b2b2b2b2b2:a1a1a1a1a1a1"_s,
    u"c3c3c3c3c3c3:b2b2b2b2b2b2"_s,
    u"d4d4d4d4d4d4:a1a1a1a1a1a1"_s,
    u"e5e5e5e5e5e5:::networking"_s,
    u"f6f6f6f6f6f6:e5e5e5e5e5e5"_s,
};

QStringList codes(const RevisionMap &map)
{
    QStringList out;
    for (const Diagnostic &d : map.diagnostics())
        out.append(d.code);
    return out;
}

} // namespace

class TestRevisionMap : public QObject
{
    Q_OBJECT

private slots:
    void topology();
    void effectiveHeads();
    void labelInheritance_data();
    void labelInheritance();
    void resolve_data();
    void resolve();
    void order_data();
    void order();
    void brokenHistories_data();
    void brokenHistories();
    void plannerRefusesBrokenHistory();
    void cycleNamesOnlyItsMembers();
    void unmergeRule();
    void mergeOfImpliedParentsFails();
    void randomBrokenGraphsNeverHang();
};

void TestRevisionMap::topology()
{
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(demo));
    QVERIFY(map.isConsistent());
    QCOMPARE(map.ids(map.heads()), QStringList({u"07a7a7a7a7a7"_s, u"8m8m8m8m8m8m"_s}));
    QCOMPARE(map.ids(map.realHeads()), map.ids(map.heads()));
    QCOMPARE(map.ids(map.bases()), QStringList({u"a1a1a1a1a1a1"_s, u"e5e5e5e5e5e5"_s}));
    const Revision &a1 = map.revision(map.indexOf(u"a1a1a1a1a1a1"_s));
    QVERIFY(a1.isBranchPoint());
    QVERIFY(map.revision(map.indexOf(u"8m8m8m8m8m8m"_s)).isMergePoint());
    QVERIFY(!map.revision(map.indexOf(u"07a7a7a7a7a7"_s)).isMergePoint()); // a dependency is no merge
    // b2 has a down_revision child (c3) and a dependent (07): a real branch point, not a branch point.
    const Revision &b2 = map.revision(map.indexOf(u"b2b2b2b2b2b2"_s));
    QVERIFY(!b2.isBranchPoint());
    QVERIFY(b2.isRealBranchPoint());
}

void TestRevisionMap::effectiveHeads()
{
    // demo2 of §5.3: x1 is a head only through y2's dependency on its label.
    const RevisionMap map =
        RevisionMap::build(scriptsFromSpecs({u"x1x1x1x1:::x"_s, u"y1y1y1y1:::y"_s, u"y2y2y2y2:y1y1y1y1:x"_s}));
    QCOMPARE(map.ids(map.heads()), QStringList({u"x1x1x1x1"_s, u"y2y2y2y2"_s}));
    QCOMPARE(map.ids(map.realHeads()), QStringList({u"y2y2y2y2"_s}));
    QCOMPARE(map.resolveRevision(u"head"_s).error(),
             u"Multiple head revisions are present for given argument 'head'; please specify a specific target "
             "revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"_s);
    QCOMPARE(map.ids(*map.resolveRevisions(u"heads"_s)), QStringList({u"y2y2y2y2"_s}));
    const Result<MigrationPlan> plan = MigrationPlanner(map).upgrade(u"heads"_s, {});
    QVERIFY(plan);
    QCOMPARE(plan->rows, QStringList({u"y2y2y2y2"_s}));
    QCOMPARE(map.ids(*map.allCurrent({u"y2y2y2y2"_s})), QStringList({u"x1x1x1x1"_s, u"y2y2y2y2"_s}));
}

void TestRevisionMap::labelInheritance_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QStringList>("labelled");
    // §2.4 consequences, checked against alembic.
    QTest::newRow("linear chain: all") << QStringList{u"aaaa"_s, u"bbbb:aaaa"_s, u"cccc:bbbb::X"_s, u"dddd:cccc"_s}
                                       << QStringList{u"aaaa"_s, u"bbbb"_s, u"cccc"_s, u"dddd"_s};
    QTest::newRow("branch point stops the walk")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa"_s, u"cccc:bbbb::X"_s, u"dddd:bbbb"_s} << QStringList{u"cccc"_s};
    QTest::newRow("a dependent child makes a real branch point")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa::X"_s, u"cccc:bbbb"_s, u"yyyy::bbbb"_s}
        << QStringList{u"bbbb"_s, u"cccc"_s};
    QTest::newRow("merge below the label: downwards only")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa"_s, u"cccc:bbbb::X"_s, u"zzzz"_s, u"mmmm:cccc,zzzz"_s}
        << QStringList{u"cccc"_s, u"mmmm"_s};
    QTest::newRow("demo networking") << demo << QStringList{u"07a7a7a7a7a7"_s, u"e5e5e5e5e5e5"_s, u"f6f6f6f6f6f6"_s};
}

void TestRevisionMap::labelInheritance()
{
    QFETCH(QStringList, specs);
    QFETCH(QStringList, labelled);
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(specs));
    QStringList actual;
    for (const Revision &rev : map.revisions()) {
        if (!rev.branchLabels.isEmpty())
            actual.append(rev.id);
    }
    actual.sort();
    QCOMPARE(actual, labelled);
}

void TestRevisionMap::resolve_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("expected"); ///< comma-separated ids, or "!error text"
    // alembic-semantics.md §2.5, as the CLI words it.
    QTest::newRow("heads") << u"heads"_s << u"07a7a7a7a7a7,8m8m8m8m8m8m"_s;
    QTest::newRow("head") << u"head"_s
                          << u"!Multiple head revisions are present for given argument 'head'; please specify a "
                             "specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' "
                             "for all heads"_s;
    QTest::newRow("base") << u"base"_s << QString();
    QTest::newRow("label is the declaring revision") << u"networking"_s << u"e5e5e5e5e5e5"_s;
    QTest::newRow("label@head") << u"networking@head"_s << u"07a7a7a7a7a7"_s;
    QTest::newRow("label@heads") << u"networking@heads"_s << u"07a7a7a7a7a7"_s;
    QTest::newRow("label@base") << u"networking@base"_s << QString();
    QTest::newRow("rev@head follows down_revision only") << u"a1a1@head"_s << u"8m8m8m8m8m8m"_s;
    QTest::newRow("rev@label") << u"07a7@networking"_s << u"e5e5e5e5e5e5"_s;
    QTest::newRow("label@rev") << u"networking@07a7"_s << u"07a7a7a7a7a7"_s;
    QTest::newRow("not a member") << u"networking@c3c3"_s << u"!Can't locate revision identified by 'c3c3'"_s;
    QTest::newRow("no such branch") << u"nosuch@head"_s << u"!Can't locate revision identified by 'nosuch'"_s;
    QTest::newRow("short prefix a1") << u"a1"_s << u"a1a1a1a1a1a1"_s;
    QTest::newRow("one character") << u"8"_s << u"8m8m8m8m8m8m"_s;
    QTest::newRow("label prefix") << u"netw"_s << u"e5e5e5e5e5e5"_s;
    QTest::newRow("-1 from a merge") << u"-1"_s << u"!Ambiguous walk"_s;
    QTest::newRow("label@-1") << u"networking@-1"_s << u"f6f6f6f6f6f6"_s;
    QTest::newRow("unknown") << u"zzzz"_s << u"!Can't locate revision identified by 'zzzz'"_s;
    QTest::newRow("+1 is not special here") << u"+1"_s << u"!Can't locate revision identified by '+1'"_s;
}

void TestRevisionMap::resolve()
{
    QFETCH(QString, identifier);
    QFETCH(QString, expected);
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(demo));
    const Result<QList<int>> result = map.resolveRevisions(identifier);
    if (expected.startsWith(u'!')) {
        QVERIFY(!result);
        QCOMPARE(result.error(), expected.mid(1));
    } else {
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(map.ids(*result).join(u','), expected);
    }
}

void TestRevisionMap::order_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("query"); ///< "up TARGET FROM,..", "down TARGET FROM,..", "history"
    QTest::addColumn<QString>("expected");
    const QStringList diamond = {u"aaaa"_s, u"bbb1:aaaa"_s, u"bbb2:aaaa"_s, u"cccc:bbb1,bbb2"_s, u"dddd:cccc"_s};
    QTest::newRow("DiamondTest") << diamond << u"history"_s << u"dddd,cccc,bbb1,bbb2,aaaa"_s;
    QTest::newRow("demo upgrade heads (sorted map)")
        << demo << u"up heads"_s
        << u"a1a1a1a1a1a1,d4d4d4d4d4d4,b2b2b2b2b2b2,c3c3c3c3c3c3,8m8m8m8m8m8m,e5e5e5e5e5e5,f6f6f6f6f6f6,"
           "07a7a7a7a7a7"_s;
    QTest::newRow("upgrading to an ancestor does nothing") << demo << u"up b2b2 c3c3c3c3c3c3"_s << QString();
    QTest::newRow("downgrade to a1 drops the dependent")
        << demo << u"down a1a1 8m8m8m8m8m8m,07a7a7a7a7a7"_s
        << u"07a7a7a7a7a7,8m8m8m8m8m8m,c3c3c3c3c3c3,b2b2b2b2b2b2,d4d4d4d4d4d4"_s;
    QTest::newRow("downgrade to b2 keeps the dependent")
        << demo << u"down b2b2 8m8m8m8m8m8m,07a7a7a7a7a7"_s << u"8m8m8m8m8m8m,c3c3c3c3c3c3"_s;
    QTest::newRow("downgrade to another branch")
        << demo << u"down c3c3 07a7a7a7a7a7"_s
        << u"!Destination c3c3 is not a valid downgrade target from current head(s)"_s;
}

void TestRevisionMap::order()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(specs));
    const QStringList words = query.split(u' ');
    const QStringList from = words.value(2).split(u',', Qt::SkipEmptyParts);
    Result<QList<int>> result = Result<QList<int>>::failure(QString());
    if (words.first() == u"history")
        result = map.history();
    else if (words.first() == u"up")
        result = map.upgradeRevisions(words.at(1), from);
    else
        result = map.downgradeRevisions(words.at(1), from);
    if (expected.startsWith(u'!')) {
        QVERIFY(!result);
        QCOMPARE(result.error(), expected.mid(1));
        return;
    }
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(map.ids(*result).join(u','), expected);
}

void TestRevisionMap::brokenHistories_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("acyclic");
    QTest::newRow("missing parent") << QStringList{u"aaaa"_s, u"bbbb:nothere"_s} << u"missing-revision"_s << true;
    QTest::newRow("missing dependency") << QStringList{u"aaaa"_s, u"bbbb:aaaa:nolabel"_s} << u"missing-dependency"_s
                                        << true;
    QTest::newRow("duplicate id") << QStringList{u"aaaa"_s, u"bbbb:aaaa"_s, u"bbbb:aaaa"_s} << u"duplicate-revision"_s
                                  << true;
    QTest::newRow("self loop") << QStringList{u"aaaa:aaaa"_s} << u"self-loop"_s << true;
    QTest::newRow("dependency self loop")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa:bbbb"_s} << u"dependency-self-loop"_s << true;
    QTest::newRow("cycle") << QStringList{u"aaaa"_s, u"bbbb:cccc"_s, u"cccc:bbbb"_s, u"dddd:aaaa"_s} << u"cycle"_s
                           << false;
    QTest::newRow("cycle without bases") << QStringList{u"bbbb:cccc"_s, u"cccc:bbbb"_s} << u"cycle"_s << false;
    QTest::newRow("dependency cycle") << QStringList{u"aaaa:cccc"_s, u"bbbb:aaaa"_s, u"cccc::bbbb"_s}
                                      << u"dependency-cycle"_s << false;
    QTest::newRow("depends on its own label")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa:lab:lab"_s} << u"dependency-cycle"_s << false;
    QTest::newRow("label used twice") << QStringList{u"aaaa:::lab"_s, u"bbbb:aaaa::lab"_s}
                                      << u"duplicate-branch-label"_s << true;
    QTest::newRow("label equal to an id")
        << QStringList{u"aaaa"_s, u"bbbb:aaaa::aaaa"_s} << u"duplicate-branch-label"_s << true;
}

void TestRevisionMap::brokenHistories()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, code);
    QFETCH(bool, acyclic);
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(specs));
    QVERIFY2(codes(map).contains(code), qPrintable(codes(map).join(u", "_s)));
    QVERIFY(!map.isConsistent());
    QCOMPARE(map.isAcyclic(), acyclic);
    for (const Diagnostic &d : map.diagnostics()) {
        QVERIFY(!d.message.isEmpty());
        QVERIFY(!d.revision.isEmpty());
    }
    // Listing never hangs or crashes, whatever the graph.
    const Result<QList<int>> history = map.history();
    QCOMPARE(bool(history), acyclic);
}

void TestRevisionMap::plannerRefusesBrokenHistory()
{
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs({u"aaaa"_s, u"bbbb:nothere"_s}));
    QCOMPARE(map.ids(map.bases()), QStringList({u"aaaa"_s}));
    QVERIFY(map.revision(map.indexOf(u"nothere"_s)).isGhost);
    const Result<MigrationPlan> plan = MigrationPlanner(map).upgrade(u"heads"_s, {});
    QVERIFY(!plan);
    QVERIFY(plan.error().contains(u"retort-cli check"_s));
}

void TestRevisionMap::cycleNamesOnlyItsMembers()
{
    // Every revision here is reachable from the heads and the bases, so alembic's own check does
    // not see the cycle; the component is reported, not the head that merely sits above it.
    const RevisionMap map =
        RevisionMap::build(scriptsFromSpecs({u"aaaa"_s, u"bbbb:aaaa,cccc"_s, u"cccc:bbbb"_s, u"hhhh:cccc"_s}));
    QVERIFY(!map.isAcyclic());
    QCOMPARE(map.diagnostics().size(), 1);
    QVERIFY2(map.diagnostics().first().message.startsWith(u"Cycle is detected in revisions (bbbb, cccc):"_s),
             qPrintable(map.diagnostics().first().message));
}

void TestRevisionMap::unmergeRule()
{
    // #1373: downgrading bmerge(a1, b1) where b1 depends on a1. Alembic 1.8.1 re-inserts a1,
    // newer alembic (and Retort by default) knows a1 is implied by b1.
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs({u"a1a1"_s, u"b1b1::a1a1"_s, u"bmrg:a1a1,b1b1"_s}));
    MigrationPlanner newestPlanner(map);
    newestPlanner.setRecordRowsAfterEachStep(true);
    const Result<MigrationPlan> newest = newestPlanner.downgrade(u"a1a1"_s, {u"bmrg"_s});
    QVERIFY2(newest, qPrintable(newest.error()));
    QCOMPARE(newest->steps.first().rowsAfter, QStringList({u"b1b1"_s}));
    MigrationPlanner legacyPlanner(map, UnmergeRule::Alembic18);
    legacyPlanner.setRecordRowsAfterEachStep(true);
    const Result<MigrationPlan> legacy = legacyPlanner.downgrade(u"a1a1"_s, {u"bmrg"_s});
    QVERIFY(legacy);
    QCOMPARE(legacy->steps.first().rowsAfter, QStringList({u"a1a1"_s, u"b1b1"_s}));
}

void TestRevisionMap::mergeOfImpliedParentsFails()
{
    // alembic-semantics.md §4.3: both alembic versions stop with a KeyError here; Retort says why.
    const RevisionMap map =
        RevisionMap::build(scriptsFromSpecs({u"c0c0"_s, u"d1d1"_s, u"b3b3::d1d1"_s, u"f4f4:b3b3,d1d1,c0c0"_s}));
    const Result<MigrationPlan> plan = MigrationPlanner(map).upgrade(u"heads"_s, {});
    QVERIFY(!plan);
    QVERIFY2(plan.error().contains(u"d1d1"_s), qPrintable(plan.error()));
}

void TestRevisionMap::randomBrokenGraphsNeverHang()
{
    // Arbitrary edges: cycles, self-loops, missing targets, duplicate ids and labels. Every query
    // must return (an answer or an error), and planning must refuse whatever alembic would refuse.
    QRandomGenerator random(42);
    for (int round = 0; round < 400; ++round) {
        const int n = 1 + random.bounded(12);
        auto name = [](int i) { return u"r%1"_s.arg(i, 3, 10, QLatin1Char('0')); };
        QStringList specs;
        for (int i = 0; i < n; ++i) {
            QStringList downs;
            QStringList deps;
            QStringList labels;
            for (int k = random.bounded(3); k > 0; --k)
                downs.append(name(random.bounded(n + 2))); // may be missing, itself, or later
            if (random.bounded(4) == 0)
                deps.append(random.bounded(3) == 0 ? u"lab%1"_s.arg(random.bounded(3)) : name(random.bounded(n + 1)));
            if (random.bounded(5) == 0)
                labels.append(u"lab%1"_s.arg(random.bounded(3)));
            const QString id = random.bounded(15) == 0 && i > 0 ? name(i - 1) : name(i);
            specs.append(id + u':' + downs.join(u',') + u':' + deps.join(u',') + u':' + labels.join(u','));
        }
        const RevisionMap map = RevisionMap::build(scriptsFromSpecs(specs));
        (void)map.history();
        (void)map.history(u"base"_s, name(0));
        const QStringList identifiers = {
            u"heads"_s, u"head"_s,          u"r0"_s,           u"lab1@head"_s,
            u"-1"_s,    name(1) + u"@+1"_s, u"-99999999999"_s, name(0) + u"+99999999999"_s};
        for (const QString &id : identifiers)
            (void)map.resolveRevisions(id);
        const MigrationPlanner planner(map);
        (void)planner.upgrade(name(0) + u"+99999999999"_s, {});
        (void)planner.downgrade(u"-99999999999"_s, map.ids(map.realHeads()));
        const Result<MigrationPlan> up = planner.upgrade(u"heads"_s, {});
        const Result<MigrationPlan> down = planner.downgrade(u"base"_s, map.ids(map.realHeads()));
        const Result<MigrationPlan> stamp = planner.stamp({u"heads"_s}, {});
        if (!map.isConsistent()) {
            QVERIFY(!up && !down && !stamp);
            QVERIFY(!map.diagnostics().isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestRevisionMap)
#include "tst_revisionmap.moc"
