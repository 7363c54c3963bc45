// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/planpreview.h"

#include "database/environmentstatus.h"
#include "history/revisionmap.h"

#include <QCoreApplication>

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
        break;
    }
    return Tr::tr("%n row(s) naming no revision of this project will be removed: %1", nullptr, count).arg(list);
}

QString PlanWarning::advice() const
{
    switch (kind) {
    case Kind::ClaimsUnrun:
        return Tr::tr("Stamp only if their changes are really in the schema.");
    case Kind::WithdrawsApplied:
        return Tr::tr("The next upgrade would run them again.");
    case Kind::DropsUnknownRow:
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
