// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionedgeitem.h"

#include "drawing/graphpainter.h"

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
    m_bounds = m_path.controlPointRect();
    if (!arrowTip.isNull())
        m_bounds |= QRectF(arrowTip - QPointF(8, 8), QSizeF(16, 16));
    m_bounds.adjust(-6, -6, 6, 6); // the hit area's half width and the pen
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
    return m_bounds;
}

QPainterPath RevisionEdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_shape = stroker.createStroke(m_path);
        if (!m_tip.isNull())
            m_shape.addEllipse(m_tip, 8, 8);
    }
    return m_shape;
}

void RevisionEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    m_painter->paintEdge(painter, m_path, m_tip, m_dependency, m_lineage, m_dimmed);
}
