// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "mainwindow.h"

#include "backgroundjob.h"
#include "database/databasejobs.h"
#include "database/databaseurl.h"
#include "database/environmentsession.h"
#include "detailspane.h"
#include "drawing/graphexporter.h"
#include "environmentbar.h"
#include "environmentdialog.h"
#include "graph/graphexport.h"
#include "history/checks.h"
#include "history/revisionfilterproxy.h"
#include "history/revisionlistmodel.h"
#include "historylanedelegate.h"
#include "passwordvault.h"
#include "printabletext.h"
#include "project/projectwatcher.h"
#include "project/recentprojects.h"
#include "python/pythonenvironment.h"
#include "revisiongraphview.h"
#include "sourceview.h"
#include "stampdialog.h"
#include "welcomepage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "retort-config.h"

using namespace Qt::StringLiterals;

struct MainWindow::LoadOutcome
{
    QString path;
    Project project;
    RevisionListModel::Rows rows; ///< the history list's, computed here too: seconds for big histories
    QString error;
    bool ok = false;
    bool reload = false;
};

namespace {

/// Bold heads, dimmed ghosts and a fixed-pitch revision column.
class RevisionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int flags = index.data(RevisionListModel::FlagsRole).toInt();
        if (index.column() == RevisionListModel::RevisionColumn) {
            QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            fixed.setPointSizeF(option->font.pointSizeF());
            option->font = fixed;
        }
        if (flags & RevisionListModel::Head)
            option->font.setBold(true);
        if (flags & RevisionListModel::Ghost) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

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
    , m_loader(new QFutureWatcher<LoadOutcome>(this))
    , m_vault(new PasswordVault(this))
    , m_session(new EnvironmentSession(m_vault, this))
{
    connect(m_vault, &PasswordVault::keychainFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The password is kept for this session only: %1").arg(message), 8000);
    });
    setWindowTitle(tr("Retort"));
    setAcceptDrops(true);
    createViews();
    createActions();
    connect(m_loader, &QFutureWatcher<LoadOutcome>::finished, this,
            [this] { finishLoading(m_loader->future().result()); });
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
    m_view->selectionModel()->disconnect(this);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(QIcon::fromTheme(u"document-open"_s, style()->standardIcon(QStyle::SP_DialogOpenButton)));
    openAction->setToolTip(tr("Open an alembic.ini, a pyproject.toml or a migrations folder"));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_openDemoAction = fileMenu->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    m_openDemoAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_openDemoAction->setToolTip(tr("Open the bundled sample project"));
    m_openDemoAction->setEnabled(false);
    QAction *reloadAction = fileMenu->addAction(tr("Re&load"), this, &MainWindow::reloadProject);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setIcon(QIcon::fromTheme(u"view-refresh"_s, style()->standardIcon(QStyle::SP_BrowserReload)));
    fileMenu->addSeparator();
    QAction *exportAction = fileMenu->addAction(tr("&Export Graph…"), this, &MainWindow::chooseExportFile);
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    exportAction->setIcon(QIcon::fromTheme(u"document-export"_s, style()->standardIcon(QStyle::SP_DialogSaveButton)));
    exportAction->setToolTip(tr("Save the graph as SVG, PNG or Graphviz DOT"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *findAction = editMenu->addAction(tr("&Find…"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    findAction->setShortcut(QKeySequence::Find);
    QAction *findNextAction = editMenu->addAction(tr("Find &Next"), this, [this] { findNext(true); });
    findNextAction->setShortcut(QKeySequence::FindNext);
    QAction *findPreviousAction = editMenu->addAction(tr("Find &Previous"), this, [this] { findNext(false); });
    findPreviousAction->setShortcut(QKeySequence::FindPrevious);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *fitAction = viewMenu->addAction(tr("&Fit to Window"), m_graph, &RevisionGraphView::fitAll);
    fitAction->setShortcut(Qt::CTRL | Qt::Key_9);
    fitAction->setIcon(QIcon::fromTheme(u"zoom-fit-best"_s));
    QAction *zoomSelectionAction =
        viewMenu->addAction(tr("Zoom to &Selection"), m_graph, &RevisionGraphView::zoomToSelection);
    zoomSelectionAction->setShortcut(Qt::CTRL | Qt::Key_8);
    zoomSelectionAction->setIcon(QIcon::fromTheme(u"zoom-select"_s));
    QAction *zoomInAction = viewMenu->addAction(tr("Zoom &In"), this, [this] { m_graph->zoomBy(1.25); });
    zoomInAction->setShortcut(QKeySequence::ZoomIn);
    zoomInAction->setIcon(QIcon::fromTheme(u"zoom-in"_s));
    QAction *zoomOutAction = viewMenu->addAction(tr("Zoom &Out"), this, [this] { m_graph->zoomBy(0.8); });
    zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    zoomOutAction->setIcon(QIcon::fromTheme(u"zoom-out"_s));
    QAction *actualSizeAction = viewMenu->addAction(tr("&Actual Size"), m_graph, &RevisionGraphView::resetZoom);
    actualSizeAction->setShortcut(Qt::CTRL | Qt::Key_0);
    actualSizeAction->setIcon(QIcon::fromTheme(u"zoom-original"_s));
    viewMenu->addSeparator();
    QAction *leftToRightAction = viewMenu->addAction(tr("&Left to Right"));
    leftToRightAction->setObjectName(u"leftToRightAction"_s);
    leftToRightAction->setCheckable(true);
    leftToRightAction->setToolTip(tr("Draw the history from left to right instead of bottom to top"));
    connect(leftToRightAction, &QAction::toggled, m_graph, &RevisionGraphView::setLeftToRight);
    QAction *collapseAction = viewMenu->addAction(tr("&Collapse Long Runs"));
    collapseAction->setObjectName(u"collapseRunsAction"_s);
    collapseAction->setCheckable(true);
    collapseAction->setChecked(true);
    collapseAction->setToolTip(tr("In histories of over %1 revisions, show runs of plain revisions as one card")
                                   .arg(GraphPicture::CollapseAbove));
    connect(collapseAction, &QAction::toggled, m_graph, &RevisionGraphView::setCollapseRuns);
    QAction *historyOrderAction = viewMenu->addAction(tr("List in &History Order"), this, [this] {
        m_view->sortByColumn(-1, Qt::AscendingOrder);
        m_view->header()->setSortIndicatorShown(false);
        updateLaneColumn();
    });
    QAction *allBranchesAction =
        viewMenu->addAction(tr("Show All &Branches"), this, [this] { m_graph->setBranchFilter(-1); });
    viewMenu->addSeparator();
    const auto docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        viewMenu->addAction(dock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);

    m_projectActions = {reloadAction,       exportAction,      findAction,          findNextAction,
                        findPreviousAction, fitAction,         zoomSelectionAction, zoomInAction,
                        zoomOutAction,      actualSizeAction,  leftToRightAction,   collapseAction,
                        allBranchesAction,  historyOrderAction};

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(openAction);
    toolBar->addAction(reloadAction);
    toolBar->addAction(exportAction);
    toolBar->addSeparator();
    toolBar->addAction(fitAction);
    toolBar->addAction(zoomSelectionAction);
    toolBar->addAction(leftToRightAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_matchCount);
    toolBar->addWidget(m_search);
}

void MainWindow::createViews()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"revisionView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new RevisionDelegate(m_view));
    m_view->setItemDelegateForColumn(RevisionListModel::LaneColumn, new HistoryLaneDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // history order until a header is clicked
    m_view->header()->setSortIndicatorShown(false);
    connect(m_view->header(), &QHeaderView::sortIndicatorChanged, this, [this] {
        m_view->header()->setSortIndicatorShown(true);
        updateLaneColumn();
    });
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setResizeContentsPrecision(200); // rows sampled when sizing columns
    m_view->header()->setSectionResizeMode(RevisionListModel::MessageColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onListSelectionChanged);

    // The graph on top, the history list below it; selecting in one selects in the other.
    m_graph = new RevisionGraphView(this);
    m_graph->setObjectName(u"graphView"_s);
    m_environmentBar = new EnvironmentBar(this);
    connect(m_environmentBar, &EnvironmentBar::activeChanged, m_session, &EnvironmentSession::setActiveIndex);
    connect(m_environmentBar, &EnvironmentBar::addRequested, this, [this] { editEnvironment(-1); });
    connect(m_environmentBar, &EnvironmentBar::editRequested, this, &MainWindow::editEnvironment);
    connect(m_environmentBar, &EnvironmentBar::removeRequested, m_session, &EnvironmentSession::remove);
    connect(m_environmentBar, &EnvironmentBar::refreshRequested, m_session,
            [this](int index) { m_session->refresh(index); });
    connect(m_session, &EnvironmentSession::changed, this, [this] {
        m_environmentBar->showSession(*m_session);
        m_graph->setEnvironmentMarks(RevisionGraphView::EnvironmentMarks::of(*m_session, m_project.map()));
    });
    connect(m_session, &EnvironmentSession::stampFinished, this, &MainWindow::reportStamp);
    connect(m_graph, &RevisionGraphView::contextMenuRequested, this, [this](QMenu *menu, int revision) {
        const int active = m_session->activeIndex();
        if (active < 0 || !m_session->state(active).read)
            return;
        const QString id = m_project.map().revision(revision).id;
        menu->addSeparator();
        menu->addAction(tr("Stamp %1 Here…").arg(m_session->environments().at(active).name), this,
                        [this, id] { stampActiveEnvironment({id}); });
    });
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
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openProject);
    m_welcome->setRecentProjects(RecentProjects::paths());
    m_welcome->setDemoAvailable(false);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(WelcomePageIndex, m_welcome);
    m_pages->insertWidget(ProjectPageIndex, splitter);
    setCentralWidget(m_pages);

    m_details = new DetailsPane(this);
    m_details->setObjectName(u"detailsPane"_s);
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

    m_problems = new QListWidget(this);
    m_problems->setObjectName(u"problemsView"_s);
    m_problems->setWordWrap(true);
    m_problems->setAlternatingRowColors(true);
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openProblem(m_problems->row(item)); });
    connect(m_problems, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openProblem(m_problems->row(item)); });
    m_evaluateButton = new QPushButton(tr("Evaluate with Python…"), this);
    m_evaluateButton->setObjectName(u"evaluateButton"_s);
    m_evaluateButton->setToolTip(tr("Load the revision files whose header values Retort cannot work out in the "
                                    "project's Python interpreter, the way alembic loads them"));
    m_evaluateButton->hide();
    connect(m_evaluateButton, &QPushButton::clicked, this, &MainWindow::askToEvaluateWithPython);
    auto *problemsPanel = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsPanel);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->setSpacing(2);
    problemsLayout->addWidget(m_problems);
    problemsLayout->addWidget(m_evaluateButton, 0, Qt::AlignLeft);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setWidget(problemsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    resizeDocks({detailsDock}, {440}, Qt::Horizontal);
    resizeDocks({problemsDock}, {110}, Qt::Vertical);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchField"_s);
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

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(u"projectPathLabel"_s);
    m_revisionCount = new QLabel(this);
    m_revisionCount->setObjectName(u"revisionCountLabel"_s);
    m_headCount = new QLabel(this);
    m_headCount->setObjectName(u"headCountLabel"_s);
    for (QLabel *label : {m_pathLabel, m_revisionCount, m_headCount})
        label->setContentsMargins(8, 0, 8, 0);
    // Long paths are elided (the whole text is in the tooltip) rather than widening the window.
    m_pathLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_revisionCount);
    statusBar()->addPermanentWidget(m_headCount);
}

/// The settings key that remembers the user's consent to evaluate @p projectPath with Python.
static QString evaluationKey(const QString &projectPath)
{
    return u"evaluateWithPython/"_s + QString::fromLatin1(projectPath.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

void MainWindow::setDemoProjectPath(const QString &path)
{
    m_demoPath = path;
    m_openDemoAction->setEnabled(!path.isEmpty());
    m_welcome->setDemoAvailable(!path.isEmpty());
}

void MainWindow::openProject(const QString &path)
{
    loadInBackground(QFileInfo(path).absoluteFilePath(), false);
}

void MainWindow::reloadProject()
{
    if (!m_projectPath.isEmpty())
        loadInBackground(m_projectPath, true);
}

void MainWindow::loadInBackground(const QString &path, bool reload)
{
    statusBar()->showMessage(reload ? tr("Reloading…") : tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    // A newer request wins over one still running.
    const bool evaluate = QSettings().value(evaluationKey(path)).toBool();
    m_loader->setFuture(runInBackground(*QThreadPool::globalInstance(), [path, reload, evaluate] {
        LoadOutcome outcome;
        outcome.path = path;
        outcome.reload = reload;
        LoadOptions options;
        if (evaluate)
            options.evaluateWith = PythonEnvironment::findInterpreter(path);
        Result<Project> project = Project::open(path, u"alembic"_s, options);
        outcome.ok = project.ok();
        if (project) {
            outcome.project = std::move(project.value());
            outcome.rows = RevisionListModel::rowsOf(outcome.project);
        } else {
            outcome.error = project.error();
        }
        return outcome;
    }));
}

void MainWindow::finishLoading(const LoadOutcome &outcome)
{
    statusBar()->clearMessage();
    if (!outcome.ok) {
        if (outcome.reload) {
            // The project as it was stays; the reason shows in the status bar.
            statusBar()->showMessage(tr("Cannot reload: %1").arg(outcome.error));
            emit projectOpened(false);
            return;
        }
        // Window-modal but not blocking: the caller (a drop, the command line, a scripted
        // screenshot) carries on, and the current project stays open behind the message.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Project"),
                                    tr("Retort could not open %1.").arg(QDir::toNativeSeparators(outcome.path)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(u"openErrorBox"_s);
        box->setInformativeText(outcome.error);
        box->open();
        emit projectOpened(false);
        return;
    }
    const QString selectedId =
        outcome.reload && m_currentRevision >= 0 ? m_project.map().revision(m_currentRevision).id : QString();
    m_project = outcome.project;
    m_projectPath = outcome.path;
    // Watching lists every file (65 ms for 10,000): a turn of the event loop of its own.
    QTimer::singleShot(0, this, [this, project = m_project] { m_watcher->watch(project); });
    if (!outcome.reload) {
        RecentProjects::add(m_projectPath);
        m_welcome->setRecentProjects(RecentProjects::paths());
        m_session->open(&m_project);
    } else {
        m_session->historyChanged(); // same databases, new history: their rows mean something else now
    }
    m_syncing = true;
    m_model->setProject(m_project, outcome.rows);
    m_details->setProject(m_project);
    m_currentRevision = -1;
    m_syncing = false;
    m_graph->setProject(m_project, outcome.reload);
    m_proxy->setSearchText(m_search->text());
    m_graph->setSearchText(m_search->text());
    m_pages->setCurrentIndex(ProjectPageIndex);
    setWindowTitle(tr("Retort — %1").arg(QDir::toNativeSeparators(m_projectPath)));
    for (int column : {RevisionListModel::RevisionColumn, RevisionListModel::ParentsColumn,
                       RevisionListModel::BranchLabelsColumn, RevisionListModel::FlagsColumn})
        m_view->resizeColumnToContents(column);
    updateLaneColumn();
    const int keep = m_project.map().indexOf(selectedId);
    if (keep >= 0)
        selectRevision(keep);
    else if (m_proxy->rowCount() > 0)
        selectRevision(m_proxy->revisionAt(0));
    showProblems();
    updateStatus();
    emit projectOpened(true);
}

void MainWindow::openDemo()
{
    if (m_demoPath.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot Open Demo"), tr("The sample project is not installed next to Retort."));
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
    const int row = m_proxy->rowOf(revision);
    if (row >= 0)
        m_view->setCurrentIndex(m_proxy->index(row, 0));
    else
        m_view->selectionModel()->clearSelection();
    if (m_details->revision() != revision)
        m_details->setRevision(revision);
    m_syncing = false;
}

void MainWindow::onListSelectionChanged()
{
    if (!m_syncing)
        selectRevision(m_proxy->revisionAt(m_view->currentIndex().row()));
}

void MainWindow::updateLaneColumn()
{
    // Lanes only mean something for the whole history in its own order.
    const bool meaningful = m_proxy->sortColumn() < 0 && m_search->text().trimmed().isEmpty();
    m_view->setColumnHidden(RevisionListModel::LaneColumn, !meaningful);
    if (meaningful) {
        m_view->setColumnWidth(
            RevisionListModel::LaneColumn,
            std::max(HistoryLaneDelegate::columnWidth(std::min(m_model->laneCount(), HistoryLanes::DrawnLanes)),
                     m_view->header()->sectionSizeHint(RevisionListModel::LaneColumn)));
    }
}

void MainWindow::onSearchChanged(const QString &text)
{
    m_proxy->setSearchText(text);
    updateLaneColumn();
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
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Alembic Project"), start,
                                     tr("Alembic configuration (alembic.ini *.ini pyproject.toml);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::exportGraph(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"dot" || suffix == u"gv")
        return GraphExporter::writeFile(path, GraphExport::toDot(m_project), error);
    if (m_graph->nodeCount() == 0) {
        if (error)
            *error = tr("There is no graph to export yet.");
        return false;
    }
    if (suffix != u"svg" && suffix != u"png") {
        if (error)
            *error = tr("Choose a file name ending in .svg, .png or .dot.");
        return false;
    }
    // Exports always use a light palette: pictures end up in documents and pull requests.
    const GraphPainter painter(GraphPainter::exportPalette(), m_graph->font());
    return GraphExporter::write(m_graph->picture(), painter,
                                suffix == u"svg" ? GraphExporter::Format::Svg : GraphExporter::Format::Png, path,
                                error);
}

void MainWindow::chooseExportFile()
{
    QString selectedFilter;
    const QString base = QFileInfo(m_projectPath).absolutePath() + u"/revisions.svg"_s;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Graph"), base,
                                     tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"), &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter.contains(u"png"_s)   ? u".png"_s
                : selectedFilter.contains(u"dot"_s) ? u".dot"_s
                                                    : u".svg"_s;
    QString error;
    if (exportGraph(path, &error))
        statusBar()->showMessage(tr("Exported the graph to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Cannot Export Graph"), error);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort"),
                       tr("<h3>Retort %1</h3><p>A desktop studio for Alembic migration histories.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QStringLiteral(RETORT_VERSION)));
}

void MainWindow::showProblems()
{
    m_problems->clear();
    m_problemList = Checks::run(m_project);
    for (const Diagnostic &d : std::as_const(m_problemList)) {
        QString where = d.file.isEmpty() ? QString() : QFileInfo(d.file).fileName();
        if (!where.isEmpty() && d.line > 0)
            where = tr("%1:%2").arg(where).arg(d.line);
        const QString message = printableText(d.message);
        auto *item = new QListWidgetItem(where.isEmpty() ? message : tr("%1: %2").arg(where, message));
        item->setIcon(
            style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setToolTip(d.file.isEmpty() ? message : tr("%1\n%2").arg(QDir::toNativeSeparators(d.file), message));
        m_problems->addItem(item);
    }
    m_evaluateButton->setVisible(m_project.hasUnknownHeaders() && !evaluatesWithPython());
    if (m_problemList.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No problems found."));
        item->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setFlags(Qt::ItemIsEnabled);
        m_problems->addItem(item);
    }
}

bool MainWindow::evaluatesWithPython() const
{
    return !m_projectPath.isEmpty() && QSettings().value(evaluationKey(m_projectPath)).toBool();
}

void MainWindow::setEvaluateWithPython(bool evaluate)
{
    if (m_projectPath.isEmpty())
        return;
    QSettings().setValue(evaluationKey(m_projectPath), evaluate);
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

void MainWindow::openProblem(int row)
{
    if (row < 0 || row >= m_problemList.size())
        return;
    const Diagnostic &d = m_problemList.at(row);
    int revision = m_project.map().indexOf(d.revision);
    for (int r = 0; revision < 0 && !d.file.isEmpty() && r < m_project.map().size(); ++r) {
        const RevisionScript *script = m_project.script(r);
        if (script && script->path == d.file)
            revision = r;
    }
    if (revision < 0 && !d.file.isEmpty()) {
        // A file Alembic could not use: no card to select, but its source can still be read.
        selectRevision(-1);
        m_details->showFile(d.file, d.line, d.message);
        return;
    }
    selectRevision(revision);
    m_details->showLine(d.line);
}

void MainWindow::updateStatus()
{
    for (QAction *action : std::as_const(m_projectActions))
        action->setEnabled(!m_projectPath.isEmpty());
    m_search->setEnabled(!m_projectPath.isEmpty());
    if (m_projectPath.isEmpty()) {
        m_pathLabel->setText(tr("No project open. Use File ▸ Open… or File ▸ Open Demo."));
        m_revisionCount->clear();
        m_headCount->clear();
        return;
    }
    // Which file and folders were used, and how the script location was found when no key named it.
    const ProjectConfig &config = m_project.config();
    const QString configFile = !config.iniFile.isEmpty() ? config.iniFile : config.tomlFile;
    QString text = QDir::toNativeSeparators(configFile.isEmpty() ? m_projectPath : configFile);
    if (!config.scriptLocation.isEmpty() && !configFile.isEmpty())
        text = tr("%1 → scripts in %2")
                   .arg(text, QDir::toNativeSeparators(
                                  QFileInfo(configFile).absoluteDir().relativeFilePath(config.scriptLocation)));
    if (!config.scriptLocationNote.isEmpty())
        text += tr(" (found by its layout)");
    m_pathLabel->setText(m_pathLabel->fontMetrics().elidedText(text, Qt::ElideMiddle, qMax(200, m_pathLabel->width())));
    m_pathLabel->setToolTip(text + u"\n"_s + describeProject(config) +
                            (config.scriptLocationNote.isEmpty() ? QString() : u"\n"_s + config.scriptLocationNote));
    const RevisionMap &map = m_project.map();
    m_revisionCount->setText(tr("Revisions: %1").arg(map.size()));
    const qsizetype heads = map.realHeads().size();
    m_headCount->setText(tr("Heads: %1").arg(heads));
    // More than one head is what `alembic upgrade head` refuses: say so in the warning colour.
    m_headCount->setStyleSheet(heads > 1 ? u"color: #d97706; font-weight: bold"_s : QString());
    m_headCount->setToolTip(heads > 1 ? tr("Several heads: `alembic upgrade head` will refuse; merge them or "
                                           "upgrade to `heads`.")
                                      : QString());
    if (!m_graph->layoutError().isEmpty())
        statusBar()->showMessage(m_graph->layoutError());
    else if (!m_graph->layoutNote().isEmpty())
        statusBar()->showMessage(m_graph->layoutNote());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentProjects::paths();
    for (const QString &path : paths)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
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

void MainWindow::editEnvironment(int index)
{
    if (m_projectPath.isEmpty())
        return;
    const QList<Environment> &environments = m_session->environments();
    const bool adding = index < 0 || index >= environments.size();
    Environment current = adding ? Environment() : environments.at(index);
    if (!adding && m_session->isImplicit())
        current.name.clear(); // naming the config's database turns it into a saved environment
    QStringList taken;
    for (int i = 0; i < environments.size(); ++i) {
        if ((adding || i != index) && !m_session->isImplicit())
            taken.append(environments.at(i).name);
    }
    auto *dialog = new EnvironmentDialog(current, taken, m_project.config().sqlalchemyUrl, this);
    dialog->setObjectName(u"environmentDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, adding, index] {
        const Environment environment = dialog->environment();
        QString password;
        // A password in the URL, ?password= included, goes to the keychain; the saved URL has none.
        if (const Result<DatabaseUrl> url = DatabaseUrl::parseSyntax(environment.url);
            url && !url->qtPassword().isNull())
            password = url->qtPassword();
        QString error;
        if (!m_session->save(environment, password, adding ? -1 : index, &error))
            QMessageBox::warning(this, tr("Cannot Save Environment"), error);
    });
    dialog->open();
}

void MainWindow::stampActiveEnvironment(const QStringList &targets)
{
    const int index = m_session->activeIndex();
    if (index < 0 || !m_session->state(index).read)
        return;
    const QString url = m_session->connectionUrl(index);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (url.isEmpty() || !parsed)
        return;
    const EnvironmentSession::State &state = m_session->state(index);
    auto *dialog = new StampDialog(m_project, m_session->environments().at(index), *parsed->sqlDialect(),
                                   m_session->versionTable(index), state.summary.rows, targets, this);
    dialog->setObjectName(u"stampDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, index, generation = state.generation] {
        m_session->stamp(index, generation, dialog->plan(), dialog->purge());
    });
    dialog->open();
}

void MainWindow::reportStamp(int index, bool ok, const QString &message)
{
    const QString name =
        index < m_session->environments().size() ? m_session->environments().at(index).name : QString();
    if (ok) {
        statusBar()->showMessage(tr("Stamped %1: %2").arg(name, message), 8000);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Stamp Failed"), tr("%1 was not stamped.").arg(name),
                                QMessageBox::Ok, this);
    box->setObjectName(u"stampErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(message);
    box->open();
}
