// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

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
