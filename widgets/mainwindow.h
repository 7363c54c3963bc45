// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QMainWindow>
#include <QString>

class QAction;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTreeView;
class RevisionGraphView;
class RevisionListModel;
struct Diagnostic;

/// The main window: the history of one project as a list, its problems and the selected revision.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The bundled sample project behind File ▸ Open Demo; the action is disabled while empty.
    void setDemoProjectPath(const QString &path);
    QString demoProjectPath() const { return m_demoPath; }

    /// Opens an alembic.ini, a pyproject.toml or a folder. On failure a message box names the
    /// problem and the current project stays open.
    bool openProject(const QString &path);
    bool openDemo();
    /// The absolute path of the open project, empty when none is open.
    QString projectPath() const { return m_projectPath; }
    RevisionListModel *revisionModel() const { return m_model; }
    RevisionGraphView *graphView() const { return m_graph; }

private:
    void createActions();
    void createViews();
    void chooseProject();
    void showAbout();
    void showProblems();
    void updateStatus();
    void updateDetails();

    RevisionListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    RevisionGraphView *m_graph = nullptr;
    QListWidget *m_problems = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_revisionCount = nullptr;
    QLabel *m_headCount = nullptr;
    QAction *m_openDemoAction = nullptr;
    QString m_demoPath;
    QString m_projectPath;
};
