// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

/// One revision of a synthetic history.
struct GeneratedRevision
{
    QString id;
    QStringList downRevisions;
    QStringList dependencies; ///< ids or branch labels
    QStringList branchLabels;
    QString message;
};

/// The shape of a synthetic history: mostly linear, with branches, merges, labels, depends_on and
/// several bases in the proportions given.
struct HistoryShape
{
    int revisions = 20;
    double newBase = 0.05;   ///< start another base
    double branch = 0.15;    ///< grow from an older revision instead of a head
    double merge = 0.12;     ///< merge two or three heads
    double dependsOn = 0.10; ///< add a depends_on
    double label = 0.10;     ///< declare a branch label
    int maxBases = 3;
    double stayOnLine = 0.0;    ///< extend the newest head, not a random one (long mostly linear histories)
    int branchWindow = 0;       ///< branch from one of the last N revisions; 0 for any
    bool sharedPrefixes = true; ///< ids that share short prefixes, to exercise partial matching
};

/// Random migration histories written as real Alembic revision files, for the differential tests
/// and the benchmarks. Revisions are generated parents-first, so the result is always acyclic.
class HistoryGenerator
{
public:
    explicit HistoryGenerator(quint32 seed)
        : m_random(seed)
    {}

    QList<GeneratedRevision> generate(const HistoryShape &shape);
    /// Writes one `<id>_<slug>.py` per revision into @p dir, in randomly chosen header styles
    /// (classic and typed templates, both quote styles, black-style wrapped tuples).
    bool writeVersions(const QString &dir, const QList<GeneratedRevision> &revisions, QString *error);

    QRandomGenerator &random() { return m_random; }

private:
    QString newId(bool sharedPrefixes);
    QString render(const GeneratedRevision &revision);

    QRandomGenerator m_random;
    QStringList m_usedIds;
};

/// The benchmarks' migration-like history of @p size revisions (mostly linear, short-lived branches,
/// a few merges, labels and depends_on), written with an alembic.ini into @p dir, which is returned;
/// empty on failure. The same size always gives the same history.
QString writeBenchmarkProject(const QString &dir, int size, QString *error);
