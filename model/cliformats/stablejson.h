// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class Project;
namespace GraphExport {
struct EnvironmentRows;
}
struct EnvironmentSummary;
struct ReplayNote;
struct Schema;
struct SchemaMatch;
struct SchemaDrift;
struct SchemaDifference;
struct ModelComparison;
struct MigrationPlan;
struct PlanPreview;
struct PlanWarning;
struct VersionRows;
struct VersionTableName;

/// retort-cli's stable JSON formats (README.md, "JSON output"), one function per shape, so that
/// every key lives in one place. Fields may be added, never renamed. Nothing in history/, graph/,
/// project/ or database/ uses this folder: it reads their value types, they do not know it.
namespace StableJson {

/// The text retort-cli prints: indented, keys sorted (QJsonObject keeps them so), UTF-8.
QByteArray toText(const QJsonObject &object);

/// A revision object: ids, parents, children, flags, message, path and computed headers.
QJsonObject revision(const Project &project, int revision);
/// Revision objects in the order given; sentinels (NoRevision, BaseSymbol) are left out.
QJsonArray revisions(const Project &project, const QList<int> &revisions);

/// `heads --json`: `{"heads": [revision…]}`.
QJsonObject heads(const Project &project, const QList<int> &heads);
/// `history --json`: `{"revisions": [revision…]}`.
QJsonObject history(const Project &project, const QList<int> &revisions);
/// `branches --json`: `{"branch_points": [revision…]}`.
QJsonObject branchPoints(const Project &project, const QList<int> &branchPoints);
/// `show --json`: `{"revisions": [revision + "docstring"…]}`.
QJsonObject show(const Project &project, const QList<int> &revisions);

/// `plan … --json`: kind, targets, rows before, steps with their version-table writes, rows, warnings.
QJsonObject plan(const MigrationPlan &plan);

/// One problem: severity, code, message, file, line, revision.
QJsonObject diagnostic(const Diagnostic &diagnostic);
/// `check --json`: the diagnostics and how many errors, warnings and revisions there are.
QJsonObject check(const Diagnostics &diagnostics, int revisionCount);

/// `graph --format json`: revisions, edges (`down_revision` / `depends_on`), heads, script heads,
/// bases and the project's diagnostics; with @p environments (`--env`, `--url`) also `environments`:
/// per database its name, colour, masked URL, version table and rows (those naming no revision also
/// in `unknown_rows`), in the order given.
QJsonObject graph(const Project &project, const QList<GraphExport::EnvironmentRows> &environments = {});

/// `current --json`: the database (@p url, masked), its version table and rows, and the revisions
/// @p current the rows stand for.
QJsonObject current(const Project &project, const QString &url, const VersionTableName &table, const VersionRows &rows,
                    const QList<int> &current);
/// `status --json`: @p summary, with @p pending in upgrade order.
QJsonObject status(const EnvironmentSummary &summary, const QStringList &pending, const QString &url,
                   const QString &environment);
/// One warning of a plan preview: its kind (snake_case), severity, revisions, details and sentence.
QJsonObject planWarning(const PlanWarning &warning);
/// `stamp --json`: the rows before and after, what the stamp claims or withdraws, and the @p sql it runs.
QJsonObject stamp(const PlanPreview &preview, const QStringList &sql, const QString &url, const QString &environment,
                  bool dryRun, const QString &createsDatabaseFile);

/// `schema --json`: tables with columns, keys, indexes, constraints; enums and views.
QJsonObject schema(const Schema &schema, const QString &url);
/// `diff --json`: what was compared, the differences (change, severity, table, object, property,
/// expected, actual, text) and the replay's notes; `approximate` when there are notes.
QJsonObject schemaDiff(const SchemaDrift &drift, const QString &url, const QString &against);
/// `changes --json`: what @p spec (a revision or START:END) changes, as `diff`'s differences read
/// forwards (unexpected = added, missing = removed), and the replay's notes.
QJsonObject schemaChanges(const QList<SchemaDifference> &changes, const QList<ReplayNote> &notes, const QString &spec,
                          const QString &dialect);
/// `diff --against models --json`: `diff`'s keys, with `expected_rows` the migrations' heads (the database
/// is at them), `rows` the database's, no notes, and the interpreter and alembic that compared.
QJsonObject modelsDiff(const ModelComparison &comparison, const QString &url);
/// One replay note: revision, file, line, statement, reason.
QJsonObject replayNote(const ReplayNote &note);
/// `match --json`: the candidates closest first, each with its version rows (empty: the empty schema
/// before the bases) and its revision (`null` unless the rows are one revision).
QJsonObject schemaMatches(const QList<SchemaMatch> &matches, const QString &url, const QStringList &rows);

} // namespace StableJson
