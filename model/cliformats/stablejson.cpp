// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "cliformats/stablejson.h"

#include "database/environmentstatus.h"
#include "database/environmentsummary.h"
#include "database/versiontable.h"
#include "graph/graphexport.h"
#include "history/migrationplanner.h"
#include "history/planpreview.h"
#include "history/revisionmap.h"
#include "project/project.h"
#include "schema/modelcomparison.h"
#include "schema/schema.h"
#include "schema/schemadrift.h"
#include "schema/schemamatch.h"
#include "schema/schemareplay.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace StableJson {

QByteArray toText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QJsonObject revision(const Project &project, int index)
{
    const RevisionMap &map = project.map();
    const Revision &rev = map.revision(index);
    const RevisionScript *script = project.script(index);
    QJsonObject o;
    o[u"revision"_s] = rev.id;
    o[u"down_revisions"_s] = QJsonArray::fromStringList(rev.declaredDownRevisions);
    o[u"depends_on"_s] = QJsonArray::fromStringList(rev.declaredDependencies);
    o[u"branch_labels"_s] = QJsonArray::fromStringList(rev.branchLabels);
    o[u"declared_branch_labels"_s] = QJsonArray::fromStringList(rev.declaredBranchLabels);
    o[u"children"_s] = QJsonArray::fromStringList(map.ids(rev.nextRevisions));
    o[u"dependents"_s] = [&] {
        QList<int> dependents;
        for (int c : rev.allNextRevisions) {
            if (!rev.nextRevisions.contains(c))
                dependents.append(c);
        }
        return QJsonArray::fromStringList(map.ids(dependents));
    }();
    o[u"is_head"_s] = rev.isRealHead();
    o[u"is_effective_head"_s] = rev.isHead() && !rev.isRealHead();
    o[u"is_base"_s] = rev.isBase() && !rev.isGhost;
    o[u"is_branch_point"_s] = rev.isBranchPoint();
    o[u"is_merge_point"_s] = rev.isMergePoint();
    o[u"is_ghost"_s] = rev.isGhost;
    o[u"message"_s] = rev.doc;
    if (script) {
        o[u"path"_s] = script->path;
        o[u"create_date"_s] = script->createDate;
        QJsonArray computed;
        for (const ComputedHeader &header : script->computedHeaders) {
            static const char *const States[] = {"unknown", "constant", "evaluated"};
            QJsonObject h{{u"name"_s, header.name},
                          {u"expression"_s, header.expression},
                          {u"line"_s, header.line},
                          {u"state"_s, QString::fromLatin1(States[int(header.state)])},
                          {u"origin"_s, header.origin}};
            if (header.isKnown())
                h[u"values"_s] = QJsonArray::fromStringList(header.values);
            computed.append(h);
        }
        if (!computed.isEmpty())
            o[u"computed_headers"_s] = computed;
    }
    return o;
}

QJsonArray revisions(const Project &project, const QList<int> &revisions)
{
    QJsonArray array;
    for (int r : revisions) {
        if (r >= 0)
            array.append(revision(project, r));
    }
    return array;
}

QJsonObject heads(const Project &project, const QList<int> &heads)
{
    return {{u"heads"_s, revisions(project, heads)}};
}

QJsonObject history(const Project &project, const QList<int> &revisions)
{
    return {{u"revisions"_s, StableJson::revisions(project, revisions)}};
}

QJsonObject branchPoints(const Project &project, const QList<int> &branchPoints)
{
    return {{u"branch_points"_s, revisions(project, branchPoints)}};
}

QJsonObject show(const Project &project, const QList<int> &revisions)
{
    QJsonArray array;
    for (int r : revisions) {
        if (r < 0)
            continue;
        QJsonObject o = revision(project, r);
        if (const RevisionScript *script = project.script(r))
            o[u"docstring"_s] = script->longDoc;
        array.append(o);
    }
    return {{u"revisions"_s, array}};
}

QJsonObject plan(const MigrationPlan &plan)
{
    QJsonArray steps;
    for (const MigrationStep &step : plan.steps) {
        QJsonArray ops;
        for (const VersionTableOp &op : step.ops) {
            switch (op.kind) {
            case VersionTableOp::Kind::Insert:
                ops.append(QJsonObject{{u"op"_s, u"insert"_s}, {u"to"_s, op.to}});
                break;
            case VersionTableOp::Kind::Delete:
                ops.append(QJsonObject{{u"op"_s, u"delete"_s}, {u"from"_s, op.from}});
                break;
            case VersionTableOp::Kind::Update:
                ops.append(QJsonObject{{u"op"_s, u"update"_s}, {u"from"_s, op.from}, {u"to"_s, op.to}});
                break;
            }
        }
        QJsonObject s;
        s[u"direction"_s] = step.isUpgrade ? u"up"_s : u"down"_s;
        s[u"revision"_s] = step.isStamp ? QJsonValue() : QJsonValue(step.revision);
        s[u"stamp"_s] = step.isStamp;
        s[u"from"_s] = QJsonArray::fromStringList(step.from);
        s[u"to"_s] = QJsonArray::fromStringList(step.to);
        s[u"message"_s] = step.doc;
        s[u"ops"_s] = ops;
        s[u"rows_after"_s] = QJsonArray::fromStringList(step.rowsAfter);
        steps.append(s);
    }
    static const char *const kinds[] = {"upgrade", "downgrade", "stamp"};
    QJsonObject o;
    o[u"kind"_s] = QLatin1StringView(kinds[int(plan.kind)]);
    o[u"targets"_s] = QJsonArray::fromStringList(plan.targets);
    o[u"rows_before"_s] = QJsonArray::fromStringList(plan.rowsBefore);
    o[u"steps"_s] = steps;
    o[u"rows"_s] = QJsonArray::fromStringList(plan.rows);
    o[u"warnings"_s] = QJsonArray::fromStringList(plan.warnings);
    return o;
}

QJsonObject diagnostic(const Diagnostic &d)
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

static QJsonArray diagnostics(const Diagnostics &diagnostics)
{
    QJsonArray array;
    for (const Diagnostic &d : diagnostics)
        array.append(diagnostic(d));
    return array;
}

QJsonObject check(const Diagnostics &diagnostics, int revisionCount)
{
    const auto errors = std::ranges::count_if(diagnostics, &Diagnostic::isError);
    return {{u"diagnostics"_s, StableJson::diagnostics(diagnostics)},
            {u"errors"_s, int(errors)},
            {u"warnings"_s, int(diagnostics.size() - errors)},
            {u"revisions"_s, revisionCount}};
}

QJsonObject graph(const Project &project, const QList<GraphExport::EnvironmentRows> &environments)
{
    const RevisionMap &map = project.map();
    QJsonArray revisions;
    QJsonArray edges;
    for (int i = 0; i < map.size(); ++i) {
        revisions.append(revision(project, i));
        const Revision &rev = map.revision(i);
        for (int d : rev.down)
            edges.append(
                QJsonObject{{u"from"_s, rev.id}, {u"to"_s, map.revision(d).id}, {u"kind"_s, u"down_revision"_s}});
        for (int d : rev.resolvedDependencies) {
            edges.append(QJsonObject{{u"from"_s, rev.id}, {u"to"_s, map.revision(d).id}, {u"kind"_s, u"depends_on"_s}});
        }
    }
    QJsonObject o;
    o[u"revisions"_s] = revisions;
    o[u"edges"_s] = edges;
    o[u"heads"_s] = QJsonArray::fromStringList(map.ids(map.realHeads()));
    o[u"script_heads"_s] = QJsonArray::fromStringList(map.ids(map.heads()));
    o[u"bases"_s] = QJsonArray::fromStringList(map.ids(map.bases()));
    o[u"diagnostics"_s] = diagnostics(project.diagnostics());
    if (!environments.isEmpty()) {
        QJsonArray databases;
        for (const GraphExport::EnvironmentRows &environment : environments) {
            const EnvironmentStatus status =
                EnvironmentStatus::compute(map, environment.rows.rows, environment.rows.tableExists);
            databases.append(QJsonObject{{u"name"_s, environment.name},
                                         {u"color"_s, environment.color},
                                         {u"url"_s, environment.url},
                                         {u"version_table"_s, environment.table.displayName()},
                                         {u"table_exists"_s, environment.rows.tableExists},
                                         {u"rows"_s, QJsonArray::fromStringList(environment.rows.rows)},
                                         {u"unknown_rows"_s, QJsonArray::fromStringList(status.unknownRows)}});
        }
        o[u"environments"_s] = databases;
    }
    return o;
}

QJsonObject current(const Project &project, const QString &url, const VersionTableName &table, const VersionRows &rows,
                    const QList<int> &current)
{
    const EnvironmentStatus status = EnvironmentStatus::compute(project.map(), rows.rows, rows.tableExists);
    return {{u"url"_s, url},
            {u"version_table"_s, table.displayName()},
            {u"table_exists"_s, rows.tableExists},
            {u"rows"_s, QJsonArray::fromStringList(rows.rows)},
            {u"unknown_rows"_s, QJsonArray::fromStringList(status.unknownRows)},
            {u"current"_s, revisions(project, current)}};
}

QJsonObject status(const EnvironmentSummary &summary, const QStringList &pending, const QString &url,
                   const QString &environment)
{
    QJsonArray heads;
    for (const EnvironmentSummary::Head &head : summary.heads)
        heads.append(QJsonObject{{u"head"_s, head.id}, {u"pending"_s, head.pending}});
    return {{u"url"_s, url},
            {u"environment"_s, environment},
            {u"version_table"_s, summary.table.displayName()},
            {u"table_exists"_s, summary.rows.tableExists},
            {u"rows"_s, QJsonArray::fromStringList(summary.rows.rows)},
            {u"unknown_rows"_s, QJsonArray::fromStringList(summary.status.unknownRows)},
            {u"applied"_s, summary.status.appliedCount},
            {u"pending"_s, QJsonArray::fromStringList(pending)},
            {u"heads"_s, heads},
            {u"at_heads"_s, summary.atHeads}};
}

QJsonObject planWarning(const PlanWarning &warning)
{
    using Kind = PlanWarning::Kind;
    const auto kind = [&warning] {
        switch (warning.kind) {
        case Kind::ClaimsUnrun:
            return u"claims_unrun"_s;
        case Kind::WithdrawsApplied:
            return u"withdraws_applied"_s;
        case Kind::DropsUnknownRow:
            return u"drops_unknown_row"_s;
        case Kind::LosesData:
            return u"loses_data"_s;
        case Kind::NotNullWithoutDefault:
            return u"not_null_without_default"_s;
        case Kind::EmptyDowngrade:
            return u"empty_downgrade"_s;
        case Kind::RaisingDowngrade:
            return u"raising_downgrade"_s;
        case Kind::CannotBeUndone:
            return u"cannot_be_undone"_s;
        case Kind::PullsInDependencies:
            return u"pulls_in_dependencies"_s;
        case Kind::RevertsDependants:
            return u"reverts_dependants"_s;
        }
        return QString();
    };
    return {{u"kind"_s, kind()},
            {u"severity"_s, warning.severity == PlanWarning::Severity::Danger ? u"danger"_s : u"caution"_s},
            {u"revisions"_s, QJsonArray::fromStringList(warning.revisions)},
            {u"details"_s, QJsonArray::fromStringList(warning.details)},
            {u"text"_s, warning.sentence()}};
}

QJsonObject stamp(const PlanPreview &preview, const QStringList &sql, const QString &url, const QString &environment,
                  bool dryRun, const QString &createsDatabaseFile)
{
    QStringList rowsBefore = preview.plan.rowsBefore;
    rowsBefore.sort();
    return {{u"not_applied_but_stamped"_s, QJsonArray::fromStringList(preview.claimed)},
            {u"applied_but_unstamped"_s, QJsonArray::fromStringList(preview.withdrawn)},
            {u"url"_s, url},
            {u"environment"_s, environment},
            {u"rows_before"_s, QJsonArray::fromStringList(rowsBefore)},
            {u"rows_after"_s, QJsonArray::fromStringList(preview.plan.rows)},
            {u"sql"_s, QJsonArray::fromStringList(sql)},
            {u"dry_run"_s, dryRun},
            {u"creates_database_file"_s, createsDatabaseFile}};
}

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject tableObject(const SchemaTable &table)
{
    QJsonArray columns;
    for (const SchemaColumn &c : table.columns) {
        columns.append(QJsonObject{{u"name"_s, c.name},
                                   {u"type"_s, c.type.text()},
                                   {u"nullable"_s, c.nullable},
                                   {u"default"_s, textOrNull(c.serverDefault)},
                                   {u"autoincrement"_s, c.autoincrement},
                                   {u"comment"_s, textOrNull(c.comment)}});
    }
    QJsonArray indexes;
    for (const SchemaIndex &i : table.indexes) {
        indexes.append(QJsonObject{{u"name"_s, i.name},
                                   {u"columns"_s, QJsonArray::fromStringList(i.columns)},
                                   {u"unique"_s, i.unique},
                                   {u"expressions"_s, i.hasExpressions},
                                   {u"where"_s, textOrNull(i.where)}});
    }
    QJsonArray uniques;
    for (const SchemaUniqueConstraint &u : table.uniqueConstraints)
        uniques.append(
            QJsonObject{{u"name"_s, textOrNull(u.name)}, {u"columns"_s, QJsonArray::fromStringList(u.columns)}});
    QJsonArray checks;
    for (const SchemaCheckConstraint &c : table.checkConstraints)
        checks.append(QJsonObject{{u"name"_s, textOrNull(c.name)}, {u"condition"_s, c.sqlText}});
    QJsonArray foreignKeys;
    for (const SchemaForeignKey &fk : table.foreignKeys) {
        foreignKeys.append(QJsonObject{{u"name"_s, textOrNull(fk.name)},
                                       {u"columns"_s, QJsonArray::fromStringList(fk.columns)},
                                       {u"referred_schema"_s, textOrNull(fk.referredSchema)},
                                       {u"referred_table"_s, fk.referredTable},
                                       {u"referred_columns"_s, QJsonArray::fromStringList(fk.referredColumns)},
                                       {u"on_delete"_s, textOrNull(fk.onDelete)},
                                       {u"on_update"_s, textOrNull(fk.onUpdate)}});
    }
    QJsonValue primaryKey;
    if (!table.primaryKey.columns.isEmpty()) {
        primaryKey = QJsonObject{{u"name"_s, textOrNull(table.primaryKey.name)},
                                 {u"columns"_s, QJsonArray::fromStringList(table.primaryKey.columns)}};
    }
    return {
        {u"schema"_s, textOrNull(table.schema)}, {u"name"_s, table.name},         {u"columns"_s, columns},
        {u"primary_key"_s, primaryKey},          {u"indexes"_s, indexes},         {u"unique_constraints"_s, uniques},
        {u"check_constraints"_s, checks},        {u"foreign_keys"_s, foreignKeys}};
}

const char *changeCode(SchemaDifference::Change change)
{
    switch (change) {
    case SchemaDifference::Change::Missing:
        return "missing";
    case SchemaDifference::Change::Unexpected:
        return "unexpected";
    case SchemaDifference::Change::Changed:
        break;
    }
    return "changed";
}

const char *severityCode(SchemaDifference::Severity severity)
{
    switch (severity) {
    case SchemaDifference::Severity::Info:
        return "info";
    case SchemaDifference::Severity::Warning:
        return "warning";
    case SchemaDifference::Severity::Error:
        break;
    }
    return "error";
}

} // namespace

QJsonObject schema(const Schema &schema, const QString &url)
{
    QJsonArray tables;
    for (const SchemaTable &table : schema.tables)
        tables.append(tableObject(table));
    QJsonArray enums;
    for (const SchemaEnum &e : schema.enums) {
        enums.append(QJsonObject{{u"schema"_s, textOrNull(e.schema)},
                                 {u"name"_s, e.name},
                                 {u"values"_s, QJsonArray::fromStringList(e.values)}});
    }
    return {{u"url"_s, url},
            {u"dialect"_s, schema.dialect.displayName()},
            {u"tables"_s, tables},
            {u"enums"_s, enums},
            {u"views"_s, QJsonArray::fromStringList(schema.views)}};
}

QJsonObject replayNote(const ReplayNote &note)
{
    return {{u"revision"_s, note.revision},
            {u"file"_s, note.file},
            {u"line"_s, note.line},
            {u"statement"_s, note.statement},
            {u"reason"_s, note.reason}};
}

namespace {

QJsonArray differenceArray(const QList<SchemaDifference> &list)
{
    QJsonArray differences;
    for (const SchemaDifference &d : list) {
        differences.append(QJsonObject{{u"change"_s, QString::fromLatin1(changeCode(d.change))},
                                       {u"severity"_s, QString::fromLatin1(severityCode(d.severity))},
                                       {u"table"_s, textOrNull(d.table)},
                                       {u"object"_s, d.objectKind},
                                       {u"name"_s, textOrNull(d.objectName)},
                                       {u"property"_s, textOrNull(d.property)},
                                       {u"expected"_s, textOrNull(d.expected)},
                                       {u"actual"_s, textOrNull(d.actual)},
                                       {u"text"_s, d.text()}});
    }
    return differences;
}

QJsonArray noteArray(const QList<ReplayNote> &notes)
{
    QJsonArray array;
    for (const ReplayNote &note : notes)
        array.append(replayNote(note));
    return array;
}

} // namespace

QJsonObject schemaDiff(const SchemaDrift &drift, const QString &url, const QString &against)
{
    return {{u"url"_s, url},
            {u"against"_s, against},
            {u"expected_rows"_s, QJsonArray::fromStringList(drift.rows)},
            {u"differences"_s, differenceArray(drift.differences)},
            {u"distance"_s, drift.distance()},
            {u"approximate"_s, drift.approximate()},
            {u"notes"_s, noteArray(drift.notes)}};
}

QJsonObject schemaChanges(const QList<SchemaDifference> &changes, const QList<ReplayNote> &notes, const QString &spec,
                          const QString &dialect)
{
    return {{u"revisions"_s, spec},
            {u"dialect"_s, dialect},
            {u"changes"_s, differenceArray(changes)},
            {u"approximate"_s, !notes.isEmpty()},
            {u"notes"_s, noteArray(notes)}};
}

QJsonObject modelsDiff(const ModelComparison &comparison, const QString &url)
{
    return {{u"url"_s, url},
            {u"against"_s, u"models"_s},
            {u"expected_rows"_s, QJsonArray::fromStringList(comparison.heads)},
            {u"rows"_s, QJsonArray::fromStringList(comparison.currentRows)},
            {u"differences"_s, differenceArray(comparison.differences)},
            {u"distance"_s, comparison.distance()},
            {u"approximate"_s, false},
            {u"notes"_s, QJsonArray()},
            {u"python"_s, comparison.python},
            {u"alembic"_s, comparison.alembicVersion},
            {u"sqlalchemy"_s, comparison.sqlalchemyVersion}};
}

QJsonObject schemaMatches(const QList<SchemaMatch> &matches, const QString &url, const QStringList &rows)
{
    QJsonArray ranked;
    for (const SchemaMatch &m : matches) {
        ranked.append(QJsonObject{{u"revision"_s, m.revision < 0 ? QJsonValue() : QJsonValue(m.rows.first())},
                                  {u"rows"_s, QJsonArray::fromStringList(m.rows)},
                                  {u"distance"_s, m.distance},
                                  {u"differences"_s, m.differences},
                                  {u"exact"_s, m.distance == 0},
                                  {u"approximate"_s, m.approximate},
                                  {u"stamped"_s, m.stamped}});
    }
    return {{u"url"_s, url}, {u"rows"_s, QJsonArray::fromStringList(rows)}, {u"matches"_s, ranked}};
}

} // namespace StableJson
