// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

class Project;
class QTextStream;
struct CliArguments;

/// The retort-cli commands about a database's schema: `schema` (what it has), `diff` (against what
/// the migrations give at its stamped revisions or at a revision) and `match` (which revision it is
/// closest to). `diff` exits as diff(1) does: 0 when the schemas are the same, 1 when they differ,
/// 2 when they could not be compared.
namespace SchemaCommands {

int schema(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
int diff(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
/// What a revision (or a START:END range) changes in the schema, replayed for --dialect (default:
/// the config's sqlalchemy.url's, else PostgreSQL); no database is opened.
int changes(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);
int match(const CliArguments &args, const Project &project, QTextStream &out, QTextStream &err);

} // namespace SchemaCommands
