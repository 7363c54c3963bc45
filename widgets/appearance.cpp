// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "appearance.h"

#include "drawing/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {
const QString ThemeKey = u"appearance/theme"_s;
const QString LeftToRightKey = u"appearance/leftToRight"_s;
} // namespace

Appearance::Theme Appearance::savedTheme()
{
    const QString value = QSettings().value(ThemeKey).toString();
    return value == u"light" ? Theme::Light : value == u"dark" ? Theme::Dark : Theme::System;
}

void Appearance::saveTheme(Theme theme)
{
    QSettings().setValue(ThemeKey, theme == Theme::Light ? u"light"_s : theme == Theme::Dark ? u"dark"_s : u"system"_s);
}

void Appearance::applyTheme(Theme theme)
{
    switch (theme) {
    case Theme::System:
        // A palette with no role set resolves, role by role, to the platform's.
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(::Theme::darkPalette());
        break;
    }
}

bool Appearance::savedLeftToRight()
{
    return QSettings().value(LeftToRightKey, false).toBool();
}

void Appearance::saveLeftToRight(bool leftToRight)
{
    QSettings().setValue(LeftToRightKey, leftToRight);
}
