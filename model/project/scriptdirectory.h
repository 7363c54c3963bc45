// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "project/revisionscript.h"

#include <QList>
#include <QStringList>

struct ProjectConfig;

/// Finds and reads the revision files of a project the way Alembic's ScriptDirectory does.
namespace ScriptDirectory {

/// The revision files in map order: each version location in turn, file names sorted (the
/// Alembic >= 1.10 rule), sub-directories too when `recursive_version_locations` is set.
/// Names starting with `.#` or `__init__` and anything not ending in `.py` are not revisions.
QStringList revisionFiles(const ProjectConfig &config, Diagnostics *diagnostics);

/// Whether a file named @p name in a version location is a revision file (revisionFiles()' rule).
bool isRevisionFileName(const QString &name, bool sourceless);

/// Reads and parses @p files (in parallel when there are many), keeping their order.
QList<RevisionScript> readScripts(const QStringList &files);

/// A warning for each sub-folder of a version location that holds revision files (`.py` files that
/// bind `revision`) which the configuration does not read: `recursive_version_locations` is off
/// and `version_locations` does not name the folder. Alembic ignores such files silently, so a
/// history that looks complete may lack them. Each warning names the folder, the number of files and
/// (as its file) the first of them.
Diagnostics unreadFolders(const ProjectConfig &config);

} // namespace ScriptDirectory
