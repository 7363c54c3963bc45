// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionspecs.h"

using namespace Qt::StringLiterals;

QList<RevisionScript> scriptsFromSpecs(const QStringList &specs)
{
    QList<RevisionScript> out;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(u':');
        RevisionScript s;
        s.revision = parts.value(0);
        s.path = u"/v/"_s + s.revision + u".py"_s;
        s.hasDownRevision = true;
        s.downRevisions = parts.value(1).split(u',', Qt::SkipEmptyParts);
        s.dependencies = parts.value(2).split(u',', Qt::SkipEmptyParts);
        s.branchLabels = parts.value(3).split(u',', Qt::SkipEmptyParts);
        s.doc = u"doc "_s + s.revision;
        s.revisionLine = 10;
        s.upgrade.firstLine = s.upgrade.lastLine = 20; // alembic needs both functions to run a step
        s.downgrade.firstLine = s.downgrade.lastLine = 30;
        out.append(s);
    }
    return out;
}
