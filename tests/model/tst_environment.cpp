// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Environment and EnvironmentStore: which URL a database command connects to (variable, stored URL
// with the password filled in, the project's sqlalchemy.url, or a sentence saying what to set), the
// version table overrides, and the settings file the GUI and the CLI share. That file must never
// hold a password, so after each save it is read back as bytes. Settings go to a temporary folder
// (isolateSettings), never to the user's configuration.

#include "database/databaseurl.h"
#include "database/environment.h"
#include "isolatedsettings.h"
#include "project/projectconfig.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironment : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void resolvedUrl_data();
    void resolvedUrl();
    void passwordIsEncoded();
    void configUrlUnreadable();
    void versionTableName_data();
    void versionTableName();
    void projectKey_data();
    void projectKey();
    void roundTrip();
    void saveReplaces();
    void projectsAreSeparate();
    void passwordNeverWritten_data();
    void passwordNeverWritten();
    void unparsableUrlRefused();
    void secretVariablesNotWritten();
    void find();

private:
    QString key(const QString &name) const { return m_settings.filePath(u"project-"_s + name + u"/alembic.ini"_s); }
    QByteArray settingsFile() const;

    QTemporaryDir m_settings;
};

namespace {

Environment environment(const QString &name, const QString &url = {}, const QString &variable = {})
{
    Environment e;
    e.name = name;
    e.url = url;
    e.urlVariable = variable;
    return e;
}

QString names(const QList<Environment> &environments)
{
    QStringList out;
    for (const Environment &e : environments)
        out.append(e.name);
    return out.join(u',');
}

} // namespace

void TestEnvironment::initTestCase()
{
    QVERIFY(m_settings.isValid());
    const QString isolated = isolateSettings(m_settings.path());
    QVERIFY2(isolated.isEmpty(), qPrintable(isolated));
}

QByteArray TestEnvironment::settingsFile() const
{
    const QSettings probe(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s);
    QFile file(probe.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestEnvironment::resolvedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("variableValue"); ///< null: the variable is not set
    QTest::addColumn<QString>("configUrl");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected"); ///< the URL, or a part of the error
    QTest::addColumn<bool>("ok");

    const QString stored = u"postgresql://alice@db.example:5432/app"_s;
    const QString configured = u"sqlite:///app.db"_s;
    QTest::newRow("variable") << QString() << u"DATABASE_URL"_s << u"mysql://bob:pw@h/x"_s << configured << QString()
                              << u"mysql://bob:pw@h/x"_s << true;
    QTest::newRow("variable wins over the stored URL") << stored << u"DATABASE_URL"_s << u"sqlite:///other.db"_s
                                                       << configured << QString() << u"sqlite:///other.db"_s << true;
    QTest::newRow("variable taken as it is, no password put in")
        << QString() << u"DATABASE_URL"_s << u"postgresql://bob@h/x"_s << QString() << u"secret"_s
        << u"postgresql://bob@h/x"_s << true;
    QTest::newRow("variable not set") << stored << u"DATABASE_URL"_s << QString() << configured << QString()
                                      << u"The environment variable DATABASE_URL, which holds the database URL of "
                                         "'prod', is not set."_s
                                      << false;
    QTest::newRow("variable set but empty")
        << stored << u"DATABASE_URL"_s << u""_s << configured << QString() << u"DATABASE_URL"_s << false;
    QTest::newRow("stored URL") << stored << QString() << QString() << configured << QString() << stored << true;
    QTest::newRow("stored URL, password filled in") << stored << QString() << QString() << configured << u"s3cret"_s
                                                    << u"postgresql://alice:s3cret@db.example:5432/app"_s << true;
    QTest::newRow("stored URL that has a password keeps it")
        << u"postgresql://alice:own@db.example/app"_s << QString() << QString() << configured << u"other"_s
        << u"postgresql://alice:own@db.example/app"_s << true;
    QTest::newRow("the project's sqlalchemy.url")
        << QString() << QString() << QString() << configured << QString() << configured << true;
    QTest::newRow("nothing anywhere") << QString() << QString() << QString() << QString() << QString()
                                      << u"'prod' has no database URL and the project sets no sqlalchemy.url; give it "
                                         "a URL or the name of an environment variable that holds one."_s
                                      << false;
}

void TestEnvironment::resolvedUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, variable);
    QFETCH(QString, variableValue);
    QFETCH(QString, configUrl);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    QFETCH(bool, ok);
    const Environment prod = environment(u"prod"_s, url, variable);
    QProcessEnvironment system;
    system.insert(u"UNRELATED"_s, u"x"_s);
    if (!variableValue.isNull())
        system.insert(variable, variableValue);
    ProjectConfig config;
    config.sqlalchemyUrl = configUrl;
    const Result<QString> resolved = prod.resolvedUrl(config, system, password);
    QCOMPARE(resolved.ok(), ok);
    if (ok) {
        QCOMPARE(resolved.value(), expected);
    } else {
        QVERIFY2(resolved.error().contains(expected), qPrintable(resolved.error()));
        QVERIFY(resolved.error().contains(u"prod"_s)); // says which environment
    }
}

void TestEnvironment::passwordIsEncoded()
{
    // A password with the URL's own delimiters is filled in so that it parses back to itself.
    const QString password = u"p@ss:w/rd?#%é"_s;
    const Environment e = environment(u"dev"_s, u"postgresql+psycopg2://alice@db.example/app"_s);
    const Result<QString> resolved = e.resolvedUrl(ProjectConfig(), QProcessEnvironment(), password);
    QVERIFY2(resolved, qPrintable(resolved.error()));
    const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(resolved.value());
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(parsed->password, password);
    QCOMPARE(parsed->username, u"alice"_s);
    QCOMPARE(parsed->host, u"db.example"_s);
    QCOMPARE(parsed->database, u"app"_s);
    QCOMPARE(parsed->drivername(), u"postgresql+psycopg2"_s);
}

void TestEnvironment::configUrlUnreadable()
{
    ProjectConfig config;
    config.sqlalchemyUrlError = u"'%' must be followed by '%' or '('"_s;
    const Result<QString> resolved = environment(u"dev"_s).resolvedUrl(config, QProcessEnvironment());
    QVERIFY(!resolved);
    QVERIFY2(resolved.error().contains(u"sqlalchemy.url cannot be read"_s), qPrintable(resolved.error()));
    QVERIFY2(resolved.error().contains(config.sqlalchemyUrlError), qPrintable(resolved.error()));
    // A stored URL does not need the config's.
    QVERIFY(environment(u"dev"_s, u"sqlite://"_s).resolvedUrl(config, QProcessEnvironment()));
}

void TestEnvironment::versionTableName_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("expectedTable");
    QTest::addColumn<QString>("expectedSchema");
    QTest::newRow("env.py's") << QString() << QString() << u"custom_version"_s << u"audit"_s;
    QTest::newRow("table") << u"other_version"_s << QString() << u"other_version"_s << u"audit"_s;
    QTest::newRow("schema") << QString() << u"public"_s << u"custom_version"_s << u"public"_s;
    QTest::newRow("both") << u"v"_s << u"s"_s << u"v"_s << u"s"_s;
}

void TestEnvironment::versionTableName()
{
    QFETCH(QString, table);
    QFETCH(QString, schema);
    QFETCH(QString, expectedTable);
    QFETCH(QString, expectedSchema);
    VersionTableName fromEnvScript;
    fromEnvScript.table = u"custom_version"_s;
    fromEnvScript.schema = u"audit"_s;
    fromEnvScript.primaryKey = false;
    Environment e = environment(u"dev"_s);
    e.versionTable = table;
    e.versionTableSchema = schema;
    const VersionTableName name = e.versionTableName(fromEnvScript);
    QCOMPARE(name.table, expectedTable);
    QCOMPARE(name.schema, expectedSchema);
    QCOMPARE(name.primaryKey, false); // not an override
}

void TestEnvironment::projectKey_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<QString>("toml");
    QTest::addColumn<QString>("scriptLocation");
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("expected");
    const QStringList versions = {u"/p/migrations/versions/"_s, u"/p/other"_s};
    QTest::newRow("ini") << u"/p/./alembic.ini"_s << u"/p/pyproject.toml"_s << u"/p/migrations"_s << versions
                         << u"/p/alembic.ini"_s;
    QTest::newRow("toml") << QString() << u"/p/pyproject.toml"_s << u"/p/migrations"_s << versions
                          << u"/p/pyproject.toml"_s;
    QTest::newRow("script location") << QString() << QString() << u"/p/migrations/"_s << versions << u"/p/migrations"_s;
    QTest::newRow("versions folder") << QString() << QString() << QString() << versions << u"/p/migrations/versions"_s;
}

void TestEnvironment::projectKey()
{
    QFETCH(QString, ini);
    QFETCH(QString, toml);
    QFETCH(QString, scriptLocation);
    QFETCH(QStringList, versions);
    QFETCH(QString, expected);
    ProjectConfig config;
    config.iniFile = ini;
    config.tomlFile = toml;
    config.scriptLocation = scriptLocation;
    config.versionLocations = versions;
    QCOMPARE(EnvironmentStore::projectKey(config), expected);
}

void TestEnvironment::roundTrip()
{
    Environment staging = environment(u"staging"_s, u"postgresql://deploy@db.example:5433/app?sslmode=require"_s);
    staging.variables = {u"A=1"_s, u"B=x,y"_s, u"C="_s, u"D=\"quoted\" and spaces"_s};
    staging.color = u"#12ab9f"_s;
    staging.isProtected = true;
    staging.versionTable = u"my_version"_s;
    staging.versionTableSchema = u"ops"_s;
    Environment fromVariable = environment(u"ci"_s, QString(), u"DATABASE_URL"_s);
    Environment unicode = environment(u"prod – eu ☃"_s, u"sqlite:///relative/app.db"_s);
    const QList<Environment> environments = {staging, fromVariable, unicode};
    const QString project = key(u"round trip/ünï"_s);
    QVERIFY(EnvironmentStore::load(project).isEmpty());
    const Result<bool> saved = EnvironmentStore::save(project, environments);
    QVERIFY2(saved, qPrintable(saved.error()));
    const QList<Environment> loaded = EnvironmentStore::load(project);
    QCOMPARE(loaded.size(), environments.size());
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const Environment &got = loaded.at(i);
        const Environment &want = environments.at(i);
        QCOMPARE(got.name, want.name);
        QCOMPARE(got.url, want.url);
        QCOMPARE(got.urlVariable, want.urlVariable);
        QCOMPARE(got.variables, want.variables);
        QCOMPARE(got.color, want.color);
        QCOMPARE(got.isProtected, want.isProtected);
        QCOMPARE(got.versionTable, want.versionTable);
        QCOMPARE(got.versionTableSchema, want.versionTableSchema);
        QVERIFY(got == want);
    }
}

void TestEnvironment::saveReplaces()
{
    const QString project = key(u"replace"_s);
    QVERIFY(EnvironmentStore::save(project, {environment(u"a"_s), environment(u"b"_s), environment(u"c"_s)}));
    QCOMPARE(names(EnvironmentStore::load(project)), u"a,b,c"_s);
    QVERIFY(EnvironmentStore::save(project, {environment(u"b"_s)}));
    QCOMPARE(names(EnvironmentStore::load(project)), u"b"_s);
    QVERIFY(EnvironmentStore::save(project, {}));
    QVERIFY(EnvironmentStore::load(project).isEmpty());
}

void TestEnvironment::projectsAreSeparate()
{
    // Keys are paths (slashes, spaces); one that is a prefix of another is another project.
    const QString one = key(u"sep"_s);
    const QString two = key(u"sep"_s) + u"/nested"_s;
    QVERIFY(EnvironmentStore::save(one, {environment(u"one"_s)}));
    QVERIFY(EnvironmentStore::save(two, {environment(u"two"_s), environment(u"three"_s)}));
    QCOMPARE(names(EnvironmentStore::load(one)), u"one"_s);
    QCOMPARE(names(EnvironmentStore::load(two)), u"two,three"_s);
    QVERIFY(EnvironmentStore::save(one, {}));
    QCOMPARE(names(EnvironmentStore::load(two)), u"two,three"_s);
}

void TestEnvironment::passwordNeverWritten_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("stored"); ///< the URL as load() gives it back; null: not checked
    QTest::addColumn<QString>("secret");
    QTest::newRow("user:password@") << u"postgresql://alice:Topsecret1@db.example/app"_s
                                    << u"postgresql://alice@db.example/app"_s << u"Topsecret1"_s;
    QTest::newRow("encoded password") << u"mysql+pymysql://bob:Top%40secret2@db.example:3307/app"_s
                                      << u"mysql+pymysql://bob@db.example:3307/app"_s << u"secret2"_s;
    QTest::newRow("empty password") << u"postgresql://alice:@db.example/app"_s << u"postgresql://alice@db.example/app"_s
                                    << QString();
    // DatabaseUrl counts these as password too (toString(true) masks them).
    QTest::newRow("password query parameter") << u"postgresql://alice@db.example/app?password=Topsecret3"_s
                                              << u"postgresql://alice@db.example/app"_s << u"Topsecret3"_s;
}

void TestEnvironment::passwordNeverWritten()
{
    QFETCH(QString, url);
    QFETCH(QString, stored);
    QFETCH(QString, secret);
    const QString project = key(u"secrets"_s);
    const Result<bool> saved = EnvironmentStore::save(project, {environment(u"prod"_s, url)});
    QVERIFY2(saved, qPrintable(saved.error()));
    const QByteArray file = settingsFile();
    QVERIFY(!file.isEmpty());
    const QList<Environment> loaded = EnvironmentStore::load(project);
    QCOMPARE(loaded.size(), 1);
    // Documented: "Passwords are never written: URLs are stored without them".
    QVERIFY2(secret.isEmpty() || !file.contains(secret.toUtf8()), file.constData());
    if (!stored.isNull())
        QCOMPARE(loaded.first().url, stored);
    // The password-less URL still names the same database.
    const Result<DatabaseUrl> back = DatabaseUrl::parseSyntax(loaded.first().url);
    QVERIFY2(back, qPrintable(back.error()));
    QVERIFY(back->password.isNull());
}

void TestEnvironment::unparsableUrlRefused()
{
    const QString project = key(u"refused"_s);
    QVERIFY(EnvironmentStore::save(project, {environment(u"kept"_s, u"sqlite:///kept.db"_s)}));
    const QByteArray before = settingsFile();
    for (const QString &url : {u"not a url"_s, u"postgresql://alice:Hunter2x@db.example:notaport/app"_s,
                               u"postgresql://alice:Hunter2x@db.example:70000/app"_s,
                               // An unescaped '@' leaves the rest of the password in the host.
                               u"postgresql://alice:Top@Hunter2x@db.example/app"_s}) {
        const Result<bool> saved =
            EnvironmentStore::save(project, {environment(u"good"_s, u"sqlite://"_s), environment(u"bad"_s, url)});
        QVERIFY2(!saved, qPrintable(url));
        QVERIFY2(saved.error().contains(u"'bad'"_s), qPrintable(saved.error()));
        QVERIFY2(!saved.error().contains(u"Hunter2x"_s), qPrintable(saved.error()));
        // Nothing saved: the previous environments are still there, the file unchanged.
        QCOMPARE(names(EnvironmentStore::load(project)), u"kept"_s);
        QCOMPARE(settingsFile(), before);
    }
}

void TestEnvironment::find()
{
    const QString project = key(u"find"_s);
    Result<Environment> none = EnvironmentStore::find(project, u"prod"_s);
    QVERIFY(!none);
    QVERIFY2(none.error().contains(u"'prod'"_s), qPrintable(none.error()));
    QVERIFY2(none.error().contains(u"none yet"_s), qPrintable(none.error()));

    Environment prod = environment(u"prod"_s, u"postgresql://alice@db.example/app"_s);
    prod.isProtected = true;
    QVERIFY(EnvironmentStore::save(project, {environment(u"dev"_s, u"sqlite:///dev.db"_s), prod}));
    const Result<Environment> found = EnvironmentStore::find(project, u"prod"_s);
    QVERIFY2(found, qPrintable(found.error()));
    QVERIFY(found.value() == prod);

    // Case-sensitive; the error lists the names the project has.
    const Result<Environment> wrongCase = EnvironmentStore::find(project, u"Prod"_s);
    QVERIFY(!wrongCase);
    QCOMPARE(wrongCase.error(), u"No environment 'Prod'; this project has dev, prod."_s);
    QVERIFY(!EnvironmentStore::find(project, QString()));
    QVERIFY(!EnvironmentStore::find(key(u"find-other"_s), u"prod"_s)); // another project
}

void TestEnvironment::secretVariablesNotWritten()
{
    const QString project = key(u"variables"_s);
    Environment staging = environment(u"staging"_s, u"sqlite:///staging.db"_s);
    staging.variables = {u"FLASK_APP=app:create_app"_s, u"API_TOKEN=tok-5150"_s, u"db_password=hunter2"_s,
                         u"MIRROR=postgresql://u:mirror-pw@h/d"_s, u"ALREADY_IN_KEYCHAIN"_s};
    QVERIFY(EnvironmentStore::save(project, {staging}));
    const QByteArray file = settingsFile();
    for (const char *secret : {"tok-5150", "hunter2", "mirror-pw"})
        QVERIFY2(!file.contains(secret), file.constData());
    // Their names stay, so that the keychain's values can be found and the dialog shows them.
    QCOMPARE(EnvironmentStore::load(project).first().variables,
             (QStringList{u"FLASK_APP=app:create_app"_s, u"API_TOKEN"_s, u"db_password"_s, u"MIRROR"_s,
                          u"ALREADY_IN_KEYCHAIN"_s}));
    QVERIFY(isSecretVariable(u"GITHUB_TOKEN"_s, u"x"_s));
    QVERIFY(isSecretVariable(u"DATABASE_URL"_s, u"mysql://u:pw@h/d"_s));
    QVERIFY(!isSecretVariable(u"DATABASE_URL"_s, u"sqlite:///app.db"_s));
    QVERIFY(!isSecretVariable(u"FLASK_APP"_s, u"app"_s));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
