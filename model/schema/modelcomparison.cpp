// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "schema/modelcomparison.h"

#include "comparemodels.h"
#include "python/pythonenvironment.h"
#include "runner/alembicinvocation.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcModelComparison, "retort.schema.models", QtWarningMsg)

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(ModelComparison)
};

using Change = SchemaDifference::Change;
using Severity = SchemaDifference::Severity;
using Status = ModelComparison::Status;

/// The helper's exit code after a JSON error object (its REPORTED).
constexpr int Reported = 3;

QString stringOf(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

QString qualified(const QJsonObject &record, const QString &schemaKey, const QString &tableKey)
{
    const QString schema = stringOf(record.value(schemaKey));
    const QString table = stringOf(record.value(tableKey));
    return schema.isEmpty() ? table : schema + u'.' + table;
}

QString parenthesized(const QStringList &items)
{
    return u'(' + items.join(u", "_s) + u')';
}

QString nullableText(const QJsonValue &nullable)
{
    return nullable.toBool(true) ? u"NULL"_s : u"NOT NULL"_s;
}

/// As SchemaDiff renders a column: `VARCHAR(50) NOT NULL DEFAULT 'x'`.
QString columnText(const QJsonObject &column)
{
    QString text = stringOf(column.value(u"type"_s));
    if (!column.value(u"nullable"_s).toBool(true))
        text += u" NOT NULL"_s;
    if (const QString value = stringOf(column.value(u"default"_s)); !value.isEmpty())
        text += u" DEFAULT "_s + value;
    return text;
}

QString indexText(const QJsonObject &index)
{
    QString text = (index.value(u"unique"_s).toBool() ? u"UNIQUE "_s : QString()) +
                   parenthesized(stringsOf(index.value(u"columns"_s)));
    if (const QString where = stringOf(index.value(u"where"_s)); !where.isEmpty())
        text += u" WHERE "_s + where;
    return text;
}

QString foreignKeyText(const QJsonObject &fk)
{
    QString text = parenthesized(stringsOf(fk.value(u"columns"_s))) + u" REFERENCES "_s +
                   qualified(fk, u"referred_schema"_s, u"referred_table"_s) + u' ' +
                   parenthesized(stringsOf(fk.value(u"referred_columns"_s)));
    if (const QString action = stringOf(fk.value(u"ondelete"_s)).toUpper(); !action.isEmpty())
        text += u" ON DELETE "_s + action;
    if (const QString action = stringOf(fk.value(u"onupdate"_s)).toUpper(); !action.isEmpty())
        text += u" ON UPDATE "_s + action;
    return text;
}

/// An add_/remove_ of an index or constraint: its kind, severity and rendered content.
SchemaDifference constraintDifference(const QJsonObject &record, Change change)
{
    QString kind;
    QString content;
    const QString constraint = stringOf(record.value(u"constraint"_s));
    const QString op = stringOf(record.value(u"op"_s));
    if (op.endsWith(u"_index"_s)) {
        kind = u"index"_s;
        content = indexText(record);
    } else if (constraint == u"foreign_key" || op.endsWith(u"_fk"_s)) {
        kind = u"foreign_key"_s;
        content = foreignKeyText(record);
    } else if (constraint == u"check") {
        kind = u"check"_s;
        content = u"CHECK ("_s + stringOf(record.value(u"condition"_s)) + u')';
    } else if (constraint == u"unique") {
        kind = u"unique"_s;
        content = parenthesized(stringsOf(record.value(u"columns"_s)));
    } else {
        kind = constraint.isEmpty() ? u"constraint"_s : constraint;
        content = parenthesized(stringsOf(record.value(u"columns"_s)));
    }
    const QString name = stringOf(record.value(u"name"_s));
    SchemaDifference d{change,
                       Severity::Warning,
                       qualified(record, u"schema"_s, u"table"_s),
                       kind,
                       name.isEmpty() ? content : name,
                       {},
                       {},
                       {}};
    (change == Change::Missing ? d.expected : d.actual) = content;
    return d;
}

/// One compare_metadata() tuple, as the helper wrote it, as a SchemaDifference.
SchemaDifference differenceFrom(const QJsonObject &record)
{
    const QString op = stringOf(record.value(u"op"_s));
    const QString table = qualified(record, u"schema"_s, u"table"_s);
    const Change change = op.startsWith(u"add_"_s)      ? Change::Missing
                          : op.startsWith(u"remove_"_s) ? Change::Unexpected
                                                        : Change::Changed;
    if (op == u"add_table" || op == u"remove_table")
        return {change, Severity::Error, table, u"table"_s, {}, {}, {}, {}};
    if (op == u"add_column" || op == u"remove_column") {
        const QJsonObject column = record.value(u"column"_s).toObject();
        const QString text = columnText(column);
        return {change,
                Severity::Error,
                table,
                u"column"_s,
                stringOf(column.value(u"name"_s)),
                {},
                change == Change::Missing ? text : QString(),
                change == Change::Unexpected ? text : QString()};
    }
    if (op.startsWith(u"modify_"_s) && record.contains(u"column"_s)) {
        const QString column = stringOf(record.value(u"column"_s));
        const QJsonValue models = record.value(u"new"_s);
        const QJsonValue database = record.value(u"existing"_s);
        if (op == u"modify_type")
            return {change,           Severity::Error,   table, u"column"_s, column, u"type"_s,
                    stringOf(models), stringOf(database)};
        if (op == u"modify_nullable")
            return {change,
                    Severity::Warning,
                    table,
                    u"column"_s,
                    column,
                    u"nullable"_s,
                    nullableText(models),
                    nullableText(database)};
        if (op == u"modify_default")
            return {change,           Severity::Info,    table, u"column"_s, column, u"default"_s,
                    stringOf(models), stringOf(database)};
        return {change, Severity::Info, table, u"column"_s, column, op.mid(7), stringOf(models), stringOf(database)};
    }
    if (op == u"add_table_comment" || op == u"remove_table_comment")
        return {Change::Changed,
                Severity::Info,
                table,
                u"table"_s,
                {},
                u"comment"_s,
                stringOf(record.value(u"new"_s)),
                stringOf(record.value(u"existing"_s))};
    if (op.endsWith(u"_index"_s) || op.endsWith(u"_constraint"_s) || op.endsWith(u"_fk"_s))
        return constraintDifference(record, change);
    // A comparator of a plugin (alembic_utils…): shown as alembic names it.
    const qsizetype underscore = op.indexOf(u'_');
    const QString kind = change == Change::Changed || underscore < 0 ? op : op.mid(underscore + 1);
    const QString text = stringOf(record.value(u"text"_s));
    return {change,
            Severity::Warning,
            table,
            kind,
            text,
            {},
            change == Change::Missing ? text : QString(),
            change == Change::Unexpected ? text : QString()};
}

int kindRank(const QString &kind)
{
    static const QStringList order{u"table"_s, u"column"_s,      u"primary_key"_s, u"index"_s, u"unique"_s,
                                   u"check"_s, u"foreign_key"_s, u"enum"_s,        u"view"_s};
    const qsizetype rank = order.indexOf(kind);
    return int(rank < 0 ? order.size() : rank);
}

QString lastLine(const QString &text)
{
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        if (!line->trimmed().isEmpty())
            return line->trimmed();
    }
    return {};
}

QString rowsText(const QStringList &rows)
{
    return rows.isEmpty() ? Tr::tr("(none)") : rows.join(u", "_s);
}

/// The translated sentence for an error the helper reported.
void explain(ModelComparison &result, const QString &kind, const QString &message)
{
    const QString where = result.file.isEmpty() ? Tr::tr("env.py") : QDir::toNativeSeparators(result.file);
    if (kind == u"not_up_to_date") {
        result.status = Status::NotUpToDate;
        result.error = Tr::tr("Target database is not up to date: it is at %1 and the migrations' heads are %2. The "
                              "models can only be compared with a database at the heads (as alembic check and "
                              "revision --autogenerate do): upgrade it first, or compare it with the migrations at "
                              "its stamped revisions instead.")
                           .arg(rowsText(result.currentRows), rowsText(result.heads));
    } else if (kind == u"no_metadata") {
        result.status = Status::NoMetadata;
        result.error = Tr::tr("%1 sets target_metadata to None, so there are no models to compare with: set it to "
                              "the models' MetaData (e.g. `from myapp.models import Base` and `target_metadata = "
                              "Base.metadata`), as alembic revision --autogenerate needs too.")
                           .arg(where);
    } else if (kind == u"env_failed") {
        result.status = Status::EnvFailed;
        const QString exception = result.detail.isEmpty() ? message : result.detail;
        if (exception.startsWith(u"ModuleNotFoundError"_s) || exception.startsWith(u"ImportError"_s)) {
            result.error = Tr::tr("env.py could not import what it needs: %1 (at %2). Install the package for %3, "
                                  "or choose the project's own interpreter (e.g. its virtual environment).")
                               .arg(exception, where, result.python);
        } else {
            result.error = Tr::tr("env.py failed before the models could be compared: %1 (at %2). Fix it, then try "
                                  "again.")
                               .arg(exception, where);
        }
    } else if (kind == u"config") {
        result.status = Status::ConfigFailed;
        result.error = Tr::tr("alembic could not read the project (%1): %2").arg(where, message);
    } else if (kind == u"flask") {
        result.status = Status::FlaskFailed;
        result.error = message;
    } else {
        result.status = Status::Failed;
        result.error = Tr::tr("Comparing with the models failed: %1").arg(message);
    }
}

} // namespace

int ModelComparison::distance() const
{
    return schemaDistance(differences);
}

QList<SchemaDifference> ModelComparison::differencesFrom(const QJsonArray &records)
{
    QList<SchemaDifference> list;
    for (const QJsonValue &record : records)
        list.append(differenceFrom(record.toObject()));
    // Grouped as SchemaDiff groups: by table, schema-level ones last; kinds in its order, alembic's inside.
    std::stable_sort(list.begin(), list.end(), [](const SchemaDifference &x, const SchemaDifference &y) {
        const auto key = [](const SchemaDifference &d) {
            return std::tuple(d.table.isEmpty(), d.table, kindRank(d.objectKind));
        };
        return key(x) < key(y);
    });
    return list;
}

QStringList ModelComparison::arguments(const AlembicInvocation &invocation)
{
    QStringList arguments{u"-c"_s, QString::fromUtf8(CompareModelsPy), u"-c"_s, invocation.configFile};
    if (!invocation.section.isEmpty())
        arguments << u"-n"_s << invocation.section;
    for (const QString &x : invocation.xArguments)
        arguments << u"-x"_s << x;
    return arguments;
}

ModelComparison ModelComparison::runChecked(AlembicInvocation invocation, int timeoutMs,
                                            const QProcessEnvironment &base)
{
    ModelComparison result;
    result.python = invocation.python;
    if (const QString problem = invocation.startProblem(base); !problem.isEmpty()) {
        result.status = Status::FlaskFailed;
        result.error = problem;
        return result;
    }
    const Result<PythonEnvironment::AlembicProbe> probe = PythonEnvironment::probeAlembic(invocation.python);
    if (!probe) {
        result.status = Status::NotStarted;
        result.error = probe.error();
        return result;
    }
    invocation.python = probe->python;
    return run(invocation, timeoutMs, base);
}

ModelComparison ModelComparison::fromOutput(const QByteArray &output, int exitCode, const QString &log,
                                            const QString &python)
{
    ModelComparison result;
    result.python = python;
    result.log = log;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output.trimmed(), &parseError);
    const QJsonObject object = document.object();
    const QString status = stringOf(object.value(u"status"_s));
    if (parseError.error != QJsonParseError::NoError || status.isEmpty()) {
        result.status = Status::Failed;
        const QString reason = lastLine(log);
        result.error = reason.isEmpty() ? Tr::tr("%1 gave no comparison (exit code %2).").arg(python).arg(exitCode)
                                        : Tr::tr("Comparing with the models failed in %1: %2").arg(python, reason);
        return result;
    }
    if (const QString executable = stringOf(object.value(u"python"_s)); !executable.isEmpty())
        result.python = executable;
    result.alembicVersion = stringOf(object.value(u"alembic"_s));
    result.sqlalchemyVersion = stringOf(object.value(u"sqlalchemy"_s));
    result.currentRows = stringsOf(object.value(u"current"_s));
    result.heads = stringsOf(object.value(u"heads"_s));
    if (status == u"ok" && exitCode == 0) {
        result.status = Status::Compared;
        result.differences = differencesFrom(object.value(u"differences"_s).toArray());
        return result;
    }
    result.file = stringOf(object.value(u"file"_s));
    result.detail = stringOf(object.value(u"exception"_s));
    explain(result, exitCode == Reported ? stringOf(object.value(u"kind"_s)) : QString(),
            stringOf(object.value(u"message"_s)));
    return result;
}

ModelComparison ModelComparison::run(const AlembicInvocation &invocation, int timeoutMs,
                                     const QProcessEnvironment &base)
{
    const QStringList secrets = invocation.secrets();
    QProcess process;
    QProcessEnvironment environment = invocation.environment(base);
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s); // no __pycache__ in the user's project
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(invocation.workingDirectory());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(invocation.python, arguments(invocation));
    const QDeadlineTimer deadline(timeoutMs);
    ModelComparison result;
    result.python = invocation.python;
    if (!process.waitForStarted(int(qMax<qint64>(1, deadline.remainingTime())))) {
        result.status = Status::NotStarted;
        result.error = Tr::tr("%1 cannot be started (%2).").arg(invocation.python, process.errorString());
        return result;
    }
    if (!process.waitForFinished(int(qMax<qint64>(1, deadline.remainingTime())))) {
        process.kill();
        process.waitForFinished(5000);
        result.status = Status::Failed;
        result.log = maskSecrets(QString::fromUtf8(process.readAllStandardError()), secrets);
        result.error = Tr::tr("Comparing with the models took longer than %n second(s) and was stopped; env.py or "
                              "the database may be waiting for something (a lock, a network connection).",
                              nullptr, timeoutMs / 1000);
        return result;
    }
    const QString log = maskSecrets(QString::fromUtf8(process.readAllStandardError()), secrets);
    qCDebug(lcModelComparison).noquote() << "compare_models ended with" << process.exitCode() << log;
    if (process.exitStatus() != QProcess::NormalExit) {
        result.status = Status::Failed;
        result.log = log;
        result.error = Tr::tr("%1 crashed while comparing with the models.").arg(invocation.python);
        return result;
    }
    result = fromOutput(process.readAllStandardOutput(), process.exitCode(), log, invocation.python);
    result.error = maskSecrets(result.error, secrets);
    result.detail = maskSecrets(result.detail, secrets);
    return result;
}
