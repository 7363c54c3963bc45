// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphlayout.h"
#include "graph/layeredlayout.h"
#include "graph/layoutprocess.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphLayout)
};

} // namespace

QString LayoutRequest::validationError() const
{
    for (const Edge &edge : edges) {
        if (edge.from < 0 || edge.to < 0 || edge.from >= nodes.size() || edge.to >= nodes.size())
            return Tr::tr("An edge names a node that does not exist.");
    }
    return {};
}

Result<GraphLayout> layoutGraph(const LayoutRequest &request, const LayoutLimits &limits,
                                const std::atomic_bool *cancelled)
{
    if (const QString error = request.validationError(); !error.isEmpty())
        return Result<GraphLayout>::failure(error);
    QString reason;
    if (limits.settleForLayered && limits.settleForLayered->load()) {
        reason = LayoutProcess::settledMessage();
    } else if (request.nodes.size() > limits.graphvizNodeLimit) {
        reason =
            Tr::tr("%n cards are more than Graphviz lays out in reasonable time", nullptr, int(request.nodes.size()));
    } else {
        Result<GraphLayout> drawn = LayoutProcess::run(request, limits, cancelled);
        if (drawn || (cancelled && cancelled->load()))
            return drawn;
        reason = drawn.error();
        if (reason.endsWith(u'.')) // a whole sentence (e.g. "… reinstall Retort."), continued below
            reason.chop(1);
    }
    GraphLayout layout = layeredLayout(request);
    layout.fallbackReason = Tr::tr("%1; showing a simpler layered layout.").arg(reason);
    return layout;
}

QList<QPointF> directEdgeCurve(const QRectF &from, const QRectF &to, bool bottomToTop)
{
    constexpr qreal ArrowLength = 10;
    if (bottomToTop) {
        const QPointF start(from.center().x(), from.top());
        const QPointF end(to.center().x(), to.bottom() + ArrowLength);
        const qreal pull = std::max<qreal>(40, std::abs(start.y() - end.y()) / 3);
        return {start, start - QPointF(0, pull), end + QPointF(0, pull), end};
    }
    const QPointF start(from.right(), from.center().y());
    const QPointF end(to.left() - ArrowLength, to.center().y());
    const qreal pull = std::max<qreal>(40, std::abs(end.x() - start.x()) / 3);
    return {start, start + QPointF(pull, 0), end - QPointF(pull, 0), end};
}

QPointF directEdgeTip(const QRectF &to, bool bottomToTop)
{
    return bottomToTop ? QPointF(to.center().x(), to.bottom()) : QPointF(to.left(), to.center().y());
}
