// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "runner/alembicinvocation.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

/// How an alembic run ended.
struct AlembicRunOutcome
{
    enum class Status : quint8
    {
        Succeeded,
        Failed,    ///< alembic (or a migration) failed: `error` says why, `failedStep` where
        Cancelled, ///< cancel() stopped it
        LockBusy,  ///< another run held the database's lock for longer than the wait allowed
        /// The version rows were not AlembicInvocation::expectedRows: someone migrated or stamped the
        /// database since the plan was made. Nothing ran; `rowsFound` holds the rows.
        RowsChanged,
        NotStarted, ///< the interpreter could not be started
    };
    Status status = Status::NotStarted;
    int exitCode = -1;
    /// The steps alembic announced ("upgrade a -> b, message") and finished. Whether they were
    /// committed, the version rows tell: alembic runs them all in one transaction by default.
    QStringList stepsRun;
    QString failedStep;    ///< the step that was running when it failed; empty if none had begun
    QString error;         ///< alembic's FAILED: line, or the exception's last line
    QString log;           ///< everything it printed, secrets masked
    QStringList rowsFound; ///< RowsChanged: the version rows the launcher read, sorted

    bool succeeded() const { return status == Status::Succeeded; }
    /// One sentence for the user: what happened and, when it did not work, what to do next.
    QString summary() const;
};

/// Runs one alembic command in a child process and streams what it prints, with secrets masked.
/// The child gets a process group of its own: cancel() interrupts the whole group (SIGINT, as
/// Ctrl+C would, so alembic rolls back), then terminates it and kills it if it does not stop.
class AlembicRun : public QObject
{
    Q_OBJECT

public:
    explicit AlembicRun(QObject *parent = nullptr);
    ~AlembicRun() override;

    /// Starts @p invocation with @p base as the environment (the system's by default); one run at a time.
    void start(const AlembicInvocation &invocation,
               const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());
    void cancel();
    bool isRunning() const;
    qint64 processId() const;
    /// Time between SIGINT, SIGTERM and SIGKILL after cancel(); 5 s by default.
    void setGracePeriod(int ms);

signals:
    /// A line alembic printed, secrets masked. Its log goes to stderr; stdout holds what a command
    /// prints as its result (the SQL of --sql, `current`).
    void line(const QString &text, bool onStandardError);
    /// Another run holds the database's lock; @p secondsLeft is -1 when waiting without limit.
    void lockWaiting(int secondsLeft, const QString &holder);
    void finished(const AlembicRunOutcome &outcome);

private:
    void readOutput(QProcess::ProcessChannel channel);
    void takeLine(const QString &text, bool onStandardError);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void signalGroup(int signal);
    void escalate();

    QProcess m_process;
    QTimer m_escalation;
    QStringList m_secrets;
    QByteArray m_partial[2]; ///< the last line of each channel, until its newline
    AlembicRunOutcome m_outcome;
    QString m_running; ///< the step alembic announced last and has not finished
    bool m_cancelled = false;
    bool m_lockBusy = false;
    bool m_rowsChanged = false;
    int m_signalsSent = 0;
};
