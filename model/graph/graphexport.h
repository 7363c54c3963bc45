// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QJsonObject>

class Project;

/// Machine-readable exports of a project's revision graph (no layout; pictures come from the GUI's
/// drawing code).
namespace GraphExport {

/// `{"revisions": […], "edges": [{"from", "to", "kind": "down_revision"|"depends_on"}], "heads",
/// "bases", "diagnostics"}`; documented in README.md.
QJsonObject toJson(const Project &project);
/// A Graphviz digraph: bases at the bottom, depends_on dashed, ghosts dotted.
QByteArray toDot(const Project &project);
QJsonObject diagnosticToJson(const Diagnostic &diagnostic);

} // namespace GraphExport
