// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#pragma once

#include "python/pythonsyntax.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

struct ProjectConfig;
struct RevisionScript;

/// Works out revision header values that are not written as literals, without running Python:
/// module-level constants of the revision file itself and of modules Retort can find in the
/// project's source tree (`from quarry.db.migration import cli` then `(cli.EXPAND_BRANCH,)`).
///
/// How it works: a name is looked up by its last module-level binding, an assignment or an import.
/// Imports are followed to module files under the import roots (`a/b.py` or `a/b/__init__.py`;
/// relative imports from the importing file's folder); attribute chains walk into modules and
/// sub-modules. Assignments are followed through names and tuples of them, a bounded number of
/// steps. A name that module-level code may change (`depends_on.append(x)`, assignments inside
/// `if`/`for`/`try`) is not trusted. Whatever cannot be worked out stays unknown with a reason.
class HeaderResolver
{
public:
    /// @p importRoots: folders that act as `sys.path` entries, in lookup order.
    explicit HeaderResolver(QStringList importRoots = {});

    /// Resolves the script's unknown header values (RevisionScript::computedHeaders) and re-applies
    /// them with their diagnostics. Cheap for scripts whose headers are all literals.
    void resolve(RevisionScript &script);

    /// The folders a project's revision files can import from: `prepend_sys_path` (relative entries
    /// against the config's folder), the folder above the outermost package that holds the script
    /// location, and the config file's folder.
    static QStringList importRoots(const ProjectConfig &config);

private:
    struct Value;
    Value lookupName(const QString &moduleFile, const PyModule &module, const QString &name, int depth);
    Value evaluate(const QString &moduleFile, const PyModule &module, const PyExpr &expr, int depth);
    Value attribute(const Value &object, const QString &name, int depth);
    Value importedModule(const QString &fromFile, const QString &dottedName);
    QString findModuleFile(const QString &fromFile, const QString &dottedName) const;
    const PyModule *moduleAt(const QString &file);

    QStringList m_roots;
    QHash<QString, std::shared_ptr<const PyModule>> m_modules; ///< parsed modules by file; null when unreadable
};
