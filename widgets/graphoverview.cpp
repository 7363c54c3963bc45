// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graphoverview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

GraphOverview::GraphOverview(QGraphicsView *mainView)
    : QGraphicsView(mainView->scene(), mainView)
    , m_main(mainView)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::Box);
    setBackgroundRole(QPalette::Base);
    setRenderHint(QPainter::Antialiasing, false);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the graph"));
    // The outline follows the main view's scrolling and zooming.
    const auto outlineChanged = [this] { viewport()->update(); };
    connect(m_main->horizontalScrollBar(), &QScrollBar::valueChanged, this, outlineChanged);
    connect(m_main->verticalScrollBar(), &QScrollBar::valueChanged, this, outlineChanged);
}

void GraphOverview::refit()
{
    if (scene())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    viewport()->update();
}

void GraphOverview::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
    QColor outline = palette().color(QPalette::Highlight);
    painter->setPen(QPen(outline, 0)); // cosmetic: one pixel whatever the scale
    outline.setAlphaF(0.18f);
    painter->setBrush(outline);
    painter->drawRect(visible);
}

void GraphOverview::centerMainViewAt(const QPoint &position)
{
    m_main->centerOn(mapToScene(position));
    viewport()->update();
}

void GraphOverview::mousePressEvent(QMouseEvent *event)
{
    centerMainViewAt(event->position().toPoint());
    event->accept();
}

void GraphOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centerMainViewAt(event->position().toPoint());
    event->accept();
}

void GraphOverview::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

void GraphOverview::wheelEvent(QWheelEvent *event)
{
    event->ignore(); // the overview never zooms: the whole history stays in it
}
