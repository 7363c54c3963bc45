// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "database/versiontable.h"
#include "diagnostic.h"

#include <QString>

struct ProjectConfig;

/// What Retort reads from a project's env.py without running it: the version table that
/// `context.configure(version_table=…, version_table_schema=…, version_table_pk=…)` names, when
/// the values are literals (or module-level names bound to literals). Anything computed is
/// reported as a warning and the default is used, since only running env.py could tell.
/// Also whether env.py is Flask-Migrate's: one that uses Flask's `current_app` runs only inside the
/// app, so Retort runs such a project's migrations through `flask db`.
struct EnvScript
{
    QString path; ///< env.py, empty when the project has none (a bare versions folder)
    VersionTableName versionTable;
    /// env.py imports `current_app` from flask (`from flask import current_app`, or `flask.current_app`
    /// after `import flask`): it needs the app's context and takes the database from the app.
    bool usesFlaskApp = false;
    Diagnostics diagnostics;

    static EnvScript read(const ProjectConfig &config);
    /// As read(), for the text of an env.py (tests).
    static EnvScript parse(const QByteArray &source, const QString &path);
};
