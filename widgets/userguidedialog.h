// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QDialog>

class QMenuBar;
class QTextBrowser;

/// Help ▸ User Guide: the manual (resources/guide/user-guide*.md, in the user's language) with the keyboard shortcuts
/// of the window's menus, as they are bound on this system. Not modal: it stays open beside the window.
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    /// Scrolls to the keyboard shortcuts.
    void showShortcuts();

    QTextBrowser *browser() const { return m_browser; }

    /// Every menu entry with a shortcut: its menu path ("File ▸ Open…") and its keys, as a table.
    static QString shortcutsTable(const QMenuBar *menus);
    /// The guide in the first of the user's languages that has one (resources/guide), else English.
    static QString guidePath();

private:
    QTextBrowser *m_browser;
};
