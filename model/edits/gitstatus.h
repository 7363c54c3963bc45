// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// What git knows about files about to be deleted or edited: whether they are committed, and on which
/// branches (a remote one means pushed, so other checkouts may have applied the revision).
struct GitFileState
{
    enum class State
    {
        Untracked,
        Changed,  ///< tracked, with changes not committed
        Committed ///< as committed
    };
    QString path;
    State state = State::Untracked;
    QStringList branches; ///< branches whose history holds the commit that added the file
    bool pushed = false;  ///< one of them is a remote-tracking branch
};

struct GitStatus
{
    bool inWorkTree = false;
    QString error;         ///< git could not be asked (not installed, timed out); empty otherwise
    QString currentBranch; ///< empty when HEAD is detached
    QList<GitFileState> files;

    /// One line per file that is pushed or on branches other than the current one: a database
    /// migrated from elsewhere may have it applied.
    QStringList warnings() const;
    /// One line per file saying whether it is committed, for the preview.
    QStringList notes() const;
    /// Asks git (a few short runs, never per file) about @p paths, which live in one folder tree.
    static GitStatus of(const QStringList &paths);
};
