// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schemachanges.h"
#include "schema/schemadiff.h"
#include "schema/schemadrift.h"
#include "schema/schemareplay.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Project;
struct ModelComparison;

/// The plain-text forms of schema differences, shared by `retort-cli` and the window's "Copy as Text".
namespace SchemaReport {

/// One line per difference, grouped under each table's name (a blank line before each group).
QString differences(const QList<SchemaDifference> &differences);
/// "No differences." or "3 differences."
QString count(const QList<SchemaDifference> &differences);
/// "Approximate: …" and one entry per note (file:line (revision): statement, then the reason); empty
/// when there are none.
QString notes(const QList<ReplayNote> &notes);
/// Where the expected schema was taken: the rows, or "before any revision (empty)".
QString expectedAt(const QStringList &rows);
/// What `retort-cli diff` prints: the heading, the differences, their count and the notes.
QString diff(const QString &url, const QStringList &expectedRows, const QList<SchemaDifference> &differences,
             const QList<ReplayNote> &notes);
/// A few words on a drift for a status line: "schema as migrated", "schema drift: 3 differences".
QString driftLine(const SchemaDrift &drift);
/// Whose schema differs from what the migrations give, how, at most @p maxLines differences.
QString driftDetail(const QString &environment, const SchemaDrift &drift, int maxLines);
/// What `retort-cli diff --against models` prints: the heading, the differences and their count.
QString modelsDiff(const QString &url, const ModelComparison &comparison);

/// What a revision changes, at most @p maxLines lines ("… and 3 more" after them), or "no schema
/// changes"; for the details pane and the graph's tooltips.
QStringList changeLines(const QList<SchemaDifference> &changes, int maxLines);
/// The replay's schema changes of map revision @p revision for the window, or nothing when the history
/// is too big to replay on each selection (over @p maxRevisions) or has errors.
std::optional<SchemaChanges> changesForDisplay(const Project &project, int revision, int maxRevisions = 5000);

} // namespace SchemaReport
