// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "drawing/environmentpins.h"

#include "database/environmentsummary.h"
#include "graph/graphpicture.h"
#include "history/revisionmap.h"

EnvironmentPins EnvironmentPins::fromRows(const RevisionMap &map,
                                          const QList<GraphExport::EnvironmentRows> &environments)
{
    EnvironmentPins pins;
    for (const GraphExport::EnvironmentRows &environment : environments) {
        const EnvironmentSummary summary = EnvironmentSummary::compute(map, environment.rows, environment.table);
        Entry entry;
        entry.pin = GraphPainter::Pin{environment.name, QColor(environment.color), environment.drift};
        for (int revision : summary.status.rowRevisions) {
            if (revision >= 0)
                entry.revisions.append(revision);
        }
        entry.unknownRows = summary.status.unknownRows;
        entry.summary = summary.oneLine();
        pins.entries.append(entry);
    }
    return pins;
}

QList<QList<GraphPainter::Pin>> EnvironmentPins::byNode(const GraphPicture &picture) const
{
    QList<QList<GraphPainter::Pin>> pins(picture.cards.size());
    for (const Entry &entry : entries) {
        for (int revision : entry.revisions) {
            const int n = picture.graph.nodeOfRevision.value(revision, -1);
            if (n >= 0 && n < pins.size() && !pins.at(n).contains(entry.pin))
                pins[n].append(entry.pin);
        }
    }
    return pins;
}

QList<std::pair<QString, QList<GraphPainter::Pin>>> EnvironmentPins::unknownRows() const
{
    QList<std::pair<QString, QList<GraphPainter::Pin>>> rows;
    for (const Entry &entry : entries) {
        for (const QString &row : entry.unknownRows) {
            auto at = std::find_if(rows.begin(), rows.end(), [&](const auto &r) { return r.first == row; });
            if (at == rows.end()) {
                rows.append({row, {}});
                at = rows.end() - 1;
            }
            if (!at->second.contains(entry.pin))
                at->second.append(entry.pin);
        }
    }
    return rows;
}

QRectF EnvironmentPins::unknownRowRect(const GraphPicture &picture, qsizetype index)
{
    if (picture.layout.nodes.isEmpty())
        return {};
    const QSizeF size = picture.layout.nodes.first().size();
    const QRectF box = picture.layout.boundingBox;
    return {QPointF(box.right() + 60, box.top() + 24 + qreal(index) * (size.height() + 34)), size};
}

QList<std::pair<GraphPainter::Pin, QString>> EnvironmentPins::legend() const
{
    QList<std::pair<GraphPainter::Pin, QString>> lines;
    for (const Entry &entry : entries)
        lines.append({entry.pin, entry.summary});
    return lines;
}
