// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "versionrows.h"

#include "database/databaseconnection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

bool writeVersionRows(const QString &url, const QStringList &rows)
{
    const auto connection = DatabaseConnection::open(url, QString());
    if (!connection)
        return false;
    QSqlQuery query(connection.value()->database());
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
                    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s) ||
        !query.exec(u"DELETE FROM alembic_version"_s))
        return false;
    for (const QString &row : rows) {
        query.prepare(u"INSERT INTO alembic_version (version_num) VALUES (?)"_s);
        query.addBindValue(row);
        if (!query.exec())
            return false;
    }
    return true;
}
