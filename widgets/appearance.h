// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

/// The colour scheme the user chose in Settings, kept in QSettings and applied to the whole
/// application: every view re-colours itself on the palette change (graph, source, dialogs).
namespace Appearance {

enum class Theme
{
    System, ///< the desktop's palette
    Light,
    Dark
};

Theme savedTheme();
void saveTheme(Theme theme);

/// Sets the application palette for @p theme.
void applyTheme(Theme theme);

/// The graph's direction when a window opens: the View menu's Left to Right.
bool savedLeftToRight();
void saveLeftToRight(bool leftToRight);

} // namespace Appearance
