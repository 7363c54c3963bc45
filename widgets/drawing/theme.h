// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QColor>
#include <QPalette>

/// Retort's colours beyond the palette's roles, each readable on the palette in use, so that no
/// widget hard-codes a colour that vanishes on a dark background. QtGui only: retort-cli draws too.
namespace Theme {

enum class Tone
{
    Normal,  ///< the palette's own text colour
    Warning, ///< needs attention (several heads)
    Error,   ///< something failed or cannot work
};

/// Whether @p palette draws light text on a dark background.
bool isDark(const QPalette &palette);
/// @p tone's colour on @p palette's background.
QColor color(Tone tone, const QPalette &palette);
/// The dark palette of `retort --dark`, derived from Fusion's colours.
QPalette darkPalette();
/// @p a moved towards @p b by @p t (0: @p a, 1: @p b), opaque.
QColor mix(const QColor &a, const QColor &b, double t);
/// WCAG 2 contrast ratio of @p a and @p b (1 to 21).
double contrast(const QColor &a, const QColor &b);
/// @p color, darkened or lightened away from @p other until their contrast reaches @p ratio (WCAG
/// AA for text: 4.5). Text on a background, or a background under text: it works both ways.
QColor readable(QColor color, const QColor &other, double ratio = 4.5);

} // namespace Theme
