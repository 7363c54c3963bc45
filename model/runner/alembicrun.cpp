// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "runner/alembicrun.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <csignal>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif
#include <sys/types.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(AlembicRun)
};

constexpr int LockBusyExit = 75;

} // namespace

QString AlembicRunOutcome::summary() const
{
    switch (status) {
    case Status::Succeeded:
        return Tr::tr("alembic finished: %n step(s) ran.", nullptr, int(stepsRun.size()));
    case Status::Failed:
        if (!failedStep.isEmpty()) {
            return Tr::tr("alembic failed in \"%1\" after %n step(s): %2", nullptr, int(stepsRun.size()))
                .arg(failedStep, error);
        }
        return Tr::tr("alembic failed before any step ran: %1").arg(error);
    case Status::Cancelled:
        return Tr::tr("Cancelled after %n step(s); the step that was running was rolled back where the database "
                      "allows it. Check the version rows before going on.",
                      nullptr, int(stepsRun.size()));
    case Status::LockBusy:
        return Tr::tr("Nothing ran: %1").arg(error);
    case Status::RowsChanged:
        return Tr::tr("Nothing ran: the database's revisions changed since the plan was made; they are %1 now. "
                      "Look at the new state and preview again.")
            .arg(rowsFound.isEmpty() ? Tr::tr("(none)") : rowsFound.join(u", "_s));
    case Status::NotStarted:
        return Tr::tr("alembic could not be started: %1").arg(error);
    }
    return {};
}

AlembicRun::AlembicRun(QObject *parent)
    : QObject(parent)
    , m_process(this)
    , m_escalation(this)
{
    // Its own process group: Ctrl+C in retort-cli's terminal reaches Retort, which decides.
    m_process.setChildProcessModifier([] {
        ::setpgid(0, 0);
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // Retort killed: alembic does not run on unwatched
#endif
    });
    m_escalation.setSingleShot(true);
    m_escalation.setInterval(5000);
    connect(&m_escalation, &QTimer::timeout, this, &AlembicRun::escalate);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readOutput(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readOutput(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &AlembicRun::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_outcome.status = AlembicRunOutcome::Status::NotStarted;
        m_outcome.error = m_process.errorString();
        // Not from within start(): a caller's event loop may not be running yet.
        QMetaObject::invokeMethod(
            this, [this] { emit finished(m_outcome); }, Qt::QueuedConnection);
    });
}

AlembicRun::~AlembicRun()
{
    // Nobody is left to tell: the owner is being destroyed.
    m_process.disconnect(this);
    blockSignals(true);
    if (isRunning()) {
        signalGroup(SIGKILL);
        m_process.waitForFinished(2000);
    }
}

void AlembicRun::start(const AlembicInvocation &invocation, const QProcessEnvironment &base)
{
    Q_ASSERT(!isRunning());
    m_outcome = {};
    m_secrets = invocation.secrets();
    m_partial[0].clear();
    m_partial[1].clear();
    m_running.clear();
    m_cancelled = false;
    m_lockBusy = false;
    m_rowsChanged = false;
    m_signalsSent = 0;
    m_process.setProgram(invocation.python);
    m_process.setArguments(invocation.arguments());
    m_process.setWorkingDirectory(invocation.workingDirectory());
    m_process.setProcessEnvironment(invocation.environment(base));
    takeLine(u"$ "_s + invocation.displayCommand(), true);
    if (const QString problem = invocation.startProblem(base); !problem.isEmpty()) {
        m_outcome.status = AlembicRunOutcome::Status::NotStarted;
        m_outcome.error = problem;
        takeLine(problem, true);
        QMetaObject::invokeMethod(
            this, [this] { emit finished(m_outcome); }, Qt::QueuedConnection);
        return;
    }
    m_process.start(QIODevice::ReadOnly);
}

void AlembicRun::cancel()
{
    if (!isRunning() || m_cancelled)
        return;
    m_cancelled = true;
    signalGroup(SIGINT);
    m_escalation.start();
}

bool AlembicRun::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 AlembicRun::processId() const
{
    return m_process.processId();
}

void AlembicRun::setGracePeriod(int ms)
{
    m_escalation.setInterval(ms);
}

void AlembicRun::signalGroup(int signal)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), signal);
}

void AlembicRun::escalate()
{
    if (!isRunning())
        return;
    ++m_signalsSent;
    signalGroup(m_signalsSent == 1 ? SIGTERM : SIGKILL);
    if (m_signalsSent == 1)
        m_escalation.start();
}

void AlembicRun::readOutput(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    QByteArray &partial = m_partial[channel];
    partial += m_process.readAll();
    qsizetype end;
    while ((end = partial.indexOf('\n')) >= 0) {
        takeLine(QString::fromUtf8(partial.left(end)).remove(u'\r'), channel == QProcess::StandardError);
        partial.remove(0, end + 1);
    }
}

void AlembicRun::takeLine(const QString &raw, bool onStandardError)
{
    static const QRegularExpression Running(u"\\] Running (.+)$"_s);
    static const QRegularExpression Retort(u"^RETORT (\\S+) ?(.*)$"_s);
    // Flask-Migrate logs alembic's CommandError, and a RuntimeError a migration raises, as "Error: …" and
    // exits 1: no FAILED: line, no traceback.
    static const QRegularExpression FlaskMigrateError(u"^ERROR \\[flask_migrate\\] Error: (.+)$"_s);
    const QString text = maskSecrets(raw, m_secrets);
    if (const QRegularExpressionMatch launcher = Retort.match(text); onStandardError && launcher.hasMatch()) {
        const QString what = launcher.captured(1);
        if (what == u"lock-wait") {
            const QString rest = launcher.captured(2);
            emit lockWaiting(rest.section(u' ', 0, 0).toInt(), rest.section(u' ', 1));
        } else if (what == u"lock-busy") {
            m_lockBusy = true;
        } else if (what == u"rows-changed") {
            m_rowsChanged = true;
            const QString rows = launcher.captured(2);
            m_outcome.rowsFound = rows == u"-" ? QStringList() : rows.split(u' ', Qt::SkipEmptyParts);
        }
        return; // the launcher's own protocol, not for the log
    }
    if (const QRegularExpressionMatch step = Running.match(text); step.hasMatch()) {
        // alembic announces a step before running it: the previous one is done.
        if (!m_running.isEmpty())
            m_outcome.stepsRun.append(m_running);
        m_running = step.captured(1);
    }
    if (text.startsWith(u"FAILED: "_s))
        m_outcome.error = text.mid(8);
    else if (const QRegularExpressionMatch error = FlaskMigrateError.match(text); error.hasMatch())
        m_outcome.error = error.captured(1);
    m_outcome.log += text + u'\n';
    emit line(text, onStandardError);
}

void AlembicRun::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_escalation.stop();
    readOutput(QProcess::StandardOutput);
    readOutput(QProcess::StandardError);
    for (int channel : {0, 1}) {
        if (!m_partial[channel].isEmpty())
            takeLine(QString::fromUtf8(std::exchange(m_partial[channel], {})), channel == 1);
    }
    m_outcome.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    using Status = AlembicRunOutcome::Status;
    if (status == QProcess::NormalExit && exitCode == 0) {
        if (!m_running.isEmpty())
            m_outcome.stepsRun.append(m_running);
        m_outcome.status = Status::Succeeded;
    } else if (m_cancelled) {
        m_outcome.status = Status::Cancelled;
        m_outcome.failedStep = m_running;
    } else if (m_lockBusy || exitCode == LockBusyExit) {
        m_outcome.status = Status::LockBusy;
    } else if (m_rowsChanged) {
        m_outcome.status = Status::RowsChanged;
    } else {
        m_outcome.status = Status::Failed;
        m_outcome.failedStep = m_running;
        if (m_outcome.error.isEmpty()) {
            // A migration's exception: the traceback's "Type: message" line, not SQLAlchemy's
            // "(Background on this error at: …)" that may follow it.
            static const QRegularExpression Exception(u"^[A-Za-z_][\\w.]*(Error|Exception|Interrupt|Exit)\\b.*"_s);
            const QStringList lines = m_outcome.log.split(u'\n', Qt::SkipEmptyParts);
            for (auto line = lines.crbegin(); line != lines.crend() && m_outcome.error.isEmpty(); ++line) {
                if (Exception.match(*line).hasMatch())
                    m_outcome.error = *line;
            }
            if (m_outcome.error.isEmpty())
                m_outcome.error = lines.isEmpty() ? Tr::tr("exit code %1").arg(exitCode) : lines.last();
        }
    }
    m_running.clear();
    emit finished(m_outcome);
}
