// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// PythonEnvironment: which interpreter a project gets (virtual environments in temporary folders,
// $VIRTUAL_ENV, a fake `poetry` first on PATH, /usr/bin/python3), what probeAlembic() says of real
// and fake interpreters (/usr/bin/python3 with alembic is the oracle: without it the test fails),
// and the interpreter a user chose, kept in isolated settings.

#include "database/environment.h"
#include "isolatedsettings.h"
#include "python/pythonenvironment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPythonEnvironment : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void findInterpreter_data();
    void findInterpreter();
    void poetry_data();
    void poetry();
    void probeSystemPython();
    void probeFailures_data();
    void probeFailures();
    void probeHintForSystemPython_data();
    void probeHintForSystemPython();
    void chosenInterpreter();
    void defaultInterpreter();
    void chosenInterpreterBesideEnvironments();

private:
    QTemporaryDir m_settings;
};

namespace {

const QString SystemPython = u"/usr/bin/python3"_s;

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    if (executable)
        return file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return true;
}

/// A stand-in interpreter: findInterpreter() only needs an executable file.
bool writeFakePython(const QString &path)
{
    return writeFile(path, "#!/bin/sh\nexit 0\n", true);
}

/// Sets (or, given a null value, unsets) a variable of this process and puts it back on scope exit,
/// so a failing row cannot leak into the next.
class ScopedVariable
{
public:
    ScopedVariable(const char *name, const QString &value)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value.toLocal8Bit());
    }
    ~ScopedVariable()
    {
        if (m_wasSet)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedVariable(const ScopedVariable &) = delete;
    ScopedVariable &operator=(const ScopedVariable &) = delete;

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_old;
};

/// "{D}/x" → the temporary folder's x; other texts as they are.
QString inDir(QString text, const QString &dir)
{
    return text.replace(u"{D}"_s, dir);
}

QByteArray traceback(const QByteArray &module)
{
    return "#!/bin/sh\n"
           "cat >&2 <<'EOF'\n"
           "Traceback (most recent call last):\n"
           "  File \"<string>\", line 3, in <module>\n"
           "ModuleNotFoundError: No module named '" +
           module +
           "'\n"
           "EOF\n"
           "exit 1\n";
}

} // namespace

void TestPythonEnvironment::initTestCase()
{
    QVERIFY(m_settings.isValid());
    const QString isolated = isolateSettings(m_settings.path());
    QVERIFY2(isolated.isEmpty(), qPrintable(isolated));
    // Every fallback row expects it, and the probe uses it as the oracle.
    QVERIFY2(QFileInfo(SystemPython).isExecutable(), "/usr/bin/python3 is needed: the tests' oracle");
}

void TestPythonEnvironment::findInterpreter_data()
{
    QTest::addColumn<QStringList>("pythons");    ///< executable fake interpreters, under {D}
    QTest::addColumn<QStringList>("plainFiles"); ///< files called python that are not executable
    QTest::addColumn<QString>("project");        ///< the path handed to findInterpreter()
    QTest::addColumn<QString>("virtualEnv");     ///< null: VIRTUAL_ENV unset
    QTest::addColumn<QString>("expected");

    const QString project = u"{D}/a/b/c/d"_s; // {D}/a is three folders above it, {D} four
    const QString here = project + u"/.venv/bin/python"_s;
    QTest::newRow(".venv in the project folder") << QStringList{here} << QStringList() << project << QString() << here;
    QTest::newRow("venv in the project folder") << QStringList{project + u"/venv/bin/python"_s} << QStringList()
                                                << project << QString() << project + u"/venv/bin/python"_s;
    QTest::newRow(".venv before venv") << QStringList{project + u"/venv/bin/python"_s, here} << QStringList() << project
                                       << QString() << here;
    QTest::newRow("a config file stands for its folder")
        << QStringList{here} << QStringList() << project + u"/alembic.ini"_s << QString() << here;
    QTest::newRow("the nearest folder first")
        << QStringList{u"{D}/a/b/c/.venv/bin/python"_s, project + u"/venv/bin/python"_s} << QStringList() << project
        << QString() << project + u"/venv/bin/python"_s;
    QTest::newRow("one folder above") << QStringList{u"{D}/a/b/c/.venv/bin/python"_s} << QStringList() << project
                                      << QString() << u"{D}/a/b/c/.venv/bin/python"_s;
    QTest::newRow("three folders above") << QStringList{u"{D}/a/venv/bin/python"_s} << QStringList() << project
                                         << QString() << u"{D}/a/venv/bin/python"_s;
    QTest::newRow("four folders above is too far")
        << QStringList{u"{D}/.venv/bin/python"_s} << QStringList() << project << QString() << SystemPython;
    QTest::newRow("a python that is not executable is passed over")
        << QStringList{u"{D}/a/b/.venv/bin/python"_s} << QStringList{here} << project << QString()
        << u"{D}/a/b/.venv/bin/python"_s;
    QTest::newRow("$VIRTUAL_ENV") << QStringList{u"{D}/elsewhere/env/bin/python"_s} << QStringList() << project
                                  << u"{D}/elsewhere/env"_s << u"{D}/elsewhere/env/bin/python"_s;
    QTest::newRow("the project's .venv before $VIRTUAL_ENV")
        << QStringList{u"{D}/elsewhere/env/bin/python"_s, here} << QStringList() << project << u"{D}/elsewhere/env"_s
        << here;
    QTest::newRow("$VIRTUAL_ENV without a python")
        << QStringList() << QStringList() << project << u"{D}/elsewhere/env"_s << SystemPython;
    QTest::newRow("$VIRTUAL_ENV empty") << QStringList() << QStringList() << project << u""_s << SystemPython;
    QTest::newRow("nothing: /usr/bin/python3")
        << QStringList() << QStringList() << project << QString() << SystemPython;
    QTest::newRow("a project folder that does not exist")
        << QStringList() << QStringList() << u"{D}/gone/alembic.ini"_s << QString() << SystemPython;
}

void TestPythonEnvironment::findInterpreter()
{
    QFETCH(QStringList, pythons);
    QFETCH(QStringList, plainFiles);
    QFETCH(QString, project);
    QFETCH(QString, virtualEnv);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath(u"a/b/c/d"_s)));
    QVERIFY(writeFile(dir.filePath(u"a/b/c/d/alembic.ini"_s), "[alembic]\nscript_location = migrations\n"));
    for (const QString &python : std::as_const(pythons))
        QVERIFY(writeFakePython(inDir(python, dir.path())));
    for (const QString &file : std::as_const(plainFiles))
        QVERIFY(writeFile(inDir(file, dir.path()), "#!/bin/sh\nexit 0\n"));
    const ScopedVariable variable("VIRTUAL_ENV", virtualEnv.isNull() ? QString() : inDir(virtualEnv, dir.path()));

    QCOMPARE(PythonEnvironment::findInterpreter(inDir(project, dir.path())), inDir(expected, dir.path()));
}

void TestPythonEnvironment::poetry_data()
{
    QTest::addColumn<QString>("pyproject"); ///< null: none
    QTest::addColumn<QByteArray>("pyprojectText");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("pythons");  ///< executable fake interpreters, under {D}
    QTest::addColumn<QString>("poetryAnswer"); ///< what `poetry env info --path` prints; null: it fails
    QTest::addColumn<bool>("poetryOnPath");
    QTest::addColumn<QString>("virtualEnv"); ///< null: VIRTUAL_ENV unset
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("askedIn"); ///< the folder Poetry runs in; null: not run

    const QByteArray poetryTable = "[tool.poetry]\nname = \"shop\"\nversion = \"0.1.0\"\n\n"
                                   "[tool.poetry.dependencies]\npython = \"^3.11\"\nalembic = \"^1.8\"\n";
    const QString env = u"{D}/cache/pypoetry/virtualenvs/shop-Xy12-py3.11"_s;
    const QString poetryPython = env + u"/bin/python"_s;
    const QStringList installed{poetryPython};

    QTest::newRow("[tool.poetry] in the project folder")
        << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop/alembic.ini"_s << installed << env << true
        << QString() << poetryPython << u"{D}/shop"_s;
    QTest::newRow("[tool.poetry] two folders above the project")
        << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop/src/migrations"_s << installed << env << true
        << QString() << poetryPython << u"{D}/shop"_s;
    QTest::newRow("only a sub-table") << u"{D}/shop/pyproject.toml"_s
                                      << QByteArray(
                                             "[project]\nname = \"shop\"\n\n[tool.poetry.group.dev.dependencies]\n"
                                             "pytest = \"*\"\n")
                                      << u"{D}/shop"_s << installed << env << true << QString() << poetryPython
                                      << u"{D}/shop"_s;
    QTest::newRow("before $VIRTUAL_ENV") << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop"_s
                                         << QStringList{poetryPython, u"{D}/active/bin/python"_s} << env << true
                                         << u"{D}/active"_s << poetryPython << u"{D}/shop"_s;
    QTest::newRow("a .venv first, Poetry not asked")
        << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop"_s
        << QStringList{poetryPython, u"{D}/shop/.venv/bin/python"_s} << env << true << QString()
        << u"{D}/shop/.venv/bin/python"_s << QString();
    QTest::newRow("Poetry fails: $VIRTUAL_ENV")
        << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop"_s << QStringList{u"{D}/active/bin/python"_s}
        << QString() << true << u"{D}/active"_s << u"{D}/active/bin/python"_s << u"{D}/shop"_s;
    QTest::newRow("Poetry's environment has no python")
        << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop"_s << QStringList() << env << true << QString()
        << SystemPython << u"{D}/shop"_s;
    QTest::newRow("no [tool.poetry]: not asked")
        << u"{D}/shop/pyproject.toml"_s
        << QByteArray("[project]\nname = \"shop\"\n\n[tool.ruff]\nline-length = 100\n\n[tool.alembic]\n"
                      "script_location = \"migrations\"\n")
        << u"{D}/shop"_s << installed << env << true << QString() << SystemPython << QString();
    QTest::newRow("[tool.poetry] only in a comment: not asked")
        << u"{D}/shop/pyproject.toml"_s << QByteArray("# moved off [tool.poetry] in 2025\n[project]\nname = \"shop\"\n")
        << u"{D}/shop"_s << installed << env << true << QString() << SystemPython << QString();
    QTest::newRow("no pyproject.toml: not asked") << QString() << QByteArray() << u"{D}/shop"_s << installed << env
                                                  << true << QString() << SystemPython << QString();
    QTest::newRow("no poetry on PATH") << u"{D}/shop/pyproject.toml"_s << poetryTable << u"{D}/shop"_s << installed
                                       << env << false << QString() << SystemPython << QString();
}

void TestPythonEnvironment::poetry()
{
    QFETCH(QString, pyproject);
    QFETCH(QByteArray, pyprojectText);
    QFETCH(QString, project);
    QFETCH(QStringList, pythons);
    QFETCH(QString, poetryAnswer);
    QFETCH(bool, poetryOnPath);
    QFETCH(QString, virtualEnv);
    QFETCH(QString, expected);
    QFETCH(QString, askedIn);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (project.endsWith(u".ini"_s))
        QVERIFY(writeFile(inDir(project, dir.path()), "[alembic]\nscript_location = migrations\n"));
    else
        QVERIFY(QDir().mkpath(inDir(project, dir.path())));
    if (!pyproject.isNull())
        QVERIFY(writeFile(inDir(pyproject, dir.path()), pyprojectText));
    for (const QString &python : std::as_const(pythons))
        QVERIFY(writeFakePython(inDir(python, dir.path())));

    // The fake Poetry notes where it ran and with what, then answers like `poetry env info --path`.
    const QString bin = dir.filePath(u"bin"_s);
    const QString log = dir.filePath(u"poetry.log"_s);
    const QByteArray answer = poetryAnswer.isNull() ? QByteArray("echo 'No virtualenv has been activated.' >&2; exit 1")
                                                    : "echo '" + inDir(poetryAnswer, dir.path()).toUtf8() + "'; exit 0";
    QVERIFY(writeFile(bin + u"/poetry"_s,
                      "#!/bin/sh\n"
                      "printf '%s|%s\\n' \"$(pwd -P)\" \"$*\" >> '" +
                          log.toUtf8() +
                          "'\n"
                          "if [ \"$1 $2 $3\" = 'env info --path' ]; then " +
                          answer + "; fi\nexit 2\n",
                      true));
    QVERIFY(QDir().mkpath(dir.filePath(u"empty"_s)));
    const ScopedVariable path("PATH",
                              poetryOnPath ? bin + u':' + qEnvironmentVariable("PATH") : dir.filePath(u"empty"_s));
    const ScopedVariable variable("VIRTUAL_ENV", virtualEnv.isNull() ? QString() : inDir(virtualEnv, dir.path()));

    QCOMPARE(PythonEnvironment::findInterpreter(inDir(project, dir.path())), inDir(expected, dir.path()));

    QFile calls(log);
    if (askedIn.isNull()) {
        QVERIFY2(!calls.exists(), "Poetry was run though it had nothing to say");
        return;
    }
    QVERIFY2(calls.open(QIODevice::ReadOnly), "Poetry was not asked");
    const QList<QByteArray> lines = calls.readAll().split('\n');
    QCOMPARE(lines.size(), 2); // one call, and the last newline
    const QString folder = QFileInfo(inDir(askedIn, dir.path())).canonicalFilePath();
    QVERIFY2(lines.constFirst().startsWith(QByteArray(folder.toUtf8() + "|env info --path")),
             lines.constFirst().constData());
}

void TestPythonEnvironment::probeSystemPython()
{
    QProcess oracle;
    oracle.start(SystemPython, {u"-c"_s, u"import alembic, sqlalchemy\n"
                                         u"print(alembic.__version__)\n"
                                         u"print(sqlalchemy.__version__)\n"_s});
    QVERIFY(oracle.waitForFinished(20000));
    QVERIFY2(oracle.exitStatus() == QProcess::NormalExit && oracle.exitCode() == 0,
             qPrintable(u"/usr/bin/python3 cannot import alembic, the oracle: "_s +
                        QString::fromUtf8(oracle.readAllStandardError())));
    const QStringList expected = QString::fromUtf8(oracle.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(expected.size(), 2);

    const Result<PythonEnvironment::AlembicProbe> probe = PythonEnvironment::probeAlembic(SystemPython);
    QVERIFY2(probe, qPrintable(probe.error()));
    QCOMPARE(probe->python, SystemPython);
    QCOMPARE(probe->alembicVersion, expected.at(0));
    QCOMPARE(probe->sqlalchemyVersion, expected.at(1));
    QVERIFY2(probe->pythonVersion.startsWith(u"3."_s), qPrintable(probe->pythonVersion));
    QVERIFY(!probe->pythonVersion.contains(u' '));
}

void TestPythonEnvironment::probeFailures_data()
{
    QTest::addColumn<QString>("python");    ///< {D}: a temporary folder
    QTest::addColumn<QByteArray>("script"); ///< null: no file
    QTest::addColumn<bool>("executable");
    QTest::addColumn<QStringList>("mentions"); ///< {P}: the interpreter's path

    const QString fake = u"{D}/env/bin/python"_s;
    const QStringList choose{u"--python"_s, u"Database ▸ Python Interpreter…"_s};
    QTest::newRow("alembic missing") << fake << traceback("alembic") << true
                                     << QStringList{u"{P} cannot import alembic"_s,
                                                    u"ModuleNotFoundError: No module named 'alembic'"_s,
                                                    u"'{P} -m pip install alembic'"_s} +
                                            choose;
    QTest::newRow("SQLAlchemy missing") << fake << traceback("sqlalchemy") << true
                                        << QStringList{u"{P} cannot import SQLAlchemy"_s,
                                                       u"No module named 'sqlalchemy'"_s,
                                                       u"'{P} -m pip install sqlalchemy'"_s} +
                                               choose;
    QTest::newRow("a path with a space is quoted in the hint")
        << u"{D}/my env/bin/python"_s << traceback("alembic") << true
        << QStringList{u"'\"{P}\" -m pip install alembic'"_s};
    QTest::newRow("fails without a word") << fake << QByteArray("#!/bin/sh\nexit 3\n") << true
                                          << QStringList{u"{P} cannot import alembic (exit code 3)"_s} + choose;
    QTest::newRow("crashes") << fake << QByteArray("#!/bin/sh\nkill -SEGV $$\n") << true
                             << QStringList{u"{P} crashed"_s} + choose;
    QTest::newRow("not Python") << fake << QByteArray("#!/bin/sh\necho hello\n") << true
                                << QStringList{u"{P} ran, but did not answer the way a Python interpreter does"_s};
    QTest::newRow("missing") << fake << QByteArray() << false
                             << QStringList{u"The Python interpreter {P} does not exist."_s} + choose;
    QTest::newRow("not executable") << fake << QByteArray("#!/bin/sh\nexit 0\n") << false
                                    << QStringList{u"{P} is not an executable file"_s} + choose;
    QTest::newRow("a folder") << u"{D}"_s << QByteArray() << false << QStringList{u"{P} is not an executable file"_s};
    QTest::newRow("cannot be started") << fake << QByteArray("#!/no/such/interpreter\n") << true
                                       << QStringList{u"{P} cannot be started"_s} + choose;
    QTest::newRow("a name not on PATH") << u"retort-no-such-python3"_s << QByteArray() << false
                                        << QStringList{u"There is no retort-no-such-python3 on PATH."_s} + choose;
    QTest::newRow("none found") << QString() << QByteArray() << false
                                << QStringList{u"No Python interpreter was found"_s} + choose;
}

void TestPythonEnvironment::probeFailures()
{
    QFETCH(QString, python);
    QFETCH(QByteArray, script);
    QFETCH(bool, executable);
    QFETCH(QStringList, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = inDir(python, dir.path());
    if (!script.isNull())
        QVERIFY(writeFile(path, script, executable));

    const Result<PythonEnvironment::AlembicProbe> probe = PythonEnvironment::probeAlembic(path);
    QVERIFY(!probe);
    for (const QString &mention : std::as_const(mentions)) {
        const QString part = QString(mention).replace(u"{P}"_s, path);
        QVERIFY2(probe.error().contains(part), qPrintable(u"'"_s + part + u"' not in: "_s + probe.error()));
    }
}

void TestPythonEnvironment::probeHintForSystemPython_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QString>("mention");
    QTest::addColumn<QString>("debianHint");
    QTest::addColumn<QString>("pipHint");

    QTest::newRow("alembic") << u"alembic"_s << u"cannot import alembic"_s << u"'apt install python3-alembic'"_s
                             << u"'/usr/bin/python3 -m pip install alembic'"_s;
    QTest::newRow("SQLAlchemy") << u"sqlalchemy"_s << u"cannot import SQLAlchemy"_s
                                << u"'apt install python3-sqlalchemy'"_s
                                << u"'/usr/bin/python3 -m pip install sqlalchemy'"_s;
}

/// The real system interpreter with the module hidden behind one on PYTHONPATH that cannot be
/// imported: the hint is the distribution's package where pip would be refused.
void TestPythonEnvironment::probeHintForSystemPython()
{
    QFETCH(QString, module);
    QFETCH(QString, mention);
    QFETCH(QString, debianHint);
    QFETCH(QString, pipHint);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(module + u".py"_s), "raise ModuleNotFoundError(\"No module named '" +
                                                           module.toUtf8() + "'\", name='" + module.toUtf8() + "')\n"));
    const ScopedVariable pythonPath("PYTHONPATH", dir.path());

    const Result<PythonEnvironment::AlembicProbe> probe = PythonEnvironment::probeAlembic(SystemPython);
    QVERIFY(!probe);
    QVERIFY2(probe.error().contains(mention), qPrintable(probe.error()));
    QVERIFY2(probe.error().contains(u"No module named '"_s + module + u'\''), qPrintable(probe.error()));
    const QString hint = QFileInfo::exists(u"/etc/debian_version"_s) ? debianHint : pipHint;
    QVERIFY2(probe.error().contains(hint), qPrintable(probe.error()));
}

void TestPythonEnvironment::defaultInterpreter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"shop/alembic.ini"_s);
    const QString fallback = dir.filePath(u"pythons/3.12/bin/python3.12"_s);
    const QString environment = dir.filePath(u"env"_s);
    QVERIFY(writeFakePython(fallback));
    QVERIFY(writeFakePython(environment + u"/bin/python"_s));
    const auto forget = qScopeGuard([] { PythonEnvironment::setDefaultInterpreter({}); });

    // Without one of its own, a project runs in the user's default, before the system's.
    PythonEnvironment::setDefaultInterpreter(fallback);
    QCOMPARE(PythonEnvironment::defaultInterpreter(), fallback);
    {
        const ScopedVariable variable("VIRTUAL_ENV", QString());
        QCOMPARE(PythonEnvironment::findInterpreter(project), fallback);
        // Gone: the system's again, the setting kept.
        QVERIFY(QFile::rename(fallback, fallback + u".moved"_s));
        QCOMPARE(PythonEnvironment::findInterpreter(project), SystemPython);
        QCOMPARE(PythonEnvironment::defaultInterpreter(), fallback);
        QVERIFY(QFile::rename(fallback + u".moved"_s, fallback));
    }
    // An activated environment is this session's choice: it comes first.
    {
        const ScopedVariable variable("VIRTUAL_ENV", environment);
        QCOMPARE(PythonEnvironment::findInterpreter(project), environment + u"/bin/python"_s);
    }
    // The project's own virtual environment comes before both.
    QVERIFY(writeFakePython(dir.filePath(u"shop/.venv/bin/python"_s)));
    QCOMPARE(PythonEnvironment::findInterpreter(project), dir.filePath(u"shop/.venv/bin/python"_s));

    PythonEnvironment::setDefaultInterpreter({});
    QCOMPARE(PythonEnvironment::defaultInterpreter(), QString());
}

void TestPythonEnvironment::chosenInterpreter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(u"shop"_s);
    const QString key = project + u"/alembic.ini"_s;
    const QString otherKey = dir.filePath(u"other/alembic.ini"_s);
    const QString venv = project + u"/.venv/bin/python"_s;
    const QString chosen = dir.filePath(u"pythons/3.12/bin/python3.12"_s);
    QVERIFY(writeFakePython(venv));
    QVERIFY(writeFakePython(chosen));
    const ScopedVariable variable("VIRTUAL_ENV", QString());

    QCOMPARE(PythonEnvironment::chosenInterpreter(key), QString());
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), venv);

    PythonEnvironment::setChosenInterpreter(key, chosen);
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), chosen);
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), chosen);
    QCOMPARE(PythonEnvironment::chosenInterpreter(otherKey), QString()); // per project
    QCOMPARE(PythonEnvironment::interpreterFor(otherKey, otherKey), SystemPython);

    // Gone (the virtual environment was deleted): the choice is kept but not used.
    QVERIFY(QFile::remove(chosen));
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), venv);
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), chosen);
    QVERIFY(writeFile(chosen, "#!/bin/sh\nexit 0\n")); // there, but no longer executable
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), venv);

    // A name is looked up on PATH when used.
    PythonEnvironment::setChosenInterpreter(key, u"python3"_s);
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), u"python3"_s);
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), QStandardPaths::findExecutable(u"python3"_s));

    PythonEnvironment::setChosenInterpreter(key, QString());
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), QString());
    QCOMPARE(PythonEnvironment::interpreterFor(key, key), venv);
}

/// The choice shares the environments' settings file: saving one must not erase the other.
void TestPythonEnvironment::chosenInterpreterBesideEnvironments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(u"shop/alembic.ini"_s);
    const QString python = dir.filePath(u"env/bin/python"_s);
    QVERIFY(writeFakePython(python));
    Environment prod;
    prod.name = u"prod"_s;
    prod.url = u"postgresql://alice@db.example/shop"_s;

    PythonEnvironment::setChosenInterpreter(key, python);
    QVERIFY(EnvironmentStore::save(key, {prod}));
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), python);
    PythonEnvironment::setChosenInterpreter(key, QString());
    QCOMPARE(EnvironmentStore::load(key), QList<Environment>{prod});
    PythonEnvironment::setChosenInterpreter(key, python);
    QVERIFY(EnvironmentStore::save(key, {}));
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), python);
    PythonEnvironment::setChosenInterpreter(key, QString());
}

QTEST_GUILESS_MAIN(TestPythonEnvironment)
#include "tst_pythonenvironment.moc"
