// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// SchemaDiff: every kind of difference and every dialect equivalence on a small shop schema built by
// hand (types filled in directly, not through SqlType::parse), the order of the differences, the
// distance used to rank revisions, and the one-line texts.

#include "schema/schema.h"
#include "schema/schemadiff.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Schema)

namespace {

using Kind = SqlDialect::Kind;
using Change = SchemaDifference::Change;
using Severity = SchemaDifference::Severity;

SqlType type(const QString &name, int length = -1)
{
    SqlType t;
    t.name = name;
    t.length = length;
    return t;
}

SqlType numeric(int precision, int scale)
{
    SqlType t = type(u"NUMERIC"_s);
    t.precision = precision;
    t.scale = scale;
    return t;
}

SchemaColumn column(const QString &name, const SqlType &columnType, bool nullable = true,
                    const QString &serverDefault = {}, bool autoincrement = false)
{
    SchemaColumn c;
    c.name = name;
    c.type = columnType;
    c.nullable = nullable;
    c.serverDefault = serverDefault;
    c.autoincrement = autoincrement;
    return c;
}

SchemaIndex index(const QString &name, const QStringList &columns, bool unique = false)
{
    SchemaIndex i;
    i.name = name;
    i.columns = columns;
    i.unique = unique;
    return i;
}

QString primaryKeyName(Kind kind, const QString &table)
{
    switch (kind) {
    case Kind::PostgreSQL:
        return table + u"_pkey"_s;
    case Kind::MySQL:
        return u"PRIMARY"_s;
    case Kind::SQLite:
        break;
    }
    return {};
}

/// users(id, name, email, active, created_at) with an index, a unique constraint and a check;
/// orders(id, user_id → users.id ON DELETE CASCADE, total). Primary keys named as @p kind names them.
Schema shop(Kind kind)
{
    Schema schema{SqlDialect(kind), {}, {}, {}};
    SchemaTable users;
    users.name = u"users"_s;
    users.columns = {column(u"id"_s, type(u"INTEGER"_s), false, {}, true),
                     column(u"name"_s, type(u"VARCHAR"_s, 50), false), column(u"email"_s, type(u"VARCHAR"_s, 100)),
                     column(u"active"_s, type(u"BOOLEAN"_s), false, u"false"_s),
                     column(u"created_at"_s, type(u"TIMESTAMP"_s), false, u"CURRENT_TIMESTAMP"_s)};
    users.primaryKey = {primaryKeyName(kind, users.name), {u"id"_s}};
    users.indexes = {index(u"ix_users_name"_s, {u"name"_s})};
    users.uniqueConstraints = {{u"uq_users_email"_s, {u"email"_s}}};
    users.checkConstraints = {{u"ck_users_name"_s, u"length(name) > 0"_s}};

    SchemaTable orders;
    orders.name = u"orders"_s;
    orders.columns = {column(u"id"_s, type(u"INTEGER"_s), false, {}, true),
                      column(u"user_id"_s, type(u"INTEGER"_s), false),
                      column(u"total"_s, numeric(10, 2), false, u"0"_s)};
    orders.primaryKey = {primaryKeyName(kind, orders.name), {u"id"_s}};
    orders.foreignKeys = {{u"fk_orders_user"_s, {u"user_id"_s}, {}, u"users"_s, {u"id"_s}, u"CASCADE"_s, {}}};

    schema.tables = {users, orders};
    schema.sortTables();
    return schema;
}

// Schema::table() and SchemaTable::column() return pointers into data the copies still share (they
// look up through the const overload, which does not detach), so the edits go through iterators.
SchemaTable &table(Schema &schema, const QString &name)
{
    const auto it =
        std::find_if(schema.tables.begin(), schema.tables.end(), [&](const SchemaTable &t) { return t.name == name; });
    Q_ASSERT(it != schema.tables.end());
    return *it;
}

SchemaTable &users(Schema &schema)
{
    return table(schema, u"users"_s);
}

SchemaTable &orders(Schema &schema)
{
    return table(schema, u"orders"_s);
}

SchemaColumn &col(SchemaTable &table, const QString &name)
{
    const auto it =
        std::find_if(table.columns.begin(), table.columns.end(), [&](const SchemaColumn &c) { return c.name == name; });
    Q_ASSERT(it != table.columns.end());
    return *it;
}

/// "W ~ index users.ix_a unique FALSE → TRUE": severity, change, kind, where, and for a change the
/// property and both values (∅ for none).
QString describe(const SchemaDifference &d)
{
    static const QString severities[] = {u"I"_s, u"W"_s, u"E"_s};
    static const QString signs[] = {u"-"_s, u"+"_s, u"~"_s};
    QStringList path;
    if (!d.table.isEmpty())
        path.append(d.table);
    if (!d.objectName.isEmpty())
        path.append(d.objectName);
    QString text =
        severities[int(d.severity)] + u' ' + signs[int(d.change)] + u' ' + d.objectKind + u' ' + path.join(u'.');
    if (d.change == Change::Changed) {
        const auto value = [](const QString &v) { return v.isEmpty() ? u"∅"_s : v; };
        text += u' ' + d.property + u' ' + value(d.expected) + u" → "_s + value(d.actual);
    }
    return text;
}

QStringList describe(const SchemaDiff &diff)
{
    QStringList lines;
    for (const SchemaDifference &d : diff.differences())
        lines.append(describe(d));
    return lines;
}

using Edit = std::function<void(Schema &expected, Schema &actual)>;

/// A row comparing the shop of @p kind with itself after @p edit.
void row(const char *name, Kind kind, const Edit &edit, const QStringList &differences)
{
    Schema expected = shop(kind);
    Schema actual = expected;
    edit(expected, actual);
    QTest::newRow(name) << expected << actual << differences;
}

SchemaDiff diffAfter(Kind kind, const Edit &edit)
{
    Schema expected = shop(kind);
    Schema actual = expected;
    edit(expected, actual);
    return SchemaDiff::compare(expected, actual);
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT
private slots:
    void compare_data();
    void compare();
    void order();
    void distance();
    void text_data();
    void text();
    void textOfComparison();
    void largeSchema();
};

void TestSchemaDiff::compare_data()
{
    QTest::addColumn<Schema>("expected");
    QTest::addColumn<Schema>("actual");
    QTest::addColumn<QStringList>("differences");
    const Edit none = [](Schema &, Schema &) {};

    // Identical and reordered.
    row("identical SQLite", Kind::SQLite, none, {});
    row("identical PostgreSQL", Kind::PostgreSQL, none, {});
    row("identical MySQL", Kind::MySQL, none, {});
    row("column order", Kind::PostgreSQL,
        [](Schema &, Schema &a) { std::reverse(users(a).columns.begin(), users(a).columns.end()); }, {});
    row("constraint order", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            users(e).indexes.append(index(u"ix_users_email"_s, {u"email"_s}));
            users(a).indexes.prepend(index(u"ix_users_email"_s, {u"email"_s}));
        },
        {});

    // Tables and columns.
    row("missing table", Kind::PostgreSQL,
        [](Schema &, Schema &a) { a.tables.removeIf([](const SchemaTable &t) { return t.name == u"orders"; }); },
        {u"E - table orders"_s});
    row("unexpected table", Kind::PostgreSQL,
        [](Schema &, Schema &a) {
            SchemaTable audit;
            audit.name = u"audit"_s;
            audit.columns = {column(u"id"_s, type(u"INTEGER"_s))};
            a.tables.append(audit);
            a.sortTables();
        },
        {u"E + table audit"_s});
    row("missing column", Kind::SQLite, [](Schema &, Schema &a) { users(a).columns.removeAt(2); },
        {u"E - column users.email"_s});
    row("unexpected column", Kind::SQLite,
        [](Schema &, Schema &a) { users(a).columns.append(column(u"nickname"_s, type(u"TEXT"_s))); },
        {u"E + column users.nickname"_s});
    row("type", Kind::PostgreSQL, [](Schema &, Schema &a) { col(users(a), u"id"_s).type = type(u"BIGINT"_s); },
        {u"E ~ column users.id type INTEGER → BIGINT"_s});
    row("type length", Kind::SQLite,
        [](Schema &, Schema &a) { col(users(a), u"name"_s).type = type(u"VARCHAR"_s, 80); },
        {u"E ~ column users.name type "_s + type(u"VARCHAR"_s, 50).text() + u" → "_s + type(u"VARCHAR"_s, 80).text()});
    row("nullable", Kind::PostgreSQL, [](Schema &, Schema &a) { col(users(a), u"email"_s).nullable = false; },
        {u"W ~ column users.email nullable NULL → NOT NULL"_s});
    row("primary key column reported nullable", Kind::SQLite,
        [](Schema &, Schema &a) { col(users(a), u"id"_s).nullable = true; }, {});
    row("MySQL column name case", Kind::MySQL, [](Schema &, Schema &a) { col(users(a), u"email"_s).name = u"Email"_s; },
        {});
    row("MySQL table name case", Kind::MySQL, [](Schema &, Schema &a) { users(a).name = u"Users"_s; }, {});
    row("PostgreSQL table name case", Kind::PostgreSQL,
        [](Schema &, Schema &a) {
            users(a).name = u"Users"_s;
            a.sortTables();
        },
        {u"E + table Users"_s, u"E - table users"_s});

    // Server defaults.
    row("default added", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"email"_s).serverDefault = u"'x'"_s; },
        {u"I ~ column users.email default ∅ → 'x'"_s});
    row("default changed", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(orders(a), u"total"_s).serverDefault = u"1"_s; },
        {u"I ~ column orders.total default 0 → 1"_s});
    row("default removed", Kind::MySQL,
        [](Schema &, Schema &a) { col(users(a), u"created_at"_s).serverDefault.clear(); },
        {u"I ~ column users.created_at default CURRENT_TIMESTAMP → ∅"_s});
    row("default cast", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(orders(a), u"total"_s).serverDefault = u"'0'::numeric"_s; }, {});
    row("default string cast", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            col(users(e), u"email"_s).serverDefault = u"'a b'"_s;
            col(users(a), u"email"_s).serverDefault = u"'a b'::character varying"_s;
        },
        {});
    row("default parentheses and quoted number", Kind::SQLite,
        [](Schema &e, Schema &a) {
            col(orders(e), u"total"_s).serverDefault = u"('0')"_s;
            col(orders(a), u"total"_s).serverDefault = u"((0))"_s;
        },
        {});
    row("default quoted decimal", Kind::MySQL,
        [](Schema &e, Schema &a) {
            col(orders(e), u"total"_s).serverDefault = u"0.00"_s;
            col(orders(a), u"total"_s).serverDefault = u"'0.00'"_s;
        },
        {});
    row("default now()", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"created_at"_s).serverDefault = u"now( )"_s; }, {});
    row("default current_timestamp()", Kind::MySQL,
        [](Schema &, Schema &a) { col(users(a), u"created_at"_s).serverDefault = u"current_timestamp()"_s; }, {});
    row("default keyword case", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"active"_s).serverDefault = u"FALSE"_s; }, {});
    row("default string case", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            col(users(e), u"email"_s).serverDefault = u"'abc'"_s;
            col(users(a), u"email"_s).serverDefault = u"'ABC'"_s;
        },
        {u"I ~ column users.email default 'abc' → 'ABC'"_s});
    row("MySQL boolean default", Kind::MySQL,
        [](Schema &, Schema &a) {
            col(users(a), u"active"_s).type = type(u"TINYINT"_s, 1);
            col(users(a), u"active"_s).serverDefault = u"'0'"_s;
        },
        {});
    row("SQLite boolean default", Kind::SQLite,
        [](Schema &e, Schema &a) {
            col(users(e), u"active"_s).serverDefault = u"true"_s;
            col(users(a), u"active"_s).serverDefault = u"1"_s;
        },
        {});
    row("PostgreSQL boolean default", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"active"_s).serverDefault = u"true"_s; },
        {u"I ~ column users.active default false → true"_s});
    row("MySQL explicit NULL default", Kind::MySQL,
        [](Schema &, Schema &a) { col(users(a), u"email"_s).serverDefault = u"NULL"_s; }, {});

    // Autoincrement.
    row("PostgreSQL nextval default", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"id"_s).serverDefault = u"nextval('users_id_seq'::regclass)"_s; }, {});
    row("PostgreSQL autoincrement", Kind::PostgreSQL,
        [](Schema &, Schema &a) { col(users(a), u"id"_s).autoincrement = false; },
        {u"W ~ column users.id autoincrement TRUE → FALSE"_s});
    row("PostgreSQL SERIAL", Kind::PostgreSQL,
        [](Schema &e, Schema &) { col(users(e), u"id"_s).type = type(u"SERIAL"_s); }, {});
    row("MySQL autoincrement", Kind::MySQL, [](Schema &, Schema &a) { col(orders(a), u"id"_s).autoincrement = false; },
        {u"W ~ column orders.id autoincrement TRUE → FALSE"_s});
    row("SQLite INTEGER PRIMARY KEY", Kind::SQLite,
        [](Schema &, Schema &a) { col(users(a), u"id"_s).autoincrement = false; }, {});
    row("SQLite autoincrement elsewhere", Kind::SQLite,
        [](Schema &, Schema &a) { col(orders(a), u"user_id"_s).autoincrement = true; },
        {u"I ~ column orders.user_id autoincrement FALSE → TRUE"_s});

    // Primary keys.
    row("primary key columns", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).primaryKey.columns.append(u"email"_s); },
        {u"E ~ primary_key users.users_pkey columns (id) → (id, email)"_s});
    row("missing primary key", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).primaryKey = {}; },
        {u"E - primary_key users.users_pkey"_s});
    row("unexpected primary key", Kind::SQLite, [](Schema &e, Schema &) { orders(e).primaryKey = {}; },
        {u"E + primary_key orders.(id)"_s});
    row("primary key name", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).primaryKey.name = u"pk_users"_s; },
        {u"I ~ primary_key users.users_pkey name users_pkey → pk_users"_s});
    row("MySQL primary key name", Kind::MySQL, [](Schema &e, Schema &) { users(e).primaryKey.name = u"pk_users"_s; },
        {});
    row("SQLite unnamed primary key", Kind::SQLite,
        [](Schema &, Schema &a) { users(a).primaryKey.name = u"pk_users"_s; }, {});

    // Indexes.
    row("missing index", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).indexes.clear(); },
        {u"W - index users.ix_users_name"_s});
    row("unexpected index", Kind::SQLite,
        [](Schema &, Schema &a) { users(a).indexes.append(index(u"ix_users_email"_s, {u"email"_s})); },
        {u"W + index users.ix_users_email"_s});
    row("index unique", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).indexes[0].unique = true; },
        {u"W ~ index users.ix_users_name unique FALSE → TRUE"_s});
    row("index columns", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).indexes[0].columns.append(u"email"_s); },
        {u"W ~ index users.ix_users_name columns (name) → (name, email)"_s});
    row("index name", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).indexes[0].name = u"ix_name"_s; },
        {u"I ~ index users.ix_users_name name ix_users_name → ix_name"_s});
    row("unnamed index", Kind::SQLite, [](Schema &e, Schema &) { users(e).indexes[0].name.clear(); }, {});
    row("unnamed index elsewhere", Kind::SQLite,
        [](Schema &e, Schema &a) {
            users(e).indexes[0].name.clear();
            users(a).indexes[0].columns = {u"email"_s};
        },
        {u"W - index users.(name)"_s, u"W + index users.ix_users_name"_s});
    row("unnamed index unique", Kind::SQLite,
        [](Schema &e, Schema &a) {
            users(e).indexes[0].name.clear();
            users(a).indexes[0].unique = true;
        },
        {u"W ~ index users.ix_users_name unique FALSE → TRUE"_s});
    row("partial index predicate text", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            users(e).indexes[0].where = u"email IS NOT NULL"_s;
            users(a).indexes[0].where = u"(email IS NOT NULL)"_s;
        },
        {});
    row("partial index predicate", Kind::PostgreSQL,
        [](Schema &e, Schema &) { users(e).indexes[0].where = u"email IS NOT NULL"_s; },
        {u"W ~ index users.ix_users_name where email IS NOT NULL → ∅"_s});
    row("expression index", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            users(e).indexes[0].columns = {u"(lower(name))"_s};
            users(e).indexes[0].hasExpressions = true;
            users(a).indexes[0].columns = {u"(lower((name)::text))"_s};
            users(a).indexes[0].hasExpressions = true;
        },
        {});

    // Unique constraints.
    row("missing unique", Kind::PostgreSQL, [](Schema &, Schema &a) { users(a).uniqueConstraints.clear(); },
        {u"W - unique users.uq_users_email"_s});
    row("unexpected unique", Kind::PostgreSQL,
        [](Schema &, Schema &a) {
            users(a).uniqueConstraints.append({u"uq_users_name"_s, {u"name"_s}});
        },
        {u"W + unique users.uq_users_name"_s});
    row("unique columns", Kind::SQLite,
        [](Schema &, Schema &a) { users(a).uniqueConstraints[0].columns.append(u"name"_s); },
        {u"W ~ unique users.uq_users_email columns (email) → (email, name)"_s});
    row("unique name", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).uniqueConstraints[0].name = u"users_email_key"_s; },
        {u"I ~ unique users.uq_users_email name uq_users_email → users_email_key"_s});
    row("unnamed unique", Kind::SQLite, [](Schema &, Schema &a) { users(a).uniqueConstraints[0].name.clear(); }, {});
    row("MySQL unique constraint as unique index", Kind::MySQL,
        [](Schema &, Schema &a) {
            users(a).uniqueConstraints.clear();
            users(a).indexes.append(index(u"uq_users_email"_s, {u"email"_s}, true));
        },
        {});
    row("MySQL unique index as unique constraint", Kind::MySQL,
        [](Schema &e, Schema &a) {
            users(e).indexes.append(index(u"ix_users_active"_s, {u"active"_s}, true));
            users(a).uniqueConstraints.append({u"ix_users_active"_s, {u"active"_s}});
        },
        {});
    row("MySQL both listings", Kind::MySQL,
        [](Schema &, Schema &a) { users(a).indexes.append(index(u"uq_users_email"_s, {u"email"_s}, true)); }, {});
    row("PostgreSQL unique constraint vs unique index", Kind::PostgreSQL,
        [](Schema &, Schema &a) {
            users(a).uniqueConstraints.clear();
            users(a).indexes.append(index(u"uq_users_email"_s, {u"email"_s}, true));
        },
        {u"W + index users.uq_users_email"_s, u"W - unique users.uq_users_email"_s});
    row("PostgreSQL index backing a unique constraint", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).indexes.append(index(u"uq_users_email"_s, {u"email"_s}, true)); }, {});
    row("index backing the primary key", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).indexes.append(index(u"users_pkey"_s, {u"id"_s}, true)); }, {});

    // MySQL's foreign key indexes.
    row("MySQL foreign key index", Kind::MySQL,
        [](Schema &, Schema &a) { orders(a).indexes.append(index(u"fk_orders_user"_s, {u"user_id"_s})); }, {});
    row("MySQL foreign key index named after the column", Kind::MySQL,
        [](Schema &, Schema &a) { orders(a).indexes.append(index(u"user_id"_s, {u"user_id"_s})); }, {});
    row("MySQL other index", Kind::MySQL,
        [](Schema &, Schema &a) { orders(a).indexes.append(index(u"ix_orders_total"_s, {u"total"_s})); },
        {u"W + index orders.ix_orders_total"_s});
    row("MySQL foreign key index expected", Kind::MySQL,
        [](Schema &e, Schema &) { orders(e).indexes.append(index(u"ix_orders_user_id"_s, {u"user_id"_s})); },
        {u"W - index orders.ix_orders_user_id"_s});
    row("PostgreSQL foreign key index", Kind::PostgreSQL,
        [](Schema &, Schema &a) { orders(a).indexes.append(index(u"fk_orders_user"_s, {u"user_id"_s})); },
        {u"W + index orders.fk_orders_user"_s});

    // MariaDB's JSON.
    row("MariaDB JSON as LONGTEXT", Kind::MySQL,
        [](Schema &e, Schema &a) {
            users(e).columns.append(column(u"prefs"_s, type(u"JSON"_s)));
            users(a).columns.append(column(u"prefs"_s, type(u"LONGTEXT"_s)));
            users(a).checkConstraints.append({u"prefs"_s, u"json_valid(`prefs`)"_s});
        },
        {});
    row("PostgreSQL JSON as TEXT", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            users(e).columns.append(column(u"prefs"_s, type(u"JSON"_s)));
            users(a).columns.append(column(u"prefs"_s, type(u"TEXT"_s)));
        },
        {u"E ~ column users.prefs type JSON → TEXT"_s});
    row("MySQL display width", Kind::MySQL,
        [](Schema &, Schema &a) { col(orders(a), u"user_id"_s).type = type(u"INT"_s, 11); }, {});

    // Check constraints.
    row("check text", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).checkConstraints[0].sqlText = u"(LENGTH((name)::text) > 0)"_s; }, {});
    row("check changed", Kind::PostgreSQL,
        [](Schema &, Schema &a) { users(a).checkConstraints[0].sqlText = u"length(name) > 1"_s; },
        {u"I ~ check users.ck_users_name condition length(name) > 0 → length(name) > 1"_s});
    row("missing check", Kind::SQLite,
        [](Schema &e, Schema &a) {
            orders(e).checkConstraints.append({u"ck_orders_total"_s, u"total >= 0"_s});
            users(a).checkConstraints.append({u"ck_users_email"_s, u"email LIKE '%@%'"_s});
        },
        {u"W - check orders.ck_orders_total"_s, u"W + check users.ck_users_email"_s});
    row("unnamed check", Kind::SQLite,
        [](Schema &e, Schema &a) {
            users(e).checkConstraints[0].name.clear();
            users(a).checkConstraints[0] = {{}, u"CHECK (length(name)>0)"_s};
        },
        {});
    row("MySQL without checks", Kind::MySQL, [](Schema &, Schema &a) { users(a).checkConstraints.clear(); }, {});
    row("MySQL with checks", Kind::MySQL,
        [](Schema &, Schema &a) { users(a).checkConstraints[0].sqlText = u"char_length(`name`) > 0"_s; },
        {u"I ~ check users.ck_users_name condition length(name) > 0 → char_length(`name`) > 0"_s});

    // Foreign keys.
    row("missing foreign key", Kind::PostgreSQL, [](Schema &, Schema &a) { orders(a).foreignKeys.clear(); },
        {u"W - foreign_key orders.fk_orders_user"_s});
    row("unexpected foreign key", Kind::SQLite, [](Schema &e, Schema &) { orders(e).foreignKeys.clear(); },
        {u"W + foreign_key orders.fk_orders_user"_s});
    row("on delete", Kind::PostgreSQL, [](Schema &, Schema &a) { orders(a).foreignKeys[0].onDelete.clear(); },
        {u"W ~ foreign_key orders.fk_orders_user on_delete CASCADE → ∅"_s});
    row("on update NO ACTION", Kind::PostgreSQL,
        [](Schema &, Schema &a) { orders(a).foreignKeys[0].onUpdate = u"NO ACTION"_s; }, {});
    row("referred columns", Kind::PostgreSQL,
        [](Schema &, Schema &a) { orders(a).foreignKeys[0].referredColumns = {u"email"_s}; },
        {u"W ~ foreign_key orders.fk_orders_user referred users (id) → users (email)"_s});
    row("foreign key name", Kind::PostgreSQL,
        [](Schema &, Schema &a) { orders(a).foreignKeys[0].name = u"orders_user_id_fkey"_s; },
        {u"I ~ foreign_key orders.fk_orders_user name fk_orders_user → orders_user_id_fkey"_s});
    row("unnamed foreign key", Kind::SQLite, [](Schema &e, Schema &) { orders(e).foreignKeys[0].name.clear(); }, {});
    row("unnamed foreign key on delete", Kind::SQLite,
        [](Schema &e, Schema &a) {
            orders(e).foreignKeys[0].name.clear();
            orders(a).foreignKeys[0].onDelete = u"SET NULL"_s;
        },
        {u"W ~ foreign_key orders.fk_orders_user on_delete CASCADE → SET NULL"_s});
    row("unnamed foreign key elsewhere", Kind::SQLite,
        [](Schema &e, Schema &a) {
            orders(e).foreignKeys[0].name.clear();
            orders(a).foreignKeys[0].name.clear();
            orders(a).foreignKeys[0].referredTable = u"customers"_s;
        },
        {u"W + foreign_key orders.(user_id) REFERENCES customers (id) ON DELETE CASCADE"_s,
         u"W - foreign_key orders.(user_id) REFERENCES users (id) ON DELETE CASCADE"_s});

    // Schema-level objects.
    row("missing enum", Kind::PostgreSQL,
        [](Schema &e, Schema &) {
            e.enums.append({{}, u"mood"_s, {u"happy"_s, u"sad"_s}});
        },
        {u"W - enum mood"_s});
    row("enum values", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            SqlType mood = type(u"ENUM"_s);
            mood.enumName = u"mood"_s;
            mood.enumValues = {u"happy"_s, u"sad"_s};
            e.enums.append({{}, u"mood"_s, mood.enumValues});
            users(e).columns.append(column(u"mood"_s, mood));
            mood.enumValues.append(u"meh"_s);
            a.enums.append({{}, u"mood"_s, mood.enumValues});
            users(a).columns.append(column(u"mood"_s, mood));
        },
        {u"W ~ enum mood values ('happy', 'sad') → ('happy', 'sad', 'meh')"_s});
    row("views", Kind::PostgreSQL,
        [](Schema &e, Schema &a) {
            e.views = {u"v_active"_s, u"v_same"_s};
            a.views = {u"v_same"_s, u"v_all"_s};
        },
        {u"W - view v_active"_s, u"W + view v_all"_s});
}

void TestSchemaDiff::compare()
{
    QFETCH(Schema, expected);
    QFETCH(Schema, actual);
    QFETCH(QStringList, differences);

    const SchemaDiff diff = SchemaDiff::compare(expected, actual);
    QCOMPARE(describe(diff), differences);
    QCOMPARE(diff.isEmpty(), differences.isEmpty());
    QCOMPARE(diff.distance() == 0, differences.isEmpty());
}

void TestSchemaDiff::order()
{
    const SchemaDiff diff = diffAfter(Kind::PostgreSQL, [](Schema &e, Schema &a) {
        SchemaTable logs;
        logs.schema = u"archive"_s;
        logs.name = u"logs"_s;
        logs.columns = {column(u"id"_s, type(u"INTEGER"_s))};
        e.tables.append(logs);
        e.sortTables();
        e.enums.append({{}, u"mood"_s, {u"happy"_s}});
        users(a).columns.removeAt(1);
        users(a).columns.append(column(u"zzz"_s, type(u"TEXT"_s)));
        users(a).columns.append(column(u"aaa"_s, type(u"TEXT"_s)));
        col(users(a), u"email"_s).type = type(u"TEXT"_s);
        users(a).indexes = {index(u"ix_b"_s, {u"email"_s}), index(u"ix_a"_s, {u"email"_s})};
        users(a).primaryKey.name = u"pk"_s;
        orders(a).foreignKeys.clear();
        col(orders(a), u"total"_s).nullable = true;
    });
    QCOMPARE(describe(diff), (QStringList{
                                 u"W ~ column orders.total nullable NOT NULL → NULL"_s,
                                 u"W - foreign_key orders.fk_orders_user"_s,
                                 u"E - column users.name"_s,
                                 u"E ~ column users.email type "_s + type(u"VARCHAR"_s, 100).text() + u" → TEXT"_s,
                                 u"E + column users.zzz"_s,
                                 u"E + column users.aaa"_s,
                                 u"I ~ primary_key users.users_pkey name users_pkey → pk"_s,
                                 u"W + index users.ix_a"_s,
                                 u"W + index users.ix_b"_s,
                                 u"W - index users.ix_users_name"_s,
                                 u"E - table archive.logs"_s,
                                 u"W - enum mood"_s,
                             }));
    QCOMPARE(diff.tables(), (QStringList{u"orders"_s, u"users"_s, u"archive.logs"_s}));
    QCOMPARE(diff.maximumSeverity(), Severity::Error);
    QCOMPARE(diff.differences().at(0).table, u"orders"_s);
    QCOMPARE(diff.differences().at(0).objectKind, u"column"_s);
    QCOMPARE(diff.differences().at(0).objectName, u"total"_s);
    QCOMPARE(diff.differences().at(0).property, u"nullable"_s);
    QCOMPARE(diff.differences().last().table, QString());

    const SchemaDiff same = SchemaDiff::compare(shop(Kind::MySQL), shop(Kind::MySQL));
    QVERIFY(same.isEmpty());
    QVERIFY(same.tables().isEmpty());
    QCOMPARE(same.maximumSeverity(), Severity::Info);
}

void TestSchemaDiff::distance()
{
    const auto distanceAfter = [](const Edit &edit) { return diffAfter(Kind::PostgreSQL, edit).distance(); };
    const int identical = distanceAfter([](Schema &, Schema &) {});
    const int oneDefault =
        distanceAfter([](Schema &, Schema &a) { col(users(a), u"email"_s).serverDefault = u"'x'"_s; });
    const int oneIndex = distanceAfter([](Schema &, Schema &a) { users(a).indexes.clear(); });
    const int oneType = distanceAfter([](Schema &, Schema &a) { col(users(a), u"email"_s).type = type(u"TEXT"_s); });
    const int oneColumn = distanceAfter([](Schema &, Schema &a) { users(a).columns.removeAt(2); });
    const int twoColumns = distanceAfter([](Schema &, Schema &a) {
        users(a).columns.removeAt(2);
        orders(a).columns.append(column(u"note"_s, type(u"TEXT"_s)));
    });
    const int oneTable = distanceAfter(
        [](Schema &, Schema &a) { a.tables.removeIf([](const SchemaTable &t) { return t.name == u"orders"; }); });
    QCOMPARE(identical, 0);
    QVERIFY(oneDefault > 0);
    QVERIFY(oneDefault < oneIndex);
    QVERIFY(oneIndex < oneType);
    QVERIFY(oneType < oneColumn);
    QVERIFY(oneColumn < twoColumns);
    QVERIFY(twoColumns < oneTable);
}

void TestSchemaDiff::text_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("text");
    const auto add = [](const char *row, Change change, const QString &table, const QString &kind, const QString &name,
                        const QString &property, const QString &expected, const QString &actual, const QString &text) {
        QTest::newRow(row) << int(change) << table << kind << name << property << expected << actual << text;
    };
    add("missing column", Change::Missing, u"users"_s, u"column"_s, u"email"_s, {}, u"VARCHAR(50)"_s, {},
        u"- column users.email VARCHAR(50)"_s);
    add("unexpected column", Change::Unexpected, u"users"_s, u"column"_s, u"email"_s, {}, {}, u"VARCHAR(50) NOT NULL"_s,
        u"+ column users.email VARCHAR(50) NOT NULL"_s);
    add("changed type", Change::Changed, u"users"_s, u"column"_s, u"name"_s, u"type"_s, u"VARCHAR(50)"_s,
        u"VARCHAR(80)"_s, u"~ column users.name: type VARCHAR(50) → VARCHAR(80)"_s);
    add("missing table", Change::Missing, u"shop.orders"_s, u"table"_s, {}, {}, {}, {}, u"- table shop.orders"_s);
    add("unexpected table", Change::Unexpected, u"audit"_s, u"table"_s, {}, {}, {}, {}, u"+ table audit"_s);
    add("missing index", Change::Missing, u"users"_s, u"index"_s, u"ix_users_name"_s, {}, u"(name)"_s, {},
        u"- index ix_users_name on users (name)"_s);
    add("unnamed unique", Change::Missing, u"users"_s, u"unique"_s, u"(email)"_s, {}, u"(email)"_s, {},
        u"- unique constraint (email) on users"_s);
    add("primary key", Change::Changed, u"users"_s, u"primary_key"_s, u"users_pkey"_s, u"columns"_s, u"(id)"_s,
        u"(id, email)"_s, u"~ primary key users_pkey on users: columns (id) → (id, email)"_s);
    add("on delete", Change::Changed, u"orders"_s, u"foreign_key"_s, u"fk_orders_user"_s, u"on_delete"_s, u"CASCADE"_s,
        {}, u"~ foreign key fk_orders_user on orders: on delete CASCADE → (none)"_s);
    add("check", Change::Unexpected, u"users"_s, u"check"_s, u"ck_users_name"_s, {}, {}, u"CHECK (x > 0)"_s,
        u"+ check constraint ck_users_name on users CHECK (x > 0)"_s);
    add("enum", Change::Missing, {}, u"enum"_s, u"mood"_s, {}, u"('happy', 'sad')"_s, {},
        u"- enum type mood ('happy', 'sad')"_s);
    add("enum values", Change::Changed, {}, u"enum"_s, u"mood"_s, u"values"_s, u"('happy')"_s, u"('sad')"_s,
        u"~ enum type mood: values ('happy') → ('sad')"_s);
    add("view", Change::Unexpected, {}, u"view"_s, u"v_all"_s, {}, {}, {}, u"+ view v_all"_s);
}

void TestSchemaDiff::text()
{
    QFETCH(int, change);
    QFETCH(QString, table);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QString, property);
    QFETCH(QString, expected);
    QFETCH(QString, actual);
    QFETCH(QString, text);

    const SchemaDifference d{Change(change), Severity::Info, table, kind, name, property, expected, actual};
    QCOMPARE(d.text(), text);
}

void TestSchemaDiff::textOfComparison()
{
    const SchemaDiff diff = diffAfter(Kind::PostgreSQL, [](Schema &, Schema &a) {
        users(a).columns.append(column(u"age"_s, type(u"INTEGER"_s), false, u"0"_s));
        col(users(a), u"id"_s).type = type(u"BIGINT"_s);
        orders(a).foreignKeys[0].onDelete.clear();
        users(a).uniqueConstraints[0].name.clear();
        users(a).uniqueConstraints[0].columns = {u"name"_s};
    });
    QStringList texts;
    for (const SchemaDifference &d : diff.differences())
        texts.append(d.text());
    QCOMPARE(texts, (QStringList{
                        u"~ foreign key fk_orders_user on orders: on delete CASCADE → (none)"_s,
                        u"~ column users.id: type INTEGER → BIGINT"_s,
                        u"+ column users.age INTEGER NOT NULL DEFAULT 0"_s,
                        u"+ unique constraint (name) on users"_s,
                        u"- unique constraint uq_users_email on users (email)"_s,
                    }));
}

void TestSchemaDiff::largeSchema()
{
    // Matching a live schema against every revision runs many comparisons of big schemas: they must
    // stay linear in the number of tables.
    Schema expected{SqlDialect(Kind::PostgreSQL), {}, {}, {}};
    for (int t = 0; t < 2000; ++t) {
        SchemaTable table;
        table.name = u"table_%1"_s.arg(t, 4, 10, QChar(u'0'));
        for (int c = 0; c < 10; ++c)
            table.columns.append(column(u"column_%1"_s.arg(c), type(u"INTEGER"_s), c != 0, u"(%1)::integer"_s.arg(c)));
        table.primaryKey = {table.name + u"_pkey"_s, {u"column_0"_s}};
        table.indexes = {index(u"ix_%1"_s.arg(t), {u"column_1"_s})};
        table.checkConstraints = {{u"ck_%1"_s.arg(t), u"column_2 > 0"_s}};
        expected.tables.append(table);
    }
    Schema actual = expected;
    std::reverse(actual.tables.begin(), actual.tables.end());
    for (SchemaTable &table : actual.tables) {
        for (SchemaColumn &c : table.columns)
            c.serverDefault = c.serverDefault.mid(1).replace(u")::integer"_s, QString());
        table.checkConstraints[0].sqlText = u"(column_2 > (0)::integer)"_s;
    }
    actual.tables.removeLast();

    QElapsedTimer clock;
    clock.start();
    const SchemaDiff diff = SchemaDiff::compare(expected, actual);
    QVERIFY2(clock.elapsed() < 2000 * RETORT_TEST_SLOWDOWN, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(describe(diff), QStringList{u"E - table table_0000"_s});
}

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
