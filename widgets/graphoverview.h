// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QPixmap>
#include <QRectF>
#include <QWidget>

class QGraphicsView;
struct GraphPicture;

/// The minimap in a corner of the revision graph: the whole graph at a glance, with the part the
/// main view shows outlined. Clicking or dragging in it moves the main view there.
///
/// Drawn once per layout into a pixmap, from the picture rather than the scene's items: a scene
/// of 100,000 cards would otherwise be painted whole every time the main view scrolls.
class GraphOverview : public QWidget
{
    Q_OBJECT
public:
    explicit GraphOverview(QGraphicsView *mainView);

    /// What to show: @p picture's cards and edges within @p sceneRect (the main view's scene).
    void setPicture(const GraphPicture &picture, const QRectF &sceneRect);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Draws the picture again at the current size and palette.
    void refit();
    /// The scale and offset that fit the scene into this widget.
    QTransform sceneToWidget() const;
    void centerMainViewAt(const QPointF &position);

    QGraphicsView *m_main;
    QRectF m_sceneRect;
    QList<QRectF> m_cards;
    QList<int> m_lineages;         ///< per card
    QList<QList<QPointF>> m_edges; ///< cubic control points, as in GraphLayout
    QPixmap m_pixmap;
};
