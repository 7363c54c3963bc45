// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "history/revisionlistmodel.h"
#include "project/project.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRevisionListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void emptyModel();
    void historyOrder();
    void rows_data();
    void rows();
    void headers();
    void ghostsAreListed();
    void clearResets();
    void readableIds();

private:
    static QString samplePath() { return QStringLiteral(RETORT_SOURCE_DIR "/resources/sample/alembic.ini"); }
    Project m_sample;
};

void TestRevisionListModel::initTestCase()
{
    Result<Project> project = Project::open(samplePath());
    QVERIFY2(project.ok(), qPrintable(project.error()));
    m_sample = project.value();
    QCOMPARE(m_sample.map().size(), 25);
}

void TestRevisionListModel::emptyModel()
{
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RevisionListModel::ColumnCount));
    QCOMPARE(model.revisionAt(0), RevisionMap::NoRevision);
}

void TestRevisionListModel::historyOrder()
{
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(m_sample);
    const Result<QList<int>> history = m_sample.map().history();
    QVERIFY(history.ok());
    QCOMPARE(model.rowCount(), history->size());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.revisionAt(row), history->at(row));
        QCOMPARE(model.rowOf(history->at(row)), row);
        QCOMPARE(model.index(row, 0).data(RevisionListModel::RevisionIndexRole).toInt(), history->at(row));
    }
    // Newest first: the first row is a head, the last a base.
    QVERIFY(model.index(0, 0).data(RevisionListModel::FlagsRole).toInt() & RevisionListModel::Head);
    QVERIFY(model.index(model.rowCount() - 1, 0).data(RevisionListModel::FlagsRole).toInt() & RevisionListModel::Base);
}

void TestRevisionListModel::rows_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("parents");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("flags");

    QTest::newRow("shop base") << u"1baec2253d83"_s << u"create customers table"_s << QString() << u"shop"_s
                               << u"base"_s;
    QTest::newRow("audit base") << u"fec857550dc4"_s << u"create audit events table"_s << QString() << u"audit"_s
                                << u"base"_s;
    QTest::newRow("depends_on") << u"ef26db01ed67"_s << u"add order reference to audit events"_s
                                << u"fec857550dc4; depends on e2b8c937991e"_s << u"audit"_s << QString();
    QTest::newRow("branch point") << u"ea219a2187f2"_s << u"create categories table"_s << u"390761eb7193"_s << u"shop"_s
                                  << u"branch point"_s;
    QTest::newRow("merge") << u"9ccc6cd9d6d2"_s << u"merge payments and inventory"_s << u"38fc413a5082, 453f88aa699f"_s
                           << u"shop"_s << u"merge"_s;
    QTest::newRow("open head") << u"f8eba117c5dd"_s << u"pay with gift cards"_s << u"17468fe7ff21"_s << u"shop"_s
                               << u"head"_s;
    QTest::newRow("typed header") << u"1946af4d94f2"_s << u"add currency to orders"_s << u"43be28eee936"_s << u"shop"_s
                                  << u"head"_s;
}

void TestRevisionListModel::rows()
{
    QFETCH(QString, id);
    QFETCH(QString, message);
    QFETCH(QString, parents);
    QFETCH(QString, labels);
    QFETCH(QString, flags);

    RevisionListModel model;
    model.setProject(m_sample);
    const int row = model.rowOf(m_sample.map().indexOf(id));
    QVERIFY(row >= 0);
    auto text = [&](int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(RevisionListModel::RevisionColumn), id);
    QCOMPARE(text(RevisionListModel::MessageColumn), message);
    QCOMPARE(text(RevisionListModel::ParentsColumn), parents);
    QCOMPARE(text(RevisionListModel::BranchLabelsColumn), labels);
    QCOMPARE(text(RevisionListModel::FlagsColumn), flags);
    QCOMPARE(model.index(row, 0).data(RevisionListModel::RevisionIdRole).toString(), id);
    QVERIFY(model.index(row, RevisionListModel::RevisionColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"/migrations/versions/"_s + id));
}

void TestRevisionListModel::headers()
{
    RevisionListModel model;
    const QStringList expected{u"Graph"_s,         u"Revision"_s, u"Message"_s,  u"Parents"_s,
                               u"Branch labels"_s, u"Flags"_s,    u"Databases"_s};
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

void TestRevisionListModel::ghostsAreListed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"bbbbbbbbbbbb_orphan.py"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\"\"\"orphan\"\"\"\nrevision = 'bbbbbbbbbbbb'\ndown_revision = 'aaaaaaaaaaaa'\n"
               "branch_labels = None\ndepends_on = None\n");
    file.close();

    Result<Project> project = Project::open(dir.path());
    QVERIFY2(project.ok(), qPrintable(project.error()));
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(project.value());
    QCOMPARE(model.rowCount(), project->map().size());
    bool sawGhost = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const int flags = model.index(row, 0).data(RevisionListModel::FlagsRole).toInt();
        if (flags & RevisionListModel::Ghost) {
            sawGhost = true;
            QCOMPARE(model.index(row, RevisionListModel::RevisionColumn).data().toString(), u"aaaaaaaaaaaa"_s);
            QCOMPARE(model.index(row, RevisionListModel::FlagsColumn).data().toString(), u"missing"_s);
        }
    }
    QVERIFY(sawGhost);
}

void TestRevisionListModel::clearResets()
{
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setProject(m_sample);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 25);
    model.clear();
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestRevisionListModel::readableIds()
{
    // OpenStack-style readable ids, two of which share their first 15 characters, one over 24
    // characters with a neighbour sharing 20, and a docstring that starts with alembic's header lines.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &id, const QString &down, const QByteArray &doc) {
        QFile file(dir.filePath(id + u".py"_s));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write("\"\"\"" + doc + "\"\"\"\nrevision = '" + id.toUtf8() +
                   "'\ndown_revision = " + (down.isEmpty() ? QByteArray("None") : "'" + down.toUtf8() + "'") +
                   "\nbranch_labels = None\ndepends_on = None\n");
        return true;
    };
    QVERIFY(write(u"rocky_contract01"_s, {},
                  "Revision ID: rocky_contract01\nRevises:\nCreate Date: 2024-01-01\n\n"
                  "Drop the legacy tables\n\nLonger text."));
    QVERIFY(write(u"rocky_contract02"_s, u"rocky_contract01"_s, "second contract"));
    QVERIFY(write(u"2024_1_expand01_users_and_groups"_s, u"rocky_contract02"_s, "expand"));
    QVERIFY(write(u"2024_1_expand01_users_and_roles"_s, u"2024_1_expand01_users_and_groups"_s, "roles"));
    Result<Project> project = Project::open(dir.path());
    QVERIFY2(project.ok(), qPrintable(project.error()));

    const DisplayIds ids(project->map());
    QCOMPARE(ids(u"rocky_contract01"_s), u"rocky_contract01"_s);
    QCOMPARE(ids(u"2024_1_expand01_users_and_groups"_s), u"2024_1_expand01_users_and_g…"_s);
    QCOMPARE(ids(u"2024_1_expand01_users_and_roles"_s), u"2024_1_expand01_users_and_r…"_s);
    QCOMPARE(ids(u"0123456789abcdef0123456789abcdef"_s), u"0123456789ab…"_s); // not in the project
    QCOMPARE(ids.longest(), 28);

    RevisionListModel model;
    model.setProject(project.value());
    QHash<QString, int> rowOf;
    for (int row = 0; row < model.rowCount(); ++row)
        rowOf.insert(model.index(row, 0).data(RevisionListModel::RevisionIdRole).toString(), row);
    const auto cell = [&](const QString &id, int column, int role = Qt::DisplayRole) {
        return model.index(rowOf.value(id), column).data(role).toString();
    };
    QCOMPARE(cell(u"rocky_contract02"_s, RevisionListModel::RevisionColumn), u"rocky_contract02"_s);
    QCOMPARE(cell(u"rocky_contract02"_s, RevisionListModel::ParentsColumn), u"rocky_contract01"_s);
    QCOMPARE(cell(u"2024_1_expand01_users_and_roles"_s, RevisionListModel::ParentsColumn),
             u"2024_1_expand01_users_and_g…"_s);
    QVERIFY(cell(u"2024_1_expand01_users_and_roles"_s, RevisionListModel::RevisionColumn, Qt::ToolTipRole)
                .startsWith(u"2024_1_expand01_users_and_roles\n"_s));
    // The list shows the first line that says something; the tooltip the whole docstring.
    QCOMPARE(cell(u"rocky_contract01"_s, RevisionListModel::MessageColumn), u"Drop the legacy tables"_s);
    QVERIFY(cell(u"rocky_contract01"_s, RevisionListModel::MessageColumn, Qt::ToolTipRole).contains(u"Longer text."_s));
    QCOMPARE(docHeadline(u"Revision ID: x\nRevises: y"_s), u"Revision ID: x"_s);
    QCOMPARE(docHeadline(u"\n  plain\n"_s), u"plain"_s);
}

QTEST_GUILESS_MAIN(TestRevisionListModel)
#include "tst_revisionlistmodel.moc"
