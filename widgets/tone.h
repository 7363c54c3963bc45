// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "drawing/theme.h"

class QWidget;

/// Draws @p widget's text in @p tone's colour (warnings also in bold) through its palette, not a
/// style sheet; call again after a palette change.
void setTone(QWidget *widget, Theme::Tone tone);
