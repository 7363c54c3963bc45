// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "runner/alembicinvocation.h"

#include "alembiclauncher.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "project/envscript.h"
#include "project/projectconfig.h"
#include "python/pythonenvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(AlembicInvocation)
};

const QString UrlVariable = u"RETORT_ALEMBIC_URL"_s;
const QString ExpectedRowsVariable = u"RETORT_EXPECTED_ROWS"_s;
const QString VersionTableVariable = u"RETORT_VERSION_TABLE"_s;
const QString VersionSchemaVariable = u"RETORT_VERSION_SCHEMA"_s;
const QString RunnerVariable = u"RETORT_RUNNER"_s;
const QString ScriptLocationVariable = u"RETORT_SCRIPT_LOCATION"_s;
const QString FlaskAppVariable = u"FLASK_APP"_s;

/// The password @p url holds, as written and decoded; empty when it has none.
QStringList passwordsOf(const QString &url)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(url);
    if (!parsed || parsed->password.isEmpty())
        return {};
    QStringList forms{parsed->password};
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(parsed->password));
    if (encoded != parsed->password)
        forms.append(encoded);
    return forms;
}

} // namespace

AlembicInvocation AlembicInvocation::forProject(const ProjectConfig &config, const QStringList &command)
{
    AlembicInvocation invocation;
    invocation.python = PythonEnvironment::interpreterFor(EnvironmentStore::projectKey(config), config.iniFile);
    invocation.configFile = config.iniFile;
    if (config.section != u"alembic")
        invocation.section = config.section;
    invocation.command = command;
    invocation.flaskMigrate = EnvScript::read(config).usesFlaskApp;
    invocation.scriptLocation = config.scriptLocation;
    return invocation;
}

QStringList AlembicInvocation::arguments() const
{
    QStringList arguments{u"-c"_s, QString::fromUtf8(AlembicLauncherPy), QString::number(lockWaitSeconds)};
    arguments << u"-c"_s << configFile;
    if (!section.isEmpty())
        arguments << u"-n"_s << section;
    for (const QString &x : xArguments)
        arguments << u"-x"_s << x;
    return arguments + command;
}

QProcessEnvironment AlembicInvocation::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment environment = base;
    for (const QString &variable : variables) {
        const qsizetype equals = variable.indexOf(u'=');
        if (equals > 0)
            environment.insert(variable.left(equals), variable.mid(equals + 1));
    }
    for (const QString &launcherVariable : {UrlVariable, ExpectedRowsVariable, VersionTableVariable,
                                            VersionSchemaVariable, RunnerVariable, ScriptLocationVariable}) {
        environment.remove(launcherVariable);
    }
    if (flaskMigrate) {
        environment.insert(RunnerVariable, u"flask"_s);
        environment.insert(ScriptLocationVariable, scriptLocation);
    }
    if (!url.isEmpty())
        environment.insert(UrlVariable, url);
    if (expectedRows) {
        QStringList rows = *expectedRows;
        rows.sort();
        rows.removeDuplicates();
        environment.insert(ExpectedRowsVariable, rows.join(u' '));
        environment.insert(VersionTableVariable, versionTable.table);
        if (!versionTable.schema.isEmpty())
            environment.insert(VersionSchemaVariable, versionTable.schema);
    }
    environment.insert(u"PYTHONUNBUFFERED"_s, u"1"_s); // lines as they come, not at exit
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    return environment;
}

QString AlembicInvocation::workingDirectory() const
{
    return QFileInfo(configFile).absolutePath();
}

QString AlembicInvocation::displayCommand() const
{
    if (flaskMigrate) {
        // As the launcher runs it; -d only when the folder is not Flask-Migrate's default.
        QStringList shown{QDir::toNativeSeparators(python), u"-m"_s, u"flask"_s, u"db"_s, command.value(0)};
        if (!scriptLocation.isEmpty() && QFileInfo(scriptLocation).fileName() != u"migrations")
            shown << u"-d"_s << QDir::toNativeSeparators(scriptLocation);
        for (const QString &x : xArguments)
            shown << u"-x"_s << x;
        QStringList negative; // -1 and the like: click reads them as options unless they follow --
        for (const QString &argument : command.mid(1)) {
            if (argument.startsWith(u'-') && !argument.startsWith(u"--"_s))
                negative << argument;
            else
                shown << argument;
        }
        if (!negative.isEmpty())
            shown << u"--"_s << negative;
        return maskSecrets(shown.join(u' '), secrets());
    }
    QStringList shown{QDir::toNativeSeparators(python), u"-m"_s, u"alembic"_s, u"-c"_s,
                      QFileInfo(configFile).fileName()};
    if (!section.isEmpty())
        shown << u"-n"_s << section;
    for (const QString &x : xArguments)
        shown << u"-x"_s << x;
    return maskSecrets((shown + command).join(u' '), secrets());
}

QStringList AlembicInvocation::secrets() const
{
    QStringList secrets;
    if (!url.isEmpty())
        secrets << url << passwordsOf(url);
    for (const QString &variable : variables) {
        const qsizetype equals = variable.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString value = variable.mid(equals + 1);
        if (isSecretVariable(variable.left(equals), value) && !value.isEmpty())
            secrets << value << passwordsOf(value);
    }
    secrets.removeDuplicates();
    return secrets;
}

QString AlembicInvocation::startProblem(const QProcessEnvironment &base) const
{
    if (!flaskMigrate)
        return {};
    QString flaskApp = base.value(FlaskAppVariable);
    for (const QString &variable : variables) {
        if (variable.startsWith(FlaskAppVariable + u'='))
            flaskApp = variable.mid(FlaskAppVariable.size() + 1);
    }
    if (!flaskApp.trimmed().isEmpty())
        return {};
    return Tr::tr("This is a Flask-Migrate project (its env.py uses Flask's current_app), so Retort runs flask db %1 "
                  "inside the Flask app, and FLASK_APP does not say which app that is: add FLASK_APP=module:app (or "
                  "FLASK_APP=module) to the environment's variables.")
        .arg(command.value(0));
}

bool AlembicInvocation::writes() const
{
    static const QStringList Writing{u"upgrade"_s, u"downgrade"_s, u"stamp"_s};
    return !command.isEmpty() && Writing.contains(command.first()) && !command.contains(u"--sql"_s);
}

QString maskSecrets(QString text, const QStringList &secrets)
{
    QStringList longestFirst = secrets;
    std::sort(longestFirst.begin(), longestFirst.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : std::as_const(longestFirst)) {
        if (!secret.isEmpty())
            text.replace(secret, u"***"_s);
    }
    return text;
}
