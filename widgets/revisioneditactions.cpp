// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisioneditactions.h"

#include "noticearea.h"
#include "project/project.h"
#include "removaldialog.h"

#include <QAction>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace {

QStringList pathsOf(const AppliedChanges &applied)
{
    QStringList paths;
    for (const FileChange &change : applied.changes)
        paths.append(change.path);
    return paths;
}

} // namespace

RevisionEditActions::RevisionEditActions(EnvironmentSession *session, QAction *undo, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_undo(undo)
    , m_window(window)
{
    connect(m_undo, &QAction::triggered, this, &RevisionEditActions::undo);
    forget();
}

RemovalDialog *RevisionEditActions::remove(const Project &project, int revision)
{
    if (!project.script(revision))
        return nullptr;
    auto *dialog = new RemovalDialog(project, m_session, revision, m_window);
    dialog->setObjectName(u"removalDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        emit removalShown({}, {}); // the files change now: the old map's indexes mean nothing after the reload
        setLast(dialog->applied(), dialog->actionText());
        emit message(tr("%1: done. Edit ▸ Undo puts the files back.").arg(dialog->actionText()), 10000);
        emit filesChanged(pathsOf(dialog->applied()));
    });
    // What goes and what changes, on the graph while the preview is open.
    connect(dialog, &RemovalDialog::planChanged, this,
            [this, dialog] { emit removalShown(dialog->removedRevisions(), dialog->editedRevisions()); });
    connect(dialog, &QObject::destroyed, this, [this] { emit removalShown({}, {}); });
    emit removalShown(dialog->removedRevisions(), dialog->editedRevisions());
    dialog->open();
    return dialog;
}

void RevisionEditActions::addToContextMenu(QMenu *menu, const Project &project, int revision)
{
    if (!project.script(revision))
        return;
    menu->addSeparator();
    menu->addAction(tr("Delete Revision…"), this, [this, project, revision] { remove(project, revision); });
}

void RevisionEditActions::undo()
{
    if (m_last.isEmpty())
        return;
    const Result<bool> undone = FileTransaction::undo(m_last);
    Notice notice;
    notice.id = u"undoError"_s;
    if (!undone) {
        notice.title = tr("Cannot Undo");
        NoticeArea::report(m_window, Notice::because(notice, undone.error()));
        return;
    }
    NoticeArea::withdraw(m_window, notice.id);
    const QString text = m_undo->data().toString();
    const QStringList paths = pathsOf(m_last);
    forget();
    emit message(tr("Undone: %1").arg(text), 8000);
    emit filesChanged(paths);
}

void RevisionEditActions::forget()
{
    setLast({}, {});
}

void RevisionEditActions::setLast(const AppliedChanges &applied, const QString &text)
{
    m_last = applied;
    m_undo->setEnabled(!applied.isEmpty());
    m_undo->setData(text);
    m_undo->setText(applied.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
}
