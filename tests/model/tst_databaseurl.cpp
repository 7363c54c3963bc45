// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/databaseurl.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString baseDir = u"/base"_s;

QString text(const QString &s)
{
    return s.isNull() ? u"~"_s : s;
}

/// `dialect | driver | username | password | host | port | database | key=value&…`, `~` for a null (absent) part.
QString describe(const DatabaseUrl &url)
{
    QStringList query;
    for (const auto &[key, value] : url.query)
        query.append(key + u'=' + value);
    return QStringList{text(url.dialect), text(url.driver),          text(url.username), text(url.password),
                       text(url.host),    QString::number(url.port), text(url.database), query.join(u'&')}
        .join(u" | "_s);
}

/// Runs @p script with one JSON-encoded line per input on stdin; returns one JSON object per input, or an empty
/// list when Python or SQLAlchemy cannot run.
QList<QJsonObject> runPython(const QString &script, const QStringList &inputs, const QString &workingDirectory = {})
{
    QByteArray input;
    for (const QString &line : inputs)
        input += QJsonDocument(QJsonArray{line}).toJson(QJsonDocument::Compact) + '\n';
    QProcess python;
    if (!workingDirectory.isEmpty())
        python.setWorkingDirectory(workingDirectory);
    python.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-W"_s, u"ignore"_s, u"-c"_s, script});
    if (!python.waitForStarted(30000))
        return {};
    python.write(input);
    python.closeWriteChannel();
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning("%s", python.readAllStandardError().constData());
        return {};
    }
    QList<QJsonObject> results;
    const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            results.append(QJsonDocument::fromJson(line).object());
    }
    return results.size() == inputs.size() ? results : QList<QJsonObject>{};
}

/// `make_url(u)`'s fields, the URL rendered with its password (`str(u)` in SQLAlchemy 1.4; 2.0's `str`
/// hides it) and `repr(u)` (rendered with the password hidden).
const QString makeUrlScript = uR"(import json, sys
from sqlalchemy.engine import make_url
for line in sys.stdin:
    text = json.loads(line)[0]
    try:
        u = make_url(text)
    except Exception as e:
        print(json.dumps({"error": type(e).__name__}))
        continue
    query = [[k, list(v) if isinstance(v, tuple) else [v]] for k, v in u.query.items()]
    print(json.dumps({"drivername": u.drivername, "username": u.username, "password": u.password,
                      "host": u.host, "port": u.port, "database": u.database, "query": query,
                      "str": u.render_as_string(hide_password=False), "repr": repr(u)}))
)"_s;

/// The dialect's `create_connect_args`, boiled down to what Qt gets: host, port, user, password, database and
/// the connect options under the query parameter names Retort reads (see the comments for each translation).
const QString connectArgsScript = uR"(import json, math, os, sys
from sqlalchemy.engine import make_url
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
from sqlalchemy.dialects.postgresql.pg8000 import PGDialect_pg8000
from sqlalchemy.dialects.mysql.mysqldb import MySQLDialect_mysqldb
from sqlalchemy.dialects.mysql.pymysql import MySQLDialect_pymysql
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
dialects = {"postgresql": PGDialect_psycopg2, "postgresql+psycopg2": PGDialect_psycopg2,
            "postgresql+asyncpg": PGDialect_asyncpg, "postgresql+pg8000": PGDialect_pg8000,
            "mysql": MySQLDialect_mysqldb, "mysql+mysqldb": MySQLDialect_mysqldb,
            "mysql+pymysql": MySQLDialect_pymysql, "mariadb+pymysql": MySQLDialect_pymysql,
            "sqlite": SQLiteDialect_pysqlite, "sqlite+pysqlite": SQLiteDialect_pysqlite}
def text(v):
    return None if v is None else str(v)
for line in sys.stdin:
    u = make_url(json.loads(line)[0])
    try:
        args, kw = dialects[u.drivername]().create_connect_args(u)
    except Exception as e:
        print(json.dumps({"error": type(e).__name__}))
        continue
    kw = dict(kw)
    out = {}
    if u.drivername.startswith("sqlite"):
        name = args[0]
        # SQLite resolves relative names against the working directory; Retort against the directory given.
        if name.startswith("file:"):
            if not name[5:].startswith("/"):
                name = "file:" + os.path.join(os.getcwd(), name[5:])
        elif name != ":memory:" and not name.startswith("/"):
            name = os.path.join(os.getcwd(), name)
        out["database"] = name
        out["options"] = {}
        if "timeout" in kw:
            out["options"]["busy_ms"] = str(round(kw["timeout"] * 1000))
        if kw.get("uri"):
            out["options"]["uri"] = "1"
    else:
        out["host"] = text(kw.pop("host", None))
        out["port"] = text(kw.pop("port", None))
        out["user"] = text(kw.pop("user", None))
        out["password"] = text(kw.pop("password", kw.pop("passwd", None)))
        if "database" in kw and "dbname" in kw and u.drivername.startswith("postgresql"):
            print(json.dumps({"error": "TypeError"}))  # psycopg2.extensions.make_dsn refuses both
            continue
        out["database"] = text(kw.pop("database", kw.pop("dbname", kw.pop("db", None))))
        if u.drivername.startswith("postgresql+asyncpg"):
            if "ssl" in kw:   # asyncpg's ssl is libpq's sslmode
                kw["sslmode"] = kw.pop("ssl")
            if "timeout" in kw:
                kw["connect_timeout"] = math.ceil(float(kw.pop("timeout")))
        if u.drivername.startswith(("mysql", "mariadb")):
            for key, value in kw.pop("ssl", {}).items():
                kw["ssl_" + key] = value
            if "compress" in kw:
                if kw.pop("compress"):
                    kw["compress"] = "1"
            for key in ("client_flag", "charset", "buffered"):  # Qt sets its own
                kw.pop(key, None)
        out["options"] = {k: str(v) for k, v in kw.items()}
    print(json.dumps(out))
)"_s;

QJsonValue jsonText(const QString &s)
{
    return s.isNull() ? QJsonValue() : QJsonValue(s);
}

/// Retort's Qt connection parameters in the form connectArgsScript prints.
QJsonObject retortConnectArgs(const DatabaseUrl &url, const QString &directory)
{
    QJsonObject options;
    QJsonObject out;
    const QStringList parts = url.qtConnectOptions(0).split(u';', Qt::SkipEmptyParts);
    QMap<QString, QString> raw;
    for (const QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        QString value = equals < 0 ? QString() : part.mid(equals + 1);
        if (value.startsWith(u'\'') && value.endsWith(u'\''))
            value = value.mid(1, value.size() - 2).replace(u"\\'"_s, u"'"_s).replace(u"\\\\"_s, u"\\"_s);
        raw.insert(equals < 0 ? part : part.left(equals), value);
    }
    if (url.dialect == u"sqlite"_s) {
        out[u"database"_s] = url.qtDatabaseName(directory);
        if (raw.contains(u"QSQLITE_BUSY_TIMEOUT"_s))
            options[u"busy_ms"_s] = raw.value(u"QSQLITE_BUSY_TIMEOUT"_s);
        if (raw.contains(u"QSQLITE_OPEN_URI"_s))
            options[u"uri"_s] = u"1"_s;
        out[u"options"_s] = options;
        return out;
    }
    const QString host = url.qtHostName();
    out[u"host"_s] = host.isEmpty() ? QJsonValue() : QJsonValue(host);
    out[u"port"_s] = url.qtPort() != -1 ? QJsonValue(QString::number(url.qtPort())) : jsonText(raw.take(u"port"_s));
    // The drivers leave out false values (translate_connect_args), Qt leaves out empty ones.
    out[u"user"_s] = url.qtUserName().isEmpty() ? QJsonValue() : QJsonValue(url.qtUserName());
    out[u"password"_s] = url.qtPassword().isEmpty() ? QJsonValue() : QJsonValue(url.qtPassword());
    out[u"database"_s] =
        url.qtDatabaseName(directory).isEmpty() ? QJsonValue() : QJsonValue(url.qtDatabaseName(directory));
    const QMap<QString, QString> mysqlNames{{u"UNIX_SOCKET"_s, u"unix_socket"_s},
                                            {u"MYSQL_OPT_CONNECT_TIMEOUT"_s, u"connect_timeout"_s},
                                            {u"MYSQL_OPT_READ_TIMEOUT"_s, u"read_timeout"_s},
                                            {u"MYSQL_OPT_WRITE_TIMEOUT"_s, u"write_timeout"_s},
                                            {u"SSL_CA"_s, u"ssl_ca"_s},
                                            {u"SSL_CERT"_s, u"ssl_cert"_s},
                                            {u"SSL_KEY"_s, u"ssl_key"_s},
                                            {u"SSL_CAPATH"_s, u"ssl_capath"_s},
                                            {u"SSL_CIPHER"_s, u"ssl_cipher"_s},
                                            {u"CLIENT_COMPRESS"_s, u"compress"_s}};
    for (auto it = raw.cbegin(); it != raw.cend(); ++it)
        options[url.qtDriverName() == u"QMYSQL"_s ? mysqlNames.value(it.key()) : it.key()] = it.value();
    out[u"options"_s] = options;
    return out;
}

} // namespace

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void sqlite_data();
    void sqlite();
    void queryOverrides();
    void nullAndEmpty();
    void errors_data();
    void errors();
    void passwordNeverInErrors();
    void qtDrivers();
    void matchesMakeUrl();
    void matchesConnectArgs();
};

void TestDatabaseUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("fields"); // describe()
    QTest::addColumn<QString>("qtDriver");
    QTest::addColumn<QString>("qtHost");
    QTest::addColumn<int>("qtPort");
    QTest::addColumn<QString>("qtDatabase"); // against /base
    QTest::addColumn<QString>("options");    // with a 10 s connect timeout
    QTest::addColumn<QString>("masked");

    auto row = [](const QString &url, const QString &fields, const QString &qtDriver, const QString &qtHost, int qtPort,
                  const QString &qtDatabase, const QString &options, const QString &masked) {
        QTest::addRow("%s", qPrintable(url))
            << url << fields << qtDriver << qtHost << qtPort << qtDatabase << options << masked;
    };
    const QString none;

    // sqlite
    row(u"sqlite:///relative.db"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 | relative.db | "_s, u"QSQLITE"_s, none, -1,
        u"/base/relative.db"_s, none, u"sqlite:///relative.db"_s);
    row(u"sqlite:////abs/path.db"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 | /abs/path.db | "_s, u"QSQLITE"_s, none, -1,
        u"/abs/path.db"_s, none, u"sqlite:////abs/path.db"_s);
    row(u"sqlite://"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 | ~ | "_s, u"QSQLITE"_s, none, -1, u":memory:"_s, none,
        u"sqlite://"_s);
    row(u"sqlite:///:memory:"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 | :memory: | "_s, u"QSQLITE"_s, none, -1, u":memory:"_s,
        none, u"sqlite:///:memory:"_s);
    row(u"sqlite:///"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 |  | "_s, u"QSQLITE"_s, none, -1, u":memory:"_s, none,
        u"sqlite:///"_s);
    // Not a file: URI, so SQLite (from Python as from Qt) opens a file literally named "file.db?mode=ro", writable.
    row(u"sqlite:///file.db?mode=ro&uri=true"_s, u"sqlite | ~ | ~ | ~ | ~ | -1 | file.db | mode=ro&uri=true"_s,
        u"QSQLITE"_s, none, -1, u"/base/file.db?mode=ro"_s, u"QSQLITE_OPEN_URI"_s,
        u"sqlite:///file.db?mode=ro&uri=true"_s);
    row(u"sqlite:///file:data/app.db?mode=ro&uri=true"_s,
        u"sqlite | ~ | ~ | ~ | ~ | -1 | file:data/app.db | mode=ro&uri=true"_s, u"QSQLITE"_s, none, -1,
        u"file:/base/data/app.db?mode=ro"_s, u"QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"_s,
        u"sqlite:///file:data/app.db?mode=ro&uri=true"_s);
    row(u"sqlite+pysqlite:///x.db?timeout=2.5"_s, u"sqlite | pysqlite | ~ | ~ | ~ | -1 | x.db | timeout=2.5"_s,
        u"QSQLITE"_s, none, -1, u"/base/x.db"_s, u"QSQLITE_BUSY_TIMEOUT=2500"_s,
        u"sqlite+pysqlite:///x.db?timeout=2.5"_s);
    row(u"sqlite+aiosqlite:///../x.db"_s, u"sqlite | aiosqlite | ~ | ~ | ~ | -1 | ../x.db | "_s, u"QSQLITE"_s, none, -1,
        u"/x.db"_s, none, u"sqlite+aiosqlite:///../x.db"_s);

    // postgresql
    row(u"postgresql://u:p@localhost/db"_s, u"postgresql | ~ | u | p | localhost | -1 | db | "_s, u"QPSQL"_s,
        u"localhost"_s, -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u:***@localhost/db"_s);
    row(u"postgresql+psycopg2://u:p%40ss@host:5433/db?sslmode=require"_s,
        u"postgresql | psycopg2 | u | p@ss | host | 5433 | db | sslmode=require"_s, u"QPSQL"_s, u"host"_s, 5433,
        u"db"_s, u"sslmode=require;connect_timeout=10"_s,
        u"postgresql+psycopg2://u:***@host:5433/db?sslmode=require"_s);
    row(u"postgresql+psycopg://scott:tiger@db.example.com/app"_s,
        u"postgresql | psycopg | scott | tiger | db.example.com | -1 | app | "_s, u"QPSQL"_s, u"db.example.com"_s, -1,
        u"app"_s, u"connect_timeout=10"_s, u"postgresql+psycopg://scott:***@db.example.com/app"_s);
    row(u"postgresql+asyncpg://u:p@h/db?ssl=require&timeout=2.5"_s,
        u"postgresql | asyncpg | u | p | h | -1 | db | ssl=require&timeout=2.5"_s, u"QPSQL"_s, u"h"_s, -1, u"db"_s,
        u"sslmode=require;connect_timeout=3"_s, u"postgresql+asyncpg://u:***@h/db?ssl=require&timeout=2.5"_s);
    row(u"postgresql+pg8000://u:p@h:5432/db"_s, u"postgresql | pg8000 | u | p | h | 5432 | db | "_s, u"QPSQL"_s, u"h"_s,
        5432, u"db"_s, u"connect_timeout=10"_s, u"postgresql+pg8000://u:***@h:5432/db"_s);
    row(u"postgresql://user@/db?host=/var/run/postgresql"_s,
        u"postgresql | ~ | user | ~ | ~ | -1 | db | host=/var/run/postgresql"_s, u"QPSQL"_s, u"/var/run/postgresql"_s,
        -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://user@/db?host=%2Fvar%2Frun%2Fpostgresql"_s);
    row(u"postgresql+pg8000://user@/db?unix_sock=/run/postgresql/.s.PGSQL.5433"_s,
        u"postgresql | pg8000 | user | ~ | ~ | -1 | db | unix_sock=/run/postgresql/.s.PGSQL.5433"_s, u"QPSQL"_s,
        u"/run/postgresql"_s, 5433, u"db"_s, u"connect_timeout=10"_s,
        u"postgresql+pg8000://user@/db?unix_sock=%2Frun%2Fpostgresql%2F.s.PGSQL.5433"_s);
    row(u"postgresql://u:p@[::1]:5432/db"_s, u"postgresql | ~ | u | p | ::1 | 5432 | db | "_s, u"QPSQL"_s, u"::1"_s,
        5432, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u:***@[::1]:5432/db"_s);
    row(u"postgresql://[2001:db8::7]/db"_s, u"postgresql | ~ | ~ | ~ | 2001:db8::7 | -1 | db | "_s, u"QPSQL"_s,
        u"2001:db8::7"_s, -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://[2001:db8::7]/db"_s);
    row(u"postgresql+psycopg2://u:p@/db?host=h1:5432&host=h2:5433"_s,
        u"postgresql | psycopg2 | u | p | ~ | -1 | db | host=h1:5432&host=h2:5433"_s, u"QPSQL"_s, u"h1,h2"_s, -1,
        u"db"_s, u"port=5432,5433;connect_timeout=10"_s,
        u"postgresql+psycopg2://u:***@/db?host=h1%3A5432&host=h2%3A5433"_s);
    row(u"postgresql://u@h/db?application_name=Retort+Studio&options=-c%20search_path%3Dapp&connect_timeout=3"_s,
        u"postgresql | ~ | u | ~ | h | -1 | db | application_name=Retort Studio&options=-c search_path=app&"
        u"connect_timeout=3"_s,
        u"QPSQL"_s, u"h"_s, -1, u"db"_s,
        u"application_name='Retort Studio';options='-c search_path=app';connect_timeout=3"_s,
        u"postgresql://u@h/db?application_name=Retort+Studio&connect_timeout=3&options=-c+search_path%3Dapp"_s);
    row(u"postgresql://u@h/db?sslrootcert=/etc/ca.pem&sslcert=/c.pem&sslkey=/k.pem&target_session_attrs=read-write&"
        u"unknown=1"_s,
        u"postgresql | ~ | u | ~ | h | -1 | db | sslrootcert=/etc/ca.pem&sslcert=/c.pem&sslkey=/k.pem&"
        u"target_session_attrs=read-write&unknown=1"_s,
        u"QPSQL"_s, u"h"_s, -1, u"db"_s,
        u"sslrootcert=/etc/ca.pem;sslcert=/c.pem;sslkey=/k.pem;target_session_attrs=read-write;connect_timeout=10"_s,
        u"postgresql://u@h/db?sslcert=%2Fc.pem&sslkey=%2Fk.pem&sslrootcert=%2Fetc%2Fca.pem&"
        u"target_session_attrs=read-write&unknown=1"_s);

    // userinfo
    row(u"postgresql://us%2Fer%3A:p%2F%3A%40%25x@h/db"_s, u"postgresql | ~ | us/er: | p/:@%x | h | -1 | db | "_s,
        u"QPSQL"_s, u"h"_s, -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://us%2Fer%3A:***@h/db"_s);
    // SQLAlchemy's password is [^@]*: it ends at the first '@', and the rest goes into the host.
    row(u"postgresql://u:p@ss@host/db"_s, u"postgresql | ~ | u | p | ss@host | -1 | db | "_s, u"QPSQL"_s, u"ss@host"_s,
        -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u:***@host/db"_s);
    row(u"postgresql://u:pa:ss@host:5432/db"_s, u"postgresql | ~ | u | pa:ss | host | 5432 | db | "_s, u"QPSQL"_s,
        u"host"_s, 5432, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u:***@host:5432/db"_s);
    row(u"postgresql://u:pa/ss@host/db"_s, u"postgresql | ~ | u | pa/ss | host | -1 | db | "_s, u"QPSQL"_s, u"host"_s,
        -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u:***@host/db"_s);
    row(u"postgresql://u:@h/db"_s, u"postgresql | ~ | u |  | h | -1 | db | "_s, u"QPSQL"_s, u"h"_s, -1, u"db"_s,
        u"connect_timeout=10"_s, u"postgresql://u:***@h/db"_s);
    row(u"postgresql://u@h/db"_s, u"postgresql | ~ | u | ~ | h | -1 | db | "_s, u"QPSQL"_s, u"h"_s, -1, u"db"_s,
        u"connect_timeout=10"_s, u"postgresql://u@h/db"_s);
    row(u"postgresql://h:5432"_s, u"postgresql | ~ | ~ | ~ | h | 5432 | ~ | "_s, u"QPSQL"_s, u"h"_s, 5432, none,
        u"connect_timeout=10"_s, u"postgresql://h:5432"_s);
    row(u"postgresql://u@h/db?password=secret"_s, u"postgresql | ~ | u | ~ | h | -1 | db | password=secret"_s,
        u"QPSQL"_s, u"h"_s, -1, u"db"_s, u"connect_timeout=10"_s, u"postgresql://u@h/db?password=***"_s);

    // mysql and mariadb
    row(u"mysql+pymysql://u:p@h/db?charset=utf8mb4"_s, u"mysql | pymysql | u | p | h | -1 | db | charset=utf8mb4"_s,
        u"QMYSQL"_s, u"h"_s, -1, u"db"_s, u"MYSQL_OPT_CONNECT_TIMEOUT=10"_s,
        u"mysql+pymysql://u:***@h/db?charset=utf8mb4"_s);
    row(u"mysql+mysqldb://u:p@h:3307/db"_s, u"mysql | mysqldb | u | p | h | 3307 | db | "_s, u"QMYSQL"_s, u"h"_s, 3307,
        u"db"_s, u"MYSQL_OPT_CONNECT_TIMEOUT=10"_s, u"mysql+mysqldb://u:***@h:3307/db"_s);
    row(u"mysql+mysqlconnector://u:p@h/db?connection_timeout=4"_s,
        u"mysql | mysqlconnector | u | p | h | -1 | db | connection_timeout=4"_s, u"QMYSQL"_s, u"h"_s, -1, u"db"_s,
        u"MYSQL_OPT_CONNECT_TIMEOUT=4"_s, u"mysql+mysqlconnector://u:***@h/db?connection_timeout=4"_s);
    row(u"mariadb://u:p@h/db"_s, u"mariadb | ~ | u | p | h | -1 | db | "_s, u"QMYSQL"_s, u"h"_s, -1, u"db"_s,
        u"MYSQL_OPT_CONNECT_TIMEOUT=10"_s, u"mariadb://u:***@h/db"_s);
    row(u"mariadb+pymysql://u:p@h/db"_s, u"mariadb | pymysql | u | p | h | -1 | db | "_s, u"QMYSQL"_s, u"h"_s, -1,
        u"db"_s, u"MYSQL_OPT_CONNECT_TIMEOUT=10"_s, u"mariadb+pymysql://u:***@h/db"_s);
    row(u"mysql+pymysql://u:p@localhost/db?unix_socket=/run/mysqld/mysqld.sock"_s,
        u"mysql | pymysql | u | p | localhost | -1 | db | unix_socket=/run/mysqld/mysqld.sock"_s, u"QMYSQL"_s,
        u"localhost"_s, -1, u"db"_s, u"UNIX_SOCKET=/run/mysqld/mysqld.sock;MYSQL_OPT_CONNECT_TIMEOUT=10"_s,
        u"mysql+pymysql://u:***@localhost/db?unix_socket=%2Frun%2Fmysqld%2Fmysqld.sock"_s);
    // pymysql takes the socket whatever the host; the C client (mysqldb, and Qt) only for localhost.
    row(u"mysql+pymysql://u:p@db.example.com/db?unix_socket=/s.sock"_s,
        u"mysql | pymysql | u | p | db.example.com | -1 | db | unix_socket=/s.sock"_s, u"QMYSQL"_s, u"localhost"_s, -1,
        u"db"_s, u"UNIX_SOCKET=/s.sock;MYSQL_OPT_CONNECT_TIMEOUT=10"_s,
        u"mysql+pymysql://u:***@db.example.com/db?unix_socket=%2Fs.sock"_s);
    row(u"mysql://u:p@db.example.com/db?unix_socket=/s.sock"_s,
        u"mysql | ~ | u | p | db.example.com | -1 | db | unix_socket=/s.sock"_s, u"QMYSQL"_s, u"db.example.com"_s, -1,
        u"db"_s, u"UNIX_SOCKET=/s.sock;MYSQL_OPT_CONNECT_TIMEOUT=10"_s,
        u"mysql://u:***@db.example.com/db?unix_socket=%2Fs.sock"_s);
    row(u"mysql+pymysql://u:p@h/db?ssl_ca=/etc/ca.pem&ssl_cert=/c.pem&ssl_key=/k.pem&read_timeout=30&compress=true"_s,
        u"mysql | pymysql | u | p | h | -1 | db | ssl_ca=/etc/ca.pem&ssl_cert=/c.pem&ssl_key=/k.pem&read_timeout=30&"
        u"compress=true"_s,
        u"QMYSQL"_s, u"h"_s, -1, u"db"_s,
        u"SSL_CA=/etc/ca.pem;SSL_CERT=/c.pem;SSL_KEY=/k.pem;MYSQL_OPT_READ_TIMEOUT=30;CLIENT_COMPRESS=1;"
        u"MYSQL_OPT_CONNECT_TIMEOUT=10"_s,
        u"mysql+pymysql://u:***@h/db?compress=true&read_timeout=30&ssl_ca=%2Fetc%2Fca.pem&ssl_cert=%2Fc.pem&"
        u"ssl_key=%2Fk.pem"_s);
}

void TestDatabaseUrl::parse()
{
    QFETCH(QString, url);
    QFETCH(QString, fields);
    QFETCH(QString, qtDriver);
    QFETCH(QString, qtHost);
    QFETCH(int, qtPort);
    QFETCH(QString, qtDatabase);
    QFETCH(QString, options);
    QFETCH(QString, masked);

    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(describe(*parsed), fields);
    QCOMPARE(parsed->qtDriverName(), qtDriver);
    QCOMPARE(parsed->qtHostName(), qtHost);
    QCOMPARE(parsed->qtPort(), qtPort);
    QCOMPARE(parsed->qtDatabaseName(baseDir), qtDatabase);
    QCOMPARE(parsed->qtConnectOptions(10), options);
    QCOMPARE(parsed->toString(true), masked);
    QCOMPARE(parsed->toString(), masked);
    // Re-parsing the unmasked rendering gives the same URL (the rendering escapes what the pattern splits on)
    // except where SQLAlchemy's own rendering does not survive (a raw '@' left in the host).
    if (!parsed->host.contains(u'@')) {
        const Result<DatabaseUrl> again = DatabaseUrl::parse(parsed->toString(false));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(describe(*again).split(u" | "_s).mid(0, 7), fields.split(u" | "_s).mid(0, 7));
    }
}

void TestDatabaseUrl::sqlite_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("memory");
    QTest::addColumn<QString>("filePath"); // against /base

    QTest::newRow("relative") << u"sqlite:///app.db"_s << false << u"/base/app.db"_s;
    QTest::newRow("relative subdir") << u"sqlite:///data/./app.db"_s << false << u"/base/data/app.db"_s;
    QTest::newRow("absolute") << u"sqlite:////var/lib/app.db"_s << false << u"/var/lib/app.db"_s;
    QTest::newRow("no database") << u"sqlite://"_s << true << QString();
    QTest::newRow("empty database") << u"sqlite:///"_s << true << QString();
    QTest::newRow(":memory:") << u"sqlite:///:memory:"_s << true << QString();
    QTest::newRow("uri memory") << u"sqlite:///file::memory:?cache=shared&uri=true"_s << true << QString();
    QTest::newRow("uri mode=memory") << u"sqlite:///file:db1?mode=memory&uri=true"_s << true << QString();
    QTest::newRow("uri relative") << u"sqlite:///file:app.db?mode=ro&uri=true"_s << false << u"/base/app.db"_s;
    QTest::newRow("uri absolute") << u"sqlite:///file:/srv/app.db?uri=true"_s << false << u"/srv/app.db"_s;
    QTest::newRow("uri authority") << u"sqlite:///file://localhost/srv/a%20b.db?uri=true"_s << false
                                   << u"/srv/a b.db"_s;
    QTest::newRow("file: without uri") << u"sqlite:///file:app.db"_s << false << u"/base/file:app.db"_s;
    QTest::newRow("uri without file:") << u"sqlite:///app.db?mode=ro&uri=true"_s << false << u"/base/app.db?mode=ro"_s;
    QTest::newRow("uri false") << u"sqlite:///app.db?mode=ro&uri=false"_s << false << u"/base/app.db"_s;
    QTest::newRow("not sqlite") << u"postgresql://h/db"_s << false << QString();
}

void TestDatabaseUrl::sqlite()
{
    QFETCH(QString, url);
    QFETCH(bool, memory);
    QFETCH(QString, filePath);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->isSqliteMemory(), memory);
    QCOMPARE(parsed->sqliteFilePath(baseDir), filePath);
    QCOMPARE(parsed->sqliteFilePath(baseDir).isEmpty(), filePath.isEmpty());
}

void TestDatabaseUrl::queryOverrides()
{
    // The dialects do `opts.update(url.query)`: query parameters win over the URL's parts.
    Result<DatabaseUrl> pg =
        DatabaseUrl::parse(u"postgresql://u:p@h:5432/db?user=v&password=q&database=other&port=6543"_s);
    QVERIFY2(pg.ok(), qPrintable(pg.error()));
    QCOMPARE(pg->qtUserName(), u"v"_s);
    QCOMPARE(pg->qtPassword(), u"q"_s);
    QCOMPARE(pg->qtDatabaseName(baseDir), u"other"_s);
    QCOMPARE(pg->qtPort(), 6543);
    QCOMPARE(pg->qtConnectOptions(0), QString());
    QCOMPARE(pg->toString(true), u"postgresql://u:***@h:5432/db?database=other&password=***&port=6543&user=v"_s);
    Result<DatabaseUrl> dbname = DatabaseUrl::parse(u"postgresql://u@h/?dbname=other"_s);
    QVERIFY2(dbname.ok(), qPrintable(dbname.error()));
    QCOMPARE(dbname->qtDatabaseName(baseDir), u"other"_s);

    Result<DatabaseUrl> my = DatabaseUrl::parse(u"mysql://u:p@h/db?passwd=q&db=other&host=h2&port=3307"_s);
    QVERIFY2(my.ok(), qPrintable(my.error()));
    QCOMPARE(my->qtUserName(), u"u"_s);
    QCOMPARE(my->qtPassword(), u"q"_s);
    QCOMPARE(my->qtDatabaseName(baseDir), u"other"_s);
    QCOMPARE(my->qtHostName(), u"h2"_s);
    QCOMPARE(my->qtPort(), 3307);
    QCOMPARE(my->toString(true), u"mysql://u:***@h/db?db=other&host=h2&passwd=***&port=3307"_s);

    // libpq's comma-separated form passes through as it is.
    Result<DatabaseUrl> list = DatabaseUrl::parse(u"postgresql://u@/db?host=a,b&port=5432,5433"_s);
    QVERIFY2(list.ok(), qPrintable(list.error()));
    QCOMPARE(list->qtHostName(), u"a,b"_s);
    QCOMPARE(list->qtPort(), -1);
    QCOMPARE(list->qtConnectOptions(0), u"port=5432,5433"_s);

    // libpq quoting
    Result<DatabaseUrl> quoted = DatabaseUrl::parse(u"postgresql://h/db?application_name=it%27s%5Cx"_s);
    QVERIFY2(quoted.ok(), qPrintable(quoted.error()));
    QCOMPARE(quoted->qtConnectOptions(0), u"application_name='it\\'s\\\\x'"_s);
}

void TestDatabaseUrl::nullAndEmpty()
{
    // SQLAlchemy's None and "" are a null and an empty QString.
    const Result<DatabaseUrl> empty = DatabaseUrl::parseSyntax(u"postgresql://:@/"_s);
    QVERIFY(empty.ok());
    QVERIFY(!empty->username.isNull() && empty->username.isEmpty());
    QVERIFY(!empty->password.isNull() && empty->password.isEmpty());
    QVERIFY(empty->host.isNull());
    QVERIFY(!empty->database.isNull() && empty->database.isEmpty());
    QCOMPARE(empty->toString(false), u"postgresql://:@/"_s);

    const Result<DatabaseUrl> absent = DatabaseUrl::parseSyntax(u"postgresql://"_s);
    QVERIFY(absent.ok());
    QVERIFY(absent->driver.isNull());
    QVERIFY(absent->username.isNull());
    QVERIFY(absent->password.isNull());
    QVERIFY(absent->database.isNull());
    QCOMPARE(absent->toString(false), u"postgresql://"_s);

    const Result<DatabaseUrl> plus = DatabaseUrl::parseSyntax(u"sqlite+://"_s);
    QVERIFY(plus.ok());
    QVERIFY(!plus->driver.isNull() && plus->driver.isEmpty());
    QCOMPARE(plus->drivername(), u"sqlite+"_s);
}

void TestDatabaseUrl::errors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message"); // a part of the message

    auto row = [](const char *name, const QString &url, const QString &message) {
        QTest::newRow(name) << url << message;
    };
    const QString notAUrl = u"is not a database URL; expected dialect+driver://user:password@host:port/database"_s;
    row("one slash", u"postgresql:/u:secret@host/db"_s, notAUrl);
    row("no scheme", u"u:secret@host/db"_s, notAUrl);
    row("leading space", u" postgresql://u:secret@host/db"_s, notAUrl);
    row("text", u"just some text"_s, notAUrl);
    row("empty", QString(), notAUrl);
    row("postgres", u"postgres://u:secret@h/db"_s, u"write 'postgresql' instead"_s);
    row("upper case", u"PostgreSQL://u:secret@h/db"_s, u"lower case; write 'postgresql'"_s);
    row("mssql", u"mssql+pyodbc://u:secret@dsn"_s,
        u"Retort reads sqlite, postgresql, mysql and mariadb databases; 'mssql'"_s);
    row("oracle", u"oracle://u:secret@h/db"_s, u"'oracle' (in oracle://u:***@h/db) is not supported"_s);
    row("sqlcipher", u"sqlite+pysqlcipher://:secret@/x.db"_s, u"SQLCipher"_s);
    row("mysql pyodbc", u"mysql+pyodbc://u:secret@dsn"_s, u"does not know the driver 'pyodbc' for mysql"_s);
    row("unknown driver", u"postgresql+foo://u:secret@h/db"_s, u"it knows psycopg2, psycopg,"_s);
    row("empty driver", u"sqlite+://"_s, u"does not know the driver ''"_s);
    row("port too big", u"postgresql://u:secret@h:99999/db"_s,
        u"The port in postgresql://u:***@h:***/db is not a number from 1 to 65535."_s);
    row("port zero", u"postgresql://u:secret@h:0/db"_s, u"is not a number from 1 to 65535"_s);
    row("port negative", u"postgresql://u:secret@h:-1/db"_s, u"is not a number from 1 to 65535"_s);
    row("port word", u"postgresql://u:secret@h:abc/db"_s, u"is not a number from 1 to 65535"_s);
    row("port empty", u"postgresql://u:secret@h:/db"_s, u"is not a number from 1 to 65535"_s);
    // Without its '@' the password lands in the port.
    row("password as port", u"postgresql://user:secret/db"_s, u"The port in postgresql://user:***/db"_s);
    row("sqlite with host", u"sqlite://u:secret@h/x.db"_s, u"is not a valid SQLite URL"_s);
    row("sqlite with port", u"sqlite://:5/x.db"_s, u"is not a valid SQLite URL"_s);
    row("sqlite timeout", u"sqlite:///x.db?timeout=soon"_s, u"'timeout'"_s);
    row("sqlite uri", u"sqlite:///x.db?uri=maybe"_s, u"'uri'"_s);
    row("sqlite uri twice", u"sqlite:///file:x.db?mode=ro&mode=rw&uri=true"_s, u"'mode' is given 2 times"_s);
    row("repeated sslmode", u"postgresql://u:secret@h/db?sslmode=require&sslmode=disable"_s,
        u"The query parameter 'sslmode' is given 2 times in postgresql://u:***@h/db?"_s);
    row("multihost and port", u"postgresql://u:secret@/db?host=a:1&host=b:2&port=5"_s, u"mixes the two forms"_s);
    row("multihost and url port", u"postgresql://u:secret@h:5432/db?host=a:1&host=b:2"_s, u"mixes the two forms"_s);
    row("pg semicolon", u"postgresql://u:secret@h/db?application_name=a%3Bb"_s,
        u"'application_name' in postgresql://u:***@h/db?application_name=a%3Bb contains ';'"_s);
    row("dbname twice", u"postgresql://u:secret@h/db?dbname=other"_s, u"names the database twice"_s);
    row("pg query port", u"postgresql://u:secret@h/db?port=x"_s, u"'port'"_s);
    row("pg connect_timeout", u"postgresql://u:secret@h/db?connect_timeout=x"_s, u"'connect_timeout'"_s);
    row("asyncpg ssl", u"postgresql+asyncpg://u:secret@h/db?ssl=maybe"_s, u"'ssl'"_s);
    row("mysql spaces", u"mysql://u:secret@h/db?ssl_ca=/a%20%20b"_s, u"repeated spaces"_s);
    row("mysql timeout", u"mysql://u:secret@h/db?connect_timeout=soon"_s, u"whole number of seconds"_s);
    row("mysql compress", u"mysql://u:secret@h/db?compress=maybe"_s, u"'compress'"_s);
    row("query password", u"postgresql://u@h/db?password=secret&password=secret2"_s, u"'password' is given 2"_s);
    row("ssl password", u"postgresql://u@h/db?sslpassword=secret%3B"_s, u"sslpassword=*** contains ';'"_s);
}

void TestDatabaseUrl::errors()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? parsed->toString() : QString()));
    QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
    QVERIFY2(!parsed.error().contains(u"secret"_s), qPrintable(parsed.error()));
}

void TestDatabaseUrl::passwordNeverInErrors()
{
    const QStringList schemes{u"postgresql"_s,
                              u"postgresql+psycopg2"_s,
                              u"postgresql+asyncpg"_s,
                              u"mysql"_s,
                              u"mariadb+pymysql"_s,
                              u"sqlite"_s,
                              u"postgres"_s,
                              u"mssql"_s,
                              u"x+y"_s};
    const QString password = u"S3cr3tPw"_s;
    // Nothing in the alphabet can spell the password.
    const QString alphabet = u":/@?&=#%[]+;1_ ab"_s;
    QRandomGenerator random(11);
    for (int round = 0; round < 20000; ++round) {
        QString junk;
        const int length = int(random.bounded(24));
        for (int i = 0; i < length; ++i)
            junk += alphabet.at(int(random.bounded(alphabet.size())));
        const QString scheme = schemes.at(int(random.bounded(schemes.size())));
        QString url;
        if (round % 3 == 0)
            url = scheme + u"://u:"_s + password + u'@' + junk;
        else if (round % 3 == 1)
            url = scheme + u"://u:"_s + password + junk;
        else
            url = junk + u"u:"_s + password + u'@' + junk;
        (void)DatabaseUrl::parse(junk);
        // Where SQLAlchemy reads the text as the password, or cannot read the URL at all, nothing may show it.
        // (Junk in front can turn it into a database name, which is no secret to SQLAlchemy either.)
        const Result<DatabaseUrl> syntax = DatabaseUrl::parseSyntax(url);
        if (syntax.ok() && !syntax->password.contains(password))
            continue;
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        const QString shown = parsed.ok() ? parsed->toString(true) : parsed.error();
        QVERIFY2(!shown.contains(password), qPrintable(url + u" → "_s + shown));
    }
}

void TestDatabaseUrl::qtDrivers()
{
    for (const QString &url : {u"sqlite://"_s, u"postgresql://h/db"_s, u"mysql://h/db"_s, u"mariadb://h/db"_s}) {
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed.ok());
        const Result<QString> driver = qtDriverFor(*parsed);
        // The Debian packages libqt6sql6-sqlite, -psql and -mysql are installed here.
        QVERIFY2(driver.ok(), qPrintable(driver.error()));
        QCOMPARE(*driver, parsed->qtDriverName());
    }
    const Result<DatabaseUrl> oracle = DatabaseUrl::parseSyntax(u"oracle://u:secret@h/db"_s);
    QVERIFY(oracle.ok());
    QCOMPARE(oracle->qtDriverName(), QString());
    const Result<QString> none = qtDriverFor(*oracle);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().contains(u"'oracle' (in oracle://u:***@h/db) is not supported"_s), qPrintable(none.error()));
}

void TestDatabaseUrl::matchesMakeUrl()
{
    struct Case
    {
        QString url;
        bool retortAccepts; // DatabaseUrl::parse(); parseSyntax() must agree with make_url whenever it succeeds
    };
    const QList<Case> cases{
        {u"sqlite:///relative.db"_s, true},
        {u"sqlite:////abs/path.db"_s, true},
        {u"sqlite://"_s, true},
        {u"sqlite:///"_s, true},
        {u"sqlite:///:memory:"_s, true},
        {u"sqlite:///file.db?mode=ro&uri=true"_s, true},
        {u"sqlite+pysqlite:///file:x.db?mode=ro&uri=true&timeout=2"_s, true},
        {u"postgresql://u:p@localhost/db"_s, true},
        {u"postgresql+psycopg2://u:p%40ss@host:5433/db?sslmode=require"_s, true},
        {u"postgresql+psycopg://scott:tiger@h/db"_s, true},
        {u"postgresql+asyncpg://scott:tiger@h/db?ssl=require"_s, true},
        {u"postgresql+pg8000://scott:tiger@h/db"_s, true},
        {u"postgresql://user@/db?host=/var/run/postgresql"_s, true},
        {u"postgresql://u:p@[::1]:5432/db"_s, true},
        {u"postgresql://u:p@[2001:db8::1]/db"_s, true},
        {u"postgresql://[::1]"_s, true},
        {u"postgresql://[::1]]:5/d"_s, true},
        {u"mysql+pymysql://u:p@h/db?charset=utf8mb4"_s, true},
        {u"mysql+mysqldb://u:p@h/db"_s, true},
        {u"mysql+mysqlconnector://u:p@h:3307/db"_s, true},
        {u"mariadb://u:p@h/db"_s, true},
        {u"mariadb+pymysql://u:p@h/db"_s, true},
        {u"mysql+pymysql://u:p@localhost/db?unix_socket=/run/mysqld/mysqld.sock"_s, true},
        {u"postgresql://us%2Fer%3Ax:p%2F%3A%40%25@h/db"_s, true},
        {u"postgresql://%E2%82%AC:%F0%9F%98%80@h/db"_s, true},
        {u"postgresql://ü:ö%C3%A9@h/db"_s, true},
        {u"postgresql://u:%zz%4@h/db"_s, true},
        {u"postgresql://u:p@ss@host/db"_s, true}, // repr differs: Retort hides "ss@" too (see toString)
        {u"postgresql://u:pa:ss@host:5432/db"_s, true},
        {u"postgresql://u:a@b:c@host/db"_s, false}, // password "a", host "b", port "c@host": not a number
        {u"postgresql://u:@h/db"_s, true},
        {u"postgresql://@h/db"_s, true},
        {u"postgresql://h/db"_s, true},
        {u"postgresql://h:5432"_s, true},
        {u"postgresql://h:5432/a@b"_s, true}, // username "h", password "5432/a", host "b"
        {u"postgresql://a@b@c/d"_s, true},
        {u"postgresql://h:/db"_s, false},
        {u"postgresql://h:abc/db"_s, false},
        {u"postgresql://u:p@[::1/d"_s, false},
        {u"postgresql://h: 5432 /db"_s, true},
        {u"postgresql://h:5_432/db"_s, true},
        {u"postgresql://h:+5432/db"_s, true},
        {u"postgresql://h:\u0665\u0664\u0663\u0662/db"_s, true}, // Arabic-Indic digits: int() takes them
        {u"postgresql://h:5__432/db"_s, false},
        {u"postgresql://h/db?a=1&a=2&b=&c&=x&d=%zz+%41"_s, true},
        {u"postgresql://h/db?x=%C3%28&y=%E2%82&z=%ED%A0%80&w=%C0%AF&v=%F0%9F%98%80&t=%F0%9F%98"_s, true},
        {u"postgresql://h/db?k%C3%A9y=v%C3%A9&caf%E9=1&%C3%A9%E9=2"_s, true},
        {u"postgresql://h/db?b=2&a=1&B=0&%C3%A9=e&%F0%9F%98%80=s&%EF%BF%BD=r&a=0"_s, true},
        {u"postgresql://h/d%20b?x=1#frag"_s, true},
        {u"postgresql://u:p@h/db\n?x=1"_s, true},
        {u"postgresql://h/db?a=1\nb=2"_s, true},
        {u"postgresql://h/db?&&a==1&=&b=+&c=%2B"_s, true},
        {u"a+b+c://h"_s, false},
        {u"sqlite+://"_s, false},
        {u"+x://h"_s, false},
        {u"\u00e9t\u00e9://h"_s, false},
        {u"mssql+pyodbc://u:p@dsn"_s, false}, // make_url takes any dialect; Retort opens only four
        {u"oracle+cx_oracle://u:p@h:1521/?service_name=x"_s, false},
        {u"postgres://u:p@h/db"_s, false},  // SQLAlchemy 1.4 itself refuses it when connecting
        {u"postgresql://h:-1/db"_s, false}, // deliberate: make_url takes any integer as port
        {u"postgresql://h:0/db"_s, false},
        {u"postgresql://h:99999/db"_s, false},
        {u" postgresql://h/db"_s, false},
        {u"postgresql:/h/db"_s, false},
        {QString(), false},
    };
    // Where Retort's port check deliberately rejects what make_url takes.
    const QSet<QString> portDifferences{u"postgresql://h:-1/db"_s, u"postgresql://h:0/db"_s,
                                        u"postgresql://h:99999/db"_s};

    QStringList urls;
    for (const Case &c : cases)
        urls.append(c.url);
    const QList<QJsonObject> oracle = runPython(makeUrlScript, urls);
    // The oracle must answer: a test that cannot ask it has not passed.
    QVERIFY2(!oracle.isEmpty(),
             "SQLAlchemy (the oracle) did not answer through " RETORT_TEST_PYTHON "; run packaging/setup-debian.sh");

    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        const QJsonObject &expected = oracle.at(i);
        const QString where = QString::fromUtf8(QJsonDocument(QJsonArray{c.url}).toJson(QJsonDocument::Compact));
        const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(c.url);
        const Result<DatabaseUrl> checked = DatabaseUrl::parse(c.url);
        QVERIFY2(checked.ok() == c.retortAccepts, qPrintable(where + u" "_s + checked.error()));
        if (checked.ok())
            QCOMPARE(describe(*checked), describe(*parsed));
        if (expected.contains(u"error"_s)) {
            QVERIFY2(!parsed.ok(), qPrintable(where + u" SQLAlchemy: "_s + expected.value(u"error"_s).toString()));
            continue;
        }
        if (portDifferences.contains(c.url)) {
            QVERIFY2(!parsed.ok(), qPrintable(where));
            continue;
        }
        QVERIFY2(parsed.ok(), qPrintable(where + u" "_s + parsed.error()));
        const DatabaseUrl &url = *parsed;
        const auto same = [](const QJsonValue &json, const QString &value) {
            return json.isNull() ? value.isNull() : !value.isNull() && json.toString() == value;
        };
        QVERIFY2(expected.value(u"drivername"_s).toString() == url.drivername(), qPrintable(where));
        QVERIFY2(same(expected.value(u"username"_s), url.username), qPrintable(where + u" "_s + url.username));
        QVERIFY2(same(expected.value(u"password"_s), url.password), qPrintable(where + u" "_s + url.password));
        QVERIFY2(same(expected.value(u"host"_s), url.host), qPrintable(where + u" "_s + url.host));
        QVERIFY2(same(expected.value(u"database"_s), url.database), qPrintable(where + u" "_s + url.database));
        QCOMPARE(expected.value(u"port"_s).toInt(-1), url.port);

        QJsonArray query;
        QStringList keys;
        for (const auto &[key, value] : url.query) {
            if (!keys.contains(key))
                keys.append(key);
        }
        for (const QString &key : std::as_const(keys))
            query.append(QJsonArray{key, QJsonArray::fromStringList(url.queryValues(key))});
        QVERIFY2(expected.value(u"query"_s).toArray() == query,
                 qPrintable(where + u" "_s + QString::fromUtf8(QJsonDocument(query).toJson(QJsonDocument::Compact))));

        QCOMPARE(url.toString(false), expected.value(u"str"_s).toString());
        // Deliberate: toString(true) also hides a password's rest left in the host and password-like query values.
        const bool hidesMore = (!url.password.isNull() && url.host.contains(u'@')) ||
                               std::any_of(url.query.cbegin(), url.query.cend(), [](const auto &pair) {
                                   return pair.first == u"password"_s || pair.first == u"sslpassword"_s;
                               });
        if (!hidesMore)
            QCOMPARE(url.toString(true), expected.value(u"repr"_s).toString());
    }
}

void TestDatabaseUrl::matchesConnectArgs()
{
    const QStringList urls{
        u"postgresql://u:p@localhost/db"_s,
        u"postgresql+psycopg2://u:p%40ss@host:5433/db?sslmode=require&application_name=Retort+Studio"_s,
        u"postgresql://user@/db?host=/var/run/postgresql"_s,
        u"postgresql://u:p@[::1]:5432/db"_s,
        u"postgresql+psycopg2://u:p@/db?host=h1:5432&host=h2:5433"_s,
        u"postgresql+psycopg2://u:p@/db?host=h1&host=h2"_s,
        u"postgresql://u@/db?host=a,b&port=5432,5433"_s,
        u"postgresql://u:p@h:5432/db?host=a:1&host=b:2"_s,
        u"postgresql://u:p@h:5432/db?user=v&password=q&dbname=other&port=6543"_s,
        u"postgresql://u:p@h:5432/db?user=v&password=q&database=other&port=6543"_s,
        u"postgresql://u:p@h:5432/?dbname=other"_s,
        u"postgresql://h/db?sslrootcert=/etc/ca.pem&target_session_attrs=read-write&connect_timeout=3"_s,
        u"postgresql+asyncpg://u:p@h:5/db?ssl=require&timeout=2.5"_s,
        u"postgresql+pg8000://u:p@h/db"_s,
        u"postgresql://u:@h/db"_s,
        u"mysql+pymysql://u:p@h/db?charset=utf8mb4"_s,
        u"mysql://u:p@h:3307/db"_s,
        u"mysql+mysqldb://u:p@localhost/db?unix_socket=/run/mysqld/mysqld.sock&connect_timeout=5"_s,
        u"mysql+pymysql://u:p@localhost/db?unix_socket=/run/mysqld/mysqld.sock"_s,
        u"mysql+pymysql://u:p@h/db?ssl_ca=/etc/ca.pem&ssl_cert=/c.pem&ssl_key=/k.pem&read_timeout=30&compress=true"_s,
        u"mysql://u:p@h/db?passwd=q&db=other&host=h2&port=3307"_s,
        u"mariadb+pymysql://u:p@h/db"_s,
        u"sqlite:///relative.db"_s,
        u"sqlite:////abs/path.db"_s,
        u"sqlite://"_s,
        u"sqlite:///:memory:"_s,
        u"sqlite:///x.db?timeout=2.5"_s,
        u"sqlite+pysqlite:///file:data/app.db?mode=ro&uri=true&timeout=3"_s,
        u"sqlite:///file.db?mode=ro&uri=true"_s,
        u"sqlite:///file:/srv/app.db?uri=true&cache=shared&mode=ro"_s,
    };
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString cwd = QFileInfo(directory.path()).canonicalFilePath();
    const QList<QJsonObject> oracle = runPython(connectArgsScript, urls, cwd);
    QVERIFY2(!oracle.isEmpty(), "SQLAlchemy's dialects (the oracle) did not answer through " RETORT_TEST_PYTHON
                                "; run packaging/setup-debian.sh");
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QString &where = urls.at(i);
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(urls.at(i));
        if (oracle.at(i).contains(u"error"_s)) {
            QVERIFY2(!parsed.ok(), qPrintable(where));
            continue;
        }
        QVERIFY2(parsed.ok(), qPrintable(where + u" "_s + parsed.error()));
        const QJsonObject retort = retortConnectArgs(*parsed, cwd);
        QVERIFY2(retort == oracle.at(i),
                 qPrintable(where + u"\nRetort:     "_s +
                            QString::fromUtf8(QJsonDocument(retort).toJson(QJsonDocument::Compact)) +
                            u"\nSQLAlchemy: "_s +
                            QString::fromUtf8(QJsonDocument(oracle.at(i)).toJson(QJsonDocument::Compact))));
    }
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
