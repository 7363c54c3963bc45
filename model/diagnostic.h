// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>

/// A problem found while reading a project. Never thrown: collected and shown where the user looks.
struct Diagnostic
{
    enum class Severity
    {
        Warning,
        Error
    };

    Severity severity = Severity::Error;
    /// Stable machine-readable kind, e.g. "duplicate-revision"; used by `retort-cli check --json`.
    QString code;
    /// Translated sentence saying what happened and what to do next.
    QString message;
    QString file;
    int line = 0; ///< 1-based; 0 when the problem is not tied to a line
    QString revision;

    bool isError() const { return severity == Severity::Error; }
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

inline bool hasErrors(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.isError())
            return true;
    }
    return false;
}
