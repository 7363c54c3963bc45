// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historyview.h"

#include "graph/historylanes.h"
#include "history/revisionfilterproxy.h"
#include "history/revisionlistmodel.h"
#include "historylanedelegate.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPainter>
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

/// The Databases column: "pending" when the active environment lacks the revision, then each
/// environment that has it, its name after a dot in its colour.
class PlacementDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

        const auto placement = index.data(RevisionListModel::PlacementRole).value<EnvironmentPlacement>();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRectF cell = QRectF(option.rect).adjusted(4, 0, -2, 0);
        painter->save();
        painter->setClipRect(option.rect);
        painter->setRenderHint(QPainter::Antialiasing);
        QFont font = option.font;
        if (placement.isPendingOnActive()) {
            QFont italic = font;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->setPen(selected ? text : option.palette.color(QPalette::PlaceholderText));
            const QString pending = RevisionListModel::tr("pending");
            painter->drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, pending);
            cell.setLeft(cell.left() + QFontMetricsF(italic).horizontalAdvance(pending) + 8);
        }
        painter->setFont(font);
        const QFontMetricsF metrics(font);
        const qreal dot = metrics.height() * 0.45;
        for (const EnvironmentPlacement::Entry &entry : placement.entries) {
            if (!entry.applied)
                continue;
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(entry.color));
            painter->drawEllipse(QRectF(cell.left(), cell.center().y() - dot / 2, dot, dot));
            cell.setLeft(cell.left() + dot + 3);
            painter->setPen(text);
            painter->drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, entry.name);
            cell.setLeft(cell.left() + metrics.horizontalAdvance(entry.name) + 8);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QFontMetrics metrics(option.font);
        // Room for the dots beside the names.
        const auto placement = index.data(RevisionListModel::PlacementRole).value<EnvironmentPlacement>();
        size.setWidth(metrics.horizontalAdvance(placement.cellText()) + int(placement.entries.size()) * 12 + 12);
        return size;
    }
};

} // namespace

HistoryView::HistoryView(RevisionListModel *model, RevisionFilterProxy *proxy, QWidget *parent)
    : QTreeView(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    setObjectName(u"revisionView"_s);
    setAccessibleName(tr("Revision history"));
    setModel(proxy);
    setItemDelegate(new RevisionDelegate(this));
    setItemDelegateForColumn(RevisionListModel::LaneColumn, new HistoryLaneDelegate(this));
    setItemDelegateForColumn(RevisionListModel::DatabasesColumn, new PlacementDelegate(this));
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
    for (int column :
         {RevisionListModel::RevisionColumn, RevisionListModel::ParentsColumn, RevisionListModel::BranchLabelsColumn,
          RevisionListModel::FlagsColumn, RevisionListModel::DatabasesColumn})
        resizeColumnToContents(column);
    updateLaneColumn();
}

void HistoryView::updateLaneColumn()
{
    // Lanes only mean something for the whole history in its own order.
    const bool meaningful = m_proxy->sortColumn() < 0 && !m_proxy->isFiltering();
    setColumnHidden(RevisionListModel::LaneColumn, !meaningful);
    if (meaningful) {
        setColumnWidth(
            RevisionListModel::LaneColumn,
            std::max(HistoryLaneDelegate::columnWidth(std::min(m_model->laneCount(), HistoryLanes::DrawnLanes)),
                     header()->sectionSizeHint(RevisionListModel::LaneColumn)));
    }
}
