// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "graph/graphexport.h"

#include <QList>
#include <QString>

class Project;
class QWidget;
class RevisionGraphView;

/// File ▸ Export Graph: the graph as shown (SVG or PNG, in the light export palette) or the
/// project's history as Graphviz DOT, chosen by the file name's suffix; on request with where each
/// database stands, as the window shows it.
namespace GraphExportDialog {

/// What the user chose beside the file name (remembered in the settings).
struct Options
{
    /// The environments' pins as the window shows them (rows as last read, ≠ for a drifted schema),
    /// with a legend; in DOT, a note per environment.
    bool showEnvironments = false;
};

/// Why @p graph's databases cannot be shown (none was read); empty when they can.
QString environmentsUnavailable(const RevisionGraphView &graph);
/// The version rows behind @p graph's pins now, by environment, in its colours.
QList<GraphExport::EnvironmentRows> environmentRows(const RevisionGraphView &graph, const Project &project);

/// Writes @p graph, or @p project as DOT, to @p path.
bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, QString *error);
bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, const Options &options,
              QString *error);
/// Asks where to save (next to @p projectPath) and whether to show the databases, and exports there.
/// Returns the path written, or empty when the user cancelled or the export failed (after saying why).
QString ask(QWidget *parent, const RevisionGraphView &graph, const Project &project, const QString &projectPath);

} // namespace GraphExportDialog
