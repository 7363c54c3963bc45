// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/migrationplanner.h"
#include "history/revisionengine.h"
#include "history/revisionmap.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrationPlanner)
};

} // namespace

MigrationPlanner::MigrationPlanner(const RevisionMap &map, UnmergeRule rule)
    : m_map(map)
    , m_rule(rule)
{}

static QString inconsistentMapMessage()
{
    return Tr::tr("The revision history has errors (files Retort could not read, cycles, missing "
                  "or duplicate revisions), so Retort does not plan on it: alembic would fail "
                  "or misread it. Run `retort-cli check` and fix them first.");
}

static QString rangeNotAllowed(const QString &target)
{
    return target.contains(u':') ? u"Range revision not allowed"_s : QString();
}

MigrationStep MigrationPlanner::revisionStep(int revision, bool isUpgrade) const
{
    const Revision &rev = m_map.revision(revision);
    MigrationStep step;
    step.isUpgrade = isUpgrade;
    step.revision = rev.id;
    step.doc = rev.doc;
    const QStringList down = m_map.ids(rev.down);
    const QStringList normalizedDown = m_map.ids(rev.normalizedDown);
    step.from = isUpgrade ? down : QStringList{rev.id};
    step.to = isUpgrade ? QStringList{rev.id} : down;
    step.fromWithDeps = isUpgrade ? normalizedDown : QStringList{rev.id};
    step.toWithDeps = isUpgrade ? QStringList{rev.id} : normalizedDown;
    return step;
}

/// The revisions the version table's @p rows stand for, with everything below them.
static QList<int> appliedRevisions(const RevisionMap &map, const QStringList &rows)
{
    QList<int> named;
    for (const QString &row : rows) {
        const int r = map.indexOf(row);
        if (r >= 0)
            named.append(r);
    }
    return map.ancestors(named, true);
}

Result<MigrationPlan> MigrationPlanner::run(MigrationPlan plan) const
{
    // An unknown depends_on changes order and rows wherever its revision runs or is applied.
    QList<int> involved;
    QStringList stampedTo;
    for (const MigrationStep &step : std::as_const(plan.steps)) {
        if (step.isStamp) {
            stampedTo += step.to;
            continue;
        }
        const int r = m_map.indexOf(step.revision);
        involved.append(r);
        const Revision &rev = m_map.revision(r);
        if (!(step.isUpgrade ? rev.hasUpgrade : rev.hasDowngrade)) {
            return Result<MigrationPlan>::failure(
                Tr::tr("Revision %1 has no %2() function, so alembic cannot run this %2 "
                       "through it (it stops with AttributeError). Stamp past it instead, or "
                       "add the function.")
                    .arg(rev.id, step.isUpgrade ? u"upgrade"_s : u"downgrade"_s));
        }
    }
    if (!m_map.unknownDependencies().isEmpty()) {
        involved += appliedRevisions(m_map, plan.rowsBefore + stampedTo);
        const QString unknown = m_map.unknownDependencyAmong(involved);
        if (!unknown.isEmpty())
            return Result<MigrationPlan>::failure(unknown);
    }

    HeadMaintainer maintainer(m_map, plan.rowsBefore, m_rule, m_recordRowsAfterEachStep);
    for (MigrationStep &step : plan.steps) {
        const QString error = maintainer.apply(step);
        if (!error.isEmpty()) {
            return Result<MigrationPlan>::failure(
                Tr::tr("Step \"%1\" cannot be applied: %2").arg(step.logText(), error));
        }
    }
    plan.rows = maintainer.rows();
    return plan;
}

Result<MigrationPlan> MigrationPlanner::upgrade(const QString &target, const QStringList &rows) const
{
    if (!m_map.isConsistent())
        return Result<MigrationPlan>::failure(inconsistentMapMessage());
    if (!rangeNotAllowed(target).isEmpty())
        return Result<MigrationPlan>::failure(rangeNotAllowed(target));
    const Result<QList<int>> order = m_map.upgradeRevisions(target, rows);
    if (!order)
        return Result<MigrationPlan>::failure(order.error());
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Upgrade;
    plan.targets = {target};
    plan.rowsBefore = rows;
    for (int r : *order)
        plan.steps.append(revisionStep(r, true));
    return run(plan);
}

Result<MigrationPlan> MigrationPlanner::downgrade(const QString &target, const QStringList &rows) const
{
    if (!m_map.isConsistent())
        return Result<MigrationPlan>::failure(inconsistentMapMessage());
    if (!rangeNotAllowed(target).isEmpty())
        return Result<MigrationPlan>::failure(rangeNotAllowed(target));
    const Result<QList<int>> order = m_map.downgradeRevisions(target, rows);
    if (!order)
        return Result<MigrationPlan>::failure(order.error());
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Downgrade;
    plan.targets = {target};
    plan.rowsBefore = rows;
    static const QRegularExpression bareRelative(u"\\A-\\d+"_s);
    if (bareRelative.match(target).hasMatch() && QSet<QString>(rows.begin(), rows.end()).size() > 1) {
        plan.warnings.append(Tr::tr("downgrade -1 from multiple heads is ambiguous; this usage "
                                    "will be disallowed in a future release."));
    }
    for (int r : *order)
        plan.steps.append(revisionStep(r, false));
    return run(plan);
}

// ScriptDirectory._stamp_revs
Result<MigrationPlan> MigrationPlanner::stamp(const QStringList &targetsIn, const QStringList &rowsIn, bool purge) const
{
    if (!m_map.isConsistent())
        return Result<MigrationPlan>::failure(inconsistentMapMessage());
    MigrationPlan plan;
    plan.kind = MigrationPlan::Kind::Stamp;
    plan.targets = targetsIn;
    plan.rowsBefore = purge ? QStringList() : rowsIn;
    RevisionMap::CommandContext context;
    context.multipleHeadsTemplate = u"Multiple heads are present; please specify a single target revision"_s;
    try {
        const RevisionEngine engine(m_map.data());
        const QList<int> headRevs = engine.getRevisions(plan.rowsBefore);
        // Only no target at all means base; an empty identifier is an error further down, as in alembic.
        const QStringList targets = targetsIn.isEmpty() ? QStringList{u"base"_s} : targetsIn;
        QList<int> filtered;
        for (const QString &t : targets) {
            if (t.isEmpty())
                continue;
            for (int h : engine.filterForLineage(headRevs, t, true)) {
                if (!filtered.contains(h))
                    filtered.append(h);
            }
        }
        QList<int> dests = engine.getRevisions(targets);
        if (dests.isEmpty())
            dests = {RevisionMap::NoRevision};
        const QStringList filteredIds = m_map.ids(filtered);
        // Whether some filtered row lies below or above a destination, for every destination at once:
        // a row is below dest exactly when dest is among the rows' ancestors (one walk each way instead
        // of two per destination, which was quadratic for thousands of heads).
        const QList<int> rowAncestors = m_map.ancestors(filtered, true);
        const QList<int> rowDescendants = m_map.descendants(filtered, true);
        QList<char> belowSomeRow(m_map.size(), 0);
        QList<char> aboveSomeRow(m_map.size(), 0);
        for (int r : rowAncestors)
            belowSomeRow[r] = 1;
        for (int r : rowDescendants)
            aboveSomeRow[r] = 1;
        for (int dest : std::as_const(dests)) {
            MigrationStep step;
            step.isStamp = true;
            if (dest == RevisionMap::NoRevision) {
                for (int h : std::as_const(filtered)) {
                    MigrationStep del;
                    del.isStamp = true;
                    del.isUpgrade = false;
                    del.branchMove = true;
                    del.from = del.fromWithDeps = {m_map.revision(h).id};
                    plan.steps.append(del);
                }
                continue;
            }
            engine.requireRevision(dest);
            if (filtered.contains(dest))
                continue;
            // A row among dest's descendants: dest is an ancestor of a row, and the other way round.
            const bool rowBelow = belowSomeRow.at(dest);
            const bool rowAbove = aboveSomeRow.at(dest);
            step.to = step.toWithDeps = {m_map.revision(dest).id};
            if (rowBelow && rowAbove) {
                // Alembic stops on an assertion here; the table contradicts itself.
                return Result<MigrationPlan>::failure(
                    Tr::tr("The version table has rows both above and below %1 (%2), so "
                           "alembic cannot stamp it. Stamp with purge to replace all rows.")
                        .arg(m_map.revision(dest).id, filteredIds.join(u", "_s)));
            }
            if (rowBelow) {
                step.isUpgrade = false;
                step.from = step.fromWithDeps = filteredIds;
            } else if (rowAbove) {
                step.isUpgrade = true;
                step.from = step.fromWithDeps = filteredIds;
            } else {
                step.isUpgrade = true;
                step.branchMove = true;
            }
            plan.steps.append(step);
        }
    } catch (const RevisionError &e) {
        return Result<MigrationPlan>::failure(m_map.errorMessage(e, context));
    }
    return run(plan);
}

QStringList MigrationPlanner::targetChoices(bool upgrade, const QStringList &rows) const
{
    QStringList candidates;
    for (const QString &row : rows) {
        const int index = m_map.indexOf(row);
        if (index < 0)
            continue;
        const Revision &revision = m_map.revision(index);
        if (upgrade)
            candidates.append(m_map.ids(revision.nextRevisions));
        else
            candidates.append(revision.declaredDownRevisions);
    }
    if (upgrade) {
        // A handful of heads can each be offered; beyond that, "heads" says it.
        if (m_map.heads().size() <= 12)
            candidates.append(m_map.ids(m_map.heads()));
        candidates.append(QStringLiteral("heads"));
    }
    candidates.removeDuplicates();
    QStringList choices;
    for (const QString &candidate : std::as_const(candidates)) {
        const Result<MigrationPlan> plan = upgrade ? this->upgrade(candidate, rows) : downgrade(candidate, rows);
        if (plan && !plan->steps.isEmpty())
            choices.append(candidate);
    }
    return choices;
}
