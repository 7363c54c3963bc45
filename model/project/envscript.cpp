// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/envscript.h"

#include "project/projectconfig.h"
#include "python/pythonparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(EnvScript)
};

/// A literal, or a module-level name bound to one; nullptr otherwise.
const PyExpr *literalValue(const PyModule &module, const PyExpr &value)
{
    if (value.kind == PyExpr::Kind::Name) {
        const PyAssignment *assignment = module.assignment(value.text);
        return assignment && assignment->value.isLiteral() ? &assignment->value : nullptr;
    }
    return value.isLiteral() ? &value : nullptr;
}

/// Flask-Migrate's templates write `from flask import current_app`; `import flask` and
/// `flask.current_app` do the same.
bool importsFlaskCurrentApp(const PyModule &module, const QByteArray &source)
{
    for (const PyImport &import : module.imports) {
        if (import.module == u"flask" && import.name == u"current_app")
            return true;
        if (import.module == u"flask" && import.name.isEmpty() && import.boundAs == u"flask" &&
            source.contains("flask.current_app")) {
            return true;
        }
    }
    return false;
}

} // namespace

EnvScript EnvScript::read(const ProjectConfig &config)
{
    if (config.scriptLocation.isEmpty())
        return {};
    const QString path = QDir(config.scriptLocation).filePath(u"env.py"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        EnvScript missing;
        if (file.exists()) {
            missing.diagnostics.append({Diagnostic::Severity::Warning, u"env-unreadable"_s,
                                        Tr::tr("Cannot read env.py (%1); Retort assumes the version table "
                                               "alembic_version.")
                                            .arg(file.errorString()),
                                        path, 0, QString()});
        }
        return missing;
    }
    return parse(file.readAll(), path);
}

EnvScript EnvScript::parse(const QByteArray &source, const QString &path)
{
    EnvScript env;
    env.path = path;
    const PyModule module = parsePythonModule(source, path);
    env.usesFlaskApp = importsFlaskCurrentApp(module, source);
    for (const PyFunction &function : module.functions) {
        for (const PyExpr &call : function.calls) {
            const QString callee = call.dottedName();
            if (callee != u"context.configure" && !callee.endsWith(u".configure"_s) && callee != u"configure")
                continue;
            for (const auto &[keyword, value] : call.keywords) {
                if (keyword != u"version_table" && keyword != u"version_table_schema" && keyword != u"version_table_pk")
                    continue;
                const PyExpr *literal = literalValue(module, value);
                const bool wanted = keyword == u"version_table_pk"
                                        ? literal && literal->kind == PyExpr::Kind::Bool
                                        : literal && (literal->isString() || literal->kind == PyExpr::Kind::None);
                if (!wanted) {
                    env.diagnostics.append(
                        {Diagnostic::Severity::Warning, u"env-computed-version-table"_s,
                         Tr::tr("env.py computes %1 (%2); Retort cannot tell its value without running env.py and "
                                "uses the default. Set the version table in the environment's settings if it differs.")
                             .arg(keyword, value.source),
                         path, value.line, QString()});
                    continue;
                }
                if (keyword == u"version_table")
                    env.versionTable.table = literal->kind == PyExpr::Kind::None ? u"alembic_version"_s : literal->text;
                else if (keyword == u"version_table_schema")
                    env.versionTable.schema = literal->kind == PyExpr::Kind::None ? QString() : literal->text;
                else
                    env.versionTable.primaryKey = literal->text == u"True";
            }
        }
    }
    if (const QString invalid = env.versionTable.validationError(); !invalid.isEmpty())
        env.diagnostics.append({Diagnostic::Severity::Error, u"env-version-table-name"_s, invalid, path, 0, QString()});
    return env;
}
