// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/databaseconnection.h"

#include "database/databaseurl.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseConnection)
};

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"retort-%1"_s.arg(++counter);
}

} // namespace

Result<std::shared_ptr<DatabaseConnection>> DatabaseConnection::open(const QString &url, const QString &baseDir,
                                                                     bool readOnly, int timeoutSeconds)
{
    using Failure = Result<std::shared_ptr<DatabaseConnection>>;
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return Failure::failure(parsed.error());
    const Result<QString> driver = qtDriverFor(*parsed);
    if (!driver)
        return Failure::failure(driver.error());
    const QString shown = parsed->toString(true);
    const SqlDialect dialect = *parsed->sqlDialect(); // qtDriverFor() checked that there is one
    const bool sqlite = dialect.kind() == SqlDialect::Kind::SQLite;
    if (sqlite && readOnly && !parsed->isSqliteMemory()) {
        const QString file = parsed->sqliteFilePath(baseDir);
        if (!QFileInfo::exists(file)) {
            return Failure::failure(
                Tr::tr("Cannot open %1: the file %2 does not exist. Check the URL, or run alembic once to create it.")
                    .arg(shown, QDir::toNativeSeparators(file)));
        }
    }

    std::shared_ptr<DatabaseConnection> connection(new DatabaseConnection);
    connection->m_name = uniqueConnectionName();
    connection->m_displayUrl = shown;
    connection->m_db = QSqlDatabase::addDatabase(*driver, connection->m_name);
    QSqlDatabase &db = connection->m_db;
    db.setDatabaseName(parsed->qtDatabaseName(baseDir));
    if (!sqlite) {
        db.setHostName(parsed->qtHostName());
        db.setPort(parsed->qtPort());
        db.setUserName(parsed->qtUserName());
        db.setPassword(parsed->qtPassword());
    }
    QString options = parsed->qtConnectOptions(timeoutSeconds);
    if (sqlite && readOnly && !options.contains(u"QSQLITE_OPEN_READONLY"_s))
        options += (options.isEmpty() ? u""_s : u";"_s) + u"QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(options);
    if (!db.open()) {
        QString reason = db.lastError().text().trimmed();
        // Drivers should not repeat secrets, but they do: an unescaped `@` in a password leaves its rest
        // in the host name, which libpq then quotes ("could not translate host name …").
        const qsizetype at = parsed->host.lastIndexOf(u'@');
        QStringList secrets = {parsed->qtPassword(), parsed->password, parsed->host.left(qMax<qsizetype>(0, at))};
        std::sort(secrets.begin(), secrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &secret : std::as_const(secrets)) {
            if (!secret.isEmpty())
                reason.replace(secret, u"***"_s);
        }
        QString message = Tr::tr("Cannot connect to %1: %2").arg(shown, reason);
        if (at >= 0) {
            message += u' ' + Tr::tr("The URL has more than one '@' before the host: write an '@' inside the "
                                     "password as %40.");
        }
        return Failure::failure(message);
    }
    // Retort's own statements never wait for long behind another session's lock (a running migration's
    // ACCESS EXCLUSIVE would otherwise block `current` forever); the error then says so.
    if (const QString lockTimeout = dialect.sessionLockTimeout(timeoutSeconds); !lockTimeout.isEmpty())
        QSqlQuery(db).exec(lockTimeout);
    connection->m_dialect = dialect;
    return connection;
}

DatabaseConnection::~DatabaseConnection()
{
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must go before the connection is removed
    QSqlDatabase::removeDatabase(m_name);
}
