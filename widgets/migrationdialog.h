// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/planpreview.h"
#include "runner/alembicrun.h"

#include <QDialog>
#include <QStringList>

class EnvironmentSession;
class Project;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

/// An upgrade or downgrade of one environment, from its preview to its check: the plan computed from
/// the rows the session read, every warning with the lines it is about, the typed name of a protected
/// environment; then real alembic runs it while its log streams in (secrets masked, cancellable), and
/// the version rows are read again and compared with the plan.
///
/// The preview may be minutes old when Run is pressed. The rows are read again while the interpreter is
/// probed, and if that read already shows other rows nothing is started; otherwise the launcher itself
/// compares the rows with the plan's once it holds the lock, and runs nothing if they differ. Either way
/// the dialog says so and offers to preview again from the rows the database has now.
///
/// Show SQL runs alembic offline (`upgrade|downgrade FROM:TO --sql`) for the planned range with a run of
/// its own: it reads and writes nothing in the database, so neither the lock nor the rows check apply.
/// Its SQL (alembic's stdout) goes to a panel of its own, its log (stderr) to the log; Run waits for it.
class MigrationDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p session must outlive the dialog; @p index is the environment.
    MigrationDialog(EnvironmentSession *session, int index, bool upgrade, const QString &target,
                    QWidget *parent = nullptr);

    /// Whether a plan could be made (else the dialog says why and cannot run).
    bool hasPlan() const { return m_planned; }
    /// From Run until the rows were read again: probing the interpreter, alembic, the check.
    bool isRunning() const
    {
        return m_phase == Phase::Probing || m_phase == Phase::Running || m_phase == Phase::Checking;
    }
    /// The plan's steps as alembic logs them ("upgrade a -> b, message").
    QStringList stepTexts() const;
    /// The revisions the plan's steps run, in order (map indexes), for the graph; empty without a plan.
    QList<int> plannedRevisions() const;
    bool isUpgrade() const { return m_upgrade; }
    /// From Show SQL until alembic's offline run ended: probing the interpreter, then alembic.
    bool isWritingSql() const { return m_sqlPending; }

    void reject() override;

signals:
    /// The plan was made again (plannedRevisions() changed).
    void planChanged();
    /// The run ended and the rows were read again; @p ok when they are the planned ones.
    void finished(bool ok, const QString &message);

private:
    enum class Phase : quint8
    {
        Preview,
        Probing, ///< asking the project's Python for alembic
        Running,
        Checking, ///< reading the rows again
        Done,
    };
    /// The environment is still the one previewed: the list may change while the dialog is open.
    bool environmentStillThere() const;
    void preview();
    void previewAgain();
    void start();
    void onRunFinished(const AlembicRunOutcome &outcome);
    void checkRows(int index, bool ok);
    void conclude(bool ok, const QString &message);
    /// Ends without running: the database holds @p rows, not the rows the plan was made from.
    void concludeRowsChanged(const QStringList &rows);
    void updateButtons();
    void showSql();
    void onSqlFinished(const AlembicRunOutcome &outcome);
    void sqlFailed(const QString &message);
    /// The environment's URL with its password for alembic, or empty when there is none now (@p error
    /// says why); the variables it gets, in @p variables, the secrets without a value noted in the log.
    QString runSettings(QStringList *variables, QString *error);

    EnvironmentSession *m_session;
    const Project *m_project;
    int m_index;
    QString m_environmentName;
    bool m_needsName; ///< the run waits for the environment's name to be typed
    bool m_upgrade;
    QString m_target;
    PlanPreview m_preview;
    bool m_planned = false;
    bool m_rowsChanged = false; ///< Done because the rows changed: the plan can be made again
    Phase m_phase = Phase::Preview;
    AlembicRunOutcome m_outcome;
    AlembicRun *m_run;
    AlembicRun *m_sqlRun; ///< Show SQL's offline run, apart from the real one
    bool m_sqlPending = false;
    /// Counts the plans and closings: an SQL run started for an earlier one is not shown.
    int m_sqlGeneration = 0;
    int m_sqlRunGeneration = -1; ///< the generation m_sqlRun was started for
    QLabel *m_summary;
    QWidget *m_choices; ///< when the target cannot be planned: targets that can
    QComboBox *m_choiceBox;
    QPlainTextEdit *m_steps;
    QLabel *m_warnings;
    QCheckBox *m_acknowledge;
    QLineEdit *m_confirm;
    QLabel *m_status;
    QPlainTextEdit *m_log;
    QPlainTextEdit *m_sql;
    QTabWidget *m_output; ///< the log and the SQL
    QPushButton *m_sqlButton;
    QPushButton *m_runButton;
    QPushButton *m_previewAgainButton;
    QPushButton *m_closeButton;
};
