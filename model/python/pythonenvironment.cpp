// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythonenvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonEnvironment)
};

} // namespace

QString PythonEnvironment::findInterpreter(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    QDir dir(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    for (int level = 0; level < 4; ++level) {
        for (const QString &venv : {u".venv"_s, u"venv"_s}) {
            const QString python = dir.filePath(venv + u"/bin/python"_s);
            if (QFileInfo(python).isExecutable())
                return python;
        }
        if (!dir.cdUp())
            break;
    }
    const QString virtualEnv = qEnvironmentVariable("VIRTUAL_ENV");
    if (!virtualEnv.isEmpty() && QFileInfo(virtualEnv + u"/bin/python"_s).isExecutable())
        return virtualEnv + u"/bin/python"_s;
    if (QFileInfo(u"/usr/bin/python3"_s).isExecutable())
        return u"/usr/bin/python3"_s;
    return QStandardPaths::findExecutable(u"python3"_s);
}

Result<QString> PythonEnvironment::packageFolder(const QString &python, const QStringList &sysPath,
                                                 const QString &package)
{
    static const char Script[] = "import sys\n"
                                 "sys.dont_write_bytecode = True\n"
                                 "sys.path[:0] = sys.argv[2:]\n"
                                 "from importlib import resources\n"
                                 "print(resources.files(sys.argv[1]))\n";
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    process.setProcessEnvironment(environment);
    process.start(python, QStringList{u"-c"_s, QString::fromLatin1(Script), package} + sysPath);
    if (!process.waitForStarted(10000))
        return Result<QString>::failure(Tr::tr("%1 cannot be started (%2)").arg(python, process.errorString()));
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(5000);
        return Result<QString>::failure(Tr::tr("%1 did not answer within 20 seconds").arg(python));
    }
    const QString folder = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !QFileInfo(folder).isDir()) {
        const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return Result<QString>::failure(
            Tr::tr("%1 cannot import %2: %3").arg(python, package, errors.section(u'\n', -1)));
    }
    return QDir::cleanPath(folder);
}
