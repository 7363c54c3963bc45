// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionremoval.h"

#include "database/databaseconnection.h"
#include "database/databaseurl.h"
#include "database/sqldialect.h"
#include "database/versiontable.h"
#include "edits/revisionfileeditor.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionRemoval)
};

QString listed(const QStringList &ids)
{
    return ids.isEmpty() ? Tr::tr("(base)") : ids.join(u", "_s);
}

std::optional<QByteArray> contentsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

class Planner
{
public:
    Planner(const Project &project, const RemovalRequest &request)
        : m_project(project)
        , m_map(project.map())
        , m_request(request)
    {}

    RemovalPlan plan(const QList<EnvironmentRows> &environments);

private:
    QList<int> removedRevisions(int target);
    void checkEnvironments(const QList<EnvironmentRows> &environments);
    /// What stands in for removed revision @p index in a down_revision or depends_on: its own
    /// down_revision, with removed revisions replaced in turn.
    QStringList replacement(int index) const;
    QStringList replaced(const QStringList &ids) const;
    RevisionFileEditor *editorFor(int index);
    void edit(int index, const QString &header, const QStringList &before, const QStringList &after,
              bool tupleForOne = false);
    void rewriteSurvivors();
    void handleLabels(int target);
    void addFileChanges();

    const Project &m_project;
    const RevisionMap &m_map;
    RemovalRequest m_request;
    RemovalPlan m_plan;
    QSet<int> m_removed;
    QSet<QString> m_movedLabels;
    QMap<int, RevisionFileEditor> m_editors; // map order: files are listed the same way every time
    QMap<int, QByteArray> m_before;
};

RemovalPlan Planner::plan(const QList<EnvironmentRows> &environments)
{
    const Result<int> target = m_map.resolveRevision(m_request.revision);
    if (!target) {
        m_plan.refusals.append(target.error());
        return m_plan;
    }
    const Revision &revision = m_map.revision(target.value());
    m_plan.revision = revision.id;
    if (!m_map.isAcyclic()) {
        // Re-parenting walks down_revision chains, which a cycle never ends; alembic refuses such a history too.
        m_plan.refusals.append(Tr::tr("The history has a cycle (see the problems list); break it by hand first, "
                                      "then delete %1.")
                                   .arg(revision.id));
        return m_plan;
    }
    if (revision.isGhost) {
        m_plan.refusals.append(Tr::tr("%1 has no file: other revisions name it, but there is nothing to delete. "
                                      "Re-parent or delete the revisions that name it instead.")
                                   .arg(revision.id));
        return m_plan;
    }
    const QList<int> removed = removedRevisions(target.value());
    for (const int index : removed) {
        m_removed.insert(index);
        m_plan.removed.append(m_map.revision(index).id);
    }
    if (m_request.mode == RemovalMode::Alone && !revision.nextRevisions.isEmpty()) {
        m_plan.refusals.append(Tr::tr("%1 has children (%2). Delete them with it, or re-parent them onto %3.")
                                   .arg(revision.id, m_map.ids(revision.nextRevisions).join(u", "_s),
                                        listed(revision.declaredDownRevisions)));
    }
    checkEnvironments(environments);
    if (m_project.hasErrors()) {
        m_plan.warnings.append({RemovalWarning::Kind::ProjectProblems,
                                Tr::tr("The project has errors (see the problems list): the history Retort shows "
                                       "may not be the one alembic would load.")});
    }
    handleLabels(target.value());
    rewriteSurvivors();
    addFileChanges();
    return m_plan;
}

QList<int> Planner::removedRevisions(int target)
{
    QList<int> removed{target};
    if (m_request.mode != RemovalMode::WithDescendants)
        return removed;
    // Map order after the target, so the list reads the same every time.
    const QList<int> descendants = m_map.descendants({target}, false);
    const QSet<int> wanted(descendants.cbegin(), descendants.cend());
    for (int i = 0; i < m_map.size(); ++i) {
        if (i != target && wanted.contains(i))
            removed.append(i);
    }
    return removed;
}

void Planner::checkEnvironments(const QList<EnvironmentRows> &environments)
{
    for (const EnvironmentRows &environment : environments) {
        if (!environment.error.isEmpty()) {
            m_plan.warnings.append(
                {RemovalWarning::Kind::Unreachable,
                 Tr::tr("%1 could not be read (%2): if it has %3 applied, deleting it breaks that database's history.")
                     .arg(environment.name, environment.error, m_plan.revision)});
            continue;
        }
        QList<int> rows;
        QStringList unknown;
        for (const QString &row : environment.rows) {
            const int index = m_map.indexOf(row);
            if (index < 0 || m_map.revision(index).isGhost)
                unknown.append(row);
            else
                rows.append(index);
        }
        if (!unknown.isEmpty()) {
            m_plan.warnings.append({RemovalWarning::Kind::UnknownRows,
                                    Tr::tr("%1's version table names %2, which the project does not have: Retort "
                                           "cannot tell what is applied there.")
                                        .arg(environment.name, unknown.join(u", "_s))});
        }
        const QList<int> applied = m_map.ancestors(rows, true);
        QStringList appliedRemoved;
        for (const int index : applied) {
            if (m_removed.contains(index))
                appliedRemoved.append(m_map.revision(index).id);
        }
        if (!appliedRemoved.isEmpty()) {
            appliedRemoved.sort();
            m_plan.refusals.append(
                Tr::tr("%1 is applied in %2 (its version table holds %3). Downgrade %2 below it "
                       "first; an applied revision cannot be deleted.")
                    .arg(appliedRemoved.join(u", "_s), environment.name, environment.rows.join(u", "_s)));
        }
    }
}

QStringList Planner::replacement(int index) const
{
    return replaced(m_map.revision(index).declaredDownRevisions);
}

QStringList Planner::replaced(const QStringList &ids) const
{
    QStringList result;
    for (const QString &id : ids) {
        const int index = m_map.indexOf(id);
        if (index >= 0 && m_removed.contains(index))
            result.append(replacement(index));
        else
            result.append(id);
    }
    result.removeDuplicates();
    return result;
}

RevisionFileEditor *Planner::editorFor(int index)
{
    if (auto found = m_editors.find(index); found != m_editors.end())
        return &found.value();
    const QString path = m_project.script(index)->path;
    const std::optional<QByteArray> bytes = contentsOf(path);
    if (!bytes) {
        m_plan.refusals.append(Tr::tr("%1 cannot be read.").arg(path));
        return nullptr;
    }
    Result<RevisionFileEditor> editor = RevisionFileEditor::open(path, bytes.value());
    if (!editor) {
        m_plan.refusals.append(editor.error());
        return nullptr;
    }
    m_before.insert(index, bytes.value());
    return &m_editors.insert(index, editor.value()).value();
}

void Planner::edit(int index, const QString &header, const QStringList &before, const QStringList &after,
                   bool tupleForOne)
{
    RevisionFileEditor *editor = editorFor(index);
    if (!editor)
        return;
    const Result<bool> done = editor->setHeader(header, after, tupleForOne);
    if (!done) {
        m_plan.refusals.append(done.error());
        return;
    }
    if (header == u"down_revision")
        editor->setRevisesLine(after);
    m_plan.edits.append(Tr::tr("%1: %2 %3 → %4")
                            .arg(QFileInfo(m_project.script(index)->path).fileName(), header,
                                 RevisionFileEditor::pythonLiteral(before, tupleForOne),
                                 RevisionFileEditor::pythonLiteral(after, tupleForOne)));
}

void Planner::rewriteSurvivors()
{
    for (int i = 0; i < m_map.size(); ++i) {
        const Revision &revision = m_map.revision(i);
        if (revision.isGhost || m_removed.contains(i))
            continue;
        const QStringList down = replaced(revision.declaredDownRevisions);
        if (down != revision.declaredDownRevisions) {
            m_plan.reparented.append(revision.id);
            edit(i, u"down_revision"_s, revision.declaredDownRevisions, down);
        }
        // depends_on may name a revision by id, unique prefix or branch label.
        QStringList dependencies;
        bool changed = false;
        for (const QString &dependency : revision.declaredDependencies) {
            const Result<int> named = m_map.resolveRevision(dependency);
            if (named && m_removed.contains(named.value()) && !m_movedLabels.contains(dependency)) {
                dependencies.append(replacement(named.value()));
                changed = true;
            } else {
                dependencies.append(dependency);
            }
        }
        dependencies.removeDuplicates();
        if (changed)
            edit(i, u"depends_on"_s, revision.declaredDependencies, dependencies);
    }
}

void Planner::handleLabels(int target)
{
    QStringList labels;
    for (const int index : m_removed)
        labels.append(m_map.revision(index).declaredBranchLabels);
    labels.sort();
    const Revision &revision = m_map.revision(target);
    const bool canMove = m_request.mode == RemovalMode::Reparent && revision.nextRevisions.size() == 1;
    if (m_request.moveLabels && !canMove) {
        m_plan.refusals.append(
            Tr::tr("Branch labels can move only when %1 is re-parented onto its one child.").arg(revision.id));
        return;
    }
    if (labels.isEmpty())
        return;
    if (m_request.moveLabels) {
        const int child = revision.nextRevisions.first();
        const QStringList before = m_map.revision(child).declaredBranchLabels;
        QStringList after = before + labels;
        after.removeDuplicates();
        m_movedLabels = QSet<QString>(labels.cbegin(), labels.cend());
        edit(child, u"branch_labels"_s, before, after, true);
        return;
    }
    const QString offer =
        canMove ? Tr::tr(" They can move to %1 instead.").arg(m_map.revision(revision.nextRevisions.first()).id)
                : QString();
    m_plan.warnings.append({RemovalWarning::Kind::LabelsRemoved,
                            Tr::tr("The branch labels %1 go away with %2: commands and depends_on that name them "
                                   "will fail.")
                                    .arg(labels.join(u", "_s), revision.id) +
                                offer});
}

void Planner::addFileChanges()
{
    for (const QString &id : std::as_const(m_plan.removed)) {
        const QString path = m_project.script(m_map.indexOf(id))->path;
        const std::optional<QByteArray> bytes = contentsOf(path);
        if (!bytes) {
            m_plan.refusals.append(Tr::tr("%1 cannot be read.").arg(path));
            continue;
        }
        m_plan.changes.append({path, bytes.value(), {}, true});
    }
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        m_plan.edited.append(m_map.revision(it.key()).id);
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        m_plan.changes.append({m_project.script(it.key())->path, m_before.value(it.key()), it.value().bytes(), false});
}

} // namespace

EnvironmentRows readEnvironmentRows(const QString &name, const QString &url, const VersionTableName &table,
                                    const QString &baseDirectory)
{
    EnvironmentRows environment{name, {}, {}};
    if (const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        parsed && parsed->sqlDialect()->kind() == SqlDialect::Kind::SQLite && !parsed->isSqliteMemory() &&
        !QFileInfo::exists(parsed->sqliteFilePath(baseDirectory))) {
        return environment; // no database yet: nothing applied
    }
    const Result<std::shared_ptr<DatabaseConnection>> connection = DatabaseConnection::open(url, baseDirectory, true);
    if (!connection) {
        environment.error = connection.error();
        return environment;
    }
    const Result<VersionRows> rows = VersionTable::read(connection.value()->database(), table);
    if (!rows)
        environment.error = rows.error();
    else
        environment.rows = rows->rows;
    return environment;
}

RemovalPlan planRemoval(const Project &project, const RemovalRequest &request,
                        const QList<EnvironmentRows> &environments)
{
    return Planner(project, request).plan(environments);
}
