// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

/// Retort's pool for its own long jobs: reading a project, listing its files, laying out the graph.
/// Not QThreadPool::globalInstance(): Qt's raster engine splits large fills over that pool and waits
/// for them, so with both of a 2-core machine's threads busy listing 10,000 files, a paint (and the
/// GUI thread) waited 100 ms for the listing to end.
inline QThreadPool &backgroundPool()
{
    static QThreadPool pool;
    return pool;
}

/// A pool for work nobody waits for (listing a big project's files to notice later changes): its
/// threads run at idle priority, so the GUI thread and the graph's layout go first on a busy machine.
inline QThreadPool &idlePool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setThreadPriority(QThread::IdlePriority);
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

/// Runs @p work on a thread of @p pool and returns the future of its value, for a QFutureWatcher on
/// the calling thread. The value must be a type that crosses threads by copy (Retort's value types);
/// work that is no longer wanted still runs to its end, and its result is dropped.
template<typename Work>
QFuture<std::invoke_result_t<Work>> runInBackground(QThreadPool &pool, Work work)
{
    using Value = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<Value>>();
    QFuture<Value> future = promise->future();
    promise->start();
    pool.start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}
