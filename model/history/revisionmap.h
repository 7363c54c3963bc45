// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

struct RevisionScript;

/// One node of the revision graph, with the edges Alembic derives from a script's header.
/// Indexes refer to RevisionMap::revision(); a ghost stands for a revision that is referenced but
/// has no file (Alembic refuses to load such a project; Retort keeps it visible).
struct Revision
{
    QString id;
    QStringList declaredDownRevisions; ///< `down_revision` as declared, in order
    QStringList declaredDependencies;  ///< `depends_on` as declared (ids or branch labels)
    QStringList declaredBranchLabels;
    QStringList branchLabels; ///< declared and inherited, sorted
    QString doc;              ///< first paragraph of the docstring, as in Alembic's log lines
    int scriptIndex = -1;     ///< into the scripts the map was built from; -1 for a ghost
    bool isGhost = false;
    /// Where a computed `branch_labels` / `depends_on` that could not be worked out is declared
    /// ("branch_labels = (cli.EXPAND,) in file:line"); empty when the value is known.
    QString unknownLabels;
    /// The file defines upgrade() / downgrade(); alembic fails on a step whose function is missing
    /// (OpenStack projects dropped downgrade() from their revisions).
    bool hasUpgrade = true;
    bool hasDowngrade = true;
    QString unknownDependencies;

    QList<int> down; ///< `_versioned_down_revisions`
    QList<int> resolvedDependencies;
    QList<int> normalizedDependencies; ///< resolved minus those declared by a down-ancestor
    QList<int> allDown;                ///< down + resolved dependencies, deduplicated
    QList<int> normalizedDown;         ///< down + normalized dependencies: drives ordering and rows
    QList<int> nextRevisions;          ///< children through down_revision, map order
    QList<int> allNextRevisions;       ///< children through down_revision or depends_on

    bool isHead() const { return nextRevisions.isEmpty(); } ///< script head, may be an "effective head"
    bool isRealHead() const { return allNextRevisions.isEmpty(); }
    bool isBase() const { return declaredDownRevisions.isEmpty(); }
    bool isRealBase() const { return isBase() && declaredDependencies.isEmpty(); }
    bool isBranchPoint() const { return nextRevisions.size() > 1; }
    bool isRealBranchPoint() const { return allNextRevisions.size() > 1; }
    bool isMergePoint() const { return declaredDownRevisions.size() > 1; }
};

/// An error raised by Alembic's revision logic, kept with enough detail to word it the way the
/// alembic command that hit it would (see RevisionMap::commandMessage).
struct RevisionError
{
    enum class Kind
    {
        Resolution,
        MultipleHeads,
        RangeNotAncestor,
        Other
    };
    Kind kind = Kind::Other;
    QString message;  ///< RevisionError's own text
    QString argument; ///< Resolution: the identifier; MultipleHeads: the argument
    QStringList heads;
    QString lower;
    QString upper;
};

/// The revision graph of one project with Alembic's semantics (alembic/script/revision.py).
///
/// How it works: revisions are kept in "map order" (sorted file names, Alembic >= 1.10), which
/// breaks every tie. Edges are integer indexes. Identifier resolution, `_walk`, the upgrade and
/// downgrade collections and `_topological_sort` are ports of Alembic's functions and keep their
/// names in comments, so a difference found by the differential tests can be traced line by line.
/// Everything is linear in the size of the history except where Alembic itself is not (the
/// topological sort recomputes ancestor sets at merge points, as Alembic does).
class RevisionMap
{
public:
    /// Sentinels in resolution results: Alembic's `None` and the string "base" that `_walk` returns.
    static constexpr int NoRevision = -1;
    static constexpr int BaseSymbol = -2;

    RevisionMap() = default;
    /// Builds the map from scripts in map order; problems become diagnostics, never failures.
    static RevisionMap build(const QList<RevisionScript> &scripts);

    int size() const { return int(m_revisions.size()); }
    const Revision &revision(int index) const { return m_revisions.at(index); }
    const QList<Revision> &revisions() const { return m_revisions; }
    int indexOf(const QString &id) const { return m_ids.value(id, NoRevision); }
    /// The revision that declares @p label, or NoRevision.
    int labelOwner(const QString &label) const { return m_labels.value(label, NoRevision); }

    QList<int> heads() const { return m_heads; } ///< script heads (effective heads included), map order
    QList<int> realHeads() const { return m_realHeads; }
    QList<int> bases() const { return m_bases; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// False when the history has errors (unreadable files, cycles, missing or duplicate revisions,
    /// clashing labels): Retort then refuses to plan, since alembic would fail or misread it.
    bool isConsistent() const { return m_consistent; }
    /// False when down_revision or depends_on edges form a cycle; no traversal is attempted then.
    bool isAcyclic() const { return m_acyclic; }

    QStringList ids(const QList<int> &indexes) const;
    /// Revisions whose depends_on / branch_labels could not be worked out, in map order.
    const QList<int> &unknownDependencies() const { return m_unknownDependencies; }
    const QList<int> &unknownLabels() const { return m_unknownLabels; }
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

    /// Internal: the throwing implementation shared with the planner (not for other callers).
    class Engine;

private:
    friend class Engine;
    QList<Revision> m_revisions;
    QHash<QString, int> m_ids;
    QHash<QString, int> m_labels;
    QStringList m_labelOrder; ///< label keys in the order Alembic adds them to its map
    QList<int> m_unknownDependencies;
    QList<int> m_unknownLabels;
    QList<int> m_heads;
    QList<int> m_realHeads;
    QList<int> m_bases;
    Diagnostics m_diagnostics;
    bool m_consistent = true;
    bool m_acyclic = true;
    /// Position in a topological order, parents first: an ancestor always has a smaller one.
    QList<int> m_topologicalIndex;
};
