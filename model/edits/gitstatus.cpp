// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "gitstatus.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(GitStatus)
};

constexpr int GitTimeoutMs = 10000;

struct GitAnswer
{
    bool ok = false;
    QByteArray output;
    QString error;
};

GitAnswer git(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    // Never a pager, a credential prompt or an editor: Retort asks and goes on.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    environment.insert(u"GIT_OPTIONAL_LOCKS"_s, u"0"_s);
    process.setProcessEnvironment(environment);
    process.start(u"git"_s, arguments);
    GitAnswer answer;
    if (!process.waitForStarted(GitTimeoutMs)) {
        answer.error = Tr::tr("git could not be started (%1)").arg(process.errorString());
        return answer;
    }
    if (!process.waitForFinished(GitTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        answer.error = Tr::tr("git did not answer within %n second(s)", nullptr, GitTimeoutMs / 1000);
        return answer;
    }
    answer.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    answer.output = process.readAllStandardOutput();
    if (!answer.ok)
        answer.error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    return answer;
}

QStringList lines(const QByteArray &output, char separator = '\n')
{
    QStringList result;
    for (const QByteArray &line : output.split(separator)) {
        if (!line.isEmpty())
            result.append(QString::fromUtf8(line));
    }
    return result;
}

} // namespace

GitStatus GitStatus::of(const QStringList &paths)
{
    GitStatus status;
    if (paths.isEmpty())
        return status;
    const QString directory = QFileInfo(paths.first()).absolutePath();
    const GitAnswer top = git(directory, {u"rev-parse"_s, u"--show-toplevel"_s});
    if (!top.ok) {
        // Not a work tree is the common, quiet answer; git missing is worth saying.
        if (!top.error.isEmpty() && !top.error.contains(u"not a git repository"_s))
            status.error = top.error;
        return status;
    }
    status.inWorkTree = true;
    const QDir root(QString::fromUtf8(top.output).trimmed());
    QStringList relative;
    for (const QString &path : paths)
        relative.append(root.relativeFilePath(QFileInfo(path).absoluteFilePath()));

    const GitAnswer head = git(root.path(), {u"symbolic-ref"_s, u"--short"_s, u"-q"_s, u"HEAD"_s});
    status.currentBranch = QString::fromUtf8(head.output).trimmed();
    const GitAnswer tracked = git(root.path(), QStringList{u"ls-files"_s, u"-z"_s, u"--"_s} + relative);
    const GitAnswer changed =
        git(root.path(),
            QStringList{u"status"_s, u"--porcelain=v1"_s, u"-z"_s, u"--untracked-files=no"_s, u"--"_s} + relative);
    // The commit that added each file: what a colleague's checkout must contain to have it.
    const GitAnswer added = git(root.path(), QStringList{u"log"_s, u"--diff-filter=A"_s, u"--format=%x01%H"_s,
                                                         u"--name-only"_s, u"-z"_s, u"--"_s} +
                                                 relative);
    if (!tracked.ok || !changed.ok || !added.ok) {
        status.error = !tracked.ok ? tracked.error : !changed.ok ? changed.error : added.error;
        return status;
    }
    const QStringList trackedFiles = lines(tracked.output, '\0');
    QStringList changedFiles;
    for (const QString &entry : lines(changed.output, '\0'))
        changedFiles.append(entry.mid(3));
    QHash<QString, QString> addedBy;
    QString commit;
    for (QString entry : lines(added.output, '\0')) {
        entry = entry.trimmed();
        if (entry.startsWith(u'\x01')) {
            const qsizetype end = entry.indexOf(u'\n');
            commit = entry.mid(1, end < 0 ? -1 : end - 1);
            if (end < 0)
                continue;
            entry = entry.mid(end + 1).trimmed();
        }
        if (!entry.isEmpty() && !addedBy.contains(entry))
            addedBy.insert(entry, commit);
    }
    QHash<QString, QStringList> branchesOf;
    for (const QString &c : addedBy) {
        if (branchesOf.contains(c))
            continue;
        const GitAnswer branches =
            git(root.path(), {u"branch"_s, u"-a"_s, u"--contains"_s, c, u"--format=%(refname)"_s});
        branchesOf.insert(c, branches.ok ? lines(branches.output) : QStringList());
    }
    for (qsizetype i = 0; i < paths.size(); ++i) {
        GitFileState file;
        file.path = paths.at(i);
        if (trackedFiles.contains(relative.at(i))) {
            file.state =
                changedFiles.contains(relative.at(i)) ? GitFileState::State::Changed : GitFileState::State::Committed;
            for (const QString &ref : branchesOf.value(addedBy.value(relative.at(i)))) {
                const bool remote = ref.startsWith(u"refs/remotes/"_s);
                file.pushed = file.pushed || remote;
                file.branches.append(ref.section(u'/', 2));
            }
        }
        status.files.append(file);
    }
    return status;
}

QStringList GitStatus::warnings() const
{
    QStringList result;
    for (const GitFileState &file : files) {
        QStringList elsewhere = file.branches;
        elsewhere.removeAll(currentBranch);
        if (!file.pushed && elsewhere.isEmpty())
            continue;
        const QString name = QFileInfo(file.path).fileName();
        if (file.pushed) {
            result.append(Tr::tr("%1 is pushed (%2): other checkouts, CI or deploys may have applied it to databases "
                                 "Retort does not know.")
                              .arg(name, elsewhere.join(u", "_s)));
        } else {
            result.append(Tr::tr("%1 is also on the branches %2: a database migrated from one of them may have it "
                                 "applied.")
                              .arg(name, elsewhere.join(u", "_s)));
        }
    }
    return result;
}

QStringList GitStatus::notes() const
{
    QStringList result;
    if (!inWorkTree)
        return result;
    for (const GitFileState &file : files) {
        const QString name = QFileInfo(file.path).fileName();
        switch (file.state) {
        case GitFileState::State::Untracked:
            result.append(
                Tr::tr("%1 is not committed: deleting it loses it from git too (the trash keeps a copy).").arg(name));
            break;
        case GitFileState::State::Changed:
            result.append(Tr::tr("%1 has changes that are not committed.").arg(name));
            break;
        case GitFileState::State::Committed:
            result.append(Tr::tr("%1 is committed: the deletion is a change to commit.").arg(name));
            break;
        }
    }
    return result;
}
