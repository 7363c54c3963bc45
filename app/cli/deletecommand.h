// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class Project;
class QTextStream;
struct CliArguments;

namespace DeleteCommand {

/// `delete REV [--with-descendants|--reparent] [--move-labels] [--dry-run] [--yes]`: removes an
/// unapplied revision file after checking every configured environment (and --env/--url).
int run(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);

} // namespace DeleteCommand
