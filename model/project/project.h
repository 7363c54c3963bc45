// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "diagnostic.h"
#include "history/revisionmap.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QList>

/// How to read a project beyond what the files say natively.
struct LoadOptions
{
    /// With the user's consent: the interpreter that evaluates header values Retort cannot work out
    /// natively (HeaderEvaluator) and finds `package:folder` locations outside the source tree;
    /// empty: none is run.
    QString evaluateWith;
};

/// An opened Alembic project: its configuration, its revision files and their revision map.
class Project
{
public:
    /// Opens an alembic.ini, a pyproject.toml, a script location or a bare versions folder.
    static Result<Project> open(const QString &path, const QString &section = QStringLiteral("alembic"),
                                const LoadOptions &options = {});
    /// Reads the revision files of an already loaded configuration.
    static Project load(ProjectConfig config, const LoadOptions &options = {});

    const ProjectConfig &config() const { return m_config; }
    const QList<RevisionScript> &scripts() const { return m_scripts; }
    const RevisionMap &map() const { return m_map; }
    /// The script behind revision @p index of the map, or nullptr for a ghost.
    const RevisionScript *script(int index) const;
    /// Configuration, file and map problems together, errors first within each file.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool hasErrors() const { return ::hasErrors(m_diagnostics); }
    /// Why nothing may be written to a version table that holds @p rows: the project loaded with
    /// errors (an unreadable folder looks like an empty project), or it has no revisions at all while
    /// the rows name some. Empty when writing is fine.
    QString writeRefusal(const QStringList &rows) const;
    /// Header values that are still unknown (computed, and neither resolved nor evaluated).
    bool hasUnknownHeaders() const;

private:
    ProjectConfig m_config;
    QList<RevisionScript> m_scripts;
    RevisionMap m_map;
    Diagnostics m_diagnostics;
};
