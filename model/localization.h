// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class QCoreApplication;

/// Installs the translation for the user's languages (LANGUAGE, then the locale), embedded by the
/// executables under :/i18n, and Qt's own catalogue for the same language. English (with its
/// plural forms) when Retort has no translation for any of them.
void installTranslations(QCoreApplication &app);

/// Call first in main(), before the application object exists. Qt 6.5 and newer print a warning on
/// stderr when started in a locale whose character encoding is not UTF-8 (`LC_ALL=C`, common in
/// scripts and CI), then switch the encoding to UTF-8 themselves. This makes the same switch
/// quietly, through the environment Qt reads: messages, numbers and dates keep the user's locale.
void preferUtf8Encoding();
