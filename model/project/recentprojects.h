// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QStringList>

/// The projects opened lately, newest first, kept in QSettings for File ▸ Open Recent and the
/// welcome page.
namespace RecentProjects {

constexpr int MaxCount = 10;

/// The list, without entries whose file or folder is gone.
QStringList paths();
void add(const QString &path);
void clear();

} // namespace RecentProjects
