// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schemacommands.h"

#include "cliarguments.h"
#include "cliformats/stablejson.h"
#include "databasetarget.h"
#include "history/revisionformatter.h"
#include "history/revisionmap.h"
#include "printabletext.h"
#include "project/project.h"
#include "runner/alembicinvocation.h"
#include "schema/modelcomparison.h"
#include "schema/schemachanges.h"
#include "schema/schemadrift.h"
#include "schema/schemainspector.h"
#include "schema/schemamatch.h"
#include "schema/schemareport.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SchemaCommands {

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaCommands)
};

constexpr int Success = 0;
constexpr int Failure = 1;
constexpr int Differs = 1;
constexpr int Trouble = 2;

struct LiveSchema
{
    OpenedDatabase db;
    Schema schema;
};

std::optional<LiveSchema> inspect(const CliArguments &args, const Project &project, QTextStream &err)
{
    std::optional<OpenedDatabase> db = openAndRead(args, project, DatabaseAccess::Read, err);
    if (!db)
        return std::nullopt;
    Result<Schema> schema = SchemaInspector::inspect(*db->connection, db->target.table);
    if (!schema) {
        printFailure(err, schema.error());
        return std::nullopt;
    }
    return LiveSchema{std::move(*db), std::move(schema.value())};
}

QString columnLine(const SchemaColumn &c)
{
    QString line = c.name + u' ' + c.type.text();
    if (!c.nullable)
        line += u" NOT NULL"_s;
    if (!c.serverDefault.isEmpty())
        line += u" DEFAULT "_s + c.serverDefault;
    if (c.autoincrement)
        line += u" AUTOINCREMENT"_s;
    return line;
}

QString named(const QString &name)
{
    return name.isEmpty() ? QString() : name + u' ';
}

void printTable(QTextStream &out, const SchemaTable &table)
{
    out << table.qualifiedName() << '\n';
    for (const SchemaColumn &c : table.columns)
        out << "  " << columnLine(c) << '\n';
    if (!table.primaryKey.columns.isEmpty())
        out << "  PRIMARY KEY " << named(table.primaryKey.name) << '(' << table.primaryKey.columns.join(u", "_s)
            << ")\n";
    for (const SchemaUniqueConstraint &u : table.uniqueConstraints)
        out << "  UNIQUE " << named(u.name) << '(' << u.columns.join(u", "_s) << ")\n";
    for (const SchemaIndex &i : table.indexes) {
        out << "  " << (i.unique ? "UNIQUE INDEX " : "INDEX ") << i.name << " (" << i.columns.join(u", "_s) << ')';
        if (!i.where.isEmpty())
            out << " WHERE " << i.where;
        out << '\n';
    }
    for (const SchemaCheckConstraint &c : table.checkConstraints)
        out << "  CHECK " << named(c.name) << '(' << c.sqlText << ")\n";
    for (const SchemaForeignKey &fk : table.foreignKeys) {
        out << "  FOREIGN KEY " << named(fk.name) << '(' << fk.columns.join(u", "_s) << ") REFERENCES "
            << (fk.referredSchema.isEmpty() ? QString() : fk.referredSchema + u'.') << fk.referredTable << " ("
            << fk.referredColumns.join(u", "_s) << ')';
        if (!fk.onDelete.isEmpty())
            out << " ON DELETE " << fk.onDelete;
        if (!fk.onUpdate.isEmpty())
            out << " ON UPDATE " << fk.onUpdate;
        out << '\n';
    }
}

/// --dialect, else the config's sqlalchemy.url's, else PostgreSQL's; nullopt (printed) for an unknown name.
std::optional<SqlDialect> changesDialect(const CliArguments &args, const Project &project, QTextStream &err)
{
    if (!args.dialect.isEmpty()) {
        const std::optional<SqlDialect> named = SqlDialect::fromSqlAlchemy(args.dialect);
        if (!named)
            printFailure(err, Tr::tr("Unknown dialect '%1': use sqlite, postgresql or mysql.").arg(args.dialect));
        return named;
    }
    return defaultReplayDialect(project.config());
}

} // namespace

int changes(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const RevisionMap &map = project.map();
    if (args.positional.size() != 1)
        return printFailure(err, Tr::tr("changes needs one revision, or a range START:END."));
    if (!map.isConsistent())
        return printFailure(err, Tr::tr("The history has errors (see retort-cli check); the schemas cannot be "
                                        "worked out."));
    const std::optional<SqlDialect> dialect = changesDialect(args, project, err);
    if (!dialect)
        return Failure;
    const QString spec = args.positional.first();
    const auto resolve = [&](const QString &identifier) -> Result<QStringList> {
        if (identifier.isEmpty() || identifier == u"base")
            return QStringList();
        const Result<QList<int>> revisions = map.resolveRevisions(identifier);
        if (!revisions)
            return Result<QStringList>::failure(revisions.error());
        return map.ids(revisions.value());
    };
    Result<SchemaChanges> result = Result<SchemaChanges>::failure(QString());
    QString heading;
    if (spec.contains(u':')) {
        const Result<QStringList> from = resolve(spec.section(u':', 0, 0));
        const Result<QStringList> to = resolve(spec.section(u':', 1));
        if (!from || !to)
            return printFailure(err, from ? to.error() : from.error());
        result = schemaChanges(map, project.scripts(), *dialect, *from, *to);
        heading = Tr::tr("Schema changes from %1 to %2 (%3):")
                      .arg(from->isEmpty() ? u"base"_s : from->join(u", "_s),
                           to->isEmpty() ? u"base"_s : to->join(u", "_s), dialect->displayName());
    } else {
        const Result<int> revision = map.resolveRevision(spec);
        if (!revision)
            return printFailure(err, revision.error());
        if (revision.value() < 0)
            return printFailure(err, Tr::tr("'%1' is not one revision.").arg(spec));
        result = revisionChanges(map, project.scripts(), *dialect, revision.value());
        heading = Tr::tr("Schema changes of %1 (%2):").arg(map.revision(revision.value()).id, dialect->displayName());
    }
    if (!result)
        return printFailure(err, result.error());
    if (args.json) {
        out << StableJson::toText(
            StableJson::schemaChanges(result->changes, result->notes, spec, dialect->displayName()));
        return Success;
    }
    out << heading << '\n';
    if (result->changes.isEmpty())
        out << "  " << Tr::tr("no schema changes") << '\n';
    out << SchemaReport::differences(result->changes) << SchemaReport::notes(result->notes);
    return Success;
}

int schema(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const std::optional<LiveSchema> live = inspect(args, project, err);
    if (!live)
        return Failure;
    const QString url = live->db.connection->displayUrl();
    if (args.json) {
        out << StableJson::toText(StableJson::schema(live->schema, url));
        return Success;
    }
    out << Tr::tr("Schema of %1 (%2): %n table(s)", nullptr, int(live->schema.tables.size()))
               .arg(url, live->schema.dialect.displayName())
        << '\n';
    for (const SchemaTable &table : live->schema.tables) {
        out << '\n';
        printTable(out, table);
    }
    for (const SchemaEnum &e : live->schema.enums)
        out << '\n' << "ENUM " << e.name << " (" << e.values.join(u", "_s) << ")\n";
    for (const QString &view : live->schema.views)
        out << '\n' << "VIEW " << view << '\n';
    return Success;
}

namespace {

/// `diff --against models`: alembic's own autogenerate comparison, run in the project's Python.
int diffModels(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const ProjectConfig &config = project.config();
    if (config.iniFile.isEmpty()) {
        printFailure(err, Tr::tr("Comparing with the models runs the project's env.py through alembic, which needs "
                                 "its alembic.ini, and this project was opened without one; open it with -c "
                                 "path/to/alembic.ini."));
        return Trouble;
    }
    // Native first: an unreachable database or a missing SQLite file (which connecting would create) is
    // told in the words of every other command, before Python starts.
    const std::optional<OpenedDatabase> db = openAndRead(args, project, DatabaseAccess::Read, err);
    if (!db)
        return Trouble;
    AlembicInvocation invocation = AlembicInvocation::forProject(config, {u"check"_s});
    if (!args.python.isEmpty())
        invocation.python = args.python;
    invocation.xArguments = args.xArguments;
    invocation.url = db->target.fromConfig ? QString() : db->target.url;
    for (const QString &variable : db->target.variables) {
        if (variable.contains(u'='))
            invocation.variables.append(variable);
        else if (qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            invocation.variables.append(variable + u'=' + qEnvironmentVariable(variable.toLocal8Bit().constData()));
    }
    if (!invocation.startProblem(QProcessEnvironment::systemEnvironment()).isEmpty()) {
        printFailure(err, Tr::tr("This is a Flask-Migrate project (its env.py uses Flask's current_app), so its models "
                                 "are compared inside the Flask app, and FLASK_APP does not say which app that is: "
                                 "export FLASK_APP=module:app (or FLASK_APP=module), or add it to the environment's "
                                 "variables."));
        return Trouble;
    }
    const ModelComparison result = ModelComparison::runChecked(invocation);
    if (!result.compared()) {
        if (args.verbose && !result.log.isEmpty())
            err << printableText(result.log) << Qt::endl;
        QString message = result.error;
        if (result.status == ModelComparison::Status::NotUpToDate)
            message += u' ' + Tr::tr("(retort-cli upgrade heads, or retort-cli diff --against stamped)");
        printFailure(err, message);
        return Trouble;
    }
    const QString url = db->connection->displayUrl();
    if (args.json) {
        out << StableJson::toText(StableJson::modelsDiff(result, url));
        return result.isEmpty() ? Success : Differs;
    }
    out << SchemaReport::modelsDiff(url, result);
    return result.isEmpty() ? Success : Differs;
}

} // namespace

int diff(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const QString against = args.against.isEmpty() ? u"stamped"_s : args.against;
    if (against == u"models")
        return diffModels(args, project, out, err);
    const RevisionMap &map = project.map();
    if (!map.isConsistent()) {
        printFailure(err, Tr::tr("The history has errors (see retort-cli check); the expected schema cannot be "
                                 "worked out."));
        return Trouble;
    }
    const std::optional<LiveSchema> live = inspect(args, project, err);
    if (!live)
        return Trouble;
    QStringList rows;
    if (against == u"stamped") {
        rows = live->db.rows.rows;
    } else {
        const Result<QList<int>> revisions = map.resolveRevisions(against);
        if (!revisions) {
            printFailure(err, revisions.error());
            return Trouble;
        }
        rows = map.ids(revisions.value());
    }
    const SchemaDrift drift = SchemaDrift::compute(live->schema, rows, map, project.scripts());
    if (!drift.compared()) {
        printFailure(err, drift.error);
        return Trouble;
    }
    const QString url = live->db.connection->displayUrl();
    if (args.json) {
        out << StableJson::toText(StableJson::schemaDiff(drift, url, against));
        return drift.differences.isEmpty() ? Success : Differs;
    }
    out << SchemaReport::diff(url, rows, drift.differences, drift.notes);
    return drift.differences.isEmpty() ? Success : Differs;
}

int match(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const RevisionMap &map = project.map();
    if (!map.isConsistent())
        return printFailure(err, Tr::tr("The history has errors (see retort-cli check); the expected schemas cannot "
                                        "be worked out."));
    const std::optional<LiveSchema> live = inspect(args, project, err);
    if (!live)
        return Failure;
    const QStringList rows = live->db.rows.rows;
    const QList<SchemaMatch> matches = rankRevisions(live->schema, map, project.scripts(), rows);
    const QString url = live->db.connection->displayUrl();
    if (args.json) {
        out << StableJson::toText(StableJson::schemaMatches(matches, url, rows));
        return Success;
    }
    const auto name = [&](const SchemaMatch &m) {
        if (m.revision >= 0)
            return RevisionFormatter::commandFormat(project, m.revision, false, {});
        return m.rows.isEmpty() ? Tr::tr("<base> (empty schema)") : m.rows.join(u", "_s);
    };
    out << Tr::tr("Revisions closest to the schema of %1 (stamped: %2):")
               .arg(url, rows.isEmpty() ? Tr::tr("nothing") : rows.join(u", "_s))
        << '\n';
    const qsizetype shown = args.verbose ? matches.size() : qMin<qsizetype>(matches.size(), 10);
    for (qsizetype i = 0; i < shown; ++i) {
        const SchemaMatch &m = matches.at(i);
        QString verdict = m.distance == 0 ? Tr::tr("same schema")
                                          : Tr::tr("%n difference(s)", nullptr, m.differences) +
                                                Tr::tr(", distance %1").arg(m.distance);
        if (m.approximate)
            verdict += Tr::tr(", approximate");
        if (m.stamped)
            verdict += Tr::tr(", stamped now");
        out << "  " << (i + 1) << ". " << name(m) << "  [" << verdict << "]\n";
    }
    if (shown < matches.size())
        out << "  " << Tr::tr("… %n more (-v shows all)", nullptr, int(matches.size() - shown)) << '\n';
    if (matches.isEmpty())
        return Success;
    const SchemaMatch &best = matches.first();
    const QString bestRows = best.rows.isEmpty() ? u"base"_s : best.rows.join(u' ');
    out << '\n';
    if (best.distance != 0) {
        out << Tr::tr("No revision gives exactly this schema; `retort-cli diff --against %1` shows what differs.")
                   .arg(best.revision >= 0 ? bestRows : u"stamped"_s)
            << '\n';
    } else if (best.stamped) {
        out << Tr::tr("The database matches its stamped revisions.") << '\n';
    } else {
        const QStringList heads = map.ids(map.heads());
        const bool atHeads =
            std::all_of(best.rows.cbegin(), best.rows.cend(), [&](const QString &row) { return heads.contains(row); });
        const bool allHeads = atHeads && best.rows.size() == heads.size() && heads.size() > 1;
        out << Tr::tr("To record where the database really is: retort-cli stamp --purge %1")
                   .arg(allHeads ? u"heads"_s : bestRows)
            << '\n';
        if (!atHeads || best.rows.isEmpty())
            out << Tr::tr("then bring it up to date: retort-cli upgrade heads") << '\n';
    }
    return Success;
}

} // namespace SchemaCommands
