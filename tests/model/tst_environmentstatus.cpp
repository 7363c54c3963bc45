// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "database/environmentstatus.h"
#include "history/revisionmap.h"
#include "historygenerator.h"
#include "project/project.h"
#include "revisionspecs.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironmentStatus : public QObject
{
    Q_OBJECT
private slots:
    void states_data();
    void states();
    void agreesWithAllCurrent();
    void pendingPerHeadCountsAncestors();
    void linearTime();
};

namespace {

// a1 - b2 - c3 (head); a1 - d4 (head); e5 (base) - f6 - 07 (depends on b2; merge of f6, c3? no: own line)
const QStringList history = {u"a1:::main"_s, u"b2:a1"_s, u"c3:b2"_s,   u"d4:a1::side"_s,
                             u"e5"_s,        u"f6:e5"_s, u"g7:f6:b2"_s};

QString appliedIds(const RevisionMap &map, const EnvironmentStatus &status)
{
    QStringList ids;
    for (int r = 0; r < map.size(); ++r) {
        if (status.isApplied(r))
            ids.append(map.revision(r).id);
    }
    return ids.join(u',');
}

/// A random history of @p shape written into @p dir and opened, with up to @p rowCount random rows.
struct RandomCase
{
    Result<Project> project = Result<Project>::failure(QString());
    QStringList rows;
};

RandomCase randomCase(HistoryGenerator &generator, const HistoryShape &shape, const QTemporaryDir &dir, int rowCount)
{
    RandomCase c;
    QString error;
    if (!generator.writeVersions(dir.path(), generator.generate(shape), &error)) {
        c.project = Result<Project>::failure(error);
        return c;
    }
    c.project = Project::open(dir.path());
    for (int i = 0; c.project && i < rowCount; ++i)
        c.rows.append(c.project->map().revision(int(generator.random().bounded(c.project->map().size()))).id);
    return c;
}

} // namespace

void TestEnvironmentStatus::states_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("applied");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<bool>("atHeads");
    QTest::newRow("empty") << QStringList{} << QString() << QStringList{} << false;
    QTest::newRow("one line") << QStringList{u"c3"_s} << u"a1,b2,c3"_s << QStringList{} << false;
    QTest::newRow("branch point") << QStringList{u"a1"_s} << u"a1"_s << QStringList{} << false;
    QTest::newRow("dependency pulls its line in")
        << QStringList{u"g7"_s} << u"a1,b2,e5,f6,g7"_s << QStringList{} << false;
    QTest::newRow("all heads") << QStringList{u"c3"_s, u"d4"_s, u"g7"_s} << u"a1,b2,c3,d4,e5,f6,g7"_s << QStringList{}
                               << true;
    QTest::newRow("redundant row") << QStringList{u"c3"_s, u"a1"_s} << u"a1,b2,c3"_s << QStringList{} << false;
    QTest::newRow("unknown row") << QStringList{u"c3"_s, u"zz99"_s} << u"a1,b2,c3"_s << QStringList{u"zz99"_s} << false;
}

void TestEnvironmentStatus::states()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, applied);
    QFETCH(QStringList, unknown);
    QFETCH(bool, atHeads);
    const RevisionMap map = RevisionMap::build(scriptsFromSpecs(history));
    const EnvironmentStatus status = EnvironmentStatus::compute(map, rows);
    QCOMPARE(appliedIds(map, status), applied);
    QCOMPARE(status.unknownRows, unknown);
    QCOMPARE(status.isAtHeads(map), atHeads);
    QCOMPARE(status.appliedCount + status.pendingCount, map.size());
    QCOMPARE(status.rowRevisions.size(), rows.size());
    int pending = 0;
    for (const auto &[head, count] : status.pendingPerHead(map)) {
        QVERIFY(map.heads().contains(head));
        pending = std::max(pending, count);
    }
    QCOMPARE(pending == 0, status.pendingCount == 0);
}

void TestEnvironmentStatus::agreesWithAllCurrent()
{
    // Applied revisions are what get_all_current's rows imply: the ancestors of its result.
    for (quint32 seed = 1; seed <= 20; ++seed) {
        HistoryGenerator generator{seed};
        HistoryShape shape;
        shape.revisions = 80;
        QTemporaryDir dir;
        const RandomCase c = randomCase(generator, shape, dir, 3);
        QVERIFY2(c.project, qPrintable(c.project ? QString() : c.project.error()));
        const RevisionMap &map = c.project->map();
        const QStringList &rows = c.rows;
        const EnvironmentStatus status = EnvironmentStatus::compute(map, rows);
        const Result<QList<int>> current = map.allCurrent(rows);
        QVERIFY2(current, qPrintable(current.error()));
        const QList<int> implied = map.ancestors(current.value());
        for (int r = 0; r < map.size(); ++r)
            QCOMPARE(status.isApplied(r), implied.contains(r) || current->contains(r));
    }
}

void TestEnvironmentStatus::pendingPerHeadCountsAncestors()
{
    // The counting shortcut against the plain definition: pending, non-ghost ancestors-or-self.
    for (quint32 seed = 1; seed <= 40; ++seed) {
        HistoryGenerator generator{seed};
        HistoryShape shape;
        shape.revisions = 60;
        shape.merge = 0.25;
        shape.dependsOn = 0.2;
        QTemporaryDir dir;
        const RandomCase c = randomCase(generator, shape, dir, int(seed % 3));
        QVERIFY2(c.project, qPrintable(c.project ? QString() : c.project.error()));
        const RevisionMap &map = c.project->map();
        const EnvironmentStatus status = EnvironmentStatus::compute(map, c.rows);
        for (const auto &[head, count] : status.pendingPerHead(map)) {
            int expected = 0;
            for (int r : map.ancestors({head}))
                expected += status.isApplied(r) || map.revision(r).isGhost ? 0 : 1;
            QCOMPARE(count, expected);
        }
    }
}

void TestEnvironmentStatus::linearTime()
{
    // 10,000 revisions × 20 environments: the budget is 50 ms; the test allows slack.
    QTemporaryDir dir;
    QString error;
    const QString project = writeBenchmarkProject(dir.filePath(u"p"_s), 10000, &error);
    QVERIFY2(!project.isEmpty(), qPrintable(error));
    const Result<Project> opened = Project::open(project);
    QVERIFY(opened);
    const RevisionMap &map = opened->map();
    QElapsedTimer timer;
    timer.start();
    int applied = 0;
    for (int environment = 0; environment < 20; ++environment) {
        const QStringList rows{map.revision(environment * 400).id, map.revision(9999 - environment).id};
        applied += EnvironmentStatus::compute(map, rows).appliedCount;
    }
    const qint64 elapsed = timer.elapsed();
    qInfo("status of 10,000 revisions x 20 environments: %lld ms", elapsed);
    QVERIFY(applied > 0);
    QVERIFY2(elapsed < 500, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestEnvironmentStatus)
#include "tst_environmentstatus.moc"
