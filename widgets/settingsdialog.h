// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QDialog>

class QComboBox;

/// Edit ▸ Settings: the colour scheme and the graph's direction for new windows. A choice applies
/// at once and is kept; Close keeps what is chosen.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *themeChoice() const { return m_theme; }
    QComboBox *directionChoice() const { return m_direction; }

signals:
    /// The user chose the graph's direction (for new windows, and this one).
    void leftToRightChosen(bool leftToRight);

private:
    QComboBox *m_theme;
    QComboBox *m_direction;
};
