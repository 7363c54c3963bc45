// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmapbuilder.h"
#include "history/revisionengine.h"
#include "project/revisionscript.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionMap)
};

constexpr int NoRevision = RevisionMapData::NoRevision;

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

/// Adds @p labels to the sorted @p target, skipping those it has.
void addLabels(QStringList &target, const QStringList &labels)
{
    for (const QString &label : labels) {
        const auto at = std::lower_bound(target.begin(), target.end(), label);
        if (at == target.end() || *at != label)
            target.insert(at, label);
    }
}

} // namespace

RevisionMapData RevisionMapBuilder::build(const QList<RevisionScript> &scripts)
{
    RevisionMapBuilder builder(scripts);
    builder.collectRevisions();
    builder.listUnknownHeaders();
    builder.registerBranchLabels();
    for (int i = 0; i < builder.m_fileCount; ++i) {
        builder.resolveDownRevisions(i);
        builder.resolveDependencies(i);
    }
    builder.linkChildren();
    builder.findHeadsAndBases();
    builder.normalizeDependencies();
    builder.numberTopologically();
    builder.inheritBranchLabels();
    builder.spreadBranchLabelsDown();
    return std::move(builder.m_map);
}

const RevisionScript *RevisionMapBuilder::scriptOf(int revision) const
{
    const int s = m_map.revisions.at(revision).scriptIndex;
    return s >= 0 ? &m_scripts.at(s) : nullptr;
}

void RevisionMapBuilder::addError(const QString &code, const QString &message, const RevisionScript *script,
                                  const QString &revision)
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
    m_map.diagnostics.append(d);
    m_map.consistent = false;
}

void RevisionMapBuilder::collectRevisions()
{
    m_map.revisions.reserve(m_scripts.size());
    m_map.byId.reserve(m_scripts.size());
    for (int s = 0; s < m_scripts.size(); ++s) {
        // Alembic would fail to import a file Retort could not fully read, so planning is refused.
        if (hasErrors(m_scripts.at(s).diagnostics))
            m_map.consistent = false;
        if (m_scripts.at(s).isUsable())
            addRevision(revisionFromScript(s));
    }
    m_fileCount = m_map.size();
}

/// The revision a script declares, without the self-references Alembic rejects.
Revision RevisionMapBuilder::revisionFromScript(int scriptIndex)
{
    const RevisionScript &script = m_scripts.at(scriptIndex);
    Revision rev;
    rev.id = script.revision;
    rev.declaredDownRevisions = script.downRevisions;
    rev.declaredDependencies = script.dependencies;
    rev.declaredBranchLabels = script.branchLabels;
    rev.scriptIndex = scriptIndex;
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
        addError(u"self-loop"_s,
                 Tr::tr("Self-loop is detected in revisions (%1): the revision names itself in "
                        "down_revision. Remove its own id from down_revision.")
                     .arg(rev.id),
                 &script, rev.id);
        rev.declaredDownRevisions.removeAll(rev.id);
    }
    if (rev.declaredDependencies.contains(rev.id)) {
        addError(u"dependency-self-loop"_s,
                 Tr::tr("Dependency self-loop is detected in revisions (%1): the revision names "
                        "itself in depends_on. Remove its own id from depends_on.")
                     .arg(rev.id),
                 &script, rev.id);
        rev.declaredDependencies.removeAll(rev.id);
    }
    return rev;
}

// Alembic's OrderedDict: a duplicate id keeps the first position and takes the later value.
void RevisionMapBuilder::addRevision(const Revision &revision)
{
    const auto existing = m_map.byId.constFind(revision.id);
    if (existing == m_map.byId.constEnd()) {
        m_map.byId.insert(revision.id, m_map.size());
        m_map.revisions.append(revision);
        return;
    }
    const RevisionScript &first = m_scripts.at(m_map.revisions.at(*existing).scriptIndex);
    const RevisionScript &script = m_scripts.at(revision.scriptIndex);
    addError(u"duplicate-revision"_s,
             Tr::tr("Revision %1 is present more than once: in %2 and in %3. Alembic uses "
                    "the later file; give one of them a new revision id.")
                 .arg(revision.id, first.path, script.path),
             &script, revision.id);
    m_map.revisions[*existing] = revision;
}

void RevisionMapBuilder::listUnknownHeaders()
{
    for (int i = 0; i < m_map.size(); ++i) {
        if (!m_map.revisions.at(i).unknownLabels.isEmpty())
            m_map.unknownLabels.append(i);
        if (!m_map.revisions.at(i).unknownDependencies.isEmpty())
            m_map.unknownDependencies.append(i);
    }
}

// Branch labels become keys of the map, pointing at the declaring revision.
void RevisionMapBuilder::registerBranchLabels()
{
    for (int i = 0; i < m_fileCount; ++i) {
        const Revision &rev = m_map.revisions.at(i);
        for (const QString &label : rev.declaredBranchLabels) {
            int other = m_map.indexOf(label);
            if (other == NoRevision)
                other = m_map.labelOwner(label);
            if (other != NoRevision) {
                addError(u"duplicate-branch-label"_s,
                         Tr::tr("Branch name '%1' in revision %2 already used by revision %3. "
                                "Rename one of the labels.")
                             .arg(label, rev.id, m_map.revisions.at(other).id),
                         scriptOf(i), rev.id);
                continue;
            }
            m_map.byLabel.insert(label, i);
            m_map.labelOrder.append(label);
        }
    }
}

// A referenced revision without a file becomes a ghost node, so the graph can still show it. It is
// appended to the revisions, which may move them: callers hold copies of what they iterate over.
int RevisionMapBuilder::ghostFor(const QString &id)
{
    int g = m_map.indexOf(id);
    if (g != NoRevision)
        return g;
    Revision ghost;
    ghost.id = id;
    ghost.isGhost = true;
    g = m_map.size();
    m_map.byId.insert(id, g);
    m_map.revisions.append(ghost);
    return g;
}

void RevisionMapBuilder::resolveDownRevisions(int revision)
{
    const QStringList downs = m_map.revisions.at(revision).declaredDownRevisions;
    for (const QString &down : downs) {
        int d = m_map.indexOf(down);
        if (d == NoRevision || m_map.revisions.at(d).isGhost) {
            addError(u"missing-revision"_s,
                     Tr::tr("Revision %1 referenced from %2 is not present: no file declares it. Restore the "
                            "missing file or point down_revision at an existing revision.")
                         .arg(down, m_map.revisions.at(revision).id),
                     scriptOf(revision), m_map.revisions.at(revision).id);
            d = ghostFor(down);
        }
        m_map.revisions[revision].down.append(d);
    }
}

void RevisionMapBuilder::resolveDependencies(int revision)
{
    const QStringList dependencies = m_map.revisions.at(revision).declaredDependencies;
    for (const QString &dep : dependencies) {
        int d = m_map.indexOf(dep);
        if (d == NoRevision)
            d = m_map.labelOwner(dep);
        if (d == NoRevision || m_map.revisions.at(d).isGhost) {
            addError(u"missing-dependency"_s,
                     Tr::tr("Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the "
                            "depends_on entry or restore the missing revision.")
                         .arg(m_map.revisions.at(revision).id, dep),
                     scriptOf(revision), m_map.revisions.at(revision).id);
            d = ghostFor(dep);
        }
        m_map.revisions[revision].resolvedDependencies.append(d);
    }
}

void RevisionMapBuilder::linkChildren()
{
    const int n = m_map.size();
    for (int i = 0; i < n; ++i) {
        Revision &rev = m_map.revisions[i];
        rev.allDown = {};
        for (int d : std::as_const(rev.down))
            appendUnique(rev.allDown, d);
        for (int d : std::as_const(rev.resolvedDependencies))
            appendUnique(rev.allDown, d);
    }
    for (int i = 0; i < n; ++i) {
        const Revision &rev = m_map.revisions.at(i);
        for (int d : rev.allDown) {
            appendUnique(m_map.revisions[d].allNextRevisions, i);
            if (rev.down.contains(d))
                appendUnique(m_map.revisions[d].nextRevisions, i);
        }
    }
}

void RevisionMapBuilder::findHeadsAndBases()
{
    for (int i = 0; i < m_map.size(); ++i) {
        const Revision &rev = m_map.revisions.at(i);
        if (rev.isGhost)
            continue;
        if (rev.isHead())
            m_map.heads.append(i);
        if (rev.isRealHead())
            m_map.realHeads.append(i);
        if (rev.isBase())
            m_map.bases.append(i);
    }
}

// _normalize_depends_on: drop a dependency that a down_revision ancestor already declares.
void RevisionMapBuilder::normalizeDependencies()
{
    const int n = m_map.size();
    QHash<int, QList<int>> declarers;
    for (int i = 0; i < n; ++i) {
        for (int d : m_map.revisions.at(i).resolvedDependencies)
            declarers[d].append(i);
    }
    for (int i = 0; i < n; ++i) {
        Revision &rev = m_map.revisions[i];
        QList<int> normalized;
        std::optional<QList<char>> strictAncestors;
        for (int d : std::as_const(rev.resolvedDependencies)) {
            bool redundant = false;
            for (int declarer : declarers.value(d)) {
                if (declarer == i)
                    continue;
                if (!strictAncestors) {
                    strictAncestors = RevisionEngine(m_map).related({i}, false, false, false);
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
}

// Kahn's algorithm over every down edge (down_revision and depends_on) numbers the revisions
// parents first, which also orders the normalized edges. Only when it cannot number them all is
// there a cycle, and only then are the cycles themselves looked for.
void RevisionMapBuilder::numberTopologically()
{
    const int n = m_map.size();
    QList<int> pending(n, 0);
    QList<int> ready;
    for (int i = 0; i < n; ++i) {
        pending[i] = int(m_map.revisions.at(i).allDown.size());
        if (pending[i] == 0)
            ready.append(i);
    }
    m_map.topologicalIndex = QList<int>(n, 0);
    for (qsizetype k = 0; k < ready.size(); ++k) {
        const int r = ready.at(k);
        m_map.topologicalIndex[r] = int(k);
        for (int c : m_map.revisions.at(r).allNextRevisions) {
            if (--pending[c] == 0)
                ready.append(c);
        }
    }
    if (ready.size() < n) {
        m_map.topologicalIndex.clear();
        m_map.acyclic = false;
        m_map.consistent = false;
        reportCycles();
    }
}

// Cycles: strongly connected components, first through down_revision alone, then through
// depends_on too. Each component with more than one revision is reported once.
void RevisionMapBuilder::reportCycles()
{
    const int n = m_map.size();
    QList<char> inReportedCycle(n, 0);
    for (bool dependencies : {false, true}) {
        auto edges = [&](int i) -> const QList<int> & {
            return dependencies ? m_map.revisions.at(i).allDown : m_map.revisions.at(i).down;
        };
        const QList<QList<int>> components = stronglyConnectedComponents(n, edges);
        for (const QList<int> &component : components) {
            // A revision depending on its own branch label is a cycle of one.
            const int only = component.first();
            const bool selfEdge = component.size() == 1 && edges(only).contains(only);
            if (component.size() < 2 && !selfEdge)
                continue;
            if (std::any_of(component.begin(), component.end(), [&](int i) { return inReportedCycle[i] != 0; }))
                continue;
            for (int i : component)
                inReportedCycle[i] = 1;
            reportCycle(component, dependencies);
        }
    }
}

void RevisionMapBuilder::reportCycle(const QList<int> &component, bool throughDependencies)
{
    QStringList ids;
    int first = component.first();
    for (int i : component) {
        ids.append(m_map.revisions.at(i).id);
        first = std::min(first, i);
    }
    ids.sort();
    const QString list = ids.join(u", "_s);
    const QString &id = m_map.revisions.at(first).id;
    if (throughDependencies) {
        addError(u"dependency-cycle"_s,
                 Tr::tr("Dependency cycle is detected in revisions (%1): following down_revision and "
                        "depends_on leads back to where it started. Remove one of the depends_on "
                        "entries.")
                     .arg(list),
                 scriptOf(first), id);
    } else {
        addError(u"cycle"_s,
                 Tr::tr("Cycle is detected in revisions (%1): following down_revision leads back to "
                        "where it started. Point one of them at an older revision.")
                     .arg(list),
                 scriptOf(first), id);
    }
}

/// The revisions in down_revision order, parents first (those on a cycle are left out).
QList<int> RevisionMapBuilder::downRevisionOrder() const
{
    const int n = m_map.size();
    QList<int> pendingParents(n, 0);
    QList<int> order;
    order.reserve(n);
    for (int i = 0; i < n; ++i) {
        pendingParents[i] = int(m_map.revisions.at(i).down.size());
        if (pendingParents[i] == 0)
            order.append(i);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        for (int child : m_map.revisions.at(order.at(k)).nextRevisions) {
            if (--pendingParents[child] == 0)
                order.append(child);
        }
    }
    return order;
}

// _add_branches: labels flow to every down_revision descendant, and to ancestors only along
// a chain without branch or merge points (verified rule, alembic-semantics.md §2.4). The
// descendant part is one pass in down_revision order, sharing the parent's list on plain steps.
void RevisionMapBuilder::inheritBranchLabels()
{
    for (int i : downRevisionOrder()) {
        Revision &rev = m_map.revisions[i];
        if (rev.down.size() == 1 && rev.declaredBranchLabels.isEmpty()) {
            rev.branchLabels = m_map.revisions.at(rev.down.first()).branchLabels;
            continue;
        }
        for (int d : std::as_const(rev.down))
            addLabels(rev.branchLabels, m_map.revisions.at(d).branchLabels);
        addLabels(rev.branchLabels, rev.declaredBranchLabels);
    }
}

// Alembic walks down from the last descendant it visited; that walk only gets below the labelled
// revision when its descendants are one plain chain.
bool RevisionMapBuilder::descendantsArePlainChain(int revision) const
{
    int node = revision;
    for (int steps = 0; steps <= m_map.size(); ++steps) {
        const Revision &walk = m_map.revisions.at(node);
        if (walk.isRealBranchPoint() || walk.isMergePoint())
            return false;
        if (walk.nextRevisions.isEmpty())
            break;
        node = walk.nextRevisions.first();
    }
    return true;
}

void RevisionMapBuilder::spreadBranchLabelsDown()
{
    for (int i = 0; i < m_fileCount; ++i) {
        const Revision &labelled = m_map.revisions.at(i);
        if (labelled.declaredBranchLabels.isEmpty() || labelled.down.isEmpty() || !descendantsArePlainChain(i))
            continue;
        const QStringList labels = labelled.declaredBranchLabels;
        int node = labelled.down.first();
        for (int steps = 0; steps <= m_map.size(); ++steps) {
            Revision &walk = m_map.revisions[node];
            if (walk.isRealBranchPoint() || walk.isMergePoint())
                break;
            addLabels(walk.branchLabels, labels);
            if (walk.down.isEmpty())
                break;
            node = walk.down.first();
        }
    }
}
