// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environmentsummary.h"

#include "history/migrationplanner.h"
#include "history/revisionmap.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentSummary)
};

} // namespace

QString EnvironmentSummary::Head::label(qsizetype idLength) const
{
    const QString labels = branchLabels.isEmpty() ? QString() : u" ("_s + branchLabels.join(u", "_s) + u')';
    return (idLength < 0 ? id : id.left(idLength)) + labels;
}

EnvironmentSummary EnvironmentSummary::compute(const RevisionMap &map, const VersionRows &rows,
                                               const VersionTableName &table)
{
    EnvironmentSummary summary;
    summary.table = table;
    summary.rows = rows;
    summary.status = EnvironmentStatus::compute(map, rows.rows, rows.tableExists);
    summary.atHeads = summary.status.isAtHeads(map);
    summary.revisionCount = map.size();
    for (const auto &[head, count] : summary.status.pendingPerHead(map)) {
        const Revision &revision = map.revision(head);
        summary.heads.append({head, revision.id, revision.branchLabels, count});
    }
    return summary;
}

QStringList EnvironmentSummary::pendingInUpgradeOrder(const RevisionMap &map) const
{
    QStringList pending;
    if (const Result<MigrationPlan> plan = MigrationPlanner(map).upgrade(u"heads"_s, rows.rows)) {
        for (const MigrationStep &step : plan->steps)
            pending.append(step.revision);
        return pending;
    }
    for (int r = 0; r < map.size(); ++r) {
        if (!status.isApplied(r) && !map.revision(r).isGhost)
            pending.append(map.revision(r).id);
    }
    return pending;
}

QString EnvironmentSummary::oneLine() const
{
    QStringList parts;
    if (!status.tableExists) {
        parts.append(Tr::tr("not under Alembic control (no %1 table)").arg(table.displayName()));
    } else if (atHeads) {
        parts.append(Tr::tr("at the heads"));
    } else {
        QStringList branches;
        for (const Head &head : heads) {
            if (head.pending > 0)
                branches.append(Tr::tr("%1 to %2").arg(head.pending).arg(head.label(8)));
        }
        parts.append(Tr::tr("%n pending", nullptr, status.pendingCount) +
                     (branches.isEmpty() ? QString() : u": "_s + branches.join(u", "_s)));
    }
    if (!status.unknownRows.isEmpty()) {
        parts.append(Tr::tr("%n unknown row(s): %1", nullptr, int(status.unknownRows.size()))
                         .arg(status.unknownRows.join(u", "_s)));
    }
    return parts.join(u"; "_s);
}

QString EnvironmentSummary::unknownRowAdvice(const QString &row)
{
    return Tr::tr("Unknown row: %1 names no revision of this project. Restore its revision file, "
                  "or stamp the database to the revision it really matches.")
        .arg(row);
}

QString EnvironmentSummary::unknownRowsAdvice()
{
    return Tr::tr("Unknown rows name revisions this project does not have: restore their files, "
                  "or stamp the database to the revision it really matches.");
}
