// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

/// A revision's card in the graph: short id, labels, message and its role (head, base, merge,
/// ghost). Colours come from the view's palette at paint time, so light and dark themes both work.
class RevisionNodeItem : public QGraphicsItem
{
public:
    struct Content
    {
        int revision = -1;      ///< index into the revision map (the oldest, for a collapsed run)
        int collapsedCount = 0; ///< revisions in a collapsed run; 0 for a single revision
        QString shortId;
        QString message;
        QStringList labels;
        bool isHead = false;
        bool isBase = false;
        bool isMerge = false;
        bool isGhost = false;
    };

    RevisionNodeItem(const Content &content, const QRectF &rect);

    int revision() const { return m_content.revision; }
    const Content &content() const { return m_content; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The size a card needs for @p content in @p font: what Graphviz is asked to make room for.
    static QSizeF preferredSize(const QFont &font);

private:
    Content m_content;
    QRectF m_rect;
};
