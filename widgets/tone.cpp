// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "tone.h"

#include <QWidget>

void setTone(QWidget *widget, Theme::Tone tone)
{
    // The parent's palette, not the widget's own: that one carries the previous tone.
    const QPalette inherited = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
    QPalette palette = inherited;
    const QColor text = Theme::color(tone, inherited);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);
    widget->setPalette(tone == Theme::Tone::Normal ? QPalette() : palette);
    QFont font = widget->font();
    font.setBold(tone == Theme::Tone::Warning);
    widget->setFont(font);
}
