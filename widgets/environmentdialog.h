// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environment.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

/// Adds or edits an environment: its name, where its URL comes from, variables for alembic runs,
/// colour, protection and version table. Passwords are not kept here (they are asked for when
/// connecting), and a URL that does not parse cannot be saved.
class EnvironmentDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p taken: names other environments already use.
    EnvironmentDialog(const Environment &environment, const QStringList &taken, const QString &configUrl,
                      QWidget *parent = nullptr);

    Environment environment() const;

private:
    void validate();
    void chooseColor();

    QStringList m_taken;
    QString m_color;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_variable;
    QPlainTextEdit *m_variables;
    QPushButton *m_colorButton;
    QCheckBox *m_protected;
    QLineEdit *m_table;
    QLineEdit *m_schema;
    QLabel *m_problem;
    QPushButton *m_ok;
};
