// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QStatusBar>

class Project;
class QLabel;

/// The window's status bar: which configuration and script folder the project was read from,
/// its revision count and its heads (in the warning colour when `upgrade head` would refuse).
class ProjectStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ProjectStatusBar(QWidget *parent = nullptr);

    /// Describes @p project, opened from @p path.
    void showProject(const Project &project, const QString &path);
    void showNoProject();

private:
    QLabel *m_pathLabel;
    QLabel *m_revisionCount;
    QLabel *m_headCount;
};
