// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphexport.h"
#include "project/project.h"

using namespace Qt::StringLiterals;

namespace GraphExport {

static QString dotQuoted(QString text)
{
    text.replace(u'\\', u"\\\\"_s);
    text.replace(u'"', u"\\\""_s);
    text.replace(u'\n', u"\\n"_s);
    return u'"' + text + u'"';
}

QByteArray toDot(const Project &project)
{
    const RevisionMap &map = project.map();
    QString out = u"digraph revisions {\n    rankdir=BT;\n    node [shape=box, style=rounded, fontname=\"sans\"];\n"_s;
    for (int i = 0; i < map.size(); ++i) {
        const Revision &rev = map.revision(i);
        QString label = rev.id.left(12);
        if (!rev.branchLabels.isEmpty())
            label += u" ("_s + rev.branchLabels.join(u", "_s) + u')';
        if (!rev.doc.isEmpty())
            label += u'\n' + rev.doc.section(u'\n', 0, 0).left(60);
        QString attributes = u"label="_s + dotQuoted(label);
        if (rev.isGhost)
            attributes += u", style=\"rounded,dotted\", fontcolor=gray40"_s;
        else if (rev.isRealHead())
            attributes += u", penwidth=2"_s;
        out += u"    "_s + dotQuoted(rev.id) + u" ["_s + attributes + u"];\n"_s;
    }
    for (int i = 0; i < map.size(); ++i) {
        const Revision &rev = map.revision(i);
        for (int d : rev.down)
            out += u"    "_s + dotQuoted(map.revision(d).id) + u" -> "_s + dotQuoted(rev.id) + u";\n"_s;
        for (int d : rev.resolvedDependencies) {
            out += u"    "_s + dotQuoted(map.revision(d).id) + u" -> "_s + dotQuoted(rev.id) + u" [style=dashed];\n"_s;
        }
    }
    out += u"}\n"_s;
    return out.toUtf8();
}

} // namespace GraphExport
