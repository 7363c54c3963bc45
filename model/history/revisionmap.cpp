// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmap.h"
#include "history/revisionengine.h"
#include "project/revisionscript.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionMap)
};

Diagnostic error(const QString &code, const QString &message, const RevisionScript *script, const QString &revision)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.code = code;
    d.message = message;
    d.revision = revision;
    if (script) {
        d.file = script->path;
        d.line = script->revisionLine;
    }
    return d;
}

/// Kosaraju's algorithm, iterative (histories are deep): the components of the graph whose edges
/// lead from a revision to @p edges(revision).
template<typename Edges>
QList<QList<int>> stronglyConnectedComponents(int n, Edges &&edges)
{
    QList<int> finished;
    finished.reserve(n);
    QList<char> seen(n, 0);
    QList<std::pair<int, qsizetype>> stack;
    for (int root = 0; root < n; ++root) {
        if (seen[root])
            continue;
        seen[root] = 1;
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            const QList<int> &out = edges(node);
            if (next < out.size()) {
                const int target = out.at(next++);
                if (!seen[target]) {
                    seen[target] = 1;
                    stack.append({target, 0});
                }
                continue;
            }
            finished.append(node);
            stack.removeLast();
        }
    }
    QList<QList<int>> reversed(n);
    for (int i = 0; i < n; ++i) {
        for (int target : edges(i))
            reversed[target].append(i);
    }
    QList<int> component(n, -1);
    QList<QList<int>> components;
    for (qsizetype k = finished.size() - 1; k >= 0; --k) {
        const int root = finished.at(k);
        if (component[root] >= 0)
            continue;
        QList<int> members;
        QList<int> todo = {root};
        component[root] = int(components.size());
        while (!todo.isEmpty()) {
            const int x = todo.takeLast();
            members.append(x);
            for (int y : std::as_const(reversed[x])) {
                if (component[y] < 0) {
                    component[y] = int(components.size());
                    todo.append(y);
                }
            }
        }
        components.append(members);
    }
    return components;
}

void appendUnique(QList<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

QStringList RevisionMap::ids(const QList<int> &indexes) const
{
    QStringList out;
    out.reserve(indexes.size());
    for (int i : indexes) {
        if (i == BaseSymbol)
            out.append(u"base"_s);
        else if (i >= 0)
            out.append(m_revisions.at(i).id);
    }
    return out;
}

RevisionMap RevisionMap::build(const QList<RevisionScript> &scripts)
{
    RevisionMap map;
    map.m_revisions.reserve(scripts.size());
    map.m_ids.reserve(scripts.size());

    // Alembic's OrderedDict: a duplicate id keeps the first position and takes the later value.
    for (int s = 0; s < scripts.size(); ++s) {
        const RevisionScript &script = scripts.at(s);
        // Alembic would fail to import a file Retort could not fully read, so planning is refused.
        if (hasErrors(script.diagnostics))
            map.m_consistent = false;
        if (!script.isUsable())
            continue;
        Revision rev;
        rev.id = script.revision;
        rev.declaredDownRevisions = script.downRevisions;
        rev.declaredDependencies = script.dependencies;
        rev.declaredBranchLabels = script.branchLabels;
        rev.scriptIndex = s;
        rev.doc = script.doc;
        auto declaration = [&](const QString &name) {
            const ComputedHeader *header = script.computedHeader(name);
            return Tr::tr("%1 = %2 in %3:%4 (%5)")
                .arg(name, header->expression, script.path)
                .arg(header->line)
                .arg(header->origin);
        };
        rev.hasUpgrade = script.upgrade.firstLine > 0;
        rev.hasDowngrade = script.downgrade.firstLine > 0;
        if (!script.branchLabelsKnown())
            rev.unknownLabels = declaration(u"branch_labels"_s);
        if (!script.dependenciesKnown())
            rev.unknownDependencies = declaration(u"depends_on"_s);
        if (rev.declaredDownRevisions.contains(rev.id)) {
            map.m_diagnostics.append(
                error(u"self-loop"_s,
                      Tr::tr("Self-loop is detected in revisions (%1): the revision names itself in "
                             "down_revision. Remove its own id from down_revision.")
                          .arg(rev.id),
                      &script, rev.id));
            rev.declaredDownRevisions.removeAll(rev.id);
            map.m_consistent = false;
        }
        if (rev.declaredDependencies.contains(rev.id)) {
            map.m_diagnostics.append(
                error(u"dependency-self-loop"_s,
                      Tr::tr("Dependency self-loop is detected in revisions (%1): the revision names "
                             "itself in depends_on. Remove its own id from depends_on.")
                          .arg(rev.id),
                      &script, rev.id));
            rev.declaredDependencies.removeAll(rev.id);
            map.m_consistent = false;
        }
        const auto existing = map.m_ids.constFind(rev.id);
        if (existing != map.m_ids.constEnd()) {
            const RevisionScript &first = scripts.at(map.m_revisions.at(*existing).scriptIndex);
            map.m_diagnostics.append(
                error(u"duplicate-revision"_s,
                      Tr::tr("Revision %1 is present more than once: in %2 and in %3. Alembic uses "
                             "the later file; give one of them a new revision id.")
                          .arg(rev.id, first.path, script.path),
                      &script, rev.id));
            map.m_revisions[*existing] = rev;
            map.m_consistent = false;
            continue;
        }
        map.m_ids.insert(rev.id, int(map.m_revisions.size()));
        map.m_revisions.append(rev);
    }
    for (int i = 0; i < int(map.m_revisions.size()); ++i) {
        if (!map.m_revisions.at(i).unknownLabels.isEmpty())
            map.m_unknownLabels.append(i);
        if (!map.m_revisions.at(i).unknownDependencies.isEmpty())
            map.m_unknownDependencies.append(i);
    }
    const int fileCount = int(map.m_revisions.size());
    auto scriptOf = [&](int index) -> const RevisionScript * {
        const int s = map.m_revisions.at(index).scriptIndex;
        return s >= 0 ? &scripts.at(s) : nullptr;
    };

    // Branch labels become keys of the map, pointing at the declaring revision.
    for (int i = 0; i < fileCount; ++i) {
        for (const QString &label : map.m_revisions.at(i).declaredBranchLabels) {
            int other = map.m_ids.value(label, NoRevision);
            if (other == NoRevision)
                other = map.m_labels.value(label, NoRevision);
            if (other != NoRevision) {
                map.m_diagnostics.append(error(u"duplicate-branch-label"_s,
                                               Tr::tr("Branch name '%1' in revision %2 already used by revision %3. "
                                                      "Rename one of the labels.")
                                                   .arg(label, map.m_revisions.at(i).id, map.m_revisions.at(other).id),
                                               scriptOf(i), map.m_revisions.at(i).id));
                map.m_consistent = false;
                continue;
            }
            map.m_labels.insert(label, i);
            map.m_labelOrder.append(label);
        }
    }

    // A referenced revision without a file becomes a ghost node, so the graph can still show it.
    auto ghostFor = [&](const QString &id) {
        int g = map.m_ids.value(id, NoRevision);
        if (g != NoRevision)
            return g;
        Revision ghost;
        ghost.id = id;
        ghost.isGhost = true;
        g = int(map.m_revisions.size());
        map.m_ids.insert(id, g);
        map.m_revisions.append(ghost);
        map.m_consistent = false;
        return g;
    };
    for (int i = 0; i < fileCount; ++i) {
        // Copies: ghostFor() appends to m_revisions, which may move its elements.
        const QStringList downs = map.m_revisions.at(i).declaredDownRevisions;
        const QStringList dependencies = map.m_revisions.at(i).declaredDependencies;
        for (const QString &down : downs) {
            int d = map.m_ids.value(down, NoRevision);
            if (d == NoRevision || map.m_revisions.at(d).isGhost) {
                map.m_diagnostics.append(
                    error(u"missing-revision"_s,
                          Tr::tr("Revision %1 referenced from %2 is not present: no file declares it. Restore the "
                                 "missing file or point down_revision at an existing revision.")
                              .arg(down, map.m_revisions.at(i).id),
                          scriptOf(i), map.m_revisions.at(i).id));
                d = ghostFor(down);
            }
            map.m_revisions[i].down.append(d);
        }
        for (const QString &dep : dependencies) {
            int d = map.m_ids.value(dep, NoRevision);
            if (d == NoRevision)
                d = map.m_labels.value(dep, NoRevision);
            if (d == NoRevision || map.m_revisions.at(d).isGhost) {
                map.m_diagnostics.append(
                    error(u"missing-dependency"_s,
                          Tr::tr("Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the "
                                 "depends_on entry or restore the missing revision.")
                              .arg(map.m_revisions.at(i).id, dep),
                          scriptOf(i), map.m_revisions.at(i).id));
                d = ghostFor(dep);
            }
            map.m_revisions[i].resolvedDependencies.append(d);
        }
    }

    const int n = map.size();
    for (int i = 0; i < n; ++i) {
        Revision &rev = map.m_revisions[i];
        rev.allDown = {};
        for (int d : std::as_const(rev.down))
            appendUnique(rev.allDown, d);
        for (int d : std::as_const(rev.resolvedDependencies))
            appendUnique(rev.allDown, d);
    }
    for (int i = 0; i < n; ++i) {
        const Revision &rev = map.m_revisions.at(i);
        for (int d : rev.allDown) {
            appendUnique(map.m_revisions[d].allNextRevisions, i);
            if (rev.down.contains(d))
                appendUnique(map.m_revisions[d].nextRevisions, i);
        }
    }
    for (int i = 0; i < n; ++i) {
        const Revision &rev = map.m_revisions.at(i);
        if (rev.isGhost)
            continue;
        if (rev.isHead())
            map.m_heads.append(i);
        if (rev.isRealHead())
            map.m_realHeads.append(i);
        if (rev.isBase())
            map.m_bases.append(i);
    }

    // _normalize_depends_on: drop a dependency that a down_revision ancestor already declares.
    QHash<int, QList<int>> declarers;
    for (int i = 0; i < n; ++i) {
        for (int d : map.m_revisions.at(i).resolvedDependencies)
            declarers[d].append(i);
    }
    for (int i = 0; i < n; ++i) {
        Revision &rev = map.m_revisions[i];
        QList<int> normalized;
        std::optional<QList<char>> strictAncestors;
        for (int d : std::as_const(rev.resolvedDependencies)) {
            bool redundant = false;
            for (int declarer : declarers.value(d)) {
                if (declarer == i)
                    continue;
                if (!strictAncestors) {
                    strictAncestors = RevisionMap::Engine(map).related({i}, false, false, false);
                    (*strictAncestors)[i] = 0;
                }
                if ((*strictAncestors)[declarer]) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant)
                appendUnique(normalized, d);
        }
        std::sort(normalized.begin(), normalized.end());
        rev.normalizedDependencies = normalized;
        rev.normalizedDown = {};
        for (int d : std::as_const(rev.down))
            appendUnique(rev.normalizedDown, d);
        for (int d : std::as_const(normalized))
            appendUnique(rev.normalizedDown, d);
    }

    // Kahn's algorithm over every down edge (down_revision and depends_on) numbers the revisions
    // parents first, which also orders the normalized edges. Only when it cannot number them all is
    // there a cycle, and only then are the cycles themselves looked for.
    {
        QList<int> pending(n, 0);
        QList<int> ready;
        for (int i = 0; i < n; ++i) {
            pending[i] = int(map.m_revisions.at(i).allDown.size());
            if (pending[i] == 0)
                ready.append(i);
        }
        map.m_topologicalIndex = QList<int>(n, 0);
        for (qsizetype k = 0; k < ready.size(); ++k) {
            const int r = ready.at(k);
            map.m_topologicalIndex[r] = int(k);
            for (int c : map.m_revisions.at(r).allNextRevisions) {
                if (--pending[c] == 0)
                    ready.append(c);
            }
        }
        if (ready.size() < n) {
            map.m_topologicalIndex.clear();
            map.m_acyclic = false;
            map.m_consistent = false;
            // Cycles: strongly connected components, first through down_revision alone, then through
            // depends_on too. Each component with more than one revision is reported once.
            QList<char> inReportedCycle(n, 0);
            for (bool dependencies : {false, true}) {
                auto edges = [&](int i) -> const QList<int> & {
                    return dependencies ? map.m_revisions.at(i).allDown : map.m_revisions.at(i).down;
                };
                const QList<QList<int>> components = stronglyConnectedComponents(n, edges);
                for (const QList<int> &component : components) {
                    // A revision depending on its own branch label is a cycle of one.
                    const int only = component.first();
                    const bool selfEdge = component.size() == 1 && edges(only).contains(only);
                    if (component.size() < 2 && !selfEdge)
                        continue;
                    bool reported = false;
                    for (int i : component)
                        reported = reported || inReportedCycle[i];
                    if (reported)
                        continue;
                    QStringList ids;
                    int first = component.first();
                    for (int i : component) {
                        inReportedCycle[i] = 1;
                        ids.append(map.m_revisions.at(i).id);
                        first = std::min(first, i);
                    }
                    ids.sort();
                    const QString list = ids.join(u", "_s);
                    map.m_diagnostics.append(
                        dependencies
                            ? error(
                                  u"dependency-cycle"_s,
                                  Tr::tr("Dependency cycle is detected in revisions (%1): following down_revision and "
                                         "depends_on leads back to where it started. Remove one of the depends_on "
                                         "entries.")
                                      .arg(list),
                                  scriptOf(first), map.m_revisions.at(first).id)
                            : error(u"cycle"_s,
                                    Tr::tr("Cycle is detected in revisions (%1): following down_revision leads back to "
                                           "where it started. Point one of them at an older revision.")
                                        .arg(list),
                                    scriptOf(first), map.m_revisions.at(first).id));
                }
            }
        }
    }

    // _add_branches: labels flow to every down_revision descendant, and to ancestors only along
    // a chain without branch or merge points (verified rule, alembic-semantics.md §2.4). The
    // descendant part is one pass in down_revision order, sharing the parent's list on plain steps.
    QList<int> pendingParents(n, 0);
    QList<int> order;
    order.reserve(n);
    for (int i = 0; i < n; ++i) {
        pendingParents[i] = int(map.m_revisions.at(i).down.size());
        if (pendingParents[i] == 0)
            order.append(i);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        for (int child : map.m_revisions.at(order.at(k)).nextRevisions) {
            if (--pendingParents[child] == 0)
                order.append(child);
        }
    }
    auto addLabels = [](QStringList &target, const QStringList &labels) {
        for (const QString &label : labels) {
            const auto at = std::lower_bound(target.begin(), target.end(), label);
            if (at == target.end() || *at != label)
                target.insert(at, label);
        }
    };
    for (int i : std::as_const(order)) {
        Revision &rev = map.m_revisions[i];
        if (rev.down.size() == 1 && rev.declaredBranchLabels.isEmpty()) {
            rev.branchLabels = map.m_revisions.at(rev.down.first()).branchLabels;
            continue;
        }
        for (int d : std::as_const(rev.down))
            addLabels(rev.branchLabels, map.m_revisions.at(d).branchLabels);
        addLabels(rev.branchLabels, rev.declaredBranchLabels);
    }
    for (int i = 0; i < fileCount; ++i) {
        const Revision &labelled = map.m_revisions.at(i);
        if (labelled.declaredBranchLabels.isEmpty())
            continue;
        // Alembic walks down from the last descendant it visited; that walk only gets below the
        // labelled revision when its descendants are one plain chain.
        bool plainChain = true;
        int node = i;
        for (int steps = 0; plainChain && steps <= n; ++steps) {
            const Revision &walk = map.m_revisions.at(node);
            if (walk.isRealBranchPoint() || walk.isMergePoint())
                plainChain = false;
            else if (walk.nextRevisions.isEmpty())
                break;
            else
                node = walk.nextRevisions.first();
        }
        if (!plainChain || labelled.down.isEmpty())
            continue;
        node = labelled.down.first();
        for (int steps = 0; steps <= n; ++steps) {
            Revision &walk = map.m_revisions[node];
            if (walk.isRealBranchPoint() || walk.isMergePoint())
                break;
            addLabels(walk.branchLabels, labelled.declaredBranchLabels);
            if (walk.down.isEmpty())
                break;
            node = walk.down.first();
        }
    }
    return map;
}

static QList<int> closure(const RevisionMap &map, const QList<int> &targets, bool towardsHeads,
                          bool includeDependencies)
{
    QList<int> valid;
    for (int t : targets) {
        if (t >= 0)
            valid.append(t);
    }
    const QList<char> flags = RevisionMap::Engine(map).related(valid, towardsHeads, includeDependencies, false);
    QList<int> out;
    for (int i = 0; i < flags.size(); ++i) {
        if (flags[i])
            out.append(i);
    }
    return out;
}

QList<int> RevisionMap::ancestors(const QList<int> &targets, bool includeDependencies) const
{
    return closure(*this, targets, false, includeDependencies);
}

bool RevisionMap::isAncestorOfAny(int revision, const QList<int> &revisions) const
{
    if (revision < 0)
        return false;
    if (m_topologicalIndex.isEmpty())
        return ancestors(revisions).contains(revision);
    // Every revision between a descendant and @p revision has a larger topological index.
    const int floor = m_topologicalIndex.at(revision);
    QSet<int> seen;
    QList<int> stack;
    for (int r : revisions) {
        if (r >= 0 && m_topologicalIndex.at(r) >= floor)
            stack.append(r);
    }
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        if (r == revision)
            return true;
        if (seen.contains(r))
            continue;
        seen.insert(r);
        for (int d : m_revisions.at(r).normalizedDown) {
            if (m_topologicalIndex.at(d) >= floor)
                stack.append(d);
        }
    }
    return false;
}

QList<int> RevisionMap::descendants(const QList<int> &targets, bool includeDependencies) const
{
    return closure(*this, targets, true, includeDependencies);
}

QString RevisionMap::commandMessage(const RevisionError &error, const CommandContext &context)
{
    switch (error.kind) {
    case RevisionError::Kind::RangeNotAncestor: {
        QString text = context.ancestorTemplate.isEmpty()
                           ? u"Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions "
                             "along the same branch"_s
                           : context.ancestorTemplate;
        text.replace(u"%(start)s"_s, context.start.isNull() ? error.lower : context.start);
        text.replace(u"%(end)s"_s, context.end.isNull() ? error.upper : context.end);
        return text;
    }
    case RevisionError::Kind::MultipleHeads: {
        QString text = context.multipleHeadsTemplate.isEmpty()
                           ? u"Multiple head revisions are present for given argument '%(head_arg)s'; please specify "
                             "a specific target revision, '<branchname>@%(head_arg)s' to narrow to a specific head, "
                             "or 'heads' for all heads"_s
                           : context.multipleHeadsTemplate;
        text.replace(u"%(head_arg)s"_s, context.end.isEmpty() ? error.argument : context.end);
        text.replace(u"%(heads)s"_s, error.heads.join(u", "_s));
        return text;
    }
    case RevisionError::Kind::Resolution:
        return u"Can't locate revision identified by '%1'"_s.arg(error.argument);
    case RevisionError::Kind::Other:
        break;
    }
    return error.message;
}

QString RevisionMap::unknownDependencyAmong(const QList<int> &involved) const
{
    if (m_unknownDependencies.isEmpty())
        return {};
    QList<char> isInvolved(size(), 0);
    for (int r : involved) {
        if (r >= 0)
            isInvolved[r] = 1;
    }
    for (int r : m_unknownDependencies) {
        if (isInvolved[r]) {
            return Tr::tr("Revision %1 takes part in this, but its %2 could not be worked out, so its dependencies "
                          "are unknown. Write the value out literally, or let the project's Python evaluate "
                          "it (Evaluate with Python in the window, --evaluate in retort-cli).")
                .arg(m_revisions.at(r).id, m_revisions.at(r).unknownDependencies);
        }
    }
    return {};
}

QString RevisionMap::errorMessage(const RevisionError &error, const CommandContext &context) const
{
    QString message = commandMessage(error, context);
    if (error.kind == RevisionError::Kind::Resolution && !m_unknownLabels.isEmpty()) {
        const Revision &owner = m_revisions.at(m_unknownLabels.first());
        message += u". "_s + Tr::tr("It may be a branch label of revision %1, whose %2 could not be worked out: write "
                                    "the value out literally, or let the project's Python evaluate it (Evaluate with "
                                    "Python in the window, --evaluate in retort-cli).")
                                 .arg(owner.id, owner.unknownLabels);
    }
    return message;
}

template<typename T, typename F>
static Result<T> guarded(const RevisionMap &map, const RevisionMap::CommandContext &context, F &&body)
{
    try {
        return body();
    } catch (const RevisionError &e) {
        return Result<T>::failure(map.errorMessage(e, context));
    }
}

Result<QList<int>> RevisionMap::resolveRevisions(const QString &identifier) const
{
    return guarded<QList<int>>(*this, {}, [&] { return Engine(*this).getRevisions(identifier); });
}

Result<int> RevisionMap::resolveRevision(const QString &identifier) const
{
    return guarded<int>(*this, {}, [&] { return Engine(*this).getRevision(identifier); });
}

Result<QList<int>> RevisionMap::history(const QString &base, const QString &head) const
{
    const QString lower = base.isEmpty() ? u"base"_s : base;
    const QString upper = head.isEmpty() ? u"heads"_s : head;
    CommandContext context;
    context.start = lower;
    context.end = upper;
    return guarded<QList<int>>(*this, context, [&] { return Engine(*this).walkRevisions(lower, upper); });
}

Result<QList<int>> RevisionMap::upgradeRevisions(const QString &target, const QStringList &current) const
{
    CommandContext context;
    context.ancestorTemplate = u"Destination %(end)s is not a valid upgrade target from current head(s)"_s;
    context.end = target;
    return guarded<QList<int>>(*this, context, [&] { return Engine(*this).upgradeRevs(target, current); });
}

Result<QList<int>> RevisionMap::downgradeRevisions(const QString &target, const QStringList &current) const
{
    CommandContext context;
    context.ancestorTemplate = u"Destination %(end)s is not a valid downgrade target from current head(s)"_s;
    context.end = target;
    return guarded<QList<int>>(*this, context, [&] { return Engine(*this).downgradeRevs(target, current); });
}

Result<QList<int>> RevisionMap::allCurrent(const QStringList &rows) const
{
    return guarded<QList<int>>(*this, {}, [&] { return Engine(*this).allCurrent(rows); });
}
