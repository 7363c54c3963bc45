// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schemacommands.h"

#include "cliarguments.h"
#include "cliformats/stablejson.h"
#include "databasetarget.h"
#include "history/revisionformatter.h"
#include "history/revisionmap.h"
#include "project/project.h"
#include "schema/expectedschemas.h"
#include "schema/schemadiff.h"
#include "schema/schemainspector.h"
#include "schema/schemamatch.h"

#include <QCoreApplication>
#include <QTextStream>

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

void printNotes(QTextStream &out, const QList<ReplayNote> &notes)
{
    if (notes.isEmpty())
        return;
    out << Tr::tr("Approximate: %n statement(s) of the migrations could not be followed; the expected schema after "
                  "them may be wrong:",
                  nullptr, int(notes.size()))
        << '\n';
    for (const ReplayNote &note : notes)
        out << "  " << note.file << ':' << note.line << " (" << note.revision << "): " << note.statement << "\n    "
            << note.reason << '\n';
}

} // namespace

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

int diff(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err)
{
    const QString against = args.against.isEmpty() ? u"stamped"_s : args.against;
    if (against == u"models") {
        printFailure(err, Tr::tr("--against models is not available yet: compare with the migrations (stamped or a "
                                 "revision) for now."));
        return Trouble;
    }
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
    const Result<SchemaReplay> expected = ExpectedSchemas(map, project.scripts(), live->schema.dialect).at(rows);
    if (!expected) {
        printFailure(err, expected.error());
        return Trouble;
    }
    const SchemaDiff result = SchemaDiff::compare(expected->schema(), live->schema);
    const QString url = live->db.connection->displayUrl();
    if (args.json) {
        out << StableJson::toText(StableJson::schemaDiff(result, expected->notes(), url, against, rows));
        return result.isEmpty() ? Success : Differs;
    }
    const QString where = rows.isEmpty() ? Tr::tr("before any revision (empty)") : rows.join(u", "_s);
    out << Tr::tr("%1 compared with the schema the migrations give at %2").arg(url, where) << '\n';
    QString table = u"\n"_s; // never a table name
    for (const SchemaDifference &d : result.differences()) {
        if (d.table != table) {
            table = d.table;
            out << '\n' << (table.isEmpty() ? Tr::tr("(schema)") : table) << '\n';
        }
        out << "  " << d.text() << '\n';
    }
    out << '\n'
        << (result.isEmpty() ? Tr::tr("No differences.")
                             : Tr::tr("%n difference(s).", nullptr, int(result.differences().size())))
        << '\n';
    printNotes(out, expected->notes());
    return result.isEmpty() ? Success : Differs;
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
    const QList<SchemaMatch> matches = rankRevisions(live->schema, map, project.scripts());
    const QString url = live->db.connection->displayUrl();
    const QStringList rows = live->db.rows.rows;
    if (args.json) {
        out << StableJson::toText(StableJson::schemaMatches(project, matches, url, rows));
        return Success;
    }
    const auto name = [&](int revision) {
        return revision < 0 ? Tr::tr("<base> (empty schema)")
                            : RevisionFormatter::commandFormat(project, revision, false, {});
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
        out << "  " << (i + 1) << ". " << name(m.revision) << "  [" << verdict << "]\n";
    }
    if (shown < matches.size())
        out << "  " << Tr::tr("… %n more (-v shows all)", nullptr, int(matches.size() - shown)) << '\n';
    if (matches.isEmpty())
        return Success;
    const SchemaMatch &best = matches.first();
    const QString bestId = best.revision < 0 ? u"base"_s : map.revision(best.revision).id;
    out << '\n';
    if (best.distance != 0) {
        out << Tr::tr("No revision gives exactly this schema; `retort-cli diff --against %1` shows what differs.")
                   .arg(bestId)
            << '\n';
    } else if (rows == QStringList{bestId} || (rows.isEmpty() && best.revision < 0)) {
        out << Tr::tr("The database matches its stamped revision.") << '\n';
    } else {
        out << Tr::tr("To record where the database really is: retort-cli stamp %1%2\nthen bring it up to date: "
                      "retort-cli upgrade heads")
                   .arg(bestId, rows.isEmpty() ? QString() : u" --purge"_s)
            << '\n';
    }
    return Success;
}

} // namespace SchemaCommands
