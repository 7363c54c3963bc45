// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "drawing/graphpainter.h"

#include "drawing/theme.h"
#include "graph/graphpicture.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr qreal Padding = 6;
constexpr qreal Radius = 6;
constexpr qreal StripeWidth = 5;
constexpr qreal ArrowLength = 10;

/// Hues far enough apart to tell branches apart; the first is the main line's.
constexpr int LineageHues[] = {212, 28, 130, 345, 268, 175, 48, 300, 95, 195};

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphPainter)
};

} // namespace

GraphPainter::GraphPainter(const QPalette &palette, const QFont &font)
    : m_palette(palette)
    , m_font(font)
    , m_idFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_badgeFont(font)
    , m_dark(Theme::isDark(palette))
{
    m_idFont.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() : 10);
    m_idFont.setBold(true);
    m_badgeFont.setPointSizeF(std::max<qreal>(6.5, m_font.pointSizeF() * 0.78));
    m_badgeFont.setBold(true);
}

QSizeF GraphPainter::cardSize(const QFont &font, int idCharacters)
{
    const QFontMetricsF metrics(font);
    // Room for the id and two badges, and a line of message below it.
    const QString room = QString(std::max(idCharacters, 12) + 1, u'0') + u"  HEAD  MERGE  "_s;
    const qreal width = metrics.horizontalAdvance(room) + 2 * Padding + StripeWidth;
    return {std::ceil(width), std::ceil(2 * metrics.lineSpacing() + 2 * Padding + 2)};
}

QPalette GraphPainter::exportPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(0xfa, 0xfa, 0xfa));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
    palette.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPainterPath GraphPainter::edgePath(const QList<QPointF> &points)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    for (qsizetype i = 1; i + 2 < points.size(); i += 3)
        path.cubicTo(points.at(i), points.at(i + 1), points.at(i + 2));
    return path;
}

QColor GraphPainter::lineageColor(int lineage, const QPalette &palette)
{
    if (lineage < 0)
        return palette.color(QPalette::PlaceholderText);
    const bool dark = Theme::isDark(palette);
    const int hue = LineageHues[lineage % int(std::size(LineageHues))];
    // Past the first round of hues, vary the lightness so neighbours still differ.
    const int round = (lineage / int(std::size(LineageHues))) % 2;
    return dark ? QColor::fromHsl(hue, 150, 160 + 25 * round) : QColor::fromHsl(hue, 170, 95 + 25 * round);
}

qreal GraphPainter::cardOpacity(int state)
{
    if (state & Dimmed)
        return 0.35;
    // A pending card is faded, unless it is what the user is looking at or about to run.
    return state & Pending && !(state & (Planned | Selected)) ? 0.6 : 1.0;
}

QColor GraphPainter::selectedFill() const
{
    // The palette's highlight darkened (or lightened) until its text reads at WCAG AA: Fusion's
    // #308cc6 under white is only 3.6:1.
    return Theme::readable(m_palette.color(QPalette::Highlight), m_palette.color(QPalette::HighlightedText));
}

GraphPainter::Detail GraphPainter::detailAt(qreal cardHeight, qreal levelOfDetail) const
{
    if (levelOfDetail >= FullDetailScale)
        return Detail::Full;
    return cardHeight * levelOfDetail >= QFontMetricsF(m_badgeFont).height() + 2 ? Detail::IdOnly : Detail::Block;
}

void GraphPainter::paintPinBars(QPainter *painter, const QRectF &rect, const QList<Pin> &pins) const
{
    const qreal height = std::min(rect.height() / 2, 16.0);
    qreal x = rect.right();
    for (const Pin &pin : pins) {
        const QRectF bar(x - rect.width() / 4, rect.top() - height, rect.width() / 4, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pin.color);
        painter->drawRect(bar);
        x = bar.left() - 2;
    }
}

void GraphPainter::paintIdAtFontSize(QPainter *painter, const QRectF &rect, const GraphCard &card, const QColor &color,
                                     qreal levelOfDetail) const
{
    // Undo the view's scale around the card, so the id keeps the font's size in device pixels, in
    // the badges' font: narrower than the monospaced one, it fits more of the id.
    const QFontMetricsF metrics(m_badgeFont);
    const qreal left = StripeWidth + 3;
    const QRectF box(0, 0, rect.width() * levelOfDetail - left - 3, rect.height() * levelOfDetail);
    painter->save();
    painter->translate(rect.left() + left / levelOfDetail, rect.top());
    painter->scale(1 / levelOfDetail, 1 / levelOfDetail);
    painter->setFont(m_badgeFont);
    painter->setPen(card.isGhost ? m_palette.color(QPalette::PlaceholderText) : color);
    const QString id = card.isGhost ? card.shortId + u" ?"_s : card.shortId;
    painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(id, Qt::ElideRight, std::max<qreal>(0, box.width())));
    painter->restore();
}

QString GraphPainter::calloutText(const GraphCard &card, const QList<Pin> &pins, Detail detail) const
{
    QStringList parts;
    if (detail == Detail::Block && !card.isGhost && card.collapsedCount == 0) {
        const QString role = card.isHead          ? Tr::tr("HEAD")
                             : card.isMerge       ? Tr::tr("MERGE")
                             : card.isBranchPoint ? Tr::tr("BRANCH")
                             : card.isBase        ? Tr::tr("BASE")
                                                  : QString();
        if (!role.isEmpty() || !pins.isEmpty())
            parts.append(role.isEmpty() ? card.shortId : role + u' ' + card.shortId);
    }
    for (const Pin &pin : pins)
        parts.append(u"\u25C6 "_s + pin.label());
    return parts.join(u"  "_s);
}

QSizeF GraphPainter::calloutSize(const QString &text) const
{
    const QFontMetricsF metrics(m_badgeFont);
    return {metrics.horizontalAdvance(text) + 10, metrics.height() + 4};
}

void GraphPainter::paintCallout(QPainter *painter, const QRectF &rect, const QString &text, const QColor &accent) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(accent, 1));
    painter->setBrush(m_palette.color(QPalette::Base));
    painter->drawRoundedRect(rect, 3, 3);
    painter->setPen(m_palette.color(QPalette::Text));
    painter->setFont(m_badgeFont);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

QString GraphPainter::Pin::label() const
{
    return drift.isEmpty() ? name : name + u" \u2260"_s;
}

qreal GraphPainter::paintBadge(QPainter *painter, qreal right, qreal centerY, const QString &text,
                               const QColor &color) const
{
    const QFontMetricsF metrics(m_badgeFont);
    const qreal width = metrics.horizontalAdvance(text) + 8;
    const qreal height = metrics.height() + 1;
    const QRectF rect(right - width, centerY - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(rect, height / 2, height / 2);
    painter->setPen(color.lightness() > 150 ? QColor(Qt::black) : QColor(Qt::white));
    painter->setFont(m_badgeFont);
    painter->drawText(rect, Qt::AlignCenter, text);
    return rect.left() - 3;
}

void GraphPainter::paintCard(QPainter *painter, const QRectF &rect, const GraphCard &card, int state,
                             qreal levelOfDetail, const QList<Pin> &pins) const
{
    const QColor accent = lineageColor(card.colour);
    const QColor base = m_palette.color(QPalette::Base);
    const bool selected = state & Selected;
    QColor fill = selected ? selectedFill() : mixed(base, accent, m_dark ? 0.10 : 0.06);
    if (state & Hovered && !selected)
        fill = mixed(base, accent, 0.22);
    else if (state & Matched && !selected)
        fill = mixed(base, QColor(255, 214, 0), m_dark ? 0.35 : 0.45);
    QColor text = selected ? m_palette.color(QPalette::HighlightedText) : m_palette.color(QPalette::Text);
    QColor border = card.isHead ? accent : mixed(m_palette.color(QPalette::Mid), accent, 0.35);
    qreal borderWidth = card.isHead ? 2.2 : 1.1;
    if (state & Current) {
        border = m_palette.color(QPalette::Highlight);
        borderWidth = 3;
    } else if (state & Planned && !pins.isEmpty()) {
        border = pins.first().color; // the plan's flag comes first
        borderWidth = 2.5;
    } else if (state & Related && !selected) {
        border = accent;
        borderWidth = 2;
    }
    const qreal opacity = cardOpacity(state);
    painter->save();
    painter->setOpacity(painter->opacity() * opacity);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(border, borderWidth);
    if (card.isGhost || state & Pending)
        pen.setStyle(Qt::DashLine);

    const Detail detail = detailAt(rect.height(), levelOfDetail);
    if (detail == Detail::Block) {
        // Far out: the history reads as coloured lines of blocks, pins as coloured bars.
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? selectedFill() : accent);
        painter->drawRect(rect);
        paintPinBars(painter, rect, pins);
        painter->restore();
        return;
    }
    // Pins: a flag per environment above the card's top right corner (bars while too small to read).
    qreal pinRight = rect.right() - Radius;
    if (detail != Detail::Full)
        paintPinBars(painter, rect, pins);
    for (const Pin &pin : detail == Detail::Full ? pins : QList<Pin>()) {
        const qreal width = QFontMetricsF(m_badgeFont).horizontalAdvance(pin.label()) + 12;
        const QRectF flag(pinRight - width, rect.top() - 15, width, 15);
        paintPinFlag(painter, flag, pin, 4); // running on behind the card
        pinRight = flag.left() - 3;
    }
    if (card.collapsedCount > 0) {
        painter->setPen(pen);
        painter->setBrush(mixed(base, accent, 0.18));
        painter->drawRoundedRect(rect.translated(4, -4), Radius, Radius);
    }
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, Radius, Radius);
    if (!card.isGhost) {
        // The lineage stripe on the left edge.
        QPainterPath stripe;
        stripe.addRoundedRect(rect, Radius, Radius);
        QPainterPath clip;
        clip.addRect(QRectF(rect.left(), rect.top(), StripeWidth, rect.height()));
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawPath(stripe.intersected(clip));
    }
    if (detail == Detail::IdOnly) {
        paintIdAtFontSize(painter, rect, card, selected ? m_palette.color(QPalette::HighlightedText) : text,
                          levelOfDetail);
        painter->restore();
        return;
    }

    const QRectF inner = rect.adjusted(Padding + StripeWidth, Padding, -Padding, -Padding);
    const QFontMetricsF metrics(m_font);
    const QRectF firstLine(inner.left(), inner.top(), inner.width(), metrics.lineSpacing());

    // Badges from the right: problems first, then the card's roles.
    qreal right = inner.right();
    const qreal badgeY = firstLine.center().y();
    if (card.hasProblem)
        right = paintBadge(painter, right, badgeY, u"!"_s, QColor(214, 64, 48));
    if (card.isHead)
        right = paintBadge(painter, right, badgeY, Tr::tr("HEAD"), accent);
    if (card.isMerge)
        right = paintBadge(painter, right, badgeY, Tr::tr("MERGE"), mixed(accent, m_palette.color(QPalette::Mid), 0.5));
    if (card.isBranchPoint)
        right =
            paintBadge(painter, right, badgeY, Tr::tr("BRANCH"), mixed(accent, m_palette.color(QPalette::Mid), 0.5));
    if (card.isBase)
        right = paintBadge(painter, right, badgeY, Tr::tr("BASE"), m_palette.color(QPalette::Mid));

    painter->setPen(card.isGhost ? m_palette.color(QPalette::PlaceholderText) : text);
    const QFontMetricsF idMetrics(card.collapsedCount > 0 ? m_font : m_idFont);
    painter->setFont(card.collapsedCount > 0 ? m_font : m_idFont);
    const QString id = card.isGhost ? card.shortId + u" ?"_s : card.shortId;
    painter->drawText(QRectF(firstLine.left(), firstLine.top(), right - firstLine.left(), firstLine.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      idMetrics.elidedText(id, Qt::ElideRight, std::max<qreal>(0, right - firstLine.left())));

    // Second line: branch labels as tags, then the message.
    QRectF secondLine(inner.left(), firstLine.bottom() + 2, inner.width(), metrics.lineSpacing());
    const QFontMetricsF badgeMetrics(m_badgeFont);
    for (const QString &label : card.labels) {
        const qreal width = std::min(badgeMetrics.horizontalAdvance(label) + 10, secondLine.width() / 2);
        const QRectF tag(secondLine.left(), secondLine.center().y() - (badgeMetrics.height() + 1) / 2, width,
                         badgeMetrics.height() + 1);
        painter->setPen(QPen(accent, 1));
        painter->setBrush(mixed(base, accent, 0.25));
        painter->drawRoundedRect(tag, 3, 3);
        painter->setPen(text);
        painter->setFont(m_badgeFont);
        painter->drawText(tag, Qt::AlignCenter, badgeMetrics.elidedText(label, Qt::ElideRight, width - 6));
        secondLine.setLeft(tag.right() + 4);
    }
    painter->setPen(card.isGhost ? m_palette.color(QPalette::PlaceholderText) : text);
    painter->setFont(m_font);
    painter->drawText(secondLine, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(card.message, Qt::ElideRight, std::max<qreal>(0, secondLine.width())));
    painter->restore();
}

void GraphPainter::paintEdge(QPainter *painter, const QPainterPath &path, QPointF tip, bool dependency, int lineage,
                             bool dimmed) const
{
    if (path.isEmpty())
        return;
    const QColor color = dependency ? m_palette.color(QPalette::PlaceholderText) : lineageColor(lineage);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (dimmed)
        painter->setOpacity(painter->opacity() * 0.25);
    QPen pen(color, dependency ? 1.2 : 1.6);
    if (dependency)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    if (!tip.isNull()) {
        const QPointF end = path.currentPosition();
        QLineF axis(tip, end);
        if (axis.length() < 1)
            axis = QLineF(tip, tip + QPointF(0, ArrowLength));
        axis.setLength(ArrowLength);
        QLineF side = axis.normalVector();
        side.setLength(ArrowLength * 0.4);
        const QPointF offset = side.p2() - side.p1();
        const QPolygonF head{tip, axis.p2() + offset, axis.p2() - offset};
        painter->setPen(QPen(color, 1));
        painter->setBrush(color);
        painter->drawPolygon(head);
    }
    painter->restore();
}

void GraphPainter::paintPicture(QPainter *painter, const GraphPicture &picture, const QList<QList<Pin>> &pins) const
{
    painter->fillRect(picture.layout.boundingBox.adjusted(-24, -24, 24, 24), background());
    const RevisionGraph &graph = picture.graph;
    for (qsizetype e = 0; e < graph.request.edges.size(); ++e) {
        const int to = graph.request.edges.at(e).to;
        paintEdge(painter, edgePath(picture.layout.edges.at(e)), picture.layout.arrowTips.at(e),
                  graph.edgeIsDependency.at(e), picture.cards.at(to).colour, false);
    }
    for (qsizetype n = 0; n < picture.cards.size(); ++n)
        paintCard(painter, picture.layout.nodes.at(n), picture.cards.at(n), Normal, 1.0, pins.value(n));
}

QSizeF GraphPainter::legendSize(const QList<std::pair<Pin, QString>> &lines) const
{
    if (lines.isEmpty())
        return {};
    const QFontMetricsF badgeMetrics(m_badgeFont);
    const QFontMetricsF metrics(m_font);
    qreal flagWidth = 0;
    qreal textWidth = 0;
    for (const auto &[pin, text] : lines) {
        flagWidth = std::max(flagWidth, badgeMetrics.horizontalAdvance(pin.label()) + 12);
        textWidth = std::max(textWidth, metrics.horizontalAdvance(text));
    }
    const qreal lineHeight = std::max<qreal>(15, metrics.lineSpacing()) + 4;
    return {std::ceil(flagWidth + 8 + textWidth), std::ceil(lineHeight * qreal(lines.size()))};
}

void GraphPainter::paintPinFlag(QPainter *painter, const QRectF &flag, const Pin &pin, qreal tail) const
{
    QPainterPath path;
    path.addRoundedRect(flag.adjusted(0, 0, 0, tail), 3, 3);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pin.color);
    painter->drawPath(path);
    painter->setPen(pin.color.lightness() > 150 ? QColor(Qt::black) : QColor(Qt::white));
    painter->setFont(m_badgeFont);
    painter->drawText(flag, Qt::AlignCenter, pin.label());
}

void GraphPainter::paintLegend(QPainter *painter, QPointF topLeft, const QList<std::pair<Pin, QString>> &lines) const
{
    const QFontMetricsF badgeMetrics(m_badgeFont);
    const QFontMetricsF metrics(m_font);
    qreal flagWidth = 0;
    for (const auto &[pin, text] : lines)
        flagWidth = std::max(flagWidth, badgeMetrics.horizontalAdvance(pin.label()) + 12);
    const qreal lineHeight = std::max<qreal>(15, metrics.lineSpacing()) + 4;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    qreal y = topLeft.y();
    for (const auto &[pin, text] : lines) {
        // The flag as it stands on a card.
        paintPinFlag(
            painter,
            QRectF(topLeft.x(), y + (lineHeight - 15) / 2, badgeMetrics.horizontalAdvance(pin.label()) + 12, 15), pin,
            0);
        painter->setPen(m_palette.color(QPalette::Text));
        painter->setFont(m_font);
        painter->drawText(QRectF(topLeft.x() + flagWidth + 8, y, metrics.horizontalAdvance(text) + 1, lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        y += lineHeight;
    }
    painter->restore();
}
