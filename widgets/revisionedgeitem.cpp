// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionedgeitem.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QWidget>

RevisionEdgeItem::RevisionEdgeItem(const QList<QPointF> &points, const QPointF &arrowTip, bool dependency)
    : m_dependency(dependency)
{
    setZValue(-1);
    if (points.isEmpty())
        return;
    m_path.moveTo(points.first());
    for (qsizetype i = 1; i + 2 < points.size(); i += 3)
        m_path.cubicTo(points.at(i), points.at(i + 1), points.at(i + 2));
    if (!arrowTip.isNull()) {
        // Graphviz ends the path short of the node and leaves the arrowhead to us.
        const QPointF base = points.last();
        m_path.lineTo(arrowTip);
        const QLineF axis(arrowTip, base);
        QLineF side = axis.unitVector();
        side.setLength(9);
        const QPointF back = side.p2();
        QLineF normal = side.normalVector();
        normal.setLength(4);
        const QPointF offset = normal.p2() - normal.p1();
        m_arrow << arrowTip << back + offset << back - offset;
    }
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    m_shape = stroker.createStroke(m_path);
    m_shape.addPolygon(m_arrow);
}

QRectF RevisionEdgeItem::boundingRect() const
{
    return m_shape.boundingRect().adjusted(-1, -1, 1, 1);
}

QPainterPath RevisionEdgeItem::shape() const
{
    return m_shape;
}

void RevisionEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QPalette();
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(m_dependency ? 0.55 : 0.75);
    QPen pen(color, 1.4);
    if (m_dependency)
        pen.setStyle(Qt::DashLine);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(m_arrow);
    }
}
