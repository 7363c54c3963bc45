// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/graphpicture.h"

#include "history/checks.h"
#include "history/displaytext.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QSet>

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphPicture)
};

} // namespace

RevisionGraphOptions GraphPicture::defaultOptions(const Project &project)
{
    RevisionGraphOptions options;
    options.collapseRunsOf = project.map().size() > CollapseAbove ? 3 : 0;
    options.keepNewest = KeepNewest;
    return options;
}

Result<GraphPicture> GraphPicture::build(const Project &project, const std::function<QSizeF(int)> &cardSize,
                                         const RevisionGraphOptions &options, bool bottomToTop,
                                         const std::atomic_bool *cancelled, const std::atomic_bool *settleForLayered)
{
    const RevisionMap &map = project.map();
    const DisplayIds ids(map);
    const QSizeF size = cardSize(ids.longest());
    GraphPicture picture;
    picture.graph = revisionGraph(
        map, [&](const Revision &) { return size; }, options);
    picture.graph.request.bottomToTop = bottomToTop;
    LayoutLimits limits;
    limits.settleForLayered = settleForLayered;
    Result<GraphLayout> layout = layoutGraph(picture.graph.request, limits, cancelled);
    if (!layout)
        return Result<GraphPicture>::failure(layout.error());
    picture.layout = std::move(layout.value());

    QSet<QString> troubled;
    for (const Diagnostic &d : Checks::run(project)) {
        if (!d.revision.isEmpty())
            troubled.insert(d.revision);
    }
    picture.cards.reserve(picture.graph.nodeRevisions.size());
    for (const QList<int> &revisions : std::as_const(picture.graph.nodeRevisions)) {
        const Revision &rev = map.revision(revisions.first());
        GraphCard card;
        card.revision = revisions.first();
        card.colour = picture.graph.colourOfRevision.value(card.revision, -1);
        card.labels = rev.declaredBranchLabels;
        if (revisions.size() > 1) {
            card.collapsedCount = int(revisions.size());
            card.shortId = card.id = Tr::tr("%n revisions", nullptr, card.collapsedCount);
            card.message = Tr::tr("%1 … %2").arg(ids(rev.id), ids(map.revision(revisions.last()).id));
            for (int r : revisions)
                card.hasProblem = card.hasProblem || troubled.contains(map.revision(r).id);
        } else {
            card.id = rev.id;
            card.shortId = ids(rev.id);
            const RevisionScript *script = project.script(card.revision);
            card.message = rev.isGhost ? Tr::tr("missing revision") : docHeadline(script ? script->longDoc : rev.doc);
            card.isHead = !rev.isGhost && rev.isRealHead();
            card.isBase = !rev.isGhost && rev.isBase();
            card.isMerge = rev.isMergePoint();
            card.isBranchPoint = rev.isBranchPoint(); // as `alembic branches` sees it
            card.isGhost = rev.isGhost;
            card.hasProblem = troubled.contains(rev.id);
        }
        picture.cards.append(card);
    }
    return picture;
}
