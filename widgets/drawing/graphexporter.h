// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "drawing/environmentpins.h"

#include <QByteArray>
#include <QImage>
#include <QString>

class GraphPainter;
struct GraphPicture;

/// Pictures of a laid-out revision graph, drawn by GraphPainter: the GUI's File ▸ Export and
/// `retort-cli graph --format svg|png` share this code. With pins, the picture also shows where each
/// database stands: the environments' flags on the cards, ghost cards for rows naming no revision
/// (right of the graph, as in the window) and a legend above the graph.
namespace GraphExporter {

enum class Format
{
    Svg,
    Png,
};

/// PNGs are drawn at twice the layout's size for sharp text, but never wider or taller than this.
constexpr int MaxImageSide = 16384;

QByteArray toSvg(const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins = {});
QImage toImage(const GraphPicture &picture, const GraphPainter &painter, const EnvironmentPins &pins = {});
/// Writes @p data to @p path all at once (a failed write leaves an existing file as it was).
bool writeFile(const QString &path, const QByteArray &data, QString *error);
/// Renders @p picture (with @p pins) in @p format and writes it to @p path.
bool write(const GraphPicture &picture, const GraphPainter &painter, Format format, const QString &path, QString *error,
           const EnvironmentPins &pins = {});

} // namespace GraphExporter
