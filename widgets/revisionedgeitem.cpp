// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionedgeitem.h"

#include "graphpainter.h"

#include <QPainterPathStroker>

RevisionEdgeItem::RevisionEdgeItem(const GraphPainter *painter, const QList<QPointF> &points, QPointF arrowTip,
                                   bool dependency, int lineage)
    : m_painter(painter)
    , m_path(GraphPainter::edgePath(points))
    , m_tip(arrowTip)
    , m_dependency(dependency)
    , m_lineage(lineage)
{
    setZValue(-1);
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    m_shape = stroker.createStroke(m_path);
    if (!arrowTip.isNull())
        m_shape.addEllipse(arrowTip, 8, 8);
}

void RevisionEdgeItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

QRectF RevisionEdgeItem::boundingRect() const
{
    return m_shape.boundingRect().adjusted(-2, -2, 2, 2);
}

QPainterPath RevisionEdgeItem::shape() const
{
    return m_shape;
}

void RevisionEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    m_painter->paintEdge(painter, m_path, m_tip, m_dependency, m_lineage, m_dimmed);
}
