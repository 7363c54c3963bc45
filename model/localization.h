// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class QCoreApplication;

/// Installs the translation for the user's locale, embedded by the executables under :/i18n.
/// Keeps English when there is none.
void installTranslations(QCoreApplication &app);
