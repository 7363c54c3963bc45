// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historylanedelegate.h"

#include "drawing/graphpainter.h"
#include "graph/historylanes.h"
#include "history/revisionlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

void HistoryLaneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background and selection as any cell, then the lanes on top.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto row = index.data(RevisionListModel::LanesRole).value<HistoryLanes::Row>();
    const QRectF cell = option.rect;
    const auto x = [&](int lane) { return cell.left() + 4 + (lane + 0.5) * LaneWidth; };
    const qreal top = cell.top(), middle = cell.center().y(), bottom = cell.bottom() + 1;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    for (const HistoryLanes::Segment &segment : row.segments) {
        QPainterPath path;
        const qreal y0 = segment.upperHalf ? top : middle, y1 = segment.upperHalf ? middle : bottom;
        path.moveTo(x(segment.from), y0);
        if (segment.from == segment.to)
            path.lineTo(x(segment.to), y1);
        else
            path.cubicTo(x(segment.from), (y0 + y1) / 2, x(segment.to), (y0 + y1) / 2, x(segment.to), y1);
        painter->setPen(QPen(GraphPainter::lineageColor(segment.lineage, option.palette), 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }
    const QColor dot = GraphPainter::lineageColor(row.lineage, option.palette);
    const int flags = index.data(RevisionListModel::FlagsRole).toInt();
    painter->setPen(QPen(dot, 1.6));
    // Merges hollow, heads bigger: the shapes the graph's badges stand for.
    painter->setBrush(flags & RevisionListModel::MergePoint ? option.palette.color(QPalette::Base) : dot);
    const qreal radius = flags & RevisionListModel::Head ? 4.5 : 3.5;
    painter->drawEllipse(QPointF(x(row.lane), middle), radius, radius);
    painter->restore();
}
