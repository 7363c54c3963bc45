// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// SqlType::parse(): the catalog's spelling of a type and the DDL SQLAlchemy 1.4 emits for it read as the
// same SqlType, per dialect; text() renders one spelling; types that differ stay different.

#include "schema/schema.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SqlDialect)

namespace {

const SqlDialect sqlite(SqlDialect::Kind::SQLite);
const SqlDialect postgres(SqlDialect::Kind::PostgreSQL);
const SqlDialect mysql(SqlDialect::Kind::MySQL);

} // namespace

class TestSqlType : public QObject
{
    Q_OBJECT

private slots:
    void equivalent_data();
    void equivalent();
    void different_data();
    void different();
    void text_data();
    void text();
    void fields();
};

void TestSqlType::equivalent_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QString>("ddl");

    const auto row = [](const char *name, SqlDialect dialect, const QString &catalog, const QString &ddl) {
        QTest::newRow(name) << dialect << catalog << ddl;
    };
    // PostgreSQL: format_type() against SQLAlchemy's PGTypeCompiler.
    row("pg varchar", postgres, u"character varying(50)"_s, u"VARCHAR(50)"_s);
    row("pg varchar unbounded", postgres, u"character varying"_s, u"VARCHAR"_s);
    row("pg integer", postgres, u"integer"_s, u"INTEGER"_s);
    row("pg int4", postgres, u"int4"_s, u"INTEGER"_s);
    row("pg int", postgres, u"int"_s, u"integer"_s);
    row("pg serial", postgres, u"integer"_s, u"SERIAL"_s);
    row("pg bigint", postgres, u"bigint"_s, u"BIGINT"_s);
    row("pg int8", postgres, u"int8"_s, u"BIGINT"_s);
    row("pg bigserial", postgres, u"bigint"_s, u"BIGSERIAL"_s);
    row("pg smallint", postgres, u"smallint"_s, u"SMALLINT"_s);
    row("pg int2", postgres, u"int2"_s, u"SMALLINT"_s);
    row("pg boolean", postgres, u"boolean"_s, u"BOOLEAN"_s);
    row("pg bool", postgres, u"bool"_s, u"BOOLEAN"_s);
    row("pg text", postgres, u"text"_s, u"TEXT"_s);
    row("pg numeric", postgres, u"numeric(10,2)"_s, u"NUMERIC(10, 2)"_s);
    row("pg decimal", postgres, u"numeric(10,2)"_s, u"DECIMAL(10, 2)"_s);
    row("pg numeric(p)", postgres, u"numeric(10,0)"_s, u"NUMERIC(10)"_s);
    row("pg numeric bare", postgres, u"numeric"_s, u"NUMERIC"_s);
    row("pg float", postgres, u"double precision"_s, u"FLOAT"_s);
    row("pg float8", postgres, u"float8"_s, u"DOUBLE PRECISION"_s);
    row("pg float(53)", postgres, u"double precision"_s, u"FLOAT(53)"_s);
    row("pg float(25)", postgres, u"double precision"_s, u"FLOAT(25)"_s);
    row("pg float(24)", postgres, u"real"_s, u"FLOAT(24)"_s);
    row("pg float(1)", postgres, u"real"_s, u"FLOAT(1)"_s);
    row("pg real", postgres, u"real"_s, u"REAL"_s);
    row("pg float4", postgres, u"float4"_s, u"REAL"_s);
    row("pg timestamp", postgres, u"timestamp without time zone"_s, u"TIMESTAMP WITHOUT TIME ZONE"_s);
    row("pg timestamp bare", postgres, u"timestamp without time zone"_s, u"TIMESTAMP"_s);
    row("pg timestamp(3)", postgres, u"timestamp(3) without time zone"_s, u"TIMESTAMP(3) WITHOUT TIME ZONE"_s);
    row("pg timestamptz", postgres, u"timestamp with time zone"_s, u"TIMESTAMP WITH TIME ZONE"_s);
    row("pg timestamptz short", postgres, u"timestamptz"_s, u"TIMESTAMP WITH TIME ZONE"_s);
    row("pg timestamptz(6)", postgres, u"timestamp(6) with time zone"_s, u"TIMESTAMP(6) WITH TIME ZONE"_s);
    row("pg time", postgres, u"time without time zone"_s, u"TIME WITHOUT TIME ZONE"_s);
    row("pg time bare", postgres, u"time without time zone"_s, u"TIME"_s);
    row("pg timetz", postgres, u"time with time zone"_s, u"timetz"_s);
    row("pg date", postgres, u"date"_s, u"DATE"_s);
    row("pg bytea", postgres, u"bytea"_s, u"BYTEA"_s);
    row("pg json", postgres, u"json"_s, u"JSON"_s);
    row("pg jsonb", postgres, u"jsonb"_s, u"JSONB"_s);
    row("pg uuid", postgres, u"uuid"_s, u"UUID"_s);
    row("pg char", postgres, u"character(3)"_s, u"CHAR(3)"_s);
    row("pg char bare", postgres, u"character(1)"_s, u"CHAR"_s);
    row("pg interval", postgres, u"interval"_s, u"INTERVAL"_s);
    row("pg array", postgres, u"integer[]"_s, u"INTEGER[]"_s);
    row("pg array varchar", postgres, u"character varying(20)[]"_s, u"VARCHAR(20)[]"_s);
    row("pg array 2d", postgres, u"integer[]"_s, u"INTEGER[][]"_s);
    row("pg array keyword", postgres, u"integer[]"_s, u"INTEGER ARRAY"_s);
    row("pg collate", postgres, u"character varying(10)"_s, u"VARCHAR(10) COLLATE \"C\""_s);
    row("pg bit", postgres, u"bit(1)"_s, u"BIT"_s);
    row("pg varbit", postgres, u"bit varying(5)"_s, u"VARBIT(5)"_s);
    row("pg spacing", postgres, u"character  varying( 50 )"_s, u" VARCHAR(50) "_s);
    row("pg enum name", postgres, u"mood"_s, u"MOOD"_s);
    row("pg inet", postgres, u"inet"_s, u"INET"_s);
    // MySQL and MariaDB: information_schema.COLUMNS.COLUMN_TYPE against MySQLTypeCompiler.
    row("my int(11)", mysql, u"int(11)"_s, u"INTEGER"_s);
    row("my int", mysql, u"int"_s, u"INTEGER"_s);
    row("my int(11) bare", mysql, u"int(11)"_s, u"int"_s);
    row("my bigint(20)", mysql, u"bigint(20)"_s, u"BIGINT"_s);
    row("my smallint(6)", mysql, u"smallint(6)"_s, u"SMALLINT"_s);
    row("my tinyint(4)", mysql, u"tinyint(4)"_s, u"TINYINT"_s);
    row("my mediumint", mysql, u"mediumint(9)"_s, u"MEDIUMINT"_s);
    row("my bool", mysql, u"tinyint(1)"_s, u"BOOL"_s);
    row("my boolean", mysql, u"tinyint(1)"_s, u"BOOLEAN"_s);
    row("my bool boolean", mysql, u"BOOL"_s, u"BOOLEAN"_s);
    row("my unsigned", mysql, u"int(10) unsigned"_s, u"INTEGER UNSIGNED"_s);
    row("my zerofill", mysql, u"int(10) unsigned zerofill"_s, u"INTEGER UNSIGNED"_s);
    row("my varchar", mysql, u"varchar(50)"_s, u"VARCHAR(50)"_s);
    row("my varchar charset", mysql, u"varchar(50)"_s, u"VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"_s);
    row("my nvarchar", mysql, u"varchar(50)"_s, u"NVARCHAR(50)"_s);
    row("my decimal", mysql, u"decimal(10,2)"_s, u"NUMERIC(10, 2)"_s);
    row("my decimal(p)", mysql, u"decimal(12,0)"_s, u"NUMERIC(12)"_s);
    row("my decimal bare", mysql, u"decimal(10,0)"_s, u"NUMERIC"_s);
    row("my double", mysql, u"double"_s, u"DOUBLE"_s);
    row("my double precision", mysql, u"double"_s, u"DOUBLE PRECISION"_s);
    row("my real", mysql, u"double"_s, u"REAL"_s);
    row("my float", mysql, u"float"_s, u"FLOAT"_s);
    row("my float(10)", mysql, u"float"_s, u"FLOAT(10)"_s);
    row("my float(53)", mysql, u"double"_s, u"FLOAT(53)"_s);
    row("my float(m,d)", mysql, u"float(10,2)"_s, u"FLOAT(10, 2)"_s);
    row("my datetime", mysql, u"datetime"_s, u"DATETIME"_s);
    row("my datetime(6)", mysql, u"datetime(6)"_s, u"DATETIME(6)"_s);
    row("my timestamp", mysql, u"timestamp"_s, u"TIMESTAMP"_s);
    row("my date", mysql, u"date"_s, u"DATE"_s);
    row("my time", mysql, u"time"_s, u"TIME"_s);
    row("my enum", mysql, u"enum('a','b')"_s, u"ENUM('a','b')"_s);
    row("my enum spaced", mysql, u"enum('a','b')"_s, u"ENUM('a', 'b')"_s);
    row("my enum quote", mysql, u"enum('it''s','x,y')"_s, u"ENUM('it''s', 'x,y')"_s);
    row("my text", mysql, u"text"_s, u"TEXT"_s);
    row("my longtext", mysql, u"longtext"_s, u"LONGTEXT"_s);
    row("my mediumtext", mysql, u"mediumtext"_s, u"MEDIUMTEXT"_s);
    row("my blob", mysql, u"blob"_s, u"BLOB"_s);
    row("my json", mysql, u"json"_s, u"JSON"_s);
    row("my char", mysql, u"char(3)"_s, u"CHAR(3)"_s);
    row("my char bare", mysql, u"char(1)"_s, u"CHAR"_s);
    row("my year", mysql, u"year(4)"_s, u"YEAR"_s);
    row("my bit", mysql, u"bit(1)"_s, u"BIT"_s);
    row("my binary", mysql, u"binary(16)"_s, u"BINARY(16)"_s);
    row("my varbinary", mysql, u"varbinary(255)"_s, u"VARBINARY(255)"_s);
    // SQLite: the declared type as written, upper case, spaced one way.
    row("sqlite varchar", sqlite, u"VARCHAR(50)"_s, u"varchar(50)"_s);
    row("sqlite numeric", sqlite, u"NUMERIC(10, 2)"_s, u"NUMERIC(10,2)"_s);
    row("sqlite datetime", sqlite, u"DATETIME"_s, u"datetime"_s);
    row("sqlite boolean", sqlite, u"BOOLEAN"_s, u"BOOLEAN"_s);
    row("sqlite integer", sqlite, u"INTEGER"_s, u"integer"_s);
    row("sqlite spaces", sqlite, u"VARCHAR ( 50 )"_s, u"VARCHAR(50)"_s);
    row("sqlite words", sqlite, u"unsigned  big   int"_s, u"UNSIGNED BIG INT"_s);
}

void TestSqlType::equivalent()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, catalog);
    QFETCH(QString, ddl);
    const SqlType fromCatalog = SqlType::parse(dialect, catalog);
    const SqlType fromDdl = SqlType::parse(dialect, ddl);
    QCOMPARE(fromCatalog.text(), fromDdl.text());
    QVERIFY(fromCatalog == fromDdl);
    // text() is a spelling parse() reads back as the same type.
    QVERIFY2(SqlType::parse(dialect, fromCatalog.text()) == fromCatalog, qPrintable(fromCatalog.text()));
}

void TestSqlType::different_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    const auto row = [](const char *name, SqlDialect dialect, const QString &a, const QString &b) {
        QTest::newRow(name) << dialect << a << b;
    };
    row("pg varchar length", postgres, u"character varying(50)"_s, u"VARCHAR(51)"_s);
    row("pg varchar vs text", postgres, u"character varying"_s, u"TEXT"_s);
    row("pg int vs bigint", postgres, u"integer"_s, u"BIGINT"_s);
    row("pg timestamp tz", postgres, u"timestamp without time zone"_s, u"TIMESTAMP WITH TIME ZONE"_s);
    row("pg real vs double", postgres, u"real"_s, u"FLOAT"_s);
    row("pg json vs jsonb", postgres, u"json"_s, u"JSONB"_s);
    row("pg array", postgres, u"integer"_s, u"INTEGER[]"_s);
    row("pg numeric scale", postgres, u"numeric(10,2)"_s, u"NUMERIC(10, 3)"_s);
    row("pg bpchar", postgres, u"bpchar"_s, u"CHAR"_s);
    row("my text kinds", mysql, u"text"_s, u"LONGTEXT"_s);
    row("my mediumtext", mysql, u"mediumtext"_s, u"LONGTEXT"_s);
    row("my tinyint(4)", mysql, u"tinyint(4)"_s, u"BOOL"_s);
    row("my enum values", mysql, u"enum('a','b')"_s, u"ENUM('a','c')"_s);
    row("my enum order", mysql, u"enum('a','b')"_s, u"ENUM('b','a')"_s);
    row("my unsigned", mysql, u"int(10) unsigned"_s, u"INTEGER"_s);
    row("my float vs double", mysql, u"float"_s, u"DOUBLE"_s);
    row("my json longtext", mysql, u"longtext"_s, u"JSON"_s);
    row("sqlite int vs integer", sqlite, u"INT"_s, u"INTEGER"_s);
    row("sqlite numeric", sqlite, u"NUMERIC(10, 2)"_s, u"NUMERIC(10, 3)"_s);
}

void TestSqlType::different()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY2(!(SqlType::parse(dialect, a) == SqlType::parse(dialect, b)),
             qPrintable(SqlType::parse(dialect, a).text() + u" == "_s + SqlType::parse(dialect, b).text()));
}

void TestSqlType::text_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("text");

    const auto row = [](const char *name, SqlDialect dialect, const QString &declared, const QString &text) {
        QTest::newRow(name) << dialect << declared << text;
    };
    row("pg varchar", postgres, u"character varying(50)"_s, u"VARCHAR(50)"_s);
    row("pg numeric", postgres, u"numeric(10,2)"_s, u"NUMERIC(10, 2)"_s);
    row("pg float", postgres, u"FLOAT"_s, u"DOUBLE PRECISION"_s);
    row("pg timestamptz", postgres, u"timestamp with time zone"_s, u"TIMESTAMP WITH TIME ZONE"_s);
    row("pg timestamptz(3)", postgres, u"timestamp(3) with time zone"_s, u"TIMESTAMP(3) WITH TIME ZONE"_s);
    row("pg timestamp", postgres, u"timestamp without time zone"_s, u"TIMESTAMP"_s);
    row("pg array", postgres, u"integer[]"_s, u"INTEGER[]"_s);
    row("pg char", postgres, u"CHAR"_s, u"CHAR(1)"_s);
    row("pg quoted", postgres, u"\"Mood\""_s, u"\"Mood\""_s);
    row("pg unknown args", postgres, u"geometry(Point,4326)"_s, u"GEOMETRY(POINT, 4326)"_s);
    row("pg interval fields", postgres, u"interval day to second(3)"_s, u"INTERVAL DAY TO SECOND(3)"_s);
    row("my enum", mysql, u"enum('a','b')"_s, u"ENUM('a', 'b')"_s);
    row("my enum quote", mysql, u"enum('it''s')"_s, u"ENUM('it''s')"_s);
    row("my set", mysql, u"set('x','y')"_s, u"SET('x', 'y')"_s);
    row("my int", mysql, u"int(11)"_s, u"INTEGER"_s);
    row("my bool", mysql, u"tinyint(1)"_s, u"BOOLEAN"_s);
    row("my unsigned", mysql, u"bigint(20) unsigned"_s, u"BIGINT UNSIGNED"_s);
    row("my decimal", mysql, u"decimal(10,2) unsigned"_s, u"NUMERIC(10, 2) UNSIGNED"_s);
    row("my decimal bare", mysql, u"DECIMAL"_s, u"NUMERIC(10, 0)"_s);
    row("my datetime(6)", mysql, u"datetime(6)"_s, u"DATETIME(6)"_s);
    row("sqlite numeric", sqlite, u"numeric(10,2)"_s, u"NUMERIC(10, 2)"_s);
    row("sqlite as written", sqlite, u"Varchar(50)"_s, u"VARCHAR(50)"_s);
    row("sqlite empty", sqlite, u""_s, u""_s);
}

void TestSqlType::text()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, declared);
    QFETCH(QString, text);
    QCOMPARE(SqlType::parse(dialect, declared).text(), text);
}

void TestSqlType::fields()
{
    const SqlType varchar = SqlType::parse(postgres, u"character varying(50)");
    QCOMPARE(varchar.name, u"VARCHAR"_s);
    QCOMPARE(varchar.length, 50);
    QCOMPARE(varchar.precision, -1);

    const SqlType numeric = SqlType::parse(mysql, u"decimal(10,2)");
    QCOMPARE(numeric.name, u"NUMERIC"_s);
    QCOMPARE(numeric.precision, 10);
    QCOMPARE(numeric.scale, 2);
    QCOMPARE(numeric.length, -1);

    const SqlType timestamp = SqlType::parse(postgres, u"timestamp(3) with time zone");
    QCOMPARE(timestamp.name, u"TIMESTAMP"_s);
    QCOMPARE(timestamp.precision, 3);
    QVERIFY(timestamp.withTimeZone);

    const SqlType array = SqlType::parse(postgres, u"character varying(20)[]");
    QCOMPARE(array.name, u"VARCHAR"_s);
    QCOMPARE(array.length, 20);
    QVERIFY(array.isArray);

    const SqlType enumType = SqlType::parse(mysql, u"enum('a','b,c','it''s')");
    QCOMPARE(enumType.name, u"ENUM"_s);
    QCOMPARE(enumType.enumValues, QStringList({u"a"_s, u"b,c"_s, u"it's"_s}));

    // A PostgreSQL enum as the inspector fills it in.
    SqlType mood = SqlType::parse(postgres, u"mood");
    mood.name = u"ENUM"_s;
    mood.enumName = u"mood"_s;
    mood.enumValues = {u"happy"_s, u"sad"_s};
    QCOMPARE(mood.text(), u"mood ENUM('happy', 'sad')"_s);
    mood.isArray = true;
    QCOMPARE(mood.text(), u"mood ENUM('happy', 'sad')[]"_s);

    const SqlType boolean = SqlType::parse(mysql, u"tinyint(1)");
    QCOMPARE(boolean.name, u"BOOLEAN"_s);
    QCOMPARE(boolean.length, -1);
}

QTEST_GUILESS_MAIN(TestSqlType)
#include "tst_sqltype.moc"
