// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QColor>
#include <QDateTime>
#include <QWidget>

class EnvironmentSession;
class QComboBox;
class ElidedLabel;
class QToolButton;

/// The strip above the graph for the project's databases: which environment is active, a summary of
/// where it stands ("3 pending on shop; 1 unknown row"), and add / edit / remove / refresh.
class EnvironmentBar : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        QColor color;
        bool isProtected = false;
        QString summary; ///< one line; empty while unknown
        QString detail;  ///< tooltip: URL (masked), rows, errors, hints
        bool hasProblem = false;
        bool hasDrift = false; ///< the schema differs from what the migrations give at the rows
        QDateTime readAt;      ///< when the rows shown were read
    };

    explicit EnvironmentBar(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries, int active);
    /// Shows @p session's environments and where each stands.
    void showSession(const EnvironmentSession &session);
    int active() const;
    QComboBox *selector() const { return m_selector; }
    ElidedLabel *summaryLabel() const { return m_summary; }

signals:
    void activeChanged(int index);
    void addRequested();
    void editRequested(int index);
    void removeRequested(int index);
    void refreshRequested(int index);

private:
    void showSummary();

    QList<Entry> m_entries;
    QComboBox *m_selector;
    ElidedLabel *m_summary;
    QToolButton *m_add;
    QToolButton *m_edit;
    QToolButton *m_remove;
    QToolButton *m_refresh;
    bool m_updating = false;
};
