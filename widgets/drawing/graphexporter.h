// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

class GraphPainter;
struct GraphPicture;

/// Pictures of a laid-out revision graph, drawn by GraphPainter: the GUI's File ▸ Export and
/// `retort-cli graph --format svg|png` share this code.
namespace GraphExporter {

enum class Format
{
    Svg,
    Png,
};

/// PNGs are drawn at twice the layout's size for sharp text, but never wider or taller than this.
constexpr int MaxImageSide = 16384;

QByteArray toSvg(const GraphPicture &picture, const GraphPainter &painter);
QImage toImage(const GraphPicture &picture, const GraphPainter &painter);
/// Writes @p data to @p path all at once (a failed write leaves an existing file as it was).
bool writeFile(const QString &path, const QByteArray &data, QString *error);
/// Renders @p picture in @p format and writes it to @p path.
bool write(const GraphPicture &picture, const GraphPainter &painter, Format format, const QString &path,
           QString *error);

} // namespace GraphExporter
