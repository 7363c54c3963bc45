// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "interpreterdialog.h"

#include "backgroundjob.h"
#include "python/pythonenvironment.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

InterpreterDialog::InterpreterDialog(const QString &projectKey, const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_projectKey(projectKey)
{
    setWindowTitle(tr("Python Interpreter"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(520);
    auto *intro = new QLabel(tr("Upgrades and downgrades run real alembic in the project's Python. retort-cli uses "
                                "the same choice."),
                             this);
    intro->setWordWrap(true);
    m_automaticButton = new QRadioButton(tr("Find it automatically"), this);
    m_found = new QLabel(tr("Looking…"), this);
    m_found->setObjectName(u"interpreterFound"_s);
    m_found->setContentsMargins(24, 0, 0, 0);
    m_found->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chosenButton = new QRadioButton(tr("Use this interpreter:"), this);
    m_path = new QLineEdit(PythonEnvironment::chosenInterpreter(projectKey), this);
    m_path->setObjectName(u"interpreterPath"_s);
    m_path->setAccessibleName(tr("Interpreter to use"));
    m_path->setPlaceholderText(tr("e.g. %1").arg(u"/home/me/project/.venv/bin/python"_s));
    auto *browse = new QPushButton(tr("Browse…"), this);
    (m_path->text().isEmpty() ? m_automaticButton : m_chosenButton)->setChecked(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"interpreterStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *checkButton = buttons->addButton(tr("Check"), QDialogButtonBox::ActionRole);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &InterpreterDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(checkButton, &QPushButton::clicked, this, &InterpreterDialog::check);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Python Interpreter"), m_path->text());
        if (!file.isEmpty()) {
            m_path->setText(file);
            m_chosenButton->setChecked(true);
            check();
        }
    });
    connect(m_automaticButton, &QRadioButton::toggled, this, &InterpreterDialog::check);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_chosenButton->isChecked())
            check();
    });

    auto *pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(24, 0, 0, 0);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_automaticButton);
    layout->addWidget(m_found);
    layout->addWidget(m_chosenButton);
    layout->addLayout(pathRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // Finding it may ask Poetry, which takes a while: never on the GUI thread.
    ++m_checking;
    auto *finder = new QFutureWatcher<QString>(this);
    connect(finder, &QFutureWatcherBase::finished, this, [this, finder] {
        finder->deleteLater();
        --m_checking;
        m_automatic = finder->result();
        m_found->setText(QDir::toNativeSeparators(m_automatic));
        check();
    });
    finder->setFuture(
        runInBackground(backgroundPool(), [projectPath] { return PythonEnvironment::findInterpreter(projectPath); }));
}

QString InterpreterDialog::selectedInterpreter() const
{
    return m_chosenButton->isChecked() ? m_path->text().trimmed() : m_automatic;
}

void InterpreterDialog::check()
{
    const QString python = selectedInterpreter();
    if (python.isEmpty()) {
        m_status->setText(m_chosenButton->isChecked() ? tr("Name an interpreter, or let Retort find one.") : QString());
        return;
    }
    ++m_checking;
    m_okButton->setEnabled(!m_chosenButton->isChecked());
    m_status->setText(tr("Asking %1 for alembic…").arg(QDir::toNativeSeparators(python)));
    auto *probe = new QFutureWatcher<Result<PythonEnvironment::AlembicProbe>>(this);
    connect(probe, &QFutureWatcherBase::finished, this, [this, probe, python] {
        probe->deleteLater();
        --m_checking;
        if (python != selectedInterpreter())
            return; // another one was chosen meanwhile; its own check answers
        const Result<PythonEnvironment::AlembicProbe> answer = probe->result();
        // An interpreter the user names is kept only once it can run alembic; the automatic choice always can be.
        m_okButton->setEnabled(answer.ok() || !m_chosenButton->isChecked());
        if (answer) {
            m_status->setText(tr("Python %1 with alembic %2 and SQLAlchemy %3.")
                                  .arg(answer->pythonVersion, answer->alembicVersion, answer->sqlalchemyVersion));
        } else {
            m_status->setText(answer.error());
        }
        emit checked(answer.ok());
    });
    probe->setFuture(runInBackground(backgroundPool(), [python] { return PythonEnvironment::probeAlembic(python); }));
}

void InterpreterDialog::save()
{
    PythonEnvironment::setChosenInterpreter(m_projectKey,
                                            m_chosenButton->isChecked() ? m_path->text().trimmed() : QString());
    accept();
}
