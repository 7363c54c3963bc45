// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "detailspane.h"
#include "drawing/theme.h"
#include "guitestsupport.h"
#include "history/revisionlistmodel.h"
#include "noticearea.h"
#include "project/recentprojects.h"
#include "revisionnodeitem.h"
#include "sourceview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <utility>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void startsWithWelcomePage();
    void opensSample();
    void selectingShowsDetailsAndSource();
    void detailLinksSelectRevisions();
    void opensDemo();
    void reportsOpenErrors();
    void cancelsReading();
    void quickLayoutOnRequest();
    void remembersRecentProjects();
    void opensDroppedFolders();
    void opensFolderFromMenu();
    void choosesSection();
    void remembersSections();
    void opensRevisionFiles();
    void warnsAboutUnreadSubfolders();
    void copiesIdAndPath();
    void searchFiltersListAndJumps();
    void problemsSelectRevisionAndLine();
    void opensRealProjects_data();
    void opensRealProjects();
    void evaluatesWithPythonOnConsent();
    void exportsPictures_data();
    void exportsPictures();
    void picksUpFileChanges();
    void keepsWindowState();
    void screenshot();

private:
    static int revisionFileCount();
    /// A copy of the sample project that tests may change.
    QString copySample(const QString &name);
    /// A project whose alembic.ini holds [core] (the sample's history) and [tenant] (two
    /// revisions), and [alembic] (the sample's) when @p withDefault.
    QString sectionsProject(const QString &name, bool withDefault);
    QTemporaryDir m_tempDir;
};

void TestMainWindow::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_tempDir.isValid());
    QVERIFY(QFileInfo::exists(sampleProjectPath() + u"/alembic.ini"_s));
}

void TestMainWindow::init()
{
    RecentProjects::clear();
    QSettings().remove(u"window"_s);
}

int TestMainWindow::revisionFileCount()
{
    return int(QDir(sampleProjectPath() + u"/migrations/versions"_s).entryList({u"*.py"_s}, QDir::Files).size());
}

QString TestMainWindow::copySample(const QString &name)
{
    const QString root = m_tempDir.filePath(name);
    const QString versions = root + u"/migrations/versions"_s;
    if (!QDir().mkpath(versions))
        return {};
    QFile::copy(sampleProjectPath() + u"/alembic.ini"_s, root + u"/alembic.ini"_s);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    const QDir source(sampleProjectPath() + u"/migrations/versions"_s);
    for (const QString &file : source.entryList({u"*.py"_s}, QDir::Files))
        QFile::copy(source.filePath(file), versions + u'/' + file);
    return root;
}

QString TestMainWindow::sectionsProject(const QString &name, bool withDefault)
{
    const QString root = copySample(name);
    if (root.isEmpty() || !QDir().rename(root + u"/migrations"_s, root + u"/core"_s))
        return {};
    QFile ini(root + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    if (withDefault)
        ini.write("[alembic]\nscript_location = %(here)s/core\n\n");
    ini.write("[core]\nscript_location = %(here)s/core\n\n[tenant]\nscript_location = %(here)s/tenant\n\n"
              "[loggers]\nkeys = root\n");
    if (!QDir().mkpath(root + u"/tenant/versions"_s))
        return {};
    const QByteArray revisions[][2] = {{"t1_tenants", "revision = 't1'\ndown_revision = None\n"},
                                       {"t2_plans", "revision = 't2'\ndown_revision = 't1'\n"}};
    for (const auto &revision : revisions) {
        QFile file(root + u"/tenant/versions/"_s + QString::fromLatin1(revision[0]) + u".py"_s);
        if (!file.open(QIODevice::WriteOnly) || file.write(revision[1]) != revision[1].size())
            return {};
    }
    return root;
}

void TestMainWindow::startsWithWelcomePage()
{
    MainWindow window;
    window.setDemoProjectPath(sampleProjectPath());
    window.show();
    auto *pages = window.findChild<QStackedWidget *>();
    QVERIFY(pages);
    QCOMPARE(pages->currentWidget()->objectName(), u"welcomePage"_s);
    auto *demo = window.findChild<QPushButton *>(u"welcomeDemoButton"_s);
    QVERIFY(demo && demo->isVisible());
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    demo->click();
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.last().at(0).toBool());
    QVERIFY(waitForLayout(window.graphView()));
    QCOMPARE(pages->currentWidget()->objectName(), QString()); // the graph and list
    QCOMPARE(window.graphView()->nodeCount(), revisionFileCount());
}

void TestMainWindow::opensSample()
{
    MainWindow window;
    window.show();
    const QString ini = sampleProjectPath() + u"/alembic.ini"_s;
    QVERIFY(openAndWait(window, ini));
    QCOMPARE(window.projectPath(), QFileInfo(ini).absoluteFilePath());
    QVERIFY(window.windowTitle().contains(u"alembic.ini"_s));

    QTreeView *view = window.historyView();
    QCOMPARE(view->model()->rowCount(), revisionFileCount());
    QCOMPARE(view->model()->columnCount(), int(RevisionListModel::ColumnCount));

    auto *revisions = window.findChild<QLabel *>(u"revisionCountLabel"_s);
    auto *heads = window.findChild<QLabel *>(u"headCountLabel"_s);
    QCOMPARE(revisions->text(), u"Revisions: %1"_s.arg(revisionFileCount()));
    QCOMPARE(heads->text(), u"Heads: 3"_s);
    QCOMPARE(heads->palette().color(QPalette::WindowText),
             Theme::color(Theme::Tone::Warning, window.palette())); // several heads
    // Which config file was read and where its scripts are.
    QCOMPARE(window.findChild<QLabel *>(u"projectPathLabel"_s)->text(),
             QDir::toNativeSeparators(ini) + u" → scripts in migrations"_s);

    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    QCOMPARE(problems->count(), 1); // the sample's only problem: three heads
    QVERIFY(problems->item(0)->text().contains(u"3 heads"_s));
}

void TestMainWindow::copiesIdAndPath()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionMap &map = window.revisionModel()->project().map();
    const int merge = map.indexOf(u"9ccc6cd9d6d2"_s);
    window.selectRevision(merge);
    QClipboard *clipboard = QGuiApplication::clipboard();
    // Ctrl+C on the graph and on the list copies the whole id.
    clipboard->clear();
    window.graphView()->setFocus();
    QTest::keySequence(window.graphView(), QKeySequence::Copy);
    QCOMPARE(clipboard->text(), u"9ccc6cd9d6d2"_s);
    clipboard->clear();
    window.historyView()->setFocus();
    QTest::keySequence(window.historyView(), QKeySequence::Copy);
    QCOMPARE(clipboard->text(), u"9ccc6cd9d6d2"_s);
    // The file's path, from the Edit menu (and the list's context menu).
    auto *copyPath = window.findChild<QAction *>(u"copyPathAction"_s);
    QVERIFY(copyPath);
    QVERIFY(window.historyView()->actions().contains(copyPath));
    copyPath->trigger();
    QVERIFY2(clipboard->text().endsWith(u"9ccc6cd9d6d2_merge_shop_and_audit_heads.py"_s) ||
                 QFileInfo(clipboard->text()).fileName().startsWith(u"9ccc6cd9d6d2"_s),
             qPrintable(clipboard->text()));
    QVERIFY(QFileInfo::exists(clipboard->text()));
}

void TestMainWindow::selectingShowsDetailsAndSource()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionMap &map = window.revisionModel()->project().map();
    const int merge = map.indexOf(u"9ccc6cd9d6d2"_s);
    window.selectRevision(merge);
    QCOMPARE(window.graphView()->selectedRevision(), merge);
    QCOMPARE(window.revisionModel()->revisionAt(window.historyView()->currentIndex().row()), merge);

    DetailsPane *details = window.detailsPane();
    const QString summary = details->summary()->toPlainText();
    QVERIFY2(summary.contains(u"9ccc6cd9d6d2"_s), qPrintable(summary));
    QVERIFY(summary.contains(u"Parents"_s));
    for (int parent : map.revision(merge).down)
        QVERIFY(summary.contains(map.revision(parent).id));
    QVERIFY(summary.contains(u"Created"_s));
    QVERIFY2(summary.contains(u"Schema changes"_s) && summary.contains(u"no schema changes"_s), qPrintable(summary));
    window.selectRevision(map.indexOf(u"1946af4d94f2"_s));
    QVERIFY2(details->summary()->toPlainText().contains(u"+ column orders.currency VARCHAR(3) NOT NULL"_s),
             qPrintable(details->summary()->toPlainText()));
    window.selectRevision(merge);

    SourceView *source = details->source();
    QVERIFY(source->visibleText().contains(u"revision = \"9ccc6cd9d6d2\""_s) ||
            source->visibleText().contains(u"revision: str = \"9ccc6cd9d6d2\""_s) ||
            source->visibleText().contains(u"9ccc6cd9d6d2"_s));
    // Enter on the card opens its source at upgrade().
    window.graphView()->setFocus();
    const int gift = map.indexOf(u"17468fe7ff21"_s);
    window.selectRevision(gift);
    QTest::keyClick(window.graphView(), Qt::Key_Return);
    QCOMPARE(source->currentTab(), SourceView::Tab::Upgrade);
    QVERIFY(source->visibleText().trimmed().startsWith(u"def upgrade"_s));
}

void TestMainWindow::detailLinksSelectRevisions()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const RevisionMap &map = window.revisionModel()->project().map();
    const int merge = map.indexOf(u"9ccc6cd9d6d2"_s);
    window.selectRevision(merge);
    const int parent = map.revision(merge).down.first();
    emit window.detailsPane()->summary()->anchorClicked(QUrl(u"revision:%1"_s.arg(parent)));
    QCOMPARE(window.currentRevision(), parent);
    QCOMPARE(window.graphView()->selectedRevision(), parent);
    QVERIFY(window.detailsPane()->summary()->toHtml().contains(u"revision:%1"_s.arg(merge))); // its child
}

void TestMainWindow::opensDemo()
{
    MainWindow window;
    window.setDemoProjectPath(sampleProjectPath());
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openDemo();
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
}

void TestMainWindow::cancelsReading()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const QString title = window.windowTitle();
    auto *cancel = window.findChild<QToolButton *>(u"cancelReadingButton"_s);
    QVERIFY(cancel);

    // Cancelled before the reading ends: told at once, and its result, when it comes, is dropped.
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openProject(m_tempDir.filePath(u"nothing-here"_s));
    cancel->click();
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.last().at(0).toBool());
    QVERIFY(!opened.wait(1000));
    QVERIFY(window.notices()->banners().isEmpty()); // the failure it would have been is not reported
    QCOMPARE(window.windowTitle(), title);
    QVERIFY(!cancel->isVisible());
    // Nothing to cancel: nothing happens.
    cancel->click();
    QCOMPARE(opened.size(), 1);
    // The next reading is not affected.
    QVERIFY(openAndWait(window, sampleProjectPath()));

    // A cancelled reload (the files changed) leaves the history stale, and a banner says so.
    window.reloadProject();
    cancel->click();
    auto *stale = window.findChild<NoticeBanner *>(u"reloadError"_s);
    QVERIFY(stale);
    QVERIFY2(stale->text().contains(u"cancelled"_s), qPrintable(stale->text()));
    QVERIFY(stale->findChild<QPushButton *>(u"reloadAgainButton"_s));
    // Opening a project clears what was said about the one before.
    Notice other;
    other.id = u"undoError"_s;
    other.title = u"Cannot Undo"_s;
    window.notices()->post(other);
    QVERIFY(openAndWait(window, sampleProjectPath()));
    QTRY_VERIFY(window.notices()->banners().isEmpty());
}

void TestMainWindow::quickLayoutOnRequest()
{
    MainWindow window;
    window.show();
    RevisionGraphView *graph = window.graphView();
    auto *quick = graph->findChild<QPushButton *>(u"quickLayoutButton"_s);
    QVERIFY(quick);
    // The user asks as soon as the layout starts, as they would click Quick Layout on the busy note.
    const QMetaObject::Connection asking =
        connect(graph, &RevisionGraphView::layoutStarted, quick, &QPushButton::click, Qt::DirectConnection);
    QVERIFY(openAndWait(window, sampleProjectPath()));
    disconnect(asking);
    QCOMPARE(graph->layoutNote(), u"Graphviz was stopped on request; showing a simpler layered layout."_s);
    QVERIFY(window.statusBar()->currentMessage().contains(u"stopped on request"_s));
    QCOMPARE(graph->nodeCount(), window.project().map().size());
    // The next layout is Graphviz's again.
    window.reloadProject();
    QTRY_VERIFY(!graph->isLayoutRunning() && graph->layoutNote().isEmpty());
}

void TestMainWindow::reportsOpenErrors()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const QString title = window.windowTitle();

    const QString missing = m_tempDir.filePath(u"nothing-here"_s);
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openProject(missing);
    QVERIFY(opened.wait(10000));
    QVERIFY(!opened.last().at(0).toBool());
    // A banner in the window, not a modal box: the window stays usable.
    QVERIFY(!QApplication::activeModalWidget());
    auto *banner = window.findChild<NoticeBanner *>(u"openError"_s);
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QDir::toNativeSeparators(missing)), qPrintable(banner->text()));
    QVERIFY(banner->findChild<QPushButton *>(u"openAnotherButton"_s));
    // The open project stays.
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
    // A second failure replaces the banner instead of stacking another.
    window.openProject(missing);
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.notices()->banners().size(), 1);
    // Opening a project clears what no longer holds.
    QVERIFY(openAndWait(window, sampleProjectPath()));
    QTRY_VERIFY(window.notices()->banners().isEmpty());
    QVERIFY(!window.notices()->isVisible());
}

void TestMainWindow::remembersRecentProjects()
{
    const QString copy = copySample(u"recent"_s);
    {
        MainWindow window;
        QVERIFY(openAndWait(window, sampleProjectPath()));
        QVERIFY(openAndWait(window, copy));
    }
    QCOMPARE(RecentProjects::paths(), (QStringList{QFileInfo(copy).absoluteFilePath(), sampleProjectPath()}));
    MainWindow window;
    window.show();
    // The welcome page offers them, newest first; the menu too.
    const auto buttons = window.findChildren<QPushButton *>(u"recentProjectButton"_s);
    QCOMPARE(buttons.size(), 2);
    QVERIFY(buttons.first()->text().contains(u"recent"_s));
    auto *menu = window.findChild<QMenu *>(u"recentMenu"_s);
    emit menu->aboutToShow();
    QCOMPARE(menu->actions().first()->text(), QDir::toNativeSeparators(QFileInfo(copy).absoluteFilePath()));
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    buttons.last()->click();
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.projectPath(), sampleProjectPath());
}

void TestMainWindow::opensDroppedFolders()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(sampleProjectPath())});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.projectPath(), sampleProjectPath());
}

void TestMainWindow::opensFolderFromMenu()
{
    MainWindow window;
    window.show();
    auto *action = window.findChild<QAction *>(u"openFolderAction"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QMenu *fileMenu = window.menuBar()->actions().constFirst()->menu();
    QVERIFY(fileMenu && fileMenu->actions().contains(action));

    // Offscreen there is no native dialog: Qt's own folder picker shows, modal, and is answered here.
    const QString root = copySample(u"folder"_s);
    bool answered = false;
    QTimer answer;
    connect(&answer, &QTimer::timeout, &window, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (answered || !dialog || dialog->fileMode() != QFileDialog::Directory)
            return;
        answered = true;
        dialog->setDirectory(root);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), which checks the folder
    });
    answer.start(50);
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    action->trigger();
    QVERIFY(answered);
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.last().at(0).toBool());
    QCOMPARE(QDir::cleanPath(window.projectPath()), QDir::cleanPath(root));
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());

    // The welcome page offers the same.
    MainWindow fresh;
    fresh.show();
    auto *button = fresh.findChild<QPushButton *>(u"welcomeOpenFolderButton"_s);
    QVERIFY(button && button->isVisible());
    answered = false;
    QSignalSpy freshOpened(&fresh, &MainWindow::projectOpened);
    button->click();
    QVERIFY(answered);
    QVERIFY(freshOpened.wait(10000));
    QCOMPARE(QDir::cleanPath(fresh.projectPath()), QDir::cleanPath(root));
}

void TestMainWindow::choosesSection()
{
    const QString root = sectionsProject(u"sections"_s, false);
    QVERIFY(!root.isEmpty());
    const QString ini = root + u"/alembic.ini"_s;
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openProject(ini);
    auto *dialog = window.findChild<QDialog *>(u"sectionDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QListWidget *>(u"sectionList"_s);
    QVERIFY(list);
    QCOMPARE(list->count(), 2); // [loggers] is not an alembic configuration
    QCOMPARE(list->item(0)->text(), u"[core]"_s);
    QCOMPARE(list->item(1)->text(), u"[tenant]"_s);
    QCOMPARE(list->currentRow(), 0);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open), Qt::LeftButton);
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.last().at(0).toBool());
    QCOMPARE(window.project().config().section, u"tenant"_s);
    QCOMPARE(window.project().map().size(), 2);
    QVERIFY2(window.windowTitle().endsWith(u"alembic.ini [tenant]"_s), qPrintable(window.windowTitle()));
    QVERIFY(window.findChild<QLabel *>(u"projectPathLabel"_s)->toolTip().contains(u"alembic.ini [tenant]"_s));
    QCOMPARE(RecentProjects::entries().constFirst(), (RecentProjects::Entry{ini, u"tenant"_s}));

    // Reading again keeps the section.
    window.reloadProject();
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.project().config().section, u"tenant"_s);

    // A section named up front (retort -n core) is not asked for.
    QTRY_VERIFY(!window.findChild<QDialog *>(u"sectionDialog"_s));
    window.openProject(ini, u"core"_s);
    QVERIFY(!window.findChild<QDialog *>(u"sectionDialog"_s));
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.project().config().section, u"core"_s);
    QCOMPARE(window.project().map().size(), revisionFileCount());
    QVERIFY(!window.windowTitle().contains(u"[tenant]"_s));

    // Cancelling keeps what is open.
    window.openProject(root);
    dialog = window.findChild<QDialog *>(u"sectionDialog"_s);
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(!opened.last().at(0).toBool());
    QCOMPARE(window.project().config().section, u"core"_s);
}

void TestMainWindow::remembersSections()
{
    const QString root = sectionsProject(u"remembered"_s, true);
    QVERIFY(!root.isEmpty());
    const QString ini = root + u"/alembic.ini"_s;
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        window.openProject(ini);
        auto *dialog = window.findChild<QDialog *>(u"sectionDialog"_s);
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>(u"sectionList"_s);
        // What alembic reads without -n comes first in the choice.
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->currentItem()->text(), u"[alembic]"_s);
        list->setCurrentRow(2);
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(opened.wait(10000));
        QCOMPARE(window.project().config().section, u"tenant"_s);
        QVERIFY(openAndWait(window, sampleProjectPath()));
    }
    QCOMPARE(RecentProjects::entries(),
             (QList<RecentProjects::Entry>{{sampleProjectPath(), u"alembic"_s}, {ini, u"tenant"_s}}));

    MainWindow window;
    window.show();
    const auto buttons = window.findChildren<QCommandLinkButton *>(u"recentProjectButton"_s);
    QCOMPARE(buttons.size(), 2);
    QVERIFY2(buttons.last()->description().endsWith(u"alembic.ini [tenant]"_s),
             qPrintable(buttons.last()->description()));
    auto *menu = window.findChild<QMenu *>(u"recentMenu"_s);
    emit menu->aboutToShow();
    QVERIFY(menu->actions().at(1)->text().endsWith(u"[tenant]"_s));
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    buttons.last()->click();
    QVERIFY(!window.findChild<QDialog *>(u"sectionDialog"_s)); // remembered, not asked again
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.project().config().section, u"tenant"_s);

    // Lists written before sections were remembered hold plain paths; a '#' in a path is no section.
    const QString hashed = copySample(u"with#hash"_s) + u"/alembic.ini"_s;
    QSettings().setValue(u"recentProjects"_s, QStringList{ini, hashed});
    QCOMPARE(RecentProjects::entries(), (QList<RecentProjects::Entry>{{ini, u"alembic"_s}, {hashed, u"alembic"_s}}));
    RecentProjects::add(hashed, u"core"_s);
    QCOMPARE(RecentProjects::entries().constFirst(), (RecentProjects::Entry{hashed, u"core"_s}));
}

void TestMainWindow::opensRevisionFiles()
{
    const QString root = copySample(u"revisionfile"_s);
    const QString ini = QFileInfo(root + u"/alembic.ini"_s).absoluteFilePath();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The project it belongs to opens with the file's revision selected, wherever that is.
    for (const QString &name :
         {u"9ccc6cd9d6d2_merge_payments_and_inventory.py"_s, u"1baec2253d83_create_customers_table.py"_s}) {
        QVERIFY(openAndWait(window, root + u"/migrations/versions/"_s + name));
        QCOMPARE(window.projectPath(), ini);
        QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
        const RevisionScript *script = window.project().script(window.currentRevision());
        QVERIFY(script);
        QCOMPARE(script->fileName, name);
        QCOMPARE(window.graphView()->selectedRevision(), window.currentRevision());
    }
    // Dropped, the same.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(root + u"/migrations/versions/17468fe7ff21_create_gift_cards_table.py"_s)});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.project().map().revision(window.currentRevision()).id, u"17468fe7ff21"_s);

    // A tenant's revision opens its section without asking.
    const QString sections = sectionsProject(u"revisionsections"_s, false);
    QVERIFY(openAndWait(window, sections + u"/tenant/versions/t2_plans.py"_s));
    QVERIFY(!window.findChild<QDialog *>(u"sectionDialog"_s));
    QCOMPARE(window.project().config().section, u"tenant"_s);
    QCOMPARE(window.project().map().revision(window.currentRevision()).id, u"t2"_s);
}

void TestMainWindow::warnsAboutUnreadSubfolders()
{
    const QString root = copySample(u"unread"_s);
    const QString folder = root + u"/migrations/versions/2024_1"_s;
    QVERIFY(QDir().mkpath(folder));
    for (const auto &[name, text] : {std::pair{"aa01_later.py", "revision = 'aa01'\ndown_revision = None\n"},
                                     std::pair{"aa02_later.py", "revision = 'aa02'\ndown_revision = 'aa01'\n"}}) {
        QFile file(folder + u'/' + QLatin1StringView(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QCOMPARE(window.revisionModel()->rowCount(), revisionFileCount());
    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    QStringList texts;
    for (int row = 0; row < problems->count(); ++row)
        texts.append(problems->item(row)->text());
    QCOMPARE(texts.size(), 2); // the sample's three heads, and the folder
    QVERIFY2(texts.filter(u"migrations/versions/2024_1 holds 2 revision file(s) that alembic does not read"_s).size() ==
                 1,
             qPrintable(texts.join(u'\n')));

    // Opening one of those files opens the project, and says why it is not selected.
    QVERIFY(openAndWait(window, folder + u"/aa02_later.py"_s));
    QCOMPARE(window.projectPath(), QFileInfo(root + u"/alembic.ini"_s).absoluteFilePath());
    QVERIFY2(window.statusBar()->currentMessage().contains(u"is not part of the history"_s),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::searchFiltersListAndJumps()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    QLineEdit *search = window.searchField();
    QTest::keyClicks(search, u"audit"_s);
    // Label "audit" and messages mentioning audit; the list shows only those.
    QAbstractItemModel *list = window.historyView()->model();
    const int matches = window.graphView()->matchedRevisions().size();
    QVERIFY(matches >= 4);
    QCOMPARE(list->rowCount(), matches);
    for (int row = 0; row < list->rowCount(); ++row) {
        const QString text = list->index(row, RevisionListModel::MessageColumn).data().toString() +
                             list->index(row, RevisionListModel::BranchLabelsColumn).data().toString();
        QVERIFY2(text.contains(u"audit"_s, Qt::CaseInsensitive), qPrintable(text));
    }
    auto *count = window.findChild<QLabel *>(u"matchCountLabel"_s);
    QCOMPARE(count->text(), u"%1 matches"_s.arg(matches));
    // Enter walks the matches top to bottom and wraps.
    QList<int> visited;
    for (int i = 0; i < matches + 1; ++i) {
        QTest::keyClick(search, Qt::Key_Return);
        visited.append(window.currentRevision());
    }
    QCOMPARE(visited.first(), window.graphView()->matchedRevisions().first());
    QCOMPARE(visited.last(), visited.first());
    QCOMPARE(QSet<int>(visited.begin(), visited.end()).size(), matches);
    // An id prefix finds exactly one revision.
    search->setText(u"9ccc6"_s);
    QCOMPARE(list->rowCount(), 1);
    search->clear();
    QCOMPARE(list->rowCount(), revisionFileCount());
}

void TestMainWindow::problemsSelectRevisionAndLine()
{
    const QString root = copySample(u"problems"_s);
    // A revision whose down_revision is computed: reported at its line, never guessed.
    const QString broken = root + u"/migrations/versions/aaaa00000001_computed.py"_s;
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\"\"\"computed parent\n\nRevision ID: aaaa00000001\n\"\"\"\n"
               "revision = \"aaaa00000001\"\n"
               "down_revision = \"9ccc6cd9d6d2\" + \"\"\n"
               "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
    file.close();
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    int row = -1;
    for (int i = 0; i < problems->count() && row < 0; ++i) {
        if (problems->item(i)->text().contains(u"aaaa00000001_computed.py:6"_s))
            row = i;
    }
    QVERIFY2(row >= 0, qPrintable(problems->item(0)->text()));
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualItemRect(problems->item(row)).center());
    // The file is not in the map (its parent is unknown): its source shows, marked at the line.
    QCOMPARE(window.currentRevision(), -1);
    QVERIFY(window.detailsPane()->summary()->toPlainText().contains(u"aaaa00000001_computed.py"_s));
    QCOMPARE(window.detailsPane()->source()->highlightedLine(), 6);
    QCOMPARE(window.detailsPane()->source()->editor()->textCursor().blockNumber(), 5);
}

void TestMainWindow::opensRealProjects_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("status");       ///< part of the status bar's project text or tooltip
    QTest::addColumn<QStringList>("problems"); ///< a part of each expected problem, in order
    QTest::addColumn<bool>("evaluable");
    const QString data = QStringLiteral(RETORT_SOURCE_DIR "/tests/data/realprojects/");
    QTest::newRow("Flask-Migrate project root")
        << data + u"flaskapp"_s << u"as Flask-Migrate sets it"_s << QStringList() << false;
    QTest::newRow("OpenStack release folders")
        << data + u"openstack/quarry/db/migration/alembic.ini"_s << u"scripts in alembic_migrations"_s
        << QStringList{u"newton/expand does not exist"_s, u"newton/contract does not exist"_s,
                       u"2024.1/contract does not exist"_s, u"2 heads"_s}
        << false;
    QTest::newRow("constants from an installed package")
        << data + u"outoftree"_s << u"scripts in migrations"_s
        << QStringList{u"ocata_contract01_drop_is_public.py:15: branch_labels"_s,
                       u"ocata_expand01_add_visibility.py:15: branch_labels"_s, u"3 heads"_s}
        << true;
}

void TestMainWindow::opensRealProjects()
{
    QFETCH(QString, path);
    QFETCH(QString, status);
    QFETCH(QStringList, problems);
    QFETCH(bool, evaluable);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(openAndWait(window, path));
    QVERIFY(window.notices()->banners().isEmpty());
    auto *label = window.findChild<QLabel *>(u"projectPathLabel"_s);
    QVERIFY2(label->text().contains(status) || label->toolTip().contains(status), qPrintable(label->toolTip()));
    auto *view = window.findChild<QListWidget *>(u"problemsView"_s);
    QStringList shown;
    for (int i = 0; i < view->count(); ++i)
        shown.append(view->item(i)->text());
    if (problems.isEmpty()) {
        QCOMPARE(shown, QStringList{u"No problems found."_s});
    } else {
        QCOMPARE(shown.size(), problems.size());
        for (int i = 0; i < problems.size(); ++i)
            QVERIFY2(shown.at(i).contains(problems.at(i)), qPrintable(shown.at(i)));
    }
    QCOMPARE(window.findChild<QPushButton *>(u"evaluateButton"_s)->isVisible(), evaluable);
    QVERIFY(waitForLayout(window.graphView()));
    QCOMPARE(window.graphView()->nodeCount(), window.project().map().size());
}

void TestMainWindow::evaluatesWithPythonOnConsent()
{
    // A copy, so the remembered consent belongs to this test's project only.
    const QString root = m_tempDir.filePath(u"computed"_s);
    const QString source = QStringLiteral(RETORT_SOURCE_DIR "/tests/data/realprojects/computed");
    QVERIFY(QDir().mkpath(root + u"/migrations/versions"_s));
    QVERIFY(QFile::copy(source + u"/alembic.ini"_s, root + u"/alembic.ini"_s));
    QVERIFY(QFile::copy(source + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s));
    for (const QString &file : QDir(source + u"/migrations/versions"_s).entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(source + u"/migrations/versions/"_s + file, root + u"/migrations/versions/"_s + file));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(openAndWait(window, root));
    QVERIFY(window.project().hasUnknownHeaders());
    auto *button = window.findChild<QPushButton *>(u"evaluateButton"_s);
    QVERIFY(button->isVisible());
    const int invoices = window.project().map().indexOf(u"4d4d4d4d4d4d"_s);
    window.selectRevision(invoices);
    QVERIFY(window.detailsPane()->summary()->toPlainText().contains(u"changed by module-level code"_s));

    // Declining runs nothing.
    button->click();
    auto *box = window.findChild<QMessageBox *>(u"evaluateConsentBox"_s);
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!window.findChild<QMessageBox *>(u"evaluateConsentBox"_s));
    QVERIFY(!window.evaluatesWithPython());

    QSignalSpy opened(&window, &MainWindow::projectOpened);
    button->click();
    box = window.findChild<QMessageBox *>(u"evaluateConsentBox"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QVERIFY(opened.wait(30000));
    QVERIFY(window.evaluatesWithPython());
    QVERIFY(!window.project().hasUnknownHeaders());
    QVERIFY(!button->isVisible());
    window.selectRevision(window.project().map().indexOf(u"4d4d4d4d4d4d"_s));
    QVERIFY2(window.detailsPane()->summary()->toPlainText().contains(u"evaluated by"_s),
             qPrintable(window.detailsPane()->summary()->toPlainText()));
    QVERIFY(window.detailsPane()->summary()->toPlainText().contains(u"3c3c3c3c3c3c"_s));

    // Remembered for this project: a new window evaluates at once.
    MainWindow again;
    QVERIFY(openAndWait(again, root));
    QVERIFY(!again.project().hasUnknownHeaders());
}

void TestMainWindow::exportsPictures_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("svg") << u"graph.svg"_s;
    QTest::newRow("png") << u"graph.png"_s;
    QTest::newRow("dot") << u"graph.dot"_s;
}

void TestMainWindow::exportsPictures()
{
    QFETCH(QString, fileName);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, sampleProjectPath()));
    const QString path = m_tempDir.filePath(fileName);
    QString error;
    QVERIFY2(window.exportGraph(path, &error), qPrintable(error));
    const QRectF box = window.graphView()->picture().layout.boundingBox;
    if (fileName.endsWith(u".svg"_s)) {
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        QVERIFY(std::abs(svg.viewBoxF().width() - (box.width() + 48)) < 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("9ccc6cd9d6d2")); // the cards' text is text, searchable
    } else if (fileName.endsWith(u".png"_s)) {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), qRound((box.width() + 48) * 2));
        // Not blank: many distinct colours (cards, lineage colours, text).
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray dot = file.readAll();
        QVERIFY(dot.startsWith("digraph"));
        QCOMPARE(dot.count("->"), window.graphView()->edgeCount());
    }
    QVERIFY(!window.exportGraph(m_tempDir.filePath(u"graph.bmp"_s), &error));
    QVERIFY(error.contains(u".svg"_s));
}

void TestMainWindow::picksUpFileChanges()
{
    const QString root = copySample(u"watched"_s);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    const int before = window.revisionModel()->project().map().size();
    const int head = window.revisionModel()->project().map().indexOf(u"1946af4d94f2"_s);
    window.selectRevision(head);
    const QTransform zoom = QTransform::fromScale(0.7, 0.7);
    window.graphView()->setTransform(zoom);

    // A new revision on top of a head appears within a second, selection and zoom kept.
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    QFile file(root + u"/migrations/versions/bbbb00000001_add_vouchers.py"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\"\"\"add vouchers\n\nRevision ID: bbbb00000001\n\"\"\"\n"
               "revision = \"bbbb00000001\"\ndown_revision = \"1946af4d94f2\"\n"
               "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
    file.close();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(opened.wait(3000));
    QVERIFY(waitForLayout(window.graphView()));
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    const RevisionMap &after = window.revisionModel()->project().map();
    QCOMPARE(after.size(), before + 1);
    QCOMPARE(window.graphView()->nodeCount(), revisionFileCount() + 1);
    QCOMPARE(after.revision(window.currentRevision()).id, u"1946af4d94f2"_s);
    QCOMPARE(window.graphView()->selectedRevision(), window.currentRevision());
    QCOMPARE(window.graphView()->transform(), zoom);

    // A broken edit becomes a problem, not a crash.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("revision = \"bbbb00000001\"\ndown_revision = (\n");
    file.close();
    QVERIFY(opened.wait(3000));
    QVERIFY(waitForLayout(window.graphView()));
    auto *problems = window.findChild<QListWidget *>(u"problemsView"_s);
    bool reported = false;
    for (int i = 0; i < problems->count(); ++i)
        reported = reported || problems->item(i)->text().contains(u"bbbb00000001_add_vouchers.py"_s);
    QVERIFY(reported);
}

void TestMainWindow::keepsWindowState()
{
    // Smaller than the screen: Qt 6.8 shrinks a restored window to fit it (offscreen: 800×600).
    QSize size;
    {
        MainWindow window;
        window.show();
        size = window.screen()->availableGeometry().size() * 0.8;
        window.resize(size);
        auto *problemsDock = window.findChild<QDockWidget *>(u"problemsDock"_s);
        problemsDock->hide();
        window.close();
    }
    MainWindow window;
    window.show();
    QCOMPARE(window.size(), size);
    QVERIFY(!window.findChild<QDockWidget *>(u"problemsDock"_s)->isVisible());
}

void TestMainWindow::screenshot()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, sampleProjectPath() + u"/alembic.ini"_s));
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
