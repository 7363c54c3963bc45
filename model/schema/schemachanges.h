// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"
#include "schema/schemadiff.h"
#include "schema/schemareplay.h"

#include <QList>
#include <QStringList>

class RevisionMap;
struct ProjectConfig;
struct RevisionScript;

/// What the migrations change in the schema between two points of the history, as diff lines read
/// forwards: "+ table users" (added), "- index ix_users_name" (removed), "~ column users.name: type
/// VARCHAR(50) → VARCHAR(80)" (changed), and the statements the replay could not follow on the way.
struct SchemaChanges
{
    QList<SchemaDifference> changes; ///< Unexpected = added, Missing = removed, Changed: expected = before
    QList<ReplayNote> notes;
};

/// From the schema at rows @p from (empty: the empty database) to the schema at rows @p to.
Result<SchemaChanges> schemaChanges(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect,
                                    const QStringList &from, const QStringList &to);
/// What revision @p revision (a map index) changes on top of its down revisions and dependencies.
Result<SchemaChanges> revisionChanges(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect,
                                      int revision);

/// The dialect the migrations are replayed for when no database says it: the config's
/// `sqlalchemy.url`'s, else PostgreSQL's (the most common target of Alembic projects).
SqlDialect defaultReplayDialect(const ProjectConfig &config);
