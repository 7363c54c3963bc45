// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QList>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

/// The main window's actions with their shortcuts, icons and tooltips, arranged in its menus and
/// tool bar. The window connects them; nothing here knows what they do.
class MainActions
{
public:
    /// Fills @p window's menu bar (docks already added get a View entry each) and adds a tool bar
    /// that ends with @p matchCount and @p searchField.
    MainActions(QMainWindow *window, QWidget *matchCount, QWidget *searchField);

    QAction *open;
    QAction *openFolder; ///< a project folder, a script location or a versions folder
    QMenu *recentMenu;
    QAction *openDemo;
    QAction *reload;
    QAction *exportGraph;
    QAction *quit;
    QAction *undo;           ///< the last deletion or re-parenting of revision files
    QAction *deleteRevision; ///< the selected revision, through its preview
    QAction *copyId;         ///< the selected revision's whole id, to the clipboard
    QAction *copyPath;       ///< the selected revision's file path, to the clipboard
    QAction *openInEditor;   ///< the selected revision's file in the user's editor, at `def upgrade`
    QAction *chooseEditor;   ///< which editor Open in Editor starts
    QAction *settings;       ///< colour scheme, graph direction
    QAction *find;
    QAction *findNext;
    QAction *findPrevious;
    QAction *fit;
    QAction *zoomToSelection;
    QAction *zoomIn;
    QAction *zoomOut;
    QAction *actualSize;
    QAction *leftToRight;  ///< checkable
    QAction *collapseRuns; ///< checkable, on
    QAction *historyOrder;
    QAction *allBranches;
    QAction *upgradeHeads; ///< the active environment, through the migration preview
    QAction *upgradeOne;   ///< +1
    QAction *downgradeOne; ///< -1
    QAction *downgradeBase;
    QAction *compareSchema;        ///< the active environment's live schema, drift and matching revision
    QAction *findMatchingRevision; ///< the same, on the matching revision
    QAction *chooseInterpreter;    ///< the Python that runs the project's migrations
    QAction *userGuide;            ///< the manual, in a window beside this one
    QAction *keyboardShortcuts;    ///< the manual, at its table of shortcuts
    QAction *about;

    /// The actions that need an open project.
    QList<QAction *> projectActions() const;
    /// The actions that need an environment whose rows were read.
    QList<QAction *> databaseActions() const;
};
