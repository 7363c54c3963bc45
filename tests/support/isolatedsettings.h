// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

/// Sends every QSettings file (environments.ini included) and QStandardPaths location of the test
/// process into @p dir, never to the user's configuration. Returns an empty string, or what is
/// wrong (the environments file would still land elsewhere).
QString isolateSettings(const QString &dir);
