// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "drawing/graphexporter.h"

#include "drawing/graphpainter.h"
#include "graph/graphpicture.h"

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

QRectF pictureRect(const GraphPicture &picture)
{
    return picture.layout.boundingBox.adjusted(-Margin, -Margin, Margin, Margin);
}

} // namespace

namespace GraphExporter {

QByteArray toSvg(const GraphPicture &picture, const GraphPainter &painter)
{
    const QRectF rect = pictureRect(picture);
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
    painter.paintPicture(&p, picture);
    p.end();
    return buffer.data();
}

QImage toImage(const GraphPicture &picture, const GraphPainter &painter)
{
    const QRectF rect = pictureRect(picture);
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
    painter.paintPicture(&p, picture);
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

bool write(const GraphPicture &picture, const GraphPainter &painter, Format format, const QString &path, QString *error)
{
    if (format == Format::Svg)
        return writeFile(path, toSvg(picture, painter), error);
    const QImage image = toImage(picture, painter);
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
