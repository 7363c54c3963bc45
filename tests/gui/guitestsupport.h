// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "mainwindow.h"
#include "revisiongraphview.h"

#include <QSignalSpy>
#include <QString>

using namespace Qt::StringLiterals;

inline QString sampleProjectPath()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/resources/sample");
}

/// Waits until @p graph has finished laying out (at once if it is not laying out).
inline bool waitForLayout(RevisionGraphView *graph, int timeout = 30000)
{
    if (!graph->isLayoutRunning())
        return true;
    QSignalSpy finished(graph, &RevisionGraphView::layoutFinished);
    return finished.wait(timeout) && finished.last().at(0).toBool();
}

/// Opens @p path in @p window and waits for the project and its graph; false if either failed.
inline bool openAndWait(MainWindow &window, const QString &path, int timeout = 30000)
{
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openProject(path);
    if (!opened.wait(timeout) || !opened.last().at(0).toBool())
        return false;
    return waitForLayout(window.graphView(), timeout);
}
