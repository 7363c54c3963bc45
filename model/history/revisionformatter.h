// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

class Project;
struct RevisionScript;

/// Alembic's text formats for a revision (Script._head_only and Script.log_entry in
/// alembic/script/base.py), so `retort-cli` prints what `alembic` prints; the JSON form is
/// StableJson::revision().
namespace RevisionFormatter {

struct LineOptions
{
    bool includeBranches = false;
    bool includeDoc = false;
    bool includeParents = false;
    bool treeIndicators = true;
    bool current = false;
};

/// One line: `a1 -> b2 (label) (head) (branchpoint), message`, depending on @p options.
QString line(const Project &project, int revision, const LineOptions &options);
/// The verbose entry (`Rev: …`, `Parent: …`, `Path: …`, indented docstring), ending with "\n".
QString logEntry(const Project &project, int revision, bool current = false);
/// `cmd_format`: the verbose entry or the one-line form.
QString commandFormat(const Project &project, int revision, bool verbose, const LineOptions &options);
/// Where each computed header value came from, a line each ("branch_labels = (cli.X,) (line 4): x, from …").
QString computedHeaders(const RevisionScript &script);

} // namespace RevisionFormatter
