// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "graph/layoutprocess.h"
#include "graph/layoutprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(LayoutProcess)
};

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

qint64 memoryLimitMegabytes(const LayoutLimits &limits)
{
    if (limits.memoryLimitMegabytes > 0)
        return limits.memoryLimitMegabytes;
    const qint64 physical = qint64(sysconf(_SC_PHYS_PAGES)) * qint64(sysconf(_SC_PAGESIZE)) / (1024 * 1024);
    return std::clamp<qint64>(physical / 2, 512, 4096);
}

/// The helper's last words (Graphviz's "out of memory", glibc's "malloc(): …"), kept short.
QString lastLines(const QByteArray &errorOutput)
{
    const QStringList lines = QString::fromUtf8(errorOutput).trimmed().split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(u' ').left(400);
}

} // namespace

namespace LayoutProcess {

QString cancelledMessage()
{
    return Tr::tr("The layout was cancelled.");
}

QString settledMessage()
{
    return Tr::tr("Graphviz was stopped on request");
}

QString helperPath()
{
    const QString configured = qEnvironmentVariable("RETORT_LAYOUT_HELPER");
    if (!configured.isEmpty())
        return isExecutable(configured) ? configured : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    const QStringList candidates = {here.filePath(u"retort-layout"_s),
                                    here.filePath(u"../"_s + QStringLiteral(RETORT_INSTALL_LIBEXEC_HELPER)),
                                    QStringLiteral(RETORT_BUILD_LAYOUT_HELPER)};
    for (const QString &candidate : candidates) {
        if (isExecutable(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

Result<GraphLayout> run(const LayoutRequest &request, const LayoutLimits &limits, const std::atomic_bool *cancelled)
{
    const QString helper = helperPath();
    if (helper.isEmpty()) {
        const QString configured = qEnvironmentVariable("RETORT_LAYOUT_HELPER");
        return Result<GraphLayout>::failure(
            configured.isEmpty()
                ? Tr::tr("The layout helper retort-layout is not installed next to %1; reinstall Retort.")
                      .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath()))
                : Tr::tr("RETORT_LAYOUT_HELPER names %1, which is not an executable file.")
                      .arg(QDir::toNativeSeparators(configured)));
    }
    const qint64 memoryLimit = memoryLimitMegabytes(limits);
    QProcess process;
    process.start(helper, {u"--memory-limit-mb"_s, QString::number(memoryLimit), u"--time-limit-s"_s,
                           QString::number(limits.timeLimitMs / 1000 + 5)});
    if (!process.waitForStarted(10000))
        return Result<GraphLayout>::failure(
            Tr::tr("The layout helper %1 could not be started: %2").arg(helper, process.errorString()));
    process.write(LayoutProtocol::encodeRequest(request));
    process.closeWriteChannel();

    QElapsedTimer clock;
    clock.start();
    // Short waits, so a cancel (another project opened) ends the helper within a blink.
    while (!process.waitForFinished(50) && process.state() != QProcess::NotRunning) {
        const bool wasCancelled = cancelled && cancelled->load();
        const bool settled = limits.settleForLayered && limits.settleForLayered->load();
        if (wasCancelled || settled || clock.elapsed() > limits.timeLimitMs) {
            process.kill();
            process.waitForFinished(5000);
            if (wasCancelled)
                return Result<GraphLayout>::failure(cancelledMessage());
            if (settled)
                return Result<GraphLayout>::failure(settledMessage());
            return Result<GraphLayout>::failure(
                Tr::tr("Graphviz did not finish within %n seconds", nullptr, (limits.timeLimitMs + 999) / 1000));
        }
    }
    const QByteArray output = process.readAllStandardOutput();
    const QString lastWords = lastLines(process.readAllStandardError());
    // Graphviz prints "out of memory" and aborts when its limit is reached; Qt's reading, bad_alloc.
    if (lastWords.contains(u"out of memory"_s, Qt::CaseInsensitive) || lastWords.contains(u"bad_alloc"_s))
        return Result<GraphLayout>::failure(Tr::tr("Graphviz needed more than its %1 MB of memory").arg(memoryLimit));
    if (process.exitStatus() == QProcess::CrashExit) {
        return Result<GraphLayout>::failure(lastWords.isEmpty() ? Tr::tr("Graphviz crashed")
                                                                : Tr::tr("Graphviz crashed (%1)").arg(lastWords));
    }
    if (process.exitCode() != 0) {
        return Result<GraphLayout>::failure(
            lastWords.isEmpty() ? Tr::tr("Graphviz failed (exit code %1)").arg(process.exitCode()) : lastWords);
    }
    return LayoutProtocol::decodeLayout(output);
}

} // namespace LayoutProcess
