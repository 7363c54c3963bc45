// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "migrationdialog.h"

#include "backgroundjob.h"
#include "codehighlighter.h"
#include "confirmations.h"
#include "database/environmentsession.h"
#include "project/project.h"
#include "python/pythonenvironment.h"
#include "tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString rowsText(QStringList rows)
{
    rows.sort();
    return rows.isEmpty() ? MigrationDialog::tr("(no rows)") : rows.join(u", "_s);
}

bool sameRows(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

/// How long a run waits for another run's lock, with a countdown, before giving up.
constexpr int LockWaitSeconds = 120;

using Probed = std::pair<AlembicInvocation, Result<PythonEnvironment::AlembicProbe>>;

/// @p command for the project of @p config, completed by @p complete, and what its interpreter says
/// about alembic. In the background pool: finding the interpreter (Poetry answers slowly) and
/// starting it take a moment.
template<typename Complete>
QFuture<Probed> probeInBackground(const ProjectConfig &config, const QStringList &command, Complete complete)
{
    return runInBackground(backgroundPool(), [config, command, complete = std::move(complete)] {
        AlembicInvocation invocation = AlembicInvocation::forProject(config, command);
        complete(invocation);
        return Probed{invocation, PythonEnvironment::probeAlembic(invocation.python)};
    });
}

/// The range alembic's offline mode runs for @p plan. It reads no version table, so the range starts
/// at the plan's one starting revision; it ends at the plan's own end revision when there is one, so
/// that a relative target ("+1", "-1") is not worked out a second time.
QString offlineRange(const MigrationPlan &plan, bool upgrade, const QString &target)
{
    QString end = target;
    if (plan.rows.size() == 1)
        end = plan.rows.first();
    else if (plan.rows.isEmpty() && !upgrade)
        end = u"base"_s;
    return plan.rowsBefore.isEmpty() ? end : plan.rowsBefore.first() + u':' + end;
}

} // namespace

MigrationDialog::MigrationDialog(EnvironmentSession *session, int index, bool upgrade, const QString &target,
                                 QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_project(session->project())
    , m_index(index)
    , m_environmentName(session->environments().at(index).name)
    , m_needsName(Confirmations::needsTypedName(session->environments().at(index)))
    , m_upgrade(upgrade)
    , m_target(target)
    , m_run(new AlembicRun(this))
    , m_sqlRun(new AlembicRun(this))
    , m_summary(new QLabel(this))
    , m_choices(new QWidget(this))
    , m_choiceBox(new QComboBox(m_choices))
    , m_steps(new QPlainTextEdit(this))
    , m_warnings(new QLabel(this))
    , m_acknowledge(new QCheckBox(tr("I have read the &warnings"), this))
    , m_confirm(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_sql(new QPlainTextEdit(this))
    , m_output(new QTabWidget(this))
{
    const Environment &environment = session->environments().at(index);
    setWindowTitle(upgrade ? tr("Upgrade %1").arg(environment.name) : tr("Downgrade %1").arg(environment.name));
    m_summary->setObjectName(u"migrationSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_steps->setObjectName(u"migrationSteps"_s);
    m_steps->setAccessibleName(tr("Steps"));
    m_warnings->setObjectName(u"migrationWarnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_acknowledge->setObjectName(u"migrationAcknowledge"_s);
    m_confirm->setObjectName(u"migrationConfirm"_s);
    m_confirm->setAccessibleName(tr("Environment name to confirm"));
    m_confirm->setPlaceholderText(tr("Type %1 to confirm").arg(environment.name));
    m_status->setObjectName(u"migrationStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log->setObjectName(u"migrationLog"_s);
    m_log->setAccessibleName(tr("alembic's output"));
    m_sql->setObjectName(u"migrationSql"_s);
    m_sql->setAccessibleName(tr("SQL of the steps"));
    for (QPlainTextEdit *text : {m_steps, m_log, m_sql}) {
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    new CodeHighlighter(m_sql, CodeHighlighter::sqlLanguage(session->dialect(index)));
    m_log->setPlaceholderText(tr("alembic's output appears here while it runs."));
    m_sql->setPlaceholderText(tr("Show SQL writes the SQL of these steps here, as alembic writes it offline, without "
                                 "touching the database."));
    m_output->setObjectName(u"migrationOutput"_s);
    m_output->setAccessibleName(tr("Output"));
    m_output->setDocumentMode(true);
    m_output->addTab(m_log, tr("&Log"));
    m_output->addTab(m_sql, tr("S&QL"));

    auto *buttons = new QDialogButtonBox(this);
    m_sqlButton = buttons->addButton(tr("Show &SQL"), QDialogButtonBox::ActionRole);
    m_sqlButton->setObjectName(u"migrationSqlButton"_s);
    m_sqlButton->setToolTip(tr("The SQL of these steps, written by alembic offline (--sql): nothing is run on the "
                               "database."));
    m_runButton = buttons->addButton(upgrade ? tr("&Upgrade") : tr("&Downgrade"), QDialogButtonBox::ApplyRole);
    m_runButton->setObjectName(u"migrationRunButton"_s);
    m_previewAgainButton = buttons->addButton(tr("&Preview Again"), QDialogButtonBox::ResetRole);
    m_previewAgainButton->setObjectName(u"migrationPreviewAgainButton"_s);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(u"migrationCloseButton"_s);
    connect(m_runButton, &QPushButton::clicked, this, &MigrationDialog::start);
    connect(m_sqlButton, &QPushButton::clicked, this, &MigrationDialog::showSql);
    connect(m_previewAgainButton, &QPushButton::clicked, this, &MigrationDialog::previewAgain);
    connect(m_closeButton, &QPushButton::clicked, this, &MigrationDialog::reject);
    connect(m_acknowledge, &QCheckBox::toggled, this, &MigrationDialog::updateButtons);
    connect(m_confirm, &QLineEdit::textChanged, this, &MigrationDialog::updateButtons);
    connect(m_run, &AlembicRun::line, this, [this](const QString &line) { m_log->appendPlainText(line); });
    connect(m_run, &AlembicRun::lockWaiting, this, [this](int secondsLeft, const QString &holder) {
        m_status->setText(tr("Another migration holds the lock on this database (%1); waiting %2 s more, or cancel.")
                              .arg(holder)
                              .arg(secondsLeft));
    });
    connect(m_run, &AlembicRun::finished, this, &MigrationDialog::onRunFinished);
    // The SQL is what alembic prints on stdout; its log (INFO lines, the command) goes on stderr.
    connect(m_sqlRun, &AlembicRun::line, this, [this](const QString &line, bool onStandardError) {
        if (onStandardError)
            m_log->appendPlainText(line);
        else if (m_sqlRunGeneration == m_sqlGeneration)
            m_sql->appendPlainText(line);
    });
    connect(m_sqlRun, &AlembicRun::finished, this, &MigrationDialog::onSqlFinished);
    connect(m_session, &EnvironmentSession::environmentRead, this, &MigrationDialog::checkRows);
    connect(m_session, &EnvironmentSession::changed, this, &MigrationDialog::updateButtons);

    // An ambiguous target (several heads, "-1" across a merge point): the ones that work, to pick from.
    m_choiceBox->setObjectName(u"migrationTargetChoices"_s);
    m_choiceBox->setAccessibleName(tr("Target"));
    auto *choose = new QPushButton(tr("P&review"), m_choices);
    choose->setObjectName(u"migrationChooseTarget"_s);
    auto *choicesRow = new QHBoxLayout(m_choices);
    choicesRow->setContentsMargins(0, 0, 0, 0);
    choicesRow->addWidget(new QLabel(tr("Choose a target instead:"), m_choices));
    choicesRow->addWidget(m_choiceBox, 1);
    choicesRow->addWidget(choose);
    connect(choose, &QPushButton::clicked, this, [this] {
        m_target = m_choiceBox->currentData().toString();
        preview();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_choices);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_warnings);
    layout->addWidget(m_acknowledge);
    if (m_needsName) {
        layout->addWidget(new QLabel(
            environment.isProtected
                ? tr("<b>%1 is protected.</b> Type its name to change it.").arg(environment.name.toHtmlEscaped())
                : tr("Type the name of %1 to change it.").arg(environment.name.toHtmlEscaped()),
            this));
        layout->addWidget(m_confirm);
    }
    m_confirm->setVisible(m_needsName);
    layout->addWidget(m_status);
    layout->addWidget(m_output, 2);
    layout->addWidget(buttons);
    resize(760, 600);
    preview();
}

QStringList MigrationDialog::stepTexts() const
{
    QStringList texts;
    for (const MigrationStep &step : m_preview.plan.steps)
        texts.append(step.logText());
    return texts;
}

void MigrationDialog::preview()
{
    const Project &project = *m_project;
    const Environment &environment = m_session->environments().at(m_index);
    const QStringList rows = m_session->state(m_index).summary.rows.rows;
    m_preview = {};
    // The SQL was that of the previous plan.
    ++m_sqlGeneration;
    m_sqlRun->cancel();
    m_sql->clear();
    QString refusal = project.writeRefusal(rows);
    if (refusal.isEmpty() && project.config().iniFile.isEmpty())
        refusal = tr("Running alembic needs the project's alembic.ini, and this project was opened without one.");
    const MigrationPlanner planner(project.map());
    Result<MigrationPlan> plan = !refusal.isEmpty() ? Result<MigrationPlan>::failure(refusal)
                                 : m_upgrade        ? planner.upgrade(m_target, rows)
                                                    : planner.downgrade(m_target, rows);
    m_planned = plan.ok() && !plan->steps.isEmpty();
    m_choiceBox->clear();
    if (!plan && refusal.isEmpty()) {
        for (const QString &choice : planner.targetChoices(m_upgrade, rows)) {
            const int index = project.map().indexOf(choice);
            const QString doc = index >= 0 ? project.map().revision(index).doc : QString();
            m_choiceBox->addItem(doc.isEmpty() ? choice : choice + u" — "_s + doc, choice);
        }
    }
    m_choices->setVisible(m_choiceBox->count() > 0);
    if (!plan) {
        m_summary->setText(
            (m_upgrade ? tr("<b>Cannot upgrade %1 to %2:</b> %3") : tr("<b>Cannot downgrade %1 to %2:</b> %3"))
                .arg(environment.name.toHtmlEscaped(), m_target.toHtmlEscaped(), plan.error().toHtmlEscaped()));
        m_steps->hide();
        m_warnings->hide();
        m_acknowledge->hide();
        updateButtons();
        emit planChanged();
        return;
    }
    plan.value().rowsBefore = rows;
    m_preview = PlanPreview::ofRun(project.map(), project.scripts(), plan.value());
    m_summary->setText(tr("<b>%1</b>: %2 → <b>%3</b>, %n step(s) run by alembic, then the rows are checked.", nullptr,
                          int(plan->steps.size()))
                           .arg(environment.name.toHtmlEscaped(), rowsText(rows).toHtmlEscaped(),
                                rowsText(plan->rows).toHtmlEscaped()));
    QStringList steps = stepTexts();
    for (qsizetype i = 0; i < steps.size(); ++i)
        steps[i] = u"%1. %2"_s.arg(i + 1).arg(steps.at(i));
    m_steps->show();
    m_steps->setPlainText(plan->steps.isEmpty() ? tr("Nothing to do: the database is already there.")
                                                : steps.join(u'\n'));
    QStringList warnings;
    for (const QString &warning : plan->warnings)
        warnings.append(u"⚠ "_s + warning.toHtmlEscaped());
    for (const PlanWarning &warning : std::as_const(m_preview.warnings)) {
        QString text = u"⚠ "_s + warning.sentence().toHtmlEscaped();
        for (const QString &detail : warning.details)
            text += u"<br>&nbsp;&nbsp;&nbsp;<tt>"_s + detail.toHtmlEscaped() + u"</tt>"_s;
        warnings.append(text);
    }
    m_warnings->setText(warnings.join(u"<br>"_s));
    m_warnings->setVisible(!warnings.isEmpty());
    m_acknowledge->setVisible(!m_preview.warnings.isEmpty());
    updateButtons();
    emit planChanged();
}

QList<int> MigrationDialog::plannedRevisions() const
{
    QList<int> revisions;
    for (const MigrationStep &step : m_preview.plan.steps) {
        if (const int index = m_project->map().indexOf(step.revision); index >= 0)
            revisions.append(index);
    }
    return revisions;
}

void MigrationDialog::updateButtons()
{
    const bool there = environmentStillThere();
    const bool confirmed = !m_needsName || m_confirm->text() == m_environmentName;
    const bool acknowledged = m_preview.warnings.isEmpty() || m_acknowledge->isChecked();
    const bool started = m_phase != Phase::Preview;
    // Not while the SQL is being written: one alembic at a time, and the SQL run is quick.
    m_runButton->setEnabled(m_planned && confirmed && acknowledged && !started && there && !m_sqlPending);
    m_runButton->setVisible(m_phase != Phase::Done);
    m_sqlButton->setVisible(m_phase == Phase::Preview);
    m_sqlButton->setEnabled(m_planned && !started && there && !m_sqlPending);
    m_sqlButton->setText(m_sqlPending ? tr("Writing SQL…") : tr("Show &SQL"));
    m_previewAgainButton->setVisible(m_phase == Phase::Done && m_rowsChanged);
    m_previewAgainButton->setEnabled(there);
    m_closeButton->setText(isRunning() ? tr("Cancel Run") : m_phase == Phase::Done ? tr("Close") : tr("Cancel"));
    if (!there && !started) {
        m_status->setText(tr("The environments changed since this preview opened: close it and open it again."));
        setTone(m_status, Theme::Tone::Error);
    }
    m_acknowledge->setEnabled(!started);
    m_confirm->setEnabled(!started);
}

bool MigrationDialog::environmentStillThere() const
{
    return m_session->project() == m_project && m_index < m_session->environments().size() &&
           m_session->environments().at(m_index).name == m_environmentName;
}

QString MigrationDialog::runSettings(QStringList *variables, QString *error)
{
    const QString url = m_session->connectionUrl(m_index);
    if (url.isEmpty()) {
        *error = m_session->state(m_index).error;
        if (error->isEmpty())
            *error = tr("no password was given.");
        return {};
    }
    *variables = m_session->runVariables(m_index);
    for (const QString &variable : std::as_const(*variables)) {
        if (!variable.contains(u'='))
            m_log->appendPlainText(tr("# %1 is a secret the keychain has no value for: not passed on.").arg(variable));
    }
    return url;
}

void MigrationDialog::start()
{
    if (m_phase != Phase::Preview || m_sqlPending || !environmentStillThere())
        return;
    QStringList variables;
    QString error;
    const QString url = runSettings(&variables, &error);
    if (url.isEmpty()) {
        m_status->setText(tr("Not run: %1").arg(error));
        setTone(m_status, Theme::Tone::Error);
        return;
    }
    m_output->setCurrentWidget(m_log);
    m_phase = Phase::Probing;
    m_status->setText(tr("Checking that the project's Python can run alembic…"));
    setTone(m_status, Theme::Tone::Normal);
    updateButtons();
    // Alongside the probe: if it shows other rows by the time alembic would start, nothing starts.
    m_session->refresh(m_index, false);
    auto *probe = new QFutureWatcher<Probed>(this);
    connect(probe, &QFutureWatcherBase::finished, this, [this, probe] {
        probe->deleteLater();
        if (m_phase != Phase::Probing)
            return; // cancelled meanwhile
        const auto &[invocation, found] = probe->result();
        if (environmentStillThere()) {
            const EnvironmentSession::State &state = m_session->state(m_index);
            if (state.read && !state.reading && !sameRows(state.summary.rows.rows, m_preview.plan.rowsBefore)) {
                concludeRowsChanged(state.summary.rows.rows);
                return;
            }
        }
        if (!found) {
            conclude(false, tr("Not run: %1").arg(found.error()));
            return;
        }
        m_log->appendPlainText(
            tr("# alembic %1, SQLAlchemy %2, Python %3 (%4)")
                .arg(found->alembicVersion, found->sqlalchemyVersion, found->pythonVersion, invocation.python));
        m_phase = Phase::Running;
        m_status->setText(tr("alembic is running…"));
        m_run->start(invocation);
        updateButtons();
    });
    probe->setFuture(probeInBackground(m_project->config(), {m_upgrade ? u"upgrade"_s : u"downgrade"_s, m_target},
                                       [url, variables, expected = m_preview.plan.rowsBefore,
                                        table = m_session->versionTable(m_index)](AlembicInvocation &invocation) {
                                           invocation.url = url;
                                           invocation.variables = variables;
                                           invocation.lockWaitSeconds = LockWaitSeconds;
                                           invocation.expectedRows = expected;
                                           invocation.versionTable = table;
                                       }));
}

void MigrationDialog::showSql()
{
    if (m_phase != Phase::Preview || !m_planned || m_sqlPending || !environmentStillThere())
        return;
    m_sql->clear();
    const MigrationPlan &plan = m_preview.plan;
    if (plan.rowsBefore.size() > 1) {
        sqlFailed(tr("alembic writes SQL for one starting revision at a time, and the database has %1; give the "
                     "range yourself with python -m alembic %2 FROM:TO --sql.")
                      .arg(rowsText(plan.rowsBefore), m_upgrade ? u"upgrade"_s : u"downgrade"_s));
        return;
    }
    QStringList variables;
    QString error;
    // The URL only tells env.py the dialect: offline, alembic does not connect.
    const QString url = runSettings(&variables, &error);
    if (url.isEmpty()) {
        sqlFailed(tr("The SQL was not written: %1").arg(error));
        return;
    }
    m_sqlPending = true;
    m_status->setText(tr("alembic is writing the SQL offline…"));
    setTone(m_status, Theme::Tone::Normal);
    updateButtons();
    auto *probe = new QFutureWatcher<Probed>(this);
    connect(probe, &QFutureWatcherBase::finished, this, [this, probe, generation = m_sqlGeneration] {
        probe->deleteLater();
        if (generation != m_sqlGeneration) {
            m_sqlPending = false; // another plan, or closed, meanwhile
            updateButtons();
            return;
        }
        const auto &[invocation, found] = probe->result();
        if (!found) {
            m_sqlPending = false;
            sqlFailed(tr("The SQL was not written: %1").arg(found.error()));
            return;
        }
        m_log->appendPlainText(
            tr("# alembic %1, SQLAlchemy %2, Python %3 (%4)")
                .arg(found->alembicVersion, found->sqlalchemyVersion, found->pythonVersion, invocation.python));
        m_sqlRunGeneration = m_sqlGeneration;
        m_sqlRun->start(invocation);
    });
    probe->setFuture(probeInBackground(
        m_project->config(),
        {m_upgrade ? u"upgrade"_s : u"downgrade"_s, offlineRange(plan, m_upgrade, m_target), u"--sql"_s},
        [url, variables](AlembicInvocation &invocation) {
            invocation.url = url;
            invocation.variables = variables;
        }));
}

void MigrationDialog::onSqlFinished(const AlembicRunOutcome &outcome)
{
    m_sqlPending = false;
    if (m_sqlRunGeneration != m_sqlGeneration) {
        updateButtons(); // cancelled for another plan, or closed
        return;
    }
    if (!outcome.succeeded()) {
        m_sql->clear(); // what it wrote before it failed is not the SQL of the plan
        QString error = outcome.error;
        if (error.endsWith(u'.'))
            error.chop(1);
        sqlFailed(outcome.status == AlembicRunOutcome::Status::Failed
                      ? tr("alembic could not write the SQL offline: %1. If env.py cannot run offline "
                           "(run_migrations_offline()), alembic cannot show the SQL.")
                            .arg(error)
                      : outcome.summary());
        return;
    }
    m_status->setText(tr("The SQL of the %n step(s), as alembic writes it offline: nothing was run on the database.",
                         nullptr, int(m_preview.plan.steps.size())));
    setTone(m_status, Theme::Tone::Normal);
    m_output->setCurrentWidget(m_sql);
    m_sql->moveCursor(QTextCursor::Start);
    updateButtons();
}

void MigrationDialog::sqlFailed(const QString &message)
{
    m_status->setText(message);
    setTone(m_status, Theme::Tone::Error);
    updateButtons();
}

void MigrationDialog::onRunFinished(const AlembicRunOutcome &outcome)
{
    m_outcome = outcome;
    if (!environmentStillThere()) {
        conclude(false, tr("%1 The environment is no longer in the list, so its rows were not read again.")
                            .arg(m_outcome.summary()));
        return;
    }
    m_phase = Phase::Checking;
    m_status->setText(tr("Reading the version rows again…"));
    updateButtons();
    m_session->refresh(m_index, false);
}

void MigrationDialog::checkRows(int index, bool ok)
{
    // A preview follows the rows: the window reads them again as it opens, and when it regains focus.
    if (m_phase == Phase::Preview && index == m_index && ok && !m_sqlPending && environmentStillThere()) {
        if (!sameRows(m_session->state(index).summary.rows.rows, m_preview.plan.rowsBefore))
            preview();
        return;
    }
    // Only the read asked for after the run: an earlier one may finish meanwhile.
    if (m_phase != Phase::Checking || index != m_index || m_session->state(index).reading)
        return;
    if (!ok) {
        conclude(false, tr("%1 The version rows could not be read again: %2")
                            .arg(m_outcome.summary(), m_session->state(index).error));
        return;
    }
    QStringList rows = m_session->state(index).summary.rows.rows;
    rows.sort();
    QStringList planned = m_preview.plan.rows;
    planned.sort();
    if (m_outcome.status == AlembicRunOutcome::Status::RowsChanged) {
        concludeRowsChanged(rows);
    } else if (!m_outcome.succeeded()) {
        conclude(false, tr("%1 Version rows now: %2.").arg(m_outcome.summary(), rowsText(rows)));
    } else if (rows != planned) {
        conclude(false, tr("alembic reported success, but the version rows are %1, not %2 as planned. env.py may "
                           "ignore the URL Retort gives it (sqlalchemy.url) and have migrated another database: "
                           "check how it connects.")
                            .arg(rowsText(rows), rowsText(planned)));
    } else {
        conclude(
            true,
            tr("Done: %n step(s) ran. Version rows: %1.", nullptr, int(m_outcome.stepsRun.size())).arg(rowsText(rows)));
    }
}

void MigrationDialog::conclude(bool ok, const QString &message)
{
    m_phase = Phase::Done;
    m_status->setText(message);
    setTone(m_status, ok ? Theme::Tone::Normal : Theme::Tone::Error);
    updateButtons();
    emit finished(ok, message);
}

void MigrationDialog::concludeRowsChanged(const QStringList &rows)
{
    m_rowsChanged = true;
    conclude(false, tr("Nothing ran: the version rows of %1 changed since this preview was made (%2 then, %3 now); "
                       "someone else migrated or stamped it. Look at the new state, then preview again.")
                        .arg(m_environmentName, rowsText(m_preview.plan.rowsBefore), rowsText(rows)));
}

void MigrationDialog::previewAgain()
{
    if (m_phase != Phase::Done || !environmentStillThere())
        return;
    m_phase = Phase::Preview;
    m_rowsChanged = false;
    m_acknowledge->setChecked(false); // new warnings may have come with the new plan
    m_status->clear();
    setTone(m_status, Theme::Tone::Normal);
    preview();
}

void MigrationDialog::reject()
{
    switch (m_phase) {
    case Phase::Probing:
        conclude(false, tr("Cancelled before alembic started: nothing ran."));
        return;
    case Phase::Running:
        // Closing means stop, and the dialog stays to show where the database ended.
        m_status->setText(tr("Cancelling: alembic is interrupted, then stopped…"));
        m_run->cancel();
        return;
    case Phase::Checking:
        return; // the outcome is about to be known
    case Phase::Preview:
    case Phase::Done:
        break;
    }
    // Not left running: interrupted now, and killed when the dialog is deleted (AlembicRun's destructor).
    ++m_sqlGeneration;
    m_sqlRun->cancel();
    QDialog::reject();
}
