// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmap.h"
#include "project/revisionscript.h"
#include "schema/expectedschemas.h"
#include "schema/schemareplay.h"

#include <QHash>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

RevisionScript script(const QString &revision, const QString &upgradeBody, const QString &down = u"None"_s)
{
    const QString text =
        u"revision = '%1'\ndown_revision = %3\n\nfrom alembic import op\nimport sqlalchemy as sa\n"
        "from sqlalchemy.dialects import postgresql\n\n\ndef upgrade():\n%2\n\ndef downgrade():\n    pass\n"_s.arg(
            revision, upgradeBody, down);
    return readRevisionScript(revision + u".py"_s, text.toUtf8());
}

Schema replay(SqlDialect::Kind dialect, const QStringList &bodies, QList<ReplayNote> *notes = nullptr)
{
    SchemaReplay replay{SqlDialect(dialect)};
    int n = 0;
    for (const QString &body : bodies)
        replay.apply(script(u"r%1"_s.arg(++n), body));
    if (notes)
        *notes = replay.notes();
    return replay.schema();
}

const QString Users = uR"(    op.create_table('users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=120), nullable=False),
        sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('email')
    )
    op.create_index(op.f('ix_users_active'), 'users', ['active'], unique=False)
    op.create_table('posts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(200), server_default='untitled'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    ))"_s;

} // namespace

class TestSchemaReplay : public QObject
{
    Q_OBJECT

private slots:
    void createTableAsAutogenerateWritesIt()
    {
        QList<ReplayNote> notes;
        const Schema schema = replay(SqlDialect::Kind::PostgreSQL, {Users}, &notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.value(0).reason));
        QCOMPARE(schema.tables.size(), 2);
        const SchemaTable *users = schema.table({}, u"users"_s);
        QVERIFY(users);
        QCOMPARE(users->columns.size(), 3);
        QCOMPARE(users->columns.at(0).autoincrement, true);
        QCOMPARE(users->columns.at(0).nullable, false);
        QCOMPARE(users->columns.at(1).type.text(), u"VARCHAR(120)"_s);
        QCOMPARE(users->columns.at(2).serverDefault, u"true"_s);
        QCOMPARE(users->primaryKey.name, u"users_pkey"_s);
        QCOMPARE(users->uniqueConstraints.size(), 1);
        QCOMPARE(users->uniqueConstraints.first().name, u"users_email_key"_s);
        QCOMPARE(users->indexes.size(), 1);
        QCOMPARE(users->indexes.first().name, u"ix_users_active"_s);
        const SchemaTable *posts = schema.table({}, u"posts"_s);
        QVERIFY(posts);
        QCOMPARE(posts->foreignKeys.size(), 1);
        QCOMPARE(posts->foreignKeys.first().name, u"posts_user_id_fkey"_s);
        QCOMPARE(posts->foreignKeys.first().referredTable, u"users"_s);
        QCOMPARE(posts->foreignKeys.first().onDelete, u"CASCADE"_s);
        QCOMPARE(posts->columns.at(2).serverDefault, u"'untitled'"_s);
    }

    void defaultNamesFollowTheDatabase()
    {
        const Schema mysql = replay(SqlDialect::Kind::MySQL, {Users});
        QCOMPARE(mysql.table({}, u"users"_s)->primaryKey.name, u"PRIMARY"_s);
        QCOMPARE(mysql.table({}, u"users"_s)->uniqueConstraints.first().name, u"email"_s);
        QCOMPARE(mysql.table({}, u"posts"_s)->foreignKeys.first().name, u"posts_ibfk_1"_s);
        QCOMPARE(mysql.table({}, u"users"_s)->columns.at(2).serverDefault, u"true"_s);
        const Schema sqlite = replay(SqlDialect::Kind::SQLite, {Users});
        QVERIFY(sqlite.table({}, u"users"_s)->primaryKey.name.isEmpty());
        QVERIFY(sqlite.table({}, u"users"_s)->uniqueConstraints.first().name.isEmpty());
        QVERIFY(sqlite.table({}, u"users"_s)->columns.at(0).autoincrement);
    }

    void dropConstraintByTheNameTheDatabaseGave()
    {
        QList<ReplayNote> notes;
        const Schema schema =
            replay(SqlDialect::Kind::PostgreSQL,
                   {Users, u"    op.drop_constraint('users_email_key', 'users', type_='unique')\n"
                           "    op.drop_constraint('posts_user_id_fkey', 'posts', type_='foreignkey')"_s},
                   &notes);
        QVERIFY(notes.isEmpty());
        QVERIFY(schema.table({}, u"users"_s)->uniqueConstraints.isEmpty());
        QVERIFY(schema.table({}, u"posts"_s)->foreignKeys.isEmpty());
    }

    void columnsRenamedAltered()
    {
        QList<ReplayNote> notes;
        const Schema schema =
            replay(SqlDialect::Kind::PostgreSQL,
                   {Users, uR"(    op.add_column('users', sa.Column('name', sa.String(50), nullable=True))
    op.alter_column('users', 'name', new_column_name='full_name', nullable=False, existing_type=sa.String(50))
    op.alter_column('users', 'email', type_=sa.String(length=200), server_default=None)
    op.drop_column('users', 'active')
    op.rename_table('users', 'accounts'))"_s},
                   &notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.value(0).reason));
        QVERIFY(!schema.table({}, u"users"_s));
        const SchemaTable *accounts = schema.table({}, u"accounts"_s);
        QVERIFY(accounts);
        QVERIFY(accounts->column(u"full_name"_s));
        QCOMPARE(accounts->column(u"full_name"_s)->nullable, false);
        QCOMPARE(accounts->column(u"email"_s)->type.text(), u"VARCHAR(200)"_s);
        QVERIFY(!accounts->column(u"active"_s));
        QVERIFY(accounts->indexes.isEmpty()); // went with the column
        QCOMPARE(schema.table({}, u"posts"_s)->foreignKeys.first().referredTable, u"accounts"_s);
    }

    void batchModeOnSQLiteCopiesTheTable()
    {
        QList<ReplayNote> notes;
        const Schema schema = replay(SqlDialect::Kind::SQLite,
                                     {uR"(    op.create_table('t',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('n', sa.Integer()),
        sa.Column('old', sa.Text()),
        sa.CheckConstraint('n > 0', name='positive')
    ))"_s,
                                      uR"(    with op.batch_alter_table('t', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label', sa.String(length=30), nullable=True))
        batch_op.drop_column('old')
        batch_op.create_index(batch_op.f('ix_t_label'), ['label'], unique=True))"_s},
                                     &notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.value(0).reason));
        const SchemaTable *t = schema.table({}, u"t"_s);
        QVERIFY(t->column(u"label"_s));
        QVERIFY(!t->column(u"old"_s));
        QCOMPARE(t->indexes.size(), 1);
        QVERIFY(t->indexes.first().unique);
        // alembic's batch copy does not carry reflected CHECK constraints over
        QVERIFY(t->checkConstraints.isEmpty());
    }

    void enumsPerDialect()
    {
        const QString body = uR"(    mood = sa.Enum('happy', 'sad', name='mood')
    op.create_table('people', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('mood', mood)))"_s;
        const Schema pg = replay(SqlDialect::Kind::PostgreSQL, {body});
        QCOMPARE(pg.enums.size(), 1);
        QCOMPARE(pg.enums.first().name, u"mood"_s);
        QCOMPARE(pg.enums.first().values, (QStringList{u"happy"_s, u"sad"_s}));
        QCOMPARE(pg.table({}, u"people"_s)->column(u"mood"_s)->type.enumName, u"mood"_s);
        const Schema sqlite = replay(SqlDialect::Kind::SQLite, {body});
        QCOMPARE(sqlite.table({}, u"people"_s)->column(u"mood"_s)->type.text(), u"VARCHAR(5)"_s);
        QVERIFY(sqlite.enums.isEmpty());
    }

    void everyRevisionKeepsItsOwnSchema()
    {
        const QList<RevisionScript> scripts{
            script(u"a"_s, Users),
            script(u"b"_s, u"    op.add_column('users', sa.Column('x', sa.Integer()))"_s, u"'a'"_s),
            script(u"c"_s, u"    op.drop_index('ix_users_active', table_name='users')"_s, u"'a'"_s),
            script(u"m"_s, u"    op.drop_table('posts')"_s, u"('b', 'c')"_s),
        };
        const RevisionMap map = RevisionMap::build(scripts);
        const ExpectedSchemas expected(map, scripts, SqlDialect(SqlDialect::Kind::SQLite));
        const QList<ExpectedSchemas::AtRevision> all = expected.all();
        QCOMPARE(all.size(), 4);
        QHash<QString, Schema> byId;
        for (const ExpectedSchemas::AtRevision &at : all)
            byId.insert(map.revision(at.revision).id, at.replay.schema());
        const SchemaTable *usersAtA = byId[u"a"_s].table({}, u"users"_s);
        QVERIFY(!usersAtA->column(u"x"_s));
        QCOMPARE(usersAtA->indexes.size(), 1);
        QVERIFY(byId[u"b"_s].table({}, u"users"_s)->column(u"x"_s));
        QCOMPARE(byId[u"b"_s].table({}, u"users"_s)->indexes.size(), 1);
        QCOMPARE(byId[u"c"_s].table({}, u"users"_s)->indexes.size(), 0);
        QVERIFY(!byId[u"c"_s].table({}, u"users"_s)->column(u"x"_s));
        const Schema &merged = byId[u"m"_s];
        QVERIFY(merged.table({}, u"users"_s)->column(u"x"_s));
        QCOMPARE(merged.table({}, u"users"_s)->indexes.size(), 0);
        QVERIFY(!merged.table({}, u"posts"_s));
        const Result<SchemaReplay> atBoth = expected.at({u"b"_s, u"c"_s});
        QVERIFY(atBoth);
        QVERIFY(atBoth->schema().table({}, u"posts"_s));
        QVERIFY(atBoth->schema().table({}, u"users"_s)->column(u"x"_s));
    }

    void whatCannotBeFollowedIsNoted()
    {
        QList<ReplayNote> notes;
        const Schema schema =
            replay(SqlDialect::Kind::SQLite,
                   {Users, uR"py(    op.execute("UPDATE users SET active = 1; ALTER TABLE users ADD COLUMN q INTEGER")
    if op.get_context().dialect.name == 'sqlite':
        op.add_column('users', sa.Column('x', sa.Integer()))
    _helper()
    op.add_column('nope', sa.Column('y', sa.Integer()))
    op.add_column('users', sa.Column('z', MyType()))
    op.execute("UPDATE users SET active = 1")
    op.execute(sa.text("insert into users (email) values ('a')"))
    op.execute(users_table.update().where(users_table.c.id == 1).values(active=True)))py"_s},
                   &notes);
        // Statements that only change rows are not noted.
        QCOMPARE(notes.size(), 5);
        QCOMPARE(notes.at(0).line, 10);
        QCOMPARE(notes.at(0).revision, u"r2"_s);
        QVERIFY(notes.at(0).reason.contains(u"op.execute"_s));
        QCOMPARE(notes.at(1).line, 11);
        QCOMPARE(notes.at(2).line, 13);
        QCOMPARE(notes.at(3).line, 14);
        QVERIFY(notes.at(3).reason.contains(u"nope"_s));
        QCOMPARE(notes.at(4).line, 15);
        QVERIFY(!schema.table({}, u"users"_s)->column(u"x"_s));
        QVERIFY(schema.table({}, u"users"_s)->column(u"z"_s)); // added, type a guess
    }
};

QTEST_GUILESS_MAIN(TestSchemaReplay)
#include "tst_schemareplay.moc"
