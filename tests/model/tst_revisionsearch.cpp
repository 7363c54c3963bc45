// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionmap.h"
#include "history/revisionsearch.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRevisionSearch : public QObject
{
    Q_OBJECT
private slots:
    void matches_data();
    void matches();
};

void TestRevisionSearch::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("spaces") << u"   "_s << true;
    QTest::newRow("id prefix") << u"9ccc6"_s << true;
    QTest::newRow("id prefix, any case") << u"9CCC6"_s << true;
    QTest::newRow("id infix is not a prefix") << u"cd9d6"_s << false;
    QTest::newRow("message word") << u"payments"_s << true;
    QTest::newRow("message, any case") << u"MERGE PAY"_s << true;
    QTest::newRow("label prefix") << u"sho"_s << true;
    QTest::newRow("every word must match") << u"shop inventory"_s << true;
    QTest::newRow("one word fails") << u"shop audit"_s << false;
    QTest::newRow("unknown") << u"zzz"_s << false;
}

void TestRevisionSearch::matches()
{
    QFETCH(QString, query);
    QFETCH(bool, expected);
    Revision revision;
    revision.id = u"9ccc6cd9d6d2"_s;
    revision.doc = u"merge payments and inventory"_s;
    revision.branchLabels = {u"shop"_s};
    QCOMPARE(RevisionSearch(query).matches(revision), expected);
    QCOMPARE(RevisionSearch(query).isEmpty(), query.trimmed().isEmpty());
}

QTEST_GUILESS_MAIN(TestRevisionSearch)
#include "tst_revisionsearch.moc"
