// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graphoverview.h"

#include "drawing/graphpainter.h"
#include "graph/graphpicture.h"

#include <QEvent>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace {
/// Above this many edges the minimap shows cards only: lines that thin would be a grey blur.
constexpr qsizetype MaxDrawnEdges = 5000;
} // namespace

GraphOverview::GraphOverview(QGraphicsView *mainView)
    : QWidget(mainView)
    , m_main(mainView)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the graph"));
    // The outline follows the main view's scrolling and zooming.
    const auto outlineChanged = [this] { update(); };
    connect(m_main->horizontalScrollBar(), &QScrollBar::valueChanged, this, outlineChanged);
    connect(m_main->verticalScrollBar(), &QScrollBar::valueChanged, this, outlineChanged);
}

void GraphOverview::setPicture(const GraphPicture &picture, const QRectF &sceneRect)
{
    m_sceneRect = sceneRect;
    m_cards = picture.layout.nodes;
    m_lineages.clear();
    m_lineages.reserve(picture.cards.size());
    for (const GraphCard &card : picture.cards)
        m_lineages.append(card.colour);
    m_edges = picture.layout.edges.size() <= MaxDrawnEdges ? picture.layout.edges : QList<QList<QPointF>>();
    refit();
}

QTransform GraphOverview::sceneToWidget() const
{
    const QRectF inside = QRectF(rect()).adjusted(2, 2, -2, -2);
    if (m_sceneRect.isEmpty() || inside.isEmpty())
        return {};
    const qreal scale = std::min(inside.width() / m_sceneRect.width(), inside.height() / m_sceneRect.height());
    const QPointF margin((inside.width() - m_sceneRect.width() * scale) / 2,
                         (inside.height() - m_sceneRect.height() * scale) / 2);
    return QTransform::fromTranslate(-m_sceneRect.left(), -m_sceneRect.top()) * QTransform::fromScale(scale, scale) *
           QTransform::fromTranslate(inside.left() + margin.x(), inside.top() + margin.y());
}

void GraphOverview::refit()
{
    const qreal ratio = devicePixelRatioF();
    m_pixmap = QPixmap(size() * ratio);
    m_pixmap.setDevicePixelRatio(ratio);
    m_pixmap.fill(palette().color(QPalette::Base));
    QPainter painter(&m_pixmap);
    const QTransform transform = sceneToWidget();
    painter.setPen(QPen(palette().color(QPalette::Mid), 0));
    for (const QList<QPointF> &edge : std::as_const(m_edges)) {
        if (!edge.isEmpty())
            painter.drawLine(transform.map(edge.first()), transform.map(edge.last()));
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        // At least a pixel, so every card shows however small the scale.
        QRectF card = transform.mapRect(m_cards.at(i));
        card.setSize(card.size().expandedTo(QSizeF(1, 1)));
        painter.fillRect(card, GraphPainter::lineageColor(m_lineages.value(i, -1), palette()));
    }
    update();
}

void GraphOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_pixmap);
    const QRectF visible = m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
    QColor outline = palette().color(QPalette::Highlight);
    painter.setPen(QPen(outline, 0));
    outline.setAlphaF(0.18f);
    painter.setBrush(outline);
    painter.drawRect(sceneToWidget().mapRect(visible).intersected(QRectF(rect())));
    painter.setPen(palette().color(QPalette::Dark));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void GraphOverview::centerMainViewAt(const QPointF &position)
{
    m_main->centerOn(sceneToWidget().inverted().map(position));
    update();
}

void GraphOverview::mousePressEvent(QMouseEvent *event)
{
    centerMainViewAt(event->position());
    event->accept();
}

void GraphOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centerMainViewAt(event->position());
    event->accept();
}

void GraphOverview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refit();
}

void GraphOverview::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refit();
}
