// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environment.h"

#include "database/databaseurl.h"
#include "database/urlmasking.h"
#include "project/projectconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Environment)
};

/// One settings file for the GUI and the CLI, whatever their application names.
QSettings settings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s);
}

/// QSettings groups cannot hold slashes: the path is hex-encoded.
QString groupFor(const QString &projectKey)
{
    return u"project-"_s + QString::fromLatin1(projectKey.toUtf8().toHex());
}

} // namespace

Result<QString> Environment::resolvedUrl(const ProjectConfig &config, const QProcessEnvironment &system,
                                         const QString &password) const
{
    if (!urlVariable.isEmpty()) {
        const QString value = system.value(urlVariable);
        if (value.isEmpty()) {
            return Result<QString>::failure(
                Tr::tr("The environment variable %1, which holds the database URL of '%2', is not set.")
                    .arg(urlVariable, name));
        }
        return value;
    }
    QString chosen = url;
    if (chosen.isEmpty()) {
        const Result<QString> configured = configuredDatabaseUrl(config);
        if (!configured)
            return configured;
        chosen = configured.value();
    }
    if (chosen.isEmpty()) {
        return Result<QString>::failure(
            Tr::tr("'%1' has no database URL and the project sets no sqlalchemy.url; give it a URL or the name of "
                   "an environment variable that holds one.")
                .arg(name));
    }
    if (password.isEmpty())
        return chosen;
    Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(chosen);
    if (!parsed || !parsed->password.isNull())
        return chosen;
    parsed.value().password = password;
    return parsed->toString(false);
}

VersionTableName Environment::versionTableName(const VersionTableName &fromEnvScript) const
{
    VersionTableName table = fromEnvScript;
    if (!versionTable.isEmpty())
        table.table = versionTable;
    if (!versionTableSchema.isEmpty())
        table.schema = versionTableSchema;
    return table;
}

bool isSecretVariable(const QString &name, const QString &value)
{
    const QString upper = name.toUpper();
    for (const char *word : {"PASSWORD", "SECRET", "TOKEN", "KEY"}) {
        if (upper.contains(QLatin1StringView(word)))
            return true;
    }
    const Result<DatabaseUrl> url = DatabaseUrl::parseSyntax(value);
    return url && !url->password.isEmpty();
}

namespace EnvironmentStore {

QString projectKey(const ProjectConfig &config)
{
    QString key = !config.iniFile.isEmpty()    ? config.iniFile
                  : !config.tomlFile.isEmpty() ? config.tomlFile
                                               : config.scriptLocation;
    if (key.isEmpty() && !config.versionLocations.isEmpty())
        key = config.versionLocations.constFirst();
    return QDir::cleanPath(key);
}

QList<Environment> load(const QString &projectKey)
{
    QSettings store = settings();
    QList<Environment> environments;
    const int count = store.beginReadArray(groupFor(projectKey));
    for (int i = 0; i < count; ++i) {
        store.setArrayIndex(i);
        Environment e;
        e.name = store.value(u"name"_s).toString();
        e.url = store.value(u"url"_s).toString();
        e.urlVariable = store.value(u"urlVariable"_s).toString();
        e.variables = store.value(u"variables"_s).toStringList();
        e.color = store.value(u"color"_s).toString();
        e.isProtected = store.value(u"protected"_s).toBool();
        e.versionTable = store.value(u"versionTable"_s).toString();
        e.versionTableSchema = store.value(u"versionTableSchema"_s).toString();
        if (!e.name.isEmpty())
            environments.append(e);
    }
    store.endArray();
    return environments;
}

Result<bool> save(const QString &projectKey, const QList<Environment> &environments)
{
    QList<Environment> safe = environments;
    for (Environment &e : safe) {
        if (e.url.isEmpty())
            continue;
        Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(e.url);
        if (!parsed) {
            return Result<bool>::failure(
                Tr::tr("The URL of '%1' is not a database URL, so it was not saved: %2").arg(e.name, parsed.error()));
        }
        if (parsed->host.contains(u'@')) {
            // The rest of a password with an unescaped '@' is in the host: it would be written.
            return Result<bool>::failure(Tr::tr("The URL of '%1' has more than one '@' before the host, so it was not "
                                                "saved: write an '@' inside the password as %40.")
                                             .arg(e.name));
        }
        // Never stored: the password, and query parameters that hold one (?password=, ?sslpassword=, …).
        parsed.value().password = QString();
        parsed.value().query.removeIf([](const auto &parameter) { return isSecretParameter(parameter.first); });
        e.url = parsed->toString(false);
    }
    for (Environment &e : safe) {
        // Nor the values of secret variables: the keychain keeps them.
        for (QString &variable : e.variables) {
            const qsizetype equals = variable.indexOf(u'=');
            if (equals > 0 && isSecretVariable(variable.left(equals), variable.mid(equals + 1)))
                variable.truncate(equals);
        }
    }
    QSettings store = settings();
    store.remove(groupFor(projectKey));
    store.beginWriteArray(groupFor(projectKey), int(safe.size()));
    for (qsizetype i = 0; i < safe.size(); ++i) {
        const Environment &e = safe.at(i);
        store.setArrayIndex(int(i));
        store.setValue(u"name"_s, e.name);
        store.setValue(u"url"_s, e.url);
        store.setValue(u"urlVariable"_s, e.urlVariable);
        store.setValue(u"variables"_s, e.variables);
        store.setValue(u"color"_s, e.color);
        store.setValue(u"protected"_s, e.isProtected);
        store.setValue(u"versionTable"_s, e.versionTable);
        store.setValue(u"versionTableSchema"_s, e.versionTableSchema);
    }
    store.endArray();
    store.sync();
    if (store.status() != QSettings::NoError)
        return Result<bool>::failure(Tr::tr("Cannot write the environments to %1.").arg(store.fileName()));
    return true;
}

Result<Environment> find(const QString &projectKey, const QString &name)
{
    const QList<Environment> environments = load(projectKey);
    QStringList names;
    for (const Environment &e : environments) {
        if (e.name == name)
            return e;
        names.append(e.name);
    }
    return Result<Environment>::failure(
        names.isEmpty()
            ? Tr::tr("No environment '%1': this project has none yet; add one in Retort or use --url.").arg(name)
            : Tr::tr("No environment '%1'; this project has %2.").arg(name, names.join(u", "_s)));
}

} // namespace EnvironmentStore
