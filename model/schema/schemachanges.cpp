// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemachanges.h"

#include "database/databaseurl.h"
#include "history/revisionmap.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "schema/expectedschemas.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaChanges)
};

/// The notes @p after has that @p before does not (the replay only ever appends).
QList<ReplayNote> newNotes(const SchemaReplay &before, const SchemaReplay &after)
{
    QList<ReplayNote> notes;
    for (const ReplayNote &note : after.notes()) {
        const bool known = std::any_of(before.notes().cbegin(), before.notes().cend(), [&](const ReplayNote &old) {
            return old.revision == note.revision && old.line == note.line && old.reason == note.reason;
        });
        if (!known)
            notes.append(note);
    }
    return notes;
}

} // namespace

Result<SchemaChanges> schemaChanges(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect,
                                    const QStringList &from, const QStringList &to)
{
    const ExpectedSchemas expected(map, scripts, dialect);
    const Result<SchemaReplay> before = expected.at(from);
    if (!before)
        return Result<SchemaChanges>::failure(before.error());
    const Result<SchemaReplay> after = expected.at(to);
    if (!after)
        return Result<SchemaChanges>::failure(after.error());
    return SchemaChanges{SchemaDiff::compare(before->schema(), after->schema()).differences(),
                         newNotes(before.value(), after.value())};
}

Result<SchemaChanges> revisionChanges(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect,
                                      int revision)
{
    const Revision &r = map.revision(revision);
    if (r.scriptIndex < 0)
        return Result<SchemaChanges>::failure(Tr::tr("%1 has no file: its changes are unknown.").arg(r.id));
    const Result<SchemaReplay> before = ExpectedSchemas(map, scripts, dialect).at(map.ids(r.allDown));
    if (!before)
        return Result<SchemaChanges>::failure(before.error());
    SchemaReplay after = before.value();
    after.apply(scripts.at(r.scriptIndex));
    return SchemaChanges{SchemaDiff::compare(before->schema(), after.schema()).differences(),
                         newNotes(before.value(), after)};
}

SqlDialect defaultReplayDialect(const ProjectConfig &config)
{
    const Result<QString> url = configuredDatabaseUrl(config);
    if (url && !url->isEmpty()) {
        const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(*url);
        if (parsed && parsed->sqlDialect())
            return *parsed->sqlDialect();
    }
    return SqlDialect(SqlDialect::Kind::PostgreSQL);
}
