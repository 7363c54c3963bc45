// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/displaytext.h"

#include "history/revisionmap.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

qsizetype commonPrefix(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < n && a.at(i) == b.at(i))
        ++i;
    return i;
}

QString shortened(const QString &id, qsizetype unique)
{
    const qsizetype length = std::max<qsizetype>(unique, DisplayIds::MinPrefix);
    return length >= id.size() ? id : id.left(length) + u'…';
}

} // namespace

DisplayIds::DisplayIds(const RevisionMap &map)
{
    QStringList ids;
    ids.reserve(map.size());
    for (int i = 0; i < map.size(); ++i)
        ids.append(map.revision(i).id);
    std::sort(ids.begin(), ids.end());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        QString shown = id;
        if (id.size() > MaxLength) {
            // Unique once it differs from both sorted neighbours.
            qsizetype common = 0;
            if (i > 0)
                common = commonPrefix(id, ids.at(i - 1));
            if (i + 1 < ids.size())
                common = std::max(common, commonPrefix(id, ids.at(i + 1)));
            shown = shortened(id, common + 1);
            m_shortened.insert(id, shown);
        }
        m_longest = std::max(m_longest, int(shown.size()));
    }
}

QString DisplayIds::operator()(const QString &id) const
{
    if (id.size() <= MaxLength)
        return id;
    return m_shortened.value(id, shortened(id, 0));
}

bool isDocHeaderLine(const QString &line)
{
    static const QStringList Header{u"Revision ID:"_s, u"Revises:"_s, u"Create Date:"_s};
    const QString text = line.trimmed();
    return std::any_of(Header.begin(), Header.end(), [&](const QString &h) { return text.startsWith(h); });
}

QString docHeadline(const QString &docstring)
{
    const QStringList lines = docstring.split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty() && !isDocHeaderLine(line))
            return line.trimmed();
    }
    return lines.value(0).trimmed();
}
