// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// The projects opened lately, newest first, kept in QSettings for File ▸ Open Recent and the
/// welcome page.
///
/// Each entry is stored as one string: the path when the section is [alembic] (all that earlier
/// versions wrote, so their lists still read), else `path#section`. A path may hold '#' itself, so an
/// entry is a whole path when that exists, else split at the '#' after which the rest names an
/// existing file.
namespace RecentProjects {

constexpr int MaxCount = 10;

/// One remembered project: what was opened and which ini section was read.
struct Entry
{
    QString path;
    QString section = QStringLiteral("alembic");

    bool operator==(const Entry &) const = default;
};

/// The list, without entries whose file or folder is gone.
QList<Entry> entries();
/// The paths of entries().
QStringList paths();
void add(const QString &path, const QString &section = QStringLiteral("alembic"));
void clear();

} // namespace RecentProjects
