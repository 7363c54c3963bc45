// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
// DatabaseUrl onto Qt Sql: what the SQLAlchemy dialects' create_connect_args hand to the Python drivers, as
// QSqlDatabase's driver, host, port, user, password, database name and connect options, and the checks that a
// URL's query parameters can be handed on at all. Parsing and rendering the URL are in databaseurl.cpp.
#include "database/databaseurl.h"
#include "database/databaseurl_p.h"

#include "python/pythonconversions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace DatabaseUrlPrivate;

namespace {

/// Gives the file's messages one Linguist context (the one they had in databaseurl.cpp); lupdate reads
/// Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)
};

/// Query parameters that psycopg2 hands to libpq and that mean the same to Qt's PostgreSQL driver, which
/// appends its connect options to the libpq connection string. Not here: host, port, user, password and
/// dbname (QSqlDatabase has setters for them), client_encoding (Qt sets UTF8) and replication.
const QStringList &libpqKeywords()
{
    static const QStringList keywords =
        u"hostaddr passfile channel_binding connect_timeout options application_name fallback_application_name "
        u"keepalives keepalives_idle keepalives_interval keepalives_count tcp_user_timeout gssencmode sslmode "
        u"requiressl sslcompression sslcert sslkey sslpassword sslrootcert sslcrl sslcrldir sslsni requirepeer "
        u"ssl_min_protocol_version ssl_max_protocol_version krbsrvname gsslib service target_session_attrs"_s.split(
            u' ');
    return keywords;
}

/// MySQL query parameters (as mysqldb/pymysql read them) and the connect option Qt 6.4's MySQL driver takes.
const QList<std::pair<QString, QString>> &mysqlOptionNames()
{
    static const QList<std::pair<QString, QString>> names{
        {u"unix_socket"_s, u"UNIX_SOCKET"_s},
        {u"connect_timeout"_s, u"MYSQL_OPT_CONNECT_TIMEOUT"_s},
        {u"connection_timeout"_s, u"MYSQL_OPT_CONNECT_TIMEOUT"_s}, // mysqlconnector's spelling
        {u"read_timeout"_s, u"MYSQL_OPT_READ_TIMEOUT"_s},
        {u"write_timeout"_s, u"MYSQL_OPT_WRITE_TIMEOUT"_s},
        {u"ssl_ca"_s, u"SSL_CA"_s},
        {u"ssl_cert"_s, u"SSL_CERT"_s},
        {u"ssl_key"_s, u"SSL_KEY"_s},
        {u"ssl_capath"_s, u"SSL_CAPATH"_s},
        {u"ssl_cipher"_s, u"SSL_CIPHER"_s},
        {u"compress"_s, u"CLIENT_COMPRESS"_s},
    };
    return names;
}

QString mysqlOptionName(const QString &key)
{
    for (const auto &[parameter, option] : mysqlOptionNames()) {
        if (parameter == key)
            return option;
    }
    return QString();
}

bool isCDriver(const DatabaseUrl &url)
{
    return url.driver.isNull() || url.driver == u"mysqldb"_s || url.driver == u"mariadbconnector"_s;
}

/// psycopg2's multi-host form, `?host=h1:5432&host=h2:5433`: the hosts and the ports (empty for the default).
std::pair<QStringList, QStringList> postgresqlHosts(const DatabaseUrl &url)
{
    QStringList hosts;
    QStringList ports;
    const QStringList tokens = url.queryValues(u"host"_s);
    for (const QString &token : tokens) {
        const QStringList parts = token.split(u':');
        hosts.append(parts.at(0));
        ports.append(parts.size() > 1 ? parts.at(1) : QString());
    }
    return {hosts, ports};
}

/// pg8000 takes the socket file itself (`?unix_sock=/run/postgresql/.s.PGSQL.5432`); libpq wants its directory
/// and the port in its name.
std::pair<QString, int> pg8000Socket(const DatabaseUrl &url)
{
    const QString socket = lastValue(url, u"unix_sock"_s);
    if (url.driver != u"pg8000"_s || socket.isEmpty())
        return {QString(), -1};
    const qsizetype slash = socket.lastIndexOf(u'/');
    const QString directory = slash <= 0 ? u"/"_s : socket.left(slash);
    static const QRegularExpression name(uR"(\.s\.PGSQL\.(\d+)$)"_s);
    const QRegularExpressionMatch match = name.match(socket);
    return {directory, match.hasMatch() ? match.captured(1).toInt() : -1};
}

/// asyncpg's `ssl` values as libpq's `sslmode`.
std::optional<QString> asyncpgSslMode(const QString &value)
{
    static const QStringList modes{u"disable"_s, u"allow"_s,     u"prefer"_s,
                                   u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    if (modes.contains(value))
        return value;
    if (const std::optional<bool> flag = sqlalchemyBool(value))
        return *flag ? u"require"_s : u"disable"_s;
    return std::nullopt;
}

/// A libpq connection-string value, quoted when it has to be.
QString libpqValue(const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == u'\'' || c == u'\\';
    });
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(u'\\', u"\\\\"_s);
    quoted.replace(u'\'', u"\\'"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QString DatabaseUrlPrivate::openProblem(const DatabaseUrl &url)
{
    const QString shown = url.toString(true);
    const std::optional<Kind> family = kindOf(url.dialect);
    if (!family) {
        if (url.dialect == u"postgres"_s)
            return Tr::tr("%1 names the dialect 'postgres', which SQLAlchemy 1.4 and later no longer accept; "
                          "write 'postgresql' instead.")
                .arg(shown);
        if (kindOf(url.dialect.toLower()))
            return Tr::tr("%1 names the dialect '%2', but SQLAlchemy's dialect names are lower case; write '%3' "
                          "instead.")
                .arg(shown, url.dialect, url.dialect.toLower());
        return Tr::tr("Retort reads sqlite, postgresql, mysql and mariadb databases; '%1' (in %2) is not supported.")
            .arg(url.dialect, shown);
    }
    if (!url.driver.isNull() && !SqlDialect(*family).sqlAlchemyDrivers().contains(url.driver)) {
        if (url.driver == u"pysqlcipher"_s)
            return Tr::tr("%1 names an encrypted SQLCipher database, which Qt's SQLite driver cannot open.").arg(shown);
        return Tr::tr("Retort does not know the driver '%1' for %2 (in %3); it knows %4.")
            .arg(url.driver, url.dialect, shown, SqlDialect(*family).sqlAlchemyDrivers().join(u", "_s));
    }

    // Which query parameters Retort reads, so each must be given once and be something Qt can take.
    QStringList readKeys;
    const QString label = SqlDialect(*family).displayName();
    switch (*family) {
    case Kind::SQLite:
        // pysqlite's create_connect_args rejects these, with `if url.username or url.password or …`.
        if (!url.username.isEmpty() || !url.password.isEmpty() || !url.host.isEmpty() || url.port != -1)
            return Tr::tr("%1 is not a valid SQLite URL: a SQLite URL has no user, password, host or port. Write "
                          "sqlite:///relative/path/to/file.db, sqlite:////absolute/path/to/file.db or sqlite:// "
                          "(in memory).")
                .arg(shown);
        readKeys = pysqliteArguments();
        if (!lastValue(url, u"uri"_s).isNull() && !sqlalchemyBool(lastValue(url, u"uri"_s)))
            return Tr::tr("The query parameter 'uri' in %1 must be true or false.").arg(shown);
        if (const QString timeout = lastValue(url, u"timeout"_s); !timeout.isNull()) {
            const std::optional<double> seconds = pythonFloat(timeout);
            if (!seconds || !std::isfinite(*seconds) || *seconds < 0 || *seconds > 2e6)
                return Tr::tr("The query parameter 'timeout' in %1 must be a number of seconds.").arg(shown);
        }
        if (sqliteUsesUri(url)) {
            for (const auto &pair : url.query) {
                if (!pysqliteArguments().contains(pair.first))
                    readKeys.append(pair.first);
            }
        }
        break;
    case Kind::PostgreSQL: {
        readKeys = libpqKeywords();
        readKeys << u"port"_s << u"user"_s << u"password"_s << u"dbname"_s << u"database"_s;
        if (url.driver == u"asyncpg"_s)
            readKeys << u"ssl"_s << u"timeout"_s;
        if (url.driver == u"pg8000"_s)
            readKeys << u"unix_sock"_s;
        const QStringList hosts = url.queryValues(u"host"_s);
        // psycopg2's create_connect_args refuses to mix the two multi-host forms.
        if (hosts.size() > 1 && (url.port != -1 || !url.queryValues(u"port"_s).isEmpty()))
            return Tr::tr("%1 mixes the two forms for several hosts; write either host=h1,h2,h3&port=p1,p2,p3 or "
                          "host=h1:p1&host=h2:p2&host=h3:p3.")
                .arg(shown);
        // psycopg2's make_dsn: "you can't specify both 'database' and 'dbname' arguments".
        if (!url.queryValues(u"dbname"_s).isEmpty() &&
            (!url.database.isEmpty() || !url.queryValues(u"database"_s).isEmpty()))
            return Tr::tr("%1 names the database twice, in its path (or ?database=) and as ?dbname=; give it once.")
                .arg(shown);
        for (const QString &host : hosts) {
            if (host.contains(u';'))
                return Tr::tr("The query parameter 'host' in %1 contains ';', which Qt's %2 driver cannot pass on.")
                    .arg(shown, label);
        }
        if (const QString port = lastValue(url, u"port"_s); !port.isNull()) {
            static const QRegularExpression portList(uR"(\A[0-9]*(,[0-9]*)+\z)"_s);
            if (!validPort(port) && !portList.match(port).hasMatch())
                return Tr::tr("The query parameter 'port' in %1 is not a port number from 1 to 65535.").arg(shown);
        }
        for (const QString &key : {u"connect_timeout"_s, u"timeout"_s}) {
            const QString value = lastValue(url, key);
            if (value.isNull() || (key == u"timeout"_s && url.driver != u"asyncpg"_s))
                continue;
            const std::optional<double> seconds = pythonFloat(value);
            if (!seconds || !std::isfinite(*seconds) || *seconds < 0 || *seconds > 2e6 ||
                (key == u"connect_timeout"_s && !pythonInt(value)))
                return Tr::tr("The query parameter '%1' in %2 must be a number of seconds.").arg(key, shown);
        }
        if (url.driver == u"asyncpg"_s) {
            if (const QString ssl = lastValue(url, u"ssl"_s); !ssl.isNull() && !asyncpgSslMode(ssl))
                return Tr::tr("The query parameter 'ssl' in %1 must be true, false or an sslmode such as require.")
                    .arg(shown);
        }
        break;
    }
    case Kind::MySQL:
        readKeys << u"host"_s << u"port"_s << u"user"_s << u"password"_s << u"passwd"_s << u"database"_s << u"db"_s;
        for (const auto &names : mysqlOptionNames())
            readKeys.append(names.first);
        if (const QString port = lastValue(url, u"port"_s); !port.isNull() && !validPort(port))
            return Tr::tr("The query parameter 'port' in %1 is not a port number from 1 to 65535.").arg(shown);
        for (const QString &key :
             {u"connect_timeout"_s, u"connection_timeout"_s, u"read_timeout"_s, u"write_timeout"_s}) {
            const QString value = lastValue(url, key);
            if (value.isNull())
                continue;
            const std::optional<qint64> seconds = pythonInt(value);
            if (!seconds || *seconds < 0 || *seconds > 2000000)
                return Tr::tr("The query parameter '%1' in %2 must be a whole number of seconds.").arg(key, shown);
        }
        if (const QString compress = lastValue(url, u"compress"_s); !compress.isNull() && !sqlalchemyBool(compress))
            return Tr::tr("The query parameter 'compress' in %1 must be true or false.").arg(shown);
        break;
    }

    for (const QString &key : std::as_const(readKeys)) {
        const QStringList values = url.queryValues(key);
        if (values.size() > 1 && !(family == Kind::PostgreSQL && key == u"host"_s))
            return Tr::tr("The query parameter '%1' is given %2 times in %3; give it once.")
                .arg(key)
                .arg(values.size())
                .arg(shown);
        if (values.isEmpty() || family == Kind::SQLite)
            continue;
        // Qt splits its connect options at ';' (and the MySQL driver 6.4 also collapses whitespace).
        const QString &value = values.constFirst();
        const bool isOption =
            family == Kind::PostgreSQL ? libpqKeywords().contains(key) : !mysqlOptionName(key).isEmpty();
        if (isOption && value.contains(u';'))
            return Tr::tr("The query parameter '%1' in %2 contains ';', which Qt's %3 driver cannot pass on.")
                .arg(key, shown, label);
        if (isOption && family == Kind::MySQL && value != value.simplified())
            return Tr::tr("The query parameter '%1' in %2 has leading, trailing or repeated spaces, which Qt's %3 "
                          "driver cannot pass on.")
                .arg(key, shown, label);
    }
    return QString();
}

QString DatabaseUrl::qtDriverName() const
{
    const std::optional<SqlDialect> known = sqlDialect();
    return known ? known->qtDriverName() : QString();
}

bool DatabaseUrl::needsPassword() const
{
    const std::optional<SqlDialect> known = sqlDialect();
    return known && known->hasUsers() && !qtUserName().isEmpty() && qtPassword().isNull();
}

QString DatabaseUrl::qtHostName() const
{
    if (!kindOf(dialect))
        return QString();
    switch (*kindOf(dialect)) {
    case Kind::PostgreSQL: {
        const QStringList hosts = postgresqlHosts(*this).first;
        if (!hosts.isEmpty())
            return hosts.size() == 1 ? queryValues(u"host"_s).constFirst() : hosts.join(u',');
        if (const QString socketDirectory = pg8000Socket(*this).first; !socketDirectory.isNull())
            return socketDirectory;
        return host;
    }
    case Kind::MySQL:
        if (!lastValue(*this, u"unix_socket"_s).isNull() && !isCDriver(*this))
            return u"localhost"_s;
        if (const QString queryHost = lastValue(*this, u"host"_s); !queryHost.isNull())
            return queryHost;
        return host;
    case Kind::SQLite:
        break;
    }
    return QString();
}

int DatabaseUrl::qtPort() const
{
    const std::optional<Kind> family = kindOf(dialect);
    if (family != Kind::PostgreSQL && family != Kind::MySQL)
        return -1;
    if (family == Kind::PostgreSQL && queryValues(u"host"_s).size() > 1)
        return -1; // the ports go with the hosts, in the connect options
    if (const QString queryPort = lastValue(*this, u"port"_s); !queryPort.isNull())
        return validPort(queryPort).value_or(-1);
    if (family == Kind::PostgreSQL && pg8000Socket(*this).second != -1)
        return pg8000Socket(*this).second;
    return port;
}

QString DatabaseUrl::qtUserName() const
{
    if (kindOf(dialect) == Kind::SQLite)
        return QString();
    const QString queryUser = lastValue(*this, u"user"_s);
    return queryUser.isNull() ? username : queryUser;
}

QString DatabaseUrl::qtPassword() const
{
    const std::optional<Kind> family = kindOf(dialect);
    if (family == Kind::SQLite)
        return QString();
    if (const QString value = lastValue(*this, u"password"_s); !value.isNull())
        return value;
    if (const QString value = lastValue(*this, u"passwd"_s); family == Kind::MySQL && !value.isNull())
        return value;
    return password;
}

QString DatabaseUrl::qtDatabaseName(const QString &baseDir) const
{
    if (!kindOf(dialect))
        return QString();
    switch (*kindOf(dialect)) {
    case Kind::SQLite: {
        if (!sqliteUsesUri(*this))
            return isSqliteMemory() ? u":memory:"_s : sqliteFilePath(baseDir);
        if (!isFileUri(*this))
            return isSqliteMemory() ? u":memory:"_s : sqliteFilePath(baseDir);
        const QString uriQuery = sqliteUriQuery(*this);
        QString name = database;
        if (!isSqliteMemory()) {
            // SQLite would resolve a relative URI path against the working directory; use baseDir instead.
            QString path = sqliteFilePath(baseDir);
            path.replace(u'%', u"%25"_s).replace(u'?', u"%3F"_s).replace(u'#', u"%23"_s);
            name = u"file:"_s + path;
        }
        return uriQuery.isEmpty() ? name : name + u'?' + uriQuery;
    }
    case Kind::PostgreSQL:
        for (const QString &key : {u"dbname"_s, u"database"_s}) {
            if (const QString value = lastValue(*this, key); !value.isNull())
                return value;
        }
        return database;
    case Kind::MySQL:
        for (const QString &key : {u"database"_s, u"db"_s}) {
            if (const QString value = lastValue(*this, key); !value.isNull())
                return value;
        }
        return database;
    }
    return QString();
}

QString DatabaseUrl::qtConnectOptions(int timeoutSeconds) const
{
    QStringList options;
    bool hasTimeout = false;
    if (!kindOf(dialect))
        return QString();
    switch (*kindOf(dialect)) {
    case Kind::SQLite: {
        if (const QString timeout = lastValue(*this, u"timeout"_s); !timeout.isNull()) {
            if (const std::optional<double> seconds = pythonFloat(timeout))
                options.append(u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(qRound64(*seconds * 1000)));
        }
        if (sqliteUsesUri(*this)) {
            options.append(u"QSQLITE_OPEN_URI"_s);
            if (isFileUri(*this) && lastValue(*this, u"mode"_s) == u"ro"_s)
                options.append(u"QSQLITE_OPEN_READONLY"_s);
        }
        return options.join(u';');
    }
    case Kind::PostgreSQL: {
        const QStringList ports = postgresqlHosts(*this).second;
        // As psycopg2 builds it: "5432,5433", or "," for default ports (libpq reads an empty item as default).
        if (ports.size() > 1)
            options.append(u"port="_s + libpqValue(ports.join(u',')));
        else if (const QString queryPort = lastValue(*this, u"port"_s); !queryPort.isNull() && !validPort(queryPort))
            options.append(u"port="_s + libpqValue(queryPort));
        const bool asyncpg = driver == u"asyncpg"_s;
        for (const auto &[key, value] : query) {
            if (libpqKeywords().contains(key)) {
                options.append(key + u'=' + libpqValue(value));
                hasTimeout = hasTimeout || key == u"connect_timeout"_s;
            } else if (asyncpg && key == u"ssl"_s) {
                if (const std::optional<QString> mode = asyncpgSslMode(value))
                    options.append(u"sslmode="_s + *mode);
            } else if (asyncpg && key == u"timeout"_s) {
                if (const std::optional<double> seconds = pythonFloat(value)) {
                    options.append(u"connect_timeout="_s + QString::number(qint64(std::ceil(*seconds))));
                    hasTimeout = true;
                }
            }
        }
        if (!hasTimeout && timeoutSeconds > 0)
            options.append(u"connect_timeout="_s + QString::number(timeoutSeconds));
        return options.join(u';');
    }
    case Kind::MySQL:
        for (const auto &[key, value] : query) {
            const QString option = mysqlOptionName(key);
            if (option.isEmpty())
                continue;
            if (option == u"CLIENT_COMPRESS"_s) {
                if (sqlalchemyBool(value).value_or(false))
                    options.append(option + u"=1"_s);
                continue;
            }
            options.append(option + u'=' + value);
            hasTimeout = hasTimeout || option == u"MYSQL_OPT_CONNECT_TIMEOUT"_s;
        }
        if (!hasTimeout && timeoutSeconds > 0)
            options.append(u"MYSQL_OPT_CONNECT_TIMEOUT="_s + QString::number(timeoutSeconds));
        return options.join(u';');
    }
    return QString();
}

Result<QString> qtDriverFor(const DatabaseUrl &url)
{
    const std::optional<SqlDialect> dialect = url.sqlDialect();
    if (!dialect)
        return Result<QString>::failure(
            Tr::tr("Retort reads sqlite, postgresql, mysql and mariadb databases; '%1' (in %2) is not supported.")
                .arg(url.dialect, url.toString(true)));
    const QString name = dialect->qtDriverName();
    if (QSqlDatabase::isDriverAvailable(name))
        return name;
    return Result<QString>::failure(
        Tr::tr("Qt's %1 driver (%2) is not installed, so Retort cannot open %3; install the package %4.")
            .arg(dialect->displayName(), name, url.toString(true), dialect->debianPackage()));
}
