// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>

class Project;
class QWidget;
class RevisionGraphView;

/// File ▸ Export Graph: the graph as shown (SVG or PNG, in the light export palette) or the
/// project's history as Graphviz DOT, chosen by the file name's suffix.
namespace GraphExportDialog {

/// Writes @p graph, or @p project as DOT, to @p path.
bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, QString *error);
/// Asks where to save (next to @p projectPath) and exports there. Returns the path written, or
/// empty when the user cancelled or the export failed (after saying why).
QString ask(QWidget *parent, const RevisionGraphView &graph, const Project &project, const QString &projectPath);

} // namespace GraphExportDialog
