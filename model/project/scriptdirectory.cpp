// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/scriptdirectory.h"
#include "project/projectconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#endif
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

bool ScriptDirectory::isRevisionFileName(const QString &name, bool sourceless)
{
    if (name.startsWith(u".#") || name.startsWith(u"__init__"))
        return false;
    return name.endsWith(u".py") || (sourceless && (name.endsWith(u".pyc") || name.endsWith(u".pyo")));
}

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(ScriptDirectory)
};

/// Python's string order (by code point). UTF-16 order differs only where a surrogate pair meets
/// a character in U+E000..U+FFFF, so those units are shifted into code-point order.
bool codePointLess(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char16_t x = a.at(i).unicode();
        char16_t y = b.at(i).unicode();
        if (x == y)
            continue;
        auto fix = [](char16_t u) {
            return u >= 0xE000 ? char16_t(u - 0x800) : u >= 0xD800 ? char16_t(u + 0x2000) : u;
        };
        return fix(x) < fix(y);
    }
    return a.size() < b.size();
}

struct Entry
{
    QString path;
    bool isSymLink = false;
};

/// Why @p dir cannot be listed: empty when it can, else the system's reason. `missing` is set when
/// it does not exist at all (alembic skips such configured locations), not when it is unreadable.
QString folderProblem(const QString &dir, bool *missing)
{
    *missing = false;
#ifdef Q_OS_UNIX
    DIR *handle = ::opendir(QFile::encodeName(dir).constData());
    if (handle) {
        ::closedir(handle);
        return {};
    }
    const int error = errno;
    *missing = error == ENOENT;
    return QString::fromLocal8Bit(std::strerror(error));
#else
    *missing = !QFileInfo::exists(dir);
    return QFileInfo(dir).isDir() && QFileInfo(dir).isReadable() ? QString() : Tr::tr("not a readable folder");
#endif
}

Diagnostic folderDiagnostic(Diagnostic::Severity severity, const QString &code, const QString &path,
                            const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    d.file = path;
    return d;
}

/// The files and sub-directories of @p dir, each sorted by code point as Python sorts (QDir's own
/// sorting is locale-aware). The directory iterator takes file types from readdir, so only
/// symbolic links cost a stat. Entries named like revision files that are neither (dangling links,
/// link loops, folders named x.py) are reported: alembic would stop on them.
void listFolder(const QString &dir, bool sourceless, QList<Entry> *files, QStringList *subdirs,
                Diagnostics *diagnostics)
{
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir())
            subdirs->append(info.fileName());
        else if (info.isFile())
            files->append({info.fileName(), info.isSymLink()});
        if (!info.isFile() && diagnostics && ScriptDirectory::isRevisionFileName(info.fileName(), sourceless)) {
            diagnostics->append(folderDiagnostic(
                Diagnostic::Severity::Warning, u"not-a-revision-file"_s, info.filePath(),
                info.isDir() ? Tr::tr("%1 is a folder named like a revision file; Retort skips it, alembic stops on it "
                                      "(IsADirectoryError). Rename it.")
                                   .arg(info.filePath())
                             : Tr::tr("%1 is a symbolic link that leads nowhere (or into a loop); Retort skips it, "
                                      "alembic stops on it. Fix or remove the link.")
                                   .arg(info.filePath())));
        }
    }
    std::sort(files->begin(), files->end(),
              [](const Entry &a, const Entry &b) { return codePointLess(a.path, b.path); });
    std::sort(subdirs->begin(), subdirs->end(), codePointLess);
}

void collect(const QString &dir, bool recursive, const ProjectConfig &config, QList<Entry> *files,
             Diagnostics *diagnostics)
{
    QList<Entry> entries;
    QStringList subdirs;
    bool missing = false;
    const QString problem = folderProblem(dir, &missing);
    if (!problem.isEmpty()) {
        // Alembic stops with PermissionError; an empty listing would look like a project without
        // revisions, and a stamp with purge would then empty the version table.
        if (diagnostics) {
            diagnostics->append(folderDiagnostic(
                Diagnostic::Severity::Error, u"unreadable-folder"_s, dir,
                Tr::tr("Cannot list the versions folder %1: %2. Alembic stops here too; give your user read access "
                       "to it. Nothing is written to a database while it cannot be read.")
                    .arg(dir, problem)));
        }
        return;
    }
    listFolder(dir, config.sourceless, &entries, &subdirs, diagnostics);
    QSet<QString> names;
    if (config.sourceless) {
        for (const Entry &entry : std::as_const(entries))
            names.insert(entry.path);
    }
    for (const Entry &entry : std::as_const(entries)) {
        if (!ScriptDirectory::isRevisionFileName(entry.path, config.sourceless))
            continue;
        // Sourceless mode prefers x.py over x.pyc, and x.pyc over x.pyo (Script._from_filename).
        const QString &name = entry.path;
        if (name.endsWith(u".pyc") && names.contains(name.chopped(1)))
            continue;
        if (name.endsWith(u".pyo") && (names.contains(name.chopped(1)) || names.contains(name.chopped(1) + u'c')))
            continue;
        files->append({dir + u'/' + entry.path, entry.isSymLink});
    }
    if (!recursive)
        return;
    for (const QString &sub : std::as_const(subdirs)) {
        if (!sub.endsWith(u"__pycache__"))
            collect(dir + u'/' + sub, true, config, files, diagnostics);
    }
}

} // namespace

QStringList ScriptDirectory::revisionFiles(const ProjectConfig &config, Diagnostics *diagnostics)
{
    QList<Entry> files;
    for (const QString &location : config.versionLocations) {
        bool missing = false;
        if (!folderProblem(location, &missing).isEmpty() && missing) {
            // Alembic skips a missing configured location silently (release folders that never had a
            // migration are not in git) but fails on a missing default one.
            if (diagnostics) {
                Diagnostic d;
                d.file = location;
                if (config.versionLocationsExplicit) {
                    d.severity = Diagnostic::Severity::Warning;
                    d.code = u"missing-version-location"_s;
                    d.message = Tr::tr("The version location %1 does not exist; alembic skips it too. Remove it from "
                                       "version_locations if it is not meant to hold revisions.")
                                    .arg(location);
                } else {
                    d.code = u"missing-versions-folder"_s;
                    d.message = Tr::tr("Path doesn't exist: '%1'. Create the versions folder or set version_locations.")
                                    .arg(location);
                }
                diagnostics->append(d);
            }
            continue;
        }
        collect(QDir::cleanPath(location), config.recursiveVersionLocations, config, &files, diagnostics);
    }
    // Alembic compares real paths; resolving each file costs several system calls, so resolve the
    // folders once and only the files that are symbolic links.
    QHash<QString, QString> realFolders;
    auto realPath = [&](const Entry &entry) {
        if (entry.isSymLink)
            return QFileInfo(entry.path).canonicalFilePath();
        const qsizetype slash = entry.path.lastIndexOf(u'/');
        const QString folder = entry.path.left(slash);
        auto it = realFolders.find(folder);
        if (it == realFolders.end())
            it = realFolders.insert(folder, QFileInfo(folder).canonicalFilePath());
        return QString(*it + entry.path.mid(slash));
    };
    QSet<QString> seen;
    QStringList unique;
    for (const Entry &entry : std::as_const(files)) {
        const QString &file = entry.path;
        const QString real = realPath(entry); // alembic compares and reports real paths
        if (seen.contains(real)) {
            if (diagnostics) {
                Diagnostic d;
                d.severity = Diagnostic::Severity::Warning;
                d.code = u"file-loaded-twice"_s;
                d.message =
                    Tr::tr("File %1 loaded twice! ignoring. Please ensure version_locations is unique.").arg(real);
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
        d.message = Tr::tr("%1 is compiled Python without its source; Retort reads revisions from source files only. "
                           "Keep the .py file next to it.")
                        .arg(script.fileName);
        d.file = path;
        script.diagnostics.append(d);
        return script;
    }
#ifdef Q_OS_UNIX
    // Plain POSIX reads: QFile's extra stat and buffering are a third of the time on big histories.
    const QByteArray encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        QByteArray contents;
        char buffer[16384];
        for (;;) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got > 0) {
                contents.append(buffer, got);
                // A short read of a regular file is its end: skip the read that would return 0.
                if (size_t(got) < sizeof buffer)
                    break;
                continue;
            }
            if (got < 0 && errno == EINTR)
                continue;
            break;
        }
        ::close(fd);
        return readRevisionScript(path, contents);
    }
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RevisionScript script;
        script.path = path;
        script.fileName = QFileInfo(path).fileName();
        Diagnostic d;
        d.code = u"unreadable-file"_s;
        d.message = Tr::tr("Cannot read %1: %2.").arg(path, file.errorString());
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

namespace {

/// How unreadFolders() names @p dir: relative to the config file's folder (or the version
/// location's parent for a bare folder) when it lies below it, else in full.
QString folderName(const ProjectConfig &config, const QString &location, const QString &dir)
{
    const QString base =
        !config.configDirectory().isEmpty() ? config.configDirectory() : QFileInfo(location).absolutePath();
    const QString relative = QDir(base).relativeFilePath(dir);
    return relative.startsWith(u"..") ? dir : relative;
}

/// Walks the sub-folders of @p dir depth first, in Python's order, reporting those that hold
/// revision files and are not read. Folders in @p read are version locations of their own (walked
/// from there); @p visited stops symbolic-link loops.
void findUnread(const ProjectConfig &config, const QString &location, const QString &dir, const QSet<QString> &read,
                QSet<QString> *visited, Diagnostics *diagnostics)
{
    QList<Entry> ignoredFiles;
    QStringList subdirs;
    listFolder(dir, false, &ignoredFiles, &subdirs, nullptr);
    for (const QString &name : std::as_const(subdirs)) {
        if (name.endsWith(u"__pycache__"))
            continue;
        const QString sub = dir + u'/' + name;
        const QString real = QFileInfo(sub).canonicalFilePath();
        if (real.isEmpty() || read.contains(real) || visited->contains(real))
            continue;
        visited->insert(real);
        QList<Entry> entries;
        QStringList ignoredDirs;
        listFolder(sub, false, &entries, &ignoredDirs, nullptr);
        QStringList candidates;
        for (const Entry &entry : std::as_const(entries)) {
            if (ScriptDirectory::isRevisionFileName(entry.path, false))
                candidates.append(sub + u'/' + entry.path);
        }
        // The loader's own test: a file that binds `revision` is a revision, whatever else it holds.
        QStringList revisions;
        const QList<RevisionScript> scripts = ScriptDirectory::readScripts(candidates);
        for (const RevisionScript &script : scripts) {
            if (script.revisionLine > 0)
                revisions.append(script.path);
        }
        if (!revisions.isEmpty()) {
            const QString folder = folderName(config, location, sub);
            const int count = int(revisions.size());
            const QString message =
                config.versionLocationsExplicit
                    ? Tr::tr("%1 holds %n revision file(s) that alembic does not read. Add the folder to "
                             "version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).",
                             nullptr, count)
                          .arg(folder)
                    : Tr::tr("%1 holds %n revision file(s) that alembic does not read. Set "
                             "recursive_version_locations = true (alembic 1.10 or newer), or set version_locations "
                             "to the versions folder and this one.",
                             nullptr, count)
                          .arg(folder);
            diagnostics->append(
                folderDiagnostic(Diagnostic::Severity::Warning, u"unread-folder"_s, revisions.first(), message));
        }
        findUnread(config, location, sub, read, visited, diagnostics);
    }
}

} // namespace

Diagnostics ScriptDirectory::unreadFolders(const ProjectConfig &config)
{
    Diagnostics diagnostics;
    if (config.recursiveVersionLocations)
        return diagnostics;
    QSet<QString> read;
    for (const QString &location : config.versionLocations) {
        const QString real = QFileInfo(location).canonicalFilePath();
        if (!real.isEmpty())
            read.insert(real);
    }
    QSet<QString> visited;
    for (const QString &location : config.versionLocations) {
        if (QFileInfo(location).isDir())
            findUnread(config, location, QDir::cleanPath(location), read, &visited, &diagnostics);
    }
    return diagnostics;
}
