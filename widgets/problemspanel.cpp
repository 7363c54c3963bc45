// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "problemspanel.h"

#include "editorlauncher.h"
#include "history/checks.h"
#include "printabletext.h"
#include "project/project.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QIcon>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// The map index of the revision @p d is about: named by id, else by its file; -1 for none.
int revisionOf(const Diagnostic &d, const Project &project, QHash<QString, int> &byFile)
{
    const int named = project.map().indexOf(d.revision);
    if (named >= 0 || d.file.isEmpty())
        return named;
    if (byFile.isEmpty()) {
        for (int r = 0; r < project.map().size(); ++r) {
            const RevisionScript *script = project.script(r);
            if (script && !byFile.contains(script->path))
                byFile.insert(script->path, r);
        }
    }
    return byFile.value(d.file, -1);
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_evaluateButton(new QPushButton(tr("Evaluate with Python…"), this))
{
    m_list->setObjectName(u"problemsView"_s);
    m_list->setAccessibleName(tr("Problems"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activate(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { activate(m_list->row(item)); });
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_list->itemAt(pos);
        const std::unique_ptr<QMenu> menu(createContextMenu(item ? m_list->row(item) : -1, this));
        if (menu)
            menu->exec(m_list->viewport()->mapToGlobal(pos));
    });
    m_evaluateButton->setObjectName(u"evaluateButton"_s);
    m_evaluateButton->setToolTip(tr("Load the revision files whose header values Retort cannot work out in the "
                                    "project's Python interpreter, the way alembic loads them"));
    m_evaluateButton->hide();
    connect(m_evaluateButton, &QPushButton::clicked, this, &ProblemsPanel::evaluateRequested);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_list);
    layout->addWidget(m_evaluateButton, 0, Qt::AlignLeft);
}

void ProblemsPanel::showProblems(const Project &project, bool offerEvaluation)
{
    m_list->clear();
    m_rows.clear();
    QHash<QString, int> revisionByFile;
    const Diagnostics problems = Checks::run(project);
    for (const Diagnostic &d : problems) {
        QString where = d.file.isEmpty() ? QString() : QFileInfo(d.file).fileName();
        if (!where.isEmpty() && d.line > 0)
            where = tr("%1:%2").arg(where).arg(d.line);
        const QString message = printableText(d.message);
        auto *item = new QListWidgetItem(where.isEmpty() ? message : tr("%1: %2").arg(where, message));
        item->setIcon(
            style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setToolTip(d.file.isEmpty() ? message : tr("%1\n%2").arg(QDir::toNativeSeparators(d.file), message));
        m_list->addItem(item);
        Row row{revisionOf(d, project, revisionByFile), d, d.file, d.line};
        if (const RevisionScript *script = row.revision >= 0 ? project.script(row.revision) : nullptr) {
            if (row.file.isEmpty() || row.file == script->path) {
                row.file = script->path;
                row.line = row.line > 0 ? row.line : EditorLauncher::revisionLine(*script);
            }
        }
        m_rows.append(row);
    }
    m_evaluateButton->setVisible(offerEvaluation);
    if (problems.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No problems found."));
        item->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setFlags(Qt::ItemIsEnabled);
        m_list->addItem(item);
    }
}

void ProblemsPanel::activate(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const Row &problem = m_rows.at(row);
    const Diagnostic &d = problem.diagnostic;
    if (problem.revision < 0 && !d.file.isEmpty())
        emit fileActivated(d.file, d.line, d.message); // a file Alembic could not use: its source can still be read
    else
        emit revisionActivated(problem.revision, d.line);
}

QMenu *ProblemsPanel::createContextMenu(int row, QWidget *parent)
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    auto *menu = new QMenu(parent);
    QAction *show = menu->addAction(tr("&Show"));
    show->setObjectName(u"showProblemAction"_s);
    connect(show, &QAction::triggered, this, [this, row] { activate(row); });
    const Row &problem = m_rows.at(row);
    QAction *open = menu->addAction(QIcon::fromTheme(u"document-edit"_s), tr("Open in &Editor"));
    connect(open, &QAction::triggered, this, [this, row] { openInEditor(row); });
    open->setObjectName(u"problemOpenInEditorAction"_s);
    open->setEnabled(!problem.file.isEmpty());
    if (!problem.file.isEmpty())
        open->setToolTip(tr("%1, line %2").arg(QDir::toNativeSeparators(problem.file)).arg(std::max(1, problem.line)));
    return menu;
}

void ProblemsPanel::openInEditor(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).file.isEmpty())
        return;
    EditorLauncher::open(this, m_rows.at(row).file, std::max(1, m_rows.at(row).line));
}
