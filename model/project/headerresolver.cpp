// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/headerresolver.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"
#include "python/pythonparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(HeaderResolver)
};

/// Python follows `A = B = C` chains without limit; Retort stops at this depth (cycles included).
constexpr int MaxDepth = 16;

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace

/// What a name or expression evaluates to: strings (a str, a tuple/list of str, or None), a module,
/// or nothing known, with the reason.
struct HeaderResolver::Value
{
    enum class Kind
    {
        Unknown,
        Strings,
        Module
    };
    Kind kind = Kind::Unknown;
    QStringList strings;
    bool isSequence = false; ///< a tuple or list (or None), not a single str
    QString moduleFile;      ///< Module: its file (`__init__.py` for packages)
    QString reason;          ///< Unknown: why
    QStringList origins;     ///< where the constants came from, e.g. "cli.EXPAND_BRANCH = 'expand' (…/cli.py:8)"

    static Value unknown(const QString &why)
    {
        Value v;
        v.reason = why;
        return v;
    }
};

HeaderResolver::HeaderResolver(QStringList importRoots)
    : m_roots(std::move(importRoots))
{}

QStringList HeaderResolver::importRoots(const ProjectConfig &config)
{
    QStringList roots;
    const QString configFile = !config.iniFile.isEmpty() ? config.iniFile : config.tomlFile;
    const QString configDir = configFile.isEmpty() ? QString() : QFileInfo(configFile).absolutePath();
    auto add = [&](const QString &dir) {
        const QString clean = QDir::cleanPath(dir);
        if (!dir.isEmpty() && !roots.contains(clean) && QFileInfo(clean).isDir())
            roots.append(clean);
    };
    for (const QString &entry : config.prependSysPath)
        add(QDir(configDir.isEmpty() ? QDir::currentPath() : configDir).absoluteFilePath(entry));
    // The folder above the outermost package around the script location: the checkout root of
    // projects whose migrations live inside their package (quarry/db/migration/alembic_migrations).
    QString start = !config.scriptLocation.isEmpty()
                        ? config.scriptLocation
                        : (config.versionLocations.isEmpty() ? QString() : config.versionLocations.first());
    if (!start.isEmpty()) {
        QDir dir(start);
        bool inPackage = false;
        while (QFileInfo::exists(dir.filePath(u"__init__.py"_s)) && dir.cdUp())
            inPackage = true;
        if (inPackage)
            add(dir.absolutePath());
    }
    add(configDir);
    return roots;
}

const PyModule *HeaderResolver::moduleAt(const QString &file)
{
    auto it = m_modules.find(file);
    if (it == m_modules.end()) {
        std::shared_ptr<const PyModule> module;
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            module = std::make_shared<const PyModule>(parsePythonModule(f.readAll(), file));
        it = m_modules.insert(file, module);
    }
    return it->get();
}

QString HeaderResolver::findModuleFile(const QString &fromFile, const QString &dottedName) const
{
    QStringList bases;
    QString name = dottedName;
    if (name.startsWith(u'.')) {
        // Relative: one dot is the importing file's own package folder, each further dot goes up.
        QDir dir = QFileInfo(fromFile).absoluteDir();
        qsizetype dots = 0;
        while (dots < name.size() && name.at(dots) == u'.')
            ++dots;
        for (qsizetype i = 1; i < dots; ++i)
            dir.cdUp();
        bases.append(dir.absolutePath());
        name = name.mid(dots);
    } else {
        bases = m_roots;
    }
    const QString relative = name.isEmpty() ? QString() : name.split(u'.').join(u'/');
    for (const QString &base : std::as_const(bases)) {
        const QString path = relative.isEmpty() ? base : base + u'/' + relative;
        if (!relative.isEmpty() && QFileInfo(path + u".py"_s).isFile())
            return path + u".py"_s;
        if (QFileInfo(path + u"/__init__.py"_s).isFile())
            return path + u"/__init__.py"_s;
    }
    return {};
}

HeaderResolver::Value HeaderResolver::importedModule(const QString &fromFile, const QString &dottedName)
{
    const QString file = findModuleFile(fromFile, dottedName);
    if (file.isEmpty()) {
        return Value::unknown(Tr::tr("module %1 is not in the project's source tree (searched %2)")
                                  .arg(dottedName, m_roots.isEmpty() ? Tr::tr("no folders") : m_roots.join(u", "_s)));
    }
    Value v;
    v.kind = Value::Kind::Module;
    v.moduleFile = file;
    return v;
}

HeaderResolver::Value HeaderResolver::attribute(const Value &object, const QString &name, int depth)
{
    if (object.kind != Value::Kind::Module)
        return Value::unknown(Tr::tr("'.%1' is taken from something that is not a module").arg(name));
    const PyModule *module = moduleAt(object.moduleFile);
    if (!module)
        return Value::unknown(Tr::tr("%1 cannot be read").arg(object.moduleFile));
    if (module->assignment(name) || module->import(name) || module->namesTouchedElsewhere.contains(name))
        return lookupName(object.moduleFile, *module, name, depth + 1);
    // Not bound in the module itself: a sub-module of the package (`migration.cli`).
    if (object.moduleFile.endsWith(u"/__init__.py")) {
        const QString folder = QFileInfo(object.moduleFile).absolutePath();
        for (const QString &candidate :
             {QString(folder + u'/' + name + u".py"_s), QString(folder + u'/' + name + u"/__init__.py"_s)}) {
            if (QFileInfo(candidate).isFile()) {
                Value v;
                v.kind = Value::Kind::Module;
                v.moduleFile = candidate;
                return v;
            }
        }
    }
    if (module->hasStarImport)
        return Value::unknown(Tr::tr("%1 may come from a `*` import in %2").arg(name, object.moduleFile));
    return Value::unknown(Tr::tr("%1 defines no module-level %2").arg(object.moduleFile, name));
}

HeaderResolver::Value HeaderResolver::lookupName(const QString &moduleFile, const PyModule &module, const QString &name,
                                                 int depth)
{
    if (depth > MaxDepth)
        return Value::unknown(Tr::tr("%1 is defined through too many names").arg(name));
    if (module.namesTouchedElsewhere.contains(name))
        return Value::unknown(Tr::tr("%1 is changed by module-level code in %2, so only running it tells its value")
                                  .arg(name, moduleFile));
    const PyAssignment *assignment = module.assignment(name);
    const PyImport *import = module.import(name);
    if (import && (!assignment || import->line > assignment->line)) {
        if (import->name.isEmpty())
            return importedModule(moduleFile, import->module);
        const Value from = importedModule(moduleFile, import->module);
        if (from.kind != Value::Kind::Module)
            return from;
        return attribute(from, import->name, depth);
    }
    if (!assignment) {
        if (module.hasStarImport)
            return Value::unknown(Tr::tr("%1 may come from a `*` import in %2").arg(name, moduleFile));
        return Value::unknown(Tr::tr("%1 is not defined at module level in %2").arg(name, moduleFile));
    }
    Value v = evaluate(moduleFile, module, assignment->value, depth + 1);
    if (v.kind == Value::Kind::Strings && assignment->value.kind != PyExpr::Kind::String &&
        assignment->value.kind != PyExpr::Kind::None) {
        return v; // the names inside recorded their own origins
    }
    if (v.kind == Value::Kind::Strings) {
        const QString shown = v.isSequence ? assignment->value.source : quoted(v.strings.value(0));
        v.origins.append(Tr::tr("%1 = %2 (%3:%4)").arg(name, shown, moduleFile).arg(assignment->line));
    }
    return v;
}

HeaderResolver::Value HeaderResolver::evaluate(const QString &moduleFile, const PyModule &module, const PyExpr &expr,
                                               int depth)
{
    if (depth > MaxDepth)
        return Value::unknown(Tr::tr("%1 is defined through too many names").arg(expr.source));
    switch (expr.kind) {
    case PyExpr::Kind::None: {
        Value v;
        v.kind = Value::Kind::Strings;
        v.isSequence = true;
        return v;
    }
    case PyExpr::Kind::String: {
        Value v;
        v.kind = Value::Kind::Strings;
        v.strings = {expr.text};
        return v;
    }
    case PyExpr::Kind::Tuple:
    case PyExpr::Kind::List: {
        Value v;
        v.kind = Value::Kind::Strings;
        v.isSequence = true;
        for (const PyExpr &item : expr.items) {
            const Value element = evaluate(moduleFile, module, item, depth + 1);
            if (element.kind == Value::Kind::Unknown)
                return element;
            if (element.kind != Value::Kind::Strings || element.isSequence)
                return Value::unknown(Tr::tr("%1 is not a string").arg(item.source));
            v.strings += element.strings;
            v.origins += element.origins;
        }
        return v;
    }
    case PyExpr::Kind::Name:
        return lookupName(moduleFile, module, expr.text, depth + 1);
    case PyExpr::Kind::Attribute: {
        const Value object = evaluate(moduleFile, module, expr.items.value(0), depth + 1);
        if (object.kind == Value::Kind::Unknown)
            return object;
        Value v = attribute(object, expr.text, depth + 1);
        if (v.kind == Value::Kind::Strings && !v.origins.isEmpty()) {
            // Name the constant as the revision file wrote it: "cli.EXPAND_BRANCH = 'expand' (…)".
            const QString last = v.origins.takeLast();
            v.origins.append(expr.source + last.mid(last.indexOf(u" = "_s)));
        }
        return v;
    }
    default:
        return Value::unknown(Tr::tr("%1 is computed, not a constant").arg(expr.source));
    }
}

void HeaderResolver::resolve(RevisionScript &script)
{
    for (ComputedHeader &header : script.computedHeaders) {
        if (header.isKnown() || !script.module)
            continue;
        const PyModule &module = *script.module;
        const Value v = lookupName(script.path, module, header.name, 0);
        if (v.kind == Value::Kind::Strings) {
            header.state = ComputedHeader::State::Constant;
            header.values = v.strings;
            header.origin = v.origins.join(u"; "_s);
        } else {
            header.origin = v.kind == Value::Kind::Module ? Tr::tr("%1 is a module").arg(header.expression) : v.reason;
        }
    }
    applyComputedHeaders(script);
}
