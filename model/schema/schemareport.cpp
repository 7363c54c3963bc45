// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemareport.h"

#include "project/project.h"
#include "schema/modelcomparison.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace SchemaReport {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaReport)
};

} // namespace

QString differences(const QList<SchemaDifference> &differences)
{
    QString text;
    QString table = u"\n"_s; // never a table name
    for (const SchemaDifference &d : differences) {
        if (d.table != table) {
            table = d.table;
            text += u'\n' + (table.isEmpty() ? Tr::tr("(schema)") : table) + u'\n';
        }
        text += u"  "_s + d.text() + u'\n';
    }
    return text;
}

QString count(const QList<SchemaDifference> &differences)
{
    return differences.isEmpty() ? Tr::tr("No differences.")
                                 : Tr::tr("%n difference(s).", nullptr, int(differences.size()));
}

QString notes(const QList<ReplayNote> &notes)
{
    if (notes.isEmpty())
        return {};
    QString text = Tr::tr("Approximate: %n statement(s) of the migrations could not be followed; the expected schema "
                          "after them may be wrong:",
                          nullptr, int(notes.size())) +
                   u'\n';
    for (const ReplayNote &note : notes) {
        text += u"  %1:%2 (%3): %4\n    %5\n"_s.arg(note.file).arg(note.line).arg(note.revision, note.statement,
                                                                                  note.reason);
    }
    return text;
}

QString expectedAt(const QStringList &rows)
{
    return rows.isEmpty() ? Tr::tr("before any revision (empty)") : rows.join(u", "_s);
}

QString diff(const QString &url, const QStringList &expectedRows, const QList<SchemaDifference> &list,
             const QList<ReplayNote> &replayNotes)
{
    return Tr::tr("%1 compared with the schema the migrations give at %2").arg(url, expectedAt(expectedRows)) + u'\n' +
           differences(list) + u'\n' + count(list) + u'\n' + notes(replayNotes);
}

QString driftLine(const SchemaDrift &drift)
{
    QString line = drift.differences.isEmpty()
                       ? Tr::tr("schema as migrated")
                       : Tr::tr("schema drift: %n difference(s)", nullptr, int(drift.differences.size()));
    if (drift.approximate())
        line += Tr::tr(" (approximate)");
    return line;
}

QString driftDetail(const QString &environment, const SchemaDrift &drift, int maxLines)
{
    if (drift.differences.isEmpty())
        return Tr::tr("The schema of %1 is the one the migrations give at %2.")
            .arg(environment, expectedAt(drift.rows));
    return Tr::tr("The schema of %1 differs from the one the migrations give at %2:")
               .arg(environment, expectedAt(drift.rows)) +
           u'\n' + changeLines(drift.differences, maxLines).join(u'\n');
}

QString modelsDiff(const QString &url, const ModelComparison &comparison)
{
    return Tr::tr("%1 (at %2) compared with the models of env.py's target_metadata, by alembic %3 in %4")
               .arg(url,
                    comparison.currentRows.isEmpty() ? Tr::tr("no revision") : comparison.currentRows.join(u", "_s),
                    comparison.alembicVersion, QDir::toNativeSeparators(comparison.python)) +
           u'\n' + differences(comparison.differences) + u'\n' + count(comparison.differences) + u'\n';
}

QStringList changeLines(const QList<SchemaDifference> &changes, int maxLines)
{
    QStringList lines;
    for (const SchemaDifference &change : changes.first(qMin(qsizetype(maxLines), changes.size())))
        lines.append(change.text());
    if (changes.size() > maxLines)
        lines.append(Tr::tr("… and %n more", nullptr, int(changes.size() - maxLines)));
    if (lines.isEmpty())
        lines.append(Tr::tr("no schema changes"));
    return lines;
}

std::optional<SchemaChanges> changesForDisplay(const Project &project, int revision, int maxRevisions)
{
    const RevisionMap &map = project.map();
    if (!map.isConsistent() || map.size() > maxRevisions || revision < 0 || revision >= map.size())
        return std::nullopt;
    Result<SchemaChanges> changes =
        revisionChanges(map, project.scripts(), defaultReplayDialect(project.config()), revision);
    if (!changes)
        return std::nullopt;
    return std::move(changes.value());
}

} // namespace SchemaReport
