// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class RevisionMap;

/// One write to the version table.
struct VersionTableOp
{
    enum class Kind
    {
        Insert,
        Delete,
        Update
    };
    Kind kind = Kind::Insert;
    QString from; ///< Delete and Update: the row that goes
    QString to;   ///< Insert and Update: the row that comes

    bool operator==(const VersionTableOp &) const = default;
};

/// One step of an upgrade, downgrade or stamp, as Alembic's RevisionStep / StampStep.
struct MigrationStep
{
    bool isUpgrade = true;
    bool isStamp = false;
    bool branchMove = false;   ///< stamp only
    QString revision;          ///< empty for a stamp step
    QString doc;               ///< the revision's message; empty for a stamp step
    QStringList from;          ///< rows the step starts from, dependencies excluded (as Alembic logs them)
    QStringList to;            ///< rows the step leads to, dependencies excluded
    QStringList fromWithDeps;  ///< `from_revisions`: what the version-table rules use
    QStringList toWithDeps;    ///< `to_revisions`
    QList<VersionTableOp> ops; ///< filled by HeadMaintainer
    QStringList rowsAfter;     ///< sorted; only when the planner records rows after each step

    /// Alembic's log text: "upgrade a -> b, message", "stamp_revision  -> b".
    QString logText() const;
};

/// The unmerge rule changed in Alembic 1.13.1 (#1373); Retort follows the newest by default.
enum class UnmergeRule
{
    Newest,
    Alembic18
};

/// Alembic's HeadMaintainer: applies steps to the set of version-table rows, recording the
/// INSERT/UPDATE/DELETE each step makes. The rules, in Alembic's order: delete a branch, create a
/// branch, merge, unmerge, plain update (alembic-semantics.md §4.3). Where Alembic's
/// choice depends on Python's set order (which row of a merge is updated), Retort takes the
/// declared order; the resulting set of rows is the same.
class HeadMaintainer
{
public:
    /// With @p recordRowsAfterEachStep each step gets the rows after it: a copy of every row per
    /// step, which is quadratic for plans over thousands of heads, so only where it is shown.
    HeadMaintainer(const RevisionMap &map, const QStringList &rows, UnmergeRule rule,
                   bool recordRowsAfterEachStep = false);

    /// The rows now, sorted (a set for Alembic).
    QStringList rows() const;
    /// Applies @p step, filling its ops (and rowsAfter). Returns an empty string, or the error
    /// Alembic would raise (a KeyError or assertion there; a sentence here).
    QString apply(MigrationStep &step);

private:
    /// The @p candidates that are not ancestors-or-self of any of @p rows (dependencies included).
    /// The planner has resolved every row against the map before; unknown rows are ignored.
    QStringList notImpliedBy(const QStringList &candidates, const QStringList &rows) const;
    QStringList unmergeTo(const MigrationStep &step) const;

    bool insert(const QString &version, MigrationStep &step);
    bool remove(const QString &version, MigrationStep &step);
    bool update(const QString &from, const QString &to, MigrationStep &step);

    const RevisionMap &m_map;
    QSet<QString> m_rows;
    UnmergeRule m_rule;
    bool m_recordRowsAfterEachStep;
    QString m_error;
};
