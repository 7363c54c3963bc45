// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "history/revision.h"
#include "history/revisionerror.h"
#include "history/revisionmapdata.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

struct RevisionScript;

/// The revision graph of one project with Alembic's semantics (alembic/script/revision.py).
///
/// How it works: revisions are kept in "map order" (sorted file names, Alembic >= 1.10), which
/// breaks every tie. Edges are integer indexes. Identifier resolution, `_walk`, the upgrade and
/// downgrade collections and `_topological_sort` are ports of Alembic's functions and keep their
/// names in comments, so a difference found by the differential tests can be traced line by line.
/// Everything is linear in the size of the history except where Alembic itself is not (the
/// topological sort recomputes ancestor sets at merge points, as Alembic does).
/// RevisionMapBuilder builds the map's data and RevisionEngine, which reads only that data, holds the
/// ports; RevisionMap turns the engine's exceptions into Results.
class RevisionMap
{
public:
    /// Sentinels in resolution results: Alembic's `None` and the string "base" that `_walk` returns.
    static constexpr int NoRevision = RevisionMapData::NoRevision;
    static constexpr int BaseSymbol = RevisionMapData::BaseSymbol;

    RevisionMap() = default;
    /// Builds the map from scripts in map order; problems become diagnostics, never failures.
    static RevisionMap build(const QList<RevisionScript> &scripts);

    int size() const { return m_data.size(); }
    const Revision &revision(int index) const { return m_data.revisions.at(index); }
    const QList<Revision> &revisions() const { return m_data.revisions; }
    int indexOf(const QString &id) const { return m_data.indexOf(id); }
    /// The revision that declares @p label, or NoRevision.
    int labelOwner(const QString &label) const { return m_data.labelOwner(label); }

    QList<int> heads() const { return m_data.heads; } ///< script heads (effective heads included), map order
    QList<int> realHeads() const { return m_data.realHeads; }
    QList<int> bases() const { return m_data.bases; }
    const Diagnostics &diagnostics() const { return m_data.diagnostics; }
    /// False when the history has errors (unreadable files, cycles, missing or duplicate revisions,
    /// clashing labels): Retort then refuses to plan, since alembic would fail or misread it.
    bool isConsistent() const { return m_data.consistent; }
    /// False when down_revision or depends_on edges form a cycle; no traversal is attempted then.
    bool isAcyclic() const { return m_data.acyclic; }

    QStringList ids(const QList<int> &indexes) const { return m_data.ids(indexes); }
    /// Revisions whose depends_on / branch_labels could not be worked out, in map order.
    const QList<int> &unknownDependencies() const { return m_data.unknownDependencies; }
    const QList<int> &unknownLabels() const { return m_data.unknownLabels; }
    /// Why an answer about @p involved revisions cannot be trusted: the first of them whose
    /// depends_on is unknown, named with its declaration and what to do; empty when none is.
    QString unknownDependencyAmong(const QList<int> &involved) const;

    // Identifier resolution, with Alembic's error texts.
    Result<QList<int>> resolveRevisions(const QString &identifier) const; ///< get_revisions()
    Result<int> resolveRevision(const QString &identifier) const;         ///< get_revision()

    /// Top-down like `alembic history [-r base:head]` (empty strings are the defaults).
    Result<QList<int>> history(const QString &base = {}, const QString &head = {}) const;
    /// Revisions an upgrade to @p target from @p current rows runs, in execution order.
    Result<QList<int>> upgradeRevisions(const QString &target, const QStringList &current) const;
    /// Revisions a downgrade to @p target from @p current rows runs, in execution order.
    Result<QList<int>> downgradeRevisions(const QString &target, const QStringList &current) const;
    /// `get_all_current`: rows plus implied ancestors, reduced to the tops of each branch.
    Result<QList<int>> allCurrent(const QStringList &rows) const;

    QList<int> ancestors(const QList<int> &targets, bool includeDependencies = true) const;
    /// Whether @p revision is an ancestor-or-self of any of @p revisions (dependencies included);
    /// only the part of the graph between them is visited.
    bool isAncestorOfAny(int revision, const QList<int> &revisions) const;
    QList<int> descendants(const QList<int> &targets, bool includeDependencies = true) const;

    /// `_catch_revision_errors` of alembic/script/base.py: the text the CLI prints after FAILED:.
    struct CommandContext
    {
        QString ancestorTemplate; ///< with %(start)s / %(end)s
        QString multipleHeadsTemplate;
        QString start;
        QString end;
    };
    static QString commandMessage(const RevisionError &error, const CommandContext &context = {});
    /// commandMessage(), plus a note when an identifier that cannot be found may be a branch label
    /// that could not be worked out.
    QString errorMessage(const RevisionError &error, const CommandContext &context = {}) const;

    /// What the map is made of, for RevisionEngine (the planner's throwing traversals).
    const RevisionMapData &data() const { return m_data; }

private:
    explicit RevisionMap(RevisionMapData data)
        : m_data(std::move(data))
    {}

    RevisionMapData m_data;
};
