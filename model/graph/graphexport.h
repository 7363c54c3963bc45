// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QByteArray>

class Project;

/// A project's revision graph as Graphviz source (no layout; pictures come from the GUI's drawing
/// code, the JSON form from StableJson::graph()).
namespace GraphExport {

/// A Graphviz digraph: bases at the bottom, depends_on dashed, ghosts dotted.
QByteArray toDot(const Project &project);

} // namespace GraphExport
