// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/sqldialect.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

/// A SQLAlchemy database URL, `dialect+driver://username:password@host:port/database?key=value`, split and
/// decoded exactly as SQLAlchemy 1.4's `make_url` does, and mapped onto Qt Sql.
///
/// How it works: parsing runs SQLAlchemy's own regular expression (so an unescaped `@` or `:` in a
/// password ends up where SQLAlchemy puts it), percent-decodes username and password as
/// `urllib.parse.unquote` does, reads the query as `parse_qsl` does (blank values dropped, `+` is a space)
/// and the port as Python's `int()` does. The Qt side follows what the dialects' `create_connect_args`
/// hand to the Python drivers: query parameters override the URL's parts (`?host=/run/postgresql`,
/// `?unix_socket=…`), and the ones Qt's drivers understand become connect options. Parsing and rendering
/// are in databaseurl.cpp, the Qt side in databaseurl_qt.cpp.
///
/// Text fields keep SQLAlchemy's difference between `None` and `""`: a null QString is a part that is
/// absent (`sqlite://` has no database), an empty one was written empty (`u:@h` has an empty password).
struct DatabaseUrl
{
    QString dialect;  ///< before the `+`, as written: `sqlite`, `postgresql`, `mysql`, `mariadb`
    QString driver;   ///< after the `+`: `psycopg2`, `asyncpg`, `pymysql`, …; null when the URL names none
    QString username; ///< percent-decoded
    QString password; ///< percent-decoded
    QString host;     ///< an IPv6 address without its brackets
    int port = -1;    ///< -1 when absent
    QString database; ///< as written (SQLAlchemy 1.4 does not decode it); for sqlite the file path
    /// Percent-decoded, in written order; a key given twice appears twice.
    QList<std::pair<QString, QString>> query;

    /// Parses @p url as `make_url` does and checks that Retort can open it: a supported dialect and driver,
    /// a port from 1 to 65535, and query parameters that Qt's driver can be given. The message of a
    /// failure names the problem and what to write instead; it never contains the password.
    static Result<DatabaseUrl> parse(const QString &url);
    /// Only what `make_url` does (plus the port range): any dialect and driver, no query checks. For showing
    /// and comparing URLs of databases Retort cannot open.
    static Result<DatabaseUrl> parseSyntax(const QString &url);

    /// `dialect+driver`, or the dialect alone when the URL names no driver.
    QString drivername() const;
    /// The values of query parameter @p key, in written order.
    QStringList queryValues(const QString &key) const;
    /// SQLAlchemy's `render_as_string`. With @p hidePassword the password is `***`, and unlike SQLAlchemy also
    /// the values of the query parameters `password`, `passwd`, `pwd` and `sslpassword` and the rest of a
    /// password that an unescaped `@` left in the host (`u:p@ss@host` shows as `u:***@host`, as maskedUrl() does).
    QString toString(bool hidePassword = true) const;

    /// Whether this is a sqlite URL of an in-memory database (`sqlite://`, `sqlite:///:memory:`, …).
    bool isSqliteMemory() const;
    /// For sqlite: the database file, a relative path resolved against @p baseDir (alembic resolves it against
    /// the directory it runs in; Retort uses the config file's folder). Empty for in-memory databases. With
    /// `?uri=true` a `file:` URI's path; without the `file:` prefix SQLite (under Python as under Qt) takes the
    /// whole name as a plain file name, so `sqlite:///app.db?mode=ro&uri=true` is the file `app.db?mode=ro`.
    QString sqliteFilePath(const QString &baseDir) const;

    /// The kind of database, nullopt for dialects Retort does not open.
    std::optional<SqlDialect> sqlDialect() const;
    /// Whether connecting needs a password the URL does not hold: a database with users, a user
    /// (`?user=` counts) and no password (neither in the URL nor as `?password=`, MySQL `?passwd=`).
    bool needsPassword() const;

    /// `QSQLITE`, `QPSQL` or `QMYSQL`; empty for unsupported dialects.
    QString qtDriverName() const;
    /// The host for QSqlDatabase::setHostName: postgresql's `?host=` (a Unix socket directory, or several hosts
    /// joined by commas) overrides the URL's host; with mysql's `?unix_socket=` it is `localhost` unless the
    /// driver is the C client (mysqldb, mariadbconnector), which, like Qt, uses the socket only for localhost.
    QString qtHostName() const;
    /// The port for QSqlDatabase::setPort, -1 for the driver's default; `?port=` overrides the URL's port.
    int qtPort() const;
    /// The user name, `?user=` overriding the URL's.
    QString qtUserName() const;
    /// The password, `?password=` (mysql also `?passwd=`) overriding the URL's.
    QString qtPassword() const;
    /// The name for QSqlDatabase::setDatabaseName: for sqlite an absolute file path (relative ones resolved
    /// against @p baseDir), `:memory:`, or with `?uri=true` the SQLite URI SQLAlchemy builds; otherwise the
    /// database, `?dbname=`/`?database=` (mysql `?db=`) overriding it.
    QString qtDatabaseName(const QString &baseDir) const;
    /// QSqlDatabase::setConnectOptions for this URL, with a connect timeout of @p timeoutSeconds unless the
    /// URL sets one (0: none; SQLite does not connect). PostgreSQL gets the libpq keywords from the query (`sslmode`,
    /// `sslrootcert`, `application_name`, `options`, `target_session_attrs`, …; asyncpg's `ssl` as `sslmode`); MySQL
    /// gets `UNIX_SOCKET`, `SSL_CA`/`SSL_CERT`/`SSL_KEY`/`SSL_CAPATH`/`SSL_CIPHER`, the timeouts and `CLIENT_COMPRESS`;
    /// SQLite gets `QSQLITE_BUSY_TIMEOUT` from `?timeout=` and `QSQLITE_OPEN_URI` (plus `QSQLITE_OPEN_READONLY` for
    /// a `file:` URI with `mode=ro`) from `?uri=true`. Parameters Qt has no use for are left out. May contain secrets
    /// (`sslpassword`): do not show it.
    QString qtConnectOptions(int timeoutSeconds) const;
};

/// The Qt Sql driver for @p url if its plugin is installed, else an error naming the Debian package to install
/// (libqt6sql6-sqlite, libqt6sql6-psql, libqt6sql6-mysql).
Result<QString> qtDriverFor(const DatabaseUrl &url);
