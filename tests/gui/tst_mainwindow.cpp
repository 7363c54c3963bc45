// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "historygenerator.h"
#include "mainwindow.h"
#include "revisiongraphview.h"
#include "revisionlistmodel.h"
#include "revisionnodeitem.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void opensSample();
    void selectingShowsDetails();
    void opensDemo();
    void reportsOpenErrors();
    void graphShowsEveryRevision();
    void graphAndListSelectTogether();
    void bigHistoriesCollapseRuns();
    void screenshot();

private:
    static QString samplePath() { return QStringLiteral(RETORT_SOURCE_DIR "/resources/sample"); }
    static int revisionFileCount();
    QTemporaryDir m_tempDir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tempDir.isValid());
    QVERIFY(QFileInfo::exists(samplePath() + u"/alembic.ini"_s));
}

int TestMainWindow::revisionFileCount()
{
    return int(QDir(samplePath() + u"/migrations/versions"_s).entryList({u"*.py"_s}, QDir::Files).size());
}

void TestMainWindow::opensSample()
{
    MainWindow window;
    window.show();
    QVERIFY(window.projectPath().isEmpty());
    const QString ini = samplePath() + u"/alembic.ini"_s;
    QVERIFY(window.openProject(ini));

    QCOMPARE(window.projectPath(), QFileInfo(ini).absoluteFilePath());
    QVERIFY(window.windowTitle().startsWith(u"Retort — "_s));
    QVERIFY(window.windowTitle().endsWith(QDir::toNativeSeparators(window.projectPath())));

    auto *view = window.findChild<QTreeView *>(u"revisionView"_s);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), revisionFileCount());
    QCOMPARE(view->model()->columnCount(), int(RevisionListModel::ColumnCount));

    auto *revisions = window.findChild<QLabel *>(u"revisionCountLabel"_s);
    auto *heads = window.findChild<QLabel *>(u"headCountLabel"_s);
    QVERIFY(revisions && heads);
    QCOMPARE(revisions->text(), u"Revisions: %1"_s.arg(revisionFileCount()));
    QCOMPARE(heads->text(), u"Heads: 3"_s);

    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    QVERIFY(problems);
    QCOMPARE(problems->count(), 1); // the sample is clean: only the "no problems" line
}

void TestMainWindow::selectingShowsDetails()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openProject(samplePath()));
    auto *view = window.findChild<QTreeView *>(u"revisionView"_s);
    auto *details = window.findChild<QPlainTextEdit *>(u"detailsView"_s);
    QVERIFY(view && details);

    const int mergeRow = [&] {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const int flags = view->model()->index(row, 0).data(RevisionListModel::FlagsRole).toInt();
            if (flags & RevisionListModel::MergePoint)
                return row;
        }
        return -1;
    }();
    QVERIFY(mergeRow > 0);
    const QModelIndex index = view->model()->index(mergeRow, RevisionListModel::MessageColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().row(), mergeRow);
    QVERIFY(view->selectionModel()->isRowSelected(mergeRow, {}));
    const QString id = index.data(RevisionListModel::RevisionIdRole).toString();
    QVERIFY(details->toPlainText().startsWith(u"Rev: %1 (mergepoint)"_s.arg(id)));
    QVERIFY(details->toPlainText().contains(u"Merges: "_s));
}

void TestMainWindow::opensDemo()
{
    MainWindow window;
    window.setDemoProjectPath(samplePath());
    QVERIFY(window.openDemo());
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
}

void TestMainWindow::reportsOpenErrors()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openProject(samplePath()));
    const QString title = window.windowTitle();

    const QString missing = m_tempDir.filePath(u"no-such-project/alembic.ini"_s);
    QVERIFY(!window.openProject(missing));
    auto *box = window.findChild<QMessageBox *>(u"openErrorBox"_s);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    const QString shownText = box->text() + u'\n' + box->informativeText();
    QVERIFY2(shownText.contains(QDir::toNativeSeparators(missing)), qPrintable(shownText));
    box->accept();

    // The window keeps the project it had.
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
    QVERIFY(window.isVisible());
}

void TestMainWindow::graphShowsEveryRevision()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openProject(samplePath()));
    RevisionGraphView *graph = window.graphView();
    QCOMPARE(graph->nodeCount(), revisionFileCount());
    const RevisionMap &map = window.revisionModel()->project().map();
    int edges = 0;
    for (const Revision &rev : map.revisions()) {
        edges += int(rev.down.size());
        for (int d : rev.resolvedDependencies)
            edges += rev.down.contains(d) ? 0 : 1;
    }
    QCOMPARE(graph->edgeCount(), edges);
    // Children are drawn above their parents.
    for (int i = 0; i < map.size(); ++i) {
        for (int parent : map.revision(i).down)
            QVERIFY(graph->node(i)->sceneBoundingRect().bottom() < graph->node(parent)->sceneBoundingRect().top());
    }
}

void TestMainWindow::graphAndListSelectTogether()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openProject(samplePath()));
    RevisionGraphView *graph = window.graphView();
    auto *list = window.findChild<QTreeView *>(u"revisionView"_s);
    QVERIFY(list);
    RevisionListModel *model = window.revisionModel();

    // Clicking a card selects its row.
    const int merge = model->project().map().indexOf(u"9ccc6cd9d6d2"_s);
    QVERIFY(merge >= 0);
    graph->ensureVisible(graph->node(merge));
    const QPoint card = graph->mapFromScene(graph->node(merge)->sceneBoundingRect().center());
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, card);
    QCOMPARE(graph->selectedRevision(), merge);
    QCOMPARE(model->revisionAt(list->currentIndex().row()), merge);

    // Choosing a row selects its card.
    const int base = model->project().map().indexOf(u"1baec2253d83"_s);
    list->setCurrentIndex(model->index(model->rowOf(base), 0));
    QCOMPARE(graph->selectedRevision(), base);
    auto *details = window.findChild<QPlainTextEdit *>(u"detailsView"_s);
    QVERIFY(details->toPlainText().startsWith(u"Rev: 1baec2253d83"_s));
}

void TestMainWindow::bigHistoriesCollapseRuns()
{
    HistoryGenerator generator(7);
    HistoryShape shape;
    shape.revisions = 600;
    shape.stayOnLine = 0.9;
    shape.branch = 0.02;
    shape.merge = 0.03;
    shape.label = 0.005;
    shape.dependsOn = 0.005;
    shape.branchWindow = 20;
    QString error;
    const QString versions = m_tempDir.filePath(u"big/versions"_s);
    QVERIFY2(generator.writeVersions(versions, generator.generate(shape), &error), qPrintable(error));

    MainWindow window;
    window.show();
    QVERIFY(window.openProject(versions));
    RevisionGraphView *graph = window.graphView();
    const RevisionMap &map = window.revisionModel()->project().map();
    QCOMPARE(map.size(), 600);
    QVERIFY2(graph->nodeCount() < 300, qPrintable(QString::number(graph->nodeCount())));
    int collapsed = -1;
    for (int r = 0; r < map.size(); ++r) {
        QVERIFY(graph->node(r)); // every revision has a card, perhaps a stack
        if (collapsed < 0 && graph->node(r)->content().collapsedCount > 0)
            collapsed = r;
    }
    QVERIFY(collapsed >= 0);
    const int before = graph->nodeCount();
    const int runLength = graph->node(collapsed)->content().collapsedCount;
    QVERIFY(graph->expandRun(collapsed));
    QCOMPARE(graph->nodeCount(), before + runLength - 1);
    QCOMPARE(graph->node(collapsed)->content().collapsedCount, 0);

    // Choosing a revision inside another run selects its stack.
    int hidden = -1;
    for (int r = 0; r < map.size() && hidden < 0; ++r) {
        if (graph->node(r)->content().collapsedCount > 0 && graph->node(r)->revision() != r)
            hidden = r;
    }
    QVERIFY(hidden >= 0);
    graph->selectRevision(hidden);
    QCOMPARE(graph->selectedRevision(), graph->node(hidden)->revision());
}

void TestMainWindow::screenshot()
{
    MainWindow window;
    window.resize(1280, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(samplePath() + u"/alembic.ini"_s));
    auto *view = window.findChild<QTreeView *>(u"revisionView"_s);
    view->setCurrentIndex(view->model()->index(2, 0));

    const QPixmap pixmap = window.grab();
    QVERIFY(!pixmap.isNull());
    const QString file = m_tempDir.filePath(u"mainwindow.png"_s);
    QVERIFY(pixmap.save(file));
    const QImage image(file);
    QCOMPARE(image.size(), pixmap.size());
    QVERIFY(image.width() >= 640 && image.height() >= 400);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
