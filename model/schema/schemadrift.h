// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schemadiff.h"
#include "schema/schemareplay.h"

#include <QList>
#include <QString>
#include <QStringList>

class RevisionMap;
struct RevisionScript;

/// Drift: a live schema compared with the schema its migrations give at version rows (the rows the
/// database is stamped at, or any others). What `retort-cli diff`, the schema dialog and the
/// environment pins' drift badges all show.
struct SchemaDrift
{
    QStringList rows; ///< where the expected schema was taken; empty: the empty schema (base)
    /// Why there is no comparison: the rows name no revision, or the history cannot be replayed.
    QString error;
    QList<ReplayNote> notes; ///< statements the replay could not follow
    QList<SchemaDifference> differences;

    bool compared() const { return error.isEmpty(); }
    bool approximate() const { return !notes.isEmpty(); }
    int distance() const { return schemaDistance(differences); }

    /// @p live against the replay of @p map's migrations (@p scripts) up to @p rows, on @p live's dialect.
    static SchemaDrift compute(const Schema &live, const QStringList &rows, const RevisionMap &map,
                               const QList<RevisionScript> &scripts);
};
