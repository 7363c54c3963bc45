// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPainterPath>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

class QPainter;
struct GraphCard;
struct GraphPicture;

/// Draws cards and edges of a revision graph, for the view's items and for exported pictures alike,
/// so what a team attaches to a pull request looks like what they see. Colours come from the palette
/// it was made with: lineages get hues light enough for dark themes and dark enough for light ones.
class GraphPainter
{
public:
    /// How a card stands out at the moment.
    enum CardState
    {
        Normal = 0,
        Selected = 1 << 0,
        Hovered = 1 << 1,
        Related = 1 << 2, ///< an ancestor or descendant of what is hovered or selected
        Dimmed = 1 << 3,  ///< something else is highlighted
        Matched = 1 << 4, ///< matches the search
        Current = 1 << 5, ///< the search match jumped to
        Pending = 1 << 6, ///< not applied to the active environment's database
        Planned = 1 << 7, ///< a step of the plan being previewed
    };

    /// An environment whose version table names the card's revision.
    struct Pin
    {
        QString name;
        QColor color;
        /// Why the environment's schema is not the one the migrations give here (its flag then
        /// carries ≠); empty when it is, or was not checked.
        QString drift;
        bool operator==(const Pin &) const = default;
        /// The flag's text.
        QString label() const;
    };

    GraphPainter(const QPalette &palette, const QFont &font);

    /// The size a card needs in @p font for ids of @p idCharacters (DisplayIds::longest()): what
    /// Graphviz is asked to make room for.
    static QSizeF cardSize(const QFont &font, int idCharacters = 12);
    static QPainterPath edgePath(const QList<QPointF> &points);
    /// The light palette of exported pictures, the same from the GUI and from retort-cli.
    static QPalette exportPalette();

    bool isDark() const { return m_dark; }
    /// How opaque a card in @p state is drawn (faded when dimmed, or pending and not selected).
    static qreal cardOpacity(int state);
    /// A selected card's background: the palette's highlight, made readable under its text.
    QColor selectedFill() const;
    QColor lineageColor(int lineage) const { return lineageColor(lineage, m_palette); }
    /// A lineage's colour on @p palette, for views that draw without a GraphPainter.
    static QColor lineageColor(int lineage, const QPalette &palette);
    QColor background() const { return m_palette.color(QPalette::Window); }

    /// @p levelOfDetail is the view's scale: far out, a card is just its coloured shape.
    void paintCard(QPainter *painter, const QRectF &rect, const GraphCard &card, int state, qreal levelOfDetail,
                   const QList<Pin> &pins = {}) const;
    void paintEdge(QPainter *painter, const QPainterPath &path, QPointF tip, bool dependency, int lineage,
                   bool dimmed) const;
    /// The whole picture, as exported: background, edges, then cards.
    void paintPicture(QPainter *painter, const GraphPicture &picture) const;

private:
    qreal paintBadge(QPainter *painter, qreal right, qreal centerY, const QString &text, const QColor &color) const;

    QPalette m_palette;
    QFont m_font;
    QFont m_idFont;
    QFont m_badgeFont;
    bool m_dark = false;
};
