// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionlistmodel.h"

#include "database/environmentsession.h"
#include "graph/revisiongraph.h"

#include <QSet>

using namespace Qt::StringLiterals;

RevisionListModel::RevisionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

RevisionListModel::Rows RevisionListModel::rowsOf(const Project &project)
{
    Rows rows;
    const RevisionMap &map = project.map();
    if (map.isAcyclic()) {
        if (Result<QList<int>> history = map.history())
            rows.order = history.value();
    }
    const QSet<int> shown(rows.order.cbegin(), rows.order.cend());
    for (int i = map.size() - 1; i >= 0; --i) {
        if (!shown.contains(i))
            rows.order.append(i);
    }
    int lineageCount = 0;
    const QList<int> lineages = revisionLineages(map, &lineageCount);
    rows.lanes = HistoryLanes::compute(map, rows.order, revisionColours(map, lineages, lineageCount));
    rows.ids = DisplayIds(map);
    return rows;
}

void RevisionListModel::setProject(const Project &project)
{
    setProject(project, rowsOf(project));
}

void RevisionListModel::setProject(const Project &project, Rows rows)
{
    beginResetModel();
    m_project = project;
    m_rows = std::move(rows.order);
    m_lanes = std::move(rows.lanes);
    m_ids = std::move(rows.ids);
    endResetModel();
}

void RevisionListModel::clear()
{
    beginResetModel();
    m_project = Project();
    m_rows.clear();
    m_lanes = {};
    m_ids = {};
    endResetModel();
}

void RevisionListModel::setEnvironmentSession(const EnvironmentSession *session)
{
    m_session = session;
    environmentsChanged();
}

void RevisionListModel::environmentsChanged()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DatabasesColumn), index(int(m_rows.size()) - 1, DatabasesColumn));
}

EnvironmentPlacement RevisionListModel::placement(int revisionIndex) const
{
    if (!m_session || m_session->project() == nullptr || m_project.map().revision(revisionIndex).isGhost)
        return {};
    return EnvironmentPlacement::of(*m_session, revisionIndex);
}

int RevisionListModel::revisionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : RevisionMap::NoRevision;
}

int RevisionListModel::rowOf(int revision) const
{
    return int(m_rows.indexOf(revision));
}

int RevisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int revisionIndex = m_rows.at(index.row());
    const Revision &rev = m_project.map().revision(revisionIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RevisionColumn:
            return shortId(rev.id);
        case MessageColumn:
            if (rev.isGhost)
                return tr("(missing revision file)");
            if (const RevisionScript *script = m_project.script(revisionIndex))
                return docHeadline(script->longDoc);
            return docHeadline(rev.doc);
        case ParentsColumn:
            return parentsText(rev);
        case BranchLabelsColumn:
            return rev.branchLabels.join(u", "_s);
        case FlagsColumn:
            return flagsText(flags(rev));
        case DatabasesColumn:
            return placement(revisionIndex).cellText();
        }
        return {};
    case PlacementRole:
        return QVariant::fromValue(placement(revisionIndex));
    case Qt::ToolTipRole:
        return toolTip(revisionIndex, index.column());
    case RevisionIdRole:
        return rev.id;
    case RevisionIndexRole:
        return revisionIndex;
    case FlagsRole:
        return flags(rev);
    case LanesRole:
        return QVariant::fromValue(m_lanes.rows.at(index.row()));
    }
    return {};
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LaneColumn:
        return tr("Graph");
    case RevisionColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case ParentsColumn:
        return tr("Parents");
    case BranchLabelsColumn:
        return tr("Branch labels");
    case FlagsColumn:
        return tr("Flags");
    case DatabasesColumn:
        return tr("Databases");
    }
    return {};
}

int RevisionListModel::flags(const Revision &rev) const
{
    int f = 0;
    if (rev.isGhost)
        return Ghost;
    if (rev.isRealHead())
        f |= Head;
    else if (rev.isHead())
        f |= EffectiveHead;
    if (rev.isBase())
        f |= Base;
    if (rev.isMergePoint())
        f |= MergePoint;
    if (rev.isBranchPoint())
        f |= BranchPoint;
    return f;
}

QString RevisionListModel::flagsText(int f) const
{
    QStringList words;
    if (f & Head)
        words.append(tr("head"));
    if (f & EffectiveHead)
        words.append(tr("effective head"));
    if (f & Base)
        words.append(tr("base"));
    if (f & MergePoint)
        words.append(tr("merge"));
    if (f & BranchPoint)
        words.append(tr("branch point"));
    if (f & Ghost)
        words.append(tr("missing"));
    return words.join(u", "_s);
}

QString RevisionListModel::parentsText(const Revision &rev) const
{
    QStringList parents;
    for (const QString &id : rev.declaredDownRevisions)
        parents.append(shortId(id));
    QString text = parents.join(u", "_s);
    if (!rev.declaredDependencies.isEmpty()) {
        QStringList dependencies;
        for (const QString &id : rev.declaredDependencies)
            dependencies.append(shortId(id));
        const QString dependsOn = tr("depends on %1").arg(dependencies.join(u", "_s));
        text = text.isEmpty() ? dependsOn : tr("%1; %2").arg(text, dependsOn);
    }
    return text;
}

QString RevisionListModel::toolTip(int revisionIndex, int column) const
{
    const Revision &rev = m_project.map().revision(revisionIndex);
    const RevisionScript *script = m_project.script(revisionIndex);
    switch (column) {
    case RevisionColumn:
        return script ? tr("%1\n%2").arg(rev.id, script->path) : rev.id;
    case MessageColumn:
        return script ? script->longDoc : QString();
    case DatabasesColumn:
        return placement(revisionIndex).description();
    case ParentsColumn:
        if (!rev.declaredDependencies.isEmpty())
            return tr("down_revision: %1\ndepends_on: %2")
                .arg(rev.declaredDownRevisions.join(u", "_s), rev.declaredDependencies.join(u", "_s));
        return rev.declaredDownRevisions.join(u", "_s);
    default:
        return {};
    }
}
