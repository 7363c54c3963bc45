// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>
#include <QStringList>

/// Sets a database's alembic_version table by hand, as `alembic stamp` or a DBA would leave it
/// (rows that name no revision included): creates it as alembic does when missing and makes @p rows
/// its only rows.
bool writeVersionRows(const QString &url, const QStringList &rows);
