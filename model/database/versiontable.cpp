// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/versiontable.h"

#include "database/sqldialect.h"
#include "history/migrationplanner.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(VersionTable)
};

/// The dialect of an open connection; Retort opens only the drivers SqlDialect knows.
/// The dialect of @p db's driver; an error for drivers Retort does not speak.
Result<SqlDialect> dialectOf(const QSqlDatabase &db)
{
    if (const std::optional<SqlDialect> dialect = SqlDialect::fromQtDriver(db.driverName()))
        return *dialect;
    return Result<SqlDialect>::failure(
        Tr::tr("Retort cannot use the Qt database driver %1; it works with SQLite, PostgreSQL and MySQL/MariaDB.")
            .arg(db.driverName()));
}

QString literal(const QString &value)
{
    return u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'';
}

QString sqlError(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    // Another session holds a lock: say so, and what kind, rather than the driver's terse code.
    const QString code = error.nativeErrorCode();
    if (code == u"5" || code == u"6" || text.contains(u"database is locked"_s)) {
        return Tr::tr("the database is locked by another process that is writing to it (SQLite: %1); Retort waited "
                      "for it to finish. Try again when that process (a migration, another tool) is done.")
            .arg(text);
    }
    if (code == u"55P03" || code == u"1205") {
        return Tr::tr("the version table is locked by another session (%1), for example a migration that is "
                      "running; Retort stopped waiting. Try again when it has finished.")
            .arg(text);
    }
    return text;
}

bool tableExists(QSqlDatabase &db, const SqlDialect &dialect, const VersionTableName &name, QString *error)
{
    QSqlQuery query(db);
    switch (dialect.kind()) {
    case SqlDialect::Kind::SQLite:
        query.prepare(u"SELECT 1 FROM "_s +
                      (name.schema.isEmpty() ? QString() : dialect.quoteIdentifier(name.schema) + u'.') +
                      u"sqlite_master WHERE type IN ('table', 'view') AND name = ?"_s);
        query.addBindValue(name.table);
        break;
    case SqlDialect::Kind::PostgreSQL:
        // Views too: SQLAlchemy's has_table() finds them, so alembic reads a view's rows.
        query.prepare(name.schema.isEmpty()
                          ? u"SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
                            "c.relnamespace WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND "
                            "n.nspname = current_schema()"_s
                          : u"SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
                            "c.relnamespace WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND "
                            "n.nspname = ?"_s);
        query.addBindValue(name.table);
        if (!name.schema.isEmpty())
            query.addBindValue(name.schema);
        break;
    case SqlDialect::Kind::MySQL:
        query.prepare(
            name.schema.isEmpty()
                ? u"SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = DATABASE()"_s
                : u"SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = ?"_s);
        query.addBindValue(name.table);
        if (!name.schema.isEmpty())
            query.addBindValue(name.schema);
        break;
    }
    // A failed prepare (SQLite while locked) would otherwise surface as "Parameter count mismatch".
    if (query.lastError().isValid() || !query.exec()) {
        *error = sqlError(query.lastError());
        return false;
    }
    return query.next();
}

Result<QStringList> selectRows(QSqlDatabase &db, const SqlDialect &dialect, const VersionTableName &name,
                               bool forUpdate)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(dialect.selectVersionRows(name, forUpdate))) {
        return Result<QStringList>::failure(
            Tr::tr("Cannot read the version table %1: %2").arg(name.displayName(), sqlError(query.lastError())));
    }
    QStringList rows;
    while (query.next()) {
        // alembic resolves a NULL row to no revision at all; it is not an empty revision id.
        if (!query.isNull(0))
            rows.append(query.value(0).toString());
    }
    return rows;
}

QSet<QString> asSet(const QStringList &rows)
{
    return QSet<QString>(rows.cbegin(), rows.cend());
}

QString listed(const QStringList &rows)
{
    return rows.isEmpty() ? Tr::tr("no rows") : rows.join(u", "_s);
}

/// One transaction on any of the drivers, rolled back unless committed.
class Transaction
{
public:
    Transaction(QSqlDatabase &db, const SqlDialect &dialect)
        : m_db(db)
        , m_sqlite(dialect.kind() == SqlDialect::Kind::SQLite)
    {}
    ~Transaction()
    {
        if (m_open)
            rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool begin(QString *error)
    {
        // SQLite: take the write lock now, so no other writer slips in between reading and writing.
        QSqlQuery begin(m_db);
        m_open = m_sqlite ? begin.exec(u"BEGIN IMMEDIATE"_s) : m_db.transaction();
        if (!m_open)
            *error = sqlError(m_sqlite ? begin.lastError() : m_db.lastError());
        return m_open;
    }
    bool commit(QString *error)
    {
        QSqlQuery query(m_db);
        const bool ok = m_sqlite ? query.exec(u"COMMIT"_s) : m_db.commit();
        if (!ok) {
            *error = sqlError(m_sqlite ? query.lastError() : m_db.lastError());
            return false;
        }
        m_open = false;
        return true;
    }
    void rollback()
    {
        if (m_sqlite)
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        else
            m_db.rollback();
        m_open = false;
    }

private:
    QSqlDatabase &m_db;
    bool m_sqlite;
    bool m_open = false;
};

/// Runs @p sql with @p values bound; with @p expectOneRow, exactly one row must change.
QString execute(QSqlDatabase &db, const QString &sql, const QVariantList &values, bool expectOneRow,
                const QString &what)
{
    QSqlQuery query(db);
    // Without values, run the text as it is: QPSQL prepares with PREPARE, which PostgreSQL refuses for
    // CREATE TABLE and LOCK TABLE.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return sqlError(query.lastError());
    } else {
        if (!query.prepare(sql))
            return sqlError(query.lastError());
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return sqlError(query.lastError());
    }
    if (expectOneRow && query.numRowsAffected() != 1) {
        return Tr::tr("Online migration expected to match one row when %1; %2 found")
            .arg(what)
            .arg(query.numRowsAffected());
    }
    return {};
}

} // namespace

QString VersionTableName::validationError() const
{
    const auto bad = [](const QString &identifier) {
        if (identifier.isEmpty() || identifier.size() > 63 || identifier.front().isDigit())
            return true;
        for (QChar c : identifier) {
            if (!(c.isLetterOrNumber() || c == u'_' || c == u'$'))
                return true;
        }
        return false;
    };
    if (bad(table)) {
        return Tr::tr("The version table name '%1' is not a plain SQL name (letters, digits, _ and $, at most 63, "
                      "not starting with a digit); Retort does not use it.")
            .arg(table);
    }
    if (!schema.isEmpty() && bad(schema)) {
        return Tr::tr("The version table schema '%1' is not a plain SQL name (letters, digits, _ and $, at most 63, "
                      "not starting with a digit); Retort does not use it.")
            .arg(schema);
    }
    return {};
}

QString VersionTableName::displayName() const
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

namespace VersionTable {

Result<VersionRows> read(QSqlDatabase &db, const VersionTableName &name)
{
    if (const QString invalid = name.validationError(); !invalid.isEmpty())
        return Result<VersionRows>::failure(invalid);
    const Result<SqlDialect> dialect = dialectOf(db);
    if (!dialect)
        return Result<VersionRows>::failure(dialect.error());
    QString error;
    VersionRows result;
    result.tableExists = tableExists(db, *dialect, name, &error);
    if (!error.isEmpty()) {
        return Result<VersionRows>::failure(
            Tr::tr("Cannot look for the version table %1: %2").arg(name.displayName(), error));
    }
    if (!result.tableExists)
        return result;
    Result<QStringList> rows = selectRows(db, *dialect, name, false);
    if (!rows)
        return Result<VersionRows>::failure(rows.error());
    result.rows = rows.value();
    return result;
}

QStringList stampStatements(const SqlDialect &dialect, const VersionTableName &name, const MigrationPlan &plan,
                            bool purge, bool createTable)
{
    const QString table = dialect.qualifiedName(name);
    QStringList statements;
    if (createTable)
        statements.append(dialect.createVersionTable(name));
    if (purge)
        statements.append(u"DELETE FROM "_s + table);
    for (const MigrationStep &step : plan.steps) {
        for (const VersionTableOp &op : step.ops) {
            switch (op.kind) {
            case VersionTableOp::Kind::Insert:
                statements.append(u"INSERT INTO %1 (version_num) VALUES (%2)"_s.arg(table, literal(op.to)));
                break;
            case VersionTableOp::Kind::Delete:
                statements.append(u"DELETE FROM %1 WHERE %1.version_num = %2"_s.arg(table, literal(op.from)));
                break;
            case VersionTableOp::Kind::Update:
                statements.append(u"UPDATE %1 SET version_num=%2 WHERE %1.version_num = %3"_s.arg(table, literal(op.to),
                                                                                                  literal(op.from)));
                break;
            }
        }
    }
    return statements;
}

Result<QStringList> stamp(QSqlDatabase &db, const VersionTableName &name, const MigrationPlan &plan, bool purge)
{
    const auto failed = [&](QString reason) {
        // Driver messages end without a full stop ("attempt to write a readonly database").
        if (!reason.endsWith(u'.'))
            reason += u'.';
        return Result<QStringList>::failure(
            Tr::tr("Cannot stamp the version table %1: %2 Nothing was written.").arg(name.displayName(), reason));
    };
    if (const QString invalid = name.validationError(); !invalid.isEmpty())
        return Result<QStringList>::failure(invalid);
    const Result<SqlDialect> knownDialect = dialectOf(db);
    if (!knownDialect)
        return Result<QStringList>::failure(knownDialect.error());
    const SqlDialect &dialect = *knownDialect;
    QString error;
    const bool exists = tableExists(db, dialect, name, &error);
    if (!error.isEmpty())
        return failed(error);
    // MySQL and MariaDB commit DDL at once: create the (empty) table before the transaction.
    if (!exists && !dialect.hasTransactionalDdl()) {
        if (QString e = execute(db, dialect.createVersionTable(name), {}, false, {}); !e.isEmpty())
            return failed(e);
    }
    Transaction transaction(db, dialect);
    if (!transaction.begin(&error))
        return failed(error);
    if (!exists && dialect.hasTransactionalDdl()) {
        if (QString e = execute(db, dialect.createVersionTable(name), {}, false, {}); !e.isEmpty())
            return failed(e);
    }
    // Other writers wait until this transaction ends; readers do not.
    if (const QString lock = dialect.lockVersionTable(name); !lock.isEmpty()) {
        if (QString e = execute(db, lock, {}, false, {}); !e.isEmpty())
            return failed(e);
    }
    Result<QStringList> current = selectRows(db, dialect, name, true);
    if (!current)
        return failed(current.error());
    if (asSet(current.value()) != asSet(plan.rowsBefore)) {
        return Result<QStringList>::failure(
            Tr::tr("The version table %1 changed since the preview: it holds %2 now, not %3. Someone may have "
                   "migrated this database; look at it again before stamping. Nothing was written.")
                .arg(name.displayName(), listed(current.value()), listed(plan.rowsBefore)));
    }
    const QString table = dialect.qualifiedName(name);
    if (purge) {
        if (QString e = execute(db, u"DELETE FROM "_s + table, {}, false, {}); !e.isEmpty())
            return failed(e);
    }
    for (const MigrationStep &step : plan.steps) {
        for (const VersionTableOp &op : step.ops) {
            QString e;
            switch (op.kind) {
            case VersionTableOp::Kind::Insert:
                e = execute(db, u"INSERT INTO %1 (version_num) VALUES (?)"_s.arg(table), {op.to}, false, {});
                break;
            case VersionTableOp::Kind::Delete:
                e = execute(db, u"DELETE FROM %1 WHERE version_num = ?"_s.arg(table), {op.from}, true,
                            Tr::tr("deleting '%1' in '%2'").arg(op.from, name.table));
                break;
            case VersionTableOp::Kind::Update:
                e = execute(db, u"UPDATE %1 SET version_num = ? WHERE version_num = ?"_s.arg(table), {op.to, op.from},
                            true, Tr::tr("updating '%1' to '%2' in '%3'").arg(op.from, op.to, name.table));
                break;
            }
            if (!e.isEmpty())
                return failed(e);
        }
    }
    Result<QStringList> after = selectRows(db, dialect, name, false);
    if (!after)
        return failed(after.error());
    if (asSet(after.value()) != asSet(plan.rows)) {
        return failed(
            Tr::tr("the rows would be %1 instead of the planned %2.").arg(listed(after.value()), listed(plan.rows)));
    }
    if (!transaction.commit(&error))
        return failed(error);
    return after.value();
}

} // namespace VersionTable
