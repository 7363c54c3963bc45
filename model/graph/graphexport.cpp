// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphexport.h"
#include "project/project.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphExport)
};

} // namespace

namespace GraphExport {

static QString dotQuoted(QString text)
{
    text.replace(u'\\', u"\\\\"_s);
    text.replace(u'"', u"\\\""_s);
    text.replace(u'\n', u"\\n"_s);
    return u'"' + text + u'"';
}

/// A note per environment, tied to the revisions its rows name by dotted lines (rankdir=BT puts the
/// note above them, where the window draws its pin); rows naming nothing are listed in the note.
static QString environmentNotes(const RevisionMap &map, const QList<EnvironmentRows> &environments)
{
    QString out;
    for (const EnvironmentRows &environment : environments) {
        const QString node = dotQuoted(u"environment:"_s + environment.name);
        const QString color = environment.color.isEmpty() ? u"gray40"_s : environment.color;
        QString label = environment.drift.isEmpty() ? environment.name : environment.name + u" \u2260"_s;
        QStringList known;
        for (const QString &row : environment.rows.rows) {
            const int revision = map.indexOf(row);
            if (revision >= 0 && !map.revision(revision).isGhost)
                known.append(row);
            else
                label += u'\n' + Tr::tr("unknown row %1").arg(row);
        }
        if (!environment.rows.tableExists)
            label += u'\n' + Tr::tr("no %1 table").arg(environment.table.displayName());
        else if (environment.rows.rows.isEmpty())
            label += u'\n' + Tr::tr("no version rows");
        out += u"    "_s + node + u" [shape=note, style=filled, fillcolor="_s + dotQuoted(color) +
               u", fontcolor=white, label="_s + dotQuoted(label) + u"];\n"_s;
        for (const QString &row : std::as_const(known)) {
            out += u"    "_s + dotQuoted(row) + u" -> "_s + node + u" [style=dotted, arrowhead=none, color="_s +
                   dotQuoted(color) + u"];\n"_s;
        }
    }
    return out;
}

QByteArray toDot(const Project &project, const QList<EnvironmentRows> &environments)
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
    out += environmentNotes(map, environments);
    out += u"}\n"_s;
    return out.toUtf8();
}

} // namespace GraphExport
