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

/// A revision file as alembic's template writes it, with @p upgrade and @p downgrade as bodies.
RevisionScript script(const char *id, const char *down, const char *upgrade, const char *downgrade,
                      const char *dependsOn = nullptr)
{
    const QString source =
        u"\"\"\"%1\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
        u"revision = '%1'\ndown_revision = %2\nbranch_labels = None\ndepends_on = DEPENDS\n\n\n"
        u"def upgrade():\n%3\n\n\n%4"_s.arg(
            QString::fromLatin1(id), down ? u"'%1'"_s.arg(QString::fromLatin1(down)) : u"None"_s,
            QString::fromLatin1(upgrade),
            downgrade ? u"def downgrade():\n"_s + QString::fromLatin1(downgrade) + u'\n' : QString());
    QString withDependencies = source;
    withDependencies.replace(u"DEPENDS"_s, dependsOn ? u"'%1'"_s.arg(QString::fromLatin1(dependsOn)) : u"None"_s);
    return readRevisionScript(QString::fromLatin1(id) + u".py"_s, withDependencies.toUtf8());
}

PlanPreview run(const QList<RevisionScript> &scripts, bool upgrade, const QString &target, const QStringList &rows)
{
    const RevisionMap map = RevisionMap::build(scripts);
    const MigrationPlanner planner(map);
    Result<MigrationPlan> plan = upgrade ? planner.upgrade(target, rows) : planner.downgrade(target, rows);
    if (!plan)
        qFatal("%s", qPrintable(plan.error()));
    return PlanPreview::ofRun(map, scripts, plan.value());
}

const PlanWarning *find(const PlanPreview &preview, PlanWarning::Kind kind)
{
    for (const PlanWarning &warning : preview.warnings) {
        if (warning.kind == kind)
            return &warning;
    }
    return nullptr;
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
    void runWarningsFromTheBodies();
    void downgradesThatCannotUndo();
    void safeStepsHaveNoWarnings();
    void dependenciesOfOtherBranches();
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

void TestPlanPreview::runWarningsFromTheBodies()
{
    const QList<RevisionScript> scripts{
        script("r1", nullptr, "    op.create_table('t', sa.Column('id', sa.Integer))", "    op.drop_table('t')"),
        script("r2", "r1",
               "    op.add_column('t', sa.Column('email', sa.String(100), nullable=False))\n"
               "    op.add_column('t', sa.Column('kind', sa.String(10), nullable=False, server_default='a'))\n"
               "    op.execute(sa.text('DELETE FROM t WHERE id < 0'))\n"
               "    op.execute('CREATE INDEX ix ON t (id)')",
               "    with op.batch_alter_table('t') as batch_op:\n"
               "        batch_op.drop_column('kind')\n"
               "        batch_op.drop_column('email')"),
        script("r3", "r2", "    op.alter_column('t', 'email', type_=sa.String(20))", "    raise NotImplementedError()"),
    };
    const PlanPreview up = run(scripts, true, u"heads"_s, {});
    const PlanWarning *loses = find(up, PlanWarning::Kind::LosesData);
    QVERIFY(loses);
    QCOMPARE(loses->severity, PlanWarning::Severity::Danger);
    QCOMPARE(loses->revisions, (QStringList{u"r2"_s, u"r3"_s}));
    QCOMPARE(loses->details, (QStringList{u"r2 line 15: op.execute(sa.text('DELETE FROM t WHERE id < 0'))"_s,
                                          u"r3 line 13: op.alter_column('t', 'email', type_=sa.String(20))"_s}));
    const PlanWarning *notNull = find(up, PlanWarning::Kind::NotNullWithoutDefault);
    QVERIFY(notNull);
    QCOMPARE(notNull->details,
             QStringList{u"r2 line 13: op.add_column('t', sa.Column('email', sa.String(100), nullable=False))"_s});
    const PlanWarning *oneWay = find(up, PlanWarning::Kind::CannotBeUndone);
    QVERIFY(oneWay);
    QCOMPARE(oneWay->revisions, QStringList{u"r3"_s});

    // Downgrading r2 drops its two columns (batch_op counts as op); r1 is not downgraded.
    const PlanPreview down = run(scripts, false, u"r1"_s, {u"r2"_s});
    QCOMPARE(down.warnings.size(), 1);
    QCOMPARE(down.warnings.first().kind, PlanWarning::Kind::LosesData);
    QCOMPARE(down.warnings.first().details.size(), 2);
    QVERIFY(down.warnings.first().sentence().startsWith(u"1 step(s) drop schema objects or delete data: r2."_s));
}

void TestPlanPreview::downgradesThatCannotUndo()
{
    const QList<RevisionScript> scripts{
        script("m1", nullptr, "    op.create_table('t', sa.Column('id', sa.Integer))", "    op.drop_table('t')"),
        script("m2", "m1", "    op.create_index('ix', 't', ['id'])", nullptr),
        script("m3", "m2", "    op.create_table('u', sa.Column('id', sa.Integer))",
               "    \"\"\"Irreversible.\"\"\"\n    pass"),
        script("m4", "m3", "    op.create_table('v', sa.Column('id', sa.Integer))",
               "    raise RuntimeError('no way back')"),
    };
    const PlanPreview down = run(scripts, false, u"m2"_s, {u"m4"_s});
    const PlanWarning *raising = find(down, PlanWarning::Kind::RaisingDowngrade);
    const PlanWarning *empty = find(down, PlanWarning::Kind::EmptyDowngrade);
    QVERIFY(raising && empty);
    QCOMPARE(raising->revisions, QStringList{u"m4"_s});
    QCOMPARE(empty->revisions, QStringList{u"m3"_s});
    QCOMPARE(raising->severity, PlanWarning::Severity::Danger);
    QCOMPARE(empty->severity, PlanWarning::Severity::Danger);
    QCOMPARE(StableJson::planWarning(*empty).value(u"kind"_s).toString(), u"empty_downgrade"_s);
    QCOMPARE(StableJson::planWarning(*raising).value(u"kind"_s).toString(), u"raising_downgrade"_s);
    // Through the missing downgrade() of m2 there is no plan at all: the planner refuses it.
    const RevisionMap map = RevisionMap::build(scripts);
    QVERIFY(!MigrationPlanner(map).downgrade(u"base"_s, {u"m4"_s}));
    // Upgrading past them: one caution naming all three.
    const PlanPreview up = run(scripts, true, u"heads"_s, {});
    QCOMPARE(up.warnings.size(), 1);
    QCOMPARE(up.warnings.first().kind, PlanWarning::Kind::CannotBeUndone);
    QCOMPARE(up.warnings.first().revisions, (QStringList{u"m2"_s, u"m3"_s, u"m4"_s}));
    QCOMPARE(up.warnings.first().severity, PlanWarning::Severity::Caution);
}

void TestPlanPreview::safeStepsHaveNoWarnings()
{
    const QList<RevisionScript> scripts{
        script("s1", nullptr, "    op.create_table('t', sa.Column('id', sa.Integer))", "    op.drop_table('t')"),
        script("s2", "s1",
               "    op.add_column('t', sa.Column('note', sa.Text(), nullable=True))\n"
               "    op.execute('UPDATED_AT_IS_A_NAME_NOT_SQL')",
               "    op.drop_column('t', 'note')"),
    };
    QVERIFY(run(scripts, true, u"heads"_s, {}).warnings.isEmpty());
    QVERIFY(run(scripts, true, u"s1"_s, {}).warnings.isEmpty());
    // A revision that does nothing either way (alembic merge writes `pass` in both) is no risk.
    QList<RevisionScript> withNoOp = scripts;
    withNoOp.append(script("s3", "s2", "    pass", "    pass"));
    QVERIFY(run(withNoOp, true, u"heads"_s, {u"s2"_s}).warnings.isEmpty());
    QVERIFY(run(withNoOp, false, u"s2"_s, {u"s3"_s}).warnings.isEmpty());
    // Downgrading s2 drops the column it added: that is data loss all the same.
    QCOMPARE(run(scripts, false, u"s1"_s, {u"s2"_s}).warnings.size(), 1);
}

void TestPlanPreview::dependenciesOfOtherBranches()
{
    // a ← b ← c, and a second base x ← y where y depends on b.
    const char *create = "    op.create_table('t', sa.Column('id', sa.Integer))";
    const char *drop = "    op.drop_table('t')";
    const QList<RevisionScript> scripts{
        script("a", nullptr, create, drop), script("b", "a", create, drop),      script("c", "b", create, drop),
        script("x", nullptr, create, drop), script("y", "x", create, drop, "b"),
    };
    const PlanPreview other = run(scripts, true, u"y"_s, {});
    const PlanWarning *pulled = find(other, PlanWarning::Kind::PullsInDependencies);
    QVERIFY(pulled);
    QCOMPARE(pulled->severity, PlanWarning::Severity::Caution);
    QCOMPARE(pulled->revisions, (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(pulled->details, QStringList{u"y depends on b: a, b applied too"_s});
    const QJsonObject json = StableJson::planWarning(*pulled);
    QCOMPARE(json.value(u"kind"_s).toString(), u"pulls_in_dependencies"_s);
    QCOMPARE(json.value(u"severity"_s).toString(), u"caution"_s);
    QCOMPARE(json.value(u"revisions"_s).toArray(), QJsonArray({u"a"_s, u"b"_s}));
    // Already applied: nothing comes along.
    QVERIFY(!find(run(scripts, true, u"y"_s, {u"b"_s}), PlanWarning::Kind::PullsInDependencies));
    // The targets' own branches are no surprise, nor is a relative target Retort cannot place alone.
    QVERIFY(!find(run(scripts, true, u"heads"_s, {}), PlanWarning::Kind::PullsInDependencies));
    QVERIFY(!find(run(scripts, true, u"c"_s, {}), PlanWarning::Kind::PullsInDependencies));
    QVERIFY(!find(run(scripts, true, u"+1"_s, {u"x"_s}), PlanWarning::Kind::PullsInDependencies));

    // Downgrading a's branch below b reverts y, which depends on b, on the other branch.
    const PlanPreview down = run(scripts, false, u"a"_s, {u"c"_s, u"y"_s});
    const PlanWarning *dependants = find(down, PlanWarning::Kind::RevertsDependants);
    QVERIFY(dependants);
    QCOMPARE(dependants->revisions, QStringList{u"y"_s});
    QCOMPARE(dependants->details, QStringList{u"y depends on b, which is reverted"_s});
    QCOMPARE(StableJson::planWarning(*dependants).value(u"kind"_s).toString(), u"reverts_dependants"_s);
    QVERIFY(!find(run(scripts, false, u"b"_s, {u"c"_s, u"y"_s}), PlanWarning::Kind::RevertsDependants));
    QVERIFY(!find(run(scripts, false, u"base"_s, {u"c"_s, u"y"_s}), PlanWarning::Kind::RevertsDependants));
}

QTEST_GUILESS_MAIN(TestPlanPreview)
#include "tst_planpreview.moc"
