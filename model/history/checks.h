// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

class Project;

/// Review checks on top of what loading found: the list the GUI's problems panel and
/// `retort-cli check` show.
namespace Checks {

/// The project's diagnostics followed by the history checks (currently: several heads).
Diagnostics run(const Project &project);

} // namespace Checks
