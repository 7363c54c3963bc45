// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "settingsdialog.h"

#include "appearance.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_direction(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_theme->setObjectName(u"themeChoice"_s);
    m_theme->addItem(tr("Follow the system"), int(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), int(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Appearance::savedTheme())));
    m_theme->setAccessibleName(tr("Colour scheme"));
    m_direction->setObjectName(u"directionChoice"_s);
    m_direction->addItem(tr("Top to bottom"), false);
    m_direction->addItem(tr("Left to right"), true);
    m_direction->setCurrentIndex(Appearance::savedLeftToRight() ? 1 : 0);
    m_direction->setAccessibleName(tr("Graph direction"));

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

    auto *form = new QFormLayout;
    form->addRow(tr("&Colour scheme:"), m_theme);
    form->addRow(tr("&Graph direction:"), m_direction);
    auto *note = new QLabel(tr("Changes apply at once and are kept for the next start."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
}
