// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/projectconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

/// The stock 1.8.1 template line: harmless until version_locations is set.
const QByteArray templateBugLine =
    "version_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\n";
const QString templateBugError =
    u"'os  # Use os.pathsep. Default configuration used for new projects.' is not a valid value for "
    u"version_path_separator; expected 'space', 'os', ':', ';'"_s;

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

/// Replaces "{D}" with the temporary directory.
QString inDir(QString text, const QString &dir)
{
    return text.replace(u"{D}"_s, dir);
}

QStringList inDir(QStringList list, const QString &dir)
{
    for (QString &s : list)
        s = inDir(s, dir);
    return list;
}

QVariant fieldValue(const ProjectConfig &c, const QString &name)
{
    if (name == u"sourceless"_s)
        return c.sourceless;
    if (name == u"recursiveVersionLocations"_s)
        return c.recursiveVersionLocations;
    if (name == u"revisionEnvironment"_s)
        return c.revisionEnvironment;
    if (name == u"truncateSlugLength"_s)
        return c.truncateSlugLength;
    if (name == u"fileTemplate"_s)
        return c.fileTemplate;
    if (name == u"timezone"_s)
        return c.timezone;
    if (name == u"outputEncoding"_s)
        return c.outputEncoding;
    if (name == u"sqlalchemyUrl"_s)
        return c.sqlalchemyUrl;
    if (name == u"prependSysPath"_s)
        return c.prependSysPath;
    if (name == u"scriptLocation"_s)
        return c.scriptLocation;
    return {};
}

QStringList codes(const Diagnostics &diagnostics)
{
    QStringList result;
    for (const Diagnostic &d : diagnostics)
        result.append(d.code);
    return result;
}

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scriptLocation_data();
    void scriptLocation();
    void versionLocations_data();
    void versionLocations();
    void options_data();
    void options();
    void missingConfig_data();
    void missingConfig();
    void otherSection();
    void iniDiagnosticsKept();
    void toml_data();
    void toml();
    void iniAndTomlPrecedence();
    void iniWithoutSectionUsesToml();
    void explicitTomlPath();
    void findConfigCandidates();
    void loadProjectPath_data();
    void loadProjectPath();
    void versionsFolders();
    void alembicInitTemplate();
    void configSections_data();
    void configSections();
    void findOwningProject_data();
    void findOwningProject();

private:
    /// Writes "path=content" specs into @p dir; a name ending in '/' makes a directory.
    static bool writeSpecs(const QString &dir, const QStringList &files);
};

void TestProjectConfig::scriptLocation_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("relative to ini") << QByteArray("script_location = migrations\n") << u"{D}/migrations"_s
                                     << QString();
    QTest::newRow("here") << QByteArray("script_location = %(here)s/migrations\n") << u"{D}/migrations"_s << QString();
    QTest::newRow("absolute") << QByteArray("script_location = /opt/app/migrations\n") << u"/opt/app/migrations"_s
                              << QString();
    QTest::newRow("cleaned") << QByteArray("script_location = ./a/../migrations/\n") << u"{D}/migrations"_s
                             << QString();
    QTest::newRow("missing") << QByteArray("prepend_sys_path = .\n") << QString()
                             << u"No 'script_location' key found in configuration."_s;
    QTest::newRow("package resource") << QByteArray("script_location = myapp:migrations\n") << QString()
                                      << u"package resource"_s;
    QTest::newRow("bad interpolation") << QByteArray("script_location = %(nope)s/migrations\n") << QString()
                                       << u"'nope'"_s;
}

void TestProjectConfig::scriptLocation()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "[alembic]\n" + line));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        QVERIFY2(config.error().contains(error), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->scriptLocation, inDir(expected, dir.path()));
    QCOMPARE(config->iniFile, ini);
    QCOMPARE(config->section, u"alembic"_s);
    QCOMPARE(config->tomlFile, QString());
    QCOMPARE(config->versionLocations, QStringList{inDir(expected, dir.path()) + u"/versions"_s});
    QVERIFY(!config->versionLocationsExplicit);
}

void TestProjectConfig::versionLocations_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error"); // exact failure message when it starts with '=', else a substring

    const QStringList abc{u"{D}/a"_s, u"{D}/b"_s, u"{D}/c"_s};
    QTest::newRow("default") << QByteArray() << QStringList{u"{D}/migrations/versions"_s} << QString();
    QTest::newRow("empty value means default")
        << QByteArray("version_locations =\n") << QStringList{u"{D}/migrations/versions"_s} << QString();
    QTest::newRow("legacy spaces and commas") << QByteArray("version_locations = a, b  c\n") << abc << QString();
    QTest::newRow("legacy comma without space") << QByteArray("version_locations = a,b,,c\n") << abc << QString();
    QTest::newRow("legacy keeps colons") << QByteArray("version_locations = %(here)s/a:b c\n")
                                         << QStringList{u"{D}/a:b"_s, u"{D}/c"_s} << QString();
    QTest::newRow("version_path_separator os")
        << QByteArray("version_locations = a:b::c\nversion_path_separator = os\n") << abc << QString();
    QTest::newRow("version_path_separator colon")
        << QByteArray("version_locations = a : b:c\nversion_path_separator = :\n") << abc << QString();
    QTest::newRow("version_path_separator semicolon")
        << QByteArray("version_locations = a b;c\nversion_path_separator = ;\n")
        << QStringList{u"{D}/a b"_s, u"{D}/c"_s} << QString();
    QTest::newRow("version_path_separator space")
        << QByteArray("version_locations = a  b,c\nversion_path_separator = space\n")
        << QStringList{u"{D}/a"_s, u"{D}/b,c"_s} << QString();
    QTest::newRow("version_path_separator newline rejected")
        << QByteArray("version_locations = a\nversion_path_separator = newline\n") << QStringList()
        << u"='newline' is not a valid value for version_path_separator; expected 'space', 'os', ':', ';'"_s;
    QTest::newRow("path_separator newline")
        << QByteArray("version_locations =\n    a b\n    c\npath_separator = newline\n")
        << QStringList{u"{D}/a b"_s, u"{D}/c"_s} << QString();
    QTest::newRow("path_separator space")
        << QByteArray("version_locations = a b c\npath_separator = space\n") << abc << QString();
    QTest::newRow("path_separator os") << QByteArray("version_locations = a:b:c\npath_separator = os\n") << abc
                                       << QString();
    QTest::newRow("path_separator wins")
        << QByteArray("version_locations = a;b c\npath_separator = ;\nversion_path_separator = space\n")
        << QStringList{u"{D}/a"_s, u"{D}/b c"_s} << QString();
    QTest::newRow("path_separator invalid")
        << QByteArray("version_locations = a\npath_separator = tab\n") << QStringList()
        << u"='tab' is not a valid value for path_separator; expected 'space', 'newline', 'os', ':', ';'"_s;
    QTest::newRow("template bug without version_locations")
        << templateBugLine << QStringList{u"{D}/migrations/versions"_s} << QString();
    QTest::newRow("template bug with version_locations")
        << QByteArray("version_locations = %(here)s/a\n" + templateBugLine) << QStringList() << templateBugError;
    QTest::newRow("here and absolute") << QByteArray("version_locations = %(here)s/a /opt/v ../up\n")
                                       << QStringList{u"{D}/a"_s, u"/opt/v"_s, QString()} << QString();
    QTest::newRow("package resource") << QByteArray("version_locations = myapp:versions\n") << QStringList()
                                      << u"package resource"_s;
}

void TestProjectConfig::versionLocations()
{
    QFETCH(QByteArray, lines);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = migrations\n" + lines));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        if (error.startsWith(u'='))
            QVERIFY2(config.error().startsWith(error.mid(1)), qPrintable(config.error()));
        else
            QVERIFY2(config.error().contains(error), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QStringList want = inDir(expected, dir.path());
    for (QString &w : want) {
        if (w.isEmpty())
            w = QDir::cleanPath(dir.path() + u"/../up"_s);
    }
    QCOMPARE(config->versionLocations, want);
    QCOMPARE(config->versionLocationsExplicit, expected != QStringList{u"{D}/migrations/versions"_s});
}

void TestProjectConfig::options_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("warning"); // expected diagnostic code, or empty

    auto row = [](const char *name, const QByteArray &lines, const QString &fieldName, const QVariant &expected) {
        QTest::newRow(name) << lines << fieldName << expected << QString() << QString();
    };
    row("defaults: sourceless", "", u"sourceless"_s, false);
    row("defaults: template", "", u"fileTemplate"_s, u"%(rev)s_%(slug)s"_s);
    row("defaults: slug length", "", u"truncateSlugLength"_s, 40);
    row("defaults: encoding", "", u"outputEncoding"_s, u"utf-8"_s);
    row("defaults: timezone", "", u"timezone"_s, QString());
    row("defaults: url", "", u"sqlalchemyUrl"_s, QString());
    row("defaults: sys path", "", u"prependSysPath"_s, QStringList());
    row("sourceless true", "sourceless = true\n", u"sourceless"_s, true);
    row("sourceless True is false", "sourceless = True\n", u"sourceless"_s, false);
    row("sourceless yes is false", "sourceless = yes\n", u"sourceless"_s, false);
    row("recursive true", "recursive_version_locations = true\n", u"recursiveVersionLocations"_s, true);
    row("recursive TRUE is false", "recursive_version_locations = TRUE\n", u"recursiveVersionLocations"_s, false);
    row("revision_environment true", "revision_environment = true\n", u"revisionEnvironment"_s, true);
    row("revision_environment On", "revision_environment = On\n", u"revisionEnvironment"_s, true);
    row("revision_environment y", "revision_environment = y\n", u"revisionEnvironment"_s, true);
    row("revision_environment 1", "revision_environment = 1\n", u"revisionEnvironment"_s, true);
    row("revision_environment false", "revision_environment = false\n", u"revisionEnvironment"_s, false);
    row("truncate_slug_length", "truncate_slug_length = 12\n", u"truncateSlugLength"_s, 12);
    row("file_template escaped", "file_template = %%(year)d_%%(rev)s\n", u"fileTemplate"_s, u"%(year)d_%(rev)s"_s);
    row("timezone", "timezone = Europe/Paris\n", u"timezone"_s, u"Europe/Paris"_s);
    row("output_encoding", "output_encoding = latin-1\n", u"outputEncoding"_s, u"latin-1"_s);
    row("url", "sqlalchemy.url = postgresql://u:p%%40ss@h/db\n", u"sqlalchemyUrl"_s, u"postgresql://u:p%40ss@h/db"_s);
    row("url here", "sqlalchemy.url = sqlite:///%(here)s/app.db\n", u"sqlalchemyUrl"_s, u"sqlite:///{D}/app.db"_s);
    row("sys path legacy", "prepend_sys_path = . src:lib,x\n", u"prependSysPath"_s,
        QStringList{u"."_s, u"src"_s, u"lib"_s, u"x"_s});
    row("sys path path_separator", "prepend_sys_path = . src;lib x\npath_separator = ;\n", u"prependSysPath"_s,
        QStringList{u". src"_s, u"lib x"_s});
    row("sys path ignores version_path_separator", "prepend_sys_path = a;b c\nversion_path_separator = ;\n",
        u"prependSysPath"_s, QStringList{u"a;b"_s, u"c"_s});
    row("DEFAULT section feeds main", "", u"scriptLocation"_s, u"{D}/migrations"_s);

    QTest::newRow("bad slug length") << QByteArray("truncate_slug_length = forty\n") << u"truncateSlugLength"_s
                                     << QVariant() << u"invalid literal for int() with base 10: 'forty'"_s << QString();
    QTest::newRow("empty slug length") << QByteArray("truncate_slug_length =\n") << u"truncateSlugLength"_s
                                       << QVariant() << u"invalid literal for int()"_s << QString();
    QTest::newRow("bad file_template interpolation")
        << QByteArray("file_template = %(rev)s\n") << u"fileTemplate"_s << QVariant() << u"'rev'"_s << QString();
    // A warning for the project (alembic's own commands never read the URL), but nothing connects to it.
    QTest::newRow("bad url interpolation is a warning, and no URL")
        << QByteArray("sqlalchemy.url = postgresql://u:50%off@h/db\n") << u"sqlalchemyUrl"_s << QVariant(QString())
        << QString() << u"config-url-interpolation"_s;
    QTest::newRow("missing url interpolation")
        << QByteArray("sqlalchemy.url = sqlite:///%(nope)s.db\n") << u"sqlalchemyUrl"_s << QVariant(QString())
        << QString() << u"config-url-interpolation"_s;
    QTest::newRow("bad revision_environment is a warning")
        << QByteArray("revision_environment = maybe\n") << u"revisionEnvironment"_s << QVariant(false) << QString()
        << u"config-revision-environment"_s;
}

void TestProjectConfig::options()
{
    QFETCH(QByteArray, lines);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    QFETCH(QString, error);
    QFETCH(QString, warning);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "[DEFAULT]\nscript_location = migrations\n[alembic]\n" + lines));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        QVERIFY2(config.error().contains(error), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVariant want = expected;
    if (want.typeId() == QMetaType::QString)
        want = inDir(want.toString(), dir.path());
    QCOMPARE(fieldValue(config.value(), field), want);
    QCOMPARE(codes(config->diagnostics), warning.isEmpty() ? QStringList() : QStringList{warning});
    for (const Diagnostic &d : config->diagnostics)
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
}

void TestProjectConfig::missingConfig_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("section");

    QTest::newRow("no file") << QByteArray() << u"alembic"_s;
    QTest::newRow("no section") << QByteArray("[other]\nscript_location = m\n") << u"alembic"_s;
    QTest::newRow("-n missing section") << QByteArray("[alembic]\nscript_location = m\n") << u"second"_s;
    QTest::newRow("section name is case-sensitive") << QByteArray("[Alembic]\nscript_location = m\n") << u"alembic"_s;
}

void TestProjectConfig::missingConfig()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, section);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    if (!content.isEmpty())
        QVERIFY(writeFile(ini, content));
    const Result<ProjectConfig> config = loadIniConfig(ini, section);
    QVERIFY(!config.ok());
    QCOMPARE(config.error(), u"No config file '%1' found, or file has no '[%2]' section"_s.arg(ini, section));
}

void TestProjectConfig::otherSection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"multi.ini"_s);
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = one\n\n[schema2]\nscript_location = two\n"
                           "sqlalchemy.url = sqlite:///two.db\n"));
    const Result<ProjectConfig> config = loadIniConfig(ini, u"schema2"_s);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->section, u"schema2"_s);
    QCOMPARE(config->scriptLocation, dir.filePath(u"two"_s));
    QCOMPARE(config->sqlalchemyUrl, u"sqlite:///two.db"_s);
}

void TestProjectConfig::iniDiagnosticsKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "stray = line\n[alembic]\nscript_location = a\nscript_location = b\n"));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(codes(config->diagnostics), (QStringList{u"ini-missing-section-header"_s, u"ini-duplicate-option"_s}));
    QVERIFY(hasErrors(config->diagnostics));
    QCOMPARE(config->diagnostics.at(1).line, 4);
    QCOMPARE(config->diagnostics.at(1).file, ini);
    QCOMPARE(config->scriptLocation, dir.filePath(u"b"_s));
}

void TestProjectConfig::toml_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");

    QTest::newRow("full") << QByteArray("[project]\nname = 'x'\n\n[tool.alembic]\n"
                                        "script_location = \"%(here)s/migrations\"\n"
                                        "version_locations = [\"%(here)s/v1\", \"v2\"]\n"
                                        "prepend_sys_path = [\".\", \"src\"]\n"
                                        "sourceless = true\nrecursive_version_locations = true\n"
                                        "truncate_slug_length = 20\n"
                                        "file_template = \"%%(rev)s-%%(slug)s\"\n"
                                        "timezone = \"UTC\"\nrevision_environment = true\n"
                                        "[[tool.alembic.post_write_hooks]]\nname = \"black\"\ntype = \"x\"\n")
                          << QString();
    QTest::newRow("sourceless string") << QByteArray("[tool.alembic]\nscript_location = \"m\"\nsourceless = \"true\"\n")
                                       << u"=boolean value expected for TOML parameter 'sourceless'"_s;
    QTest::newRow("recursive string")
        << QByteArray("[tool.alembic]\nscript_location = \"m\"\nrecursive_version_locations = 1\n")
        << u"=boolean value expected for TOML parameter 'recursive_version_locations'"_s;
    QTest::newRow("float") << QByteArray("[tool.alembic]\nscript_location = \"m\"\ntruncate_slug_length = 4.5\n")
                           << u"=unsupported TOML value type for key: 'truncate_slug_length'"_s;
    QTest::newRow("date") << QByteArray("[tool.alembic]\nscript_location = 1979-05-27\n")
                          << u"=unsupported TOML value type for key: 'script_location'"_s;
    QTest::newRow("no script_location") << QByteArray("[tool.alembic]\ntimezone = \"UTC\"\n")
                                        << u"No 'script_location' key found in configuration."_s;
    QTest::newRow("no table")
        << QByteArray("[project]\nname = 'x'\n")
        << u"=No config file '{D}/pyproject.toml' found, or file has no '[tool.alembic]' section"_s;
    QTest::newRow("not a table") << QByteArray("[tool]\nalembic = 3\n") << u"Incorrect TOML format"_s;
    QTest::newRow("syntax error") << QByteArray("[tool.alembic\nscript_location = \"m\"\n") << u"line 1"_s;
    QTest::newRow("unknown name") << QByteArray("[tool.alembic]\nscript_location = \"%(root)s/m\"\n")
                                  << u"'%(root)s'"_s;
    QTest::newRow("lone percent") << QByteArray("[tool.alembic]\nscript_location = \"50%/m\"\n")
                                  << u"unsupported format"_s;
    QTest::newRow("package resource") << QByteArray("[tool.alembic]\nscript_location = \"pkg:migrations\"\n")
                                      << u"package resource"_s;
    QTest::newRow("list of numbers") << QByteArray("[tool.alembic]\nscript_location = \"m\"\nversion_locations = [1]\n")
                                     << u"list of strings"_s;
}

void TestProjectConfig::toml()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pyproject = dir.filePath(u"pyproject.toml"_s);
    QVERIFY(writeFile(pyproject, content));
    const Result<ProjectConfig> config = loadTomlConfig(pyproject);
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        if (error.startsWith(u'='))
            QCOMPARE(config.error(), inDir(error.mid(1), dir.path()));
        else
            QVERIFY2(config.error().contains(error), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->tomlFile, pyproject);
    QCOMPARE(config->iniFile, QString());
    QCOMPARE(config->scriptLocation, dir.filePath(u"migrations"_s));
    QCOMPARE(config->versionLocations, (QStringList{dir.filePath(u"v1"_s), dir.filePath(u"v2"_s)}));
    QVERIFY(config->versionLocationsExplicit);
    QCOMPARE(config->prependSysPath, (QStringList{u"."_s, u"src"_s}));
    QVERIFY(config->sourceless);
    QVERIFY(config->recursiveVersionLocations);
    QVERIFY(config->revisionEnvironment);
    QCOMPARE(config->truncateSlugLength, 20);
    QCOMPARE(config->fileTemplate, u"%(rev)s-%(slug)s"_s);
    QCOMPARE(config->timezone, u"UTC"_s);
    QVERIFY(config->diagnostics.isEmpty());
}

void TestProjectConfig::iniAndTomlPrecedence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = %(here)s/from_ini\ntruncate_slug_length = 10\n"
                           "sqlalchemy.url = sqlite:///x.db\n"));
    QVERIFY(writeFile(dir.filePath(u"pyproject.toml"_s),
                      "[tool.alembic]\nscript_location = \"%(here)s/from_toml\"\ntruncate_slug_length = 30\n"
                      "version_locations = [\"%(here)s/v\"]\nsourceless = true\n"
                      "sqlalchemy.url = \"ignored\"\n"));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->tomlFile, dir.filePath(u"pyproject.toml"_s));
    QCOMPARE(config->scriptLocation, dir.filePath(u"from_ini"_s));
    QCOMPARE(config->truncateSlugLength, 10);
    QCOMPARE(config->versionLocations, QStringList{dir.filePath(u"v"_s)});
    QVERIFY(config->sourceless);
    QCOMPARE(config->sqlalchemyUrl, u"sqlite:///x.db"_s);
}

void TestProjectConfig::iniWithoutSectionUsesToml()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"alembic.ini"_s);
    QVERIFY(writeFile(ini, "[loggers]\nkeys = root\n"));
    QVERIFY(writeFile(dir.filePath(u"pyproject.toml"_s), "[tool.alembic]\nscript_location = \"migrations\"\n"));
    const Result<ProjectConfig> config = loadIniConfig(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->scriptLocation, dir.filePath(u"migrations"_s));

    // A pyproject.toml without [tool.alembic] next to the ini does not count.
    QVERIFY(writeFile(dir.filePath(u"pyproject.toml"_s), "[project]\nname = \"x\"\n"));
    const Result<ProjectConfig> without = loadIniConfig(ini);
    QVERIFY(!without.ok());
    QVERIFY(without.error().startsWith(u"No config file"_s));
}

void TestProjectConfig::explicitTomlPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(u"conf/alembic.ini"_s);
    const QString toml = dir.filePath(u"proj/pyproject.toml"_s);
    QVERIFY(writeFile(ini, "[alembic]\nsqlalchemy.url = sqlite://\n"));
    QVERIFY(writeFile(toml, "[tool.alembic]\nscript_location = \"%(here)s/migrations\"\n"
                            "version_locations = [\"rel\"]\n"));
    const Result<ProjectConfig> config = loadIniConfig(ini, u"alembic"_s, toml);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->scriptLocation, dir.filePath(u"proj/migrations"_s));
    QCOMPARE(config->versionLocations, QStringList{dir.filePath(u"proj/rel"_s)});
    QCOMPARE(config->tomlFile, toml);
    QCOMPARE(config->iniFile, ini);

    QVERIFY(writeFile(toml, "[tool.alembic\n"));
    QVERIFY(!loadIniConfig(ini, u"alembic"_s, toml).ok());
}

void TestProjectConfig::findConfigCandidates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(::findConfigCandidates(dir.path()), QStringList());
    QVERIFY(writeFile(dir.filePath(u"pyproject.toml"_s), "[project]\nname = \"x\"\n"));
    QCOMPARE(::findConfigCandidates(dir.path()), QStringList());
    QVERIFY(writeFile(dir.filePath(u"pyproject.toml"_s), "[tool.alembic]\nscript_location = \"m\"\n"));
    QCOMPARE(::findConfigCandidates(dir.path()), QStringList{dir.filePath(u"pyproject.toml"_s)});
    QVERIFY(writeFile(dir.filePath(u"alembic.ini"_s), "[alembic]\n"));
    QCOMPARE(::findConfigCandidates(dir.path()),
             (QStringList{dir.filePath(u"alembic.ini"_s), dir.filePath(u"pyproject.toml"_s)}));
}

void TestProjectConfig::loadProjectPath_data()
{
    QTest::addColumn<QStringList>("files"); // "path=content"; a trailing '/' makes a directory
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("scriptLocation");
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("error");

    QTest::newRow("dir with alembic.ini") << QStringList{u"alembic.ini=[alembic]\nscript_location = m\n"_s} << u"{D}"_s
                                          << u"{D}/m"_s << QStringList{u"{D}/m/versions"_s} << QString();
    QTest::newRow("ini file") << QStringList{u"cfg/x.ini=[alembic]\nscript_location = %(here)s/m\n"_s}
                              << u"{D}/cfg/x.ini"_s << u"{D}/cfg/m"_s << QStringList{u"{D}/cfg/m/versions"_s}
                              << QString();
    QTest::newRow("dir with pyproject")
        << QStringList{u"pyproject.toml=[tool.alembic]\nscript_location = \"%(here)s/db\"\n"_s} << u"{D}"_s
        << u"{D}/db"_s << QStringList{u"{D}/db/versions"_s} << QString();
    QTest::newRow("pyproject file") << QStringList{u"pyproject.toml=[tool.alembic]\nscript_location = \"db\"\n"_s}
                                    << u"{D}/pyproject.toml"_s << u"{D}/db"_s << QStringList{u"{D}/db/versions"_s}
                                    << QString();
    QTest::newRow("script location by env.py")
        << QStringList{u"env.py=import x\n"_s} << u"{D}"_s << u"{D}"_s << QStringList{u"{D}/versions"_s} << QString();
    QTest::newRow("script location by versions/")
        << QStringList{u"versions/"_s} << u"{D}"_s << u"{D}"_s << QStringList{u"{D}/versions"_s} << QString();
    QTest::newRow("bare versions folder") << QStringList{u"abc_first.py=revision = 'abc'\n"_s} << u"{D}"_s << QString()
                                          << QStringList{u"{D}"_s} << QString();
    QTest::newRow("Flask-Migrate folder: ini without script_location")
        << QStringList{u"migrations/alembic.ini=[alembic]\n# file_template = %%(rev)s_%%(slug)s\n"_s,
                       u"migrations/env.py=from flask import current_app\n"_s, u"migrations/versions/"_s}
        << u"{D}/migrations"_s << u"{D}/migrations"_s << QStringList{u"{D}/migrations/versions"_s} << QString();
    QTest::newRow("Flask-Migrate ini opened itself")
        << QStringList{u"migrations/alembic.ini=[alembic]\n"_s, u"migrations/versions/"_s}
        << u"{D}/migrations/alembic.ini"_s << u"{D}/migrations"_s << QStringList{u"{D}/migrations/versions"_s}
        << QString();
    QTest::newRow("Flask-Migrate ini with version_locations")
        << QStringList{u"migrations/alembic.ini=[alembic]\nversion_locations = %(here)s/a %(here)s/b\n"_s,
                       u"migrations/env.py=x = 1\n"_s}
        << u"{D}/migrations"_s << u"{D}/migrations"_s << QStringList{u"{D}/migrations/a"_s, u"{D}/migrations/b"_s}
        << QString();
    QTest::newRow("Flask project root") << QStringList{u"app.py=app = None\n"_s,
                                                       u"migrations/alembic.ini=[alembic]\n"_s,
                                                       u"migrations/env.py=x = 1\n"_s}
                                        << u"{D}"_s << u"{D}/migrations"_s << QStringList{u"{D}/migrations/versions"_s}
                                        << QString();
    QTest::newRow("project root with alembic/")
        << QStringList{u"setup.py=x = 1\n"_s, u"alembic/env.py=x = 1\n"_s} << u"{D}"_s << u"{D}/alembic"_s
        << QStringList{u"{D}/alembic/versions"_s} << QString();
    QTest::newRow("package resource in the tree")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = myapp.db:migrations\n"_s, u"myapp/__init__.py="_s,
                       u"myapp/db/__init__.py="_s, u"myapp/db/migrations/env.py=x = 1\n"_s}
        << u"{D}"_s << u"{D}/myapp/db/migrations"_s << QStringList{u"{D}/myapp/db/migrations/versions"_s} << QString();
    QTest::newRow("package resource on prepend_sys_path")
        << QStringList{u"alembic.ini=[alembic]\nprepend_sys_path = src\nscript_location = myapp:migrations\n"
                       "version_locations = myapp:migrations/versions myapp:extra\n"_s,
                       u"src/myapp/__init__.py="_s}
        << u"{D}"_s << u"{D}/src/myapp/migrations"_s
        << QStringList{u"{D}/src/myapp/migrations/versions"_s, u"{D}/src/myapp/extra"_s} << QString();
    QTest::newRow("package resource not in the tree")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = installed_only:migrations\n"_s} << u"{D}"_s
        << QString() << QStringList() << u"found no package installed_only in the project's source tree"_s;
    QTest::newRow("ini without script_location beside no env.py")
        << QStringList{u"alembic.ini=[alembic]\n"_s} << u"{D}"_s << QString() << QStringList()
        << u"No 'script_location' key found in configuration. Retort read [alembic] of"_s;
    QTest::newRow("empty dir") << QStringList() << u"{D}"_s << QString() << QStringList()
                               << u"is not an alembic project"_s;
    QTest::newRow("pyproject without table")
        << QStringList{u"pyproject.toml=[project]\n"_s, u"notes.txt=x"_s} << u"{D}"_s << QString() << QStringList()
        << u"no pyproject.toml with a [tool.alembic] table"_s;
    QTest::newRow("nonexistent") << QStringList() << u"{D}/nope"_s << QString() << QStringList() << u"does not exist"_s;
}

void TestProjectConfig::loadProjectPath()
{
    QFETCH(QStringList, files);
    QFETCH(QString, open);
    QFETCH(QString, scriptLocation);
    QFETCH(QStringList, versions);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &spec : files) {
        const qsizetype equals = spec.indexOf(u'=');
        const QString name = equals < 0 ? spec : spec.left(equals);
        if (name.endsWith(u'/'))
            QVERIFY(QDir(dir.path()).mkpath(name));
        else
            QVERIFY(writeFile(dir.filePath(name), spec.mid(equals + 1).toUtf8()));
    }
    const Result<ProjectConfig> config = ::loadProjectPath(inDir(open, dir.path()));
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        QVERIFY2(config.error().contains(error), qPrintable(config.error()));
        return;
    }
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->scriptLocation, inDir(scriptLocation, dir.path()));
    QCOMPARE(config->versionLocations, inDir(versions, dir.path()));
}

void TestProjectConfig::versionsFolders()
{
    const ProjectConfig config = configForVersionsFolders({u"/a/b/"_s, u"/c/./d"_s});
    QCOMPARE(config.versionLocations, (QStringList{u"/a/b"_s, u"/c/d"_s}));
    QVERIFY(config.versionLocationsExplicit);
    QVERIFY(config.scriptLocation.isEmpty());
    QVERIFY(config.iniFile.isEmpty());
    QVERIFY(config.tomlFile.isEmpty());
}

void TestProjectConfig::alembicInitTemplate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess alembic;
    alembic.setWorkingDirectory(dir.path());
    // Relative, as most 1.8.1 projects have it: the ini then says `script_location = migrations`.
    alembic.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-m"_s, u"alembic"_s, u"init"_s, u"migrations"_s});
    QVERIFY2(alembic.waitForFinished(60000) && alembic.exitStatus() == QProcess::NormalExit && alembic.exitCode() == 0,
             qPrintable(u"alembic init (the oracle) failed with " RETORT_TEST_PYTHON ": "_s +
                        QString::fromUtf8(alembic.readAllStandardError())));

    const QString ini = dir.filePath(u"alembic.ini"_s);
    const Result<ProjectConfig> config = loadIniConfig(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->scriptLocation, dir.filePath(u"migrations"_s));
    QCOMPARE(config->versionLocations, QStringList{dir.filePath(u"migrations/versions"_s)});
    QVERIFY(!config->versionLocationsExplicit);
    QCOMPARE(config->prependSysPath, QStringList{u"."_s});
    QCOMPARE(config->sqlalchemyUrl, u"driver://user:pass@localhost/dbname"_s);
    QCOMPARE(config->fileTemplate, u"%(rev)s_%(slug)s"_s);
    QVERIFY(!config->sourceless);
    QVERIFY(!hasErrors(config->diagnostics));

    // What alembic itself makes of the same file, run from the project directory.
    QProcess oracle;
    oracle.setWorkingDirectory(dir.path());
    oracle.start(QStringLiteral(RETORT_TEST_PYTHON),
                 {u"-c"_s, u"from alembic.config import Config\nfrom alembic.script import ScriptDirectory\n"
                           u"s = ScriptDirectory.from_config(Config('alembic.ini'))\n"
                           u"import os\nprint(os.path.abspath(s.dir))\nprint(s.truncate_slug_length)\n"_s});
    QVERIFY(oracle.waitForFinished(60000));
    QCOMPARE(oracle.exitCode(), 0);
    const QStringList out = QString::fromUtf8(oracle.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(out.value(0), config->scriptLocation);
    QCOMPARE(out.value(1), QString::number(config->truncateSlugLength));

    // Setting version_locations in the stock 1.8.1 file trips over its inline comment, as in alembic.
    QFile file(ini);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    if (!text.contains(templateBugLine))
        QSKIP("this alembic's template has no inline comment on version_path_separator");
    text.replace("# version_locations = %(here)s/bar", "version_locations = %(here)s/bar");
    QVERIFY(writeFile(ini, text));
    const Result<ProjectConfig> broken = loadIniConfig(ini);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().startsWith(templateBugError), qPrintable(broken.error()));

    QProcess oracleBroken;
    oracleBroken.setWorkingDirectory(dir.path());
    oracleBroken.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-m"_s, u"alembic"_s, u"heads"_s});
    QVERIFY(oracleBroken.waitForFinished(60000));
    QVERIFY(oracleBroken.exitCode() != 0);
    QVERIFY2(QString::fromUtf8(oracleBroken.readAllStandardError()).contains(templateBugError),
             "alembic itself should fail with the same message");
}

bool TestProjectConfig::writeSpecs(const QString &dir, const QStringList &files)
{
    for (const QString &spec : files) {
        const qsizetype equals = spec.indexOf(u'=');
        const QString name = equals < 0 ? spec : spec.left(equals);
        const bool ok =
            name.endsWith(u'/') ? QDir(dir).mkpath(name) : writeFile(dir + u'/' + name, spec.mid(equals + 1).toUtf8());
        if (!ok)
            return false;
    }
    return true;
}

void TestProjectConfig::configSections_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("open");
    QTest::addColumn<QStringList>("sections");

    const QString logging = u"[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n"_s;
    QTest::newRow("one [alembic]") << QStringList{u"alembic.ini=[alembic]\nscript_location = m\n\n"_s + logging}
                                   << u"{D}/alembic.ini"_s << QStringList{u"alembic"_s};
    QTest::newRow("core and tenant")
        << QStringList{u"alembic.ini=[core]\nscript_location = c\n\n[tenant]\nscript_location = t\n\n"_s + logging}
        << u"{D}/alembic.ini"_s << QStringList{u"core"_s, u"tenant"_s};
    QTest::newRow("a folder opens its ini")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = a\n[tenant]\nscript_location = t\n"_s} << u"{D}"_s
        << QStringList{u"alembic"_s, u"tenant"_s};
    // Flask-Migrate's [alembic] sets no script_location, yet it is what alembic reads without -n.
    QTest::newRow("[alembic] without script_location")
        << QStringList{u"alembic.ini=[alembic]\n[tenant]\nscript_location = t\n"_s} << u"{D}/alembic.ini"_s
        << QStringList{u"alembic"_s, u"tenant"_s};
    QTest::newRow("script_location in DEFAULT only")
        << QStringList{u"alembic.ini=[DEFAULT]\nscript_location = m\n[alembic]\n\n"_s + logging} << u"{D}/alembic.ini"_s
        << QStringList{u"alembic"_s};
    QTest::newRow("Flask root reads migrations/alembic.ini")
        << QStringList{u"migrations/alembic.ini=[alembic]\n[other]\nscript_location = o\n"_s} << u"{D}"_s
        << QStringList{u"alembic"_s, u"other"_s};
    QTest::newRow("pyproject.toml has no sections")
        << QStringList{u"pyproject.toml=[tool.alembic]\nscript_location = \"db\"\n"_s} << u"{D}"_s << QStringList();
    QTest::newRow("nonexistent") << QStringList() << u"{D}/nope.ini"_s << QStringList();
}

void TestProjectConfig::configSections()
{
    QFETCH(QStringList, files);
    QFETCH(QString, open);
    QFETCH(QStringList, sections);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeSpecs(dir.path(), files));
    QCOMPARE(::configSections(inDir(open, dir.path())), sections);
}

void TestProjectConfig::findOwningProject_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("openPath");
    QTest::addColumn<QString>("section");

    const QString rev = u"revision = 'a1'\ndown_revision = None\n"_s;
    QTest::newRow("default versions folder")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = %(here)s/migrations\n"_s,
                       u"migrations/env.py=x = 1\n"_s, u"migrations/versions/a1_first.py="_s + rev}
        << u"{D}/migrations/versions/a1_first.py"_s << u"{D}/alembic.ini"_s << u"alembic"_s;
    QTest::newRow("the section that reads it")
        << QStringList{u"alembic.ini=[core]\nscript_location = %(here)s/core\n[tenant]\nscript_location = "
                       "%(here)s/tenant\n"_s,
                       u"core/versions/c1.py="_s + rev, u"tenant/versions/t1.py="_s + rev}
        << u"{D}/tenant/versions/t1.py"_s << u"{D}/alembic.ini"_s << u"tenant"_s;
    QTest::newRow("[alembic] wins a tie")
        << QStringList{u"alembic.ini=[other]\nscript_location = %(here)s/m\n[alembic]\nscript_location = "
                       "%(here)s/m\n"_s,
                       u"m/versions/a1.py="_s + rev}
        << u"{D}/m/versions/a1.py"_s << u"{D}/alembic.ini"_s << u"alembic"_s;
    QTest::newRow("a sub-folder the config does not read")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = %(here)s/migrations\n"_s,
                       u"migrations/versions/2024_1/a1.py="_s + rev}
        << u"{D}/migrations/versions/2024_1/a1.py"_s << u"{D}/alembic.ini"_s << u"alembic"_s;
    QTest::newRow("a version location far from the script location")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = %(here)s/m\nversion_locations = "
                       "%(here)s/releases/one\n"_s,
                       u"releases/one/a1.py="_s + rev}
        << u"{D}/releases/one/a1.py"_s << u"{D}/alembic.ini"_s << u"alembic"_s;
    QTest::newRow("pyproject.toml")
        << QStringList{u"pyproject.toml=[tool.alembic]\nscript_location = \"%(here)s/db\"\n"_s,
                       u"db/versions/a1.py="_s + rev}
        << u"{D}/db/versions/a1.py"_s << u"{D}/pyproject.toml"_s << u"alembic"_s;
    QTest::newRow("Flask-Migrate") << QStringList{u"app.py=app = None\n"_s, u"migrations/alembic.ini=[alembic]\n"_s,
                                                  u"migrations/env.py=x = 1\n"_s, u"migrations/versions/a1.py="_s + rev}
                                   << u"{D}/migrations/versions/a1.py"_s << u"{D}/migrations/alembic.ini"_s
                                   << u"alembic"_s;
    QTest::newRow("a script location without a config")
        << QStringList{u"migrations/env.py=x = 1\n"_s, u"migrations/versions/a1.py="_s + rev}
        << u"{D}/migrations/versions/a1.py"_s << u"{D}/migrations"_s << u"alembic"_s;
    // An ini further up that reads other folders is another project's.
    QTest::newRow("another project's ini above")
        << QStringList{u"alembic.ini=[alembic]\nscript_location = %(here)s/elsewhere\n"_s,
                       u"inner/migrations/env.py=x = 1\n"_s, u"inner/migrations/versions/a1.py="_s + rev}
        << u"{D}/inner/migrations/versions/a1.py"_s << u"{D}/inner/migrations"_s << u"alembic"_s;
    QTest::newRow("a loose folder") << QStringList{u"loose/a1.py="_s + rev} << u"{D}/loose/a1.py"_s << u"{D}/loose"_s
                                    << u"alembic"_s;
}

void TestProjectConfig::findOwningProject()
{
    QFETCH(QStringList, files);
    QFETCH(QString, revision);
    QFETCH(QString, openPath);
    QFETCH(QString, section);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeSpecs(dir.path(), files));
    const Result<ProjectConfig> owner = ::findOwningProject(inDir(revision, dir.path()));
    QVERIFY2(owner, qPrintable(owner.error()));
    QCOMPARE(owner->openPath(), inDir(openPath, dir.path()));
    QCOMPARE(owner->section, section);
    // What the window opens next reads the same configuration.
    const Result<ProjectConfig> reopened = ::loadProjectPath(owner->openPath(), owner->section);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE(reopened->versionLocations, owner->versionLocations);

    QVERIFY(!::findOwningProject(dir.filePath(u"missing.py"_s)));
}

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
