// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class Project;
class QTextStream;
struct CliArguments;

/// The retort-cli commands that read or write a database: `current`, `status` and `stamp`. Each
/// returns the process exit code; messages go to @p err as `FAILED: …`.
namespace DatabaseCommands {

int current(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
int status(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
int stamp(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);

} // namespace DatabaseCommands
