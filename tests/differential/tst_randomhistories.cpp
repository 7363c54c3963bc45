// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Differential test: random histories, each asked many questions, answered by Retort and by real
// alembic (alembic_oracle.py, one Python process for the whole batch). Every answer must match.
// Deliberate differences are handled here, each with the reason:
//  - the 1.8.1 unmerge rule is selected in the planner (Retort follows alembic >= 1.13.1 by default);
//  - alembic's `_walk` can return the string "base", which its own `get_revisions` callers then
//    crash on (AttributeError); Retort answers "base" there;
//  - where alembic raises an uncaught exception (a traceback at the CLI) Retort must fail too,
//    with its own words.

#include "alembicoracle.h"
#include "historygenerator.h"

#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "project/project.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

struct Case
{
    QString name;
    QString versions;     ///< the versions folder Retort reads, or
    QString ini;          ///< the alembic.ini of a project made by alembic's commands
    QJsonObject location; ///< script_location and version_locations for the oracle
    QJsonArray queries;

    Project load() const
    {
        return ini.isEmpty() ? Project::load(configForVersionsFolders({versions})) : Project::open(ini).value();
    }
};

/// A random sequence of `alembic revision` / `alembic merge` invocations for alembic_builder.py:
/// --head on heads, older revisions (with --splice), base and labels, --branch-label,
/// --depends-on, --version-path, merges of heads or of chosen revisions. Steps alembic refuses
/// are simply skipped by it.
QJsonObject alembicCommands(HistoryGenerator &generator, const QString &dir)
{
    QRandomGenerator &random = generator.random();
    QStringList ids;
    QStringList labels;
    auto newId = [&] {
        static const QString hex = u"0123456789abcdef"_s;
        QString id;
        for (int i = 0; i < 12; ++i)
            id += hex.at(random.bounded(i < 2 ? 3 : 16));
        return id;
    };
    auto anyId = [&] { return ids.at(random.bounded(int(ids.size()))); };
    const bool extra = random.bounded(3) == 0;
    QJsonArray steps;
    const int count = 6 + random.bounded(14);
    for (int i = 0; i < count; ++i) {
        const QString id = newId();
        QJsonObject step;
        step[u"rev_id"_s] = id;
        step[u"message"_s] = u"step %1"_s.arg(i);
        if (ids.size() >= 2 && random.bounded(4) == 0) {
            step[u"cmd"_s] = u"merge"_s;
            if (random.bounded(2) == 0)
                step[u"revisions"_s] = u"heads"_s;
            else
                step[u"revisions"_s] = QJsonArray{anyId().left(6), anyId().left(6)};
        } else {
            step[u"cmd"_s] = u"revision"_s;
            switch (ids.isEmpty() ? 0 : random.bounded(6)) {
            case 0:
                step[u"head"_s] = u"head"_s;
                break;
            case 1:
                step[u"head"_s] = u"base"_s;
                break;
            case 2:
                if (!labels.isEmpty()) {
                    step[u"head"_s] = QString(labels.at(random.bounded(int(labels.size()))) + u"@head"_s);
                    break;
                }
                Q_FALLTHROUGH();
            default:
                step[u"head"_s] = anyId().left(4 + random.bounded(8));
                step[u"splice"_s] = random.bounded(2) == 0;
                break;
            }
            if (random.bounded(6) == 0) {
                labels.append(u"lab%1"_s.arg(i));
                step[u"branch_label"_s] = labels.last();
            }
            if (!ids.isEmpty() && random.bounded(5) == 0) {
                QJsonArray depends{random.bounded(4) == 0 && !labels.isEmpty() ? labels.first() : anyId()};
                if (random.bounded(3) == 0)
                    depends.append(anyId().left(8));
                step[u"depends_on"_s] = depends;
            }
            // With two locations alembic needs --version-path unless a --head file shows where.
            if (extra)
                step[u"version_path"_s] = random.bounded(3) == 0 ? u"extra"_s : u"migrations/versions"_s;
        }
        ids.append(id);
        steps.append(step);
    }
    return {{u"dir"_s, dir},
            {u"template"_s, random.bounded(2) == 0 ? u"typed"_s : u"generic"_s},
            {u"extra_location"_s, extra},
            {u"steps"_s, steps}};
}

} // namespace

class TestRandomHistories : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void compare_data();
    void compare();
    void cleanupTestCase();

private:
    QJsonArray makeQueries(HistoryGenerator &generator, const Project &project);
    void addCase(HistoryGenerator &generator, const QString &scriptLocation, const QString &versions);
    void addAlembicBuiltCases(int count);

    QTemporaryDir m_dir;
    QList<Case> m_cases;
    QJsonArray m_answers;
    QMap<QString, int> m_outcomes; ///< "query/outcome" -> count, reported at the end
};

static QStringList antichain(HistoryGenerator &generator, const RevisionMap &map, int maxSize);

/// Version rows as a real table may hold them: mostly consistent, sometimes not (a row naming an
/// unknown revision, the same row twice, a row implied by another).
static QStringList versionRows(HistoryGenerator &generator, const RevisionMap &map, int maxSize)
{
    QStringList rows = antichain(generator, map, maxSize);
    switch (generator.random().bounded(12)) {
    case 0:
        rows.append(u"ffffffffffff"_s);
        break;
    case 1:
        if (!rows.isEmpty())
            rows.append(rows.first());
        break;
    case 2:
        if (map.size() > 0)
            rows.append(map.ids({generator.random().bounded(map.size())}));
        break;
    default:
        break;
    }
    return rows;
}

static QStringList antichain(HistoryGenerator &generator, const RevisionMap &map, int maxSize)
{
    // A realistic version table: some revisions, none implied by another.
    QList<int> picked;
    const int count = generator.random().bounded(maxSize + 1);
    for (int i = 0; i < count && map.size() > 0; ++i)
        picked.append(generator.random().bounded(map.size()));
    QList<int> rows;
    for (int p : std::as_const(picked)) {
        bool implied = false;
        for (int other : std::as_const(picked)) {
            if (other != p && map.ancestors({other}).contains(p))
                implied = true;
        }
        if (!implied && !rows.contains(p))
            rows.append(p);
    }
    return map.ids(rows);
}

QJsonArray TestRandomHistories::makeQueries(HistoryGenerator &generator, const Project &project)
{
    QRandomGenerator &random = generator.random();
    const RevisionMap &map = project.map();
    QStringList ids;
    QStringList labels;
    for (const Revision &r : map.revisions()) {
        ids.append(r.id);
        labels.append(r.declaredBranchLabels);
    }
    if (ids.isEmpty())
        ids.append(u"nothing"_s); // an empty history still gets every kind of question
    auto anyId = [&] { return ids.at(random.bounded(int(ids.size()))); };
    auto anyLabel = [&] { return labels.isEmpty() ? anyId() : labels.at(random.bounded(int(labels.size()))); };
    auto identifier = [&]() -> QString {
        switch (random.bounded(24)) {
        case 0:
            return anyId();
        case 1:
            return anyId().left(1 + random.bounded(5));
        case 2:
            return anyLabel();
        case 3:
            return anyLabel().left(3 + random.bounded(2));
        case 4:
            return u"heads"_s;
        case 5:
            return u"head"_s;
        case 6:
            return u"base"_s;
        case 7:
            return anyLabel() + u"@head"_s;
        case 8:
            return anyId().left(6) + u"@heads"_s;
        case 9:
            return anyLabel() + u"@base"_s;
        case 10:
            return anyLabel() + u'@' + anyId().left(5);
        case 11:
            return u"-1"_s;
        case 12:
            return anyLabel() + u"@-1"_s;
        case 13:
            return anyId().left(4) + u"@head"_s;
        case 14:
            return u"zzzz"_s;
        case 15:
            return anyId().left(5) + u'@' + anyLabel();
        case 16:
            return anyLabel() + u"@head-1"_s;
        case 17:
            return u"heads-1"_s;
        case 18:
            return u"base+1"_s;
        case 19:
            return anyId().left(8) + u"-2"_s;
        case 20:
            return anyLabel() + u"@+2"_s;
        case 21:
            return anyId().left(6) + u'@' + anyId().left(6);
        case 22:
            return u"@head"_s;
        default:
            return anyId().left(8);
        }
    };
    auto upgradeTarget = [&]() -> QString {
        switch (random.bounded(8)) {
        case 0:
            return u"+1"_s;
        case 1:
            return u"+2"_s;
        case 2:
            return anyLabel() + u"@+1"_s;
        case 3:
            return anyId().left(8) + u"+1"_s;
        case 4:
            return u"heads"_s;
        default:
            return identifier();
        }
    };
    auto downgradeTarget = [&]() -> QString {
        switch (random.bounded(8)) {
        case 0:
            return u"-1"_s;
        case 1:
            return u"-2"_s;
        case 2:
            return anyLabel() + u"@-1"_s;
        case 3:
            return u"base"_s;
        case 4:
            return anyLabel() + u'@' + anyId().left(8);
        case 5:
            return anyId().left(8) + u"-1"_s;
        default:
            return identifier();
        }
    };

    QJsonArray q;
    for (const char *name : {"heads", "real_heads", "bases", "real_bases", "revisions", "labels", "history"})
        q.append(QJsonObject{{u"q"_s, QLatin1StringView(name)}});
    for (int i = 0; i < 6; ++i)
        q.append(QJsonObject{{u"q"_s, u"revision"_s}, {u"id"_s, identifier()}});
    for (int i = 0; i < 4; ++i) {
        const QString range =
            random.bounded(3) == 0 ? QString(identifier() + u':') : QString(identifier() + u':' + identifier());
        q.append(QJsonObject{{u"q"_s, u"history"_s}, {u"range"_s, range}});
    }
    for (int i = 0; i < 12; ++i)
        q.append(QJsonObject{{u"q"_s, u"resolve"_s}, {u"id"_s, identifier()}});
    for (int i = 0; i < 8; ++i) {
        q.append(QJsonObject{{u"q"_s, u"upgrade"_s},
                             {u"target"_s, upgradeTarget()},
                             {u"current"_s, toArray(versionRows(generator, map, 3))}});
    }
    for (int i = 0; i < 8; ++i) {
        QStringList current = versionRows(generator, map, 3);
        if (current.isEmpty())
            current = map.ids(map.realHeads());
        q.append(
            QJsonObject{{u"q"_s, u"downgrade"_s}, {u"target"_s, downgradeTarget()}, {u"current"_s, toArray(current)}});
    }
    for (int i = 0; i < 6; ++i) {
        QStringList targets = {identifier()};
        if (random.bounded(3) == 0)
            targets.append(identifier());
        q.append(QJsonObject{{u"q"_s, u"stamp"_s},
                             {u"targets"_s, toArray(targets)},
                             {u"current"_s, toArray(versionRows(generator, map, 3))},
                             {u"purge"_s, random.bounded(6) == 0}});
    }
    for (int i = 0; i < 3; ++i)
        q.append(QJsonObject{{u"q"_s, u"current"_s}, {u"rows"_s, toArray(antichain(generator, map, 3))}});
    return q;
}

void TestRandomHistories::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const int histories = qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_HISTORIES") > 0
                              ? qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_HISTORIES")
                              : 320;
    // RETORT_DIFFERENTIAL_SEED shifts the histories, to look beyond the fixed set CI runs.
    const quint32 seedBase = quint32(1000 + qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_SEED"));
    for (int h = 0; h < histories; ++h) {
        HistoryGenerator generator(seedBase + quint32(h));
        HistoryShape shape;
        shape.revisions = 3 + generator.random().bounded(h % 10 == 9 ? 60 : 22);
        shape.maxBases = 1 + generator.random().bounded(3);
        shape.merge = 0.05 + generator.random().generateDouble() * 0.2;
        shape.dependsOn = generator.random().generateDouble() * 0.2;
        shape.label = generator.random().generateDouble() * 0.2;
        const QString dir = m_dir.filePath(u"h%1"_s.arg(h));
        QString error;
        QVERIFY2(generator.writeVersions(dir + u"/versions"_s, generator.generate(shape), &error), qPrintable(error));
        addCase(generator, dir, dir + u"/versions"_s);
    }
    // The bundled sample project, written by hand in every header style, asked the same way.
    for (quint32 seed = 0; seed < 8; ++seed) {
        HistoryGenerator generator(seed);
        const QString sample = QStringLiteral(RETORT_SOURCE_DIR) + u"/resources/sample/migrations"_s;
        addCase(generator, sample, sample + u"/versions"_s);
    }
    addAlembicBuiltCases(qMax(8, histories / 8));
    QJsonArray projects;
    for (int i = 0; i < m_cases.size(); ++i) {
        QJsonObject project = m_cases.at(i).location;
        project[u"id"_s] = QString::number(i);
        project[u"queries"_s] = m_cases.at(i).queries;
        projects.append(project);
    }

    QString error;
    m_answers = AlembicOracle::answer(projects, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_answers.size(), m_cases.size());
}

void TestRandomHistories::addCase(HistoryGenerator &generator, const QString &scriptLocation, const QString &versions)
{
    Case c;
    c.name = QFileInfo(scriptLocation).fileName();
    c.versions = versions;
    c.location = {{u"script_location"_s, scriptLocation}};
    c.queries = makeQueries(generator, c.load());
    m_cases.append(c);
}

void TestRandomHistories::addAlembicBuiltCases(int count)
{
    QJsonArray projects;
    for (int i = 0; i < count; ++i) {
        HistoryGenerator generator(quint32(7000 + i) +
                                   quint32(qEnvironmentVariableIntValue("RETORT_DIFFERENTIAL_SEED")));
        projects.append(alembicCommands(generator, m_dir.filePath(u"built%1"_s.arg(i))));
    }
    QProcess builder;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONHASHSEED"_s, u"0"_s);
    builder.setProcessEnvironment(env);
    builder.start(QStringLiteral(RETORT_TEST_PYTHON),
                  {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/differential/alembic_builder.py"_s});
    QVERIFY(builder.waitForStarted());
    builder.write(QJsonDocument(QJsonObject{{u"projects"_s, projects}}).toJson(QJsonDocument::Compact));
    builder.closeWriteChannel();
    QVERIFY2(builder.waitForFinished(300000), "alembic_builder.py did not finish");
    QVERIFY2(builder.exitCode() == 0, builder.readAllStandardError().constData());
    const QJsonArray built =
        QJsonDocument::fromJson(builder.readAllStandardOutput()).object().value(u"projects"_s).toArray();
    QCOMPARE(built.size(), count);
    int steps = 0;
    int refused = 0;
    for (const QJsonValue &value : built) {
        const QJsonObject project = value.toObject();
        for (const QJsonValue &r : project.value(u"results"_s).toArray())
            (r.toObject().value(u"ok"_s).toBool() ? steps : refused) += 1;
        Case c;
        c.name = QFileInfo(project.value(u"dir"_s).toString()).fileName();
        c.ini = project.value(u"ini"_s).toString();
        c.location = {{u"script_location"_s, project.value(u"script_location"_s)},
                      {u"version_locations"_s, project.value(u"version_locations"_s)}};
        HistoryGenerator generator{quint32(steps)};
        c.queries = makeQueries(generator, c.load());
        m_cases.append(c);
    }
    qInfo("%d projects made by alembic's commands: %d revision/merge steps, %d refused by alembic", count, steps,
          refused);
}

void TestRandomHistories::compare_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_cases.size(); ++i)
        QTest::addRow("%d: %s", i, qPrintable(m_cases.at(i).name)) << i;
}

void TestRandomHistories::compare()
{
    QFETCH(int, index);
    const Case &c = m_cases.at(index);
    const QJsonObject oracleProject = m_answers.at(index).toObject();
    QVERIFY2(oracleProject.value(u"load_error"_s).isNull(),
             qPrintable(oracleProject.value(u"load_error"_s).toString()));
    const Project project = c.load();
    QVERIFY2(!project.hasErrors(), "Retort found errors in a history alembic loads");
    const QJsonArray expected = oracleProject.value(u"answers"_s).toArray();
    QCOMPARE(expected.size(), c.queries.size());
    int compared = 0;
    for (int i = 0; i < c.queries.size(); ++i) {
        const QJsonObject query = c.queries.at(i).toObject();
        const QJsonObject want = expected.at(i).toObject();
        const QJsonObject got = AlembicOracle::retortAnswer(project, query);
        const bool wantOk = want.value(u"ok"_s).toBool();
        ++m_outcomes[query.value(u"q"_s).toString() + u'/' + (wantOk ? u"ok"_s : want.value(u"kind"_s).toString())];
        const QString difference = AlembicOracle::mismatch(query, want, got);
        QVERIFY2(difference.isEmpty(), qPrintable(difference + u"\nin "_s + c.versions));
        if (wantOk || want.value(u"kind"_s).toString() != u"exception")
            ++compared;
    }
    QVERIFY(compared > 0);
}

void TestRandomHistories::cleanupTestCase()
{
    QStringList summary;
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        summary.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
    qInfo("compared answers: %s", qPrintable(summary.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestRandomHistories)
#include "tst_randomhistories.moc"
