// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionnodeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal Padding = 6;
constexpr qreal Radius = 6;
} // namespace

RevisionNodeItem::RevisionNodeItem(const Content &content, const QRectF &rect)
    : m_content(content)
    , m_rect(rect)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setToolTip(content.message.isEmpty() ? content.shortId : content.shortId + u"\n"_s + content.message);
}

QSizeF RevisionNodeItem::preferredSize(const QFont &font)
{
    const QFontMetricsF metrics(font);
    // Room for a 12-character id and a label, and a line of message below it.
    const qreal width = metrics.horizontalAdvance(u"0000000000000 · label_name"_s) + 2 * Padding;
    return {std::ceil(width), std::ceil(2 * metrics.lineSpacing() + 2 * Padding)};
}

QRectF RevisionNodeItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

QPainterPath RevisionNodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_rect, Radius, Radius);
    return path;
}

void RevisionNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QPalette();
    const bool selected = option->state & QStyle::State_Selected;
    const bool hovered = option->state & QStyle::State_MouseOver;
    QColor fill = selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Base);
    if (hovered && !selected)
        fill = palette.color(QPalette::AlternateBase);
    const QColor text = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    QPen border(m_content.isHead ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                m_content.isHead ? 2.5 : 1.2);
    if (m_content.isGhost)
        border.setStyle(Qt::DashLine);
    if (m_content.collapsedCount > 0) {
        // A stack of cards: a collapsed run of plain revisions.
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(border);
        painter->setBrush(palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(m_rect.translated(3, -3), Radius, Radius);
    }

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, Radius, Radius);

    // Level of detail: far out, a card is just its shape.
    const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (scale < 0.35)
        return;

    QFont font = widget ? widget->font() : QFont();
    const QFontMetricsF metrics(font);
    const QRectF inner = m_rect.adjusted(Padding, Padding, -Padding, -Padding);
    QFont bold = font;
    bold.setBold(true);
    bold.setStyleHint(QFont::Monospace);
    bold.setFamily(u"monospace"_s);
    painter->setPen(m_content.isGhost ? palette.color(QPalette::PlaceholderText) : text);
    painter->setFont(bold);
    QString first = m_content.shortId;
    if (m_content.isGhost)
        first += u" ?"_s;
    const QFontMetricsF boldMetrics(bold);
    const QRectF idRect(inner.topLeft(), QSizeF(inner.width(), metrics.lineSpacing()));
    painter->drawText(idRect, Qt::AlignLeft | Qt::AlignVCenter, first);
    if (!m_content.labels.isEmpty()) {
        painter->setFont(font);
        const qreal idWidth = boldMetrics.horizontalAdvance(first + u' ');
        const QString labels = metrics.elidedText(m_content.labels.join(u", "_s), Qt::ElideRight,
                                                  std::max<qreal>(0, inner.width() - idWidth));
        painter->drawText(idRect.adjusted(idWidth, 0, 0, 0), Qt::AlignRight | Qt::AlignVCenter, labels);
    }
    painter->setFont(font);
    const QRectF messageRect(inner.left(), idRect.bottom(), inner.width(), metrics.lineSpacing());
    painter->drawText(messageRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(m_content.message, Qt::ElideRight, inner.width()));
}
