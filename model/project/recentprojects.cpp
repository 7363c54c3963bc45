// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/recentprojects.h"

#include <QFileInfo>
#include <QSettings>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString Key = u"recentProjects"_s;
const QString DefaultSection = u"alembic"_s;

QString encode(const RecentProjects::Entry &entry)
{
    return entry.section == DefaultSection ? entry.path : entry.path + u'#' + entry.section;
}

/// The entry @p text stands for, or nullopt when its file or folder is gone.
std::optional<RecentProjects::Entry> decode(const QString &text)
{
    if (QFileInfo::exists(text))
        return RecentProjects::Entry{text, DefaultSection};
    // Sections belong to ini files; the last '#' first, as a section name is likelier plain than a path.
    for (qsizetype hash = text.lastIndexOf(u'#'); hash > 0; hash = text.lastIndexOf(u'#', hash - 1)) {
        const QString path = text.left(hash);
        if (QFileInfo(path).isFile())
            return RecentProjects::Entry{path, text.mid(hash + 1)};
    }
    return std::nullopt;
}

} // namespace

namespace RecentProjects {

QList<Entry> entries()
{
    QList<Entry> existing;
    for (const QString &text : QSettings().value(Key).toStringList()) {
        if (const std::optional<Entry> entry = decode(text))
            existing.append(*entry);
    }
    return existing;
}

QStringList paths()
{
    QStringList result;
    for (const Entry &entry : entries())
        result.append(entry.path);
    return result;
}

void add(const QString &path, const QString &section)
{
    const QString text = encode(Entry{path, section.isEmpty() ? DefaultSection : section});
    QStringList list = QSettings().value(Key).toStringList();
    list.removeAll(text);
    list.prepend(text);
    while (list.size() > MaxCount)
        list.removeLast();
    QSettings().setValue(Key, list);
}

void clear()
{
    QSettings().remove(Key);
}

} // namespace RecentProjects
