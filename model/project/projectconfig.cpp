// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/projectconfig.h"

#include "python/pythonconversions.h"

#include "project/iniconfig.h"
#include "python/pythonenvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <toml++/toml.h>

#include <memory>
#include <optional>
#include <string>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProjectConfig)
};

QString absoluteDir(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absolutePath());
}

QString absoluteFile(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
}

QString noConfigMessage(const QString &path, const QString &section)
{
    return Tr::tr("No config file '%1' found, or file has no '[%2]' section").arg(path, section);
}

/// `util.coerce_resource_to_filename` treats a relative value with a colon as `package:dir`.
bool isPackageResource(const QString &location)
{
    return !QDir::isAbsolutePath(location) && location.contains(u':');
}

QString packageResourceMessage(const QString &key, const QString &location, const QStringList &roots)
{
    return Tr::tr("%1 '%2' names a package resource (package:folder), and Retort found no package %3 in the "
                  "project's source tree (searched %4). Add the folder that holds the package to prepend_sys_path, "
                  "or use a path such as %(here)s/migrations.")
        .arg(key, location, location.section(u':', 0, 0), roots.join(u", "_s));
}

/// `package:folder` as `importlib.resources` would find it, looked up under @p roots without
/// importing anything: `<root>/package/__init__.py` (dotted names as folders), then the folder.
QString packageResourcePath(const QString &location, const QStringList &roots)
{
    // alembic splits on every colon: `pkg:a:b` is the folder a/b of pkg.
    const QString package = location.section(u':', 0, 0).trimmed();
    const QString folder = location.section(u':', 1).replace(u':', u'/');
    for (const QString &root : roots) {
        const QString dir = root + u'/' + package.split(u'.').join(u'/');
        if (!package.isEmpty() && QFileInfo(dir + u"/__init__.py"_s).isFile())
            return QDir::cleanPath(folder.isEmpty() ? dir : dir + u'/' + folder);
    }
    return {};
}

/// A folder alembic could use as a script location: it holds env.py or a versions/ folder.
bool isScriptLocation(const QString &dir)
{
    return QFileInfo(dir + u"/env.py"_s).isFile() || QFileInfo(dir + u"/versions"_s).isDir();
}

/// A pyproject.toml, parsed; `alembic` points into `root` (hence the unique_ptr).
struct TomlDocument
{
    QString file; ///< absolute
    QString here; ///< absolute directory of `file`
    std::unique_ptr<toml::table> root;
    const toml::table *alembic = nullptr; ///< [tool.alembic]; null when absent
};

Result<std::shared_ptr<TomlDocument>> readPyproject(const QString &path)
{
    using R = Result<std::shared_ptr<TomlDocument>>;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto doc = std::make_shared<TomlDocument>();
    doc->file = absoluteFile(path);
    doc->here = absoluteDir(path);
    const std::string source = path.toStdString();
    try {
        doc->root = std::make_unique<toml::table>(
            toml::parse(std::string_view(bytes.constData(), size_t(bytes.size())), source));
    } catch (const toml::parse_error &error) {
        return R::failure(Tr::tr("%1 line %2 is not valid TOML: %3")
                              .arg(path, QString::number(error.source().begin.line),
                                   QString::fromStdString(std::string(error.description()))));
    }
    if (const toml::node *tool = doc->root->get("tool")) {
        const toml::table *toolTable = tool->as_table();
        const toml::node *alembic = toolTable ? toolTable->get("alembic") : nullptr;
        if (alembic) {
            doc->alembic = alembic->as_table();
            if (!doc->alembic)
                return R::failure(Tr::tr("Incorrect TOML format: [tool.alembic] in %1 is not a table.").arg(path));
        }
    }
    return doc;
}

/// Python's `value % {"here": here}` on a TOML string: `%(here)s` and `%%` only.
Result<QString> formatTomlString(const QString &value, const QString &here, const QString &key, const QString &file)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c != u'%') {
            out += c;
            continue;
        }
        if (i + 1 < value.size() && value[i + 1] == u'%') {
            out += u'%';
            ++i;
            continue;
        }
        const qsizetype close = value.indexOf(u')', i);
        if (i + 1 < value.size() && value[i + 1] == u'(' && close > 0 && close + 1 < value.size() &&
            value[close + 1] == u's') {
            const QString name = value.mid(i + 2, close - i - 2);
            if (name != u"here"_s) {
                return Result<QString>::failure(
                    Tr::tr("Cannot format TOML parameter '%1' in %2: '%(%3)s' is unknown; only %(here)s is "
                           "available. Write a literal percent sign as %%.")
                        .arg(key, file, name));
            }
            out += here;
            i = close + 1;
            continue;
        }
        return Result<QString>::failure(Tr::tr("Cannot format TOML parameter '%1' in %2: unsupported format at '%3'. "
                                               "Use %(here)s, and write a literal percent sign as %%.")
                                            .arg(key, file, value.mid(i)));
    }
    return out;
}

/// One option value as `get_alembic_option` returns it, with where it came from.
struct OptionValue
{
    enum class Kind
    {
        Absent,
        String,
        List,
        Integer,
        Boolean
    };
    Kind kind = Kind::Absent;
    QString text;
    QStringList list;
    qint64 integer = 0;
    bool boolean = false;
    QString baseDir; ///< directory of the file the value came from
    QString file;

    bool isAbsent() const { return kind == Kind::Absent; }
};

/// The option lookup of newest alembic's `Config`: the ini main section first, then [tool.alembic].
class OptionSource
{
public:
    const IniConfig *ini = nullptr;
    QString section;
    QString iniDir;
    std::shared_ptr<TomlDocument> toml;
    QString python; ///< asked about `package:folder` locations outside the source tree; empty: not asked

    bool iniHasSection() const { return ini && ini->hasSection(section); }
    bool iniHasOption(const QString &name) const { return iniHasSection() && ini->hasOption(section, name); }

    /// `get_main_option`: the ini only; nullopt when absent.
    Result<std::optional<QString>> iniString(const QString &name) const
    {
        if (!iniHasOption(name))
            return std::optional<QString>();
        Result<QString> value = ini->value(section, name);
        if (!value)
            return Result<std::optional<QString>>::failure(value.error());
        return std::optional<QString>(value.value());
    }

    /// `_get_toml_config_value`.
    Result<OptionValue> tomlValue(const QString &name) const
    {
        OptionValue result;
        if (!toml || !toml->alembic)
            return result;
        const toml::node *node = toml->alembic->get(name.toStdString());
        if (!node)
            return result;
        result.baseDir = toml->here;
        result.file = toml->file;
        auto format = [&](const std::string &s) {
            return formatTomlString(QString::fromStdString(s), toml->here, name, toml->file);
        };
        if (const auto *s = node->as_string()) {
            Result<QString> text = format(s->get());
            if (!text)
                return Result<OptionValue>::failure(text.error());
            result.kind = OptionValue::Kind::String;
            result.text = text.value();
        } else if (const auto *array = node->as_array()) {
            result.kind = OptionValue::Kind::List;
            for (const toml::node &element : *array) {
                const auto *item = element.as_string();
                if (!item) {
                    return Result<OptionValue>::failure(
                        Tr::tr("TOML parameter '%1' in %2 must be a list of strings.").arg(name, toml->file));
                }
                Result<QString> text = format(item->get());
                if (!text)
                    return Result<OptionValue>::failure(text.error());
                result.list.append(text.value());
            }
        } else if (const auto *i = node->as_integer()) {
            result.kind = OptionValue::Kind::Integer;
            result.integer = i->get();
        } else if (const auto *b = node->as_boolean()) {
            // Python's bool is an int, so alembic returns it as is.
            result.kind = OptionValue::Kind::Boolean;
            result.boolean = b->get();
        } else {
            return Result<OptionValue>::failure(Tr::tr("unsupported TOML value type for key: '%1'").arg(name));
        }
        return result;
    }

    /// `get_alembic_option`.
    Result<OptionValue> value(const QString &name) const
    {
        if (iniHasOption(name)) {
            Result<QString> text = ini->value(section, name);
            if (!text)
                return Result<OptionValue>::failure(text.error());
            OptionValue result;
            result.kind = OptionValue::Kind::String;
            result.text = text.value();
            result.baseDir = iniDir;
            result.file = ini->fileName();
            return result;
        }
        return tomlValue(name);
    }

    /// A string-valued option; nullopt when absent.
    Result<std::optional<QString>> string(const QString &name) const
    {
        using R = Result<std::optional<QString>>;
        Result<OptionValue> v = value(name);
        if (!v)
            return R::failure(v.error());
        switch (v->kind) {
        case OptionValue::Kind::Absent:
            return std::optional<QString>();
        case OptionValue::Kind::String:
            return std::optional<QString>(v->text);
        case OptionValue::Kind::Integer:
            return std::optional<QString>(QString::number(v->integer));
        case OptionValue::Kind::List:
        case OptionValue::Kind::Boolean:
            break;
        }
        return R::failure(Tr::tr("TOML parameter '%1' in %2 must be a string.").arg(name, v->file));
    }

    /// `get_alembic_boolean_option`: the ini value must be exactly "true"; TOML must be a bool.
    Result<bool> boolean(const QString &name) const
    {
        if (iniHasOption(name)) {
            Result<QString> text = ini->value(section, name);
            if (!text)
                return Result<bool>::failure(text.error());
            return text.value() == u"true"_s;
        }
        if (!toml || !toml->alembic)
            return false;
        const toml::node *node = toml->alembic->get(name.toStdString());
        if (!node)
            return false;
        if (const auto *b = node->as_boolean())
            return b->get();
        return Result<bool>::failure(Tr::tr("boolean value expected for TOML parameter '%1'").arg(name));
    }
};

/// `_get_file_separator_char`; nullopt: no separator configured (legacy splitting).
Result<std::optional<QString>> separatorChar(const OptionSource &options, const QStringList &names)
{
    using R = Result<std::optional<QString>>;
    for (const QString &name : names) {
        R value = options.iniString(name);
        if (!value)
            return value;
        if (!value.value())
            continue;
        const QString separator = *value.value();
        const bool isPathSeparator = name == u"path_separator"_s;
        if (separator == u"space"_s)
            return std::optional<QString>(u" "_s);
        if (separator == u"os"_s)
            return std::optional<QString>(QString(QDir::listSeparator()));
        if (separator == u":"_s || separator == u";"_s)
            return std::optional<QString>(separator);
        if (isPathSeparator && separator == u"newline"_s)
            return std::optional<QString>(u"\n"_s);
        QString message =
            isPathSeparator
                ? Tr::tr("'%1' is not a valid value for path_separator; expected 'space', 'newline', 'os', ':', ';'")
                      .arg(separator)
                : Tr::tr("'%1' is not a valid value for version_path_separator; expected 'space', 'os', ':', ';'")
                      .arg(separator);
        if (separator.contains(u'#')) {
            message += u' ' + Tr::tr("(alembic.ini does not strip inline comments: put the comment on its own line, "
                                     "as alembic 1.8.1's own template forgot to.)");
        }
        return R::failure(message);
    }
    return std::optional<QString>();
}

QStringList splitPaths(const QString &value, const std::optional<QString> &separator, const QRegularExpression &legacy)
{
    const QStringList parts = separator ? value.split(*separator) : value.split(legacy);
    QStringList result;
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            result.append(item);
    }
    return result;
}

/// A list-valued option (`version_locations`, `prepend_sys_path`) as the ini splits it or TOML lists it.
Result<std::optional<QStringList>> pathList(const OptionSource &options, const QString &name,
                                            const QStringList &separatorNames, const QRegularExpression &legacy,
                                            QString *baseDir)
{
    using R = Result<std::optional<QStringList>>;
    // `file_config.get(section, name, fallback=None)`, then "if value:", as alembic does.
    if (options.iniHasOption(name)) {
        Result<QString> text = options.ini->value(options.section, name);
        if (!text)
            return R::failure(text.error());
        if (!text.value().isEmpty()) {
            Result<std::optional<QString>> separator = separatorChar(options, separatorNames);
            if (!separator)
                return R::failure(separator.error());
            *baseDir = options.iniDir;
            return std::optional<QStringList>(splitPaths(text.value(), separator.value(), legacy));
        }
    }
    Result<OptionValue> value = options.tomlValue(name);
    if (!value)
        return R::failure(value.error());
    *baseDir = value->baseDir;
    switch (value->kind) {
    case OptionValue::Kind::Absent:
        return std::optional<QStringList>();
    case OptionValue::Kind::List:
        return std::optional<QStringList>(value->list);
    case OptionValue::Kind::String:
        return std::optional<QStringList>(value->text.isEmpty() ? QStringList() : QStringList{value->text});
    case OptionValue::Kind::Integer:
    case OptionValue::Kind::Boolean:
        break;
    }
    return R::failure(Tr::tr("TOML parameter '%1' in %2 must be a list of strings.").arg(name, value->file));
}

/// `ScriptDirectory.from_config`, reading through @p options into @p config.
Result<ProjectConfig> resolve(const OptionSource &options, ProjectConfig config)
{
    using R = Result<ProjectConfig>;
    static const QRegularExpression spaceComma(u", *| +"_s);
    static const QRegularExpression spaceCommaColon(u", *| +|:"_s);

    QString sysPathBase;
    Result<std::optional<QStringList>> sysPath =
        pathList(options, u"prepend_sys_path"_s, {u"path_separator"_s}, spaceCommaColon, &sysPathBase);
    if (!sysPath)
        return R::failure(sysPath.error());
    if (sysPath.value())
        config.prependSysPath = *sysPath.value();
    // Where `package:folder` locations are looked for: the project's own source tree.
    const QString configDir =
        !options.iniDir.isEmpty() ? options.iniDir : (options.toml ? options.toml->here : QString());
    QStringList packageRoots;
    for (const QString &entry : std::as_const(config.prependSysPath))
        packageRoots.append(
            QDir::cleanPath(QDir(sysPathBase.isEmpty() ? configDir : sysPathBase).absoluteFilePath(entry)));
    packageRoots.append(configDir);
    auto resolveLocation = [&](const QString &key, const QString &location, const QString &baseDir,
                               QString *resolved) -> QString {
        if (!isPackageResource(location)) {
            *resolved = QDir::cleanPath(QDir(baseDir).absoluteFilePath(location));
            return {};
        }
        *resolved = packageResourcePath(location, packageRoots);
        if (!resolved->isEmpty())
            return {};
        if (options.python.isEmpty())
            return packageResourceMessage(key, location, packageRoots);
        const QStringList tokens = location.split(u':');
        const Result<QString> folder = PythonEnvironment::packageFolder(options.python, packageRoots, tokens.first());
        if (!folder)
            return packageResourceMessage(key, location, packageRoots) + u' ' + folder.error() + u'.';
        *resolved = QDir::cleanPath((QStringList{folder.value()} + tokens.mid(1)).join(u'/'));
        return {};
    };

    Result<OptionValue> scriptLocation = options.value(u"script_location"_s);
    if (!scriptLocation)
        return R::failure(scriptLocation.error());
    if (scriptLocation->isAbsent()) {
        // Flask-Migrate keeps alembic.ini inside the script location and sets script_location at run time.
        if (!options.iniDir.isEmpty() && isScriptLocation(options.iniDir)) {
            config.scriptLocation = options.iniDir;
            config.scriptLocationNote =
                Tr::tr("%1 has no script_location, so its own folder (which holds env.py or versions/) is the "
                       "script location, as Flask-Migrate sets it.")
                    .arg(options.ini ? options.ini->fileName() : options.iniDir);
        } else {
            const QString read = options.iniHasSection()
                                     ? Tr::tr("Retort read [%1] of %2. ").arg(options.section, options.ini->fileName())
                                     : QString();
            return R::failure(Tr::tr("No 'script_location' key found in configuration.") + u' ' + read +
                              Tr::tr("Add script_location = %(here)s/migrations (the folder that holds env.py), or "
                                     "open that folder itself."));
        }
    }
    if (config.scriptLocation.isEmpty()) {
        if (scriptLocation->kind != OptionValue::Kind::String) {
            return R::failure(
                Tr::tr("TOML parameter '%1' in %2 must be a string.").arg(u"script_location"_s, scriptLocation->file));
        }
        /// Retort resolves a relative script_location against the config file's directory, where alembic
        /// uses the current working directory: a GUI has no meaningful CWD, and `alembic init` writes the
        /// path relative to where the ini is.
        const QString error = resolveLocation(u"script_location"_s, scriptLocation->text, scriptLocation->baseDir,
                                              &config.scriptLocation);
        if (!error.isEmpty())
            return R::failure(error);
        if (isPackageResource(scriptLocation->text)) {
            config.scriptLocationNote =
                Tr::tr("script_location %1 is the folder %2.").arg(scriptLocation->text, config.scriptLocation);
        }
    }

    Result<OptionValue> truncate = options.value(u"truncate_slug_length"_s);
    if (!truncate)
        return R::failure(truncate.error());
    if (truncate->kind == OptionValue::Kind::Integer) {
        config.truncateSlugLength = int(truncate->integer);
    } else if (truncate->kind == OptionValue::Kind::String) {
        const std::optional<qint64> length = pythonInt(truncate->text);
        if (!length) {
            return R::failure(Tr::tr("invalid literal for int() with base 10: '%1' (truncate_slug_length in %2)")
                                  .arg(truncate->text, truncate->file));
        }
        config.truncateSlugLength = int(*length);
    } else if (!truncate->isAbsent()) {
        return R::failure(
            Tr::tr("TOML parameter '%1' in %2 must be an integer.").arg(u"truncate_slug_length"_s, truncate->file));
    }

    QString versionsBase;
    Result<std::optional<QStringList>> versionLocations = pathList(
        options, u"version_locations"_s, {u"path_separator"_s, u"version_path_separator"_s}, spaceComma, &versionsBase);
    if (!versionLocations)
        return R::failure(versionLocations.error());
    if (versionLocations.value() && !versionLocations.value()->isEmpty()) {
        config.versionLocationsExplicit = true;
        for (const QString &location : *versionLocations.value()) {
            // Relative to the config file for the same reason as script_location.
            QString resolved;
            const QString error = resolveLocation(u"version_locations"_s, location, versionsBase, &resolved);
            if (!error.isEmpty())
                return R::failure(error);
            config.versionLocations.append(resolved);
        }
    } else {
        config.versionLocations = {config.scriptLocation + u"/versions"_s};
    }

    Result<bool> recursive = options.boolean(u"recursive_version_locations"_s);
    if (!recursive)
        return R::failure(recursive.error());
    config.recursiveVersionLocations = recursive.value();

    Result<bool> sourceless = options.boolean(u"sourceless"_s);
    if (!sourceless)
        return R::failure(sourceless.error());
    config.sourceless = sourceless.value();

    struct StringKey
    {
        QString name;
        QString *target;
    };
    const StringKey stringKeys[] = {
        {u"file_template"_s, &config.fileTemplate},
        {u"timezone"_s, &config.timezone},
        {u"output_encoding"_s, &config.outputEncoding},
    };
    for (const StringKey &key : stringKeys) {
        Result<std::optional<QString>> value = options.string(key.name);
        if (!value)
            return R::failure(value.error());
        if (value.value())
            *key.target = *value.value();
    }

    // Only `alembic revision` reads revision_environment, so a bad value is a warning here.
    Result<OptionValue> revisionEnvironment = options.value(u"revision_environment"_s);
    if (!revisionEnvironment) {
        config.diagnostics.append(Diagnostic{Diagnostic::Severity::Warning,
                                             u"config-revision-environment"_s,
                                             revisionEnvironment.error(),
                                             config.iniFile,
                                             0,
                                             {}});
    } else if (revisionEnvironment->kind == OptionValue::Kind::Boolean) {
        config.revisionEnvironment = revisionEnvironment->boolean;
    } else if (revisionEnvironment->kind == OptionValue::Kind::String) {
        const std::optional<bool> flag = sqlalchemyBool(revisionEnvironment->text);
        if (flag) {
            config.revisionEnvironment = *flag;
        } else {
            config.diagnostics.append(
                Diagnostic{Diagnostic::Severity::Warning,
                           u"config-revision-environment"_s,
                           Tr::tr("revision_environment = '%1' in %2 is not a boolean (true/false, yes/no, on/off, "
                                  "y/n, t/f, 1/0); `alembic revision` will fail.")
                               .arg(revisionEnvironment->text, revisionEnvironment->file),
                           revisionEnvironment->file,
                           0,
                           {}});
        }
    }

    // alembic core never reads sqlalchemy.url (env.py does), so a bad interpolation is only a warning.
    if (options.iniHasOption(u"sqlalchemy.url"_s)) {
        Result<QString> url = options.ini->value(options.section, u"sqlalchemy.url"_s);
        if (url) {
            config.sqlalchemyUrl = url.value();
        } else {
            // alembic's env.py stops here (InterpolationMissingOptionError); connecting to the raw text
            // once created a file literally named "%(nope)s.db".
            config.sqlalchemyUrlError = url.error();
            config.diagnostics.append(Diagnostic{Diagnostic::Severity::Warning,
                                                 u"config-url-interpolation"_s,
                                                 url.error(),
                                                 options.ini->fileName(),
                                                 options.ini->line(options.section, u"sqlalchemy.url"_s),
                                                 {}});
        }
    }
    return config;
}

bool hasToolAlembic(const QString &pyproject)
{
    if (!QFileInfo(pyproject).isFile())
        return false;
    Result<std::shared_ptr<TomlDocument>> doc = readPyproject(pyproject);
    return doc && doc.value()->alembic;
}

} // namespace

QString ProjectConfig::configDirectory() const
{
    const QString file = !iniFile.isEmpty() ? iniFile : tomlFile;
    return file.isEmpty() ? QString() : QFileInfo(file).absolutePath();
}

Result<ProjectConfig> loadIniConfig(const QString &iniPath, const QString &section, const QString &tomlPath,
                                    const QString &python)
{
    using R = Result<ProjectConfig>;
    ProjectConfig config;
    config.iniFile = absoluteFile(iniPath);
    config.section = section;

    OptionSource options;
    options.section = section;
    options.iniDir = absoluteDir(iniPath);
    options.python = python;
    // ConfigParser interpolates defaults too; doubling '%' keeps a directory such as "/srv/100%" usable
    // (alembic itself would fail on it).
    QString here = options.iniDir;
    here.replace(u'%', u"%%"_s);

    std::optional<IniConfig> ini;
    QString readError;
    if (QFileInfo(iniPath).isFile()) {
        Result<IniConfig> loaded = IniConfig::load(iniPath, {{u"here"_s, here}});
        if (loaded) {
            ini = loaded.value();
            config.diagnostics += ini->diagnostics();
            options.ini = &*ini;
        } else {
            readError = loaded.error();
        }
    }

    if (!tomlPath.isEmpty()) {
        if (QFileInfo(tomlPath).exists()) {
            Result<std::shared_ptr<TomlDocument>> doc = readPyproject(tomlPath);
            if (!doc)
                return R::failure(doc.error());
            options.toml = doc.value();
        } else {
            config.diagnostics.append(Diagnostic{Diagnostic::Severity::Warning,
                                                 u"config-missing-toml"_s,
                                                 Tr::tr("%1 does not exist; only %2 is read.").arg(tomlPath, iniPath),
                                                 tomlPath,
                                                 0,
                                                 {}});
        }
    } else {
        const QString nextToIni = options.iniDir + u"/pyproject.toml"_s;
        if (QFileInfo(nextToIni).isFile()) {
            Result<std::shared_ptr<TomlDocument>> doc = readPyproject(nextToIni);
            if (!doc) {
                config.diagnostics.append(
                    Diagnostic{Diagnostic::Severity::Warning, u"config-bad-toml"_s, doc.error(), nextToIni, 0, {}});
            } else if (doc.value()->alembic) {
                options.toml = doc.value();
            }
        }
    }
    if (options.toml && options.toml->alembic)
        config.tomlFile = options.toml->file;

    if (!options.iniHasSection() && config.tomlFile.isEmpty()) {
        QString message = noConfigMessage(iniPath, section);
        if (!readError.isEmpty())
            message += u" ("_s + readError + u')';
        return R::failure(message);
    }
    return resolve(options, config);
}

Result<ProjectConfig> loadTomlConfig(const QString &pyprojectPath, const QString &python)
{
    using R = Result<ProjectConfig>;
    const QString tableName = u"tool.alembic"_s;
    if (!QFileInfo(pyprojectPath).isFile())
        return R::failure(noConfigMessage(pyprojectPath, tableName));
    Result<std::shared_ptr<TomlDocument>> doc = readPyproject(pyprojectPath);
    if (!doc)
        return R::failure(doc.error());
    if (!doc.value()->alembic)
        return R::failure(noConfigMessage(pyprojectPath, tableName));

    ProjectConfig config;
    config.tomlFile = doc.value()->file;
    OptionSource options;
    options.toml = doc.value();
    options.python = python;
    return resolve(options, config);
}

ProjectConfig configForVersionsFolders(const QStringList &dirs)
{
    ProjectConfig config;
    for (const QString &dir : dirs)
        config.versionLocations.append(absoluteFile(dir));
    config.versionLocationsExplicit = true;
    return config;
}

QStringList findConfigCandidates(const QString &dir)
{
    QStringList found;
    const QDir directory(dir);
    const QString ini = directory.absoluteFilePath(u"alembic.ini"_s);
    if (QFileInfo(ini).isFile())
        found.append(QDir::cleanPath(ini));
    const QString pyproject = directory.absoluteFilePath(u"pyproject.toml"_s);
    if (hasToolAlembic(pyproject))
        found.append(QDir::cleanPath(pyproject));
    return found;
}

Result<QString> configuredDatabaseUrl(const ProjectConfig &config)
{
    if (!config.sqlalchemyUrlError.isEmpty())
        return Result<QString>::failure(
            Tr::tr("The config's sqlalchemy.url cannot be read: %1").arg(config.sqlalchemyUrlError));
    return config.sqlalchemyUrl;
}

QString describeProject(const ProjectConfig &config)
{
    QStringList parts;
    if (!config.iniFile.isEmpty())
        parts.append(Tr::tr("%1 [%2]").arg(config.iniFile, config.section));
    if (!config.tomlFile.isEmpty())
        parts.append(Tr::tr("%1 [tool.alembic]").arg(config.tomlFile));
    if (!config.scriptLocation.isEmpty())
        parts.append(Tr::tr("script location %1").arg(config.scriptLocation));
    const int existing = int(std::count_if(config.versionLocations.cbegin(), config.versionLocations.cend(),
                                           [](const QString &dir) { return QFileInfo(dir).isDir(); }));
    if (config.versionLocations.size() == 1 && existing == 1)
        parts.append(Tr::tr("versions %1").arg(config.versionLocations.first()));
    else
        parts.append(
            Tr::tr("%1 of %n version folder(s) present", nullptr, int(config.versionLocations.size())).arg(existing));
    return parts.join(u" · "_s);
}

namespace {

/// What loadProjectPath() reads for a path: the first of its rules that applies.
struct ProjectEntry
{
    enum class Kind
    {
        Ini,
        Toml,
        ScriptLocation,
        VersionsFolder
    };
    Kind kind = Kind::Ini;
    QString path; ///< the file or folder to read
    QString note; ///< how a script location was found by its layout; empty when opened directly
};

Result<ProjectEntry> findProjectEntry(const QString &path)
{
    using R = Result<ProjectEntry>;
    using Kind = ProjectEntry::Kind;
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(Tr::tr("'%1' does not exist.").arg(path));
    if (info.isFile()) {
        if (info.fileName() == u"pyproject.toml"_s || info.suffix() == u"toml"_s)
            return ProjectEntry{Kind::Toml, path, {}};
        return ProjectEntry{Kind::Ini, path, {}};
    }
    if (!info.isDir())
        return R::failure(Tr::tr("'%1' is neither a file nor a directory.").arg(path));

    const QDir dir(path);
    const QString ini = dir.absoluteFilePath(u"alembic.ini"_s);
    if (QFileInfo(ini).isFile())
        return ProjectEntry{Kind::Ini, ini, {}};
    const QString pyproject = dir.absoluteFilePath(u"pyproject.toml"_s);
    if (hasToolAlembic(pyproject))
        return ProjectEntry{Kind::Toml, pyproject, {}};
    if (isScriptLocation(dir.absolutePath()))
        return ProjectEntry{Kind::ScriptLocation, path, {}};
    // A project root without a config of its own (Flask-Migrate's migrations/, alembic init's alembic/),
    // before the *.py rule: a Flask root holds app.py.
    for (const QString &name : {u"migrations"_s, u"alembic"_s}) {
        const QString sub = dir.absoluteFilePath(name);
        if (QFileInfo(sub + u"/alembic.ini"_s).isFile())
            return ProjectEntry{Kind::Ini, sub + u"/alembic.ini"_s, {}};
        if (isScriptLocation(sub)) {
            return ProjectEntry{
                Kind::ScriptLocation, sub,
                Tr::tr("%1 has no alembic.ini or pyproject.toml, so its %2/ folder is the script location.")
                    .arg(dir.absolutePath(), name)};
        }
    }
    if (!dir.entryList({u"*.py"_s}, QDir::Files | QDir::Hidden).isEmpty())
        return ProjectEntry{Kind::VersionsFolder, path, {}};
    return R::failure(Tr::tr("'%1' is not an alembic project: it holds no alembic.ini, no pyproject.toml with a "
                             "[tool.alembic] table, no env.py or versions/ folder (a script location), no *.py "
                             "revision files (a versions folder) and no migrations/ or alembic/ folder. Open the "
                             "project's alembic.ini, or the folder that holds env.py.")
                          .arg(path));
}

ProjectConfig scriptLocationOnly(const QString &location, const QString &note)
{
    ProjectConfig config;
    config.scriptLocation = absoluteFile(location);
    config.scriptLocationNote = note;
    config.versionLocations = {config.scriptLocation + u"/versions"_s};
    return config;
}

/// Whether @p path (canonical) is @p dir or lies below it.
bool isInside(const QString &path, const QString &dir)
{
    const QString real = QFileInfo(dir).canonicalFilePath();
    return !real.isEmpty() && (path == real || path.startsWith(real + u'/'));
}

/// How surely @p config reads the revision file in @p folder (canonical): 2 when a version location
/// is that folder, 1 when the folder lies below a version location or the script location (a
/// sub-folder the config may not read), 0 when it is not the config's at all.
int claimOf(const ProjectConfig &config, const QString &folder)
{
    int claim = 0;
    for (const QString &location : config.versionLocations) {
        if (QFileInfo(location).canonicalFilePath() == folder)
            return 2;
        if (isInside(folder, location))
            claim = 1;
    }
    if (!config.scriptLocation.isEmpty() && isInside(folder, config.scriptLocation))
        claim = 1;
    return claim;
}

} // namespace

Result<ProjectConfig> loadProjectPath(const QString &path, const QString &section, const QString &python)
{
    Result<ProjectEntry> entry = findProjectEntry(path);
    if (!entry)
        return Result<ProjectConfig>::failure(entry.error());
    switch (entry->kind) {
    case ProjectEntry::Kind::Ini:
        return loadIniConfig(entry->path, section, {}, python);
    case ProjectEntry::Kind::Toml:
        return loadTomlConfig(entry->path, python);
    case ProjectEntry::Kind::ScriptLocation:
        return scriptLocationOnly(entry->path, entry->note);
    case ProjectEntry::Kind::VersionsFolder:
        break;
    }
    return configForVersionsFolders({entry->path});
}

QString ProjectConfig::openPath() const
{
    if (!iniFile.isEmpty())
        return iniFile;
    if (!tomlFile.isEmpty())
        return tomlFile;
    if (!scriptLocation.isEmpty())
        return scriptLocation;
    return versionLocations.isEmpty() ? QString() : versionLocations.constFirst();
}

QString configIniFile(const QString &path)
{
    const Result<ProjectEntry> entry = findProjectEntry(path);
    return entry && entry->kind == ProjectEntry::Kind::Ini ? absoluteFile(entry->path) : QString();
}

QStringList configSections(const QString &path)
{
    const QString iniFile = configIniFile(path);
    if (iniFile.isEmpty())
        return {};
    // Only the section names matter here, so `here` needs no value.
    const Result<IniConfig> ini = IniConfig::load(iniFile);
    if (!ini)
        return {};
    QStringList sections;
    const QString main = u"alembic"_s;
    for (const QString &section : ini->sections()) {
        // Set in the section itself: a script_location in [DEFAULT] would make [loggers] one too.
        const bool setsLocation = ini->setsOption(section, u"script_location"_s);
        if (section == main || setsLocation)
            sections.append(section);
    }
    return sections;
}

Result<ProjectConfig> findOwningProject(const QString &revisionFile)
{
    using R = Result<ProjectConfig>;
    const QFileInfo info(revisionFile);
    if (!info.isFile())
        return R::failure(Tr::tr("'%1' is not a file.").arg(revisionFile));
    const QString folder = info.canonicalPath();
    std::optional<ProjectConfig> nearestScriptLocation;
    for (QDir dir(folder);;) {
        const Result<ProjectEntry> entry = findProjectEntry(dir.absolutePath());
        if (entry) {
            QList<ProjectConfig> configs;
            if (entry->kind == ProjectEntry::Kind::Ini) {
                QStringList sections = configSections(entry->path);
                // [alembic] first: it is what opening the ini reads, so it wins a tie.
                if (sections.removeAll(u"alembic"_s) > 0 || sections.isEmpty())
                    sections.prepend(u"alembic"_s);
                for (const QString &section : std::as_const(sections)) {
                    if (Result<ProjectConfig> config = loadIniConfig(entry->path, section))
                        configs.append(config.value());
                }
            } else if (entry->kind == ProjectEntry::Kind::Toml) {
                if (Result<ProjectConfig> config = loadTomlConfig(entry->path))
                    configs.append(config.value());
            } else if (entry->kind == ProjectEntry::Kind::ScriptLocation && !nearestScriptLocation) {
                ProjectConfig config = scriptLocationOnly(entry->path, entry->note);
                if (claimOf(config, folder) > 0)
                    nearestScriptLocation = config;
            }
            // A config file above the script location usually says more about it (its
            // version_locations, its section) than the folder on its own.
            const ProjectConfig *best = nullptr;
            int bestClaim = 0;
            for (const ProjectConfig &config : std::as_const(configs)) {
                const int claim = claimOf(config, folder);
                if (claim > bestClaim) {
                    best = &config;
                    bestClaim = claim;
                }
            }
            if (best)
                return *best;
        }
        if (!dir.cdUp())
            break;
    }
    if (nearestScriptLocation)
        return *nearestScriptLocation;
    return configForVersionsFolders({info.absolutePath()});
}
