// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "schema/schemadiff.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct AlembicInvocation;

/// A database compared with the project's models: what `alembic check` (and `alembic revision
/// --autogenerate`) would find, computed by alembic itself in the project's Python.
///
/// How it works: a helper script (schema/compare_models.py, compiled in) runs env.py the way
/// `alembic check` does, through `EnvironmentContext(config, script, fn=…, dont_mutate=True)` and
/// `ScriptDirectory.run_env()`. Its function refuses unless the database is at the heads (alembic's
/// "Target database is not up to date."), then gives the migration context and env.py's
/// `target_metadata` to `alembic.autogenerate.compare_metadata()` and returns no migrations, so
/// nothing runs and nothing is written (bytecode neither). The URL travels in the child's
/// environment, never on its command line. Alembic's diff tuples come back as JSON, their types and
/// defaults rendered for the database's dialect, and become SchemaDifference values: Missing = the
/// models have it and the database does not (autogenerate's add_*), Unexpected = the database has it
/// and the models do not (remove_*), Changed = modify_* with `expected` the models' value and `actual`
/// the database's. A Flask-Migrate env.py runs inside the app FLASK_APP names, with Flask-Migrate's
/// own Config; the app then decides which database is compared.
struct ModelComparison
{
    enum class Status : quint8
    {
        Compared,     ///< differences holds what alembic found (maybe nothing)
        NotUpToDate,  ///< the database is not at the heads: currentRows and heads say where each is
        NoMetadata,   ///< env.py's target_metadata is None
        EnvFailed,    ///< env.py (or a module it imports) raised: `detail` is the exception's last line
        ConfigFailed, ///< alembic could not read the project (its CommandError)
        FlaskFailed,  ///< a Flask-Migrate project whose app could not be loaded
        Failed,       ///< the helper crashed, timed out or gave no result
        NotStarted,   ///< the interpreter could not be started
    };

    Status status = Status::NotStarted;
    /// One translated sentence or two: what happened and what to do; empty when Compared. Secrets masked.
    QString error;
    QString file;   ///< where it failed (`path` or `path:line`), when known
    QString detail; ///< the Python exception's last line, when there was one
    /// Grouped by table in (schema, name) order, schema-level ones last; inside a table in the order
    /// SchemaDiff uses (the table, columns, primary key, indexes, unique constraints, checks, foreign keys),
    /// alembic's order otherwise.
    QList<SchemaDifference> differences;
    QStringList currentRows; ///< the database's revisions as alembic read them, sorted
    QStringList heads;       ///< the script directory's heads, sorted
    QString python;          ///< the interpreter's sys.executable
    QString alembicVersion;
    QString sqlalchemyVersion;
    QString log; ///< what env.py and alembic logged (stderr), secrets masked

    bool compared() const { return status == Status::Compared; }
    bool isEmpty() const { return differences.isEmpty(); }
    /// As SchemaDiff::distance() weighs the same differences.
    int distance() const;

    static constexpr int DefaultTimeoutMs = 300000;

    /// Runs the comparison for @p invocation's project: its interpreter, alembic.ini, section, -x
    /// arguments, URL, variables and Flask-Migrate settings (its `command` is not used), with @p base
    /// as the environment. Blocks until the helper ends or @p timeoutMs passes; call it off the GUI
    /// thread.
    static ModelComparison run(const AlembicInvocation &invocation, int timeoutMs = DefaultTimeoutMs,
                               const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());
    /// run() after the checks to make first: FLASK_APP for a Flask-Migrate project
    /// (AlembicInvocation::startProblem(), FlaskFailed) and an interpreter that imports alembic
    /// (PythonEnvironment::probeAlembic(), NotStarted), whose sys.executable then runs the helper.
    static ModelComparison runChecked(AlembicInvocation invocation, int timeoutMs = DefaultTimeoutMs,
                                      const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());
    /// The helper's stdout (@p output), its exit code and its stderr (@p log), for the files of
    /// @p python; what run() does once the process has ended.
    static ModelComparison fromOutput(const QByteArray &output, int exitCode, const QString &log,
                                      const QString &python);
    /// The helper's `differences` array as SchemaDifference values, ordered as `differences` is.
    static QList<SchemaDifference> differencesFrom(const QJsonArray &records);
    /// The helper's arguments after the interpreter: `-c <script> -c <ini> [-n section] [-x …]`.
    static QStringList arguments(const AlembicInvocation &invocation);
};
