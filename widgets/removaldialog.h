// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "edits/filetransaction.h"
#include "edits/gitstatus.h"
#include "edits/revisionremoval.h"
#include "project/project.h"

#include <QDialog>

class EnvironmentSession;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

/// The preview before a revision file is deleted: how its children are treated, every file
/// deleted or edited, what each environment has applied (read again now), whether git has the
/// files, and the warnings to acknowledge. Delete writes all files or none.
class RemovalDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p session (its environments are read again) must outlive the dialog.
    RemovalDialog(const Project &project, EnvironmentSession *session, int revision, QWidget *parent = nullptr);

    /// What was written; valid once the dialog was accepted.
    const AppliedChanges &applied() const { return m_applied; }
    /// "Delete b", for Edit ▸ Undo.
    QString actionText() const;
    /// Whether the environments and git were read and the plan is shown.
    bool isChecked() const { return m_checked; }
    /// Map indexes of the revisions the plan shown removes, and of those whose files it edits.
    QList<int> removedRevisions() const;
    QList<int> editedRevisions() const;

signals:
    /// The environments and git were read; the plan shown is final for the chosen mode.
    void checksFinished();
    /// The plan was made again (another mode, the checks' answers).
    void planChanged();

private:
    void startChecks();
    /// Makes the plan for the chosen mode again (it reads the files it would edit).
    void replan();
    void updateDeleteButton();
    void remove();

    Project m_project;
    EnvironmentSession *m_session;
    QString m_revision;
    QList<EnvironmentRows> m_environments;
    GitStatus m_git;
    bool m_checked = false;
    bool m_hasWarnings = false;
    RemovalPlan m_plan;
    AppliedChanges m_applied;
    QRadioButton *m_alone;
    QRadioButton *m_withDescendants;
    QRadioButton *m_reparent;
    QCheckBox *m_moveLabels;
    QPlainTextEdit *m_details;
    QLabel *m_warnings;
    QCheckBox *m_acknowledge;
    QLabel *m_error;
    QPushButton *m_deleteButton;
};
