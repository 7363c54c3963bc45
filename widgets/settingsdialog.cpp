// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "settingsdialog.h"

#include "appearance.h"
#include "backgroundjob.h"
#include "confirmations.h"
#include "python/pythonenvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_python(new QLineEdit(this))
    , m_pythonStatus(new QLabel(this))
    , m_typedName(new QComboBox(this))
    , m_askRemoval(
          new QCheckBox(tr("Ask before &removing an environment from the list (protected ones always ask)"), this))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);
    auto *note = new QLabel(tr("Changes apply at once and are kept for the next start."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createAppearance());
    layout->addWidget(createPython());
    layout->addWidget(createConfirmations());
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
}

QWidget *SettingsDialog::createAppearance()
{
    m_theme->setObjectName(u"themeChoice"_s);
    m_theme->addItem(tr("Follow the system"), int(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), int(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Appearance::savedTheme())));
    m_direction->setObjectName(u"directionChoice"_s);
    m_direction->addItem(tr("Top to bottom"), false);
    m_direction->addItem(tr("Left to right"), true);
    m_direction->setCurrentIndex(Appearance::savedLeftToRight() ? 1 : 0);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const auto theme = Appearance::Theme(m_theme->currentData().toInt());
        Appearance::saveTheme(theme);
        Appearance::applyTheme(theme);
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        const bool leftToRight = m_direction->currentData().toBool();
        Appearance::saveLeftToRight(leftToRight);
        emit leftToRightChosen(leftToRight);
    });

    auto *group = new QGroupBox(tr("Appearance"), this);
    auto *form = new QFormLayout(group);
    form->addRow(tr("&Colour scheme:"), m_theme);
    form->addRow(tr("&Graph direction:"), m_direction);
    return group;
}

QWidget *SettingsDialog::createPython()
{
    m_python->setObjectName(u"defaultPython"_s);
    m_python->setText(PythonEnvironment::defaultInterpreter());
    m_python->setPlaceholderText(tr("Automatic: /usr/bin/python3, else python3 on PATH"));
    m_python->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Browse for the default Python interpreter"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Default Python Interpreter"), m_python->text());
        if (!file.isEmpty()) {
            m_python->setText(file);
            checkPython();
        }
    });
    connect(m_python, &QLineEdit::editingFinished, this, &SettingsDialog::checkPython);
    m_pythonStatus->setObjectName(u"defaultPythonStatus"_s);
    m_pythonStatus->setWordWrap(true);
    m_pythonStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *explanation =
        new QLabel(tr("Runs the migrations of projects that have no virtual environment of their own. A project's "
                      "own choice (Database ▸ Python Interpreter…) comes first. retort-cli uses it too."),
                   this);
    explanation->setWordWrap(true);

    auto *label = new QLabel(tr("Default &interpreter:"), this);
    label->setBuddy(m_python); // a row holding a layout gets no buddy from the form
    auto *row = new QHBoxLayout;
    row->addWidget(m_python, 1);
    row->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(label, row);
    // The explanation above the form, not in it: a wrapped label in a form row gets one line's height.
    auto *group = new QGroupBox(tr("Python"), this);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_pythonStatus);
    return group;
}

QWidget *SettingsDialog::createConfirmations()
{
    m_typedName->setObjectName(u"typedNameChoice"_s);
    m_typedName->addItem(tr("Protected environments only"), int(Confirmations::TypedName::ProtectedOnly));
    m_typedName->addItem(tr("Every environment"), int(Confirmations::TypedName::EveryEnvironment));
    m_typedName->setCurrentIndex(m_typedName->findData(int(Confirmations::typedName())));
    connect(m_typedName, &QComboBox::currentIndexChanged, this,
            [this] { Confirmations::setTypedName(Confirmations::TypedName(m_typedName->currentData().toInt())); });
    m_askRemoval->setObjectName(u"askRemoval"_s);
    m_askRemoval->setChecked(Confirmations::asksBeforeRemovingEnvironment());
    connect(m_askRemoval, &QCheckBox::toggled, this, &Confirmations::setAsksBeforeRemovingEnvironment);
    auto *explanation =
        new QLabel(tr("Stamps, upgrades and downgrades always show their preview first; these add to it."), this);
    explanation->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Type the name before writing to:"), m_typedName);
    form->addRow(m_askRemoval);
    auto *group = new QGroupBox(tr("Confirmations"), this);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(explanation);
    layout->addLayout(form);
    return group;
}

void SettingsDialog::growToFit()
{
    // The answer may take several lines (how to install alembic): taller, never narrower.
    const QSize before = size();
    adjustSize();
    resize(qMax(before.width(), width()), qMax(before.height(), height()));
}

void SettingsDialog::checkPython()
{
    const QString python = m_python->text().trimmed();
    if (python.isEmpty()) {
        m_checkedPython.clear();
        PythonEnvironment::setDefaultInterpreter({});
        m_pythonStatus->clear();
        emit pythonChecked(true);
        return;
    }
    if (python == m_checkedPython)
        return; // its check answered, or is under way (editing ends twice: Return, then leaving)
    m_checkedPython = python;
    m_pythonStatus->setText(tr("Asking %1 for alembic…").arg(QDir::toNativeSeparators(python)));
    // The check outlives the dialog: Close right after typing still keeps a Python that works.
    const QPointer<SettingsDialog> dialog(this);
    auto *probe = new QFutureWatcher<Result<PythonEnvironment::AlembicProbe>>(qApp);
    connect(probe, &QFutureWatcherBase::finished, qApp, [dialog, probe, python] {
        probe->deleteLater();
        if (dialog && python != dialog->m_checkedPython)
            return; // another one was typed meanwhile; its own check answers
        const Result<PythonEnvironment::AlembicProbe> answer = probe->result();
        if (answer)
            PythonEnvironment::setDefaultInterpreter(python);
        if (!dialog)
            return;
        if (!answer)
            dialog->m_checkedPython.clear(); // the same path may work once alembic is installed
        dialog->m_pythonStatus->setText(
            answer ? tr("Kept: Python %1 with alembic %2 and SQLAlchemy %3.")
                         .arg(answer->pythonVersion, answer->alembicVersion, answer->sqlalchemyVersion)
                   : tr("Not kept: %1").arg(answer.error()));
        dialog->growToFit();
        emit dialog->pythonChecked(answer.ok());
    });
    probe->setFuture(runInBackground(backgroundPool(), [python] { return PythonEnvironment::probeAlembic(python); }));
}
