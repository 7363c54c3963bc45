// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "databasejobs.h"

#include "databaseconnection.h"

#include <QPromise>
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

template<typename Outcome, typename Work>
QFuture<Outcome> run(Work work)
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    QFuture<Outcome> future = promise->future();
    promise->start();
    pool().start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

} // namespace

namespace DatabaseJobs {

QFuture<ReadOutcome> read(const QString &url, const QString &baseDir, const VersionTableName &table)
{
    return run<ReadOutcome>([url, baseDir, table] {
        ReadOutcome outcome;
        const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, baseDir, true);
        if (!connection) {
            outcome.error = connection.error();
            return outcome;
        }
        outcome.displayUrl = connection.value()->displayUrl();
        const Result<VersionRows> rows = VersionTable::read(connection.value()->database(), table);
        outcome.ok = rows.ok();
        if (rows)
            outcome.rows = rows.value();
        else
            outcome.error = rows.error();
        return outcome;
    });
}

QFuture<StampOutcome> stamp(const QString &url, const QString &baseDir, const VersionTableName &table,
                            const MigrationPlan &plan, bool purge)
{
    return run<StampOutcome>([url, baseDir, table, plan, purge] {
        StampOutcome outcome;
        const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, baseDir, false);
        if (!connection) {
            outcome.error = connection.error();
            return outcome;
        }
        const Result<QStringList> rows = VersionTable::stamp(connection.value()->database(), table, plan, purge);
        outcome.ok = rows.ok();
        if (rows)
            outcome.rows = rows.value();
        else
            outcome.error = rows.error();
        return outcome;
    });
}

} // namespace DatabaseJobs
