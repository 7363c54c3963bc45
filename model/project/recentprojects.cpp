// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/recentprojects.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString Key = u"recentProjects"_s;
}

namespace RecentProjects {

QStringList paths()
{
    QStringList existing;
    for (const QString &path : QSettings().value(Key).toStringList()) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    return existing;
}

void add(const QString &path)
{
    QStringList list = QSettings().value(Key).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxCount)
        list.removeLast();
    QSettings().setValue(Key, list);
}

void clear()
{
    QSettings().remove(Key);
}

} // namespace RecentProjects
