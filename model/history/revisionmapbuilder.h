// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/revisionmapdata.h"

#include <QList>
#include <QString>

struct RevisionScript;

/// Builds a revision map's data from the scripts, in phases that each do one job.
///
/// How it works: the usable scripts become revisions in map order (a duplicate id keeps the first
/// position and takes the later file, like Alembic's OrderedDict); branch labels become keys; each
/// down_revision and depends_on entry is resolved to an index, a missing one to a ghost appended
/// after the files; the edges are linked both ways, heads and bases read off them and depends_on
/// normalized as Alembic does. Kahn's algorithm then numbers the revisions parents first, and only
/// when it cannot number them all are the cycles looked for. Branch labels are propagated last,
/// since that walks the finished down_revision edges. Every problem is an error diagnostic and makes
/// the map inconsistent; none stops the build.
class RevisionMapBuilder
{
public:
    static RevisionMapData build(const QList<RevisionScript> &scripts);

private:
    explicit RevisionMapBuilder(const QList<RevisionScript> &scripts)
        : m_scripts(scripts)
    {}

    void collectRevisions();
    Revision revisionFromScript(int scriptIndex);
    void addRevision(const Revision &revision);
    void listUnknownHeaders();
    void registerBranchLabels();
    void resolveDownRevisions(int revision);
    void resolveDependencies(int revision);
    int ghostFor(const QString &id);
    void linkChildren();
    void findHeadsAndBases();
    void normalizeDependencies();
    void numberTopologically();
    void reportCycles();
    void reportCycle(const QList<int> &component, bool throughDependencies);
    QList<int> downRevisionOrder() const;
    void inheritBranchLabels();
    void spreadBranchLabelsDown();
    bool descendantsArePlainChain(int revision) const;

    const RevisionScript *scriptOf(int revision) const;
    void addError(const QString &code, const QString &message, const RevisionScript *script, const QString &revision);

    const QList<RevisionScript> &m_scripts;
    RevisionMapData m_map;
    int m_fileCount = 0; ///< revisions that have a file; ghosts come after them
};
