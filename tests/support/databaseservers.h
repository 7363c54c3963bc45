// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

/// The throwaway PostgreSQL and MariaDB servers of the "databases" CTest fixture
/// (tests/database/servers.sh). The setup test writes their URLs to servers.env; tests added with
/// retort_add_database_test() find that file through the RETORT_TEST_SERVERS_ENV environment variable.
/// The servers live for the whole test run and are shared by every database test in it: use your own
/// table names and drop what you create.
namespace TestDatabases {

/// One of the URLs of servers.env taken apart, for QSqlDatabase.
struct Connection
{
    QString url; ///< the SQLAlchemy URL, e.g. `postgresql://retort:…@127.0.0.1:5432/retort`
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString database;

    bool isValid() const { return !host.isEmpty() && port > 0 && !user.isEmpty() && !database.isEmpty(); }
};

/// The servers.env file named by RETORT_TEST_SERVERS_ENV; empty when the test was not started by CTest
/// (or not added with retort_add_database_test()).
QString serversEnvPath();
/// Whether servers.env exists and names all four URLs.
bool available();
/// Why available() is false, for QSKIP/QFAIL; empty when it is true.
QString unavailableReason();

/// A line `KEY=value` of servers.env, e.g. RETORT_TEST_POSTGRES_PID; empty when missing.
QString value(const QString &key);

QString postgresUrl();       ///< owner of the `retort` database
QString postgresReaderUrl(); ///< CONNECT and SELECT only
QString mariadbUrl();        ///< all privileges on `retort`.*
QString mariadbReaderUrl();  ///< SELECT only

/// @p url taken apart; an invalid Connection when it does not parse.
Connection connection(const QString &url);

} // namespace TestDatabases
