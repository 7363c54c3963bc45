// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "python/pythonsyntax.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

/// A header variable that is not written as a literal, and what Retort made of it.
struct ComputedHeader
{
    enum class State
    {
        Unknown,  ///< not worked out (yet): `origin` says why
        Constant, ///< resolved natively from module-level constants: `origin` says where from
        Evaluated ///< taken from the project's Python: `origin` says which interpreter
    };
    QString name;       ///< "revision", "down_revision", "branch_labels" or "depends_on"
    QString expression; ///< the value as written, e.g. "(cli.EXPAND_BRANCH,)"
    int line = 0;
    State state = State::Unknown;
    QStringList values; ///< when known: as alembic's `to_tuple` gives them (a str is one item)
    QString origin;

    bool isKnown() const { return state != State::Unknown; }
};

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
        QList<PyExpr> calls;           ///< expression-statement calls, e.g. op.add_column(...)
        QList<PyStatement> statements; ///< the body, statement by statement
        bool exists = false;
        int bodyStatements = 0; ///< PyFunction::bodyStatements
        bool alwaysRaises = false;
    };
    Function upgrade;
    Function downgrade;
    Diagnostics diagnostics;
    /// Header variables not written as literals, in header order; empty for generated files.
    QList<ComputedHeader> computedHeaders;
    /// The parsed file, kept only while a computed header is unknown (to resolve it later).
    std::shared_ptr<const PyModule> module;

    /// Has a revision id and a down_revision, so it can take part in the revision map.
    bool isUsable() const { return !revision.isEmpty() && hasDownRevision; }
    /// The computed header @p name, or nullptr when it is a literal or absent.
    const ComputedHeader *computedHeader(const QString &name) const;
    /// False when branch_labels / depends_on are computed and not worked out: the map then treats
    /// them as unknown instead of empty.
    bool branchLabelsKnown() const;
    bool dependenciesKnown() const;
};

/// Copies the values of @p script's computed headers into its header fields and replaces their
/// diagnostics: an unknown revision or down_revision is an error (the file cannot take part in
/// the map); unknown branch_labels or depends_on are warnings. Releases the parsed module once
/// every value is known. Call after changing computedHeaders.
void applyComputedHeaders(RevisionScript &script);

/// Reads @p contents as the revision file @p path; never fails, problems become diagnostics.
RevisionScript readRevisionScript(const QString &path, const QByteArray &contents);

/// Alembic's `verify_rev_id`: the characters @ - + : are not allowed in revision ids.
QString illegalRevisionCharacters(const QString &id);
