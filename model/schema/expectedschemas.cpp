// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/expectedschemas.h"

#include "history/revisionmap.h"
#include "project/revisionscript.h"

#include <QHash>

ExpectedSchemas::ExpectedSchemas(const RevisionMap &map, const QList<RevisionScript> &scripts, SqlDialect dialect)
    : m_map(map)
    , m_scripts(scripts)
    , m_dialect(dialect)
{}

void ExpectedSchemas::applyInOrder(SchemaReplay &replay, const QList<int> &revisions) const
{
    for (int index : revisions) {
        const Revision &revision = m_map.revision(index);
        if (revision.scriptIndex >= 0)
            replay.apply(m_scripts.at(revision.scriptIndex));
    }
}

Result<SchemaReplay> ExpectedSchemas::at(const QStringList &rows) const
{
    SchemaReplay replay(m_dialect);
    QStringList current;
    for (const QString &row : rows) {
        const Result<QList<int>> steps = m_map.upgradeRevisions(row, current);
        if (!steps)
            return Result<SchemaReplay>::failure(steps.error());
        applyInOrder(replay, *steps);
        current.append(row);
    }
    return replay;
}

QList<ExpectedSchemas::AtRevision> ExpectedSchemas::all() const
{
    // Kahn's order over down_revision and depends_on edges: parents first.
    const int n = m_map.size();
    QList<int> waiting(n, 0);
    QList<int> ready;
    for (int i = 0; i < n; ++i) {
        waiting[i] = int(m_map.revision(i).allDown.size());
        if (waiting[i] == 0)
            ready.append(i);
    }
    QList<AtRevision> result;
    result.reserve(n);
    QHash<int, qsizetype> position; // revision → index into result
    for (qsizetype next = 0; next < ready.size(); ++next) {
        const int index = ready.at(next);
        const Revision &revision = m_map.revision(index);
        for (int child : revision.allNextRevisions) {
            if (--waiting[child] == 0)
                ready.append(child);
        }
        if (revision.isGhost)
            continue;
        const auto parent =
            revision.allDown.size() == 1 ? position.constFind(revision.allDown.first()) : position.cend();
        if (revision.allDown.isEmpty() || parent != position.cend()) {
            AtRevision at{index, revision.allDown.isEmpty() ? SchemaReplay(m_dialect) : result.at(*parent).replay};
            if (revision.scriptIndex >= 0)
                at.replay.apply(m_scripts.at(revision.scriptIndex));
            position.insert(index, result.size());
            result.append(std::move(at));
            continue;
        }
        Result<SchemaReplay> replay = at(QStringList{revision.id});
        if (!replay)
            continue;
        position.insert(index, result.size());
        result.append(AtRevision{index, std::move(replay.value())});
    }
    return result;
}
