// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

/// How many processes named @p name this process started are still there (running, or ended and
/// not yet reaped), read from /proc; other tests' processes running beside this one do not count.
int childProcessesNamed(const QString &name);
