// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "mainwindow.h"

#include "aboutdialog.h"
#include "appearance.h"
#include "database/environment.h"
#include "database/environmentsession.h"
#include "detailspane.h"
#include "editorlauncher.h"
#include "environmentactions.h"
#include "environmentbar.h"
#include "graphexportdialog.h"
#include "history/revisionfilterproxy.h"
#include "history/revisionlistmodel.h"
#include "historyview.h"
#include "interpreterdialog.h"
#include "mainactions.h"
#include "noticearea.h"
#include "passwordvault.h"
#include "problemspanel.h"
#include "project/projectwatcher.h"
#include "project/recentprojects.h"
#include "projectstatusbar.h"
#include "python/pythonenvironment.h"
#include "revisioneditactions.h"
#include "revisiongraphview.h"
#include "schemadialog.h"
#include "sectiondialog.h"
#include "settingsdialog.h"
#include "sourceview.h"
#include "userguidedialog.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Page
{
    WelcomePageIndex,
    ProjectPageIndex,
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new RevisionListModel(this))
    , m_proxy(new RevisionFilterProxy(m_model, this))
    , m_watcher(new ProjectWatcher(this))
    , m_loader(new ProjectLoader(this))
    , m_vault(new PasswordVault(this))
    , m_session(new EnvironmentSession(m_vault, this))
    , m_environmentActions(new EnvironmentActions(m_session, this))
{
    connect(m_vault, &PasswordVault::keychainFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The password is kept for this session only: %1").arg(message), 8000);
    });
    setWindowTitle(tr("Retort"));
    setAcceptDrops(true);
    createViews();
    createActions();
    m_actions->leftToRight->setChecked(Appearance::savedLeftToRight());
    connect(m_loader, &ProjectLoader::loaded, this, &MainWindow::finishLoading);
    connect(m_environmentActions, &EnvironmentActions::message, statusBar(), &QStatusBar::showMessage);
    connect(m_environmentActions, &EnvironmentActions::planShown, m_graph, &RevisionGraphView::setPlanSteps);
    connect(m_watcher, &ProjectWatcher::projectChanged, this, &MainWindow::reloadProject);
    updateStatus();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

MainWindow::~MainWindow()
{
    // The children go before this object does; they must not report their teardown to a
    // half-destroyed window.
    m_graph->disconnect(this);
    m_loader->disconnect(this);
    m_view->disconnect(this);
}

void MainWindow::createActions()
{
    m_actions = std::make_unique<MainActions>(this, m_matchCount, m_search);
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::chooseProject);
    connect(m_actions->openFolder, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(m_actions->recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    connect(m_actions->openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_actions->reload, &QAction::triggered, this, &MainWindow::reloadProject);
    connect(m_actions->exportGraph, &QAction::triggered, this, &MainWindow::chooseExportFile);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_actions->findNext, &QAction::triggered, this, [this] { findNext(true); });
    connect(m_actions->findPrevious, &QAction::triggered, this, [this] { findNext(false); });
    connect(m_actions->fit, &QAction::triggered, m_graph, &RevisionGraphView::fitAll);
    connect(m_actions->zoomToSelection, &QAction::triggered, m_graph, &RevisionGraphView::zoomToSelection);
    connect(m_actions->zoomIn, &QAction::triggered, m_graph, [this] { m_graph->zoomBy(1.25); });
    connect(m_actions->zoomOut, &QAction::triggered, m_graph, [this] { m_graph->zoomBy(0.8); });
    connect(m_actions->actualSize, &QAction::triggered, m_graph, &RevisionGraphView::resetZoom);
    connect(m_actions->leftToRight, &QAction::toggled, m_graph, &RevisionGraphView::setLeftToRight);
    connect(m_actions->collapseRuns, &QAction::toggled, m_graph, &RevisionGraphView::setCollapseRuns);
    connect(m_actions->historyOrder, &QAction::triggered, m_view, &HistoryView::showHistoryOrder);
    connect(m_actions->allBranches, &QAction::triggered, m_graph, [this] { m_graph->setBranchFilter(-1); });
    connect(m_graph, &RevisionGraphView::branchFilterChanged, this, [this](int, const QSet<int> &shown) {
        m_proxy->setRevisionFilter(shown);
        m_view->updateLaneColumn();
    });
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->userGuide, &QAction::triggered, this, [this] { showUserGuide(false); });
    connect(m_actions->settings, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::leftToRightChosen, m_actions->leftToRight, &QAction::setChecked);
        dialog->open();
    });
    connect(m_actions->keyboardShortcuts, &QAction::triggered, this, [this] { showUserGuide(true); });
    connect(m_actions->upgradeHeads, &QAction::triggered, this, [this] { migrateActiveEnvironment(true, u"heads"_s); });
    connect(m_actions->upgradeOne, &QAction::triggered, this, [this] { migrateActiveEnvironment(true, u"+1"_s); });
    connect(m_actions->downgradeOne, &QAction::triggered, this, [this] { migrateActiveEnvironment(false, u"-1"_s); });
    connect(m_actions->downgradeBase, &QAction::triggered, this,
            [this] { migrateActiveEnvironment(false, u"base"_s); });
    connect(m_actions->compareSchema, &QAction::triggered, m_environmentActions,
            [this] { m_environmentActions->compareSchema(); });
    connect(m_actions->findMatchingRevision, &QAction::triggered, m_environmentActions, [this] {
        if (SchemaDialog *dialog = m_environmentActions->compareSchema())
            dialog->showMatchingRevision();
    });
    for (QAction *action : m_actions->databaseActions())
        action->setEnabled(false);

    connect(m_actions->chooseInterpreter, &QAction::triggered, this, [this] {
        auto *dialog = new InterpreterDialog(EnvironmentStore::projectKey(m_project.config()), m_projectPath, this);
        dialog->setObjectName(u"interpreterDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    m_revisionEdits = new RevisionEditActions(m_session, m_actions->undo, this);
    connect(m_revisionEdits, &RevisionEditActions::message, statusBar(), &QStatusBar::showMessage);
    connect(m_revisionEdits, &RevisionEditActions::removalShown, m_graph, &RevisionGraphView::setRemovalPreview);
    connect(m_revisionEdits, &RevisionEditActions::filesChanged, this, [this](const QStringList &paths) {
        m_watcher->noteOwnWrites(paths); // Retort's own change: reloaded here, not reported as an outside edit
        reloadProject();
    });
    connect(m_actions->deleteRevision, &QAction::triggered, this, [this] {
        if (m_currentRevision < 0 || !m_project.script(m_currentRevision))
            statusBar()->showMessage(tr("Select a revision that has a file to delete it."), 5000);
        else
            m_revisionEdits->remove(m_project, m_currentRevision);
    });
    connect(m_graph, &RevisionGraphView::contextMenuRequested, m_revisionEdits,
            [this](QMenu *menu, int revision) { m_revisionEdits->addToContextMenu(menu, m_project, revision); });

    // Copying: the whole id (cards and the list may show it shortened) and the file's path.
    connect(m_actions->copyId, &QAction::triggered, this, [this] {
        if (m_currentRevision < 0 || m_currentRevision >= m_project.map().size())
            return;
        const QString id = m_project.map().revision(m_currentRevision).id;
        QGuiApplication::clipboard()->setText(id);
        statusBar()->showMessage(tr("Copied %1.").arg(id), 3000);
    });
    connect(m_actions->copyPath, &QAction::triggered, this, [this] {
        const RevisionScript *script = m_currentRevision >= 0 ? m_project.script(m_currentRevision) : nullptr;
        if (!script) {
            statusBar()->showMessage(tr("Select a revision that has a file to copy its path."), 5000);
            return;
        }
        const QString path = QDir::toNativeSeparators(script->path);
        QGuiApplication::clipboard()->setText(path);
        statusBar()->showMessage(tr("Copied %1.").arg(path), 3000);
    });
    connect(m_graph, &RevisionGraphView::contextMenuRequested, this, [this](QMenu *menu, int) {
        menu->addSeparator();
        menu->addActions({m_actions->copyId, m_actions->copyPath, m_actions->openInEditor});
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_actions->copyId, m_actions->copyPath, m_actions->openInEditor});

    // The user's editor, at the revision's `def upgrade`.
    connect(m_actions->openInEditor, &QAction::triggered, this, [this] {
        const RevisionScript *script = m_currentRevision >= 0 ? m_project.script(m_currentRevision) : nullptr;
        if (!script) {
            statusBar()->showMessage(tr("Select a revision that has a file to open it in the editor."), 5000);
            return;
        }
        EditorLauncher::open(this, script->path, EditorLauncher::revisionLine(*script));
    });
    connect(m_actions->chooseEditor, &QAction::triggered, this, [this] {
        const RevisionScript *script = m_currentRevision >= 0 ? m_project.script(m_currentRevision) : nullptr;
        EditorLauncher::chooseEditor(this, script ? script->path : QString(),
                                     script ? EditorLauncher::revisionLine(*script) : 1);
    });
}

void MainWindow::createViews()
{
    m_model->setEnvironmentSession(m_session);
    m_view = new HistoryView(m_model, m_proxy, this);
    connect(m_view, &HistoryView::revisionSelected, this, [this](int revision) {
        if (!m_syncing)
            selectRevision(revision);
    });

    // The graph on top, the history list below it; selecting in one selects in the other.
    m_graph = new RevisionGraphView(this);
    m_graph->setObjectName(u"graphView"_s);
    m_environmentBar = new EnvironmentBar(this);
    connect(m_environmentBar, &EnvironmentBar::activeChanged, m_session, &EnvironmentSession::setActiveIndex);
    connect(m_environmentBar, &EnvironmentBar::addRequested, m_environmentActions,
            [this] { m_environmentActions->edit(-1); });
    connect(m_environmentBar, &EnvironmentBar::editRequested, m_environmentActions, &EnvironmentActions::edit);
    connect(m_environmentBar, &EnvironmentBar::removeRequested, m_environmentActions, &EnvironmentActions::remove);
    connect(m_environmentBar, &EnvironmentBar::refreshRequested, m_session,
            [this](int index) { m_session->refresh(index); });
    connect(m_session, &EnvironmentSession::changed, this, [this] {
        const int active = m_session->activeIndex();
        for (QAction *action : m_actions->databaseActions())
            action->setEnabled(active >= 0 && m_session->state(active).read);
        m_environmentBar->showSession(*m_session);
        m_graph->setEnvironmentMarks(RevisionGraphView::EnvironmentMarks::of(*m_session, m_project.map()));
        m_model->environmentsChanged();
        m_details->environmentsChanged();
        bool anyRead = false;
        for (int i = 0; i < m_session->environments().size(); ++i)
            anyRead = anyRead || m_session->state(i).read;
        m_view->setColumnHidden(RevisionListModel::DatabasesColumn, !anyRead);
        if (anyRead)
            m_view->resizeColumnToContents(RevisionListModel::DatabasesColumn);
    });
    connect(m_graph, &RevisionGraphView::contextMenuRequested, m_environmentActions,
            &EnvironmentActions::addToContextMenu);
    auto *graphArea = new QWidget(this);
    auto *graphLayout = new QVBoxLayout(graphArea);
    graphLayout->setContentsMargins(0, 0, 0, 0);
    graphLayout->setSpacing(0);
    graphLayout->addWidget(m_environmentBar);
    graphLayout->addWidget(m_graph, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(graphArea);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({480, 220});
    connect(m_graph, &RevisionGraphView::revisionSelected, this, &MainWindow::selectRevision);
    connect(m_graph, &RevisionGraphView::layoutFinished, this, &MainWindow::updateStatus);

    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseProject);
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openProject);
    m_welcome->setRecentProjects(RecentProjects::entries());
    m_welcome->setDemoAvailable(false);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(WelcomePageIndex, m_welcome);
    m_pages->insertWidget(ProjectPageIndex, splitter);
    // Failures show above the pages, in the window, not in boxes that block it.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_notices = new NoticeArea(central);
    centralLayout->addWidget(m_notices);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_details = new DetailsPane(this);
    m_details->setObjectName(u"detailsPane"_s);
    m_details->setEnvironmentSession(m_session);
    connect(m_details, &DetailsPane::revisionLinkActivated, this, &MainWindow::selectRevision);
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(u"detailsDock"_s);
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    connect(m_graph, &RevisionGraphView::revisionActivated, this, [this, detailsDock](int revision) {
        selectRevision(revision);
        detailsDock->show();
        detailsDock->raise();
        m_details->source()->showTab(SourceView::Tab::Upgrade);
        m_details->source()->setFocus(Qt::OtherFocusReason);
    });

    m_problems = new ProblemsPanel(this);
    connect(m_problems, &ProblemsPanel::evaluateRequested, this, &MainWindow::askToEvaluateWithPython);
    connect(m_problems, &ProblemsPanel::revisionActivated, this, [this](int revision, int line) {
        selectRevision(revision);
        m_details->showLine(line);
    });
    connect(m_problems, &ProblemsPanel::fileActivated, this,
            [this](const QString &path, int line, const QString &message) {
                selectRevision(-1);
                m_details->showFile(path, line, message);
            });
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    resizeDocks({detailsDock}, {440}, Qt::Horizontal);
    resizeDocks({problemsDock}, {110}, Qt::Vertical);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchField"_s);
    m_search->setAccessibleName(tr("Search revisions"));
    m_search->setPlaceholderText(tr("Search id, message or label (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_search->setMaximumWidth(360);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::onSearchChanged);
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { findNext(!(QApplication::keyboardModifiers() & Qt::ShiftModifier)); });
    m_matchCount = new QLabel(this);
    m_matchCount->setObjectName(u"matchCountLabel"_s);
    m_matchCount->setContentsMargins(8, 0, 8, 0);

    m_statusBar = new ProjectStatusBar(this);
    connect(m_statusBar, &ProjectStatusBar::cancelRequested, this, &MainWindow::cancelLoading);
    setStatusBar(m_statusBar);
}

QTreeView *MainWindow::historyView() const
{
    return m_view;
}

void MainWindow::setDemoProjectPath(const QString &path)
{
    m_demoPath = path;
    m_actions->openDemo->setEnabled(!path.isEmpty());
    m_welcome->setDemoAvailable(!path.isEmpty());
}

void MainWindow::openProject(const QString &path, const QString &section)
{
    const QFileInfo info(path);
    QString target = info.absoluteFilePath();
    QString chosen = section;
    m_selectFile.clear();
    if (info.isFile() && info.suffix() == u"py"_s) {
        const Result<ProjectConfig> owner = findOwningProject(target);
        if (!owner) {
            showOpenError(target, owner.error());
            emit projectOpened(false);
            return;
        }
        m_selectFile = target;
        target = owner->openPath();
        chosen = owner->section;
    }
    if (chosen.isEmpty()) {
        const QStringList sections = configSections(target);
        if (sections.size() > 1) {
            askForSection(target, sections);
            return;
        }
        // A single section not named [alembic] is what the user means; alembic would need -n.
        chosen = sections.value(0, u"alembic"_s);
    }
    loadInBackground(target, chosen, false);
}

void MainWindow::askForSection(const QString &iniPath, const QStringList &sections)
{
    // Window-modal but not blocking: a drop or the command line carries on.
    auto *dialog = new SectionDialog(configIniFile(iniPath), sections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, iniPath](int result) {
        if (result == QDialog::Accepted && !dialog->section().isEmpty()) {
            loadInBackground(iniPath, dialog->section(), false);
        } else {
            m_selectFile.clear();
            emit projectOpened(false);
        }
    });
    dialog->open();
}

void MainWindow::reloadProject()
{
    if (!m_projectPath.isEmpty())
        loadInBackground(m_projectPath, m_project.config().section, true);
}

void MainWindow::loadInBackground(const QString &path, const QString &section, bool reload)
{
    m_loadingReload = reload;
    statusBar()->showMessage(reload ? tr("Reloading…") : tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_statusBar->showReading();
    m_loader->load(path, section, reload);
}

void MainWindow::cancelLoading()
{
    if (!m_loader->isLoading())
        return;
    m_loader->cancel();
    m_statusBar->hideReading();
    m_selectFile.clear();
    if (m_loadingReload) {
        // The files changed (perhaps by Retort itself): what is shown is stale until read again.
        showReloadWarning(tr("Reading the changed files was cancelled."));
    } else {
        statusBar()->showMessage(m_projectPath.isEmpty()
                                     ? tr("Stopped reading.")
                                     : tr("Stopped reading; the project shown is as it was read before."),
                                 8000);
    }
    emit projectOpened(false);
}

void MainWindow::showOpenError(const QString &path, const QString &message)
{
    // A banner, not a box: the caller (a drop, the command line, a scripted screenshot) carries
    // on, and the current project stays open below the message.
    Notice notice;
    notice.id = u"openError"_s;
    notice.title = tr("Cannot Open Project");
    // Most reasons name the file already; the others get it said first.
    if (!message.contains(QDir::toNativeSeparators(path)))
        notice.text = tr("Retort could not open %1:").arg(QDir::toNativeSeparators(path));
    notice.actions.append({tr("Open Another…"), [this] { chooseProject(); }, u"openAnotherButton"_s});
    m_notices->post(Notice::because(notice, message));
}

void MainWindow::showReloadWarning(const QString &reason)
{
    Notice notice;
    notice.id = u"reloadError"_s;
    notice.level = Notice::Level::Warning;
    notice.title = tr("Cannot Reload Project");
    notice.text = tr("The history shown is the one read before. Fix the files, or reload; Retort reloads when "
                     "they change. The reason:");
    notice.actions.append({tr("Reload"), [this] { reloadProject(); }, u"reloadAgainButton"_s});
    m_notices->post(Notice::because(notice, reason));
}

void MainWindow::finishLoading(const ProjectLoader::Outcome &outcome)
{
    statusBar()->clearMessage();
    m_statusBar->hideReading();
    if (!outcome.loaded) {
        if (outcome.reload) {
            // The project as it was stays, and says so: what is shown is no longer what is on disk.
            showReloadWarning(outcome.loaded.error());
            emit projectOpened(false);
            return;
        }
        m_selectFile.clear();
        showOpenError(outcome.path, outcome.loaded.error());
        emit projectOpened(false);
        return;
    }
    const QString selectedId =
        outcome.reload && m_currentRevision >= 0 ? m_project.map().revision(m_currentRevision).id : QString();
    m_project = outcome.loaded->project;
    m_projectPath = outcome.path;
    // What the banners said is no longer true: about the project before, or about not reading this one.
    if (outcome.reload) {
        m_notices->dismiss(u"openError"_s);
        m_notices->dismiss(u"reloadError"_s);
    } else {
        m_notices->clear();
    }
    // Watching lists every file (65 ms for 10,000): a turn of the event loop of its own.
    QTimer::singleShot(0, this, [this, project = m_project] { m_watcher->watch(project); });
    if (!outcome.reload) {
        m_revisionEdits->forget();
        RecentProjects::add(m_projectPath, m_project.config().section);
        m_welcome->setRecentProjects(RecentProjects::entries());
        // Opening reads the environments and their URLs: a turn of its own too.
        QTimer::singleShot(0, m_session, [this] { m_session->open(&m_project); });
    } else {
        m_session->historyChanged(); // same databases, new history: their rows mean something else now
    }
    m_syncing = true;
    m_model->setProject(m_project, outcome.loaded->rows);
    m_details->setProject(m_project);
    m_currentRevision = -1;
    m_syncing = false;
    m_graph->setProject(m_project, outcome.reload);
    m_proxy->setSearchText(m_search->text());
    m_graph->setSearchText(m_search->text());
    m_pages->setCurrentIndex(ProjectPageIndex);
    const QString section = m_project.config().section;
    setWindowTitle(section == u"alembic"_s
                       ? tr("Retort — %1").arg(QDir::toNativeSeparators(m_projectPath))
                       : tr("Retort — %1 [%2]").arg(QDir::toNativeSeparators(m_projectPath), section));
    // Sizing the columns measures rows (25 ms at 10,000): after the window has painted.
    QTimer::singleShot(0, m_view, &HistoryView::fitColumns);
    const int keep = m_project.map().indexOf(selectedId);
    if (keep >= 0)
        selectRevision(keep);
    else if (m_proxy->rowCount() > 0)
        selectRevision(m_proxy->revisionAt(0));
    if (!outcome.reload)
        selectOpenedFile();
    showProblems();
    updateStatus();
    emit projectOpened(true);
}

void MainWindow::openDemo()
{
    if (m_demoPath.isEmpty()) {
        Notice notice;
        notice.id = u"openError"_s;
        notice.title = tr("Cannot Open Demo");
        notice.text = tr("The sample project is not installed next to Retort.");
        m_notices->post(notice);
        return;
    }
    const QString ini = QDir(m_demoPath).filePath(u"alembic.ini"_s);
    openProject(QFileInfo::exists(ini) ? ini : m_demoPath);
}

void MainWindow::selectRevision(int revision)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_currentRevision = revision;
    if (m_graph->selectedRevision() != revision)
        m_graph->selectRevision(revision);
    m_view->showRevision(revision);
    if (m_details->revision() != revision)
        m_details->setRevision(revision);
    m_syncing = false;
}

void MainWindow::onSearchChanged(const QString &text)
{
    m_proxy->setSearchText(text);
    m_view->updateLaneColumn();
    const int matches = m_graph->setSearchText(text);
    m_matchCount->setText(text.trimmed().isEmpty() ? QString() : tr("%n matches", nullptr, matches));
    // Keep the selection visible in the list if it still matches.
    const int row = m_proxy->rowOf(m_currentRevision);
    if (row >= 0)
        m_view->scrollTo(m_proxy->index(row, 0));
}

void MainWindow::findNext(bool forward)
{
    const int revision = m_graph->jumpToMatch(forward);
    if (revision >= 0)
        selectRevision(revision);
}

void MainWindow::chooseProject()
{
    const QString start = m_projectPath.isEmpty() ? QDir::homePath() : QFileInfo(m_projectPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Alembic Project"), start,
        tr("Alembic configuration or revision (alembic.ini *.ini pyproject.toml *.py);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseFolder()
{
    const QString start = m_projectPath.isEmpty() ? QDir::homePath() : QFileInfo(m_projectPath).absolutePath();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Alembic Project Folder"), start);
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::selectOpenedFile()
{
    if (m_selectFile.isEmpty())
        return;
    const QFileInfo wanted(m_selectFile);
    m_selectFile.clear();
    const QString name = wanted.fileName();
    for (int revision = 0; revision < m_project.map().size(); ++revision) {
        // The names first: comparing real paths costs a system call per file.
        const RevisionScript *script = m_project.script(revision);
        if (script && script->fileName == name &&
            QFileInfo(script->path).canonicalFilePath() == wanted.canonicalFilePath()) {
            selectRevision(revision);
            return;
        }
    }
    statusBar()->showMessage(tr("%1 is not part of the history Retort read; the problems list may say why.")
                                 .arg(QDir::toNativeSeparators(wanted.filePath())),
                             8000);
}

bool MainWindow::exportGraph(const QString &path, QString *error)
{
    return GraphExportDialog::exportTo(*m_graph, m_project, path, error);
}

void MainWindow::chooseExportFile()
{
    const QString path = GraphExportDialog::ask(this, *m_graph, m_project, m_projectPath);
    if (!path.isEmpty())
        statusBar()->showMessage(tr("Exported the graph to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::showAbout()
{
    AboutDialog::show(this);
}

void MainWindow::showUserGuide(bool shortcuts)
{
    auto *guide = findChild<UserGuideDialog *>();
    if (!guide)
        guide = new UserGuideDialog(menuBar(), this);
    guide->show();
    guide->raise();
    guide->activateWindow();
    if (shortcuts)
        guide->showShortcuts();
}

void MainWindow::showProblems()
{
    m_problems->showProblems(m_project, m_project.hasUnknownHeaders() && !evaluatesWithPython());
}

bool MainWindow::evaluatesWithPython() const
{
    return ProjectLoader::evaluatesWithPython(m_projectPath);
}

void MainWindow::setEvaluateWithPython(bool evaluate)
{
    if (m_projectPath.isEmpty())
        return;
    ProjectLoader::setEvaluatesWithPython(m_projectPath, evaluate);
    reloadProject();
}

void MainWindow::askToEvaluateWithPython()
{
    const QString python = PythonEnvironment::findInterpreter(m_projectPath);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Evaluate with Python"),
                                tr("Run the revision files whose header values Retort cannot work out in %1?")
                                    .arg(QDir::toNativeSeparators(python)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"evaluateConsentBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("They are loaded the way alembic loads them, so their module-level code runs, "
                               "with a time limit and without writing anything. Retort remembers the choice for "
                               "this project."));
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            setEvaluateWithPython(true);
    });
    box->open();
}

void MainWindow::updateStatus()
{
    for (QAction *action : m_actions->projectActions())
        action->setEnabled(!m_projectPath.isEmpty());
    m_search->setEnabled(!m_projectPath.isEmpty());
    if (m_projectPath.isEmpty()) {
        m_statusBar->showNoProject();
        return;
    }
    m_statusBar->showProject(m_project, m_projectPath);
    if (!m_graph->layoutError().isEmpty())
        statusBar()->showMessage(m_graph->layoutError());
    else if (!m_graph->layoutNote().isEmpty())
        statusBar()->showMessage(m_graph->layoutNote());
}

void MainWindow::updateRecentMenu()
{
    m_actions->recentMenu->clear();
    const QList<RecentProjects::Entry> projects = RecentProjects::entries();
    for (const RecentProjects::Entry &project : projects) {
        const QString path = QDir::toNativeSeparators(project.path);
        m_actions->recentMenu->addAction(project.section == u"alembic"_s ? path
                                                                         : tr("%1 [%2]").arg(path, project.section),
                                         this, [this, project] { openProject(project.path, project.section); });
    }
    if (projects.isEmpty())
        m_actions->recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_actions->recentMenu->addSeparator();
    m_actions->recentMenu->addAction(tr("&Clear Menu"), this, [this] {
        RecentProjects::clear();
        m_welcome->setRecentProjects({});
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openProject(urls.first().toLocalFile());
}

void MainWindow::stampActiveEnvironment(const QStringList &targets)
{
    m_environmentActions->stampActive(targets);
}

MigrationDialog *MainWindow::migrateActiveEnvironment(bool upgrade, const QString &target)
{
    return m_environmentActions->migrateActive(upgrade, target);
}
