// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "drawing/graphpainter.h"
#include "graph/graphpicture.h"

#include <QGraphicsItem>

/// A revision's card in the graph (or a collapsed run's), drawn by the view's GraphPainter so the
/// palette, light or dark, decides its colours.
class RevisionNodeItem : public QGraphicsItem
{
public:
    RevisionNodeItem(const GraphPainter *painter, const GraphCard &card, const QRectF &rect);

    int revision() const { return m_card.revision; }
    bool isCollapsed() const { return m_card.collapsedCount > 0; }
    const GraphCard &card() const { return m_card; }
    /// GraphPainter::CardState flags other than Selected and Hovered, which come from the scene.
    void setHighlight(int state);
    int highlight() const { return m_highlight; }
    /// The environments whose rows name this card's revision (or a revision of its run).
    void setPins(const QList<GraphPainter::Pin> &pins);
    const QList<GraphPainter::Pin> &pins() const { return m_pins; }

    /// The area a card laid out in @p rect paints, with or without pins: its boundingRect().
    static QRectF boundsOf(const QRectF &rect, bool pinned);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphPainter *m_painter;
    GraphCard m_card;
    QRectF m_rect;
    int m_highlight = 0;
    QList<GraphPainter::Pin> m_pins;
};
