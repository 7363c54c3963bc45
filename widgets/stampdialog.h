// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environment.h"
#include "database/sqldialect.h"
#include "database/versiontable.h"
#include "history/migrationplanner.h"
#include "project/project.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

/// The preview before a stamp: the rows before and after, the exact SQL, what the stamp claims or
/// takes back without running any migration, and for a protected environment the typed name.
class StampDialog : public QDialog
{
    Q_OBJECT
public:
    StampDialog(const Project &project, const Environment &environment, const SqlDialect &dialect,
                const VersionTableName &table, const VersionRows &rows, const QStringList &targets,
                QWidget *parent = nullptr);

    /// The plan to write; valid only after the dialog was accepted.
    const MigrationPlan &plan() const { return m_plan; }
    bool purge() const;

    /// The version table is being read again: nothing can be stamped until setRows() brings the rows.
    void setReading();
    /// The rows read now: the preview is made again from them.
    void setRows(const VersionRows &rows);
    /// The rows could not be read again (@p error says why): nothing can be stamped.
    void setReadFailed(const QString &error);
    bool isReading() const { return m_reading; }

private:
    void replan();
    void updateButton();

    Project m_project;
    Environment m_environment;
    bool m_needsName; ///< the stamp waits for the environment's name to be typed
    SqlDialect m_dialect;
    VersionTableName m_table;
    VersionRows m_rows;
    QStringList m_targets;
    MigrationPlan m_plan;
    bool m_planned = false;
    bool m_reading = false;
    QString m_readError;
    QLabel *m_summary;
    QCheckBox *m_purge;
    QLabel *m_warnings;
    QPlainTextEdit *m_sql;
    QLineEdit *m_confirm;
    QPushButton *m_stampButton;
    QLabel *m_readState; ///< whether the rows shown are being read again, or could not be
};
