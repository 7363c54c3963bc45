// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

/// Edit ▸ Settings: the colour scheme, the graph's direction for new windows, the Python for
/// projects without their own, and what Retort asks before it writes. A choice applies at once and
/// is kept; Close keeps what is chosen. A Python is kept only once it has shown it can run alembic.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *themeChoice() const { return m_theme; }
    QComboBox *directionChoice() const { return m_direction; }
    QLineEdit *pythonPath() const { return m_python; }
    QLabel *pythonStatus() const { return m_pythonStatus; }
    QComboBox *typedNameChoice() const { return m_typedName; }
    QCheckBox *removalQuestion() const { return m_askRemoval; }

signals:
    /// The user chose the graph's direction (for new windows, and this one).
    void leftToRightChosen(bool leftToRight);
    /// The Python typed was checked: @p kept when it runs alembic and is now the default (also
    /// true when the field was emptied: the automatic choice again).
    void pythonChecked(bool kept);

private:
    QWidget *createAppearance();
    QWidget *createPython();
    QWidget *createConfirmations();
    void checkPython();
    void growToFit();

    QComboBox *m_theme;
    QComboBox *m_direction;
    QLineEdit *m_python;
    QLabel *m_pythonStatus;
    QString m_checkedPython; ///< the last Python whose check was started, or that was kept
    QComboBox *m_typedName;
    QCheckBox *m_askRemoval;
};
