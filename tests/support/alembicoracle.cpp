// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "alembicoracle.h"

#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "project/project.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue idsOrNull(const RevisionMap &map, const QList<int> &indexes)
{
    QJsonArray out;
    for (int i : indexes)
        out.append(i == RevisionMap::NoRevision ? QJsonValue() : QJsonValue(map.ids({i}).value(0)));
    return out;
}

QJsonObject failure(const QString &message)
{
    return {{u"ok"_s, false}, {u"error"_s, message}};
}

QJsonObject planAnswer(const Result<MigrationPlan> &plan)
{
    if (!plan)
        return failure(plan.error());
    QJsonArray steps;
    for (const MigrationStep &step : plan->steps) {
        QJsonArray ops; // as the oracle writes them
        for (const VersionTableOp &op : step.ops) {
            switch (op.kind) {
            case VersionTableOp::Kind::Insert:
                ops.append(QString(u"INSERT "_s + op.to));
                break;
            case VersionTableOp::Kind::Delete:
                ops.append(QString(u"DELETE "_s + op.from));
                break;
            case VersionTableOp::Kind::Update:
                ops.append(u"UPDATE %1 -> %2"_s.arg(op.from, op.to));
                break;
            }
        }
        QJsonObject json{{u"kind"_s, step.isStamp ? u"stamp"_s : u"revision"_s},
                         {u"direction"_s, step.isUpgrade ? u"up"_s : u"down"_s},
                         {u"revision"_s, step.isStamp ? QJsonValue() : QJsonValue(step.revision)},
                         {u"from"_s, toArray(step.from)},
                         {u"to"_s, toArray(step.to)},
                         {u"ops"_s, ops},
                         {u"rows_after"_s, toArray(step.rowsAfter)}};
        if (step.isStamp)
            json[u"branch_move"_s] = step.branchMove;
        steps.append(json);
    }
    QJsonArray log;
    for (const MigrationStep &step : plan->steps)
        log.append(QString(u"Running "_s + step.logText()));
    QJsonObject answer{
        {u"ok"_s, true},
        {u"result"_s, QJsonObject{{u"steps"_s, steps}, {u"log"_s, log}, {u"rows"_s, toArray(plan->rows)}}}};
    if (!plan->warnings.isEmpty())
        answer[u"warnings"_s] = toArray(plan->warnings);
    return answer;
}

/// A step's version-table writes with what follows Python's set order taken out: which row of a
/// merge is updated and which deleted, and in what order. Kept: how many writes of each kind, and
/// which rows go and which come.
QJsonObject canonicalOps(const QJsonArray &ops)
{
    QStringList kinds, gone, come;
    for (const QJsonValue &value : ops) {
        const QString op = value.toString();
        const QString kind = op.section(u' ', 0, 0);
        kinds.append(kind);
        if (kind == u"INSERT")
            come.append(op.section(u' ', 1));
        else if (kind == u"DELETE")
            gone.append(op.section(u' ', 1));
        else {
            gone.append(op.section(u' ', 1, 1));
            come.append(op.section(u' ', 3));
        }
    }
    kinds.sort();
    gone.sort();
    come.sort();
    return {{u"kinds"_s, toArray(kinds)}, {u"gone"_s, toArray(gone)}, {u"come"_s, toArray(come)}};
}

QJsonValue canonicalSteps(const QJsonValue &result)
{
    QJsonObject object = result.toObject();
    QJsonArray steps;
    for (const QJsonValue &value : object.value(u"steps"_s).toArray()) {
        QJsonObject step = value.toObject();
        step[u"ops"_s] = canonicalOps(step.value(u"ops"_s).toArray());
        steps.append(step);
    }
    object[u"steps"_s] = steps;
    return object;
}

/// Alembic lists the overlapping revisions of that error in Python set order; compare them as a set.
QJsonValue canonicalError(const QJsonValue &error)
{
    const QString marker = u"overlaps with other requested revisions "_s;
    QString text = error.toString();
    const qsizetype at = text.indexOf(marker);
    if (at < 0)
        return error;
    QStringList revisions = text.mid(at + marker.size()).split(u", "_s);
    revisions.sort();
    return QString(text.left(at + marker.size()) + revisions.join(u", "_s));
}

bool containsBaseSymbol(const QJsonObject &answer)
{
    return answer.value(u"result"_s).toArray().contains(QJsonValue(u"base"_s));
}

/// The oracle's alembic version (asked once), empty when its interpreter cannot import alembic.
QVersionNumber oracleAlembicVersion()
{
    static const QVersionNumber version = [] {
        QProcess python;
        python.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, u"import alembic; print(alembic.__version__)"_s});
        if (!python.waitForFinished(60000) || python.exitCode() != 0)
            return QVersionNumber();
        return QVersionNumber::fromString(QString::fromUtf8(python.readAllStandardOutput()).trimmed());
    }();
    return version;
}

} // namespace

QJsonObject AlembicOracle::retortAnswer(const Project &project, const QJsonObject &query)
{
    const RevisionMap &map = project.map();
    const QString q = query.value(u"q"_s).toString();
    auto strings = [&](const QString &key) {
        QStringList out;
        for (const QJsonValue &v : query.value(key).toArray())
            out.append(v.toString());
        return out;
    };
    auto ok = [](const QJsonValue &result) { return QJsonObject{{u"ok"_s, true}, {u"result"_s, result}}; };
    auto list = [&](const Result<QList<int>> &result) {
        return result ? ok(idsOrNull(map, *result)) : failure(result.error());
    };
    if (q == u"heads")
        return ok(toArray(map.ids(map.heads())));
    if (q == u"real_heads")
        return ok(toArray(map.ids(map.realHeads())));
    if (q == u"revisions") {
        QStringList ids;
        for (const Revision &rev : map.revisions()) {
            if (!rev.isGhost)
                ids.append(rev.id);
        }
        return ok(toArray(ids));
    }
    if (q == u"bases")
        return ok(toArray(map.ids(map.bases())));
    if (q == u"real_bases") {
        QStringList ids;
        for (const Revision &rev : map.revisions()) {
            if (!rev.isGhost && rev.isRealBase())
                ids.append(rev.id);
        }
        return ok(toArray(ids));
    }
    if (q == u"revision") {
        const Result<int> revision = map.resolveRevision(query.value(u"id"_s).toString());
        if (!revision)
            return failure(revision.error());
        return ok(*revision >= 0 ? QJsonValue(map.revision(*revision).id) : QJsonValue());
    }
    if (q == u"labels") {
        QJsonObject labels;
        for (const Revision &rev : map.revisions())
            labels[rev.id] = toArray(rev.branchLabels);
        return ok(labels);
    }
    if (q == u"history") {
        const QString range = query.value(u"range"_s).toString();
        if (!query.contains(u"range"_s))
            return list(map.history());
        return list(map.history(range.section(u':', 0, 0), range.section(u':', 1)));
    }
    if (q == u"resolve")
        return list(map.resolveRevisions(query.value(u"id"_s).toString()));
    if (q == u"current") {
        Result<QList<int>> current = map.allCurrent(strings(u"rows"_s));
        if (!current)
            return failure(current.error());
        QStringList ids = map.ids(*current);
        ids.sort();
        return ok(toArray(ids));
    }
    // The unmerge rule of the oracle's alembic: 1.13.1 changed it (Debian 12 has 1.8.1, 13 has 1.13.2).
    const QVersionNumber alembic = oracleAlembicVersion();
    if (alembic.isNull())
        return failure(u"cannot tell the oracle's alembic version"_s);
    MigrationPlanner planner(map, alembic >= QVersionNumber(1, 13, 1) ? UnmergeRule::Newest : UnmergeRule::Alembic18);
    planner.setRecordRowsAfterEachStep(true);
    const QString target = query.value(u"target"_s).toString();
    if (q == u"upgrade")
        return planAnswer(planner.upgrade(target, strings(u"current"_s)));
    if (q == u"downgrade")
        return planAnswer(planner.downgrade(target, strings(u"current"_s)));
    if (q == u"stamp")
        return planAnswer(
            planner.stamp(strings(u"targets"_s), strings(u"current"_s), query.value(u"purge"_s).toBool()));
    return failure(u"unknown query"_s);
}

QJsonArray AlembicOracle::answer(const QJsonArray &projects, QString *error, const QStringList &pythonPath)
{
    QProcess oracle;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONHASHSEED"_s, u"0"_s);
    if (!pythonPath.isEmpty())
        env.insert(u"PYTHONPATH"_s, pythonPath.join(u':'));
    oracle.setProcessEnvironment(env);
    oracle.start(QStringLiteral(RETORT_TEST_PYTHON),
                 {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/differential/alembic_oracle.py"_s});
    if (!oracle.waitForStarted()) {
        *error = u"The alembic oracle (%1) cannot be started; run packaging/setup-debian.sh."_s.arg(
            QStringLiteral(RETORT_TEST_PYTHON));
        return {};
    }
    oracle.write(QJsonDocument(QJsonObject{{u"projects"_s, projects}}).toJson(QJsonDocument::Compact));
    oracle.closeWriteChannel();
    if (!oracle.waitForFinished(600000) || oracle.exitCode() != 0) {
        *error = u"the alembic oracle failed: "_s + QString::fromUtf8(oracle.readAllStandardError());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(oracle.readAllStandardOutput(), &parseError);
    if (document.isNull()) {
        *error = parseError.errorString();
        return {};
    }
    return document.object().value(u"projects"_s).toArray();
}

QString AlembicOracle::mismatch(const QJsonObject &query, const QJsonObject &want, const QJsonObject &got)
{
    const QString context = QString::fromUtf8(QJsonDocument(query).toJson(QJsonDocument::Compact)) + u"\nalembic: "_s +
                            QString::fromUtf8(QJsonDocument(want).toJson(QJsonDocument::Compact)) + u"\nretort:  "_s +
                            QString::fromUtf8(QJsonDocument(got).toJson(QJsonDocument::Compact));
    const bool wantOk = want.value(u"ok"_s).toBool();
    if (!wantOk && want.value(u"kind"_s).toString() == u"exception") {
        // A traceback in alembic; Retort must refuse too, or answer "base" where alembic's
        // caller choked on the "base" its own walk returned.
        return !got.value(u"ok"_s).toBool() || containsBaseSymbol(got) ? QString() : context;
    }
    if (wantOk != got.value(u"ok"_s).toBool())
        return context;
    if (!wantOk)
        return canonicalError(want.value(u"error"_s)) == canonicalError(got.value(u"error"_s)) ? QString() : context;
    const QString q = query.value(u"q"_s).toString();
    if (q == u"upgrade" || q == u"downgrade" || q == u"stamp") {
        // Alembic's warnings (e.g. "downgrade -1 from multiple heads is ambiguous") are part of the answer.
        if (want.value(u"warnings"_s) != got.value(u"warnings"_s))
            return context;
        return canonicalSteps(want.value(u"result"_s)) == canonicalSteps(got.value(u"result"_s)) ? QString() : context;
    }
    return want.value(u"result"_s) == got.value(u"result"_s) ? QString() : context;
}
