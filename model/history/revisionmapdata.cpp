// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmapdata.h"

using namespace Qt::StringLiterals;

QStringList RevisionMapData::ids(const QList<int> &indexes) const
{
    QStringList out;
    out.reserve(indexes.size());
    for (int i : indexes) {
        if (i == BaseSymbol)
            out.append(u"base"_s);
        else if (i >= 0)
            out.append(revisions.at(i).id);
    }
    return out;
}
