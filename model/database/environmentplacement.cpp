// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environmentplacement.h"

#include "database/environmentsession.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentPlacement)
};

} // namespace

bool EnvironmentPlacement::isPendingOnActive() const
{
    return std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) { return e.active && !e.applied; });
}

QStringList EnvironmentPlacement::appliedNames() const
{
    QStringList names;
    for (const Entry &e : entries) {
        if (e.applied)
            names.append(e.name);
    }
    return names;
}

QString EnvironmentPlacement::cellText() const
{
    const QString applied = appliedNames().join(u", "_s);
    if (!isPendingOnActive())
        return applied;
    return applied.isEmpty() ? Tr::tr("pending") : Tr::tr("pending · %1").arg(applied);
}

QString EnvironmentPlacement::description() const
{
    QStringList pending;
    for (const Entry &e : entries) {
        if (!e.applied)
            pending.append(e.name);
    }
    QStringList lines;
    if (const QStringList applied = appliedNames(); !applied.isEmpty())
        lines.append(Tr::tr("Applied to: %1").arg(applied.join(u", "_s)));
    if (!pending.isEmpty())
        lines.append(Tr::tr("Pending on: %1").arg(pending.join(u", "_s)));
    return lines.join(u'\n');
}

EnvironmentPlacement EnvironmentPlacement::of(const EnvironmentSession &session, int revision)
{
    EnvironmentPlacement placement;
    for (int i = 0; i < session.environments().size(); ++i) {
        const EnvironmentStatus *status = session.status(i);
        if (!status)
            continue;
        placement.entries.append({session.environments().at(i).name, session.color(i), status->isApplied(revision),
                                  i == session.activeIndex()});
    }
    return placement;
}
