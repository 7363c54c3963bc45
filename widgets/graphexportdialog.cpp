// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graphexportdialog.h"

#include "drawing/environmentpins.h"
#include "drawing/graphexporter.h"
#include "drawing/graphpainter.h"
#include "noticearea.h"
#include "revisiongraphview.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GraphExportDialog)
};

const QString ShowEnvironmentsKey = u"export/showEnvironments"_s;

} // namespace

namespace GraphExportDialog {

QString environmentsUnavailable(const RevisionGraphView &graph)
{
    if (!graph.environmentMarks().pins.isEmpty())
        return {};
    return Tr::tr("No database has been read yet: add an environment, or read the config's database, in the "
                  "database bar first.");
}

QList<GraphExport::EnvironmentRows> environmentRows(const RevisionGraphView &graph, const Project &project)
{
    const RevisionMap &map = project.map();
    const RevisionGraphView::EnvironmentMarks &marks = graph.environmentMarks();
    QList<GraphExport::EnvironmentRows> environments;
    for (const auto &[pin, revisions] : marks.pins) {
        GraphExport::EnvironmentRows environment;
        environment.name = pin.name;
        environment.color = pin.color.name();
        environment.drift = pin.drift;
        environment.rows.tableExists = true;
        for (int revision : revisions) {
            if (revision >= 0 && revision < map.size())
                environment.rows.rows.append(map.revision(revision).id);
        }
        for (const auto &[unknownPin, rows] : marks.unknownRows) {
            if (unknownPin == pin)
                environment.rows.rows.append(rows);
        }
        environments.append(environment);
    }
    return environments;
}

bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, QString *error)
{
    return exportTo(graph, project, path, Options(), error);
}

bool exportTo(const RevisionGraphView &graph, const Project &project, const QString &path, const Options &options,
              QString *error)
{
    const QList<GraphExport::EnvironmentRows> environments =
        options.showEnvironments ? environmentRows(graph, project) : QList<GraphExport::EnvironmentRows>();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"dot" || suffix == u"gv")
        return GraphExporter::writeFile(path, GraphExport::toDot(project, environments), error);
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
                                suffix == u"svg" ? GraphExporter::Format::Svg : GraphExporter::Format::Png, path, error,
                                EnvironmentPins::fromRows(project.map(), environments));
}

QString ask(QWidget *parent, const RevisionGraphView &graph, const Project &project, const QString &projectPath)
{
    const QString folder = QFileInfo(projectPath).absolutePath();
    QFileDialog dialog(parent, Tr::tr("Export Graph"), folder,
                       Tr::tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"));
    dialog.setObjectName(u"graphExportDialog"_s);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    // Qt's own dialog: a platform one has no room for the option below the file name.
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.selectFile(folder + u"/revisions.svg"_s);

    QSettings settings;
    const QString unavailable = environmentsUnavailable(graph);
    auto *showEnvironments = new QCheckBox(Tr::tr("Show where each database stands"), &dialog);
    showEnvironments->setObjectName(u"showEnvironmentsCheck"_s);
    showEnvironments->setEnabled(unavailable.isEmpty());
    showEnvironments->setChecked(unavailable.isEmpty() && settings.value(ShowEnvironmentsKey, false).toBool());
    showEnvironments->setToolTip(unavailable.isEmpty()
                                     ? Tr::tr("Draws each environment's pin on the revisions its version table "
                                              "names, as the window shows them, with a legend.")
                                     : unavailable);
    if (auto *grid = qobject_cast<QGridLayout *>(dialog.layout()))
        grid->addWidget(showEnvironments, grid->rowCount(), 0, 1, grid->columnCount());
    else if (dialog.layout())
        dialog.layout()->addWidget(showEnvironments);

    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    if (showEnvironments->isEnabled())
        settings.setValue(ShowEnvironmentsKey, showEnvironments->isChecked());
    QString path = dialog.selectedFiles().constFirst();
    if (path.isEmpty())
        return {};
    const QString selectedFilter = dialog.selectedNameFilter();
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter.contains(u"png"_s)   ? u".png"_s
                : selectedFilter.contains(u"dot"_s) ? u".dot"_s
                                                    : u".svg"_s;
    Options options;
    options.showEnvironments = showEnvironments->isEnabled() && showEnvironments->isChecked();
    QString error;
    Notice notice;
    notice.id = u"exportError"_s;
    if (exportTo(graph, project, path, options, &error)) {
        NoticeArea::withdraw(parent, notice.id);
        return path;
    }
    notice.title = Tr::tr("Cannot Export Graph");
    notice.text = Tr::tr("%1 was not written:").arg(QDir::toNativeSeparators(path));
    NoticeArea::report(parent, Notice::because(notice, error));
    return {};
}

} // namespace GraphExportDialog
