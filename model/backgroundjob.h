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

/// Runs @p work like runInBackground(), for work nobody waits for (the first listing of a big
/// project's files), on a thread of its own pool at idle priority: it runs when a core is free, so
/// the GUI thread and the graph's layout go first (at nice 10 or 19 instead, the first painted graph
/// of 10,000 revisions came 200 ms later). Work somebody waits for must not use it: on a machine
/// whose cores a compiler keeps busy, it gets almost nothing.
template<typename Work>
QFuture<std::invoke_result_t<Work>> runAtIdlePriority(Work work)
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setThreadPriority(QThread::IdlePriority); // SCHED_IDLE on Linux
        return true;
    }();
    Q_UNUSED(configured);
    return runInBackground(pool, std::move(work));
}
