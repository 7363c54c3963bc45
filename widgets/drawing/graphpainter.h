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

#include <utility>

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

    /// How much of a card can be read at a zoom: the whole card, its id alone (drawn at the font's
    /// own size, so it stays legible while the card is at least a line of text tall), or a block.
    enum class Detail
    {
        Block,
        IdOnly,
        Full,
    };
    /// Below this scale a card's two lines of text would be too small to read.
    static constexpr qreal FullDetailScale = 0.7;

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

    /// What a card @p cardHeight tall (scene units) shows at @p levelOfDetail (the view's scale).
    Detail detailAt(qreal cardHeight, qreal levelOfDetail) const;
    /// A card's label beside it where the card itself is too small to read (heads, bases, branch
    /// and merge points, pins), in device pixels: its size, then painted at @p rect.
    /// The callout's text for @p card at @p detail: its role and id while the id cannot be read,
    /// and its pins; empty when the card needs none.
    QString calloutText(const GraphCard &card, const QList<Pin> &pins, Detail detail) const;
    QSizeF calloutSize(const QString &text) const;
    void paintCallout(QPainter *painter, const QRectF &rect, const QString &text, const QColor &accent) const;

    /// @p levelOfDetail is the view's scale: far out, a card is just its coloured shape.
    void paintCard(QPainter *painter, const QRectF &rect, const GraphCard &card, int state, qreal levelOfDetail,
                   const QList<Pin> &pins = {}) const;
    void paintEdge(QPainter *painter, const QPainterPath &path, QPointF tip, bool dependency, int lineage,
                   bool dimmed) const;
    /// The whole picture, as exported: background, edges, then cards, with @p pins by layout node.
    void paintPicture(QPainter *painter, const GraphPicture &picture, const QList<QList<Pin>> &pins = {}) const;
    /// An exported picture's legend: a line per environment, its pin's flag then @p lines' text.
    QSizeF legendSize(const QList<std::pair<Pin, QString>> &lines) const;
    void paintLegend(QPainter *painter, QPointF topLeft, const QList<std::pair<Pin, QString>> &lines) const;

private:
    /// An environment's flag in @p flag, reaching @p tail further down (behind a card).
    void paintPinFlag(QPainter *painter, const QRectF &flag, const Pin &pin, qreal tail) const;
    void paintPinBars(QPainter *painter, const QRectF &rect, const QList<Pin> &pins) const;
    void paintIdAtFontSize(QPainter *painter, const QRectF &rect, const GraphCard &card, const QColor &color,
                           qreal levelOfDetail) const;
    qreal paintBadge(QPainter *painter, qreal right, qreal centerY, const QString &text, const QColor &color) const;

    QPalette m_palette;
    QFont m_font;
    QFont m_idFont;
    QFont m_badgeFont;
    bool m_dark = false;
};
