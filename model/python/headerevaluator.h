// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "project/revisionscript.h"

#include <QList>
#include <QString>
#include <QStringList>

/// Learns the header values Retort could not work out natively by loading those revision files
/// in the project's Python, the way alembic loads them (alembic.util.load_python_file), in a
/// child process with a time limit per file. Only with the user's consent: it runs their code.
///
/// How it works: model/python/evaluate_headers.py reads the files' paths on stdin and answers one
/// JSON line per file, announcing each file before loading it; when a file hangs, the process is
/// killed after the time limit, that file is reported as hanging, and a new process takes the
/// files after it. Output that the files print goes to stderr and cannot corrupt the answers.
class HeaderEvaluator
{
public:
    struct Outcome
    {
        QString interpreter;
        QString alembicVersion; ///< empty when alembic could not be imported
        int evaluated = 0;      ///< files whose values were taken
        int failed = 0;         ///< files that could not be loaded (their reasons are in their headers)
        QString problem;        ///< the interpreter cannot start or cannot import alembic; nothing was evaluated
    };

    /// Evaluates the unknown computed headers of @p scripts in place (and re-applies them). Blocks:
    /// call it off the GUI thread. @p sysPath entries go first on the interpreter's sys.path.
    static Outcome evaluate(const QString &python, const QStringList &sysPath, QList<RevisionScript> &scripts,
                            int timeoutPerFileMs = 20000);
};
