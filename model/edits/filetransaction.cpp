// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "filetransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(FileTransaction)
};

/// One file to bring to @p bytes; @p previous is what to put back when the transaction fails
/// (nothing: the file did not exist and is removed again).
struct Write
{
    QString path;
    QByteArray bytes;
    std::optional<QByteArray> previous;
    QFileDevice::Permissions permissions;
};

QString temporaryFor(const QString &path)
{
    const QFileInfo info(path);
    return info.absolutePath() + u"/."_s + info.fileName() + u".retort-new"_s;
}

/// Flushes what was written in @p directory to the disk: on Linux the whole file system at once
/// (one syncfs() instead of an fsync() per file: 1,000 files took 1-2.4 s that way), else the folder.
bool syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
#ifdef __linux__
    const bool synced = ::syncfs(fd) == 0;
#else
    const bool synced = ::fsync(fd) == 0;
#endif
    ::close(fd);
    return synced;
}

QStringList directoriesOf(const QList<Write> &writes)
{
    QStringList directories;
    for (const Write &w : writes)
        directories.append(QFileInfo(w.path).absolutePath());
    directories.removeDuplicates();
    return directories;
}

/// Writes @p bytes to a temporary beside @p path (not yet flushed: writeAll() syncs them together).
Result<QString> stage(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    const QString temporary = temporaryFor(path);
    QFile::remove(temporary); // left over by a run that was killed
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return Result<QString>::failure(Tr::tr("Cannot write beside %1: %2. Nothing was changed.")
                                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
#ifdef __linux__
    const bool written = file.write(bytes) == bytes.size() && file.flush();
#else
    const bool written = file.write(bytes) == bytes.size() && file.flush() && ::fsync(file.handle()) == 0;
#endif
    if (!written) {
        const QString why = file.errorString();
        file.close();
        file.remove();
        return Result<QString>::failure(
            Tr::tr("Cannot write beside %1: %2. Nothing was changed.").arg(QDir::toNativeSeparators(path), why));
    }
    if (permissions)
        file.setPermissions(permissions);
    file.close();
    return temporary;
}

bool renameOver(const QString &from, const QString &to)
{
    // QFile::rename() refuses an existing target; rename(2) replaces it atomically.
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

/// Best effort: puts back what writes [0, count) replaced.
void restore(const QList<Write> &writes, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        const Write &w = writes.at(i);
        if (!w.previous) {
            QFile::remove(w.path);
            continue;
        }
        const Result<QString> temporary = stage(w.path, *w.previous, w.permissions);
        if (temporary && !renameOver(temporary.value(), w.path))
            QFile::remove(temporary.value());
    }
}

/// All of @p writes or none: temporaries first, then renames; a failure puts back what was renamed.
Result<bool> writeAll(const QList<Write> &writes)
{
    QStringList temporaries;
    for (const Write &w : writes) {
        const Result<QString> temporary = stage(w.path, w.bytes, w.permissions);
        if (!temporary) {
            for (const QString &t : std::as_const(temporaries))
                QFile::remove(t);
            return Result<bool>::failure(temporary.error());
        }
        temporaries.append(temporary.value());
    }
    // The new contents are on the disk before any original is replaced.
    for (const QString &directory : directoriesOf(writes)) {
        if (!syncDirectory(directory)) {
            for (const QString &t : std::as_const(temporaries))
                QFile::remove(t);
            return Result<bool>::failure(
                Tr::tr("Cannot flush the new files in %1 to the disk. Nothing was changed.").arg(directory));
        }
    }
    for (qsizetype i = 0; i < writes.size(); ++i) {
        if (renameOver(temporaries.at(i), writes.at(i).path))
            continue;
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        for (qsizetype j = i; j < temporaries.size(); ++j)
            QFile::remove(temporaries.at(j));
        restore(writes, i);
        return Result<bool>::failure(Tr::tr("Cannot replace %1: %2. Every file was put back as it was.")
                                         .arg(QDir::toNativeSeparators(writes.at(i).path), why));
    }
    for (const QString &directory : directoriesOf(writes))
        syncDirectory(directory); // the renames; they are done, so a failure here changes nothing
    return true;
}

/// Moves @p path to the desktop trash, else into @p fallback; returns where it went.
Result<QString> moveToTrash(const QString &path, const QString &fallback)
{
    // The freedesktop.org spec lets a program create the home trash. Qt 6.4 does not, and without
    // it puts files/ and info/ into the current folder.
    const QString homeTrash = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Trash"_s;
    QString inTrash;
    if (QDir().mkpath(homeTrash + u"/files"_s) && QDir().mkpath(homeTrash + u"/info"_s) &&
        QFile::moveToTrash(path, &inTrash)) {
        return inTrash;
    }
    if (!QDir().mkpath(fallback)) {
        return Result<QString>::failure(
            Tr::tr("There is no trash for %1 and the folder %2 cannot be made.").arg(path, fallback));
    }
    const QString name = QFileInfo(path).fileName();
    QString target = QDir(fallback).filePath(name);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QDir(fallback).filePath(name + u'.' + QString::number(n));
    if (!QFile::rename(path, target)) {
        return Result<QString>::failure(
            Tr::tr("Cannot move %1 to the trash or to %2.").arg(QDir::toNativeSeparators(path), fallback));
    }
    return target;
}

/// Removes a file the trash holds, with its freedesktop.org `.trashinfo` when it has one.
void removeFromTrash(const QString &inTrash)
{
    const QFileInfo info(inTrash);
    QFile::remove(inTrash);
    if (info.dir().dirName() == u"files") {
        QDir trash = info.dir();
        trash.cdUp();
        QFile::remove(trash.filePath(u"info/"_s + info.fileName() + u".trashinfo"_s));
    }
}

std::optional<QByteArray> contentsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool isReadOnly(const QString &path)
{
    return !(QFileInfo(path).permissions() & QFileDevice::WriteOwner);
}

} // namespace

namespace FileTransaction {

Result<AppliedChanges> apply(const QList<FileChange> &changes, const QString &fallbackTrash)
{
    using R = Result<AppliedChanges>;
    QList<Write> writes;
    for (const FileChange &change : changes) {
        const QString shown = QDir::toNativeSeparators(change.path);
        if (contentsOf(change.path) != change.before) {
            return R::failure(
                Tr::tr("%1 changed since the preview was made. Nothing was written; look at it again.").arg(shown));
        }
        if (isReadOnly(change.path)) {
            return R::failure(Tr::tr("%1 is read-only. Nothing was written; make it writable (chmod u+w) and try "
                                     "again, or leave the history as it is.")
                                  .arg(shown));
        }
        if (!change.remove)
            writes.append({change.path, change.after, change.before, QFileInfo(change.path).permissions()});
    }
    const Result<bool> written = writeAll(writes);
    if (!written)
        return R::failure(written.error());

    AppliedChanges applied;
    applied.changes = changes;
    applied.trashedAs.resize(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (!changes.at(i).remove)
            continue;
        const Result<QString> trashed = moveToTrash(changes.at(i).path, fallbackTrash);
        if (trashed) {
            applied.trashedAs[i] = trashed.value();
            continue;
        }
        // Put back the files trashed so far, then the edits.
        for (qsizetype j = 0; j < i; ++j) {
            if (!changes.at(j).remove)
                continue;
            if (!QFile::rename(applied.trashedAs.at(j), changes.at(j).path))
                restore({Write{changes.at(j).path, {}, changes.at(j).before, {}}}, 1);
        }
        restore(writes, writes.size());
        return R::failure(trashed.error() + u' ' + Tr::tr("Every file was put back as it was."));
    }
    return applied;
}

Result<bool> undo(const AppliedChanges &applied)
{
    QList<Write> writes;
    for (const FileChange &change : applied.changes) {
        const QString shown = QDir::toNativeSeparators(change.path);
        const std::optional<QByteArray> now = contentsOf(change.path);
        if (change.remove && QFileInfo::exists(change.path)) {
            return Result<bool>::failure(
                Tr::tr("%1 exists again, so undoing would overwrite it. Nothing was changed.").arg(shown));
        }
        if (!change.remove && now != change.after) {
            return Result<bool>::failure(
                Tr::tr("%1 was changed after Retort's edit; undoing would lose that change. Nothing was changed.")
                    .arg(shown));
        }
        writes.append({change.path, change.before,
                       change.remove ? std::nullopt : std::optional<QByteArray>(change.after),
                       change.remove ? QFileDevice::Permissions() : QFileInfo(change.path).permissions()});
    }
    const Result<bool> written = writeAll(writes);
    if (!written)
        return written;
    for (const QString &inTrash : applied.trashedAs) {
        if (!inTrash.isEmpty())
            removeFromTrash(inTrash);
    }
    return true;
}

} // namespace FileTransaction
