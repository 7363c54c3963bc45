// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "databaseservers.h"

#include <QFile>
#include <QHash>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace TestDatabases {

namespace {

const QString postgresKey = u"RETORT_TEST_POSTGRES_URL"_s;
const QString postgresReaderKey = u"RETORT_TEST_POSTGRES_READER_URL"_s;
const QString mariadbKey = u"RETORT_TEST_MARIADB_URL"_s;
const QString mariadbReaderKey = u"RETORT_TEST_MARIADB_READER_URL"_s;

// Read on each call: the file is a dozen lines, and tests call this a handful of times.
QHash<QString, QString> readServersEnv()
{
    QHash<QString, QString> values;
    const QString path = serversEnvPath();
    if (path.isEmpty())
        return values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (line.startsWith(u'#') || equals <= 0)
            continue;
        values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}

} // namespace

QString serversEnvPath()
{
    return qEnvironmentVariable("RETORT_TEST_SERVERS_ENV");
}

QString unavailableReason()
{
    const QString path = serversEnvPath();
    if (path.isEmpty())
        return u"RETORT_TEST_SERVERS_ENV is not set: run this test through ctest, which starts the servers"_s;
    if (!QFile::exists(path))
        return u"%1 does not exist: the database_servers_start test did not run or failed"_s.arg(path);
    const QHash<QString, QString> values = readServersEnv();
    for (const QString &key : {postgresKey, postgresReaderKey, mariadbKey, mariadbReaderKey}) {
        if (values.value(key).isEmpty())
            return u"%1 does not set %2"_s.arg(path, key);
    }
    return {};
}

bool available()
{
    return unavailableReason().isEmpty();
}

QString value(const QString &key)
{
    return readServersEnv().value(key);
}

QString postgresUrl()
{
    return value(postgresKey);
}

QString postgresReaderUrl()
{
    return value(postgresReaderKey);
}

QString mariadbUrl()
{
    return value(mariadbKey);
}

QString mariadbReaderUrl()
{
    return value(mariadbReaderKey);
}

Connection connection(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    Connection result;
    if (!parsed.isValid())
        return result;
    result.url = url;
    result.host = parsed.host();
    result.port = parsed.port();
    result.user = parsed.userName(QUrl::FullyDecoded);
    result.password = parsed.password(QUrl::FullyDecoded);
    result.database = parsed.path(QUrl::FullyDecoded).mid(1);
    return result;
}

} // namespace TestDatabases
