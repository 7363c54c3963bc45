// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "edits/filetransaction.h"

#include <QList>
#include <QString>
#include <QStringList>

class Project;
struct VersionTableName;

/// How a revision that has children leaves the history.
enum class RemovalMode
{
    Alone,           ///< only a revision without children
    WithDescendants, ///< the revision and everything built on it through down_revision
    Reparent,        ///< the children take over the revision's down_revision
};

/// What an environment's version table said when it was read for the removal, or why it could not be.
struct EnvironmentRows
{
    QString name;
    QStringList rows;
    QString error; ///< not empty: the environment could not be read
};

/// Reads @p url's version rows for a removal check, read-only; a SQLite file that does not exist has
/// nothing applied. Opens and closes its own connection, so any thread may call it.
EnvironmentRows readEnvironmentRows(const QString &name, const QString &url, const VersionTableName &table,
                                    const QString &baseDirectory);

struct RemovalRequest
{
    QString revision; ///< an id, a unique id prefix or a branch label naming one revision
    RemovalMode mode = RemovalMode::Alone;
    bool moveLabels = false; ///< Reparent with one child: the branch labels go to the child
};

/// Something the user must see before a removal and accept to go on.
struct RemovalWarning
{
    enum class Kind
    {
        Unreachable,    ///< an environment could not be read: it may have the revision applied
        UnknownRows,    ///< an environment's rows name revisions the project does not have
        LabelsRemoved,  ///< branch labels go away with the revision
        ProjectProblems ///< the project has errors: the history shown may not be alembic's
    };
    Kind kind;
    QString text;
};

/// Everything a removal would do, worked out before anything is written: the files to delete and
/// the edits to the files that stay, or why it cannot be done.
struct RemovalPlan
{
    QString revision;       ///< the full id asked for
    QStringList removed;    ///< every revision that goes, the asked one first
    QStringList reparented; ///< children whose down_revision changes
    QStringList edited;     ///< every revision whose file is edited (reparented ones included), map order
    QList<FileChange> changes;
    /// Why the removal cannot be done as asked; nothing may be written when not empty.
    QStringList refusals;
    QList<RemovalWarning> warnings;
    /// Lines for the preview: what each edited file gets ("down_revision: 'b' -> 'a'").
    QStringList edits;

    bool isPossible() const { return refusals.isEmpty(); }
};

/// Works out the removal of an unapplied revision (alembic-semantics: a revision is applied in an
/// environment when it is a row or an ancestor of one, dependencies included). Reads the files it
/// edits from disk, so their bytes are those the changes will be checked against.
RemovalPlan planRemoval(const Project &project, const RemovalRequest &request,
                        const QList<EnvironmentRows> &environments);
