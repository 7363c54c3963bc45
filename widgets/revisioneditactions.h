// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "edits/filetransaction.h"

#include <QObject>
#include <QStringList>

class EnvironmentSession;
class Project;
class QAction;
class QMenu;
class QWidget;
class RemovalDialog;

/// What the user does to the revision files from the window: deleting or re-parenting a revision
/// through its preview, and Edit ▸ Undo of the last such change, byte for byte.
class RevisionEditActions : public QObject
{
    Q_OBJECT
public:
    /// @p undo is Edit ▸ Undo; @p session must outlive this object.
    RevisionEditActions(EnvironmentSession *session, QAction *undo, QWidget *window);

    /// Opens the deletion preview of map index @p revision of @p project (a copy is kept); returns
    /// the dialog (for tests), nullptr for a revision without a file.
    RemovalDialog *remove(const Project &project, int revision);
    /// Offers "Delete Revision…" for map index @p revision in the graph's context @p menu.
    void addToContextMenu(QMenu *menu, const Project &project, int revision);
    /// Puts back what the last deletion changed, when nothing touched those files since.
    void undo();
    /// Another project was opened: its files cannot be undone from here.
    void forget();

signals:
    /// Retort wrote, replaced or removed @p paths: the watcher must not take them for outside edits,
    /// and the project must be read again.
    void filesChanged(const QStringList &paths);
    /// A line for the status bar.
    void message(const QString &text, int timeoutMs);
    /// The deletion preview shows these (map indexes); empty lists when it closed.
    void removalShown(const QList<int> &removed, const QList<int> &edited);

private:
    void setLast(const AppliedChanges &applied, const QString &text);

    EnvironmentSession *m_session;
    QAction *m_undo;
    QWidget *m_window;
    AppliedChanges m_last;
};
