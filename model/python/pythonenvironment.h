// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

/// The project's Python interpreter: which one it is, and what it says about installed packages.
/// Asking it runs the project's code (a package's __init__), so callers only do it on consent.
namespace PythonEnvironment {

/// What an interpreter answered when asked for alembic: shown to the user before anything runs in it.
struct AlembicProbe
{
    QString python;            ///< the interpreter's path, as it was started
    QString pythonVersion;     ///< e.g. "3.11.2"
    QString alembicVersion;    ///< e.g. "1.8.1"
    QString sqlalchemyVersion; ///< e.g. "1.4.46"
};

/// The interpreter for the project at @p projectPath (a config file or a folder): a virtual
/// environment (.venv/, venv/) in its folder or up to three folders above, then Poetry's environment
/// for the nearest of those folders whose pyproject.toml has a [tool.poetry] table (Poetry keeps it
/// elsewhere; it only runs when there is such a table), then $VIRTUAL_ENV, then the user's default
/// interpreter (defaultInterpreter()), then /usr/bin/python3, then python3 on PATH.
QString findInterpreter(const QString &projectPath);

/// The folder of @p package (dotted) as `importlib.resources.files()` gives it in @p python, with
/// @p sysPath first on sys.path: how alembic resolves `package:folder` locations.
Result<QString> packageFolder(const QString &python, const QStringList &sysPath, const QString &package);

/// Whether alembic can run in @p python (a path, or a name on PATH) before the user relies on it;
/// fails with a sentence saying how to install what is missing or how to choose another interpreter.
Result<AlembicProbe> probeAlembic(const QString &python);

/// The interpreter the user chose for the project filed under @p projectKey (see
/// EnvironmentStore::projectKey), shared by retort and retort-cli; empty: none chosen.
QString chosenInterpreter(const QString &projectKey);
/// Remembers @p python for the project filed under @p projectKey; an empty @p python forgets the choice.
void setChosenInterpreter(const QString &projectKey, const QString &python);
/// The interpreter for projects without one of their own (Edit ▸ Settings), shared by retort and
/// retort-cli; empty: none set.
QString defaultInterpreter();
/// Sets the default interpreter; an empty @p python forgets it.
void setDefaultInterpreter(const QString &python);
/// The chosen interpreter while it is still there to run, else the one findInterpreter() finds, so a
/// deleted virtual environment does not leave the project without Python.
QString interpreterFor(const QString &projectKey, const QString &projectPath);

} // namespace PythonEnvironment
