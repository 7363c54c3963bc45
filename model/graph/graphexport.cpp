// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphexport.h"
#include "history/revisionformatter.h"
#include "project/project.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace GraphExport {

QJsonObject diagnosticToJson(const Diagnostic &d)
{
    QJsonObject o;
    o[u"severity"_s] = d.isError() ? u"error"_s : u"warning"_s;
    o[u"code"_s] = d.code;
    o[u"message"_s] = d.message;
    o[u"file"_s] = d.file;
    o[u"line"_s] = d.line;
    o[u"revision"_s] = d.revision;
    return o;
}

QJsonObject toJson(const Project &project)
{
    const RevisionMap &map = project.map();
    QJsonArray revisions;
    QJsonArray edges;
    for (int i = 0; i < map.size(); ++i) {
        revisions.append(RevisionFormatter::toJson(project, i));
        const Revision &rev = map.revision(i);
        for (int d : rev.down)
            edges.append(
                QJsonObject{{u"from"_s, rev.id}, {u"to"_s, map.revision(d).id}, {u"kind"_s, u"down_revision"_s}});
        for (int d : rev.resolvedDependencies) {
            edges.append(QJsonObject{{u"from"_s, rev.id}, {u"to"_s, map.revision(d).id}, {u"kind"_s, u"depends_on"_s}});
        }
    }
    QJsonArray diagnostics;
    for (const Diagnostic &d : project.diagnostics())
        diagnostics.append(diagnosticToJson(d));
    QJsonObject o;
    o[u"revisions"_s] = revisions;
    o[u"edges"_s] = edges;
    o[u"heads"_s] = QJsonArray::fromStringList(map.ids(map.realHeads()));
    o[u"script_heads"_s] = QJsonArray::fromStringList(map.ids(map.heads()));
    o[u"bases"_s] = QJsonArray::fromStringList(map.ids(map.bases()));
    o[u"diagnostics"_s] = diagnostics;
    return o;
}

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
