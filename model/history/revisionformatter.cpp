// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionformatter.h"

#include "project/project.h"
#include "python/pythonconversions.h"

#include <QCoreApplication>

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
