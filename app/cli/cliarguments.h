// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QString>
#include <QStringList>

/// The parsed command line of `retort-cli`: project options shared by every subcommand, then the
/// subcommand and its own options. Options may appear before or after the subcommand.
struct CliArguments
{
    QString config;                              ///< -c/--config: alembic.ini, pyproject.toml or a folder
    QString section = QStringLiteral("alembic"); ///< -n/--name
    QStringList versionDirs;                     ///< --versions, repeatable
    bool evaluate = false;                       ///< --evaluate: unknown header values through Python
    QString python;                              ///< --python: the interpreter for --evaluate
    QString command;
    QStringList positional; ///< what follows the subcommand
    bool verbose = false;
    bool json = false;
    bool resolveDependencies = false;
    bool purge = false;
    QString revRange;
    QString from;
    QString format;
    QString output;               ///< -o/--output: write the result to this file instead of stdout
    bool leftToRight = false;     ///< graph pictures: left to right instead of bottom to top
    bool expandAll = false;       ///< graph pictures: a card for every revision, even in big histories
    QString url;                  ///< --url: the database to read or write ("-": from standard input)
    QString urlVariable;          ///< --url-env: the environment variable that holds the URL
    QString environment;          ///< --env: a configured environment instead of --url
    QStringList environments;     ///< every --env, in order: graph takes several
    QString versionTable;         ///< --version-table: overrides env.py's
    QString versionTableSchema;   ///< --version-table-schema
    bool checkHeads = false;      ///< current/status: fail unless the database is at the heads
    bool dryRun = false;          ///< stamp: show what would be written, write nothing
    QString confirm;              ///< stamp: the protected environment's name, typed again
    bool yes = false;             ///< upgrade/downgrade: run although the plan has warnings
    bool sql = false;             ///< upgrade/downgrade: print alembic's offline SQL instead of running
    int waitLock = 0;             ///< upgrade/downgrade: seconds to wait for another run's lock; -1: no limit
    bool withDescendants = false; ///< delete: the revision's descendants go too
    bool reparent = false;        ///< delete: its children take over its down_revision
    bool moveLabels = false;      ///< delete --reparent: its branch labels go to its one child
    QString against;              ///< diff: stamped (default), a revision, or models
    QString dialect;              ///< changes: the dialect the migrations are replayed for
    QStringList xArguments;       ///< -x: passed to alembic (context.get_x_argument())
    bool help = false;
    bool version = false;
    QString error; ///< set when the command line cannot be understood

    static CliArguments parse(const QStringList &arguments);
    static QString usage();
    /// Whether the command draws a picture, which needs QtGui (and a platform plugin).
    bool drawsPicture() const;
};
