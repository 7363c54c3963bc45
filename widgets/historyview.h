// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QTreeView>

class RevisionFilterProxy;
class RevisionListModel;

/// The history list below the graph: one row per revision, in history order until a header is
/// clicked, with the lanes column while the whole history shows in that order.
class HistoryView : public QTreeView
{
    Q_OBJECT
public:
    HistoryView(RevisionListModel *model, RevisionFilterProxy *proxy, QWidget *parent = nullptr);

    /// The map index of the current row, or -1.
    int currentRevision() const;
    /// Makes map index @p revision's row current, or clears the selection when it is not shown.
    void showRevision(int revision);
    /// Back to the history order after sorting by a column.
    void showHistoryOrder();
    /// Sizes the columns to a newly loaded history.
    void fitColumns();
    /// Shows the lanes column only where lanes mean something (call after the filter changes).
    void updateLaneColumn();

signals:
    /// The user moved the current row to map index @p revision (-1 when none).
    void revisionSelected(int revision);

private:
    RevisionListModel *m_model;
    RevisionFilterProxy *m_proxy;
};
