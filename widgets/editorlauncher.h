// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/editorcommand.h"

#include <QString>

class QWidget;
struct RevisionScript;

/// Opens files in the user's editor at a line, as the "editor/command" setting says (see
/// EditorCommand), and tells the user in a banner when that fails.
namespace EditorLauncher {

/// The QSettings key of the command template: "" for automatic, EditorCommand::desktopSetting(), or a
/// template.
QString settingsKey();
QString setting();
void setSetting(const QString &setting);
/// The command the setting and the environment give.
EditorCommand configuredCommand();

/// Starts the configured editor on @p file at 1-based @p line and @p column. On failure a banner
/// (notice "editorError"; a window-modal box in a dialog) on @p parent's window names the command
/// and how to choose another; on success that banner goes. Returns whether the editor was started.
bool open(QWidget *parent, const QString &file, int line, int column = 1);
/// The same with @p command (the editor dialog's Test).
bool open(QWidget *parent, const QString &file, int line, int column, const EditorCommand &command);

/// The line a revision opens at: its `def upgrade`, else 1.
int revisionLine(const RevisionScript &script);

/// Opens the editor dialog on @p parent's window, previewing @p file at @p line (may be empty).
void chooseEditor(QWidget *parent, const QString &file = {}, int line = 1);

} // namespace EditorLauncher
