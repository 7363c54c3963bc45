// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/revisionscript.h"
#include "project/headerresolver.h"
#include "python/pythonparser.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionScript)
};

Diagnostic problem(RevisionScript &script, Diagnostic::Severity severity, const QString &code, const QString &message,
                   int line)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    d.file = script.path;
    d.line = line;
    d.revision = script.revision;
    return d;
}

/// Alembic's util.to_tuple on a literal: None, '' and () are empty; a str is one item.
std::optional<QStringList> stringsOf(const PyExpr &value)
{
    switch (value.kind) {
    case PyExpr::Kind::None:
        return QStringList();
    case PyExpr::Kind::String:
        return value.text.isEmpty() ? QStringList() : QStringList{value.text};
    case PyExpr::Kind::Tuple:
    case PyExpr::Kind::List: {
        QStringList out;
        for (const PyExpr &item : value.items) {
            if (item.kind != PyExpr::Kind::String)
                return std::nullopt;
            out.append(item.text);
        }
        return out;
    }
    default:
        return std::nullopt;
    }
}

QString normalizedNewlines(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

RevisionScript::Function functionOf(const PyModule &module, const QString &name)
{
    RevisionScript::Function f;
    if (const PyFunction *fn = module.function(name)) {
        f.firstLine = fn->firstLine;
        f.lastLine = fn->lastLine;
        f.calls = fn->calls;
        f.statements = fn->statements;
        f.exists = true;
        f.bodyStatements = fn->bodyStatements;
        f.alwaysRaises = fn->alwaysRaises;
    }
    return f;
}

} // namespace

const ComputedHeader *RevisionScript::computedHeader(const QString &name) const
{
    for (const ComputedHeader &header : computedHeaders) {
        if (header.name == name)
            return &header;
    }
    return nullptr;
}

bool RevisionScript::branchLabelsKnown() const
{
    const ComputedHeader *header = computedHeader(u"branch_labels"_s);
    return !header || header->isKnown();
}

bool RevisionScript::dependenciesKnown() const
{
    const ComputedHeader *header = computedHeader(u"depends_on"_s);
    return !header || header->isKnown();
}

void applyComputedHeaders(RevisionScript &script)
{
    static const QStringList ownCodes = {u"unresolved-header"_s,   u"empty-revision-id"_s,
                                         u"illegal-revision-id"_s, u"reserved-revision-id"_s,
                                         u"missing-revision-id"_s, u"missing-down-revision"_s};
    script.diagnostics.removeIf([](const Diagnostic &d) { return ownCodes.contains(d.code); });
    // The parsed file is kept only while something is left to work out.
    if (std::all_of(script.computedHeaders.cbegin(), script.computedHeaders.cend(),
                    [](const ComputedHeader &header) { return header.isKnown(); }))
        script.module.reset();
    bool revisionKnown = true;
    for (const ComputedHeader &header : std::as_const(script.computedHeaders)) {
        const bool isRevision = header.name == u"revision";
        const bool isDown = header.name == u"down_revision";
        if (!header.isKnown()) {
            QString message;
            if (isRevision) {
                revisionKnown = false;
                script.revision.clear();
                message = Tr::tr("revision = %1 is not a literal string and Retort could not work it out (%2). "
                                 "Write the id as revision = 'abc123'.")
                              .arg(header.expression, header.origin);
            } else if (isDown) {
                script.downRevisions.clear();
                script.hasDownRevision = false;
                message = Tr::tr("down_revision = %1 is not a literal and Retort could not work it out (%2), so it "
                                 "cannot tell this revision's parents. Write the parent ids out literally.")
                              .arg(header.expression, header.origin);
            } else {
                message = Tr::tr("%1 = %2 is not a literal and Retort could not work it out (%3). The revision is "
                                 "shown without it, and anything that needs it is refused; write the value out "
                                 "literally, or let the project's Python evaluate it (Evaluate with Python in the "
                                 "window, --evaluate in retort-cli).")
                              .arg(header.name, header.expression, header.origin);
            }
            script.diagnostics.append(
                problem(script, isRevision || isDown ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                        u"unresolved-header"_s, message, header.line));
            continue;
        }
        if (isRevision) {
            if (header.values.size() == 1) {
                script.revision = header.values.first();
            } else {
                revisionKnown = false;
                script.diagnostics.append(
                    problem(script, Diagnostic::Severity::Error, u"unresolved-header"_s,
                            Tr::tr("revision = %1 is not a single string. Write the id as revision = 'abc123'.")
                                .arg(header.expression),
                            header.line));
            }
        } else if (isDown) {
            script.downRevisions = header.values;
            script.hasDownRevision = true;
        } else if (header.name == u"branch_labels") {
            script.branchLabels = header.values;
        } else {
            script.dependencies = header.values;
        }
    }

    if (script.revisionLine > 0 && revisionKnown && script.revision.isEmpty() &&
        !script.computedHeader(u"revision"_s)) {
        script.diagnostics.append(problem(script, Diagnostic::Severity::Error, u"empty-revision-id"_s,
                                          Tr::tr("revision = '' is an empty revision id. Give the revision an id, "
                                                 "e.g. the one in its file name."),
                                          script.revisionLine));
    } else if (script.revisionLine == 0) {
        static const QRegularExpression legacyName(u"\\A([a-f0-9]+)\\.py\\z"_s);
        const QRegularExpressionMatch legacy = legacyName.match(script.fileName);
        if (legacy.hasMatch()) {
            script.revision = legacy.captured(1);
            script.revisionFromFileName = true;
        } else {
            script.diagnostics.append(problem(
                script, Diagnostic::Severity::Error, u"missing-revision-id"_s,
                Tr::tr("Could not determine revision id from filename %1. Be sure the 'revision' variable is declared "
                       "inside the script.")
                    .arg(script.fileName),
                1));
        }
    }
    static const QStringList reserved = {u"base"_s, u"head"_s, u"heads"_s};
    if (reserved.contains(script.revision)) {
        // Identifier resolution reads these words as symbols, so alembic misreads such a revision.
        script.diagnostics.append(
            problem(script, Diagnostic::Severity::Error, u"reserved-revision-id"_s,
                    Tr::tr("'%1' is a word alembic reserves for identifiers (base, head, heads), so it cannot be a "
                           "revision id. Give the revision another id, e.g. the one in its file name.")
                        .arg(script.revision),
                    script.revisionLine));
        script.revision.clear();
    }
    if (!script.revision.isEmpty()) {
        const QString illegal = illegalRevisionCharacters(script.revision);
        if (!illegal.isEmpty()) {
            script.diagnostics.append(problem(
                script, Diagnostic::Severity::Error, u"illegal-revision-id"_s,
                Tr::tr("Character(s) '%1' not allowed in revision identifier '%2'. Choose an id made of letters, "
                       "digits and underscores.")
                    .arg(illegal, script.revision),
                script.revisionLine));
            script.revision.clear();
        }
    }
    if (script.downRevisionLine == 0 && !script.revision.isEmpty()) {
        script.diagnostics.append(problem(script, Diagnostic::Severity::Error, u"missing-down-revision"_s,
                                          Tr::tr("The file has no down_revision variable, which alembic requires. Add "
                                                 "down_revision = None for a base, or the parent revision id."),
                                          script.revisionLine));
    }
}

QString illegalRevisionCharacters(const QString &id)
{
    QStringList found;
    for (const QChar c : {u'+', u'-', u':', u'@'}) {
        if (id.contains(c))
            found.append(QString(c));
    }
    return found.join(u", "_s);
}

RevisionScript readRevisionScript(const QString &path, const QByteArray &contents)
{
    RevisionScript script;
    script.path = path;
    script.fileName = QFileInfo(path).fileName();

    const PyModule module = parsePythonModule(contents, path);
    script.diagnostics = module.diagnostics;
    for (Diagnostic &d : script.diagnostics) {
        if (d.code != u"syntax-error" && d.code != u"non-utf8")
            continue;
        if (!d.message.endsWith(u'.'))
            d.message += u'.';
        d.message += u' ' + Tr::tr("Alembic cannot import this file until that is fixed.");
    }

    if (contents.trimmed().isEmpty()) {
        script.diagnostics.append(problem(script, Diagnostic::Severity::Error, u"empty-file"_s,
                                          Tr::tr("The file is empty, so it declares no revision. Delete it or write "
                                                 "the revision header into it."),
                                          0));
        return script;
    }

    // Each header variable is a literal (read here), computed (worked out by HeaderResolver, here
    // from the file itself, later by the project from its source tree) or absent.
    const QString headerNames[] = {u"revision"_s, u"down_revision"_s, u"branch_labels"_s, u"depends_on"_s};
    for (const QString &name : headerNames) {
        const PyAssignment *assignment = module.assignment(name);
        const PyImport *import = module.import(name);
        const int touched = module.namesTouchedElsewhere.value(name, 0);
        // Bound only inside a block (`try: down_revision = 'a'`): computed, not absent.
        const int line = std::max(
            {assignment ? assignment->line : 0, import ? import->line : 0, assignment || import ? 0 : touched});
        if (name == u"revision")
            script.revisionLine = line;
        else if (name == u"down_revision")
            script.downRevisionLine = line;
        if (line == 0)
            continue;
        const bool literal = assignment && assignment->line == line && !module.namesTouchedElsewhere.contains(name);
        if (literal) {
            const PyExpr &value = assignment->value;
            if (name == u"revision" && value.kind == PyExpr::Kind::String) {
                script.revision = value.text;
                continue;
            }
            if (name != u"revision") {
                if (const std::optional<QStringList> values = stringsOf(value)) {
                    if (name == u"down_revision") {
                        script.downRevisions = *values;
                        script.hasDownRevision = true;
                    } else if (name == u"branch_labels") {
                        script.branchLabels = *values;
                    } else {
                        script.dependencies = *values;
                    }
                    continue;
                }
            }
        }
        ComputedHeader header;
        header.name = name;
        header.line = line;
        header.expression =
            !assignment && !import ? Tr::tr("(set by module-level code)")
            : assignment && assignment->line == line
                ? assignment->value.source
                : (import->name.isEmpty() ? QString(u"import "_s + import->module)
                                          : QString(u"from "_s + import->module + u" import "_s + import->name));
        script.computedHeaders.append(header);
    }
    if (!script.computedHeaders.isEmpty()) {
        script.module = std::make_shared<const PyModule>(module);
        HeaderResolver().resolve(script); // constants of the file itself; the project looks further
    } else {
        applyComputedHeaders(script);
    }

    script.longDoc = normalizedNewlines(module.docstring).trimmed();
    script.doc = script.longDoc.section(u"\n\n"_s, 0, 0);
    for (const QString &line : script.longDoc.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"Revises:"))
            script.revises = trimmed.mid(8).trimmed();
        else if (trimmed.startsWith(u"Create Date:"))
            script.createDate = trimmed.mid(12).trimmed();
    }
    script.upgrade = functionOf(module, u"upgrade"_s);
    script.downgrade = functionOf(module, u"downgrade"_s);

    // The default file template starts names with the 12-hex-digit id; a copied file often keeps
    // the old name while its revision was changed, or the other way round.
    static const QRegularExpression generatedPrefix(u"\\A([0-9a-f]{12})_"_s);
    const QRegularExpressionMatch prefix = generatedPrefix.match(script.fileName);
    if (prefix.hasMatch() && !script.revision.isEmpty() && prefix.captured(1) != script.revision) {
        script.diagnostics.append(
            problem(script, Diagnostic::Severity::Warning, u"file-name-mismatch"_s,
                    Tr::tr("The file name starts with %1 but the file declares revision %2. Rename the file or check "
                           "that it was not copied without updating its header.")
                        .arg(prefix.captured(1), script.revision),
                    script.revisionLine));
    }
    return script;
}
