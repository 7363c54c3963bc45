// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graphexportdialog.h"

#include "drawing/graphexporter.h"
#include "drawing/graphpainter.h"
#include "graph/graphexport.h"
#include "revisiongraphview.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphExportDialog)
};

} // namespace

namespace GraphExportDialog {

bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"dot" || suffix == u"gv")
        return GraphExporter::writeFile(path, GraphExport::toDot(project), error);
    if (graph.nodeCount() == 0) {
        if (error)
            *error = Tr::tr("There is no graph to export yet.");
        return false;
    }
    if (suffix != u"svg" && suffix != u"png") {
        if (error)
            *error = Tr::tr("Choose a file name ending in .svg, .png or .dot.");
        return false;
    }
    // Exports always use a light palette: pictures end up in documents and pull requests.
    const GraphPainter painter(GraphPainter::exportPalette(), graph.font());
    return GraphExporter::write(graph.picture(), painter,
                                suffix == u"svg" ? GraphExporter::Format::Svg : GraphExporter::Format::Png, path,
                                error);
}

QString ask(QWidget *parent, const RevisionGraphView &graph, const Project &project, const QString &projectPath)
{
    QString selectedFilter;
    const QString base = QFileInfo(projectPath).absolutePath() + u"/revisions.svg"_s;
    QString path = QFileDialog::getSaveFileName(parent, Tr::tr("Export Graph"), base,
                                                Tr::tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"),
                                                &selectedFilter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter.contains(u"png"_s)   ? u".png"_s
                : selectedFilter.contains(u"dot"_s) ? u".dot"_s
                                                    : u".svg"_s;
    QString error;
    if (exportTo(graph, project, path, &error))
        return path;
    QMessageBox::warning(parent, Tr::tr("Cannot Export Graph"), error);
    return {};
}

} // namespace GraphExportDialog
