// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schema.h"

#include <QList>

class RevisionMap;
struct RevisionScript;

/// How close one revision's expected schema is to a live one.
struct SchemaMatch
{
    int revision = -1;        ///< into RevisionMap::revisions(); -1: the empty schema before every base
    int distance = 0;         ///< SchemaDiff::distance(); 0: the same schema
    int differences = 0;      ///< how many
    bool approximate = false; ///< the replay up to there met statements it could not follow
};

/// "Which revision does this database match?": every revision's expected schema compared with the
/// live one, closest first. Among equally close ones, exact replays come first, then older
/// revisions (parents before children): stamping the oldest leaves a later revision that changes
/// no schema (a data migration) to run on the next upgrade instead of skipping it.
QList<SchemaMatch> rankRevisions(const Schema &live, const RevisionMap &map, const QList<RevisionScript> &scripts);
