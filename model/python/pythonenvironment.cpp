// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/pythonenvironment.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPython, "retort.python", QtInfoMsg)

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonEnvironment)
};

/// A folder has the x bit too, and a broken symlink (a venv whose base Python is gone) has none.
bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

/// Bytecode would land in the user's project, and non-UTF-8 locales would garble paths.
QProcessEnvironment pythonEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    return environment;
}

QString lastLine(const QByteArray &output)
{
    const QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        if (!line->trimmed().isEmpty())
            return line->trimmed();
    }
    return {};
}

/// Subtables ([tool.poetry.dependencies], [[tool.poetry.source]]) imply the table; a regular
/// expression instead of a TOML parser, since a false "yes" only costs one run of Poetry.
bool hasPoetryTable(const QString &pyproject)
{
    QFile file(pyproject);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QRegularExpression table(uR"(^[ \t]*\[\[?[ \t]*tool[ \t]*\.[ \t]*poetry[ \t]*[\].])"_s,
                                          QRegularExpression::MultilineOption);
    return table.match(QString::fromUtf8(file.readAll())).hasMatch();
}

/// Poetry keeps its environments outside the project (~/.cache/pypoetry/virtualenvs) unless told
/// otherwise, so only Poetry knows where; any failure means "not Poetry's to say".
QString poetryInterpreter(const QString &folder)
{
    const QString poetry = QStandardPaths::findExecutable(u"poetry"_s);
    if (poetry.isEmpty())
        return {};
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setStandardInputFile(QProcess::nullDevice());
    const QDeadlineTimer deadline(10000);
    process.start(poetry, {u"env"_s, u"info"_s, u"--path"_s, u"--no-interaction"_s});
    if (!process.waitForStarted(int(deadline.remainingTime())) ||
        !process.waitForFinished(int(qMax<qint64>(1, deadline.remainingTime())))) {
        qCDebug(lcPython) << "poetry env info in" << folder << "did not finish:" << process.errorString();
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qCDebug(lcPython) << "poetry env info in" << folder << "failed:" << lastLine(process.readAllStandardError());
        return {};
    }
    const QString environment = lastLine(process.readAllStandardOutput());
    const QString python = environment + u"/bin/python"_s;
    if (environment.isEmpty() || !isExecutableFile(python)) {
        qCDebug(lcPython) << "poetry's environment" << environment << "has no bin/python";
        return {};
    }
    return python;
}

/// A name without a slash is looked up on PATH the way a shell would.
QString located(const QString &python)
{
    if (python.isEmpty())
        return {};
    if (!python.contains(u'/'))
        return QStandardPaths::findExecutable(python);
    return isExecutableFile(python) ? python : QString();
}

QString chooseAnother()
{
    return Tr::tr("Another interpreter can be chosen in the window (Database ▸ Python Interpreter…) or with --python "
                  "in retort-cli.");
}

/// Debian's own Python refuses pip (PEP 668, "externally managed"): its packages come from apt.
bool isDebianSystemPython(const QString &python)
{
    static const QRegularExpression system(uR"(^(/usr)?/bin/python3(\.\d+)?$)"_s);
    return system.match(QDir::cleanPath(python)).hasMatch() && QFileInfo::exists(u"/etc/debian_version"_s);
}

QString installCommand(const QString &python, const QString &debianPackage, const QString &pipPackage)
{
    if (isDebianSystemPython(python))
        return u"apt install "_s + debianPackage;
    const QString program = python.contains(u' ') ? u'"' + python + u'"' : python;
    return program + u" -m pip install "_s + pipPackage;
}

/// The same file as the environments: the choice is the project's, whichever of retort or
/// retort-cli makes it.
QSettings settings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s);
}

const QString DefaultInterpreterKey = u"python/default"_s;

/// QSettings groups cannot hold slashes: the path is hex-encoded. Not "project-", which
/// EnvironmentStore::save() clears as a whole.
QString interpreterKey(const QString &projectKey)
{
    return u"python-"_s + QString::fromLatin1(projectKey.toUtf8().toHex()) + u"/interpreter"_s;
}

} // namespace

QString PythonEnvironment::findInterpreter(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    QDir dir(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    QStringList folders;
    for (int level = 0; level < 4; ++level) {
        folders.append(dir.absolutePath());
        for (const QString &venv : {u".venv"_s, u"venv"_s}) {
            const QString python = dir.filePath(venv + u"/bin/python"_s);
            if (isExecutableFile(python))
                return python;
        }
        if (!dir.cdUp())
            break;
    }
    for (const QString &folder : std::as_const(folders)) {
        if (hasPoetryTable(folder + u"/pyproject.toml"_s)) {
            const QString python = poetryInterpreter(folder);
            if (!python.isEmpty())
                return python;
            break;
        }
    }
    const QString virtualEnv = qEnvironmentVariable("VIRTUAL_ENV");
    if (!virtualEnv.isEmpty() && isExecutableFile(virtualEnv + u"/bin/python"_s))
        return virtualEnv + u"/bin/python"_s;
    if (const QString fallback = located(defaultInterpreter()); !fallback.isEmpty())
        return fallback;
    if (isExecutableFile(u"/usr/bin/python3"_s))
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
    process.setProcessEnvironment(pythonEnvironment());
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

Result<PythonEnvironment::AlembicProbe> PythonEnvironment::probeAlembic(const QString &python)
{
    using R = Result<AlembicProbe>;
    // alembic first: it imports SQLAlchemy itself, and "install alembic" brings both.
    static const char Script[] = "import sys\n"
                                 "sys.dont_write_bytecode = True\n"
                                 "import alembic\n"
                                 "import sqlalchemy\n"
                                 "print('retort-probe', sys.version.split()[0], alembic.__version__,\n"
                                 "      sqlalchemy.__version__, sep='\\t')\n";
    if (python.isEmpty()) {
        return R::failure(Tr::tr("No Python interpreter was found: Retort looked for a virtual environment in the "
                                 "project's folder and above, $VIRTUAL_ENV, /usr/bin/python3 and python3 on PATH. %1")
                              .arg(chooseAnother()));
    }
    const QString program = located(python);
    if (program.isEmpty()) {
        if (!python.contains(u'/'))
            return R::failure(Tr::tr("There is no %1 on PATH. %2").arg(python, chooseAnother()));
        if (!QFileInfo::exists(python))
            return R::failure(Tr::tr("The Python interpreter %1 does not exist. %2").arg(python, chooseAnother()));
        return R::failure(Tr::tr("%1 is not an executable file, so it cannot be the Python interpreter. %2")
                              .arg(python, chooseAnother()));
    }

    QProcess process;
    process.setProcessEnvironment(pythonEnvironment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, {u"-c"_s, QString::fromLatin1(Script)});
    if (!process.waitForStarted(10000)) {
        return R::failure(Tr::tr("%1 cannot be started (%2). %3").arg(program, process.errorString(), chooseAnother()));
    }
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(5000);
        return R::failure(Tr::tr("%1 did not say within 20 seconds which alembic it has; a slow disk or a package "
                                 "that waits at import can cause this. Try again. %2")
                              .arg(program, chooseAnother()));
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return R::failure(
            Tr::tr("%1 crashed while importing alembic (%2). %3").arg(program, process.errorString(), chooseAnother()));
    }
    const QString error = lastLine(process.readAllStandardError());
    if (process.exitCode() != 0) {
        const QString reason = error.isEmpty() ? Tr::tr("exit code %1").arg(process.exitCode()) : error;
        if (error.contains(u"No module named 'sqlalchemy"_s)) {
            return R::failure(Tr::tr("%1 cannot import SQLAlchemy, which alembic needs (%2). Install it with '%3'. %4")
                                  .arg(program, reason,
                                       installCommand(program, u"python3-sqlalchemy"_s, u"sqlalchemy"_s),
                                       chooseAnother()));
        }
        return R::failure(
            Tr::tr("%1 cannot import alembic (%2). Install it with '%3'. %4")
                .arg(program, reason, installCommand(program, u"python3-alembic"_s, u"alembic"_s), chooseAnother()));
    }
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines) {
        const QStringList fields = line.trimmed().split(u'\t');
        if (fields.size() == 4 && fields.constFirst() == u"retort-probe"_s)
            return AlembicProbe{program, fields.at(1), fields.at(2), fields.at(3)};
    }
    return R::failure(Tr::tr("%1 ran, but did not answer the way a Python interpreter does; is it one? %2")
                          .arg(program, chooseAnother()));
}

QString PythonEnvironment::chosenInterpreter(const QString &projectKey)
{
    return settings().value(interpreterKey(projectKey)).toString();
}

void PythonEnvironment::setChosenInterpreter(const QString &projectKey, const QString &python)
{
    QSettings store = settings();
    if (python.isEmpty())
        store.remove(interpreterKey(projectKey));
    else
        store.setValue(interpreterKey(projectKey), python);
}

QString PythonEnvironment::defaultInterpreter()
{
    return settings().value(DefaultInterpreterKey).toString();
}

void PythonEnvironment::setDefaultInterpreter(const QString &python)
{
    QSettings store = settings();
    if (python.isEmpty())
        store.remove(DefaultInterpreterKey);
    else
        store.setValue(DefaultInterpreterKey, python);
}

QString PythonEnvironment::interpreterFor(const QString &projectKey, const QString &projectPath)
{
    const QString chosen = located(chosenInterpreter(projectKey));
    return chosen.isEmpty() ? findInterpreter(projectPath) : chosen;
}
