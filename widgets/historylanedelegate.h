// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QStyledItemDelegate>

/// Draws the lane column of the history list (RevisionListModel::LanesRole) in the graph's lineage
/// colours: a dot per revision and the down_revision lines between rows.
class HistoryLaneDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int LaneWidth = 14;
    /// The column width @p lanes lanes need.
    static int columnWidth(int lanes) { return lanes * LaneWidth + 8; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
