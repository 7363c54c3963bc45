// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/recentprojects.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

/// What a first start shows: open a project, try the bundled sample, or pick a recent project.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setDemoAvailable(bool available);
    /// Rebuilds the list of recent projects.
    void setRecentProjects(const QList<RecentProjects::Entry> &projects);

signals:
    void openRequested();
    void openFolderRequested();
    void demoRequested();
    void recentRequested(const QString &path, const QString &section);

private:
    QPushButton *m_demoButton;
    QLabel *m_recentTitle;
    QVBoxLayout *m_recentList;
};
