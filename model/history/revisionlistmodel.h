// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environmentplacement.h"
#include "graph/historylanes.h"
#include "history/displaytext.h"
#include "project/project.h"

#include <QAbstractTableModel>
#include <QList>

/// The revisions of one project as a table, newest first, the order of `alembic history`.
///
/// How it works: rows follow RevisionMap::history(); revisions the walk cannot reach (ghosts, or
/// everything when the graph has a cycle) follow in reverse map order, so nothing is hidden. Cells
/// are plain text; views decorate rows from FlagsRole.
class RevisionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        LaneColumn, ///< the history's lines, drawn by the view from LanesRole
        RevisionColumn,
        MessageColumn,
        ParentsColumn,
        BranchLabelsColumn,
        FlagsColumn,
        DatabasesColumn, ///< where it is applied (EnvironmentPlacement), once environments were read
        ColumnCount
    };
    enum Role
    {
        RevisionIdRole = Qt::UserRole + 1, ///< the full revision id (QString)
        RevisionIndexRole,                 ///< the index into RevisionMap::revision() (int)
        FlagsRole,                         ///< a combination of Flag values (int)
        LanesRole,                         ///< the row's HistoryLanes::Row
        PlacementRole,                     ///< the row's EnvironmentPlacement
    };
    enum Flag
    {
        Head = 0x01,          ///< nothing depends on it
        EffectiveHead = 0x02, ///< no child by down_revision, but a depends_on dependant
        Base = 0x04,
        MergePoint = 0x08,
        BranchPoint = 0x10,
        Ghost = 0x20, ///< referenced but without a file
    };

    explicit RevisionListModel(QObject *parent = nullptr);

    /// What the model shows of a project: its rows (newest first, as `alembic history` lists
    /// them) and their lanes. A value, so a worker thread can compute it for a big history.
    struct Rows
    {
        QList<int> order; ///< map indexes
        HistoryLanes lanes;
        DisplayIds ids;
    };
    static Rows rowsOf(const Project &project);

    /// Shows @p project; the model keeps its own (implicitly shared) copy.
    void setProject(const Project &project);
    /// Shows @p project with @p rows computed beforehand by rowsOf().
    void setProject(const Project &project, Rows rows);
    void clear();
    const Project &project() const { return m_project; }
    /// Where the Databases column looks (nullptr: nowhere); @p session must outlive the model or
    /// be replaced. Call environmentsChanged() when it changes.
    void setEnvironmentSession(const EnvironmentSession *session);
    void environmentsChanged();

    /// The map index shown in @p row, or RevisionMap::NoRevision.
    int revisionAt(int row) const;
    /// The row showing map index @p revision, or -1.
    int rowOf(int revision) const;
    /// @p id as the Revision and Parents columns show it (DisplayIds).
    QString shortId(const QString &id) const { return m_ids(id); }
    /// The widest row's number of lanes.
    int laneCount() const { return m_lanes.laneCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int flags(const Revision &revision) const;
    QString flagsText(int flags) const;
    QString parentsText(const Revision &revision) const;
    QString toolTip(int revisionIndex, int column) const;
    EnvironmentPlacement placement(int revisionIndex) const;

    Project m_project;
    QList<int> m_rows;
    HistoryLanes m_lanes;
    DisplayIds m_ids;
    const EnvironmentSession *m_session = nullptr;
};

Q_DECLARE_METATYPE(EnvironmentPlacement)
