// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "mainwindow.h"
#include "revisiongraphview.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

/// QStandardPaths' test mode, with this test's settings files (environments, editor, recent
/// projects) in its own folder: test mode alone sends every test to the one ~/.qttest/config, where
/// tests running side by side (ctest -j) would read and delete each other's environments. CTest gives
/// each GUI test its own XDG_CONFIG_HOME.
inline void isolateGuiSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString dir =
        qEnvironmentVariableIsSet("XDG_CONFIG_HOME")
            ? qEnvironmentVariable("XDG_CONFIG_HOME")
            : QDir::tempPath() + u"/retort-test-"_s + QString::number(QCoreApplication::applicationPid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

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

/// The visible controls of @p root's window a screen reader cannot name: each with its class, object
/// name and parent, for the failure message.
inline QStringList unnamedControls(QWidget *root)
{
    using namespace Qt::StringLiterals;
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) || widget->window() != root->window())
            continue;
        // What a user reaches with the keyboard, and every button.
        const bool control = qobject_cast<QAbstractButton *>(widget) || (widget->focusPolicy() & Qt::TabFocus);
        // A scroll area's viewport is named by the area.
        const auto *area = qobject_cast<QAbstractScrollArea *>(widget->parentWidget());
        if (!control || (area && area->viewport() == widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(u"%1 \"%2\" in %3"_s.arg(
                QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                widget->parentWidget() ? QString::fromLatin1(widget->parentWidget()->metaObject()->className()) +
                                             u" \""_s + widget->parentWidget()->objectName() + u'"'
                                       : QString()));
    }
    return unnamed;
}
