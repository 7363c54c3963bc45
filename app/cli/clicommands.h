// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QStringList>

class QTextStream;

/// Runs `retort-cli` with @p arguments (argv, program name first); returns the exit code.
int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err);
