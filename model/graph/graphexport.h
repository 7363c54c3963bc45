// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/versiontable.h"

#include <QByteArray>
#include <QList>
#include <QString>

class Project;

/// A project's revision graph as Graphviz source (no layout; pictures come from the GUI's drawing
/// code, the JSON form from StableJson::graph()).
namespace GraphExport {

/// Where one database stands, for an export that shows it (`retort-cli graph --env`, the window's
/// Export Graph with its databases): its version rows as read.
struct EnvironmentRows
{
    QString name;  ///< the environment's name: its pin's label
    QString color; ///< `#rrggbb`, as the window draws its pin
    QString url;   ///< masked; empty when not known
    VersionTableName table;
    VersionRows rows;
    /// Why its schema is not the one the migrations give at the rows (its pin then carries ≠);
    /// empty when it is, or was not checked.
    QString drift;
};

/// A Graphviz digraph: bases at the bottom, depends_on dashed, ghosts dotted. Each of
/// @p environments adds a note above the revisions its rows name; without any the text is the same
/// as ever.
QByteArray toDot(const Project &project, const QList<EnvironmentRows> &environments = {});

} // namespace GraphExport
