// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionengine.h"
#include "python/pythonconversions.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionMap)
};

} // namespace

/// The digits of a signed relative step as Python's `%d` of its absolute value prints them.
static QString absoluteDigits(const QString &relative)
{
    QString digits;
    for (const QChar c : relative) {
        if (c.isDigit() && !(digits.isEmpty() && c.digitValue() == 0))
            digits += QChar(u'0' + c.digitValue());
    }
    return digits.isEmpty() ? u"0"_s : digits;
}

void RevisionEngine::raise(const QString &message)
{
    RevisionError e;
    e.kind = RevisionError::Kind::Other;
    e.message = message;
    throw e;
}

void RevisionEngine::raiseResolution(const QString &message, const QString &argument)
{
    RevisionError e;
    e.kind = RevisionError::Kind::Resolution;
    e.message = message;
    e.argument = argument;
    throw e;
}

void RevisionEngine::requireRevision(int index) const
{
    if (index < 0)
        raise(Tr::tr("The identifier does not lead to a revision (alembic fails here with an "
                     "AssertionError)."));
}

void RevisionEngine::requireAcyclic() const
{
    if (!m.acyclic || m.topologicalIndex.size() != m.size())
        raise(Tr::tr("The revision graph has a cycle, so it cannot be traversed. Run `retort-cli "
                     "check` to see which revisions form it."));
}

// _resolve_revision_number
RevisionEngine::Resolved RevisionEngine::resolveRevisionNumber(const QString &identifier) const
{
    Resolved r;
    QString id = identifier;
    const qsizetype at = id.indexOf(u'@');
    if (at >= 0) {
        r.branchLabel = id.left(at);
        id = id.mid(at + 1);
    }
    const bool hasLabel = r.branchLabel && !r.branchLabel->isEmpty();
    if (id == u"heads") {
        r.ids = hasLabel ? m.ids(filterForLineage(m.heads, *r.branchLabel)) : m.ids(m.realHeads);
    } else if (id == u"head") {
        const int head = currentHead(r.branchLabel);
        if (head != RevisionMapData::NoRevision)
            r.ids = {m.revisions.at(head).id};
    } else if (id != u"base") {
        r.ids = {id};
    }
    return r;
}

// get_current_head
int RevisionEngine::currentHead(const std::optional<QString> &branchLabel) const
{
    QList<int> heads = m.heads;
    const bool hasLabel = branchLabel && !branchLabel->isEmpty();
    if (hasLabel)
        heads = filterForLineage(heads, *branchLabel);
    if (heads.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = m.ids(heads);
        e.argument = hasLabel ? *branchLabel + u"@head"_s : u"head"_s;
        e.message = u"Multiple heads are present for given argument '%1'; %2"_s.arg(e.argument, e.heads.join(u", "_s));
        throw e;
    }
    return heads.isEmpty() ? RevisionMapData::NoRevision : heads.first();
}

// get_revisions (single identifier)
QList<int> RevisionEngine::getRevisions(const QString &identifier) const
{
    const Resolved r = resolveRevisionNumber(identifier);
    if (r.ids.size() == 1) {
        const std::optional<qint64> number = pythonInt(r.ids.first());
        if (number && *number < 0) {
            // branch@-n walks down from every real head (carrying the label, if one is given).
            QList<int> selectHeads = getRevisions(u"heads"_s);
            if (r.branchLabel) {
                QList<int> filtered;
                for (int h : std::as_const(selectHeads)) {
                    if (m.revisions.at(h).branchLabels.contains(*r.branchLabel))
                        filtered.append(h);
                }
                selectHeads = filtered;
            }
            QList<int> out;
            for (int h : std::as_const(selectHeads))
                out.append(walk(h, *number, std::nullopt, true));
            return out;
        }
    }
    QList<int> out;
    for (const QString &id : r.ids)
        out.append(revisionForIdent(id, r.branchLabel));
    return out;
}

QList<int> RevisionEngine::getRevisions(const QStringList &identifiers) const
{
    QList<int> out;
    for (const QString &id : identifiers)
        out.append(getRevisions(id));
    return out;
}

// get_revision
int RevisionEngine::getRevision(const QString &identifier) const
{
    const Resolved r = resolveRevisionNumber(identifier);
    if (r.ids.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = r.ids;
        e.argument = identifier;
        e.message = u"Multiple heads are present for given argument '%1'; %2"_s.arg(identifier, r.ids.join(u", "_s));
        throw e;
    }
    return revisionForIdent(r.ids.isEmpty() ? std::nullopt : std::optional<QString>(r.ids.first()), r.branchLabel);
}

// _resolve_branch
int RevisionEngine::resolveBranch(const QString &label) const
{
    int rev = m.indexOf(label);
    if (rev == RevisionMapData::NoRevision)
        rev = m.labelOwner(label);
    if (rev != RevisionMapData::NoRevision)
        return rev;
    try {
        return revisionForIdent(label, std::nullopt);
    } catch (const RevisionError &e) {
        if (e.kind != RevisionError::Kind::Resolution)
            throw;
        raiseResolution(u"No such branch: '%1'"_s.arg(label), label);
    }
}

// _revision_for_ident; an empty optional id is Alembic's `()` key, which maps to None.
int RevisionEngine::revisionForIdent(const std::optional<QString> &id, const std::optional<QString> &checkBranch) const
{
    const bool hasBranch = checkBranch && !checkBranch->isEmpty();
    int branchRev = RevisionMapData::NoRevision;
    if (hasBranch)
        branchRev = resolveBranch(*checkBranch);
    if (!id)
        return RevisionMapData::NoRevision;
    if (id->isEmpty())
        raise(Tr::tr("An empty revision identifier was given."));

    int revision = m.indexOf(*id);
    if (revision == RevisionMapData::NoRevision)
        revision = m.labelOwner(*id);
    if (revision == RevisionMapData::NoRevision) {
        // Partial lookup over every key (ids in map order, then labels); no minimum query length.
        QList<int> owners;
        QStringList keys;
        auto consider = [&](const QString &key, int owner) {
            if (key.size() > 3 && key.startsWith(*id)) {
                keys.append(key);
                owners.append(owner);
            }
        };
        for (int i = 0; i < m.size(); ++i)
            consider(m.revisions.at(i).id, i);
        for (const QString &label : m.labelOrder)
            consider(label, m.labelOwner(label));
        if (branchRev != RevisionMapData::NoRevision) {
            const QList<int> kept = filterForLineage(owners, *checkBranch);
            QStringList filteredKeys;
            QList<int> filteredOwners;
            for (int k = 0; k < keys.size(); ++k) {
                if (kept.contains(owners[k])) {
                    filteredKeys.append(keys[k]);
                    filteredOwners.append(owners[k]);
                }
            }
            keys = filteredKeys;
            owners = filteredOwners;
        }
        if (keys.isEmpty()) {
            raiseResolution(u"No such revision or branch '%1'%2"_s.arg(
                                *id, id->size() < 4 ? u"; please ensure at least four characters are present for "
                                                      "partial revision identifier matches"_s
                                                    : QString()),
                            *id);
        }
        if (keys.size() > 1) {
            QStringList quoted;
            for (const QString &k : keys.mid(0, 3))
                quoted.append(u"'"_s + k + u"'"_s);
            raiseResolution(u"Multiple revisions start with '%1': %2..."_s.arg(*id, quoted.join(u", "_s)), *id);
        }
        revision = owners.first();
    }
    if (hasBranch && revision >= 0) {
        if (!lineageOf({branchRev}, false)[revision])
            raiseResolution(
                u"Revision %1 is not a member of branch '%2'"_s.arg(m.revisions.at(revision).id, *checkBranch), *id);
    }
    return revision;
}

QList<char> RevisionEngine::lineageOf(const QList<int> &against, bool includeDependencies) const
{
    // Ancestry through normalized edges and descent through all edges reach the same revisions,
    // so "t shares lineage with a" is symmetric and one pass from the `against` side suffices.
    QList<char> up = related(against, false, includeDependencies, false);
    const QList<char> down = related(against, true, includeDependencies, false);
    for (int i = 0; i < up.size(); ++i)
        up[i] = char(up[i] | down[i]);
    return up;
}

// filter_for_lineage
QList<int> RevisionEngine::filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                            bool includeDependencies) const
{
    const Resolved r = resolveRevisionNumber(checkAgainst);
    if (targets.isEmpty())
        return {}; // Alembic resolves the other side lazily, per target
    QStringList shares;
    if (r.branchLabel && !r.branchLabel->isEmpty())
        shares.append(*r.branchLabel);
    shares.append(r.ids);
    if (shares.isEmpty())
        return targets;
    QList<int> against;
    for (const QString &s : std::as_const(shares)) {
        const int rev = revisionForIdent(s, std::nullopt);
        if (rev >= 0)
            against.append(rev);
    }
    const QList<char> lineage = lineageOf(against, includeDependencies);
    QList<int> out;
    for (int t : targets) {
        // _shares_lineage resolves each target: the "base" a walk returned is no revision id.
        if (t == RevisionMapData::BaseSymbol)
            raiseResolution(u"No such revision or branch 'base'"_s, u"base"_s);
        requireRevision(t);
        if (lineage[t])
            out.append(t);
    }
    return out;
}

QStringList RevisionEngine::filterIdsForLineage(const QStringList &targets, const QString &checkAgainst) const
{
    QList<int> resolved;
    for (const QString &t : targets)
        resolved.append(revisionForIdent(t, std::nullopt));
    const QList<int> kept = filterForLineage(resolved, checkAgainst);
    QStringList out;
    for (int i = 0; i < resolved.size(); ++i) {
        if (kept.contains(resolved[i]))
            out.append(targets[i]);
    }
    return out;
}

QList<char> RevisionEngine::related(const QList<int> &targets, bool towardsHeads, bool includeDependencies,
                                    bool check) const
{
    // _iterate_related_revisions: a depth-first walk with one stack shared by all targets, so the
    // overlap check sees exactly what Alembic's sees.
    QList<char> seen(m.size(), 0);
    QList<int> perTarget(check ? m.size() : 0, -1);
    QList<char> isTarget(check ? m.size() : 0, 0);
    if (check) {
        for (int target : targets)
            isTarget[target] = 1;
    }
    QList<int> stack;
    for (int t = 0; t < targets.size(); ++t) {
        const int target = targets[t];
        requireRevision(target);
        stack.append(target);
        // Whether this walk met another target; only then are the targets listed (once per error
        // instead of a pass over all targets per target).
        bool metAnother = false;
        while (!stack.isEmpty()) {
            const int r = stack.takeLast();
            if (check) {
                perTarget[r] = t;
                metAnother = metAnother || (isTarget[r] && r != target);
            }
            if (seen[r])
                continue;
            seen[r] = 1;
            const Revision &rev = m.revisions.at(r);
            if (towardsHeads)
                stack.append(includeDependencies ? rev.allNextRevisions : rev.nextRevisions);
            else
                stack.append(includeDependencies ? rev.normalizedDown : rev.down);
        }
        if (check && metAnother) {
            QStringList overlaps;
            for (int other : targets) {
                if (other != target && perTarget[other] == t && !overlaps.contains(m.revisions.at(other).id))
                    overlaps.append(m.revisions.at(other).id);
            }
            if (!overlaps.isEmpty())
                raise(u"Requested revision %1 overlaps with other requested revisions %2"_s.arg(
                    m.revisions.at(target).id, overlaps.join(u", "_s)));
        }
    }
    return seen;
}

QList<char> RevisionEngine::ancestorsChecked(const QList<int> &targets) const
{
    return related(targets, false, true, true);
}

QList<char> RevisionEngine::descendantsChecked(const QList<int> &targets) const
{
    return related(targets, true, false, true);
}

// _walk
int RevisionEngine::walk(int start, qint64 steps, const std::optional<QString> &branchLabel, bool noOverwalk) const
{
    requireAcyclic(); // a walk round a cycle would take |steps| turns
    int initial = start;
    const qint64 count = steps < 0 ? -steps : steps;
    for (qint64 step = 0; step < count; ++step) {
        QList<int> children;
        if (steps > 0) {
            if (initial == RevisionMapData::BaseSymbol)
                raise(Tr::tr("Cannot walk up from base."));
            const QList<int> walkUp =
                initial == RevisionMapData::NoRevision ? m.bases : m.revisions.at(initial).nextRevisions;
            children = branchLabel && !branchLabel->isEmpty() ? filterForLineage(walkUp, *branchLabel) : walkUp;
        } else if (initial != RevisionMapData::BaseSymbol) {
            children = initial == RevisionMapData::NoRevision ? m.heads : m.revisions.at(initial).down;
            if (children.isEmpty())
                children = {RevisionMapData::BaseSymbol};
        }
        if (children.isEmpty())
            return noOverwalk ? RevisionMapData::NoRevision : initial;
        if (children.size() > 1)
            raise(u"Ambiguous walk"_s);
        initial = children.first();
    }
    return initial;
}

static const QRegularExpression &relativeDestination()
{
    static const QRegularExpression re(u"\\A(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"_s,
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// _parse_upgrade_target
QList<int> RevisionEngine::parseUpgradeTarget(const QStringList &current, const QString &target,
                                              bool assertRelativeLength) const
{
    const QRegularExpressionMatch match = relativeDestination().match(target);
    if (!match.hasMatch())
        return getRevisions(target);
    const std::optional<QString> branchLabel =
        match.capturedStart(1) >= 0 ? std::optional<QString>(match.captured(1)) : std::nullopt;
    const bool hasLabel = branchLabel && !branchLabel->isEmpty();
    const bool hasSymbol = match.capturedStart(2) >= 0 && !match.captured(2).isEmpty();
    const QString symbol = match.captured(2);
    const QString relativeText = match.captured(3);
    const qint64 relative = pythonInt(relativeText).value_or(0);

    if (relative > 0) {
        if (hasSymbol)
            return {walk(getRevision(symbol), relative, branchLabel, assertRelativeLength)};
        if (!hasLabel) {
            if (current.size() > 1)
                raise(u"Ambiguous upgrade from multiple current revisions"_s);
            const int start = current.isEmpty() ? RevisionMapData::NoRevision : getRevision(current.first());
            const int rev = walk(start, relative, branchLabel, assertRelativeLength);
            if (rev == RevisionMapData::NoRevision)
                raise(u"Relative revision %1 didn't produce %2 migrations"_s.arg(relativeText,
                                                                                 absoluteDigits(relativeText)));
            return {rev};
        }
        const QList<int> currentRevs = getRevisions(current);
        QList<int> startRevs = filterForLineage(currentRevs, *branchLabel);
        if (startRevs.isEmpty()) {
            const QList<char> active = related(currentRevs, false, true, false);
            QList<int> activeOnBranch;
            for (int i = 0; i < active.size(); ++i) {
                if (active[i])
                    activeOnBranch.append(i);
            }
            activeOnBranch = filterForLineage(activeOnBranch, *branchLabel);
            QSet<int> downs;
            for (int a : std::as_const(activeOnBranch)) {
                for (int d : m.revisions.at(a).normalizedDown)
                    downs.insert(d);
            }
            for (int a : std::as_const(activeOnBranch)) {
                if (!downs.contains(a))
                    startRevs.append(a);
            }
            if (startRevs.isEmpty())
                startRevs = {RevisionMapData::NoRevision};
        }
        if (startRevs.size() > 1)
            raise(u"Ambiguous upgrade from multiple current revisions"_s);
        const int rev = walk(startRevs.first(), relative, branchLabel, assertRelativeLength);
        if (rev == RevisionMapData::NoRevision)
            raise(
                u"Relative revision %1 didn't produce %2 migrations"_s.arg(relativeText, absoluteDigits(relativeText)));
        return {rev};
    }
    if (!hasSymbol)
        raise(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
            relative == 0 ? u"0"_s : QString(u'-' + absoluteDigits(relativeText)), absoluteDigits(relativeText)));
    const int start = branchLabel ? getRevision(*branchLabel + u"@"_s + symbol) : getRevision(symbol);
    return {walk(start, relative, std::nullopt, assertRelativeLength)};
}

// _parse_downgrade_target; a null @p target is Alembic's None.
std::pair<std::optional<QString>, int>
RevisionEngine::parseDowngradeTarget(const QStringList &current, const QString &target, bool assertRelativeLength) const
{
    if (target.isNull())
        return {std::nullopt, RevisionMapData::NoRevision};
    const QRegularExpressionMatch match = relativeDestination().match(target);
    if (match.hasMatch()) {
        std::optional<QString> branchLabel =
            match.capturedStart(1) >= 0 ? std::optional<QString>(match.captured(1)) : std::nullopt;
        const bool hasSymbol = match.capturedStart(2) >= 0 && !match.captured(2).isEmpty();
        QString symbol = match.captured(2);
        const QString relativeText = match.captured(3);
        const qint64 relative = pythonInt(relativeText).value_or(0);
        if (relative >= 0) {
            if (!hasSymbol)
                raise(u"Relative revision %1 didn't produce %2 migrations"_s.arg(relativeText,
                                                                                 absoluteDigits(relativeText)));
            const int rev = walk(getRevision(symbol), relative, branchLabel, assertRelativeLength);
            if (rev == RevisionMapData::NoRevision)
                raise(u"Walked too far"_s);
            return {branchLabel, rev};
        }
        const bool relativeRevision = !hasSymbol;
        if (relativeRevision) {
            if (branchLabel && !branchLabel->isEmpty()) {
                QStringList symbols = filterIdsForLineage(current, *branchLabel);
                if (symbols.isEmpty())
                    symbols = m.ids(filterForLineage(allCurrent(current), *branchLabel));
                if (symbols.size() != 1)
                    raise(Tr::tr("The branch '%1' does not select exactly one current "
                                 "revision (alembic fails here with an AssertionError).")
                              .arg(*branchLabel));
                symbol = symbols.first();
            } else {
                if (current.isEmpty())
                    raise(u"Relative revision %1 didn't produce %2 migrations"_s.arg(relativeText,
                                                                                     absoluteDigits(relativeText)));
                symbol = current.first();
                branchLabel = symbol;
            }
        }
        const int start = branchLabel ? getRevision(*branchLabel + u"@"_s + symbol) : getRevision(symbol);
        const int rev = walk(start, relative, std::nullopt, assertRelativeLength);
        if (rev == RevisionMapData::NoRevision) {
            if (relativeRevision)
                raise(u"Relative revision %1 didn't produce %2 migrations"_s.arg(relativeText,
                                                                                 absoluteDigits(relativeText)));
            raise(u"Walked too far"_s);
        }
        return {branchLabel, rev};
    }
    const qsizetype at = target.lastIndexOf(u'@');
    std::optional<QString> branchLabel;
    if (at > 0)
        branchLabel = target.left(at);
    return {branchLabel, getRevision(at >= 0 ? target.mid(at + 1) : target)};
}

static QList<int> indexesOf(const QList<char> &flags)
{
    QList<int> out;
    for (int i = 0; i < flags.size(); ++i) {
        if (flags[i])
            out.append(i);
    }
    return out;
}

// _collect_upgrade_revisions
std::pair<QList<int>, QList<int>> RevisionEngine::collectUpgrade(const QString &upper, const Lower &lowerIn,
                                                                 bool inclusive, bool implicitBase,
                                                                 bool assertRelativeLength) const
{
    Lower lower = lowerIn;
    const QStringList lowerAsCurrent = lower.isString ? QStringList{lower.text} : lower.rows;
    QList<int> targets = parseUpgradeTarget(lowerAsCurrent, upper, assertRelativeLength);
    for (int t : std::as_const(targets))
        requireRevision(t);
    if (lower.isString && lower.text.contains(u'@')) {
        QString branch = lower.text.section(u'@', 0, 0);
        const int branchRev = getRevision(branch);
        if (branchRev >= 0 && m.revisions.at(branchRev).id == branch) {
            const QStringList &labels = m.revisions.at(branchRev).branchLabels;
            if (labels.size() != 1)
                raise(Tr::tr("Revision %1 is used as a branch but does not carry exactly one "
                             "branch label (alembic fails here with an AssertionError).")
                          .arg(branch));
            branch = labels.first();
        }
        QList<int> filtered;
        for (int t : std::as_const(targets)) {
            if (m.revisions.at(t).branchLabels.contains(branch) && !filtered.contains(t))
                filtered.append(t);
        }
        targets = filtered;
    }
    QList<char> required = ancestorsChecked(targets);
    QList<int> current = lower.isString ? getRevisions(lower.text) : getRevisions(lower.rows);
    if (!implicitBase) {
        for (int c : std::as_const(current)) {
            if (c != RevisionMapData::NoRevision && (c < 0 || !required[c])) {
                RevisionError e;
                e.kind = RevisionError::Kind::RangeNotAncestor;
                e.lower = lower.isString ? lower.text : lower.rows.join(u", "_s);
                e.upper = upper;
                e.message = u"Revision %1 is not an ancestor of revision %2"_s.arg(e.lower, e.upper);
                throw e;
            }
        }
    }
    if (!current.isEmpty() && current.first() == RevisionMapData::NoRevision) {
        const auto [label, rev] =
            parseDowngradeTarget({upper}, lower.isString ? lower.text : QString(), assertRelativeLength);
        if (rev == RevisionMapData::NoRevision)
            raise(Tr::tr("The lower bound does not lead to a revision (alembic "
                         "fails here with an AssertionError)."));
        if (rev == RevisionMapData::BaseSymbol) {
            current.clear();
            lower = Lower{true, QString(), {}};
        } else {
            current = {rev};
            lower = Lower{true, m.revisions.at(rev).id, {}};
        }
    }
    QList<char> have = ancestorsChecked(current);
    QList<char> needs(m.size(), 0);
    for (int i = 0; i < m.size(); ++i)
        needs[i] = char(required[i] && !have[i]);
    if (inclusive) {
        const QList<int> lowerRevs =
            lower.isString ? (lower.text.isNull() ? QList<int>{} : getRevisions(lower.text)) : getRevisions(lower.rows);
        for (int r : lowerRevs) {
            requireRevision(r);
            needs[r] = 1;
        }
    }
    if (!current.isEmpty() && !implicitBase) {
        const QList<char> lowerDescendants = descendantsChecked(current);
        for (int i = 0; i < m.size(); ++i)
            needs[i] = char(needs[i] && lowerDescendants[i]);
    }
    return {indexesOf(needs), targets};
}

// _collect_downgrade_revisions; a null @p target is Alembic's None (base).
std::pair<QList<int>, QList<int>> RevisionEngine::collectDowngrade(const QStringList &upper, const QString &target,
                                                                   bool inclusive, bool implicitBase,
                                                                   bool assertRelativeLength) const
{
    auto [branchLabel, targetRevision] = parseDowngradeTarget(upper, target, assertRelativeLength);
    if (targetRevision == RevisionMapData::BaseSymbol)
        targetRevision = RevisionMapData::NoRevision;
    QList<int> roots;
    if (targetRevision == RevisionMapData::NoRevision) {
        // Alembic scans its map's values, where a labelled base appears once more per label.
        for (int i = 0; i < m.size(); ++i) {
            if (!m.revisions.at(i).isGhost && m.revisions.at(i).isBase())
                roots.append(i);
        }
        for (const QString &label : m.labelOrder) {
            const int owner = m.labelOwner(label);
            if (m.revisions.at(owner).isBase())
                roots.append(owner);
        }
    } else if (inclusive) {
        roots = {targetRevision};
    } else {
        roots = m.revisions.at(targetRevision).nextRevisions;
    }
    if (branchLabel && !branchLabel->isEmpty() && roots.size() > 1) {
        const QList<char> keep = related({resolveBranch(*branchLabel)}, false, false, false);
        QList<int> filtered;
        for (int r : std::as_const(roots)) {
            if (keep[r] && !filtered.contains(r))
                filtered.append(r);
        }
        roots = filtered;
        if (roots.isEmpty())
            raise(u"Not a valid downgrade target from current heads"_s);
    }
    const QList<int> heads = getRevisions(upper);
    for (int h : heads)
        requireRevision(h);
    const QList<char> below = related(roots, true, true, false);
    const QList<char> active = related(heads, false, true, false);
    QList<char> drop(m.size(), 0);
    for (int i = 0; i < m.size(); ++i)
        drop[i] = char(below[i] && active[i]);
    if (implicitBase) {
        const QList<char> rootAncestors = related(roots, false, true, false);
        for (int i = 0; i < m.size(); ++i) {
            if (active[i] && !rootAncestors[i])
                drop[i] = 1;
        }
    }
    const QList<int> dropped = indexesOf(drop);
    if (targetRevision != RevisionMapData::NoRevision && dropped.isEmpty() && !heads.contains(targetRevision)) {
        RevisionError e;
        e.kind = RevisionError::Kind::RangeNotAncestor;
        e.lower = u"Nothing to drop"_s;
        e.upper = upper.join(u", "_s);
        e.message = u"Revision Nothing to drop is not an ancestor of revision %1"_s.arg(e.upper);
        throw e;
    }
    return {dropped, heads};
}

namespace {

/// The list of current heads by position: which head is where, and the first position from a given
/// one whose head has at least a given topological index, in logarithmic time (a max segment tree).
class HeadPositions
{
public:
    explicit HeadPositions(int capacity)
    {
        while (m_leaves < capacity + 1)
            m_leaves *= 2;
        m_max.assign(size_t(2 * m_leaves), -1);
        m_head.assign(size_t(m_leaves), -1);
    }
    void set(qint64 position, int head, int topologicalIndex)
    {
        m_head[size_t(position)] = head;
        update(position, topologicalIndex);
    }
    void clear(qint64 position)
    {
        m_head[size_t(position)] = -1;
        update(position, -1);
    }
    /// The head at the first position ≥ @p from whose topological index is ≥ @p floor, or -1.
    int firstAtLeast(qint64 from, int floor) const
    {
        if (from >= m_leaves)
            return -1;
        qint64 i = from + m_leaves;
        if (m_max[size_t(i)] < floor) {
            // Up until a right sibling holds one, then down to its leftmost such leaf.
            while (i > 1 && ((i & 1) == 1 || m_max[size_t(i + 1)] < floor))
                i /= 2;
            if (i <= 1)
                return -1;
            ++i;
            while (i < m_leaves)
                i = m_max[size_t(2 * i)] >= floor ? 2 * i : 2 * i + 1;
        }
        return m_head[size_t(i - m_leaves)];
    }

private:
    void update(qint64 position, int value)
    {
        qint64 i = position + m_leaves;
        m_max[size_t(i)] = value;
        for (i /= 2; i >= 1; i /= 2)
            m_max[size_t(i)] = std::max(m_max[size_t(2 * i)], m_max[size_t(2 * i + 1)]);
    }

    qint64 m_leaves = 1;
    std::vector<int> m_max;
    std::vector<int> m_head;
};

} // namespace

// _topological_sort: depth-first along one branch, switching to another pending head whenever
// the next revision is still an ancestor of it; newest first.
//
// Alembic keeps the full ancestor set of every pending head and recomputes it at each merge point,
// which is quadratic on long histories. The same decisions are taken here from a reference count:
// U is the union of the pending heads' ancestor sets, restricted to D, the revisions between a
// todo revision and a pending head (no other revision can lie on a path from a pending head down
// to a candidate). cnt[x] = (x is a pending head) + (children of x in U), so a candidate is an
// ancestor of another pending head exactly when cnt > 1; only then is the first such head searched
// for, in a walk bounded by the topological index. The differential tests compare it with alembic.
QList<int> RevisionEngine::topologicalSort(const QList<int> &revisions, const QList<int> &heads) const
{
    requireAcyclic();
    const int n = m.size();
    std::vector<char> todo(n, 0);
    qsizetype remaining = 0;
    for (int r : revisions) {
        if (!todo[r]) {
            todo[r] = 1;
            ++remaining;
        }
    }
    QList<int> currentHeads;
    std::vector<char> isCurrent(n, 0);
    for (int h : heads) {
        if (h >= 0 && todo[h] && !isCurrent[h]) {
            currentHeads.append(h);
            isCurrent[h] = 1;
        }
    }
    std::sort(currentHeads.begin(), currentHeads.end());

    // D = ancestors(heads) ∩ descendants(todo); initially all of D is in U.
    const QList<char> aboveTodo = related(revisions, true, true, false);
    const QList<char> belowHeads = related(currentHeads, false, true, false);
    std::vector<char> inU(n, 0);
    std::vector<int> count(n, 0);
    for (int i = 0; i < n; ++i)
        inU[i] = char(aboveTodo[i] && belowHeads[i]);
    for (int i = 0; i < n; ++i) {
        if (!inU[i])
            continue;
        count[i] += isCurrent[i];
        for (int d : m.revisions.at(i).normalizedDown) {
            if (inU[d])
                ++count[d];
        }
    }
    QList<int> leaving;
    auto release = [&](int revision) {
        if (!inU[revision] || --count[revision] > 0)
            return;
        leaving.append(revision);
        while (!leaving.isEmpty()) {
            const int x = leaving.takeLast();
            inU[x] = 0;
            for (int d : m.revisions.at(x).normalizedDown) {
                if (inU[d] && --count[d] == 0)
                    leaving.append(d);
            }
        }
    };
    std::vector<int> visitedMark(n, 0);
    int mark = 0;
    // The searches below dominate on long histories; compact arrays keep them in cache.
    std::vector<int> downStart(n + 1, 0);
    std::vector<int> downEdges;
    for (int i = 0; i < n; ++i) {
        for (int d : m.revisions.at(i).normalizedDown)
            downEdges.push_back(d);
        downStart[i + 1] = int(downEdges.size());
    }
    std::vector<int> upStart(n + 1, 0);
    std::vector<int> upEdges(downEdges.size());
    for (int d : downEdges)
        ++upStart[d + 1];
    for (int i = 0; i < n; ++i)
        upStart[i + 1] += upStart[i];
    {
        std::vector<int> fill(upStart.begin(), upStart.end() - 1);
        for (int i = 0; i < n; ++i) {
            for (int e = downStart[i]; e < downStart[i + 1]; ++e)
                upEdges[fill[downEdges[e]]++] = i;
        }
    }
    const std::vector<int> topoIndex(m.topologicalIndex.begin(), m.topologicalIndex.end());
    std::vector<qint64> orderKey(n, 0); ///< increasing along the list of current heads
    qint64 nextKey = 0;
    std::vector<int> upVisited(n, 0);
    int upMark = 0;
    std::vector<int> downSearch;
    std::vector<int> upSearch;
    // Alembic's list of current heads as a doubly linked list over revision indexes (each revision is
    // in it at most once): popping the candidate and stepping back, appending and replacing in place
    // keep Alembic's order, in constant time instead of a shift of the whole list per pop (quadratic
    // with tens of thousands of heads).
    std::vector<int> nextOf(n, -1);
    std::vector<int> previousOf(n, -1);
    int first = -1;
    int last = -1;
    qsizetype headCount = 0;
    // Per list position (orderKey), the topological index of the head there: the heads that can
    // reach a candidate are found without stepping over the many that cannot.
    HeadPositions positions(n);
    auto append = [&](int r) {
        orderKey[r] = nextKey++;
        positions.set(orderKey[r], r, topoIndex[r]);
        previousOf[r] = last;
        nextOf[r] = -1;
        (last >= 0 ? nextOf[last] : first) = r;
        last = r;
        ++headCount;
    };
    auto unlink = [&](int r) {
        positions.clear(orderKey[r]);
        (previousOf[r] >= 0 ? nextOf[previousOf[r]] : first) = nextOf[r];
        (nextOf[r] >= 0 ? previousOf[nextOf[r]] : last) = previousOf[r];
        --headCount;
    };
    auto replace = [&](int old, int r) {
        orderKey[r] = orderKey[old];
        positions.set(orderKey[r], r, topoIndex[r]);
        previousOf[r] = previousOf[old];
        nextOf[r] = nextOf[old];
        (previousOf[r] >= 0 ? nextOf[previousOf[r]] : first) = r;
        (nextOf[r] >= 0 ? previousOf[nextOf[r]] : last) = r;
    };
    for (int h : std::as_const(currentHeads))
        append(h);

    // Alembic takes the first current head, in list order, from which the candidate can be reached
    // through U. Two exact searches run in step and the first to finish answers: trying the heads in
    // list order (cheap when an early head reaches it; the topological index bounds each try) and
    // walking up from the candidate to every head above it (cheap when little lies above). Either
    // alone is quadratic on some shape of history with tens of thousands of heads.
    auto firstHeadReaching = [&](int target) {
        // A head at or below the candidate's topological position cannot reach it.
        const int floor = topoIndex[target];
        auto nextTried = [&](qint64 fromKey) {
            for (int head = positions.firstAtLeast(fromKey, floor); head >= 0;
                 head = positions.firstAtLeast(orderKey[head] + 1, floor)) {
                if (head != target)
                    return head;
            }
            return -1;
        };
        int j = nextTried(0);
        bool trying = false;
        ++upMark;
        upSearch.assign(1, target);
        upVisited[target] = upMark;
        int best = -1;
        while (true) {
            if (j < 0)
                return -1; // every head tried, none reaches it
            if (!trying) {
                ++mark;
                downSearch.assign(1, j);
                trying = true;
            } else if (downSearch.empty()) {
                j = nextTried(orderKey[j] + 1);
                trying = false;
            } else {
                const int x = downSearch.back();
                downSearch.pop_back();
                if (x == target)
                    return j;
                if (visitedMark[x] != mark) {
                    visitedMark[x] = mark;
                    for (int e = downStart[x]; e < downStart[x + 1]; ++e) {
                        const int d = downEdges[e];
                        if (inU[d] && topoIndex[d] >= floor)
                            downSearch.push_back(d);
                    }
                }
            }
            const int y0 = upSearch.back();
            upSearch.pop_back();
            for (int e = upStart[y0]; e < upStart[y0 + 1]; ++e) {
                const int y = upEdges[e];
                if (upVisited[y] == upMark)
                    continue;
                upVisited[y] = upMark;
                if (isCurrent[y] && (best < 0 || orderKey[y] < orderKey[best]))
                    best = y;
                if (inU[y])
                    upSearch.push_back(y);
            }
            if (upSearch.empty())
                return best; // everything above it seen: the first head in list order among them
        }
    };

    QList<int> output;
    output.reserve(remaining);
    int candidate = first;
    qsizetype switchesWithoutProgress = 0;
    while (headCount > 0) {
        if (count[candidate] > 1) {
            // Each switch moves to a strict descendant; more switches than heads would mean the
            // invariants above are broken, so fail rather than spin.
            if (++switchesWithoutProgress > headCount)
                raise(u"Dependency resolution failed; broken map"_s);
            const int next = firstHeadReaching(candidate);
            if (next < 0)
                raise(u"Dependency resolution failed; broken map"_s);
            candidate = next;
            continue;
        }
        switchesWithoutProgress = 0;
        if (todo[candidate]) {
            output.append(candidate);
            todo[candidate] = 0;
            --remaining;
        }
        const Revision &rev = m.revisions.at(candidate);
        QList<int> headsToAdd;
        for (int r : rev.normalizedDown) {
            if (todo[r] && !isCurrent[r] && !headsToAdd.contains(r))
                headsToAdd.append(r);
        }
        for (int r : std::as_const(headsToAdd)) {
            isCurrent[r] = 1;
            ++count[r];
        }
        isCurrent[candidate] = 0;
        release(candidate);
        if (headsToAdd.isEmpty()) {
            // pop(index); index = max(index - 1, 0): the previous head, or the new first one.
            const int previous = previousOf[candidate];
            unlink(candidate);
            candidate = previous >= 0 ? previous : first;
        } else {
            replace(candidate, headsToAdd.first());
            candidate = headsToAdd.first();
            for (qsizetype k = 1; k < headsToAdd.size(); ++k)
                append(headsToAdd.at(k));
        }
    }
    if (remaining != 0)
        raise(u"Dependency resolution failed; broken map"_s);
    return output;
}

QList<int> RevisionEngine::upgradeRevs(const QString &target, const QStringList &current) const
{
    requireAcyclic();
    const auto [needs, targets] = collectUpgrade(target, Lower{false, QString(), current}, false, true, true);
    QList<int> order = topologicalSort(needs, targets);
    std::reverse(order.begin(), order.end());
    return order;
}

QList<int> RevisionEngine::downgradeRevs(const QString &target, const QStringList &current) const
{
    requireAcyclic();
    const auto [drop, heads] = collectDowngrade(current, target, false, false, true);
    return topologicalSort(drop, heads);
}

QList<int> RevisionEngine::walkRevisions(const QString &base, const QString &head) const
{
    requireAcyclic();
    const auto [needs, targets] = collectUpgrade(head, Lower{true, base, {}}, true, false, false);
    return topologicalSort(needs, targets);
}

// get_all_current: rows and everything they imply, minus whatever has a down_revision descendant
// in that set.
QList<int> RevisionEngine::allCurrent(const QStringList &rows) const
{
    const QList<int> top = getRevisions(rows);
    for (int t : top)
        requireRevision(t);
    const QList<char> closure = related(top, false, true, false);
    QList<char> covered(m.size(), 0);
    QList<int> stack;
    for (int i = 0; i < m.size(); ++i) {
        if (closure[i])
            stack.append(m.revisions.at(i).down);
    }
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        if (covered[r])
            continue;
        covered[r] = 1;
        stack.append(m.revisions.at(r).down);
    }
    QList<int> out;
    for (int i = 0; i < m.size(); ++i) {
        if (closure[i] && !covered[i])
            out.append(i);
    }
    return out;
}
