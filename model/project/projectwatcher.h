// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class Project;
class QFileInfo;

/// Tells when an open project's files changed so that reloading it could give a different result:
/// a revision file edited, added, deleted or renamed, a config file edited, a version location
/// created or removed.
///
/// How it works: a QFileSystemWatcher watches the config files and their folders, each version
/// location (with its sub-folders when locations are recursive), each revision file, and the parent
/// of each location, or for a missing location its nearest existing ancestor, so that the location
/// itself appearing, vanishing or being renamed is seen. Every notification restarts a single-shot
/// timer. When it fires, the folders are listed again, the watches are brought up to date (new
/// sub-folders and files added, vanished ones dropped) and the stamps (size, modification time) of
/// the files that can matter are compared with the previous listing. A folder notification has no
/// file name, so one that changed no stamp (an editor's swap file, `__pycache__`, `notes.txt`) is not
/// reported; a notification on a watched file always is, and it re-adds that file's watch at once,
/// because an atomic save (write a temporary file, rename it over the original) leaves the watch on
/// the replaced file.
///
/// Inotify watches are limited per user. When a revision file cannot be watched, revision files are
/// no longer watched one by one (a warning goes to the "retort.watcher" logging category): adding,
/// deleting, renaming and atomic saves are still seen through their folders, in-place edits are not.
/// Projects of more than MaxWatchedFiles revisions are watched that way from the start. Projects of
/// more than ListInBackgroundFrom revisions have their folders listed and stamped on a worker thread
/// (20 ms for 2,000 files, 80 ms for 10,000: too long for the GUI thread): the first listings at idle
/// priority, the ones after a change at normal priority. The watches follow when a listing is done,
/// and a second listing after the first catches what changed before the folders were watched.
class ProjectWatcher : public QObject
{
    Q_OBJECT

public:
    /// Above this many revision files, only folders and config files are watched (as when the
    /// watch limit is reached): watching each file would cost the GUI thread too long.
    static constexpr int MaxWatchedFiles = 2000;
    /// Above this many revision files, the folders are listed on a worker thread.
    static constexpr int ListInBackgroundFrom = 500;

    explicit ProjectWatcher(QObject *parent = nullptr);
    ~ProjectWatcher() override;

    /// Watches @p project instead of what was watched before. Call it right after loading: changes
    /// made in between are not seen. Watching the same configuration again (after a reload) keeps a
    /// burst in progress and reports what changed since the last projectChanged(), so a change made
    /// while the project was being reloaded is not lost.
    void watch(const Project &project);
    /// Stops watching; no projectChanged() follows, not even for a burst in progress.
    void stop();

    /// Retort itself just wrote, replaced or deleted @p paths (a delete, a re-parent, an undo): what
    /// they hold now is not an outside change, and no projectChanged() follows for it.
    void noteOwnWrites(const QStringList &paths);

    /// The files and folders watched right now, sorted; for tests and diagnostics.
    QStringList watchedPaths() const;
    /// True when the watch limit made this watcher fall back to folders and config files only.
    bool isWatchingDirectoriesOnly() const { return m_directoriesOnly; }

    int debounceInterval() const;
    /// How long the files must stay quiet before projectChanged() is emitted; 200 ms by default.
    void setDebounceInterval(int ms);

signals:
    /// The project's files changed; emitted once per burst of changes, after it settled.
    void projectChanged();

private:
    struct Stamp
    {
        qint64 size = -1;
        qint64 modified = 0;
        bool isDir = false;
        bool operator==(const Stamp &) const = default;
    };
    struct Spec
    {
        QStringList configFiles;
        QStringList locations;
        bool recursive = false;
        bool sourceless = false;
        bool operator==(const Spec &) const = default;
    };

    /// What the folders hold now: the folders to watch (in order), the revision files, the stamps.
    struct Listing
    {
        QStringList directories;
        QStringList candidates;
        QHash<QString, Stamp> stamps;
    };

    void onFileChanged(const QString &path);
    /// The stamp a listing gives @p file, which exists; stampOf(QString) is size -1 for a missing one.
    static Stamp stampOf(const QFileInfo &file);
    static Stamp stampOf(const QString &path);
    void onDirectoryChanged();
    void onSettled();
    /// Lists @p spec's folders and stamps what can matter; touches no watcher, so any thread may.
    static Listing collect(const Spec &spec);
    /// Brings the watches up to date with @p listing and keeps its stamps; true when a stamp changed.
    bool apply(const Listing &listing);
    /// Lists the folders again, updates the watches and the stamps; true when a stamp changed.
    bool refresh();
    enum class Priority : quint8
    {
        Normal, ///< somebody waits for the answer: a change was seen
        Idle,   ///< nobody does: the first listings of a project
    };
    /// refresh(), then @p then with its answer; for big projects the listing runs on a worker
    /// thread and @p then follows later, unless the watcher was stopped meanwhile.
    void refreshThen(const std::function<void(bool changed)> &then, Priority priority = Priority::Normal);

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    Spec m_spec;
    bool m_active = false;
    /// A change was seen that projectChanged() has not reported yet.
    bool m_pending = false;
    bool m_directoriesOnly = false;
    bool m_listInBackground = false;
    bool m_warnedUnwatched = false;
    quint64 m_generation = 0; ///< counts stop()s, so a listing finishing late is dropped
    /// The files whose watch is re-added after each notification.
    QSet<QString> m_files;
    QHash<QString, Stamp> m_stamps;
    /// noteOwnWrites() since the last settled burst: a notification on such a file that finds it as
    /// Retort left it is Retort's own.
    QHash<QString, Stamp> m_ownWrites;
};
