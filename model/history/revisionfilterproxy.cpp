// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionfilterproxy.h"

#include "history/revisionlistmodel.h"

RevisionFilterProxy::RevisionFilterProxy(RevisionListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
}

void RevisionFilterProxy::setSearchText(const QString &text)
{
    m_search = RevisionSearch(text);
    invalidateFilter();
}

void RevisionFilterProxy::setRevisionFilter(const QSet<int> &revisions)
{
    if (revisions == m_only)
        return;
    m_only = revisions;
    invalidateFilter();
}

int RevisionFilterProxy::revisionAt(int row) const
{
    return m_source->revisionAt(mapToSource(index(row, 0)).row());
}

int RevisionFilterProxy::rowOf(int revision) const
{
    const int sourceRow = m_source->rowOf(revision);
    return sourceRow < 0 ? -1 : mapFromSource(m_source->index(sourceRow, 0)).row();
}

bool RevisionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const int revision = m_source->revisionAt(sourceRow);
    if (!m_only.isEmpty() && !m_only.contains(revision))
        return false;
    return m_search.isEmpty() || (revision >= 0 && m_search.matches(m_source->project().map().revision(revision)));
}
