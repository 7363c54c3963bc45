// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graphpicture.h"

#include <QGraphicsItem>

class GraphPainter;

/// A revision's card in the graph (or a collapsed run's), drawn by the view's GraphPainter so the
/// palette, light or dark, decides its colours.
class RevisionNodeItem : public QGraphicsItem
{
public:
    RevisionNodeItem(const GraphPainter *painter, const GraphCard &card, const QRectF &rect);

    int revision() const { return m_card.revision; }
    const GraphCard &card() const { return m_card; }
    /// GraphPainter::CardState flags other than Selected and Hovered, which come from the scene.
    void setHighlight(int state);
    int highlight() const { return m_highlight; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphPainter *m_painter;
    GraphCard m_card;
    QRectF m_rect;
    int m_highlight = 0;
};
