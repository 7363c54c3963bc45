// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionfilterproxy.h"
#include "history/revisionlistmodel.h"
#include "history/revisionmap.h"
#include "history/revisionsearch.h"
#include "project/project.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

/// The history list as the search box filters it: a well-behaved model whatever is typed, sorted
/// or loaded, and the rows the graph's search finds.
class TestRevisionFilterProxy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void behavesAsAModel();
    void filters_data();
    void filters();
    void mapsRowsBothWays();

private:
    Project m_sample;
};

void TestRevisionFilterProxy::initTestCase()
{
    Result<Project> project = Project::open(QStringLiteral(RETORT_SOURCE_DIR "/resources/sample/alembic.ini"));
    QVERIFY2(project, qPrintable(project.error()));
    m_sample = project.value();
}

void TestRevisionFilterProxy::behavesAsAModel()
{
    RevisionListModel model;
    RevisionFilterProxy proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(m_sample);
    for (const QString &text : {u"a"_s, u"networking@"_s, u"nothing matches this"_s, QString(), u"head"_s})
        proxy.setSearchText(text);
    for (int column = 0; column < proxy.columnCount(); ++column) {
        proxy.sort(column, Qt::AscendingOrder);
        proxy.sort(column, Qt::DescendingOrder);
    }
    proxy.sort(-1); // back to the history order
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
    model.setProject(m_sample);
    proxy.setSearchText({});
    QCOMPARE(proxy.rowCount(), m_sample.map().size());
}

void TestRevisionFilterProxy::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("everything") << QString();
    QTest::newRow("an id prefix") << m_sample.map().revision(3).id.left(4);
    QTest::newRow("a message word") << m_sample.map().revision(5).doc.section(u' ', 0, 0);
    QTest::newRow("nothing") << u"zzzz-no-such-revision"_s;
}

void TestRevisionFilterProxy::filters()
{
    QFETCH(QString, text);
    RevisionListModel model;
    RevisionFilterProxy proxy(&model);
    model.setProject(m_sample);
    proxy.setSearchText(text);
    // The revisions the graph's search rules match (ghosts have no card to match), in history order.
    const RevisionSearch search(text);
    QSet<int> expected;
    for (int r = 0; r < m_sample.map().size(); ++r) {
        if (search.matches(m_sample.map().revision(r)))
            expected.insert(r);
    }
    QSet<int> shown;
    int previousRow = -1;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        shown.insert(proxy.revisionAt(row));
        QVERIFY(model.rowOf(proxy.revisionAt(row)) > previousRow);
        previousRow = model.rowOf(proxy.revisionAt(row));
    }
    QCOMPARE(shown, expected);
    if (text.isEmpty())
        QCOMPARE(proxy.rowCount(), m_sample.map().size());
}

void TestRevisionFilterProxy::mapsRowsBothWays()
{
    RevisionListModel model;
    RevisionFilterProxy proxy(&model);
    model.setProject(m_sample);
    proxy.setSearchText(m_sample.map().revision(0).id.left(3));
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.rowOf(proxy.revisionAt(row)), row);
    QCOMPARE(proxy.revisionAt(proxy.rowCount()), -1);
    for (int r = 0; r < m_sample.map().size(); ++r) {
        if (proxy.rowOf(r) < 0)
            continue;
        QCOMPARE(proxy.revisionAt(proxy.rowOf(r)), r);
    }
}

QTEST_GUILESS_MAIN(TestRevisionFilterProxy)
#include "tst_revisionfilterproxy.moc"
