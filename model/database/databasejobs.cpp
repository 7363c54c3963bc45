// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/databasejobs.h"

#include "backgroundjob.h"
#include "database/databaseconnection.h"

#include <QThreadPool>

#include <memory>

namespace {

QThreadPool &pool()
{
    static QThreadPool databases;
    static const bool configured = [] {
        databases.setMaxThreadCount(4);
        return true;
    }();
    Q_UNUSED(configured);
    return databases;
}

/// Opens a connection to @p url in the worker and hands it to @p use; a failure to connect becomes
/// the outcome's error.
template<typename Outcome, typename Use>
QFuture<Outcome> onConnection(const QString &url, const QString &baseDir, bool readOnly, Use use)
{
    return runInBackground(pool(), [url, baseDir, readOnly, use = std::move(use)] {
        Outcome outcome;
        const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, baseDir, readOnly);
        if (!connection)
            outcome.error = connection.error();
        else
            use(*connection.value(), outcome);
        return outcome;
    });
}

} // namespace

namespace DatabaseJobs {

QFuture<ReadOutcome> read(const QString &url, const QString &baseDir, const VersionTableName &table)
{
    return onConnection<ReadOutcome>(url, baseDir, true, [table](DatabaseConnection &connection, ReadOutcome &outcome) {
        outcome.displayUrl = connection.displayUrl();
        const Result<VersionRows> rows = VersionTable::read(connection.database(), table);
        outcome.ok = rows.ok();
        if (rows)
            outcome.rows = rows.value();
        else
            outcome.error = rows.error();
    });
}

QFuture<StampOutcome> stamp(const QString &url, const QString &baseDir, const VersionTableName &table,
                            const MigrationPlan &plan, bool purge)
{
    return onConnection<StampOutcome>(
        url, baseDir, false, [table, plan, purge](DatabaseConnection &connection, StampOutcome &outcome) {
            const Result<QStringList> rows = VersionTable::stamp(connection.database(), table, plan, purge);
            outcome.ok = rows.ok();
            if (rows)
                outcome.rows = rows.value();
            else
                outcome.error = rows.error();
        });
}

} // namespace DatabaseJobs
