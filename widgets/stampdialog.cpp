// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "stampdialog.h"

#include "codehighlighter.h"
#include "confirmations.h"
#include "history/planpreview.h"
#include "tone.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString rowsText(QStringList rows)
{
    rows.sort();
    return rows.isEmpty() ? StampDialog::tr("(no rows)") : rows.join(u", "_s);
}

} // namespace

StampDialog::StampDialog(const Project &project, const Environment &environment, const SqlDialect &dialect,
                         const VersionTableName &table, const VersionRows &rows, const QStringList &targets,
                         QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_environment(environment)
    , m_needsName(Confirmations::needsTypedName(environment))
    , m_dialect(dialect)
    , m_table(table)
    , m_rows(rows)
    , m_targets(targets)
    , m_summary(new QLabel(this))
    , m_purge(new QCheckBox(tr("&Purge: empty the version table first"), this))
    , m_warnings(new QLabel(this))
    , m_sql(new QPlainTextEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_readState(new QLabel(this))
{
    setWindowTitle(tr("Stamp %1").arg(environment.name));
    m_summary->setObjectName(u"stampSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_warnings->setObjectName(u"stampWarnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_sql->setObjectName(u"stampSql"_s);
    m_sql->setAccessibleName(tr("SQL of the stamp"));
    m_sql->setReadOnly(true);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    new CodeHighlighter(m_sql, CodeHighlighter::sqlLanguage(dialect));
    m_purge->setObjectName(u"stampPurge"_s);
    m_readState->setObjectName(u"stampReadState"_s);
    m_readState->setWordWrap(true);
    m_readState->hide();
    m_confirm->setObjectName(u"stampConfirm"_s);
    m_confirm->setAccessibleName(tr("Environment name to confirm"));
    m_confirm->setPlaceholderText(tr("Type %1 to confirm").arg(environment.name));
    m_confirm->setVisible(m_needsName);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_stampButton = buttons->addButton(tr("&Stamp"), QDialogButtonBox::AcceptRole);
    m_stampButton->setObjectName(u"stampButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_purge, &QCheckBox::toggled, this, &StampDialog::replan);
    connect(m_confirm, &QLineEdit::textChanged, this, &StampDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("A stamp only rewrites the version table: no migration runs."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_summary);
    layout->addWidget(m_readState);
    layout->addWidget(m_purge);
    layout->addWidget(m_warnings);
    layout->addWidget(new QLabel(tr("SQL, in one transaction:"), this));
    layout->addWidget(m_sql, 1);
    if (m_needsName) {
        auto *protectedNote = new QLabel(
            environment.isProtected
                ? tr("<b>%1 is protected.</b> Type its name to stamp it.").arg(environment.name.toHtmlEscaped())
                : tr("Type the name of %1 to stamp it.").arg(environment.name.toHtmlEscaped()),
            this);
        layout->addWidget(protectedNote);
        layout->addWidget(m_confirm);
    }
    layout->addWidget(buttons);
    resize(640, 480);
    replan();
}

bool StampDialog::purge() const
{
    return m_purge->isChecked();
}

void StampDialog::replan()
{
    const RevisionMap &map = m_project.map();
    const QString refusal = m_project.writeRefusal(m_rows.rows);
    Result<MigrationPlan> plan = refusal.isEmpty() ? MigrationPlanner(map).stamp(m_targets, m_rows.rows, purge())
                                                   : Result<MigrationPlan>::failure(refusal);
    m_planned = plan.ok();
    if (!plan) {
        QString why = plan.error().toHtmlEscaped();
        const bool unknownRow = std::any_of(m_rows.rows.cbegin(), m_rows.rows.cend(),
                                            [&](const QString &row) { return map.indexOf(row) < 0; });
        if (unknownRow && !purge())
            why += u"<br>"_s + tr("The version table names a revision this project does not have: tick <b>Purge</b> to "
                                  "empty it first, and the stamp replaces every row.");
        m_summary->setText(tr("<b>Cannot stamp %1:</b> %2").arg(m_targets.join(u", "_s).toHtmlEscaped(), why));
        m_warnings->clear();
        m_sql->clear();
        updateButton();
        return;
    }
    m_plan = plan.value();
    m_plan.rowsBefore = m_rows.rows;
    m_summary->setText(tr("<b>%1</b>: %2 → <b>%3</b>")
                           .arg(m_environment.name.toHtmlEscaped(), rowsText(m_rows.rows).toHtmlEscaped(),
                                rowsText(m_plan.rows).toHtmlEscaped()));
    QStringList warnings;
    for (const PlanWarning &warning : PlanPreview::ofStamp(map, m_plan).warnings)
        warnings.append(u"⚠ "_s + warning.sentence().toHtmlEscaped());
    m_warnings->setText(warnings.join(u"<br>"_s));
    m_warnings->setVisible(!warnings.isEmpty());
    QStringList statements = VersionTable::stampStatements(m_dialect, m_table, m_plan, purge(), !m_rows.tableExists);
    for (QString &statement : statements)
        statement += u';';
    m_sql->setPlainText(statements.isEmpty() ? tr("-- nothing to write: the rows are already these")
                                             : statements.join(u'\n'));
    updateButton();
}

void StampDialog::setReading()
{
    m_reading = true;
    m_readError.clear();
    m_readState->setText(tr("Reading the version table of %1 again, so that the preview shows what it holds now…")
                             .arg(m_environment.name));
    setTone(m_readState, Theme::Tone::Normal);
    m_readState->show();
    updateButton();
}

void StampDialog::setRows(const VersionRows &rows)
{
    m_reading = false;
    m_readError.clear();
    const bool changed = rows.rows != m_rows.rows || rows.tableExists != m_rows.tableExists;
    m_rows = rows;
    m_readState->setText(changed ? tr("The version table changed since the window last read it: this preview "
                                      "shows what it holds now.")
                                 : QString());
    setTone(m_readState, Theme::Tone::Warning);
    m_readState->setVisible(changed);
    replan();
}

void StampDialog::setReadFailed(const QString &error)
{
    m_reading = false;
    m_readError = error;
    m_readState->setText(tr("The version table could not be read again, so nothing can be stamped: %1").arg(error));
    setTone(m_readState, Theme::Tone::Error);
    m_readState->show();
    updateButton();
}

void StampDialog::updateButton()
{
    const bool confirmed = !m_needsName || m_confirm->text() == m_environment.name;
    m_stampButton->setEnabled(m_planned && confirmed && !m_reading && m_readError.isEmpty());
}
