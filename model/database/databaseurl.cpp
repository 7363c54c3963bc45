// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/databaseurl.h"

#include "python/pythonconversions.h"

#include "database/urlmasking.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)
};

const QString hidden = u"***"_s;

using Kind = SqlDialect::Kind;

/// The kind of database a SQLAlchemy dialect name stands for; nullopt for those Retort does not open.
std::optional<Kind> kindOf(const QString &dialect)
{
    const std::optional<SqlDialect> known = SqlDialect::fromSqlAlchemy(dialect);
    return known ? std::optional<Kind>(known->kind()) : std::nullopt;
}

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

/// pysqlite's own connect() arguments; with `uri=true` every other query parameter goes into the SQLite URI.
const QStringList &pysqliteArguments()
{
    static const QStringList arguments{u"uri"_s,          u"timeout"_s,           u"isolation_level"_s,
                                       u"detect_types"_s, u"check_same_thread"_s, u"cached_statements"_s};
    return arguments;
}

/// SQLAlchemy's `None` is a null QString; this is its `""`.
QString presentEmpty()
{
    return QString(u""_s);
}

QString present(const QString &text)
{
    return text.isNull() ? presentEmpty() : text;
}

/// SQLAlchemy 1.4's `_parse_url` pattern, verbatim except that `.*` is spelled `[^\n]*` (Python's `.` stops at
/// a newline whatever the regex engine's newline convention) and the match is anchored at the start, as
/// `re.match` is (but not at the end).
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(uR"(\A(?<name>[\w\+]+)://)"
                                            uR"((?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?)"
                                            uR"((?:(?:\[(?<ipv6host>[^/\?]+)\]|(?<ipv4host>[^/:\?]+))?)"
                                            uR"((?::(?<port>[^/\?]*))?)?)"
                                            uR"((?:/(?<database>[^\?]*))?)"
                                            uR"((?:\?(?<query>[^\n]*))?)"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

/// A named group: null when it did not take part in the match, else the (possibly empty) text.
QString group(const QRegularExpressionMatch &match, QStringView name)
{
    if (match.capturedStart(name) < 0)
        return QString();
    return present(match.captured(name));
}

/// CPython's UTF-8 decoder with errors='replace': each maximal invalid subpart becomes one U+FFFD.
QString decodeUtf8Replacing(const QByteArray &bytes)
{
    QString out = presentEmpty();
    const auto byte = [&bytes](qsizetype i) { return uchar(bytes.at(i)); };
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const uchar lead = byte(i);
        if (lead < 0x80) {
            out += QChar(char16_t(lead));
            ++i;
            continue;
        }
        int length = 0;
        uchar secondLow = 0x80, secondHigh = 0xBF;
        char32_t codePoint = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
            if (lead == 0xE0)
                secondLow = 0xA0;
            else if (lead == 0xED)
                secondHigh = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
            if (lead == 0xF0)
                secondLow = 0x90;
            else if (lead == 0xF4)
                secondHigh = 0x8F;
        }
        if (length == 0) {
            out += QChar(QChar::ReplacementCharacter);
            ++i;
            continue;
        }
        qsizetype next = i + 1;
        bool complete = true;
        for (int k = 1; k < length; ++k, ++next) {
            const uchar low = k == 1 ? secondLow : 0x80;
            const uchar high = k == 1 ? secondHigh : 0xBF;
            if (next >= n || byte(next) < low || byte(next) > high) {
                complete = false;
                break;
            }
            codePoint = (codePoint << 6) | (byte(next) & 0x3F);
        }
        if (!complete) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (codePoint > 0xFFFF) {
            out += QChar(QChar::highSurrogate(codePoint));
            out += QChar(QChar::lowSurrogate(codePoint));
        } else {
            out += QChar(char16_t(codePoint));
        }
        i = next;
    }
    return out;
}

/// `urllib.parse.unquote`: `%XX` escapes in each run of ASCII characters become bytes, decoded as UTF-8
/// (errors='replace'); other characters and malformed escapes stay as they are. Keeps null as null.
QString unquote(const QString &text)
{
    if (!text.contains(u'%'))
        return text;
    QString out = presentEmpty();
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).unicode() >= 0x80) {
            out += text.at(i++);
            continue;
        }
        QByteArray bytes;
        while (i < text.size() && text.at(i).unicode() < 0x80) {
            if (text.at(i) == u'%' && i + 2 < text.size() && hexDigitValue(text.at(i + 1)) >= 0 &&
                hexDigitValue(text.at(i + 2)) >= 0) {
                bytes += char(hexDigitValue(text.at(i + 1)) * 16 + hexDigitValue(text.at(i + 2)));
                i += 3;
            } else {
                bytes += char(text.at(i).unicode());
                ++i;
            }
        }
        out += decodeUtf8Replacing(bytes);
    }
    return out;
}

/// `urllib.parse.parse_qsl(query)`: fields split at `&`, fields without `=` or with an empty value dropped,
/// `+` read as a space before unquoting.
QList<std::pair<QString, QString>> parseQsl(const QString &query)
{
    QList<std::pair<QString, QString>> pairs;
    if (query.isEmpty())
        return pairs;
    const QStringList fields = query.split(u'&');
    for (const QString &field : fields) {
        const qsizetype equals = field.indexOf(u'=');
        if (equals < 0 || equals == field.size() - 1)
            continue;
        QString name = present(field.left(equals));
        QString value = field.mid(equals + 1);
        name.replace(u'+', u' ');
        value.replace(u'+', u' ');
        pairs.append({unquote(name), unquote(value)});
    }
    return pairs;
}

/// SQLAlchemy's `_sqla_url_quote`: only `:`, `@` and `/` are escaped in username and password.
QString sqlaQuote(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u':')
            out += u"%3A"_s;
        else if (c == u'@')
            out += u"%40"_s;
        else if (c == u'/')
            out += u"%2F"_s;
        else
            out += c;
    }
    return out;
}

/// `urllib.parse.quote_plus`.
QString quotePlus(const QString &text)
{
    QByteArray bytes = text.toUtf8().toPercentEncoding(" ");
    bytes.replace(' ', '+');
    return QString::fromLatin1(bytes);
}

/// Python's string order: by code point (UTF-16 order differs for characters beyond the BMP).
bool codePointLess(const QString &a, const QString &b)
{
    const QList<uint> left = a.toUcs4();
    const QList<uint> right = b.toUcs4();
    return std::lexicographical_compare(left.cbegin(), left.cend(), right.cbegin(), right.cend());
}

QString lastValue(const DatabaseUrl &url, const QString &key)
{
    const QStringList values = url.queryValues(key);
    return values.isEmpty() ? QString() : values.constLast();
}

bool isCDriver(const DatabaseUrl &url)
{
    return url.driver.isNull() || url.driver == u"mysqldb"_s || url.driver == u"mariadbconnector"_s;
}

// --- sqlite -------------------------------------------------------------------------------------------------

bool sqliteUsesUri(const DatabaseUrl &url)
{
    return sqlalchemyBool(lastValue(url, u"uri"_s)).value_or(false);
}

/// With `uri=true`: the query parameters pysqlite does not take itself, sorted, as pysqlite's dialect joins
/// them behind the filename (unescaped).
QString sqliteUriQuery(const DatabaseUrl &url)
{
    QList<std::pair<QString, QString>> parameters;
    for (const auto &pair : url.query) {
        if (!pysqliteArguments().contains(pair.first))
            parameters.append(pair);
    }
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto &a, const auto &b) { return codePointLess(a.first, b.first); });
    QStringList fields;
    for (const auto &[key, value] : parameters)
        fields.append(key + u'=' + value);
    return fields.join(u'&');
}

bool isFileUri(const DatabaseUrl &url)
{
    return sqliteUsesUri(url) && url.database.startsWith(u"file:"_s);
}

/// The decoded path of a `file:` URI: after an optional `//authority`, up to a `#`.
QString fileUriPath(const QString &uri)
{
    QString rest = uri.mid(5);
    if (rest.startsWith(u"//"_s)) {
        const qsizetype slash = rest.indexOf(u'/', 2);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    const qsizetype fragment = rest.indexOf(u'#');
    if (fragment >= 0)
        rest.truncate(fragment);
    return QString::fromUtf8(QByteArray::fromPercentEncoding(rest.toUtf8()));
}

QString absolutePath(const QString &baseDir, const QString &path)
{
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

// --- postgresql ---------------------------------------------------------------------------------------------

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

std::optional<int> validPort(const QString &text)
{
    const std::optional<qint64> value = pythonInt(text);
    if (!value || *value < 1 || *value > 65535)
        return std::nullopt;
    return int(*value);
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

// --- messages -----------------------------------------------------------------------------------------------

/// @p url for a message, through maskedUrl() and with the values of password-like query parameters hidden
/// (maskedUrl() leaves text without `://` alone).
QString hideSecrets(const QString &url)
{
    static const QRegularExpression secretParameter(uR"((password|passwd|pwd)=[^&#]*)"_s,
                                                    QRegularExpression::CaseInsensitiveOption);
    return maskedUrl(url).replace(secretParameter, u"\\1="_s + hidden);
}

/// Text that is not a URL, for a message: as hideSecrets(), and anything before its last `@` hidden as well.
QString shownUnparsed(const QString &url)
{
    const QString shown = hideSecrets(url);
    if (!shown.contains(u'@'))
        return shown;
    static const QRegularExpression scheme(uR"(\A[\w+]*)"_s, QRegularExpression::UseUnicodePropertiesOption);
    const QString word = scheme.match(shown).captured(0);
    return word + (word.isEmpty() ? QString() : u":"_s) + hidden + shown.mid(shown.lastIndexOf(u'@'));
}

/// Everything DatabaseUrl::parse() checks beyond make_url; empty when Retort can open the URL.
QString problem(const DatabaseUrl &url)
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

} // namespace

Result<DatabaseUrl> DatabaseUrl::parseSyntax(const QString &text)
{
    using R = Result<DatabaseUrl>;
    const QRegularExpressionMatch match = urlPattern().match(text);
    if (!match.hasMatch() && !text.contains(u':')) {
        // No scheme at all: perhaps a password pasted into the wrong field, so it is not repeated.
        return R::failure(Tr::tr("The text given is not a database URL; expected "
                                 "dialect+driver://user:password@host:port/database"));
    }
    if (!match.hasMatch())
        return R::failure(
            Tr::tr("'%1' is not a database URL; expected dialect+driver://user:password@host:port/database")
                .arg(shownUnparsed(text)));

    DatabaseUrl url;
    const QString name = match.captured(u"name");
    const qsizetype plus = name.indexOf(u'+');
    url.dialect = present(plus < 0 ? name : name.left(plus));
    url.driver = plus < 0 ? QString() : present(name.mid(plus + 1));
    url.username = unquote(group(match, u"username"));
    url.password = unquote(group(match, u"password"));
    // `ipv4host or ipv6host`: both groups are non-empty whenever they match.
    const QString ipv4 = group(match, u"ipv4host");
    url.host = ipv4.isEmpty() ? group(match, u"ipv6host") : ipv4;
    url.database = group(match, u"database");
    url.query = parseQsl(group(match, u"query"));

    const QString portText = group(match, u"port");
    if (!portText.isNull()) {
        const std::optional<int> value = validPort(portText);
        if (!value) {
            // The port is shown masked: a URL missing its '@' puts the password there.
            const qsizetype start = match.capturedStart(u"port");
            const QString shown = hideSecrets(text.left(start) + hidden + text.mid(match.capturedEnd(u"port")));
            return R::failure(Tr::tr("The port in %1 is not a number from 1 to 65535.").arg(shown));
        }
        url.port = *value;
    }
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    Result<DatabaseUrl> url = parseSyntax(text);
    if (!url)
        return url;
    if (const QString message = problem(url.value()); !message.isEmpty())
        return Result<DatabaseUrl>::failure(message);
    return url;
}

QString DatabaseUrl::drivername() const
{
    return driver.isNull() ? dialect : dialect + u'+' + driver;
}

QStringList DatabaseUrl::queryValues(const QString &key) const
{
    QStringList values;
    for (const auto &[name, value] : query) {
        if (name == key)
            values.append(value);
    }
    return values;
}

QString DatabaseUrl::toString(bool hidePassword) const
{
    QString s = drivername() + u"://"_s;
    QString shownHost = host;
    if (!username.isNull()) {
        s += sqlaQuote(username);
        if (!password.isNull()) {
            s += u':' + (hidePassword ? hidden : sqlaQuote(password));
            // An unescaped '@' in the password leaves the rest of it in the host: hide that too.
            if (hidePassword && host.contains(u'@'))
                shownHost = host.mid(host.lastIndexOf(u'@') + 1);
        }
        s += u'@';
    }
    if (!shownHost.isNull())
        s += shownHost.contains(u':') ? u'[' + shownHost + u']' : shownHost;
    if (port != -1)
        s += u':' + QString::number(port);
    if (!database.isNull())
        s += u'/' + database;
    if (!query.isEmpty()) {
        QList<std::pair<QString, QString>> sorted = query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return codePointLess(a.first, b.first); });
        QStringList fields;
        for (const auto &[key, value] : std::as_const(sorted))
            fields.append(quotePlus(key) + u'=' + (hidePassword && isSecretParameter(key) ? hidden : quotePlus(value)));
        s += u'?' + fields.join(u'&');
    }
    return s;
}

bool DatabaseUrl::isSqliteMemory() const
{
    if (kindOf(dialect) != Kind::SQLite)
        return false;
    if (database.isEmpty() || database == u":memory:"_s)
        return true;
    if (!isFileUri(*this))
        return false;
    return fileUriPath(database) == u":memory:"_s || lastValue(*this, u"mode"_s) == u"memory"_s;
}

QString DatabaseUrl::sqliteFilePath(const QString &baseDir) const
{
    if (kindOf(dialect) != Kind::SQLite || isSqliteMemory())
        return QString();
    if (isFileUri(*this))
        return absolutePath(baseDir, fileUriPath(database));
    if (sqliteUsesUri(*this)) {
        // Not a file: URI, so SQLite takes the whole name, '?' and all, as a plain file name.
        const QString uriQuery = sqliteUriQuery(*this);
        return absolutePath(baseDir, uriQuery.isEmpty() ? database : database + u'?' + uriQuery);
    }
    return absolutePath(baseDir, database);
}

std::optional<SqlDialect> DatabaseUrl::sqlDialect() const
{
    return SqlDialect::fromSqlAlchemy(dialect);
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
