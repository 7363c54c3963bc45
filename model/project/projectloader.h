// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "history/revisionlistmodel.h"
#include "project/project.h"

#include <QObject>

template<typename T>
class QFutureWatcher;

/// Reads projects off the GUI thread, with the history list's rows (seconds for big histories);
/// a newer request wins over one still running. Evaluates header values with the project's
/// Python only where the user consented, remembered per project.
class ProjectLoader : public QObject
{
    Q_OBJECT
public:
    struct Loaded
    {
        Project project;
        RevisionListModel::Rows rows;
    };
    struct Outcome
    {
        QString path;
        QString section;     ///< the ini section read
        bool reload = false; ///< the same project read again
        Result<Loaded> loaded;
    };

    explicit ProjectLoader(QObject *parent = nullptr);
    ~ProjectLoader() override;

    /// Reads @p path (an alembic.ini, a pyproject.toml or a folder), with @p section of an ini as
    /// `alembic -n` names it; loaded() follows.
    void load(const QString &path, const QString &section, bool reload);
    /// Drops the reading under way: loaded() does not follow. (The files are still being read in
    /// the background, but nothing of them is used.)
    void cancel();
    bool isLoading() const { return m_loading; }

    static bool evaluatesWithPython(const QString &projectPath);
    static void setEvaluatesWithPython(const QString &projectPath, bool evaluate);

signals:
    void loaded(const ProjectLoader::Outcome &outcome);

private:
    QFutureWatcher<Outcome> *m_watcher;
    bool m_loading = false;
};
