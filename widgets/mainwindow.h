// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/project.h"
#include "project/projectloader.h"

#include <QMainWindow>
#include <QString>

#include <memory>

class DetailsPane;
class EnvironmentActions;
class EnvironmentBar;
class EnvironmentSession;
class HistoryView;
class MainActions;
class NoticeArea;
class PasswordVault;
class ProblemsPanel;
class ProjectStatusBar;
class ProjectWatcher;
class RevisionEditActions;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;
class RevisionFilterProxy;
class RevisionGraphView;
class RevisionListModel;
class WelcomePage;

/// The main window: a project's revision graph above its history list, the selected revision's
/// details and source on the right, its problems below; a welcome page while no project is open.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The bundled sample project behind File ▸ Open Demo; the action is disabled while empty.
    void setDemoProjectPath(const QString &path);
    QString demoProjectPath() const { return m_demoPath; }

    /// Opens an alembic.ini, a pyproject.toml or a folder, reading @p section of an ini (as
    /// `alembic -n` does). Without a section, an ini with several alembic sections asks which
    /// one (a window-modal dialog); with one, that one is read. A revision file (`.py`) opens the
    /// project it belongs to, in the section that reads it, and selects it. Reading happens in the
    /// background; projectOpened() follows (false when the choice is cancelled). On failure a
    /// banner names the problem and the current project stays open.
    void openProject(const QString &path, const QString &section = {});
    void openDemo();
    /// Reads the open project again, keeping the selection and the view (used when files change).
    void reloadProject();
    /// Stops waiting for the project being read (Cancel in the status bar); projectOpened(false)
    /// follows and the project shown, if any, stays.
    void cancelLoading();
    /// The absolute path of the open project, empty when none is open.
    QString projectPath() const { return m_projectPath; }
    const Project &project() const { return m_project; }
    /// Whether the open project's header values Retort cannot work out natively are evaluated by
    /// its Python. The user's consent, remembered per project; setting it reloads the project.
    bool evaluatesWithPython() const;
    void setEvaluateWithPython(bool evaluate);
    /// Asks for consent to run the project's revision files in its Python, then evaluates.
    void askToEvaluateWithPython();
    RevisionListModel *revisionModel() const { return m_model; }
    RevisionGraphView *graphView() const { return m_graph; }
    DetailsPane *detailsPane() const { return m_details; }
    QTreeView *historyView() const;
    QLineEdit *searchField() const { return m_search; }
    /// Selects map index @p revision in the graph, the list and the details.
    void selectRevision(int revision);
    int currentRevision() const { return m_currentRevision; }
    /// Writes the current graph to @p path as SVG, PNG or DOT, chosen by the file's suffix.
    bool exportGraph(const QString &path, QString *error = nullptr);

    /// The project's databases and where each stands.
    EnvironmentSession *environmentSession() const { return m_session; }
    /// Opens the stamp preview for the active environment at @p revision (window-modal).
    void stampActiveEnvironment(const QStringList &targets);
    /// Opens the upgrade or downgrade of the active environment to @p target (window-modal); the
    /// dialog, or nullptr when no environment was read.
    class MigrationDialog *migrateActiveEnvironment(bool upgrade, const QString &target);
    EnvironmentBar *environmentBar() const { return m_environmentBar; }
    /// The banners that tell failures, above the graph.
    NoticeArea *notices() const { return m_notices; }
    RevisionEditActions *revisionEditActions() const { return m_revisionEdits; }

signals:
    void projectOpened(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createViews();
    void loadInBackground(const QString &path, const QString &section, bool reload);
    void showOpenError(const QString &path, const QString &message);
    /// The history shown is stale (the files changed and were not read again), because of @p reason.
    void showReloadWarning(const QString &reason);
    void askForSection(const QString &iniPath, const QStringList &sections);
    void selectOpenedFile();
    void finishLoading(const ProjectLoader::Outcome &outcome);
    void chooseProject();
    void chooseFolder();
    void chooseExportFile();
    void showAbout();
    /// The user guide, in one window however often asked for; at its shortcuts with @p shortcuts.
    void showUserGuide(bool shortcuts);
    void showProblems();
    void updateStatus();
    void updateRecentMenu();
    void onSearchChanged(const QString &text);
    void findNext(bool forward);

    Project m_project;
    RevisionListModel *m_model;
    RevisionFilterProxy *m_proxy;
    QStackedWidget *m_pages = nullptr;
    NoticeArea *m_notices = nullptr;
    WelcomePage *m_welcome = nullptr;
    HistoryView *m_view = nullptr;
    RevisionGraphView *m_graph = nullptr;
    ProblemsPanel *m_problems = nullptr;
    DetailsPane *m_details = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matchCount = nullptr;
    ProjectStatusBar *m_statusBar = nullptr;
    std::unique_ptr<MainActions> m_actions;
    ProjectWatcher *m_watcher;
    ProjectLoader *m_loader;
    QString m_demoPath;
    QString m_projectPath;
    QString m_selectFile; ///< the revision file whose opening is under way, selected once it is open
    int m_currentRevision = -1;
    bool m_syncing = false;
    bool m_loadingReload = false; ///< what is being read is the open project again

    EnvironmentBar *m_environmentBar = nullptr;
    PasswordVault *m_vault;
    EnvironmentSession *m_session;
    EnvironmentActions *m_environmentActions;
    RevisionEditActions *m_revisionEdits = nullptr;
};
