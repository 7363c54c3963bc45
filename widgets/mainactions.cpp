// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "mainactions.h"

#include "graph/graphpicture.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QIcon>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(MainActions)
};

QAction *addAction(QMenu *menu, const QString &text, const QKeySequence &shortcut = {}, const QIcon &icon = {})
{
    QAction *action = menu->addAction(text);
    action->setShortcut(shortcut);
    action->setIcon(icon);
    return action;
}

} // namespace

MainActions::MainActions(QMainWindow *window, QWidget *matchCount, QWidget *searchField)
{
    QStyle *style = window->style();
    QMenu *fileMenu = window->menuBar()->addMenu(Tr::tr("&File"));
    open = addAction(fileMenu, Tr::tr("&Open…"), QKeySequence::Open,
                     QIcon::fromTheme(u"document-open"_s, style->standardIcon(QStyle::SP_DialogOpenButton)));
    open->setObjectName(u"openAction"_s);
    open->setToolTip(Tr::tr("Open an alembic.ini, a pyproject.toml, or a revision file's project"));
    openFolder = addAction(fileMenu, Tr::tr("Open &Folder…"), Qt::CTRL | Qt::SHIFT | Qt::Key_O,
                           QIcon::fromTheme(u"folder-open"_s, style->standardIcon(QStyle::SP_DirOpenIcon)));
    openFolder->setObjectName(u"openFolderAction"_s);
    openFolder->setToolTip(Tr::tr("Open a project folder, a migrations folder (with env.py) or a versions folder"));
    recentMenu = fileMenu->addMenu(Tr::tr("Open &Recent"));
    recentMenu->setObjectName(u"recentMenu"_s);
    openDemo = addAction(fileMenu, Tr::tr("Open &Demo"), {}, style->standardIcon(QStyle::SP_FileDialogContentsView));
    openDemo->setToolTip(Tr::tr("Open the bundled sample project"));
    openDemo->setEnabled(false);
    reload = addAction(fileMenu, Tr::tr("Re&load"), QKeySequence::Refresh,
                       QIcon::fromTheme(u"view-refresh"_s, style->standardIcon(QStyle::SP_BrowserReload)));
    fileMenu->addSeparator();
    exportGraph = addAction(fileMenu, Tr::tr("&Export Graph…"), Qt::CTRL | Qt::Key_E,
                            QIcon::fromTheme(u"document-export"_s, style->standardIcon(QStyle::SP_DialogSaveButton)));
    exportGraph->setToolTip(Tr::tr("Save the graph as SVG, PNG or Graphviz DOT"));
    fileMenu->addSeparator();
    quit = addAction(fileMenu, Tr::tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = window->menuBar()->addMenu(Tr::tr("&Edit"));
    undo = addAction(editMenu, Tr::tr("&Undo"), QKeySequence::Undo, QIcon::fromTheme(u"edit-undo"_s));
    undo->setObjectName(u"undoAction"_s);
    deleteRevision =
        addAction(editMenu, Tr::tr("&Delete Revision…"), QKeySequence::Delete, QIcon::fromTheme(u"edit-delete"_s));
    deleteRevision->setObjectName(u"deleteRevisionAction"_s);
    editMenu->addSeparator();
    copyId = addAction(editMenu, Tr::tr("&Copy Revision Id"), QKeySequence::Copy, QIcon::fromTheme(u"edit-copy"_s));
    copyId->setObjectName(u"copyIdAction"_s);
    copyPath = addAction(editMenu, Tr::tr("Copy File &Path"), Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    copyPath->setObjectName(u"copyPathAction"_s);
    // Ctrl+E is Export Graph.
    openInEditor = addAction(editMenu, Tr::tr("&Open in Editor"), Qt::CTRL | Qt::SHIFT | Qt::Key_E,
                             QIcon::fromTheme(u"document-edit"_s));
    openInEditor->setObjectName(u"openInEditorAction"_s);
    openInEditor->setToolTip(Tr::tr("Open the selected revision's file in your editor, at its upgrade()"));
    editMenu->addSeparator();
    find = addAction(editMenu, Tr::tr("&Find…"), QKeySequence::Find);
    findNext = addAction(editMenu, Tr::tr("Find &Next"), QKeySequence::FindNext);
    findPrevious = addAction(editMenu, Tr::tr("Find &Previous"), QKeySequence::FindPrevious);
    editMenu->addSeparator();
    chooseEditor = addAction(editMenu, Tr::tr("External &Editor…"));
    chooseEditor->setObjectName(u"chooseEditorAction"_s);
    chooseEditor->setToolTip(Tr::tr("Choose the editor that Open in Editor starts"));
    settings =
        addAction(editMenu, Tr::tr("&Settings…"), QKeySequence::Preferences, QIcon::fromTheme(u"preferences-system"_s));
    settings->setObjectName(u"settingsAction"_s);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *viewMenu = window->menuBar()->addMenu(Tr::tr("&View"));
    fit = addAction(viewMenu, Tr::tr("&Fit to Window"), Qt::CTRL | Qt::Key_9, QIcon::fromTheme(u"zoom-fit-best"_s));
    zoomToSelection =
        addAction(viewMenu, Tr::tr("Zoom to &Selection"), Qt::CTRL | Qt::Key_8, QIcon::fromTheme(u"zoom-select"_s));
    zoomIn = addAction(viewMenu, Tr::tr("Zoom &In"), QKeySequence::ZoomIn, QIcon::fromTheme(u"zoom-in"_s));
    zoomOut = addAction(viewMenu, Tr::tr("Zoom &Out"), QKeySequence::ZoomOut, QIcon::fromTheme(u"zoom-out"_s));
    actualSize =
        addAction(viewMenu, Tr::tr("&Actual Size"), Qt::CTRL | Qt::Key_0, QIcon::fromTheme(u"zoom-original"_s));
    viewMenu->addSeparator();
    leftToRight = addAction(viewMenu, Tr::tr("&Left to Right"));
    leftToRight->setObjectName(u"leftToRightAction"_s);
    leftToRight->setCheckable(true);
    leftToRight->setToolTip(Tr::tr("Draw the history from left to right instead of bottom to top"));
    collapseRuns = addAction(viewMenu, Tr::tr("&Collapse Long Runs"));
    collapseRuns->setObjectName(u"collapseRunsAction"_s);
    collapseRuns->setCheckable(true);
    collapseRuns->setChecked(true);
    collapseRuns->setToolTip(Tr::tr("In histories of over %1 revisions, show runs of plain revisions as one card")
                                 .arg(GraphPicture::CollapseAbove));
    historyOrder = addAction(viewMenu, Tr::tr("List in &History Order"));
    allBranches = addAction(viewMenu, Tr::tr("Show All &Branches"));
    viewMenu->addSeparator();
    const auto docks = window->findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        viewMenu->addAction(dock->toggleViewAction());

    QMenu *databaseMenu = window->menuBar()->addMenu(Tr::tr("&Database"));
    upgradeHeads = addAction(databaseMenu, Tr::tr("&Upgrade to the Heads…"), Qt::CTRL | Qt::Key_U,
                             QIcon::fromTheme(u"go-top"_s, style->standardIcon(QStyle::SP_ArrowUp)));
    upgradeOne = addAction(databaseMenu, Tr::tr("Upgrade &One Revision…"), {}, QIcon::fromTheme(u"go-up"_s));
    downgradeOne = addAction(databaseMenu, Tr::tr("&Downgrade One Revision…"), {}, QIcon::fromTheme(u"go-down"_s));
    downgradeBase = addAction(databaseMenu, Tr::tr("Downgrade to &Base…"), {}, QIcon::fromTheme(u"go-bottom"_s));
    databaseMenu->addSeparator();
    compareSchema = addAction(databaseMenu, Tr::tr("&Compare Schema…"));
    compareSchema->setObjectName(u"compareSchemaAction"_s);
    compareSchema->setToolTip(Tr::tr("Compare the active environment's schema with the one its migrations give"));
    findMatchingRevision = addAction(databaseMenu, Tr::tr("Find &Matching Revision…"));
    findMatchingRevision->setObjectName(u"findMatchingRevisionAction"_s);
    findMatchingRevision->setToolTip(
        Tr::tr("Find the revision whose schema the active environment's database has, to stamp it there"));
    databaseMenu->addSeparator();
    chooseInterpreter = addAction(databaseMenu, Tr::tr("&Python Interpreter…"));
    chooseInterpreter->setObjectName(u"chooseInterpreterAction"_s);
    upgradeHeads->setToolTip(Tr::tr("Preview, then run alembic upgrade heads on the active environment"));

    QMenu *helpMenu = window->menuBar()->addMenu(Tr::tr("&Help"));
    userGuide =
        addAction(helpMenu, Tr::tr("&User Guide"), QKeySequence::HelpContents, QIcon::fromTheme(u"help-contents"_s));
    keyboardShortcuts = addAction(helpMenu, Tr::tr("&Keyboard Shortcuts"));
    helpMenu->addSeparator();
    about = addAction(helpMenu, Tr::tr("&About Retort"));
    about->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = window->addToolBar(Tr::tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({open, reload, exportGraph});
    toolBar->addSeparator();
    toolBar->addActions({fit, zoomToSelection, leftToRight});
    toolBar->addSeparator();
    toolBar->addAction(upgradeHeads);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(matchCount);
    toolBar->addWidget(searchField);
}

QList<QAction *> MainActions::databaseActions() const
{
    return {upgradeHeads, upgradeOne, downgradeOne, downgradeBase, compareSchema, findMatchingRevision};
}

QList<QAction *> MainActions::projectActions() const
{
    return {reload,      exportGraph,     deleteRevision, chooseInterpreter, find,       findNext,    findPrevious,
            fit,         zoomToSelection, zoomIn,         zoomOut,           actualSize, leftToRight, collapseRuns,
            allBranches, historyOrder};
}
