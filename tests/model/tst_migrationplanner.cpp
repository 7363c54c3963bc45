// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// The planner on the demo history of alembic-semantics.md §5.1: the stamp table of §4.4 (rows
// before, arguments, rows after, all produced by real alembic) and the version-table writes of the
// offline SQL in §4.5.

#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "project/revisionscript.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

RevisionMap demoMap()
{
    struct Spec
    {
        const char16_t *id;
        QStringList down;
        QStringList deps;
        QStringList labels;
        const char16_t *doc;
    };
    const QList<Spec> specs = {
        {u"07a7a7a7a7a7", {u"f6f6f6f6f6f6"_s}, {u"b2b2b2b2b2b2"_s}, {}, u"net three depends"},
        {u"8m8m8m8m8m8m", {u"c3c3c3c3c3c3"_s, u"d4d4d4d4d4d4"_s}, {}, {}, u"merge main and side"},
        {u"a1a1a1a1a1a1", {}, {}, {}, u"create account"},
        {u"b2b2b2b2b2b2", {u"a1a1a1a1a1a1"_s}, {}, {}, u"add column"},
        {u"c3c3c3c3c3c3", {u"b2b2b2b2b2b2"_s}, {}, {}, u"more stuff"},
        {u"d4d4d4d4d4d4", {u"a1a1a1a1a1a1"_s}, {}, {}, u"side branch"},
        {u"e5e5e5e5e5e5", {}, {}, {u"networking"_s}, u"networking base"},
        {u"f6f6f6f6f6f6", {u"e5e5e5e5e5e5"_s}, {}, {}, u"net two"},
    };
    QList<RevisionScript> scripts;
    for (const Spec &spec : specs) {
        RevisionScript s;
        s.revision = QString::fromUtf16(spec.id);
        s.hasDownRevision = true;
        s.downRevisions = spec.down;
        s.dependencies = spec.deps;
        s.branchLabels = spec.labels;
        s.doc = QString::fromUtf16(spec.doc);
        s.upgrade.firstLine = s.upgrade.lastLine = 20; // alembic needs both functions to run a step
        s.downgrade.firstLine = s.downgrade.lastLine = 30;
        scripts.append(s);
    }
    return RevisionMap::build(scripts);
}

/// "c3c3 07a7" -> the full ids, sorted.
QStringList expand(const QString &shortIds)
{
    static const QStringList all = {u"07a7a7a7a7a7"_s, u"8m8m8m8m8m8m"_s, u"a1a1a1a1a1a1"_s, u"b2b2b2b2b2b2"_s,
                                    u"c3c3c3c3c3c3"_s, u"d4d4d4d4d4d4"_s, u"e5e5e5e5e5e5"_s, u"f6f6f6f6f6f6"_s};
    QStringList out;
    for (const QString &id : shortIds.split(u' ', Qt::SkipEmptyParts)) {
        for (const QString &full : all) {
            if (full.startsWith(id))
                out.append(full);
        }
    }
    out.sort();
    return out;
}

} // namespace

class TestMigrationPlanner : public QObject
{
    Q_OBJECT

private slots:
    void targetChoices();
    void stamp_data();
    void stamp();
    void stampErrors();
    void upgradeWrites();
    void downgradeWrites();
    void logText();
};

void TestMigrationPlanner::stamp_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("targets");
    QTest::addColumn<bool>("purge");
    QTest::addColumn<QString>("after");
    // alembic-semantics.md §4.4, "stamp is a heuristic": rows after each real alembic stamp.
    QTest::newRow("empty -> c3") << QString() << u"c3c3"_s << false << u"c3c3"_s;
    QTest::newRow("new branch") << u"c3c3"_s << u"d4d4"_s << false << u"c3c3 d4d4"_s;
    QTest::newRow("merge") << u"c3c3 d4d4"_s << u"8m8m"_s << false << u"8m8m"_s;
    QTest::newRow("down to a1") << u"8m8m"_s << u"a1a1"_s << false << u"a1a1"_s;
    QTest::newRow("unrelated base") << u"a1a1"_s << u"e5e5"_s << false << u"a1a1 e5e5"_s;
    QTest::newRow("a1 shares lineage through the dependency")
        << u"a1a1 e5e5"_s << u"networking@head"_s << false << u"07a7"_s;
    QTest::newRow("heads adds the other head") << u"07a7"_s << u"heads"_s << false << u"07a7 8m8m"_s;
    QTest::newRow("base deletes everything") << u"07a7 8m8m"_s << u"base"_s << false << QString();
    QTest::newRow("two targets") << u"b2b2 f6f6"_s << u"c3c3 07a7"_s << false << u"c3c3 07a7"_s;
    QTest::newRow("inconsistent result, as alembic") << u"a1a1"_s << u"8m8m c3c3"_s << false << u"8m8m c3c3"_s;
    QTest::newRow("down across the merge") << u"8m8m"_s << u"d4d4"_s << false << u"d4d4"_s;
    QTest::newRow("dependency target is a new row") << u"c3c3"_s << u"07a7"_s << false << u"c3c3 07a7"_s;
    QTest::newRow("networking erased") << u"8m8m 07a7"_s << u"a1a1"_s << false << u"a1a1"_s;
    QTest::newRow("purge") << u"8m8m 07a7"_s << u"a1a1"_s << true << u"a1a1"_s;
    // Purge empties the table first, so a row the stamp would keep goes too.
    QTest::newRow("unrelated row kept") << u"a1a1 e5e5"_s << u"c3c3"_s << false << u"e5e5 c3c3"_s;
    QTest::newRow("purge drops the unrelated row") << u"a1a1 e5e5"_s << u"c3c3"_s << true << u"c3c3"_s;
    QTest::newRow("already there") << u"a1a1"_s << u"a1a1 a1a1"_s << false << u"a1a1"_s;
}

void TestMigrationPlanner::stamp()
{
    QFETCH(QString, before);
    QFETCH(QString, targets);
    QFETCH(bool, purge);
    QFETCH(QString, after);
    const RevisionMap map = demoMap();
    // Targets stay as typed: partial ids, labels and symbols are part of what is tested.
    const QStringList targetList = targets.split(u' ');
    const Result<MigrationPlan> plan = MigrationPlanner(map).stamp(targetList, expand(before), purge);
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(plan->rows, expand(after));
    for (const MigrationStep &step : plan->steps)
        QVERIFY(step.isStamp);
}

void TestMigrationPlanner::stampErrors()
{
    const RevisionMap map = demoMap();
    const Result<MigrationPlan> plan = MigrationPlanner(map).stamp({u"head"_s}, {});
    QVERIFY(!plan);
    QCOMPARE(plan.error(), u"Multiple heads are present; please specify a single target revision"_s);
    QCOMPARE(MigrationPlanner(map).stamp({u"zzzz"_s}, {}).error(), u"Can't locate revision identified by 'zzzz'"_s);
    QCOMPARE(MigrationPlanner(map).upgrade(u"a1a1:b2b2"_s, {}).error(), u"Range revision not allowed"_s);
    // An empty identifier is not "base" (alembic fails on it), and no target at all is.
    QVERIFY(!MigrationPlanner(map).stamp({QString()}, {u"c3c3c3c3c3c3"_s}));
    QVERIFY(!MigrationPlanner(map).stamp({u"c3c3"_s, QString()}, {u"a1a1a1a1a1a1"_s}));
    QVERIFY(MigrationPlanner(map).stamp({}, {u"c3c3c3c3c3c3"_s})->rows.isEmpty());
    // Huge relative steps are reported with the digits as given, like Python's %d.
    QCOMPARE(MigrationPlanner(map).upgrade(u"+99999999999999999999"_s, {u"c3c3c3c3c3c3"_s}).error(),
             u"Relative revision +99999999999999999999 didn't produce 99999999999999999999 migrations"_s);
}

static QString writes(const MigrationPlan &plan)
{
    QStringList out;
    for (const MigrationStep &step : plan.steps) {
        for (const VersionTableOp &op : step.ops) {
            switch (op.kind) {
            case VersionTableOp::Kind::Insert:
                out.append(u"INSERT "_s + op.to.left(2));
                break;
            case VersionTableOp::Kind::Delete:
                out.append(u"DELETE "_s + op.from.left(2));
                break;
            case VersionTableOp::Kind::Update:
                out.append(u"UPDATE "_s + op.from.left(2) + u">"_s + op.to.left(2));
                break;
            }
        }
    }
    return out.join(u", "_s);
}

void TestMigrationPlanner::upgradeWrites()
{
    // §4.5 `upgrade --sql c3c3:heads`: INSERT e5, UPDATE e5→f6, UPDATE f6→07, INSERT d4, then the
    // merge takes both c3 and d4 (which of them is DELETEd is Python set order; Retort takes the
    // declared order).
    const Result<MigrationPlan> plan = MigrationPlanner(demoMap()).upgrade(u"heads"_s, {u"c3c3c3c3c3c3"_s});
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(writes(*plan), u"INSERT d4, DELETE c3, UPDATE d4>8m, INSERT e5, UPDATE e5>f6, UPDATE f6>07"_s);
    QCOMPARE(plan->rows, expand(u"07a7 8m8m"_s));
}

void TestMigrationPlanner::downgradeWrites()
{
    // §4.5 `downgrade --sql 8m8m:base`, alembic 1.8.1 without the trailing DROP TABLE.
    const Result<MigrationPlan> plan = MigrationPlanner(demoMap()).downgrade(u"base"_s, {u"8m8m8m8m8m8m"_s});
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(writes(*plan), u"INSERT c3, UPDATE 8m>d4, UPDATE c3>b2, DELETE b2, UPDATE d4>a1, DELETE a1"_s);
    QVERIFY(plan->rows.isEmpty());
}

void TestMigrationPlanner::logText()
{
    const Result<MigrationPlan> plan = MigrationPlanner(demoMap()).upgrade(u"a1a1"_s, {});
    QVERIFY(plan);
    QCOMPARE(plan->steps.first().logText(), u"upgrade  -> a1a1a1a1a1a1, create account"_s);
    const Result<MigrationPlan> down = MigrationPlanner(demoMap()).downgrade(u"c3c3"_s, {u"8m8m8m8m8m8m"_s});
    QVERIFY(down);
    QCOMPARE(down->steps.first().logText(),
             u"downgrade 8m8m8m8m8m8m -> c3c3c3c3c3c3, d4d4d4d4d4d4, merge main and side"_s);
    const Result<MigrationPlan> stamp = MigrationPlanner(demoMap()).stamp({u"c3c3"_s}, {u"a1a1a1a1a1a1"_s});
    QVERIFY(stamp);
    QCOMPARE(stamp->steps.first().logText(), u"stamp_revision a1a1a1a1a1a1 -> c3c3c3c3c3c3"_s);
}

void TestMigrationPlanner::targetChoices()
{
    const RevisionMap map = demoMap();
    const MigrationPlanner planner(map);
    // -1 from the merge point is alembic's "Ambiguous walk": one step back on either side works.
    const QStringList atMerge{u"8m8m8m8m8m8m"_s};
    QVERIFY(!planner.downgrade(u"-1"_s, atMerge));
    QCOMPARE(planner.targetChoices(false, atMerge), (QStringList{u"c3c3c3c3c3c3"_s, u"d4d4d4d4d4d4"_s}));
    // "head" with two heads: each head, or all of them.
    QVERIFY(!planner.upgrade(u"head"_s, {}));
    const QStringList choices = planner.targetChoices(true, {});
    QVERIFY(choices.contains(u"heads"_s));
    QVERIFY(choices.contains(u"8m8m8m8m8m8m"_s) && choices.contains(u"07a7a7a7a7a7"_s));
    for (const QString &choice : choices)
        QVERIFY2(planner.upgrade(choice, {}).ok(), qPrintable(choice));
    // From b2, +1 has two children to go to.
    QCOMPARE(planner.targetChoices(true, {u"b2b2b2b2b2b2"_s}).mid(0, 1), QStringList{u"c3c3c3c3c3c3"_s});
}

QTEST_GUILESS_MAIN(TestMigrationPlanner)
#include "tst_migrationplanner.moc"
