// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class Project;
class QTextStream;
struct CliArguments;

/// `retort-cli upgrade|downgrade TARGET`: the plan and its warnings, computed natively from the
/// database's rows; then real alembic runs it (migrations are arbitrary Python) and the version
/// rows are read again and checked against the plan.
namespace MigrateCommands {

int upgrade(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
int downgrade(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);

} // namespace MigrateCommands
