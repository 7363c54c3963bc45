// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/project.h"
#include "project/headerresolver.h"
#include "project/scriptdirectory.h"
#include "python/headerevaluator.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Project)
};

} // namespace

/// Header values the files' own constants did not settle, looked up in the project's source tree.
static void resolveComputedHeaders(const ProjectConfig &config, QList<RevisionScript> &scripts)
{
    std::optional<HeaderResolver> resolver;
    for (RevisionScript &script : scripts) {
        if (!script.module)
            continue;
        if (!resolver)
            resolver.emplace(HeaderResolver::importRoots(config));
        resolver->resolve(script);
    }
}

Result<Project> Project::open(const QString &path, const QString &section, const LoadOptions &options)
{
    Result<ProjectConfig> config = loadProjectPath(path, section, options.evaluateWith);
    if (!config)
        return Result<Project>::failure(config.error());
    return load(config.value(), options);
}

Project Project::load(ProjectConfig config, const LoadOptions &options)
{
    Project project;
    project.m_diagnostics = config.diagnostics;
    const QStringList files = ScriptDirectory::revisionFiles(config, &project.m_diagnostics);
    project.m_diagnostics.append(ScriptDirectory::unreadFolders(config));
    project.m_config = std::move(config);
    project.m_scripts = ScriptDirectory::readScripts(files);
    resolveComputedHeaders(project.m_config, project.m_scripts);
    if (!options.evaluateWith.isEmpty() && project.hasUnknownHeaders()) {
        const HeaderEvaluator::Outcome outcome = HeaderEvaluator::evaluate(
            options.evaluateWith, HeaderResolver::importRoots(project.m_config), project.m_scripts);
        if (!outcome.problem.isEmpty()) {
            project.m_diagnostics.append(Diagnostic{Diagnostic::Severity::Warning, u"python-evaluation"_s,
                                                    outcome.problem, QString(), 0, QString()});
        }
    }
    for (const RevisionScript &script : std::as_const(project.m_scripts))
        project.m_diagnostics.append(script.diagnostics);
    project.m_map = RevisionMap::build(project.m_scripts);
    project.m_diagnostics.append(project.m_map.diagnostics());
    return project;
}

QString Project::writeRefusal(const QStringList &rows) const
{
    for (const Diagnostic &d : m_diagnostics) {
        if (d.isError()) {
            return Tr::tr("The project loaded with errors, so nothing is written to the "
                          "database: %1%2 Fix them first (retort-cli check lists them all).")
                .arg(d.file.isEmpty() ? QString()
                                      : d.file + (d.line > 0 ? u':' + QString::number(d.line) : QString()) + u": "_s,
                     d.message.endsWith(u'.') ? d.message : d.message + u'.');
        }
    }
    if (m_map.size() == 0 && !rows.isEmpty()) {
        return Tr::tr("The project has no revisions, yet the database names %1. Check that "
                      "Retort opened the right project and can read its versions folders; "
                      "nothing is written.")
            .arg(rows.join(u", "_s));
    }
    return {};
}

bool Project::hasUnknownHeaders() const
{
    for (const RevisionScript &script : m_scripts) {
        if (script.module)
            return true;
    }
    return false;
}

const RevisionScript *Project::script(int index) const
{
    if (index < 0 || index >= m_map.size())
        return nullptr;
    const int s = m_map.revision(index).scriptIndex;
    return s >= 0 ? &m_scripts.at(s) : nullptr;
}
