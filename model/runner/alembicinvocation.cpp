// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "runner/alembicinvocation.h"

#include "alembiclauncher.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "project/projectconfig.h"
#include "python/pythonenvironment.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString UrlVariable = u"RETORT_ALEMBIC_URL"_s;
const QString ExpectedRowsVariable = u"RETORT_EXPECTED_ROWS"_s;
const QString VersionTableVariable = u"RETORT_VERSION_TABLE"_s;
const QString VersionSchemaVariable = u"RETORT_VERSION_SCHEMA"_s;

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
    for (const QString &launcherVariable :
         {UrlVariable, ExpectedRowsVariable, VersionTableVariable, VersionSchemaVariable}) {
        environment.remove(launcherVariable);
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
