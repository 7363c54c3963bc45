// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "pythonsyntax.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// One revision file, read natively the way Alembic's Script reads it (header variables and
/// docstring), plus what the schema and GUI issues need (line ranges and op.* calls).
struct RevisionScript
{
    QString path; ///< location joined with the file name, as Alembic's Script.path (1.8.1)
    QString fileName;
    QString revision;                  ///< empty when it cannot be determined (then isUsable() is false)
    bool revisionFromFileName = false; ///< legacy hex file name without a `revision` variable
    QStringList downRevisions;         ///< `down_revision`; empty means base
    bool hasDownRevision = false;      ///< the variable exists (Alembic requires it)
    QStringList branchLabels;
    QStringList dependencies;
    QString longDoc;    ///< the module docstring, stripped
    QString doc;        ///< its first paragraph
    QString revises;    ///< the `Revises:` header line of the docstring, if any
    QString createDate; ///< the `Create Date:` header line of the docstring, if any
    int revisionLine = 0;
    int downRevisionLine = 0;

    struct Function
    {
        int firstLine = 0;
        int lastLine = 0;
        QList<PyExpr> calls; ///< expression-statement calls, e.g. op.add_column(...)
    };
    Function upgrade;
    Function downgrade;
    Diagnostics diagnostics;

    /// Has a revision id and a down_revision, so it can take part in the revision map.
    bool isUsable() const { return !revision.isEmpty() && hasDownRevision; }
};

/// Reads @p contents as the revision file @p path; never fails, problems become diagnostics.
RevisionScript readRevisionScript(const QString &path, const QByteArray &contents);

/// Alembic's `verify_rev_id`: the characters @ - + : are not allowed in revision ids.
QString illegalRevisionCharacters(const QString &id);
