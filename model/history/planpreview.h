// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/migrationplanner.h"

#include <QList>
#include <QStringList>

class RevisionMap;
struct RevisionScript;

/// One consequence of a plan that the user must read before it runs.
struct PlanWarning
{
    enum class Kind : quint8
    {
        ClaimsUnrun,           ///< the rows will claim revisions whose upgrade() never ran
        WithdrawsApplied,      ///< revisions whose upgrade() ran will count as not applied
        DropsUnknownRow,       ///< a row naming no revision of the project goes away
        LosesData,             ///< a step drops tables, columns, indexes or constraints, or deletes rows
        NotNullWithoutDefault, ///< a step adds a NOT NULL column without a server default
        EmptyDowngrade,        ///< a downgrade() that does nothing: the rows move, the schema stays
        RaisingDowngrade,      ///< a downgrade() that raises: the run fails there
        CannotBeUndone,        ///< an upgrade applies revisions whose downgrade() is missing, empty or raises
        PullsInDependencies,   ///< an upgrade applies revisions of other branches that its revisions depend on
        RevertsDependants,     ///< a downgrade reverts revisions of other branches that depend on its revisions
    };
    enum class Severity : quint8
    {
        Caution, ///< reversible, but the next run behaves differently
        Danger,  ///< the rows will say something about the schema that may be false
    };

    Kind kind;
    Severity severity;
    QStringList revisions; ///< the revisions (or rows) it is about
    /// What in them, one line each: "a1b2 line 30: op.drop_table('account')"; may be empty.
    QStringList details = {};

    /// The consequence, in one clause without a capital or a full stop, so that it reads after
    /// "Warning: " (retort-cli) as well as on its own.
    QString summary() const;
    /// What to check before going ahead; may be empty.
    QString advice() const;
    /// summary() and advice() as sentences, for a dialog.
    QString sentence() const;
};

/// A plan and everything it does besides its steps: what the version rows will claim or stop
/// claiming, the rows it drops, and the warnings about them. The stamp preview in the window and
/// `retort-cli stamp` both show one; upgrade, downgrade and delete previews add to it.
struct PlanPreview
{
    MigrationPlan plan;
    QStringList claimed;            ///< not applied before, applied after, without running
    QStringList withdrawn;          ///< applied before, not applied after, without running
    QStringList droppedUnknownRows; ///< rows naming no revision of the project that go away
    QList<PlanWarning> warnings;

    /// The consequences of @p plan for a database whose rows are plan.rowsBefore, for a stamp (no
    /// migration runs, so every revision that changes sides is claimed or withdrawn).
    static PlanPreview ofStamp(const RevisionMap &map, const MigrationPlan &plan);
    /// The consequences of running @p plan (an upgrade or downgrade) that the steps' parsed
    /// upgrade()/downgrade() bodies show: data they drop, NOT NULL columns added without a default,
    /// downgrades that are missing, empty or raise. @p scripts are the ones @p map was built from.
    static PlanPreview ofRun(const RevisionMap &map, const QList<RevisionScript> &scripts, const MigrationPlan &plan);
};
