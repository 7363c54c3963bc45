// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionformatter.h"

#include "project/project.h"
#include "python/pythonconversions.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionFormatter)
};

} // namespace

namespace RevisionFormatter {

static QString formatDownRevision(const Revision &rev)
{
    return rev.declaredDownRevisions.isEmpty() ? u"<base>"_s : rev.declaredDownRevisions.join(u", "_s);
}

QString line(const Project &project, int index, const LineOptions &options)
{
    const Revision &rev = project.map().revision(index);
    QString text = rev.id;
    if (options.includeParents) {
        if (!rev.declaredDependencies.isEmpty())
            text = u"%1 (%2) -> %3"_s.arg(formatDownRevision(rev), rev.declaredDependencies.join(u", "_s), text);
        else
            text = u"%1 -> %2"_s.arg(formatDownRevision(rev), text);
    }
    if (options.includeBranches && !rev.branchLabels.isEmpty())
        text += u" ("_s + rev.branchLabels.join(u", "_s) + u')';
    if (rev.isRealHead())
        text += u" (head)"_s;
    if (rev.isHead() && !rev.isRealHead())
        text += u" (effective head)"_s;
    if (options.current)
        text += u" (current)"_s;
    if (options.treeIndicators) {
        if (rev.isBranchPoint())
            text += u" (branchpoint)"_s;
        if (rev.isMergePoint())
            text += u" (mergepoint)"_s;
    }
    if (options.includeDoc)
        text += u", "_s + rev.doc;
    return text;
}

QString logEntry(const Project &project, int index, bool current)
{
    const RevisionMap &map = project.map();
    const Revision &rev = map.revision(index);
    const RevisionScript *script = project.script(index);
    QString entry = u"Rev: "_s + rev.id;
    if (rev.isHead())
        entry += u" (head)"_s;
    if (rev.isBranchPoint())
        entry += u" (branchpoint)"_s;
    if (rev.isMergePoint())
        entry += u" (mergepoint)"_s;
    if (current)
        entry += u" (current)"_s;
    entry += u'\n';
    entry += (rev.isMergePoint() ? u"Merges: "_s : u"Parent: "_s) + formatDownRevision(rev) + u'\n';
    if (!rev.declaredDependencies.isEmpty())
        entry += u"Also depends on: "_s + rev.declaredDependencies.join(u", "_s) + u'\n';
    if (rev.isBranchPoint())
        entry += u"Branches into: "_s + map.ids(rev.nextRevisions).join(u", "_s) + u'\n';
    if (!rev.branchLabels.isEmpty())
        entry += u"Branch names: "_s + rev.branchLabels.join(u", "_s) + u'\n';
    entry += u"Path: "_s + (script ? script->path : QString()) + u'\n';
    QStringList lines;
    if (script && !script->longDoc.isEmpty()) {
        for (const QString &l : pythonSplitLines(script->longDoc))
            lines.append(u"    "_s + l);
    }
    entry += u'\n' + lines.join(u'\n') + u'\n';
    return entry;
}

QString commandFormat(const Project &project, int revision, bool verbose, const LineOptions &options)
{
    return verbose ? logEntry(project, revision, options.current) : line(project, revision, options);
}

QJsonObject toJson(const Project &project, int index)
{
    const RevisionMap &map = project.map();
    const Revision &rev = map.revision(index);
    const RevisionScript *script = project.script(index);
    QJsonObject o;
    o[u"revision"_s] = rev.id;
    o[u"down_revisions"_s] = QJsonArray::fromStringList(rev.declaredDownRevisions);
    o[u"depends_on"_s] = QJsonArray::fromStringList(rev.declaredDependencies);
    o[u"branch_labels"_s] = QJsonArray::fromStringList(rev.branchLabels);
    o[u"declared_branch_labels"_s] = QJsonArray::fromStringList(rev.declaredBranchLabels);
    o[u"children"_s] = QJsonArray::fromStringList(map.ids(rev.nextRevisions));
    o[u"dependents"_s] = [&] {
        QList<int> dependents;
        for (int c : rev.allNextRevisions) {
            if (!rev.nextRevisions.contains(c))
                dependents.append(c);
        }
        return QJsonArray::fromStringList(map.ids(dependents));
    }();
    o[u"is_head"_s] = rev.isRealHead();
    o[u"is_effective_head"_s] = rev.isHead() && !rev.isRealHead();
    o[u"is_base"_s] = rev.isBase() && !rev.isGhost;
    o[u"is_branch_point"_s] = rev.isBranchPoint();
    o[u"is_merge_point"_s] = rev.isMergePoint();
    o[u"is_ghost"_s] = rev.isGhost;
    o[u"message"_s] = rev.doc;
    if (script) {
        o[u"path"_s] = script->path;
        o[u"create_date"_s] = script->createDate;
        QJsonArray computed;
        for (const ComputedHeader &header : script->computedHeaders) {
            static const char *const States[] = {"unknown", "constant", "evaluated"};
            QJsonObject h{{u"name"_s, header.name},
                          {u"expression"_s, header.expression},
                          {u"line"_s, header.line},
                          {u"state"_s, QString::fromLatin1(States[int(header.state)])},
                          {u"origin"_s, header.origin}};
            if (header.isKnown())
                h[u"values"_s] = QJsonArray::fromStringList(header.values);
            computed.append(h);
        }
        if (!computed.isEmpty())
            o[u"computed_headers"_s] = computed;
    }
    return o;
}

QString computedHeaders(const RevisionScript &script)
{
    QString text;
    for (const ComputedHeader &header : script.computedHeaders) {
        const QString where = Tr::tr("line %1").arg(header.line);
        switch (header.state) {
        case ComputedHeader::State::Unknown:
            text += Tr::tr("%1 = %2 (%3): unknown, %4\n").arg(header.name, header.expression, where, header.origin);
            break;
        case ComputedHeader::State::Constant:
            text += Tr::tr("%1 = %2 (%3): %4, from %5\n")
                        .arg(header.name, header.expression, where, header.values.join(u", "_s), header.origin);
            break;
        case ComputedHeader::State::Evaluated:
            text += Tr::tr("%1 = %2 (%3): %4, %5\n")
                        .arg(header.name, header.expression, where, header.values.join(u", "_s), header.origin);
            break;
        }
    }
    return text;
}

} // namespace RevisionFormatter
