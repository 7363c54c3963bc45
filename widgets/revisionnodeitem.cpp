// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionnodeitem.h"

#include "drawing/graphpainter.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

RevisionNodeItem::RevisionNodeItem(const GraphPainter *painter, const GraphCard &card, const QRectF &rect)
    : m_painter(painter)
    , m_card(card)
    , m_rect(rect)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    QString tip = card.id.isEmpty() ? card.shortId : card.id;
    if (!card.message.isEmpty())
        tip += u"\n"_s + card.message;
    if (!card.labels.isEmpty())
        tip += u"\n"_s + card.labels.join(u", "_s);
    setToolTip(tip);
}

void RevisionNodeItem::setHighlight(int state)
{
    if (state == m_highlight)
        return;
    m_highlight = state;
    update();
}

void RevisionNodeItem::setPins(const QList<GraphPainter::Pin> &pins)
{
    if (pins == m_pins)
        return;
    prepareGeometryChange();
    m_pins = pins;
}

QRectF RevisionNodeItem::boundsOf(const QRectF &rect, bool pinned)
{
    // The stack of a collapsed run peeks out at the top right; pins stand above the top edge.
    return rect.adjusted(-2, pinned ? -18 : -6, 6, 2);
}

QRectF RevisionNodeItem::boundingRect() const
{
    return boundsOf(m_rect, !m_pins.isEmpty());
}

QPainterPath RevisionNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

void RevisionNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    int state = m_highlight;
    if (option->state & QStyle::State_Selected)
        state |= GraphPainter::Selected;
    if (option->state & QStyle::State_MouseOver)
        state |= GraphPainter::Hovered;
    m_painter->paintCard(painter, m_rect, m_card, state, option->levelOfDetailFromTransform(painter->worldTransform()),
                         m_pins);
}
