// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// PlanPreview: what a stamp claims or withdraws without running anything, the unknown rows it
// drops, and the warnings the window and retort-cli both show from it.

#include "cliformats/stablejson.h"
#include "history/migrationplanner.h"
#include "history/planpreview.h"
#include "history/revisionmap.h"
#include "project/revisionscript.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// base a1 ← a2 ← a3, and a branch b1 from a1.
RevisionMap history()
{
    const auto revision = [](const char *id, QStringList down) {
        RevisionScript s;
        s.revision = QString::fromLatin1(id);
        s.hasDownRevision = true;
        s.downRevisions = std::move(down);
        s.upgrade.firstLine = s.upgrade.lastLine = 20;
        s.downgrade.firstLine = s.downgrade.lastLine = 30;
        return s;
    };
    return RevisionMap::build(
        {revision("a1", {}), revision("a2", {u"a1"_s}), revision("a3", {u"a2"_s}), revision("b1", {u"a1"_s})});
}

PlanPreview stamp(const RevisionMap &map, const QStringList &targets, const QStringList &rows, bool purge = false)
{
    Result<MigrationPlan> plan = MigrationPlanner(map).stamp(targets, rows, purge);
    if (!plan)
        qFatal("%s", qPrintable(plan.error()));
    plan.value().rowsBefore = rows; // as the window and retort-cli do
    return PlanPreview::ofStamp(map, plan.value());
}

} // namespace

class TestPlanPreview : public QObject
{
    Q_OBJECT

private slots:
    void claimsUnrunRevisions();
    void withdrawsAppliedRevisions();
    void dropsUnknownRows();
    void nothingToSay();
    void sentences();
};

void TestPlanPreview::claimsUnrunRevisions()
{
    const RevisionMap map = history();
    const PlanPreview preview = stamp(map, {u"a3"_s}, {u"a1"_s});
    QCOMPARE(preview.claimed, (QStringList{u"a2"_s, u"a3"_s}));
    QVERIFY(preview.withdrawn.isEmpty());
    QCOMPARE(preview.warnings.size(), 1);
    QCOMPARE(preview.warnings.first().kind, PlanWarning::Kind::ClaimsUnrun);
    QCOMPARE(preview.warnings.first().severity, PlanWarning::Severity::Danger);
    QCOMPARE(preview.warnings.first().revisions, preview.claimed);
    QCOMPARE(StableJson::stamp(preview, {}, {}, {}, false, {}).value(u"not_applied_but_stamped"_s).toArray(),
             QJsonArray({u"a2"_s, u"a3"_s}));
    QCOMPARE(StableJson::stamp(preview, {}, {}, {}, false, {}).value(u"applied_but_unstamped"_s).toArray(),
             QJsonArray());
}

void TestPlanPreview::withdrawsAppliedRevisions()
{
    const RevisionMap map = history();
    const PlanPreview preview = stamp(map, {u"a1"_s}, {u"a3"_s});
    QVERIFY(preview.claimed.isEmpty());
    QCOMPARE(preview.withdrawn, (QStringList{u"a2"_s, u"a3"_s}));
    QCOMPARE(preview.warnings.size(), 1);
    QCOMPARE(preview.warnings.first().kind, PlanWarning::Kind::WithdrawsApplied);
    QCOMPARE(preview.warnings.first().severity, PlanWarning::Severity::Caution);

    // Moving across branches does both.
    const PlanPreview across = stamp(map, {u"b1"_s}, {u"a2"_s}, true);
    QCOMPARE(across.claimed, QStringList{u"b1"_s});
    QCOMPARE(across.withdrawn, QStringList{u"a2"_s});
    QCOMPARE(across.warnings.size(), 2);
}

void TestPlanPreview::dropsUnknownRows()
{
    const RevisionMap map = history();
    const PlanPreview purged = stamp(map, {u"a1"_s}, {u"deadbeef"_s}, true);
    QCOMPARE(purged.droppedUnknownRows, QStringList{u"deadbeef"_s});
    QCOMPARE(purged.warnings.constLast().kind, PlanWarning::Kind::DropsUnknownRow);
    QVERIFY(purged.warnings.constLast().summary().contains(u"deadbeef"_s));
}

void TestPlanPreview::nothingToSay()
{
    const RevisionMap map = history();
    const PlanPreview same = stamp(map, {u"a3"_s}, {u"a3"_s});
    QVERIFY(same.claimed.isEmpty());
    QVERIFY(same.withdrawn.isEmpty());
    QVERIFY(same.warnings.isEmpty());
}

void TestPlanPreview::sentences()
{
    const PlanWarning claims{PlanWarning::Kind::ClaimsUnrun, PlanWarning::Severity::Danger, {u"a2"_s, u"a3"_s}};
    // retort-cli prints "Warning: " + summary(); the window prints sentence().
    QCOMPARE(claims.summary(), u"the database will claim 2 revision(s) whose upgrade() never ran here: a2, a3"_s);
    QCOMPARE(claims.sentence(), u"The database will claim 2 revision(s) whose upgrade() never ran here: a2, a3. "
                                "Stamp only if their changes are really in the schema."_s);
    const PlanWarning drops{PlanWarning::Kind::DropsUnknownRow, PlanWarning::Severity::Caution, {u"x"_s}};
    QVERIFY(drops.advice().isEmpty());
    QVERIFY(drops.sentence().endsWith(u": x."_s));
}

QTEST_GUILESS_MAIN(TestPlanPreview)
#include "tst_planpreview.moc"
