// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/environmentstatus.h"
#include "database/versiontable.h"

#include <QString>
#include <QStringList>

class RevisionMap;

/// Where one database stands, as every view shows it: the window's environment bar and graph pins,
/// and `retort-cli status`. Made from the version rows read and the history; the texts are here so
/// that the window and the CLI say the same thing.
struct EnvironmentSummary
{
    /// How far one script head is ahead of the database.
    struct Head
    {
        int revision = -1;
        QString id;
        QStringList branchLabels;
        int pending = 0;
        /// `id (label, …)`, the id cut to @p idLength characters when it is longer.
        QString label(qsizetype idLength = -1) const;
    };

    VersionTableName table;
    VersionRows rows;
    EnvironmentStatus status;
    QList<Head> heads; ///< every script head, map order
    bool atHeads = false;
    int revisionCount = 0;

    static EnvironmentSummary compute(const RevisionMap &map, const VersionRows &rows, const VersionTableName &table);

    /// The pending revisions in the order `alembic upgrade heads` would run them, else in map order.
    QStringList pendingInUpgradeOrder(const RevisionMap &map) const;
    /// One line: "at the heads", "3 pending: 2 to 1a2b3c4d (shop), …", "not under Alembic control…",
    /// with unknown rows appended.
    QString oneLine() const;
    /// What a reader must do about @p row, a row that names no revision of the project.
    static QString unknownRowAdvice(const QString &row);
    /// The same advice for any number of rows, after the list.
    static QString unknownRowsAdvice();
};
