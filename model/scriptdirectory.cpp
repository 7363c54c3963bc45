// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "scriptdirectory.h"
#include "projectconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScriptDirectory", text);
}

bool isRevisionFileName(const QString &name, bool sourceless)
{
    if (name.startsWith(u".#") || name.startsWith(u"__init__"))
        return false;
    return name.endsWith(u".py") || (sourceless && (name.endsWith(u".pyc") || name.endsWith(u".pyo")));
}

QStringList sortedEntries(const QString &dir, QDir::Filters filters)
{
    // Python sorts by code point; QDir's own sorting is locale-aware, so sort here.
    QStringList names = QDir(dir).entryList(filters | QDir::Hidden | QDir::System);
    std::sort(names.begin(), names.end());
    return names;
}

void collect(const QString &dir, bool recursive, const ProjectConfig &config, QStringList *files)
{
    for (const QString &name : sortedEntries(dir, QDir::Files)) {
        if (isRevisionFileName(name, config.sourceless))
            files->append(dir + u'/' + name);
    }
    if (!recursive)
        return;
    for (const QString &sub : sortedEntries(dir, QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!sub.endsWith(u"__pycache__"))
            collect(dir + u'/' + sub, true, config, files);
    }
}

} // namespace

QStringList ScriptDirectory::revisionFiles(const ProjectConfig &config, Diagnostics *diagnostics)
{
    QStringList files;
    for (const QString &location : config.versionLocations) {
        if (!QFileInfo(location).isDir()) {
            // Alembic skips a missing configured location silently but fails on a missing default one.
            if (!config.versionLocationsExplicit && diagnostics) {
                Diagnostic d;
                d.code = u"missing-versions-folder"_s;
                d.message = tr("Path doesn't exist: '%1'. Create the versions folder or set version_locations.")
                                .arg(location);
                d.file = location;
                diagnostics->append(d);
            }
            continue;
        }
        collect(QDir::cleanPath(location), config.recursiveVersionLocations, config, &files);
    }
    QSet<QString> seen;
    QStringList unique;
    for (const QString &file : std::as_const(files)) {
        const QString real = QFileInfo(file).canonicalFilePath();
        if (seen.contains(real)) {
            if (diagnostics) {
                Diagnostic d;
                d.severity = Diagnostic::Severity::Warning;
                d.code = u"file-loaded-twice"_s;
                d.message = tr("File %1 loaded twice! ignoring. Please ensure version_locations is unique.").arg(file);
                d.file = file;
                diagnostics->append(d);
            }
            continue;
        }
        seen.insert(real);
        unique.append(file);
    }
    return unique;
}

static RevisionScript readOne(const QString &path)
{
    if (path.endsWith(u".pyc") || path.endsWith(u".pyo")) {
        RevisionScript script;
        script.path = path;
        script.fileName = QFileInfo(path).fileName();
        Diagnostic d;
        d.code = u"compiled-only"_s;
        d.message = tr("%1 is compiled Python without its source; Retort reads revisions from source files only. "
                       "Keep the .py file next to it.")
                        .arg(script.fileName);
        d.file = path;
        script.diagnostics.append(d);
        return script;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RevisionScript script;
        script.path = path;
        script.fileName = QFileInfo(path).fileName();
        Diagnostic d;
        d.code = u"unreadable-file"_s;
        d.message = tr("Cannot read %1: %2.").arg(path, file.errorString());
        d.file = path;
        script.diagnostics.append(d);
        return script;
    }
    return readRevisionScript(path, file.readAll());
}

QList<RevisionScript> ScriptDirectory::readScripts(const QStringList &files)
{
    std::vector<RevisionScript> scripts(files.size());
    const unsigned workers = files.size() < 256 ? 1u : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < files.size(); i = next++)
            scripts[size_t(i)] = readOne(files.at(i));
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < workers; ++t)
        threads.emplace_back(work);
    work();
    for (std::thread &t : threads)
        t.join();
    return QList<RevisionScript>(std::make_move_iterator(scripts.begin()), std::make_move_iterator(scripts.end()));
}
