// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/revisionerror.h"
#include "history/revisionmapdata.h"

#include <QSet>

#include <optional>
#include <utility>

/// The port of Alembic's RevisionMap traversal functions, used by RevisionMap, RevisionMapBuilder and
/// the planner. It only reads a map's data and knows nothing of RevisionMap itself.
///
/// Alembic raises errors from deep inside nested helpers (a walk inside a target parse inside a
/// collection); the port keeps that shape by throwing RevisionError, which never leaves model/:
/// RevisionMap and MigrationPlanner catch it at their public functions and return a Result.
/// Python's None and the "base" string that `_walk` can return are RevisionMapData::NoRevision and
/// RevisionMapData::BaseSymbol.
class RevisionEngine
{
public:
    explicit RevisionEngine(const RevisionMapData &map)
        : m(map)
    {}

    struct Resolved
    {
        QStringList ids;
        std::optional<QString> branchLabel;
    };

    Resolved resolveRevisionNumber(const QString &identifier) const;
    QList<int> getRevisions(const QString &identifier) const;
    QList<int> getRevisions(const QStringList &identifiers) const;
    int getRevision(const QString &identifier) const;
    int revisionForIdent(const std::optional<QString> &id, const std::optional<QString> &checkBranch) const;
    int resolveBranch(const QString &label) const;
    int currentHead(const std::optional<QString> &branchLabel) const;
    QList<int> filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                bool includeDependencies = false) const;
    QStringList filterIdsForLineage(const QStringList &targets, const QString &checkAgainst) const;
    /// Revisions that are ancestors or descendants of any of @p against (the union of both).
    QList<char> lineageOf(const QList<int> &against, bool includeDependencies) const;

    int walk(int start, qint64 steps, const std::optional<QString> &branchLabel, bool noOverwalk) const;

    QList<int> parseUpgradeTarget(const QStringList &current, const QString &target, bool assertRelativeLength) const;
    std::pair<std::optional<QString>, int> parseDowngradeTarget(const QStringList &current, const QString &target,
                                                                bool assertRelativeLength) const;

    /// The lower bound of an upgrade collection: the DB rows (a tuple) or a history range's string.
    struct Lower
    {
        bool isString = false;
        QString text;
        QStringList rows;
    };
    std::pair<QList<int>, QList<int>> collectUpgrade(const QString &upper, const Lower &lower, bool inclusive,
                                                     bool implicitBase, bool assertRelativeLength) const;
    std::pair<QList<int>, QList<int>> collectDowngrade(const QStringList &upper, const QString &target, bool inclusive,
                                                       bool implicitBase, bool assertRelativeLength) const;
    QList<int> topologicalSort(const QList<int> &revisions, const QList<int> &heads) const;

    QList<int> upgradeRevs(const QString &target, const QStringList &current) const;
    QList<int> downgradeRevs(const QString &target, const QStringList &current) const;
    QList<int> walkRevisions(const QString &base, const QString &head) const;
    QList<int> allCurrent(const QStringList &rows) const;

    /// `_iterate_related_revisions(check=True)`: the closure, raising Alembic's overlap error.
    QList<char> ancestorsChecked(const QList<int> &targets) const;
    QList<char> descendantsChecked(const QList<int> &targets) const;

    /// `_iterate_related_revisions`: flags of @p targets and everything reachable from them,
    /// descendants when @p towardsHeads, else ancestors; with @p check, Alembic's overlap error.
    QList<char> related(const QList<int> &targets, bool towardsHeads, bool includeDependencies, bool check) const;

    [[noreturn]] static void raise(const QString &message);
    [[noreturn]] static void raiseResolution(const QString &message, const QString &argument);
    void requireRevision(int index) const; ///< Alembic's `is_revision` assertion

private:
    void requireAcyclic() const;

    const RevisionMapData &m;
};
