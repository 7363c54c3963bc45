// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/revisionsearch.h"

#include <QSet>
#include <QSortFilterProxyModel>

class RevisionListModel;

/// The history list as the search box filters it (the graph's rules, RevisionSearch), sortable
/// by any column; unsorted, it keeps the history order.
class RevisionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RevisionFilterProxy(RevisionListModel *source, QObject *parent = nullptr);

    void setSearchText(const QString &text);
    /// Shows only the revisions @p revisions (map indexes), as the graph's Show Only This Branch
    /// does; empty: all of them.
    void setRevisionFilter(const QSet<int> &revisions);
    /// Whether a search or a revision filter leaves rows out.
    bool isFiltering() const { return !m_search.isEmpty() || !m_only.isEmpty(); }
    /// The map index shown in proxy @p row, or -1.
    int revisionAt(int row) const;
    /// The proxy row showing map index @p revision, or -1 (e.g. filtered out).
    int rowOf(int revision) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RevisionListModel *m_source;
    RevisionSearch m_search;
    QSet<int> m_only;
};
