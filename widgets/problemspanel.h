// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

#include <QWidget>

class Project;
class QListWidget;
class QMenu;
class QPushButton;

/// The problems a project's checks found, one row each; activating a row shows the revision or
/// the file it names. Offers evaluation with Python while header values are unknown.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    /// Runs the checks on @p project and lists what they found.
    void showProblems(const Project &project, bool offerEvaluation);

    /// The context menu of row @p row (Show, Open in Editor), owned by the caller; nullptr for a
    /// row that names nothing.
    QMenu *createContextMenu(int row, QWidget *parent);
    /// Opens the file row @p row names in the user's editor, at the problem's line.
    void openInEditor(int row);

signals:
    /// A row naming map index @p revision (at @p line of its file, 0 for none) was activated.
    void revisionActivated(int revision, int line);
    /// A row naming a file Alembic could not use was activated: there is no revision to select.
    void fileActivated(const QString &path, int line, const QString &message);
    void evaluateRequested();

private:
    void activate(int row);

    struct Row
    {
        int revision = -1;
        Diagnostic diagnostic;
        QString file; ///< the diagnostic's file, else its revision's
        int line = 0; ///< the diagnostic's line, else its revision's `def upgrade`
    };
    QListWidget *m_list;
    QPushButton *m_evaluateButton;
    QList<Row> m_rows; ///< what each row of the list stands for
};
