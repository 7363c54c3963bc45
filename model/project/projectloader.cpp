// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/projectloader.h"

#include "backgroundjob.h"
#include "python/pythonenvironment.h"

#include <QFutureWatcher>
#include <QSettings>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

/// The settings key that remembers the user's consent to evaluate @p projectPath with Python.
QString evaluationKey(const QString &projectPath)
{
    return u"evaluateWithPython/"_s + QString::fromLatin1(projectPath.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

ProjectLoader::ProjectLoader(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (std::exchange(m_loading, false))
            emit loaded(m_watcher->future().result());
    });
}

ProjectLoader::~ProjectLoader()
{
    m_watcher->disconnect(this); // a read finishing during teardown reports to no one
}

void ProjectLoader::load(const QString &path, const QString &section, bool reload)
{
    const bool evaluate = evaluatesWithPython(path);
    m_loading = true;
    m_watcher->setFuture(runInBackground(backgroundPool(), [path, section, reload, evaluate] {
        LoadOptions options;
        if (evaluate)
            options.evaluateWith = PythonEnvironment::findInterpreter(path);
        Result<Project> project = Project::open(path, section, options);
        if (!project)
            return Outcome{path, section, reload, Result<Loaded>::failure(project.error())};
        RevisionListModel::Rows rows = RevisionListModel::rowsOf(project.value());
        return Outcome{path, section, reload, Loaded{std::move(project.value()), std::move(rows)}};
    }));
}

void ProjectLoader::cancel()
{
    m_loading = false;
}

bool ProjectLoader::evaluatesWithPython(const QString &projectPath)
{
    return !projectPath.isEmpty() && QSettings().value(evaluationKey(projectPath)).toBool();
}

void ProjectLoader::setEvaluatesWithPython(const QString &projectPath, bool evaluate)
{
    QSettings().setValue(evaluationKey(projectPath), evaluate);
}
