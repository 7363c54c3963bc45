// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/editorcommand.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

/// Edit ▸ External Editor…: which editor opens revision files at a line. Automatic ($VISUAL, $EDITOR,
/// else the desktop's default), the desktop's default, an editor Retort knows, or a command of the
/// user's with placeholders; previewed expanded for the selected revision, checked for a program
/// that exists, and tried with Test. OK saves the choice (EditorLauncher's setting).
class EditorDialog : public QDialog
{
    Q_OBJECT
public:
    /// Previews and tests with @p file at @p line; without a file the preview shows an example.
    explicit EditorDialog(const QString &file, int line, QWidget *parent = nullptr);

    /// The setting OK saves: "" (automatic), EditorCommand::desktopSetting() or a template.
    QString selectedSetting() const;
    /// The command that setting gives now.
    EditorCommand selectedCommand() const;
    /// Selects the choice @p setting stands for (a preset's template selects the preset).
    void selectSetting(const QString &setting);

    QComboBox *choice() const { return m_choice; }
    QLineEdit *commandEdit() const { return m_command; }
    QString previewText() const;
    QString statusText() const;

private:
    void choiceChanged();
    void updatePreview();
    void test();
    void save();

    QString m_file;
    int m_line;
    QComboBox *m_choice;
    QLineEdit *m_command;
    QLabel *m_preview;
    QLabel *m_status;
    QPushButton *m_testButton;
    QPushButton *m_okButton;
};
