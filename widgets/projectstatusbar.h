// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QStatusBar>

class Project;
class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

/// The window's status bar: which configuration and script folder the project was read from,
/// its revision count and its heads (in the warning colour when `upgrade head` would refuse); while
/// a project is read, a busy bar and Cancel.
class ProjectStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ProjectStatusBar(QWidget *parent = nullptr);

    /// Describes @p project, opened from @p path.
    void showProject(const Project &project, const QString &path);
    void showNoProject();
    /// A busy bar and a Cancel button, once reading has taken long enough to notice.
    void showReading();
    void hideReading();
    QToolButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    QLabel *m_pathLabel;
    QLabel *m_revisionCount;
    QLabel *m_headCount;
    QProgressBar *m_busy;
    QToolButton *m_cancel;
    QTimer *m_busyDelay;
};
