// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class EnvironmentSession;

/// Where one revision stands in the environments that were read: applied in some, pending in the
/// active one. What the history list's Databases column and the details pane show.
struct EnvironmentPlacement
{
    struct Entry
    {
        QString name;
        QString color; ///< the environment's colour, "#rrggbb"
        bool applied = false;
        bool active = false;
    };
    QList<Entry> entries; ///< the environments read, in the session's order

    bool isEmpty() const { return entries.isEmpty(); }
    /// Not applied to the active environment (which was read).
    bool isPendingOnActive() const;
    QStringList appliedNames() const;
    /// "dev, staging" or "pending · dev" (pending on the active one, applied to dev): one cell.
    QString cellText() const;
    /// "Applied to: dev, staging" and "Pending on: prod", a line each.
    QString description() const;

    /// Revision @p revision (a map index) in @p session's environments that were read.
    static EnvironmentPlacement of(const EnvironmentSession &session, int revision);
};
