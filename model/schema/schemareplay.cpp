// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/schemareplay.h"

#include "project/revisionscript.h"
#include "schema/pyarguments.h"
#include "schema/sqlalchemytype.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaReplay)
};

using Kind = SqlDialect::Kind;

bool isIntegerType(const SqlType &type)
{
    return type.name == u"INTEGER" || type.name == u"BIGINT" || type.name == u"SMALLINT";
}

/// Whether op.execute()'s statement only reads or writes rows: SQL text whose every statement starts
/// with a data keyword, or a SQLAlchemy insert/update/delete/select construct.
bool changesOnlyData(const PyExpr &execute)
{
    const PyArguments args(execute);
    const PyExpr *statement = args.get(0, u"sqltext");
    if (!statement)
        return false;
    QString sql;
    if (!PyArguments::stringValue(*statement, &sql) && statement->kind == PyExpr::Kind::Call &&
        PyArguments::lastName(*statement) == u"text" && statement->items.size() > 1)
        PyArguments::stringValue(statement->items.at(1), &sql);
    if (sql.isEmpty()) {
        static const QRegularExpression construct(uR"((^|[.\s(])(insert|update|delete|select)\s*\()"_s);
        static const QRegularExpression ddl(uR"(\b(create|alter|drop|rename)\w*\s*\()"_s,
                                            QRegularExpression::CaseInsensitiveOption);
        return construct.match(statement->source).hasMatch() && !ddl.match(statement->source).hasMatch();
    }
    static const QStringList dataWords{u"UPDATE"_s, u"INSERT"_s,  u"DELETE"_s, u"SELECT"_s,  u"WITH"_s,
                                       u"SET"_s,    u"ANALYZE"_s, u"VACUUM"_s, u"GRANT"_s,   u"REVOKE"_s,
                                       u"COMMIT"_s, u"BEGIN"_s,   u"LOCK"_s,   u"TRUNCATE"_s};
    bool any = false;
    for (const QString &part : sql.split(u';')) {
        const QString first = part.simplified().section(u' ', 0, 0).toUpper();
        if (first.isEmpty())
            continue;
        if (!dataWords.contains(first))
            return false;
        any = true;
    }
    return any;
}

/// The table an op works on inside `with op.batch_alter_table(…) as <variable>:`.
struct BatchContext
{
    QString variable;
    QString schema;
    QString table;
    bool recreates = false; ///< SQLite copies the table (alembic's recreate="auto" for anything but add_column)
};

} // namespace

/// Interprets one revision's statements against a SchemaReplay's schema.
class OpInterpreter
{
public:
    OpInterpreter(SchemaReplay &replay, const RevisionScript &script)
        : m_replay(replay)
        , m_schema(replay.m_schema)
        , m_script(script)
        , m_dialect(replay.m_schema.dialect)
    {}

    void run(const QList<PyStatement> &statements, const BatchContext *batch = nullptr);

private:
    void note(int line, const QString &statement, const QString &reason);
    void note(const PyExpr &expr, const QString &reason) { note(expr.line, expr.source, reason); }
    PyExpr substituted(const PyExpr &expr) const;
    void call(const PyExpr &expr, const BatchContext *batch);
    void batchBlock(const PyStatement &statement);

    // alembic's operations; @p batch: the op was called on a batch_op (the table argument is implied)
    void createTable(const PyExpr &expr, const BatchContext *batch);
    void dropTable(const PyExpr &expr, const BatchContext *batch);
    void renameTable(const PyExpr &expr, const BatchContext *batch);
    void addColumn(const PyExpr &expr, const BatchContext *batch);
    void dropColumn(const PyExpr &expr, const BatchContext *batch);
    void alterColumn(const PyExpr &expr, const BatchContext *batch);
    void createIndex(const PyExpr &expr, const BatchContext *batch);
    void dropIndex(const PyExpr &expr, const BatchContext *batch);
    void createUnique(const PyExpr &expr, const BatchContext *batch);
    void createForeignKey(const PyExpr &expr, const BatchContext *batch);
    void createPrimaryKey(const PyExpr &expr, const BatchContext *batch);
    void createCheck(const PyExpr &expr, const BatchContext *batch);
    void dropConstraint(const PyExpr &expr, const BatchContext *batch);

    /// The table named by the argument at @p position / `table_name`, with `schema=`; nullptr (and a
    /// note) when it is not a known table.
    SchemaTable *targetTable(const PyExpr &expr, const PyArguments &args, const BatchContext *batch, int position,
                             QStringView keyword = u"table_name");
    QString schemaArgument(const PyArguments &args, QStringView keyword = u"schema") const;
    /// sa.Column(...) → column, plus what the column declares for the table (pk, unique, index, FK).
    bool readColumn(const PyExpr &column, SchemaTable &table, bool inCreateTable);
    void readTableConstraint(const PyExpr &constraint, SchemaTable &table);
    SchemaForeignKey readForeignKeyTarget(const PyExpr &target, const PyArguments &args, bool *ok) const;
    QString serverDefault(const PyExpr &expr, bool *ok) const;
    void settleAutoincrement(SchemaTable &table, const QHash<QString, QString> &autoincrementArgs);
    void nameUnnamedConstraints(SchemaTable &table);
    void addEnumType(const CompiledSqlAlchemyType &type);
    SqlType columnType(const PyExpr &typeExpr);

    SchemaReplay &m_replay;
    Schema &m_schema;
    const RevisionScript &m_script;
    SqlDialect m_dialect;
    QHash<QString, PyExpr> m_locals;
};

void OpInterpreter::note(int line, const QString &statement, const QString &reason)
{
    m_replay.m_notes.append(ReplayNote{m_script.revision, m_script.path, line, statement, reason});
}

PyExpr OpInterpreter::substituted(const PyExpr &expr) const
{
    if (m_locals.isEmpty() || expr.kind != PyExpr::Kind::Call)
        return expr;
    PyExpr copy = expr;
    for (qsizetype i = 1; i < copy.items.size(); ++i) {
        const auto local = m_locals.constFind(copy.items.at(i).text);
        if (copy.items.at(i).kind == PyExpr::Kind::Name && local != m_locals.cend())
            copy.items[i] = *local;
    }
    for (auto &[name, value] : copy.keywords) {
        const auto local = m_locals.constFind(value.text);
        if (value.kind == PyExpr::Kind::Name && local != m_locals.cend())
            value = *local;
    }
    return copy;
}

void OpInterpreter::run(const QList<PyStatement> &statements, const BatchContext *batch)
{
    for (const PyStatement &statement : statements) {
        switch (statement.kind) {
        case PyStatement::Kind::Call:
            call(substituted(statement.expr), batch);
            break;
        case PyStatement::Kind::Assignment:
            if (statement.expr.kind == PyExpr::Kind::Call && statement.expr.dottedName().startsWith(u"op."))
                call(substituted(statement.expr), batch);
            m_locals.insert(statement.target, substituted(statement.expr));
            break;
        case PyStatement::Kind::With:
            if (statement.expr.kind == PyExpr::Kind::Call &&
                PyArguments::lastName(statement.expr) == u"batch_alter_table" && !statement.target.isEmpty()) {
                batchBlock(statement);
                break;
            }
            note(statement.line, statement.expr.source,
                 Tr::tr("a 'with' block Retort does not know; its operations are applied as written"));
            run(statement.body, batch);
            break;
        case PyStatement::Kind::Block:
            note(statement.line, statement.keyword,
                 Tr::tr("'%1' decides at run time what happens; the operations inside are not applied")
                     .arg(statement.keyword));
            break;
        case PyStatement::Kind::Other: {
            static const QStringList harmless{u"return"_s, u"import"_s,   u"from"_s,
                                              u"global"_s, u"nonlocal"_s, u"assert"_s};
            if (!harmless.contains(statement.keyword))
                note(statement.line, statement.keyword, Tr::tr("a statement Retort does not interpret"));
            break;
        }
        }
    }
}

void OpInterpreter::batchBlock(const PyStatement &statement)
{
    const PyExpr expr = substituted(statement.expr);
    const PyArguments args(expr);
    bool ok = false;
    BatchContext batch;
    batch.variable = statement.target;
    batch.table = args.string(0, u"table_name", &ok);
    batch.schema = schemaArgument(args);
    if (!ok || batch.table.isEmpty()) {
        note(expr, Tr::tr("the table of this batch is not a plain string; its operations are not applied"));
        return;
    }
    const PyExpr *recreate = args.keyword(u"recreate");
    const QString mode = recreate && recreate->isString() ? recreate->text : u"auto"_s;
    bool onlyAdds = true;
    for (const PyStatement &inner : statement.body) {
        const QString op = PyArguments::lastName(inner.expr);
        if (inner.kind != PyStatement::Kind::Call ||
            (op != u"add_column" && op != u"create_index" && op != u"drop_index"))
            onlyAdds = false;
    }
    batch.recreates = m_dialect.kind() == Kind::SQLite && (mode == u"always" || (mode == u"auto" && !onlyAdds));
    // alembic's batch copy skips reflected CHECK constraints (it cannot tell which belong to a type).
    SchemaTable *table = m_schema.table(batch.schema, batch.table);
    if (batch.recreates && table)
        table->checkConstraints.clear();
    run(statement.body, &batch);
}

void OpInterpreter::call(const PyExpr &expr, const BatchContext *batch)
{
    const QString dotted = expr.dottedName();
    const QString object = dotted.section(u'.', 0, -2);
    const QString op = dotted.section(u'.', -1);
    const bool onBatch = batch && object == batch->variable;
    if (object != u"op" && !onBatch) {
        // An enum created or dropped by hand: `my_enum.create(op.get_bind())`.
        const auto local = m_locals.constFind(object);
        if (local != m_locals.cend() && PyArguments::lastName(*local).compare(u"enum", Qt::CaseInsensitive) == 0 &&
            (op == u"create" || op == u"drop")) {
            const CompiledSqlAlchemyType type = compileSqlAlchemyType(*local, m_dialect);
            if (op == u"create") {
                addEnumType(CompiledSqlAlchemyType{type.type, type.problem, !type.type.enumName.isEmpty()});
            } else {
                m_schema.enums.removeIf([&](const SchemaEnum &e) { return e.name == type.type.enumName; });
            }
            return;
        }
        note(expr, Tr::tr("a call Retort cannot follow; any schema change it makes is missing"));
        return;
    }
    const BatchContext *context = onBatch ? batch : nullptr;
    if (!onBatch && PyArguments(expr).hasStarArguments()) {
        note(expr, Tr::tr("arguments passed with * or ** cannot be read; the operation is not applied"));
        return;
    }
    using Handler = void (OpInterpreter::*)(const PyExpr &, const BatchContext *);
    static const QHash<QString, Handler> operations{
        {u"create_table"_s, &OpInterpreter::createTable},
        {u"drop_table"_s, &OpInterpreter::dropTable},
        {u"rename_table"_s, &OpInterpreter::renameTable},
        {u"add_column"_s, &OpInterpreter::addColumn},
        {u"drop_column"_s, &OpInterpreter::dropColumn},
        {u"alter_column"_s, &OpInterpreter::alterColumn},
        {u"create_index"_s, &OpInterpreter::createIndex},
        {u"drop_index"_s, &OpInterpreter::dropIndex},
        {u"create_unique_constraint"_s, &OpInterpreter::createUnique},
        {u"create_foreign_key"_s, &OpInterpreter::createForeignKey},
        {u"create_primary_key"_s, &OpInterpreter::createPrimaryKey},
        {u"create_check_constraint"_s, &OpInterpreter::createCheck},
        {u"drop_constraint"_s, &OpInterpreter::dropConstraint},
    };
    // Tables are created, dropped and renamed by op only; batch_op works on its own table.
    const bool tableOp = op == u"create_table" || op == u"drop_table" || op == u"rename_table";
    if (const auto handler = operations.constFind(op); handler != operations.cend() && !(tableOp && context))
        (this->*handler.value())(expr, context);
    else if (op == u"bulk_insert" || op == u"get_bind" || op == u"get_context" || op == u"inline_literal" ||
             op == u"create_table_comment" || op == u"drop_table_comment" || op == u"f")
        return; // data or comments: no change to what the diff compares
    else if (op == u"execute") {
        if (!changesOnlyData(expr))
            note(expr, Tr::tr("SQL run by op.execute() is not interpreted; the schema after it may differ"));
    } else
        note(expr, Tr::tr("the operation '%1' is not one Retort replays").arg(op));
}

QString OpInterpreter::schemaArgument(const PyArguments &args, QStringView keyword) const
{
    const QString schema = args.string(-1, keyword);
    // The default schema is named by nothing in the inspected schema either.
    return m_dialect.kind() == Kind::PostgreSQL && schema == u"public" ? QString() : schema;
}

SchemaTable *OpInterpreter::targetTable(const PyExpr &expr, const PyArguments &args, const BatchContext *batch,
                                        int position, QStringView keyword)
{
    QString schema;
    QString name;
    if (batch) {
        schema = batch->schema;
        name = batch->table;
    } else {
        bool ok = false;
        name = args.string(position, keyword, &ok);
        schema = schemaArgument(args);
        if (!ok || name.isEmpty()) {
            note(expr, Tr::tr("the table name is not a plain string; the operation is not applied"));
            return nullptr;
        }
    }
    SchemaTable *table = m_schema.table(schema, name);
    if (!table)
        note(expr, Tr::tr("the table '%1' does not exist at this point of the history; the operation is not applied")
                       .arg(schema.isEmpty() ? name : schema + u'.' + name));
    return table;
}

SqlType OpInterpreter::columnType(const PyExpr &typeExpr)
{
    const CompiledSqlAlchemyType compiled = compileSqlAlchemyType(typeExpr, m_dialect);
    if (!compiled.problem.isEmpty())
        note(typeExpr, compiled.problem);
    addEnumType(compiled);
    return compiled.type;
}

void OpInterpreter::addEnumType(const CompiledSqlAlchemyType &type)
{
    if (!type.createsEnumType || m_dialect.kind() != Kind::PostgreSQL)
        return;
    for (const SchemaEnum &existing : std::as_const(m_schema.enums)) {
        if (existing.name == type.type.enumName)
            return; // SQLAlchemy checks first (checkfirst=True) and creates it once
    }
    m_schema.enums.append(SchemaEnum{QString(), type.type.enumName, type.type.enumValues});
}

QString OpInterpreter::serverDefault(const PyExpr &expr, bool *ok) const
{
    *ok = true;
    switch (expr.kind) {
    case PyExpr::Kind::None:
        return {};
    case PyExpr::Kind::String: {
        QString value = expr.text;
        return u'\'' + value.replace(u'\'', u"''"_s) + u'\'';
    }
    case PyExpr::Kind::Int:
    case PyExpr::Kind::Float:
        return expr.text;
    case PyExpr::Kind::Call: {
        const QString dotted = expr.dottedName();
        const QString name = dotted.section(u'.', -1);
        const PyArguments args(expr);
        if (name == u"text" || name == u"literal_column") {
            QString text;
            if (args.positionalCount() > 0 && PyArguments::stringValue(args.positional(0), &text))
                return text;
        } else if (name == u"true" || name == u"false") {
            if (m_dialect.kind() == Kind::PostgreSQL)
                return name;
            return name == u"true" ? u"1"_s : u"0"_s;
        } else if (dotted.contains(u"func.") && args.positionalCount() == 0) {
            const QString function = name.toLower();
            if (function == u"now" || function == u"current_timestamp")
                return m_dialect.kind() == Kind::SQLite ? u"CURRENT_TIMESTAMP"_s : u"now()"_s;
            return function + u"()"_s;
        }
        break;
    }
    default:
        break;
    }
    *ok = false;
    return expr.source;
}

SchemaForeignKey OpInterpreter::readForeignKeyTarget(const PyExpr &target, const PyArguments &args, bool *ok) const
{
    SchemaForeignKey fk;
    QString spec;
    *ok = PyArguments::stringValue(target, &spec);
    // "table.column" or "schema.table.column"
    const QStringList parts = spec.split(u'.');
    if (!*ok || parts.size() < 2) {
        *ok = false;
        return fk;
    }
    fk.referredColumns = QStringList{parts.last()};
    fk.referredTable = parts.at(parts.size() - 2);
    fk.referredSchema = parts.size() > 2 ? parts.mid(0, parts.size() - 2).join(u'.') : QString();
    if (m_dialect.kind() == Kind::PostgreSQL && fk.referredSchema == u"public")
        fk.referredSchema.clear();
    fk.name = args.string(-1, u"name");
    fk.onDelete = args.string(-1, u"ondelete").toUpper();
    fk.onUpdate = args.string(-1, u"onupdate").toUpper();
    return fk;
}

bool OpInterpreter::readColumn(const PyExpr &columnExpr, SchemaTable &table, bool inCreateTable)
{
    const PyExpr column = substituted(columnExpr);
    if (column.kind != PyExpr::Kind::Call || PyArguments::lastName(column) != u"Column") {
        note(column, Tr::tr("not a sa.Column(…) Retort can read; the column is missing"));
        return false;
    }
    const PyArguments args(column);
    SchemaColumn c;
    bool ok = false;
    c.name = args.string(0, u"name", &ok);
    if (!ok || c.name.isEmpty() || args.positionalCount() < 1) {
        note(column, Tr::tr("the column has no name Retort can read; it is missing"));
        return false;
    }
    bool hasType = false;
    QList<SchemaForeignKey> foreignKeys;
    for (int i = 1; i < args.positionalCount(); ++i) {
        const PyExpr &argument = args.positional(i);
        const QString name = PyArguments::lastName(argument);
        if (name == u"ForeignKey") {
            const PyArguments fkArgs(argument);
            bool fkOk = false;
            SchemaForeignKey fk = fkArgs.positionalCount() > 0
                                      ? readForeignKeyTarget(fkArgs.positional(0), fkArgs, &fkOk)
                                      : SchemaForeignKey();
            if (!fkOk) {
                note(argument, Tr::tr("the foreign key's target is not a 'table.column' string; it is missing"));
                continue;
            }
            fk.columns = QStringList{c.name};
            foreignKeys.append(fk);
        } else if (name == u"Identity" || name == u"Sequence") {
            c.autoincrement = true;
        } else if (name == u"Computed" || name == u"CheckConstraint") {
            note(argument, Tr::tr("'%1' on a column is not compared").arg(name));
        } else if (!hasType) {
            c.type = columnType(substituted(argument));
            hasType = true;
        }
    }
    if (const PyExpr *typeKeyword = args.keyword(u"type_"); typeKeyword && !hasType) {
        c.type = columnType(*typeKeyword);
        hasType = true;
    }
    if (!hasType && foreignKeys.isEmpty()) {
        note(column, Tr::tr("the column '%1' has no type").arg(c.name));
    } else if (!hasType) {
        // SQLAlchemy takes the referred column's type.
        if (const SchemaTable *referred =
                m_schema.table(foreignKeys.first().referredSchema, foreignKeys.first().referredTable)) {
            if (const SchemaColumn *target = referred->column(foreignKeys.first().referredColumns.first()))
                c.type = target->type;
        }
    }
    const bool primaryKey = args.boolean(-1, u"primary_key", false);
    c.nullable = args.boolean(-1, u"nullable", !primaryKey);
    if (const PyExpr *def = args.keyword(u"server_default")) {
        bool defaultOk = false;
        c.serverDefault = serverDefault(*def, &defaultOk);
        if (!defaultOk)
            note(*def, Tr::tr("a server default Retort cannot render; compared as written"));
    }
    if (const PyExpr *comment = args.keyword(u"comment"); comment && comment->isString())
        c.comment = comment->text;
    if (table.column(c.name)) {
        note(column, Tr::tr("the table '%1' already has a column '%2'").arg(table.qualifiedName(), c.name));
        return false;
    }
    table.columns.append(c);
    if (primaryKey)
        table.primaryKey.columns.append(c.name);
    table.foreignKeys += foreignKeys;
    if (args.boolean(-1, u"index", false)) {
        // SQLAlchemy's default naming convention: ix_%(column_0_label)s
        table.indexes.append(SchemaIndex{u"ix_%1_%2"_s.arg(table.name, c.name), QStringList{c.name},
                                         args.boolean(-1, u"unique", false), false, QString()});
    } else if (args.boolean(-1, u"unique", false)) {
        table.uniqueConstraints.append(SchemaUniqueConstraint{QString(), QStringList{c.name}});
    }
    Q_UNUSED(inCreateTable)
    return true;
}

void OpInterpreter::readTableConstraint(const PyExpr &constraint, SchemaTable &table)
{
    const PyArguments args(constraint);
    const QString kind = PyArguments::lastName(constraint);
    const QString name = args.string(-1, u"name");
    bool ok = true;
    if (kind == u"PrimaryKeyConstraint" || kind == u"UniqueConstraint") {
        QStringList columns; // PrimaryKeyConstraint('a', 'b'): every positional argument is a column
        for (int i = 0; i < args.positionalCount(); ++i) {
            QString column;
            ok = ok && PyArguments::stringValue(args.positional(i), &column);
            columns.append(column);
        }
        if (ok && kind == u"PrimaryKeyConstraint")
            table.primaryKey = SchemaPrimaryKey{name, columns};
        else if (ok)
            table.uniqueConstraints.append(SchemaUniqueConstraint{name, columns});
        if (ok)
            return;
    } else if (kind == u"ForeignKeyConstraint") {
        bool localOk = false;
        bool remoteOk = false;
        const QStringList local = args.strings(0, u"columns", &localOk);
        const QStringList remote = args.strings(1, u"refcolumns", &remoteOk);
        if (localOk && remoteOk && !remote.isEmpty() && local.size() == remote.size()) {
            SchemaForeignKey fk;
            const QStringList first = remote.first().split(u'.');
            if (first.size() >= 2) {
                fk.referredTable = first.at(first.size() - 2);
                fk.referredSchema = first.size() > 2 ? first.mid(0, first.size() - 2).join(u'.') : QString();
                if (m_dialect.kind() == Kind::PostgreSQL && fk.referredSchema == u"public")
                    fk.referredSchema.clear();
                for (const QString &r : remote)
                    fk.referredColumns.append(r.section(u'.', -1));
                fk.columns = local;
                fk.name = name;
                fk.onDelete = args.string(-1, u"ondelete").toUpper();
                fk.onUpdate = args.string(-1, u"onupdate").toUpper();
                table.foreignKeys.append(fk);
                return;
            }
        }
    } else if (kind == u"CheckConstraint") {
        QString condition;
        const PyExpr *sqltext = args.get(0, u"sqltext");
        if (sqltext && (PyArguments::stringValue(*sqltext, &condition) ||
                        (sqltext->kind == PyExpr::Kind::Call && PyArguments::lastName(*sqltext) == u"text" &&
                         sqltext->items.size() > 1 && PyArguments::stringValue(sqltext->items.at(1), &condition)))) {
            table.checkConstraints.append(SchemaCheckConstraint{name, condition});
            return;
        }
    } else if (kind == u"Index") {
        bool columnsOk = true;
        QStringList columns;
        bool expressions = false;
        for (int i = 1; i < args.positionalCount(); ++i) {
            QString column;
            if (!PyArguments::stringValue(args.positional(i), &column)) {
                column = u'(' + args.positional(i).source + u')';
                expressions = true;
            }
            columns.append(column);
        }
        const QString indexName = args.string(0, u"name", &columnsOk);
        if (columnsOk && !indexName.isEmpty()) {
            table.indexes.append(SchemaIndex{indexName, columns, args.boolean(-1, u"unique", false), expressions, {}});
            if (expressions)
                note(constraint, Tr::tr("an index on expressions is compared by its text"));
            return;
        }
    }
    note(constraint, Tr::tr("'%1' is not something Retort reads in create_table; it is missing").arg(kind));
}

// The names PostgreSQL and MySQL give constraints created without one, so that a later
// drop_constraint() by that name finds them (SQLite keeps them unnamed).
void OpInterpreter::nameUnnamedConstraints(SchemaTable &table)
{
    if (m_dialect.kind() == Kind::SQLite)
        return;
    const bool postgres = m_dialect.kind() == Kind::PostgreSQL;
    const auto truncated = [](QString name) { return name.left(63); };
    if (!table.primaryKey.columns.isEmpty() && table.primaryKey.name.isEmpty())
        table.primaryKey.name = postgres ? truncated(table.name + u"_pkey"_s) : u"PRIMARY"_s;
    for (SchemaUniqueConstraint &unique : table.uniqueConstraints) {
        if (!unique.name.isEmpty())
            continue;
        if (postgres) {
            unique.name = truncated(table.name + u'_' + unique.columns.join(u'_') + u"_key"_s);
        } else {
            // MySQL names a unique key after its first column, with _2, _3… when that is taken.
            QString name = unique.columns.value(0);
            for (int n = 2;
                 std::any_of(table.uniqueConstraints.cbegin(), table.uniqueConstraints.cend(),
                             [&](const SchemaUniqueConstraint &u) { return &u != &unique && u.name == name; }) ||
                 std::any_of(table.indexes.cbegin(), table.indexes.cend(),
                             [&](const SchemaIndex &i) { return i.name == name; });
                 ++n)
                name = unique.columns.value(0) + u'_' + QString::number(n);
            unique.name = name;
        }
    }
    int ibfk = 0;
    for (const SchemaForeignKey &fk : std::as_const(table.foreignKeys)) {
        const QString prefix = table.name + u"_ibfk_"_s;
        if (fk.name.startsWith(prefix))
            ibfk = qMax(ibfk, fk.name.mid(prefix.size()).toInt());
    }
    for (SchemaForeignKey &fk : table.foreignKeys) {
        if (!fk.name.isEmpty())
            continue;
        fk.name = postgres ? truncated(table.name + u'_' + fk.columns.join(u'_') + u"_fkey"_s)
                           : table.name + u"_ibfk_"_s + QString::number(++ibfk);
    }
}

// SQLAlchemy's Table._autoincrement_column: the one integer primary-key column, unless it has a
// default or a foreign key or says autoincrement=False; SQLite has it only as INTEGER PRIMARY KEY.
void OpInterpreter::settleAutoincrement(SchemaTable &table, const QHash<QString, QString> &autoincrementArgs)
{
    if (table.primaryKey.columns.size() != 1) {
        for (const QString &name : std::as_const(table.primaryKey.columns)) {
            SchemaColumn *c = table.column(name);
            if (c && autoincrementArgs.value(name) == u"True" && isIntegerType(c->type) &&
                m_dialect.kind() != Kind::SQLite)
                c->autoincrement = true;
        }
        return;
    }
    SchemaColumn *c = table.column(table.primaryKey.columns.first());
    if (!c || c->autoincrement)
        return;
    const QString setting = autoincrementArgs.value(c->name, u"auto"_s);
    if (setting == u"False" || !c->serverDefault.isEmpty())
        return;
    const bool referencesOther = std::any_of(table.foreignKeys.cbegin(), table.foreignKeys.cend(),
                                             [&](const SchemaForeignKey &fk) { return fk.columns.contains(c->name); });
    if (referencesOther && setting != u"True")
        return;
    if (m_dialect.kind() == Kind::SQLite)
        c->autoincrement = c->type.name == u"INTEGER" && c->type.text() == u"INTEGER";
    else
        c->autoincrement = isIntegerType(c->type);
}

void OpInterpreter::createTable(const PyExpr &expr, const BatchContext *)
{
    const PyArguments args(expr);
    bool ok = false;
    SchemaTable table;
    table.name = args.string(0, u"table_name", &ok);
    table.schema = schemaArgument(args);
    if (!ok || table.name.isEmpty()) {
        note(expr, Tr::tr("the table name is not a plain string; the table is missing"));
        return;
    }
    if (m_schema.table(table.schema, table.name)) {
        note(expr, Tr::tr("the table '%1' exists already at this point of the history").arg(table.qualifiedName()));
        return;
    }
    QHash<QString, QString> autoincrementArgs;
    for (int i = 1; i < args.positionalCount(); ++i) {
        const PyExpr item = substituted(args.positional(i));
        // substituted() replaces names among a call's arguments; a bare local name is the item itself.
        const PyExpr &element =
            item.kind == PyExpr::Kind::Name && m_locals.contains(item.text) ? m_locals[item.text] : item;
        if (PyArguments::lastName(element) == u"Column") {
            if (readColumn(element, table, true)) {
                if (const PyExpr *autoincrement = PyArguments(element).keyword(u"autoincrement"))
                    autoincrementArgs.insert(table.columns.last().name, autoincrement->source);
            }
        } else {
            readTableConstraint(element, table);
        }
    }
    settleAutoincrement(table, autoincrementArgs);
    nameUnnamedConstraints(table);
    m_schema.tables.append(table);
    m_schema.sortTables();
}

void OpInterpreter::dropTable(const PyExpr &expr, const BatchContext *)
{
    const PyArguments args(expr);
    SchemaTable *table = targetTable(expr, args, nullptr, 0);
    if (!table)
        return;
    const QString schema = table->schema;
    const QString name = table->name;
    m_schema.tables.removeIf([&](const SchemaTable &t) { return t.schema == schema && t.name == name; });
}

void OpInterpreter::renameTable(const PyExpr &expr, const BatchContext *)
{
    const PyArguments args(expr);
    SchemaTable *table = targetTable(expr, args, nullptr, 0, u"old_table_name");
    bool ok = false;
    const QString newName = args.string(1, u"new_table_name", &ok);
    if (!table)
        return;
    if (!ok || newName.isEmpty()) {
        note(expr, Tr::tr("the new table name is not a plain string; the table keeps its name"));
        return;
    }
    const QString oldName = table->name;
    table->name = newName;
    for (SchemaTable &other : m_schema.tables) {
        for (SchemaForeignKey &fk : other.foreignKeys) {
            if (fk.referredTable == oldName && fk.referredSchema == table->schema)
                fk.referredTable = newName;
        }
    }
    m_schema.sortTables();
}

void OpInterpreter::addColumn(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    SchemaTable *table = targetTable(expr, args, batch, 0);
    const PyExpr *column = args.get(batch ? 0 : 1, u"column");
    if (!table)
        return;
    if (!column) {
        note(expr, Tr::tr("add_column() without a column"));
        return;
    }
    if (readColumn(*column, *table, false))
        nameUnnamedConstraints(*table);
}

void OpInterpreter::dropColumn(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    SchemaTable *table = targetTable(expr, args, batch, 0);
    bool ok = false;
    const QString name = args.string(batch ? 0 : 1, u"column_name", &ok);
    if (!table)
        return;
    if (!ok || !table->column(name)) {
        note(expr, Tr::tr("the column to drop is not a column of '%1' at this point").arg(table->qualifiedName()));
        return;
    }
    table->columns.removeIf([&](const SchemaColumn &c) { return c.name == name; });
    // PostgreSQL and SQLite's copy drop what uses the column; MySQL shortens multi-column indexes.
    const bool shrinks = m_dialect.kind() == Kind::MySQL;
    // Whether something on these columns goes with the column; MySQL shortens it instead.
    const auto goesWith = [&](QStringList &columns) {
        if (!columns.contains(name))
            return false;
        if (!shrinks || columns.size() == 1)
            return true;
        columns.removeAll(name);
        return false;
    };
    for (qsizetype i = table->indexes.size() - 1; i >= 0; --i) {
        if (goesWith(table->indexes[i].columns))
            table->indexes.removeAt(i);
    }
    for (qsizetype i = table->uniqueConstraints.size() - 1; i >= 0; --i) {
        if (goesWith(table->uniqueConstraints[i].columns))
            table->uniqueConstraints.removeAt(i);
    }
    table->foreignKeys.removeIf([&](const SchemaForeignKey &fk) { return fk.columns.contains(name); });
    table->checkConstraints.removeIf([&](const SchemaCheckConstraint &check) {
        return m_dialect.kind() == Kind::PostgreSQL && check.sqlText.contains(name);
    });
    if (table->primaryKey.columns.contains(name))
        table->primaryKey = SchemaPrimaryKey();
}

void OpInterpreter::alterColumn(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    SchemaTable *table = targetTable(expr, args, batch, 0);
    bool ok = false;
    const QString name = args.string(batch ? 0 : 1, u"column_name", &ok);
    if (!table)
        return;
    SchemaColumn *column = ok ? table->column(name) : nullptr;
    if (!column) {
        note(expr, Tr::tr("the column to alter is not a column of '%1' at this point").arg(table->qualifiedName()));
        return;
    }
    if (const PyExpr *nullable = args.keyword(u"nullable"); nullable && nullable->kind == PyExpr::Kind::Bool)
        column->nullable = nullable->text == u"True";
    else if (nullable && nullable->kind != PyExpr::Kind::None)
        note(*nullable, Tr::tr("nullable is not True or False; left as it was"));
    if (const PyExpr *type = args.keyword(u"type_"); type && type->kind != PyExpr::Kind::None)
        column->type = columnType(substituted(*type));
    // alter_column's server_default=False means "leave it"; None removes it.
    if (const PyExpr *def = args.keyword(u"server_default");
        def && !(def->kind == PyExpr::Kind::Bool && def->text == u"False")) {
        bool defaultOk = false;
        column->serverDefault = serverDefault(*def, &defaultOk);
        if (!defaultOk)
            note(*def, Tr::tr("a server default Retort cannot render; compared as written"));
    }
    if (const PyExpr *comment = args.keyword(u"comment"); comment && comment->isString())
        column->comment = comment->text;
    if (const PyExpr *autoincrement = args.keyword(u"autoincrement");
        autoincrement && autoincrement->kind == PyExpr::Kind::Bool)
        column->autoincrement = autoincrement->text == u"True" && m_dialect.kind() == Kind::MySQL;
    if (const PyExpr *newName = args.keyword(u"new_column_name"); newName && newName->kind != PyExpr::Kind::None) {
        QString renamed;
        if (!PyArguments::stringValue(*newName, &renamed)) {
            note(*newName, Tr::tr("the new column name is not a plain string; the column keeps its name"));
            return;
        }
        column->name = renamed;
        const auto rename = [&](QStringList &columns) {
            for (QString &c : columns) {
                if (c == name)
                    c = renamed;
            }
        };
        rename(table->primaryKey.columns);
        for (SchemaIndex &index : table->indexes)
            rename(index.columns);
        for (SchemaUniqueConstraint &unique : table->uniqueConstraints)
            rename(unique.columns);
        for (SchemaForeignKey &fk : table->foreignKeys)
            rename(fk.columns);
        for (SchemaTable &other : m_schema.tables) {
            for (SchemaForeignKey &fk : other.foreignKeys) {
                if (fk.referredTable == table->name && fk.referredSchema == table->schema)
                    rename(fk.referredColumns);
            }
        }
    }
}

void OpInterpreter::createIndex(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    bool nameOk = false;
    const QString name = args.string(0, u"index_name", &nameOk);
    SchemaTable *table = targetTable(expr, args, batch, 1);
    if (!table)
        return;
    const PyExpr *columnsArg = args.get(batch ? 1 : 2, u"columns");
    if (!nameOk || name.isEmpty() || !columnsArg) {
        note(expr, Tr::tr("the index has no name or columns Retort can read; it is missing"));
        return;
    }
    SchemaIndex index;
    index.name = name;
    const QList<PyExpr> items = columnsArg->kind == PyExpr::Kind::List || columnsArg->kind == PyExpr::Kind::Tuple
                                    ? columnsArg->items
                                    : QList<PyExpr>{*columnsArg};
    for (const PyExpr &item : items) {
        QString column;
        if (PyArguments::stringValue(item, &column)) {
            index.columns.append(column);
            continue;
        }
        QString text;
        if (item.kind == PyExpr::Kind::Call && PyArguments::lastName(item) == u"text" && item.items.size() > 1 &&
            PyArguments::stringValue(item.items.at(1), &text))
            index.columns.append(u'(' + text + u')');
        else
            index.columns.append(u'(' + item.source + u')');
        index.hasExpressions = true;
    }
    index.unique = args.boolean(-1, u"unique", false);
    const QString whereKeyword = m_dialect.kind() == Kind::PostgreSQL ? u"postgresql_where"_s : u"sqlite_where"_s;
    if (const PyExpr *where = args.keyword(whereKeyword)) {
        QString text;
        if (!PyArguments::stringValue(*where, &text) && where->kind == PyExpr::Kind::Call && where->items.size() > 1)
            PyArguments::stringValue(where->items.at(1), &text);
        index.where = text.isEmpty() ? where->source : text;
    }
    table->indexes.append(index);
}

void OpInterpreter::dropIndex(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    bool ok = false;
    const QString name = args.string(0, u"index_name", &ok);
    const QString schema = batch ? batch->schema : schemaArgument(args);
    for (SchemaTable &table : m_schema.tables) {
        if (table.schema != schema)
            continue;
        const qsizetype removed = table.indexes.removeIf([&](const SchemaIndex &i) { return i.name == name; });
        if (removed > 0)
            return;
    }
    note(expr, Tr::tr("no index '%1' exists at this point of the history").arg(name));
}

void OpInterpreter::createUnique(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    const QString name = args.string(0, u"constraint_name");
    SchemaTable *table = targetTable(expr, args, batch, 1, u"table_name");
    bool ok = false;
    const QStringList columns = args.strings(batch ? 1 : 2, u"columns", &ok);
    if (!table)
        return;
    if (!ok || columns.isEmpty()) {
        note(expr, Tr::tr("the constraint's columns are not plain strings; it is missing"));
        return;
    }
    table->uniqueConstraints.append(SchemaUniqueConstraint{name, columns});
    nameUnnamedConstraints(*table);
}

void OpInterpreter::createForeignKey(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    const QString name = args.string(0, u"constraint_name");
    SchemaTable *table = targetTable(expr, args, batch, 1, u"source_table");
    const int shift = batch ? 1 : 0;
    bool referentOk = false;
    bool localOk = false;
    bool remoteOk = false;
    SchemaForeignKey fk;
    fk.name = name;
    fk.referredTable = args.string(2 - shift, u"referent_table", &referentOk);
    fk.columns = args.strings(3 - shift, u"local_cols", &localOk);
    fk.referredColumns = args.strings(4 - shift, u"remote_cols", &remoteOk);
    fk.referredSchema = schemaArgument(args, u"referent_schema");
    fk.onDelete = args.string(-1, u"ondelete").toUpper();
    fk.onUpdate = args.string(-1, u"onupdate").toUpper();
    if (!table)
        return;
    if (!referentOk || !localOk || !remoteOk || fk.columns.isEmpty()) {
        note(expr, Tr::tr("the foreign key's tables or columns are not plain strings; it is missing"));
        return;
    }
    table->foreignKeys.append(fk);
    nameUnnamedConstraints(*table);
}

void OpInterpreter::createPrimaryKey(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    const QString name = args.string(0, u"constraint_name");
    SchemaTable *table = targetTable(expr, args, batch, 1, u"table_name");
    bool ok = false;
    const QStringList columns = args.strings(batch ? 1 : 2, u"columns", &ok);
    if (!table)
        return;
    if (!ok || columns.isEmpty()) {
        note(expr, Tr::tr("the primary key's columns are not plain strings; it is missing"));
        return;
    }
    table->primaryKey = SchemaPrimaryKey{name, columns};
    for (const QString &column : columns) {
        if (SchemaColumn *c = table->column(column))
            c->nullable = false;
    }
    nameUnnamedConstraints(*table);
}

void OpInterpreter::createCheck(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    const QString name = args.string(0, u"constraint_name");
    SchemaTable *table = targetTable(expr, args, batch, 1, u"table_name");
    const PyExpr *condition = args.get(batch ? 1 : 2, u"condition");
    if (!table)
        return;
    QString text;
    if (!condition || (!PyArguments::stringValue(*condition, &text) &&
                       !(condition->kind == PyExpr::Kind::Call && condition->items.size() > 1 &&
                         PyArguments::stringValue(condition->items.at(1), &text)))) {
        note(expr, Tr::tr("the check condition is not SQL text; the constraint is compared by name"));
        text = condition ? condition->source : QString();
    }
    table->checkConstraints.append(SchemaCheckConstraint{name, text});
}

void OpInterpreter::dropConstraint(const PyExpr &expr, const BatchContext *batch)
{
    const PyArguments args(expr);
    bool ok = false;
    const QString name = args.string(0, u"constraint_name", &ok);
    SchemaTable *table = targetTable(expr, args, batch, 1, u"table_name");
    if (!table)
        return;
    const QString type = args.string(batch ? 1 : 2, u"type_");
    qsizetype removed = 0;
    if (type.isEmpty() || type == u"foreignkey")
        removed += table->foreignKeys.removeIf([&](const SchemaForeignKey &fk) { return fk.name == name; });
    if (type.isEmpty() || type == u"unique") {
        removed += table->uniqueConstraints.removeIf([&](const SchemaUniqueConstraint &u) { return u.name == name; });
        // MySQL drops a unique constraint as the index it is.
        if (m_dialect.kind() == Kind::MySQL)
            removed += table->indexes.removeIf([&](const SchemaIndex &i) { return i.unique && i.name == name; });
    }
    if (type.isEmpty() || type == u"check")
        removed += table->checkConstraints.removeIf([&](const SchemaCheckConstraint &c) { return c.name == name; });
    if ((type.isEmpty() || type == u"primary") && table->primaryKey.name == name && !name.isEmpty()) {
        table->primaryKey = SchemaPrimaryKey();
        ++removed;
    }
    if (removed == 0)
        note(expr, Tr::tr("no constraint '%1' on '%2' at this point of the history").arg(name, table->qualifiedName()));
}

SchemaReplay::SchemaReplay(SqlDialect dialect)
{
    m_schema.dialect = dialect;
}

void SchemaReplay::apply(const RevisionScript &script)
{
    if (!script.upgrade.exists)
        return;
    OpInterpreter(*this, script).run(script.upgrade.statements);
}
