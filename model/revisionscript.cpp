// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "revisionscript.h"
#include "pythonparser.h"

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

/// Reads an optional variable holding a str or a sequence of str; anything else is reported.
QStringList readStringsVariable(RevisionScript &script, const PyModule &module, const QString &name)
{
    const PyAssignment *assignment = module.assignment(name);
    if (!assignment)
        return {};
    const std::optional<QStringList> values = stringsOf(assignment->value);
    if (!values) {
        script.diagnostics.append(problem(
            script, Diagnostic::Severity::Error, u"non-literal"_s,
            Tr::tr("%1 = %2 is not a literal string or tuple of strings, so Retort cannot read it without running "
                   "Python. Write the value out literally.")
                .arg(name, assignment->value.source),
            assignment->line));
        return {};
    }
    return *values;
}

RevisionScript::Function functionOf(const PyModule &module, const QString &name)
{
    RevisionScript::Function f;
    if (const PyFunction *fn = module.function(name)) {
        f.firstLine = fn->firstLine;
        f.lastLine = fn->lastLine;
        f.calls = fn->calls;
    }
    return f;
}

} // namespace

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

    if (const PyAssignment *revision = module.assignment(u"revision"_s)) {
        script.revisionLine = revision->line;
        if (revision->value.kind == PyExpr::Kind::String && revision->value.text.isEmpty()) {
            script.diagnostics.append(problem(script, Diagnostic::Severity::Error, u"empty-revision-id"_s,
                                              Tr::tr("revision = '' is an empty revision id. Give the revision an id, "
                                                     "e.g. the one in its file name."),
                                              revision->line));
        } else if (revision->value.kind == PyExpr::Kind::String) {
            script.revision = revision->value.text;
        } else {
            script.diagnostics.append(
                problem(script, Diagnostic::Severity::Error, u"non-literal"_s,
                        Tr::tr("revision = %1 is not a literal string, so Retort cannot read the revision id. Write it "
                               "as revision = 'abc123'.")
                            .arg(revision->value.source),
                        revision->line));
        }
    } else {
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

    if (const PyAssignment *down = module.assignment(u"down_revision"_s)) {
        script.downRevisionLine = down->line;
        if (const std::optional<QStringList> downs = stringsOf(down->value)) {
            script.downRevisions = *downs;
            script.hasDownRevision = true;
        } else {
            script.diagnostics.append(problem(
                script, Diagnostic::Severity::Error, u"non-literal"_s,
                Tr::tr("down_revision = %1 is not None, a string or a tuple of strings, so Retort cannot tell this "
                       "revision's parents. Write the parent ids out literally.")
                    .arg(down->value.source),
                down->line));
        }
    } else if (!script.revision.isEmpty()) {
        script.diagnostics.append(problem(script, Diagnostic::Severity::Error, u"missing-down-revision"_s,
                                          Tr::tr("The file has no down_revision variable, which alembic requires. Add "
                                                 "down_revision = None for a base, or the parent revision id."),
                                          script.revisionLine));
    }
    script.branchLabels = readStringsVariable(script, module, u"branch_labels"_s);
    script.dependencies = readStringsVariable(script, module, u"depends_on"_s);

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
