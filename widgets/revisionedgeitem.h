// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

class GraphPainter;

/// An edge from a parent to its child: solid for down_revision, dashed for depends_on, in the
/// child's lineage colour. Its shape is a stroked band, so thin edges are easy to hover.
class RevisionEdgeItem : public QGraphicsItem
{
public:
    RevisionEdgeItem(const GraphPainter *painter, const QList<QPointF> &points, QPointF arrowTip, bool dependency,
                     int lineage);

    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    bool isDependency() const { return m_dependency; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphPainter *m_painter;
    QPainterPath m_path;
    QRectF m_bounds;
    /// The stroked outline for hit tests, made on the first one: it costs far more memory than the
    /// curve, and most edges of a big history are never hovered.
    mutable QPainterPath m_shape;
    QPointF m_tip;
    bool m_dependency;
    int m_lineage;
    bool m_dimmed = false;
};
