// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schema.h"

#include <QList>
#include <QStringList>

class RevisionMap;
struct RevisionScript;

/// How close the expected schema at some version rows is to a live one.
struct SchemaMatch
{
    QStringList rows;         ///< the version rows this candidate stands for; empty: the empty schema (base)
    int revision = -1;        ///< into RevisionMap::revisions() when the rows are one revision, else -1
    int distance = 0;         ///< SchemaDiff::distance(); 0: the same schema
    int differences = 0;      ///< how many
    bool approximate = false; ///< the replay up to there met statements it could not follow
    bool stamped = false;     ///< the rows the database has now
};

/// "Which revision does this database match?": the expected schema at every revision, at the empty
/// base, at all heads together and at the database's own @p stampedRows, each compared with the
/// live one, closest first. Among equally close ones: exact replays first, then the stamped rows
/// (nothing to do), then older revisions before newer: stamping the oldest leaves a later revision
/// that changes no schema (a data migration) to run on the next upgrade instead of skipping it.
QList<SchemaMatch> rankRevisions(const Schema &live, const RevisionMap &map, const QList<RevisionScript> &scripts,
                                 const QStringList &stampedRows = {});
