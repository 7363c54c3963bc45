// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "python/headerevaluator.h"
#include "evaluateheaders.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(HeaderEvaluator)
};

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

/// Takes one answer line of evaluate_headers.py for @p script.
void apply(RevisionScript &script, const QJsonObject &answer, const QString &evaluatedBy, HeaderEvaluator::Outcome &out)
{
    if (!answer.value(u"ok"_s).toBool()) {
        ++out.failed;
        for (ComputedHeader &header : script.computedHeaders) {
            if (!header.isKnown()) {
                header.origin +=
                    u"; "_s +
                    Tr::tr("%1 could not load the file: %2").arg(out.interpreter, answer.value(u"error"_s).toString());
            }
        }
        applyComputedHeaders(script);
        return;
    }
    ++out.evaluated;
    for (ComputedHeader &header : script.computedHeaders) {
        if (header.isKnown() || !answer.contains(header.name))
            continue;
        const QJsonValue value = answer.value(header.name);
        header.values = value.isString() ? QStringList{value.toString()} : stringsOf(value);
        header.state = ComputedHeader::State::Evaluated;
        header.origin = evaluatedBy;
    }
    applyComputedHeaders(script);
}

} // namespace

HeaderEvaluator::Outcome HeaderEvaluator::evaluate(const QString &python, const QStringList &sysPath,
                                                   QList<RevisionScript> &scripts, int timeoutPerFileMs)
{
    Outcome out;
    out.interpreter = python;
    QHash<QString, int> byPath;
    QStringList pending;
    for (int i = 0; i < scripts.size(); ++i) {
        const RevisionScript &script = scripts.at(i);
        if (!script.module)
            continue;
        byPath.insert(script.path, i);
        pending.append(script.path);
    }
    while (!pending.isEmpty()) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
        environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        if (!sysPath.isEmpty())
            process.setWorkingDirectory(sysPath.first());
        process.start(python, {u"-c"_s, QString::fromUtf8(EvaluateHeadersPy)});
        if (!process.waitForStarted(10000)) {
            out.problem = Tr::tr("%1 cannot be started (%2). Choose the project's Python interpreter.")
                              .arg(python, process.errorString());
            return out;
        }
        process.write(QJsonDocument(QJsonObject{{u"sys_path"_s, QJsonArray::fromStringList(sysPath)},
                                                {u"files"_s, QJsonArray::fromStringList(pending)}})
                          .toJson(QJsonDocument::Compact));
        process.closeWriteChannel();

        QString evaluatedBy;
        QString started;
        QDeadlineTimer deadline(timeoutPerFileMs);
        bool finished = false;
        while (!finished) {
            if (!process.canReadLine()) {
                if (process.state() == QProcess::NotRunning) {
                    finished = true;
                } else if (!process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
                    if (process.state() != QProcess::NotRunning && deadline.hasExpired())
                        break; // the file that was started last hangs
                }
                if (!process.canReadLine())
                    continue;
            }
            const QJsonObject line = QJsonDocument::fromJson(process.readLine()).object();
            if (line.contains(u"no_alembic"_s)) {
                out.problem = Tr::tr("%1 cannot import alembic (%2). Install alembic in the project's environment, "
                                     "or choose the interpreter that has it.")
                                  .arg(python, line.value(u"no_alembic"_s).toString());
                process.waitForFinished(5000);
                return out;
            }
            if (line.contains(u"alembic"_s)) {
                out.alembicVersion = line.value(u"alembic"_s).toString();
                evaluatedBy = Tr::tr("evaluated by %1 (Python %2, alembic %3)")
                                  .arg(python, line.value(u"python"_s).toString(), out.alembicVersion);
                continue;
            }
            if (line.contains(u"start"_s)) {
                started = line.value(u"start"_s).toString();
                deadline.setRemainingTime(timeoutPerFileMs);
                continue;
            }
            const QString file = line.value(u"file"_s).toString();
            if (!byPath.contains(file))
                continue;
            apply(scripts[byPath.value(file)], line, evaluatedBy, out);
            pending.removeOne(file);
            started.clear();
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
        if (out.alembicVersion.isEmpty()) {
            const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
            out.problem = Tr::tr("%1 stopped before it could evaluate anything: %2")
                              .arg(python, errors.isEmpty() ? Tr::tr("no output") : errors.section(u'\n', -1));
            return out;
        }
        if (started.isEmpty()) {
            // Everything answered, or the process died between files: those left are not retried.
            for (const QString &file : std::as_const(pending)) {
                apply(scripts[byPath.value(file)],
                      QJsonObject{{u"ok"_s, false}, {u"error"_s, Tr::tr("the interpreter stopped before this file")}},
                      evaluatedBy, out);
            }
            break;
        }
        apply(scripts[byPath.value(started)],
              QJsonObject{{u"ok"_s, false},
                          {u"error"_s, Tr::tr("loading it did not finish within %n second(s)", nullptr,
                                              qMax(1, timeoutPerFileMs / 1000))}},
              evaluatedBy, out);
        pending.removeOne(started);
    }
    return out;
}
