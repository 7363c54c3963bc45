// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

/// Which Python runs the project's migrations: the one Retort finds (a virtual environment,
/// Poetry's, /usr/bin/python3…) or one the user names, checked by asking it for alembic and
/// SQLAlchemy before it is kept. The choice is shared with retort-cli.
class InterpreterDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p projectKey files the choice (EnvironmentStore::projectKey); @p projectPath is where the
    /// search for an interpreter starts.
    InterpreterDialog(const QString &projectKey, const QString &projectPath, QWidget *parent = nullptr);

    /// The interpreter the dialog checks now: the typed one, or the automatic one once found.
    QString selectedInterpreter() const;
    /// Whether a check of the selected interpreter is running.
    bool isChecking() const { return m_checking > 0; }

signals:
    /// A check ended; @p ok when the interpreter can run alembic.
    void checked(bool ok);

private:
    void check();
    void save();

    QString m_projectKey;
    QString m_automatic;
    int m_checking = 0;
    QRadioButton *m_automaticButton;
    QRadioButton *m_chosenButton;
    QLineEdit *m_path;
    QLabel *m_found;
    QLabel *m_status;
    QPushButton *m_okButton;
};
