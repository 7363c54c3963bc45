// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historyview.h"

#include "graph/historylanes.h"
#include "history/revisionfilterproxy.h"
#include "history/revisionlistmodel.h"
#include "historylanedelegate.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QStyledItemDelegate>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Bold heads, dimmed ghosts and a fixed-pitch revision column.
class RevisionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int flags = index.data(RevisionListModel::FlagsRole).toInt();
        if (index.column() == RevisionListModel::RevisionColumn) {
            QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            fixed.setPointSizeF(option->font.pointSizeF());
            option->font = fixed;
        }
        if (flags & RevisionListModel::Head)
            option->font.setBold(true);
        if (flags & RevisionListModel::Ghost) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

} // namespace

HistoryView::HistoryView(RevisionListModel *model, RevisionFilterProxy *proxy, QWidget *parent)
    : QTreeView(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    setObjectName(u"revisionView"_s);
    setModel(proxy);
    setItemDelegate(new RevisionDelegate(this));
    setItemDelegateForColumn(RevisionListModel::LaneColumn, new HistoryLaneDelegate(this));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setAllColumnsShowFocus(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder); // history order until a header is clicked
    header()->setSortIndicatorShown(false);
    connect(header(), &QHeaderView::sortIndicatorChanged, this, [this] {
        header()->setSortIndicatorShown(true);
        updateLaneColumn();
    });
    header()->setStretchLastSection(false);
    header()->setResizeContentsPrecision(200); // rows sampled when sizing columns
    header()->setSectionResizeMode(RevisionListModel::MessageColumn, QHeaderView::Stretch);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit revisionSelected(currentRevision()); });
}

int HistoryView::currentRevision() const
{
    return m_proxy->revisionAt(currentIndex().row());
}

void HistoryView::showRevision(int revision)
{
    const int row = m_proxy->rowOf(revision);
    if (row >= 0)
        setCurrentIndex(m_proxy->index(row, 0));
    else
        selectionModel()->clearSelection();
}

void HistoryView::showHistoryOrder()
{
    sortByColumn(-1, Qt::AscendingOrder);
    header()->setSortIndicatorShown(false);
    updateLaneColumn();
}

void HistoryView::fitColumns()
{
    for (int column : {RevisionListModel::RevisionColumn, RevisionListModel::ParentsColumn,
                       RevisionListModel::BranchLabelsColumn, RevisionListModel::FlagsColumn})
        resizeColumnToContents(column);
    updateLaneColumn();
}

void HistoryView::updateLaneColumn()
{
    // Lanes only mean something for the whole history in its own order.
    const bool meaningful = m_proxy->sortColumn() < 0 && !m_proxy->isSearching();
    setColumnHidden(RevisionListModel::LaneColumn, !meaningful);
    if (meaningful) {
        setColumnWidth(
            RevisionListModel::LaneColumn,
            std::max(HistoryLaneDelegate::columnWidth(std::min(m_model->laneCount(), HistoryLanes::DrawnLanes)),
                     header()->sectionSizeHint(RevisionListModel::LaneColumn)));
    }
}
