// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/headmaintainer.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class RevisionMap;

/// What an upgrade, downgrade or stamp would do, step by step, before anything is written.
struct MigrationPlan
{
    enum class Kind
    {
        Upgrade,
        Downgrade,
        Stamp
    };
    Kind kind = Kind::Upgrade;
    QStringList targets;
    QStringList rowsBefore;
    QList<MigrationStep> steps;
    QStringList rows; ///< sorted rows after the last step
    QStringList warnings;
};

/// Plans migrations as `alembic upgrade/downgrade/stamp` would run them against a version table
/// holding @p rows: the same steps in the same order and the same rows after each step. Deliberate
/// differences: the unmerge rule of alembic >= 1.13.1 by default, and a refusal (with a reason)
/// where alembic would crash, misread a broken history, or stamp a self-contradicting table.
class MigrationPlanner
{
public:
    explicit MigrationPlanner(const RevisionMap &map, UnmergeRule rule = UnmergeRule::Newest);
    /// Fill MigrationStep::rowsAfter (off by default: it copies every row for every step).
    void setRecordRowsAfterEachStep(bool record) { m_recordRowsAfterEachStep = record; }

    Result<MigrationPlan> upgrade(const QString &target, const QStringList &rows) const;
    Result<MigrationPlan> downgrade(const QString &target, const QStringList &rows) const;
    /// Every target may be an id, label, `heads`, `base`, `X@head`…; @p purge empties the table first.
    Result<MigrationPlan> stamp(const QStringList &targets, const QStringList &rows, bool purge = false) const;
    /// When an upgrade or downgrade target from @p rows fails (several heads for `head`, alembic's
    /// "Ambiguous walk" for `-1` across a merge point): targets that do plan, to offer instead. For an
    /// upgrade the rows' children, the heads and `heads`; for a downgrade the rows' parents.
    QStringList targetChoices(bool upgrade, const QStringList &rows) const;

private:
    Result<MigrationPlan> run(MigrationPlan plan) const;
    MigrationStep revisionStep(int revision, bool isUpgrade) const;

    const RevisionMap &m_map;
    UnmergeRule m_rule;
    bool m_recordRowsAfterEachStep = false;
};
