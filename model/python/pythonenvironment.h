// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

/// The project's Python interpreter: which one it is, and what it says about installed packages.
/// Asking it runs the project's code (a package's __init__), so callers only do it on consent.
namespace PythonEnvironment {

/// The interpreter for the project at @p projectPath (a config file or a folder): a virtual
/// environment (.venv/, venv/) in its folder or up to three folders above, then $VIRTUAL_ENV, then
/// /usr/bin/python3, then python3 on PATH.
QString findInterpreter(const QString &projectPath);

/// The folder of @p package (dotted) as `importlib.resources.files()` gives it in @p python, with
/// @p sysPath first on sys.path: how alembic resolves `package:folder` locations.
Result<QString> packageFolder(const QString &python, const QStringList &sysPath, const QString &package);

} // namespace PythonEnvironment
