// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/sqldialect.h"

#include "database/versiontable.h"

using namespace Qt::StringLiterals;

std::optional<SqlDialect> SqlDialect::fromSqlAlchemy(QStringView dialect)
{
    if (dialect == u"sqlite")
        return SqlDialect(Kind::SQLite);
    if (dialect == u"postgresql")
        return SqlDialect(Kind::PostgreSQL);
    if (dialect == u"mysql" || dialect == u"mariadb")
        return SqlDialect(Kind::MySQL);
    return std::nullopt;
}

std::optional<SqlDialect> SqlDialect::fromQtDriver(QStringView driverName)
{
    if (driverName == u"QSQLITE")
        return SqlDialect(Kind::SQLite);
    if (driverName == u"QPSQL")
        return SqlDialect(Kind::PostgreSQL);
    if (driverName == u"QMYSQL" || driverName == u"QMARIADB")
        return SqlDialect(Kind::MySQL);
    return std::nullopt;
}

QString SqlDialect::displayName() const
{
    switch (m_kind) {
    case Kind::SQLite:
        return u"SQLite"_s;
    case Kind::PostgreSQL:
        return u"PostgreSQL"_s;
    case Kind::MySQL:
        break;
    }
    return u"MySQL"_s;
}

QString SqlDialect::qtDriverName() const
{
    switch (m_kind) {
    case Kind::SQLite:
        return u"QSQLITE"_s;
    case Kind::PostgreSQL:
        return u"QPSQL"_s;
    case Kind::MySQL:
        break;
    }
    return u"QMYSQL"_s;
}

QString SqlDialect::debianPackage() const
{
    switch (m_kind) {
    case Kind::SQLite:
        return u"libqt6sql6-sqlite"_s;
    case Kind::PostgreSQL:
        return u"libqt6sql6-psql"_s;
    case Kind::MySQL:
        break;
    }
    return u"libqt6sql6-mysql"_s;
}

/// Async and sync drivers of one database all map to the same Qt driver. Left out: sqlite+pysqlcipher
/// (encrypted files) and mysql+pyodbc (an ODBC data source instead of a host).
const QStringList &SqlDialect::sqlAlchemyDrivers() const
{
    static const QStringList sqlite{u"pysqlite"_s, u"aiosqlite"_s};
    static const QStringList postgresql{u"psycopg2"_s, u"psycopg"_s, u"psycopg_async"_s, u"psycopg2cffi"_s,
                                        u"asyncpg"_s,  u"pg8000"_s,  u"pygresql"_s,      u"pypostgresql"_s};
    static const QStringList mysql{u"mysqldb"_s,  u"pymysql"_s, u"mysqlconnector"_s, u"mariadbconnector"_s,
                                   u"aiomysql"_s, u"asyncmy"_s, u"cymysql"_s,        u"oursql"_s};
    switch (m_kind) {
    case Kind::SQLite:
        return sqlite;
    case Kind::PostgreSQL:
        return postgresql;
    case Kind::MySQL:
        break;
    }
    return mysql;
}

QString SqlDialect::quoteIdentifier(const QString &identifier) const
{
    const QChar quote = m_kind == Kind::MySQL ? u'`' : u'"';
    return quote + QString(identifier).replace(quote, QString(2, quote)) + quote;
}

QString SqlDialect::qualifiedName(const VersionTableName &name) const
{
    const QString table = quoteIdentifier(name.table);
    return name.schema.isEmpty() ? table : quoteIdentifier(name.schema) + u'.' + table;
}

QString SqlDialect::createVersionTable(const VersionTableName &name) const
{
    QString sql = u"CREATE TABLE "_s + qualifiedName(name) + u" (\n    version_num VARCHAR(32) NOT NULL"_s;
    if (name.primaryKey)
        sql += u", \n    CONSTRAINT "_s + quoteIdentifier(name.table + u"_pkc"_s) + u" PRIMARY KEY (version_num)"_s;
    return sql + u"\n)"_s;
}

QString SqlDialect::lockVersionTable(const VersionTableName &name) const
{
    if (m_kind != Kind::PostgreSQL)
        return {};
    return u"LOCK TABLE "_s + qualifiedName(name) + u" IN SHARE ROW EXCLUSIVE MODE"_s;
}

QString SqlDialect::sessionLockTimeout(int seconds) const
{
    switch (m_kind) {
    case Kind::SQLite:
        return {};
    case Kind::PostgreSQL:
        return u"SET lock_timeout = '%1s'"_s.arg(seconds);
    case Kind::MySQL:
        break;
    }
    return u"SET SESSION lock_wait_timeout = %1, SESSION innodb_lock_wait_timeout = %1"_s.arg(seconds);
}

QString SqlDialect::selectVersionRows(const VersionTableName &name, bool forUpdate) const
{
    QString sql = u"SELECT version_num FROM "_s + qualifiedName(name);
    if (forUpdate && m_kind == Kind::MySQL)
        sql += u" FOR UPDATE"_s;
    return sql;
}
