// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QGraphicsView>

/// The minimap in a corner of the revision graph: the whole scene at a glance, with the part the
/// main view shows outlined. Clicking or dragging in it moves the main view there.
class GraphOverview : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphOverview(QGraphicsView *mainView);

    /// Fits the whole scene into the overview again (after a new layout or a resize).
    void refit();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void centerMainViewAt(const QPoint &position);

    QGraphicsView *m_main;
};
