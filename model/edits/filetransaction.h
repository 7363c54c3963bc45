// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// One file a transaction writes or deletes.
struct FileChange
{
    QString path;
    QByteArray before; ///< what the file holds now: writing is refused when the disk says otherwise
    QByteArray after;  ///< unused when removing
    bool remove = false;
};

/// What a transaction did, enough to undo it byte for byte.
struct AppliedChanges
{
    QList<FileChange> changes;
    QList<QString> trashedAs; ///< per change: where a removed file went (desktop trash or fallback folder)

    bool isEmpty() const { return changes.isEmpty(); }
};

/// Writes several files as one operation: every file is checked against the bytes the plan was
/// made from, new contents go to temporaries beside the originals (flushed to disk), then the
/// temporaries are renamed over the originals and removed files go to the trash. When any step
/// fails, what was done is put back, so the files are either all changed or all as they were.
///
/// A file without its owner's write permission is not changed (even for root): the user marked it
/// as not to be edited.
namespace FileTransaction {

/// Applies @p changes; removed files go to the desktop trash (QFile::moveToTrash) or, where there
/// is none, to @p fallbackTrash (created when needed). The error names the file and what to do.
Result<AppliedChanges> apply(const QList<FileChange> &changes, const QString &fallbackTrash);

/// Puts back what @p applied changed, provided nothing touched those files since (else refuses,
/// naming the file); the trashed copies are removed from the trash.
Result<bool> undo(const AppliedChanges &applied);

} // namespace FileTransaction
