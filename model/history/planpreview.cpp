// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/planpreview.h"

#include "database/environmentstatus.h"
#include "history/revisionmap.h"
#include "project/revisionscript.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(PlanPreview)
};

} // namespace

QString PlanWarning::summary() const
{
    const QString list = revisions.join(u", "_s);
    const int count = int(revisions.size());
    switch (kind) {
    case Kind::ClaimsUnrun:
        return Tr::tr("the database will claim %n revision(s) whose upgrade() never ran here: %1", nullptr, count)
            .arg(list);
    case Kind::WithdrawsApplied:
        return Tr::tr("%n revision(s) will count as not applied although their upgrade() ran: %1", nullptr, count)
            .arg(list);
    case Kind::DropsUnknownRow:
        return Tr::tr("%n row(s) naming no revision of this project will be removed: %1", nullptr, count).arg(list);
    case Kind::LosesData:
        return Tr::tr("%n step(s) drop schema objects or delete data: %1", nullptr, count).arg(list);
    case Kind::NotNullWithoutDefault:
        return Tr::tr("%n step(s) add a NOT NULL column without a server default: %1", nullptr, count).arg(list);
    case Kind::EmptyDowngrade:
        return Tr::tr("the downgrade() of %n revision(s) does nothing, so the version rows move while the schema "
                      "stays: %1",
                      nullptr, count)
            .arg(list);
    case Kind::RaisingDowngrade:
        return Tr::tr("the downgrade() of %n revision(s) raises, so the run fails there: %1", nullptr, count).arg(list);
    case Kind::RevertsDependants:
        return Tr::tr("%n revision(s) of other branches are reverted too, because they depend on revisions this "
                      "downgrade reverts: %1",
                      nullptr, count)
            .arg(list);
    case Kind::PullsInDependencies:
        return Tr::tr("%n revision(s) of other branches are applied too, because revisions of this upgrade depend on "
                      "them: %1",
                      nullptr, count)
            .arg(list);
    case Kind::CannotBeUndone:
        break;
    }
    return Tr::tr("%n revision(s) to apply cannot be downgraded later (downgrade() missing, empty or raising): %1",
                  nullptr, count)
        .arg(list);
}

QString PlanWarning::advice() const
{
    switch (kind) {
    case Kind::ClaimsUnrun:
        return Tr::tr("Stamp only if their changes are really in the schema.");
    case Kind::WithdrawsApplied:
        return Tr::tr("The next upgrade would run them again.");
    case Kind::LosesData:
        return Tr::tr("Back up the data first, or check that it is no longer needed.");
    case Kind::NotNullWithoutDefault:
        return Tr::tr("On a table that holds rows this fails; add the column nullable, fill it, then make it NOT "
                      "NULL.");
    case Kind::EmptyDowngrade:
        return Tr::tr("Undo the schema changes by hand, or stamp instead if that is what you mean.");
    case Kind::RaisingDowngrade:
        return Tr::tr("Downgrade to a later revision, or restore a backup.");
    case Kind::RevertsDependants:
        return Tr::tr("Their branches lose those changes too; downgrade to a later revision if that is not what "
                      "you want.");
    case Kind::PullsInDependencies:
        return Tr::tr("They are part of the schema of the branches they belong to; upgrade those first if that is "
                      "not what you want.");
    case Kind::DropsUnknownRow:
    case Kind::CannotBeUndone:
        break;
    }
    return {};
}

QString PlanWarning::sentence() const
{
    QString text = summary();
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    text += u'.';
    if (const QString then = advice(); !then.isEmpty())
        text += u' ' + then;
    return text;
}

PlanPreview PlanPreview::ofStamp(const RevisionMap &map, const MigrationPlan &plan)
{
    PlanPreview preview;
    preview.plan = plan;
    const EnvironmentStatus was = EnvironmentStatus::compute(map, plan.rowsBefore);
    const EnvironmentStatus will = EnvironmentStatus::compute(map, plan.rows);
    for (int r = 0; r < map.size(); ++r) {
        if (!was.isApplied(r) && will.isApplied(r))
            preview.claimed.append(map.revision(r).id);
        else if (was.isApplied(r) && !will.isApplied(r))
            preview.withdrawn.append(map.revision(r).id);
    }
    for (const QString &row : was.unknownRows) {
        if (!plan.rows.contains(row))
            preview.droppedUnknownRows.append(row);
    }
    using Warning = PlanWarning;
    if (!preview.claimed.isEmpty())
        preview.warnings.append({Warning::Kind::ClaimsUnrun, Warning::Severity::Danger, preview.claimed});
    if (!preview.withdrawn.isEmpty())
        preview.warnings.append({Warning::Kind::WithdrawsApplied, Warning::Severity::Caution, preview.withdrawn});
    if (!preview.droppedUnknownRows.isEmpty()) {
        preview.warnings.append(
            {Warning::Kind::DropsUnknownRow, Warning::Severity::Caution, preview.droppedUnknownRows});
    }
    return preview;
}

namespace {

/// The calls of a step's body that lose data, as detail lines.
QStringList destructiveCalls(const QString &revision, const RevisionScript::Function &body)
{
    static const QStringList Drops{u"drop_table"_s, u"drop_column"_s, u"drop_index"_s, u"drop_constraint"_s};
    static const QRegularExpression DestructiveSql(u"\\b(DROP|DELETE|TRUNCATE|UPDATE)\\b"_s,
                                                   QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    for (const PyExpr &call : body.calls) {
        const QString verb = call.dottedName().section(u'.', -1);
        bool loses = Drops.contains(verb) || (verb == u"alter_column" && call.keywords.size() > 0 &&
                                              std::any_of(call.keywords.cbegin(), call.keywords.cend(),
                                                          [](const auto &k) { return k.first == u"type_"; }));
        if (verb == u"execute" && call.items.size() > 1) {
            // op.execute("DELETE …") or op.execute(sa.text("DELETE …")).
            const PyExpr &sql = call.items.at(1);
            const PyExpr *text = sql.isString() ? &sql
                                 : sql.kind == PyExpr::Kind::Call && sql.items.size() > 1 && sql.items.at(1).isString()
                                     ? &sql.items.at(1)
                                     : nullptr;
            loses = text && DestructiveSql.match(text->text).hasMatch();
        }
        if (loses)
            found.append(Tr::tr("%1 line %2: %3").arg(revision).arg(call.line).arg(call.source));
    }
    return found;
}

/// The columns a step's body adds as NOT NULL without a server default, as detail lines.
QStringList notNullWithoutDefault(const QString &revision, const RevisionScript::Function &body)
{
    QStringList found;
    for (const PyExpr &call : body.calls) {
        if (call.dottedName().section(u'.', -1) != u"add_column")
            continue;
        for (qsizetype i = 1; i < call.items.size(); ++i) {
            const PyExpr &column = call.items.at(i);
            if (column.kind != PyExpr::Kind::Call || !column.dottedName().endsWith(u"Column"))
                continue;
            bool notNull = false;
            bool hasDefault = false;
            for (const auto &[name, value] : column.keywords) {
                notNull =
                    notNull || (name == u"nullable" && value.kind == PyExpr::Kind::Bool && value.text == u"False");
                hasDefault = hasDefault || name == u"server_default";
            }
            if (notNull && !hasDefault)
                found.append(Tr::tr("%1 line %2: %3").arg(revision).arg(call.line).arg(call.source));
        }
    }
    return found;
}

/// The revisions of an upgrade that it applies only because revisions of it depend on them
/// (depends_on), off the branches of its targets; as the warning, empty when there are none or the
/// targets cannot be resolved on their own (relative targets such as +1).
/// The plan's targets as map indexes; nothing when one is relative (+1, -1) or cannot be resolved alone.
std::optional<QList<int>> resolvedTargets(const RevisionMap &map, const MigrationPlan &plan)
{
    QList<int> targets;
    for (const QString &target : plan.targets) {
        const Result<QList<int>> resolved = map.resolveRevisions(target);
        if (!resolved)
            return std::nullopt;
        targets.append(resolved.value());
    }
    return targets;
}

PlanWarning dependenciesPulledIn(const RevisionMap &map, const MigrationPlan &plan)
{
    PlanWarning warning{PlanWarning::Kind::PullsInDependencies, PlanWarning::Severity::Caution, {}};
    const std::optional<QList<int>> targets = resolvedTargets(map, plan);
    if (!targets)
        return warning;
    const QList<int> wanted = map.ancestors(*targets, false); // down_revision only
    const QSet<int> onTheirBranches(wanted.cbegin(), wanted.cend());
    QSet<int> applied;
    for (const MigrationStep &step : plan.steps)
        applied.insert(map.indexOf(step.revision));
    QSet<int> pulled;
    for (const MigrationStep &step : plan.steps) {
        const int revision = map.indexOf(step.revision);
        if (revision < 0 || !onTheirBranches.contains(revision))
            continue;
        for (int dependency : map.revision(revision).resolvedDependencies) {
            QStringList came;
            for (int a : map.ancestors({dependency}, false)) {
                if (applied.contains(a) && !onTheirBranches.contains(a) && !pulled.contains(a)) {
                    pulled.insert(a);
                    came.append(map.revision(a).id);
                }
            }
            if (!came.isEmpty()) {
                warning.details.append(Tr::tr("%1 depends on %2: %3 applied too")
                                           .arg(step.revision, map.revision(dependency).id, came.join(u", "_s)));
            }
        }
    }
    for (const MigrationStep &step : plan.steps) {
        if (pulled.contains(map.indexOf(step.revision)))
            warning.revisions.append(step.revision);
    }
    return warning;
}

/// Downgrade steps outside the target's own branch: revisions that depend on a reverted one.
PlanWarning dependantsReverted(const RevisionMap &map, const MigrationPlan &plan)
{
    PlanWarning warning{PlanWarning::Kind::RevertsDependants, PlanWarning::Severity::Caution, {}};
    // To base everything goes: nothing is a surprise.
    const std::optional<QList<int>> targets = resolvedTargets(map, plan);
    if (!targets || targets->isEmpty())
        return warning;
    const QList<int> above = map.descendants(*targets, false); // down_revision only
    const QSet<int> onTheirBranches(above.cbegin(), above.cend());
    QSet<int> reverted;
    for (const MigrationStep &step : plan.steps)
        reverted.insert(map.indexOf(step.revision));
    for (const MigrationStep &step : plan.steps) {
        const int revision = map.indexOf(step.revision);
        if (revision < 0 || onTheirBranches.contains(revision))
            continue;
        warning.revisions.append(step.revision);
        for (int dependency : map.revision(revision).resolvedDependencies) {
            if (reverted.contains(dependency)) {
                warning.details.append(
                    Tr::tr("%1 depends on %2, which is reverted").arg(step.revision, map.revision(dependency).id));
            }
        }
    }
    return warning;
}

} // namespace

PlanPreview PlanPreview::ofRun(const RevisionMap &map, const QList<RevisionScript> &scripts, const MigrationPlan &plan)
{
    using Warning = PlanWarning;
    PlanPreview preview;
    preview.plan = plan;
    Warning losesData{Warning::Kind::LosesData, Warning::Severity::Danger, {}};
    Warning notNull{Warning::Kind::NotNullWithoutDefault, Warning::Severity::Caution, {}};
    Warning empty{Warning::Kind::EmptyDowngrade, Warning::Severity::Danger, {}};
    Warning raising{Warning::Kind::RaisingDowngrade, Warning::Severity::Danger, {}};
    Warning oneWay{Warning::Kind::CannotBeUndone, Warning::Severity::Caution, {}};
    for (const MigrationStep &step : plan.steps) {
        const int index = map.indexOf(step.revision);
        const int scriptIndex = index >= 0 ? map.revision(index).scriptIndex : -1;
        if (step.isStamp || scriptIndex < 0 || scriptIndex >= scripts.size())
            continue;
        const RevisionScript &script = scripts.at(scriptIndex);
        const RevisionScript::Function &down = script.downgrade;
        const RevisionScript::Function &body = step.isUpgrade ? script.upgrade : down;
        if (const QStringList calls = destructiveCalls(step.revision, body); !calls.isEmpty()) {
            losesData.revisions.append(step.revision);
            losesData.details.append(calls);
        }
        if (const QStringList calls = notNullWithoutDefault(step.revision, body); !calls.isEmpty()) {
            notNull.revisions.append(step.revision);
            notNull.details.append(calls);
        }
        // A revision whose upgrade() does nothing (a merge) has nothing to undo either.
        const bool changesSchema = script.upgrade.bodyStatements > 0;
        // A missing downgrade() never gets here as a downgrade step: the planner refuses that plan.
        if (step.isUpgrade && changesSchema && (!down.exists || down.alwaysRaises || down.bodyStatements == 0))
            oneWay.revisions.append(step.revision);
        else if (!step.isUpgrade && down.alwaysRaises)
            raising.revisions.append(step.revision);
        else if (!step.isUpgrade && changesSchema && down.bodyStatements == 0)
            empty.revisions.append(step.revision);
    }
    const Warning pulledIn = plan.kind == MigrationPlan::Kind::Upgrade ? dependenciesPulledIn(map, plan) : Warning{};
    const Warning dependants = plan.kind == MigrationPlan::Kind::Downgrade ? dependantsReverted(map, plan) : Warning{};
    for (const Warning &warning : {raising, empty, losesData, notNull, oneWay, pulledIn, dependants}) {
        if (!warning.revisions.isEmpty())
            preview.warnings.append(warning);
    }
    return preview;
}
