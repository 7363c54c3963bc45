// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "drawing/graphexporter.h"

#include "drawing/graphpainter.h"
#include "graph/graphpicture.h"
#include "history/displaytext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphExporter)
};

constexpr qreal Margin = 24;

/// What is drawn where: the picture's rectangle, and the legend's corner when there are pins.
struct Placement
{
    QRectF rect;
    QPointF legend;
    bool extended = false; ///< larger than the picture's own background
};

Placement place(const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins)
{
    Placement placement;
    QRectF content = picture.layout.boundingBox;
    if (!pins.isEmpty()) {
        const qsizetype unknown = pins.unknownRows().size();
        for (qsizetype i = 0; i < unknown; ++i)
            content |= EnvironmentPins::unknownRowRect(picture, i);
        // Above the graph, clear of the flags on the topmost cards.
        const QSizeF legend = painter.legendSize(pins.legend());
        placement.legend = QPointF(content.left(), content.top() - Margin - 8 - legend.height());
        content |= QRectF(placement.legend, legend);
        placement.extended = true;
    }
    placement.rect = content.adjusted(-Margin, -Margin, Margin, Margin);
    return placement;
}

void paint(QPainter *p, const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins,
           const Placement &placement)
{
    if (placement.extended)
        p->fillRect(placement.rect, painter.background());
    painter.paintPicture(p, picture, pins.byNode(picture));
    if (pins.isEmpty())
        return;
    const auto unknown = pins.unknownRows();
    for (qsizetype i = 0; i < unknown.size(); ++i) {
        GraphCard ghost;
        ghost.id = unknown.at(i).first;
        ghost.shortId = DisplayIds()(ghost.id);
        ghost.message = Tr::tr("unknown to this project");
        ghost.isGhost = true;
        painter.paintCard(p, EnvironmentPins::unknownRowRect(picture, i), ghost, GraphPainter::Normal, 1.0,
                          unknown.at(i).second);
    }
    painter.paintLegend(p, placement.legend, pins.legend());
}

} // namespace

namespace GraphExporter {

QByteArray toSvg(const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins)
{
    const Placement placement = place(picture, painter, pins);
    const QRectF rect = placement.rect;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(rect.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    generator.setTitle(Tr::tr("Alembic revision graph"));
    generator.setDescription(Tr::tr("Alembic revision graph drawn by Retort"));
    QPainter p(&generator);
    p.translate(-rect.topLeft());
    paint(&p, picture, painter, pins, placement);
    p.end();
    return buffer.data();
}

QImage toImage(const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins)
{
    const Placement placement = place(picture, painter, pins);
    const QRectF rect = placement.rect;
    const qreal scale = std::min(2.0, MaxImageSide / std::max({rect.width(), rect.height(), 1.0}));
    QImage image(std::max(1, int(std::ceil(rect.width() * scale))), std::max(1, int(std::ceil(rect.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(painter.background());
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(scale, scale);
    p.translate(-rect.topLeft());
    paint(&p, picture, painter, pins, placement);
    p.end();
    return image;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool write(const GraphPicture &picture, const GraphPainter &painter, Format format, const QString &path, QString *error,
           const EnvironmentPins &pins)
{
    if (format == Format::Svg)
        return writeFile(path, toSvg(picture, painter, pins), error);
    const QImage image = toImage(picture, painter, pins);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        if (error)
            *error = Tr::tr("Cannot draw the graph as a PNG image: it is too large. Export it as SVG instead.");
        return false;
    }
    return writeFile(path, png, error);
}

} // namespace GraphExporter
