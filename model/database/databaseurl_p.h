// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/databaseurl.h"

#include <QString>
#include <QStringList>

#include <optional>

/// What databaseurl.cpp (make_url, sqlite file names) and databaseurl_qt.cpp (the mapping onto Qt Sql)
/// share. Not part of the API.
namespace DatabaseUrlPrivate {

using Kind = SqlDialect::Kind;

/// The kind of database a SQLAlchemy dialect name stands for; nullopt for those Retort does not open.
std::optional<Kind> kindOf(const QString &dialect);
/// pysqlite's own connect() arguments; with `uri=true` every other query parameter goes into the SQLite URI.
const QStringList &pysqliteArguments();
/// The last value of query parameter @p key (the one the drivers read), null when it is absent.
QString lastValue(const DatabaseUrl &url, const QString &key);
/// Python's `int()` of @p text when it is a port from 1 to 65535.
std::optional<int> validPort(const QString &text);

/// Whether a sqlite URL has `?uri=true`.
bool sqliteUsesUri(const DatabaseUrl &url);
/// With `uri=true`: the query parameters pysqlite does not take itself, sorted, as pysqlite's dialect joins
/// them behind the filename (unescaped).
QString sqliteUriQuery(const DatabaseUrl &url);
/// Whether a sqlite URL names a `file:` URI that SQLite reads as one (`?uri=true`).
bool isFileUri(const DatabaseUrl &url);

/// Everything DatabaseUrl::parse() checks beyond make_url (a dialect and driver Retort opens, query
/// parameters Qt's driver can be given); empty when Retort can open the URL. In databaseurl_qt.cpp.
QString openProblem(const DatabaseUrl &url);

} // namespace DatabaseUrlPrivate
