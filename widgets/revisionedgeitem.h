// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QPointF>

/// An edge from a parent to its child: a cubic Bézier path from Graphviz, solid for down_revision
/// and dashed for depends_on, with an arrowhead; its shape is a wider stroke so it can be hovered.
class RevisionEdgeItem : public QGraphicsItem
{
public:
    RevisionEdgeItem(const QList<QPointF> &points, const QPointF &arrowTip, bool dependency);

    bool isDependency() const { return m_dependency; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath m_path;
    QPolygonF m_arrow;
    QPainterPath m_shape;
    bool m_dependency;
};
