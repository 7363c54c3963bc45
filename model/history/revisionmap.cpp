// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmap.h"
#include "history/revisionengine.h"
#include "history/revisionmapbuilder.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionMap)
};

} // namespace

RevisionMap RevisionMap::build(const QList<RevisionScript> &scripts)
{
    return RevisionMap(RevisionMapBuilder::build(scripts));
}

static QList<int> closure(const RevisionMap &map, const QList<int> &targets, bool towardsHeads,
                          bool includeDependencies)
{
    QList<int> valid;
    for (int t : targets) {
        if (t >= 0)
            valid.append(t);
    }
    const QList<char> flags = RevisionEngine(map.data()).related(valid, towardsHeads, includeDependencies, false);
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
    if (m_data.topologicalIndex.isEmpty())
        return ancestors(revisions).contains(revision);
    // Every revision between a descendant and @p revision has a larger topological index.
    const int floor = m_data.topologicalIndex.at(revision);
    QSet<int> seen;
    QList<int> stack;
    for (int r : revisions) {
        if (r >= 0 && m_data.topologicalIndex.at(r) >= floor)
            stack.append(r);
    }
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        if (r == revision)
            return true;
        if (seen.contains(r))
            continue;
        seen.insert(r);
        for (int d : m_data.revisions.at(r).normalizedDown) {
            if (m_data.topologicalIndex.at(d) >= floor)
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
    if (m_data.unknownDependencies.isEmpty())
        return {};
    QList<char> isInvolved(size(), 0);
    for (int r : involved) {
        if (r >= 0)
            isInvolved[r] = 1;
    }
    for (int r : m_data.unknownDependencies) {
        if (isInvolved[r]) {
            return Tr::tr("Revision %1 takes part in this, but its %2 could not be worked out, so its dependencies "
                          "are unknown. Write the value out literally, or let the project's Python evaluate "
                          "it (Evaluate with Python in the window, --evaluate in retort-cli).")
                .arg(m_data.revisions.at(r).id, m_data.revisions.at(r).unknownDependencies);
        }
    }
    return {};
}

QString RevisionMap::errorMessage(const RevisionError &error, const CommandContext &context) const
{
    QString message = commandMessage(error, context);
    if (error.kind == RevisionError::Kind::Resolution && !m_data.unknownLabels.isEmpty()) {
        const Revision &owner = m_data.revisions.at(m_data.unknownLabels.first());
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
    return guarded<QList<int>>(*this, {}, [&] { return RevisionEngine(m_data).getRevisions(identifier); });
}

Result<int> RevisionMap::resolveRevision(const QString &identifier) const
{
    return guarded<int>(*this, {}, [&] { return RevisionEngine(m_data).getRevision(identifier); });
}

Result<QList<int>> RevisionMap::history(const QString &base, const QString &head) const
{
    const QString lower = base.isEmpty() ? u"base"_s : base;
    const QString upper = head.isEmpty() ? u"heads"_s : head;
    CommandContext context;
    context.start = lower;
    context.end = upper;
    return guarded<QList<int>>(*this, context, [&] { return RevisionEngine(m_data).walkRevisions(lower, upper); });
}

Result<QList<int>> RevisionMap::upgradeRevisions(const QString &target, const QStringList &current) const
{
    CommandContext context;
    context.ancestorTemplate = u"Destination %(end)s is not a valid upgrade target from current head(s)"_s;
    context.end = target;
    return guarded<QList<int>>(*this, context, [&] { return RevisionEngine(m_data).upgradeRevs(target, current); });
}

Result<QList<int>> RevisionMap::downgradeRevisions(const QString &target, const QStringList &current) const
{
    CommandContext context;
    context.ancestorTemplate = u"Destination %(end)s is not a valid downgrade target from current head(s)"_s;
    context.end = target;
    return guarded<QList<int>>(*this, context, [&] { return RevisionEngine(m_data).downgradeRevs(target, current); });
}

Result<QList<int>> RevisionMap::allCurrent(const QStringList &rows) const
{
    return guarded<QList<int>>(*this, {}, [&] { return RevisionEngine(m_data).allCurrent(rows); });
}
