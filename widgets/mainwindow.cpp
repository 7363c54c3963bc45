// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "mainwindow.h"

#include "checks.h"

#include "project.h"
#include "revisionformatter.h"
#include "revisiongraphview.h"
#include "revisionlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include "retort-config.h"

using namespace Qt::StringLiterals;

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new RevisionListModel(this))
{
    setWindowTitle(tr("Retort"));
    createViews();
    createActions();
    updateStatus();
    resize(1280, 760);
}

MainWindow::~MainWindow()
{
    // The children go before this object does; the graph's scene must not report its
    // teardown to a half-destroyed window.
    m_graph->disconnect(this);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    openAction->setToolTip(tr("Open an alembic.ini, a pyproject.toml or a migrations folder"));
    m_openDemoAction = fileMenu->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    m_openDemoAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_openDemoAction->setToolTip(tr("Open the bundled sample project"));
    m_openDemoAction->setEnabled(false);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(openAction);
    toolBar->addAction(m_openDemoAction);
}

void MainWindow::createViews()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"revisionView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RevisionDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(RevisionListModel::MessageColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);

    // The graph on top, the history list below it; selecting in one selects in the other.
    m_graph = new RevisionGraphView(this);
    m_graph->setObjectName(u"graphView"_s);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_graph);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({460, 220});
    setCentralWidget(splitter);
    connect(m_graph, &RevisionGraphView::revisionSelected, this, [this](int revision) {
        const int row = m_model->rowOf(revision);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, 0));
    });

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"detailsView"_s);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a revision to see its details."));
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(u"detailsDock"_s);
    detailsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);

    m_problems = new QListWidget(this);
    m_problems->setObjectName(u"problemsView"_s);
    m_problems->setWordWrap(true);
    m_problems->setAlternatingRowColors(true);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    resizeDocks({detailsDock}, {380}, Qt::Horizontal);
    resizeDocks({problemsDock}, {110}, Qt::Vertical);

    m_revisionCount = new QLabel(this);
    m_revisionCount->setObjectName(u"revisionCountLabel"_s);
    m_headCount = new QLabel(this);
    m_headCount->setObjectName(u"headCountLabel"_s);
    m_revisionCount->setContentsMargins(8, 0, 8, 0);
    m_headCount->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_revisionCount);
    statusBar()->addPermanentWidget(m_headCount);
}

void MainWindow::setDemoProjectPath(const QString &path)
{
    m_demoPath = path;
    m_openDemoAction->setEnabled(!path.isEmpty());
}

bool MainWindow::openProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<Project> project = Project::open(absolute);
    if (!project) {
        // Window-modal but not blocking: the caller (a drop, the command line, a scripted
        // screenshot) carries on, and the current project stays open behind the message.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Project"),
                                    tr("Retort could not open %1.").arg(QDir::toNativeSeparators(absolute)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(u"openErrorBox"_s);
        box->setInformativeText(project.error());
        box->open();
        return false;
    }
    m_projectPath = absolute;
    m_model->setProject(project.value());
    QString layoutError;
    if (!m_graph->setProject(project.value(), &layoutError))
        m_graph->setToolTip(tr("The graph cannot be drawn: %1").arg(layoutError));
    else
        m_graph->setToolTip(QString());
    QTimer::singleShot(0, m_graph, &RevisionGraphView::showHeads);
    setWindowTitle(tr("Retort — %1").arg(QDir::toNativeSeparators(absolute)));
    m_view->resizeColumnToContents(RevisionListModel::RevisionColumn);
    m_view->resizeColumnToContents(RevisionListModel::ParentsColumn);
    m_view->resizeColumnToContents(RevisionListModel::BranchLabelsColumn);
    m_view->resizeColumnToContents(RevisionListModel::FlagsColumn);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    else
        updateDetails();
    showProblems();
    updateStatus();
    return true;
}

bool MainWindow::openDemo()
{
    if (m_demoPath.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot Open Demo"), tr("The sample project is not installed next to Retort."));
        return false;
    }
    const QString ini = QDir(m_demoPath).filePath(u"alembic.ini"_s);
    return openProject(QFileInfo::exists(ini) ? ini : m_demoPath);
}

void MainWindow::chooseProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Alembic Project"), QFileInfo(m_projectPath).absolutePath(),
                                     tr("Alembic configuration (alembic.ini *.ini pyproject.toml);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
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
    const Diagnostics diagnostics = Checks::run(m_model->project());
    for (const Diagnostic &d : diagnostics) {
        QString where = d.file.isEmpty() ? QString() : QFileInfo(d.file).fileName();
        if (!where.isEmpty() && d.line > 0)
            where = tr("%1:%2").arg(where).arg(d.line);
        auto *item = new QListWidgetItem(where.isEmpty() ? d.message : tr("%1: %2").arg(where, d.message));
        item->setIcon(
            style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setToolTip(d.file.isEmpty() ? d.message : tr("%1\n%2").arg(QDir::toNativeSeparators(d.file), d.message));
        m_problems->addItem(item);
    }
    if (diagnostics.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No problems found."));
        item->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setFlags(Qt::ItemIsEnabled);
        m_problems->addItem(item);
    }
}

void MainWindow::updateStatus()
{
    if (m_projectPath.isEmpty()) {
        statusBar()->showMessage(tr("No project open. Use File ▸ Open… or File ▸ Open Demo."));
        m_revisionCount->clear();
        m_headCount->clear();
        return;
    }
    statusBar()->clearMessage();
    const RevisionMap &map = m_model->project().map();
    m_revisionCount->setText(tr("Revisions: %1").arg(map.size()));
    m_headCount->setText(tr("Heads: %1").arg(map.realHeads().size()));
}

void MainWindow::updateDetails()
{
    const int revision = m_model->revisionAt(m_view->currentIndex().row());
    if (m_graph->selectedRevision() != revision)
        m_graph->selectRevision(revision);
    if (revision == RevisionMap::NoRevision) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(RevisionFormatter::logEntry(m_model->project(), revision));
}
