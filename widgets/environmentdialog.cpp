// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "environmentdialog.h"

#include "database/databaseurl.h"
#include "database/urlmasking.h"
#include "tone.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EnvironmentDialog::EnvironmentDialog(const Environment &environment, const QStringList &taken, const QString &configUrl,
                                     QWidget *parent)
    : QDialog(parent)
    , m_taken(taken)
    , m_color(environment.color)
    , m_name(new QLineEdit(environment.name, this))
    , m_url(new QLineEdit(environment.url, this))
    , m_variable(new QLineEdit(environment.urlVariable, this))
    , m_variables(new QPlainTextEdit(environment.variables.join(u'\n'), this))
    , m_colorButton(new QPushButton(this))
    , m_protected(new QCheckBox(tr("Protected: every write asks to type the name"), this))
    , m_table(new QLineEdit(environment.versionTable, this))
    , m_schema(new QLineEdit(environment.versionTableSchema, this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(environment.name.isEmpty() ? tr("Add Environment") : tr("Edit Environment"));
    m_name->setObjectName(u"environmentName"_s);
    m_url->setObjectName(u"environmentUrl"_s);
    m_variable->setObjectName(u"environmentUrlVariable"_s);
    m_protected->setObjectName(u"environmentProtected"_s);
    m_name->setPlaceholderText(tr("e.g. staging"));
    m_url->setPlaceholderText(configUrl.isEmpty() ? tr("postgresql://user@host/database")
                                                  : tr("empty: the config's %1").arg(maskedUrl(configUrl)));
    m_url->setToolTip(tr("A SQLAlchemy URL. A password typed here is used for this session only and never saved."));
    m_variable->setPlaceholderText(tr("e.g. DATABASE_URL"));
    m_variables->setPlaceholderText(tr("ENVIRONMENT=production (one per line, for running alembic)"));
    m_variables->setToolTip(tr("Variables whose name holds PASSWORD, SECRET, TOKEN or KEY, or whose value is a URL "
                               "with a password, are kept in the keychain and show as their name alone."));
    m_variables->setMaximumHeight(70);
    m_protected->setChecked(environment.isProtected);
    m_table->setPlaceholderText(tr("from env.py"));
    m_schema->setPlaceholderText(tr("from env.py"));
    m_problem->setObjectName(u"environmentProblem"_s);
    m_problem->setWordWrap(true);
    setTone(m_problem, Theme::Tone::Error);
    connect(m_colorButton, &QPushButton::clicked, this, &EnvironmentDialog::chooseColor);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Database &URL:"), m_url);
    form->addRow(tr("…or URL from &variable:"), m_variable);
    form->addRow(tr("&Variables:"), m_variables);
    form->addRow(tr("&Colour:"), m_colorButton);
    form->addRow(QString(), m_protected);
    form->addRow(tr("Version &table:"), m_table);
    form->addRow(tr("Version table &schema:"), m_schema);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_name, m_url, m_variable, m_table, m_schema})
        connect(edit, &QLineEdit::textChanged, this, &EnvironmentDialog::validate);
    m_colorButton->setText(m_color.isEmpty() ? tr("Automatic") : m_color);
    resize(560, sizeHint().height());
    validate();
}

void EnvironmentDialog::chooseColor()
{
    const QColor color = QColorDialog::getColor(QColor(m_color.isEmpty() ? u"#2e7d32"_s : m_color), this);
    if (color.isValid()) {
        m_color = color.name();
        m_colorButton->setText(m_color);
    }
}

void EnvironmentDialog::validate()
{
    QString problem;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        problem = tr("Give the environment a name.");
    else if (m_taken.contains(name))
        problem = tr("Another environment is called '%1'.").arg(name);
    else if (!m_url->text().trimmed().isEmpty() && !m_variable->text().trimmed().isEmpty())
        problem = tr("Give a URL or a variable, not both.");
    else if (const QString url = m_url->text().trimmed(); !url.isEmpty()) {
        if (const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url); !parsed)
            problem = parsed.error();
    }
    if (problem.isEmpty()) {
        VersionTableName table;
        table.table = m_table->text().trimmed().isEmpty() ? table.table : m_table->text().trimmed();
        table.schema = m_schema->text().trimmed();
        problem = table.validationError();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

Environment EnvironmentDialog::environment() const
{
    Environment e;
    e.name = m_name->text().trimmed();
    e.url = m_url->text().trimmed();
    e.urlVariable = m_variable->text().trimmed();
    static const QRegularExpression SecretName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    for (const QString &line : m_variables->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        // KEY alone: a secret whose value the keychain keeps (edit it as KEY=new value).
        if (line.contains(u'=') || SecretName.match(line.trimmed()).hasMatch())
            e.variables.append(line.trimmed());
    }
    e.color = m_color;
    e.isProtected = m_protected->isChecked();
    e.versionTable = m_table->text().trimmed();
    e.versionTableSchema = m_schema->text().trimmed();
    return e;
}
