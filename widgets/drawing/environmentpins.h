// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "drawing/graphpainter.h"
#include "graph/graphexport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class RevisionMap;
struct GraphPicture;

/// Where each database stands, as a picture of the graph shows it: a pin per environment on the
/// cards its version rows name, the rows that name no revision as ghost cards beside the graph (as
/// the window places them), and a legend line per environment. The window's Export Graph and
/// `retort-cli graph --env` both make it from version rows, so their pictures say the same.
struct EnvironmentPins
{
    struct Entry
    {
        GraphPainter::Pin pin;
        QList<int> revisions;    ///< map indexes of the rows that name a revision
        QStringList unknownRows; ///< rows naming no revision of the project (or a missing one)
        QString summary;         ///< the legend's text, as the window's database bar says it
    };
    QList<Entry> entries;

    bool isEmpty() const { return entries.isEmpty(); }
    /// Pins made from @p environments' rows against @p map, in their order and colours.
    static EnvironmentPins fromRows(const RevisionMap &map, const QList<GraphExport::EnvironmentRows> &environments);

    /// Per layout node of @p picture (a collapsed run gets the pins of all its revisions): its pins.
    QList<QList<GraphPainter::Pin>> byNode(const GraphPicture &picture) const;
    /// The unknown rows, first seen first, each with the pins of the environments that have it.
    QList<std::pair<QString, QList<GraphPainter::Pin>>> unknownRows() const;
    /// Where the ghost card of unknown row @p index goes: right of @p picture's cards, as in the window.
    static QRectF unknownRowRect(const GraphPicture &picture, qsizetype index);
    /// The legend's lines: each environment's pin and summary.
    QList<std::pair<GraphPainter::Pin, QString>> legend() const;
};
