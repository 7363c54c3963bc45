// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/projectwatcher.h"
#include "project/project.h"
#include "project/projectconfig.h"
#include "project/scriptdirectory.h"

#include "backgroundjob.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLoggingCategory>

#include <algorithm>
#include <filesystem>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcWatcher, "retort.watcher")

QString parentOf(const QString &path)
{
    return QFileInfo(path).path();
}

} // namespace

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(this)
    , m_debounce(this)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ProjectWatcher::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectWatcher::onDirectoryChanged);
    connect(&m_debounce, &QTimer::timeout, this, &ProjectWatcher::onSettled);
}

ProjectWatcher::~ProjectWatcher() = default;

void ProjectWatcher::watch(const Project &project)
{
    const ProjectConfig &config = project.config();
    Spec spec;
    auto addConfigFile = [&spec](const QString &file) {
        if (file.isEmpty())
            return;
        const QString clean = QDir::cleanPath(file);
        if (!spec.configFiles.contains(clean))
            spec.configFiles.append(clean);
    };
    if (!config.iniFile.isEmpty()) {
        addConfigFile(config.iniFile);
        // loadIniConfig() also reads a pyproject.toml next to the ini as soon as it has [tool.alembic].
        addConfigFile(QFileInfo(config.iniFile).absolutePath() + u"/pyproject.toml"_s);
    }
    addConfigFile(config.tomlFile);
    for (const QString &location : config.versionLocations) {
        const QString clean = QDir::cleanPath(location);
        if (!spec.locations.contains(clean))
            spec.locations.append(clean);
    }
    spec.recursive = config.recursiveVersionLocations;
    spec.sourceless = config.sourceless;

    const auto reportChange = [this](bool changed) {
        if (changed) {
            m_pending = true;
            m_debounce.start();
        }
    };
    if (m_active && spec == m_spec) {
        // A reload after projectChanged(): what changed since then may or may not be in the
        // reloaded project, so report it again rather than lose it.
        refreshThen(reportChange);
        return;
    }
    stop();
    m_spec = std::move(spec);
    m_active = true;
    m_directoriesOnly = project.scripts().size() > MaxWatchedFiles;
    m_listInBackground = project.scripts().size() > ListInBackgroundFrom;
    // Nobody waits for the first listings: they may wait for a free core.
    refreshThen(
        [this, reportChange](bool) {
            // Listed before its folders were watched: once more, for what changed in between.
            if (m_listInBackground)
                refreshThen(reportChange, Priority::Idle);
        },
        Priority::Idle);
}

void ProjectWatcher::stop()
{
    ++m_generation; // listings still running are dropped
    m_active = false;
    m_pending = false;
    m_debounce.stop();
    const QStringList paths = m_watcher.files() + m_watcher.directories();
    if (!paths.isEmpty())
        m_watcher.removePaths(paths);
    m_spec = {};
    m_files.clear();
    m_stamps.clear();
    m_directoriesOnly = false;
    m_listInBackground = false;
    m_warnedUnwatched = false;
}

QStringList ProjectWatcher::watchedPaths() const
{
    QStringList paths = m_watcher.files() + m_watcher.directories();
    paths.sort();
    return paths;
}

int ProjectWatcher::debounceInterval() const
{
    return m_debounce.interval();
}

void ProjectWatcher::setDebounceInterval(int ms)
{
    m_debounce.setInterval(ms);
}

ProjectWatcher::Stamp ProjectWatcher::stampOf(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? stampOf(info) : Stamp{};
}

ProjectWatcher::Stamp ProjectWatcher::stampOf(const QFileInfo &info)
{
    // Not QFileInfo::lastModified(): its local time has glibc stat /etc/localtime on every call,
    // which was half of the listing's time.
    std::error_code error;
    const auto modified = std::filesystem::last_write_time(info.filesystemFilePath(), error);
    return Stamp{info.size(), error ? 0 : qint64(modified.time_since_epoch().count()), false};
}

void ProjectWatcher::noteOwnWrites(const QStringList &paths)
{
    for (const QString &path : paths) {
        const Stamp stamp = stampOf(path);
        m_ownWrites.insert(path, stamp);
        if (stamp.size < 0)
            m_stamps.remove(path);
        else if (m_stamps.contains(path) || m_files.contains(path))
            m_stamps.insert(path, stamp);
    }
}

void ProjectWatcher::onFileChanged(const QString &path)
{
    if (!m_active)
        return;
    const auto own = m_ownWrites.constFind(path);
    if (own == m_ownWrites.cend() || stampOf(path) != own.value())
        m_pending = true;
    if (m_files.contains(path)) {
        // After an atomic save the watch is on the replaced file, or already dropped when that file
        // was deleted; either way only a fresh watch sees the next edit.
        m_watcher.removePath(path);
        if (QFileInfo::exists(path))
            m_watcher.addPath(path);
    }
    m_debounce.start();
}

void ProjectWatcher::onDirectoryChanged()
{
    if (m_active)
        m_debounce.start();
}

void ProjectWatcher::onSettled()
{
    if (!m_active)
        return;
    refreshThen([this](bool changed) {
        m_ownWrites.clear();
        if (!changed && !m_pending)
            return;
        m_pending = false;
        emit projectChanged();
    });
}

ProjectWatcher::Listing ProjectWatcher::collect(const Spec &spec)
{
    Listing listing;
    QSet<QString> directories;
    auto stamp = [&listing](const QString &path) {
        const QFileInfo info(path);
        if (info.isDir())
            listing.stamps.insert(path, Stamp{-1, 0, true}); // its time changes with any file made in it
        else if (info.exists())
            listing.stamps.insert(path, stampOf(info));
    };
    // Folders first: they matter most when the watch limit is near.
    auto addDirectory = [&](const QString &dir) {
        if (!directories.contains(dir)) {
            directories.insert(dir);
            listing.directories.append(dir);
        }
    };
    for (const QString &file : spec.configFiles)
        addDirectory(parentOf(file));
    QSet<QString> listed;
    for (const QString &location : spec.locations) {
        // The location's parent sees it renamed or deleted; for a missing location, the nearest
        // existing ancestor sees the first missing folder on the way created.
        QString child = location;
        QString parent = parentOf(child);
        while (parent != child && !QFileInfo(parent).isDir()) {
            child = parent;
            parent = parentOf(parent);
        }
        addDirectory(parent);
        stamp(child);

        QStringList pending;
        if (QFileInfo(location).isDir())
            pending.append(location);
        while (!pending.isEmpty()) {
            const QString dir = pending.takeLast();
            // Symbolic links may make a loop, or list a folder twice.
            const QString canonical = QFileInfo(dir).canonicalFilePath();
            if (listed.contains(canonical))
                continue;
            listed.insert(canonical);
            addDirectory(dir);
            QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                it.next();
                const QFileInfo info = it.fileInfo();
                if (info.isDir()) {
                    if (spec.recursive && !info.fileName().endsWith(u"__pycache__"))
                        pending.append(info.filePath());
                } else if (ScriptDirectory::isRevisionFileName(info.fileName(), spec.sourceless) && info.isFile()) {
                    // Only a revision file can change the project; other files are not reported.
                    listing.candidates.append(info.filePath());
                    listing.stamps.insert(info.filePath(), stampOf(info));
                }
            }
        }
    }
    for (const QString &file : spec.configFiles)
        stamp(file);
    return listing;
}

bool ProjectWatcher::apply(const Listing &listing)
{
    const QStringList filesBefore = m_watcher.files();
    const QStringList directoriesBefore = m_watcher.directories();
    QSet<QString> watched(filesBefore.cbegin(), filesBefore.cend());
    watched.unite(QSet<QString>(directoriesBefore.cbegin(), directoriesBefore.cend()));
    QSet<QString> wanted;
    QSet<QString> files;

    QStringList failed;
    for (const QString &dir : listing.directories) {
        wanted.insert(dir);
        if (!watched.contains(dir) && !m_watcher.addPath(dir) && QFileInfo(dir).isDir())
            failed.append(dir);
    }
    auto watchFile = [&](const QString &file) {
        wanted.insert(file);
        files.insert(file);
        return watched.contains(file) || m_watcher.addPath(file) || !QFileInfo::exists(file);
    };
    for (const QString &file : std::as_const(m_spec.configFiles)) {
        if (listing.stamps.contains(file) && !watchFile(file))
            failed.append(file);
    }
    if (!failed.isEmpty() && !m_warnedUnwatched) {
        m_warnedUnwatched = true; // not again on every refresh
        qCWarning(lcWatcher) << "Cannot watch" << failed.size()
                             << "folder(s) or config file(s), changes to them go unnoticed; the first:"
                             << failed.first();
    }
    // Qt's watcher scans its whole list on every add: 10,000 files took 0.36 s on the GUI thread.
    if (listing.candidates.size() > MaxWatchedFiles)
        m_directoriesOnly = true;
    if (!m_directoriesOnly) {
        QStringList unwatched;
        for (const QString &file : listing.candidates) {
            wanted.insert(file);
            files.insert(file);
            if (!watched.contains(file))
                unwatched.append(file);
        }
        const QStringList refused = unwatched.isEmpty() ? QStringList() : m_watcher.addPaths(unwatched);
        const auto gone = [](const QString &file) { return !QFileInfo::exists(file); };
        if (!std::all_of(refused.cbegin(), refused.cend(), gone)) {
            m_directoriesOnly = true;
            qCWarning(lcWatcher) << "Cannot watch" << refused.size()
                                 << "revision file(s) (too many watches? see /proc/sys/fs/inotify/max_user_watches): "
                                    "watching folders only, in-place edits of revision files go unnoticed";
        }
    }
    if (m_directoriesOnly) {
        // Free the watches for folders, which see everything but in-place edits.
        for (const QString &file : listing.candidates) {
            wanted.remove(file);
            files.remove(file);
        }
    }

    QStringList unwanted;
    const QStringList watchedNow = m_watcher.files() + m_watcher.directories();
    for (const QString &path : watchedNow) {
        if (!wanted.contains(path))
            unwanted.append(path);
    }
    if (!unwanted.isEmpty())
        m_watcher.removePaths(unwanted);

    m_files = std::move(files);
    const bool changed = listing.stamps != m_stamps;
    m_stamps = listing.stamps;
    return changed;
}

bool ProjectWatcher::refresh()
{
    return apply(collect(m_spec));
}

void ProjectWatcher::refreshThen(const std::function<void(bool changed)> &then, Priority priority)
{
    if (!m_listInBackground) {
        then(refresh());
        return;
    }
    // Listing and stamping 2,000 files took the GUI thread 20 ms; the watches follow on it.
    const quint64 generation = m_generation;
    auto *listing = new QFutureWatcher<Listing>(this);
    connect(listing, &QFutureWatcher<Listing>::finished, this, [this, listing, generation, then] {
        listing->deleteLater();
        if (m_active && generation == m_generation) // not stopped, not another project
            then(apply(listing->result()));
    });
    auto collectSpec = [spec = m_spec] { return collect(spec); };
    listing->setFuture(priority == Priority::Idle ? runAtIdlePriority(collectSpec)
                                                  : runInBackground(backgroundPool(), collectSpec));
}
