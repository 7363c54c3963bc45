// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

/// @p text with control characters shown as escapes (`\x00`, `\x1b`, `\u0085`), as Python's repr()
/// shows them: text taken from files can then neither cut a message short nor drive the terminal.
/// Line breaks and tabs are kept.
QString printableText(const QString &text);
