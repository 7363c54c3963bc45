// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionsearch.h"

#include "history/revisionmap.h"

RevisionSearch::RevisionSearch(const QString &query)
    : m_words(query.simplified().split(u' ', Qt::SkipEmptyParts))
{}

bool RevisionSearch::matches(const Revision &revision) const
{
    for (const QString &word : m_words) {
        bool found =
            revision.id.startsWith(word, Qt::CaseInsensitive) || revision.doc.contains(word, Qt::CaseInsensitive);
        for (qsizetype i = 0; !found && i < revision.branchLabels.size(); ++i)
            found = revision.branchLabels.at(i).startsWith(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}
