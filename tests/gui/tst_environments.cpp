// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Environments in the window, on real SQLite files: pins, pending shading, the summary, and stamping
// through the preview dialog (refused when the rows changed behind it; protected environments).

#include "confirmations.h"
#include "database/databaseconnection.h"
#include "database/environmentsession.h"
#include "detailspane.h"
#include "elidedlabel.h"
#include "environmentactions.h"
#include "environmentbar.h"
#include "guitestsupport.h"
#include "history/migrationplanner.h"
#include "history/revisionlistmodel.h"
#include "noticearea.h"
#include "revisionnodeitem.h"
#include "stampdialog.h"
#include "versionrows.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

class TestEnvironments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void configDatabaseIsShown();
    void environmentsArePinned();
    void stampThroughPreview();
    void stampRefusedWhenRowsChanged();
    void protectedEnvironmentNeedsItsName();
    void confirmationSettingsApply();
    void unknownRowsAreReported();
    void rereadWhenActivated();
    void summaryElidesAtWords();

private:
    /// A copy of the sample whose config URL points at db.sqlite, stamped to @p rows by Retort itself.
    QString makeProject(const QStringList &rows);
    /// Opens the active environment's stamp preview at @p targets and waits for its reading; nullptr
    /// when no preview opened or its reading did not end.
    static StampDialog *readStampPreview(MainWindow &window, const QStringList &targets);
    static QStringList readRows(const QString &url);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestEnvironments::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_dir.isValid());
}

void TestEnvironments::init()
{
    QFile::remove(QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s).fileName());
}

QStringList TestEnvironments::readRows(const QString &url)
{
    const auto connection = DatabaseConnection::open(url, QString(), true);
    if (!connection)
        return {u"(cannot open)"_s};
    QSqlQuery query(connection.value()->database());
    query.exec(u"SELECT version_num FROM alembic_version ORDER BY version_num"_s);
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

QString TestEnvironments::makeProject(const QStringList &rows)
{
    const QString root = m_dir.filePath(u"p%1"_s.arg(++m_count));
    QDir().mkpath(root + u"/migrations/versions"_s);
    const QDir sample(sampleProjectPath() + u"/migrations/versions"_s);
    for (const QString &file : sample.entryList({u"*.py"_s}, QDir::Files))
        QFile::copy(sample.filePath(file), root + u"/migrations/versions/"_s + file);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    QFile ini(root + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/db.sqlite\n");
    ini.close();
    if (!writeVersionRows(u"sqlite:///"_s + root + u"/db.sqlite"_s, rows))
        return {};
    return root;
}

void TestEnvironments::configDatabaseIsShown()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    MainWindow window;
    window.show();
    QSignalSpy read(window.environmentSession(), &EnvironmentSession::environmentRead);
    QVERIFY(openAndWait(window, root));
    QVERIFY(read.count() > 0 || read.wait(10000));
    QCOMPARE(read.last().at(1).toBool(), true);
    QCOMPARE(window.environmentSession()->environments().size(), 1); // the config's URL, not saved
    const EnvironmentStatus *status = window.environmentSession()->status(0);
    QVERIFY(status);
    QCOMPARE(status->pendingCount, 12);
    const QString summary = window.environmentBar()->summaryLabel()->text();
    QVERIFY2(summary.startsWith(u"12 pending"_s), qPrintable(summary));
    const RevisionMap &map = window.revisionModel()->project().map();
    RevisionGraphView *graph = window.graphView();
    QCOMPARE(graph->node(map.indexOf(u"9ccc6cd9d6d2"_s))->pins().size(), 1);
    QVERIFY(graph->node(map.indexOf(u"1946af4d94f2"_s))->highlight() & GraphPainter::Pending);
    QVERIFY(!(graph->node(map.indexOf(u"9ccc6cd9d6d2"_s))->highlight() & GraphPainter::Pending));
    QVERIFY(!(graph->node(map.indexOf(u"1baec2253d83"_s))->highlight() & GraphPainter::Pending));

    // The history list and the details pane say where each revision is applied.
    RevisionListModel *model = window.revisionModel();
    const auto databases = [&](const QString &id, int role = Qt::DisplayRole) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(RevisionListModel::RevisionIdRole).toString() == id)
                return model->index(row, RevisionListModel::DatabasesColumn).data(role).toString();
        }
        return QString();
    };
    QCOMPARE(databases(u"9ccc6cd9d6d2"_s), u"config"_s);
    QCOMPARE(databases(u"1baec2253d83"_s), u"config"_s);
    QCOMPARE(databases(u"1946af4d94f2"_s), u"pending"_s);
    QCOMPARE(databases(u"1946af4d94f2"_s, Qt::ToolTipRole), u"Pending on: config"_s);
    QVERIFY(!window.historyView()->isColumnHidden(RevisionListModel::DatabasesColumn));
    window.selectRevision(map.indexOf(u"1946af4d94f2"_s));
    const auto details = window.detailsPane()->findChild<QTextBrowser *>(u"detailsSummary"_s);
    QVERIFY(details);
    QVERIFY2(details->toPlainText().contains(u"pending on \u25cf config"_s), qPrintable(details->toPlainText()));
    window.selectRevision(map.indexOf(u"9ccc6cd9d6d2"_s));
    QVERIFY(details->toPlainText().contains(u"applied to \u25cf config"_s));
}

void TestEnvironments::environmentsArePinned()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    const QString staging = m_dir.filePath(u"staging%1.sqlite"_s.arg(m_count));
    QVERIFY(writeVersionRows(u"sqlite:///"_s + staging, {u"1946af4d94f2"_s, u"b913b844acd8"_s, u"f8eba117c5dd"_s}));
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QSignalSpy read(window.environmentSession(), &EnvironmentSession::environmentRead);
    Environment environment;
    environment.name = u"staging"_s;
    environment.url = u"sqlite:///"_s + staging;
    QVERIFY(window.environmentSession()->save(environment));
    // The config's own database is kept beside it.
    QCOMPARE(window.environmentSession()->environments().size(), 2);
    QCOMPARE(window.environmentSession()->environments().first().name, u"config"_s);
    QCOMPARE(window.environmentSession()->activeIndex(), 1);
    QTRY_VERIFY(window.environmentSession()->status(1));
    QVERIFY(window.environmentBar()->summaryLabel()->text().startsWith(u"at the heads"_s));
    // Stamped at the heads, and not one of their tables is there: the pins say the schema drifted.
    QTRY_VERIFY(window.environmentSession()->drift(1));
    QVERIFY(window.environmentBar()->summaryLabel()->text().startsWith(
        u"at the heads · schema drift: 11 difference(s) · read "_s));
    QVERIFY(window.environmentBar()->summaryLabel()->toolTip().contains(u"- table "_s));
    const RevisionMap &map = window.revisionModel()->project().map();
    for (const char *head : {"1946af4d94f2", "b913b844acd8", "f8eba117c5dd"}) {
        RevisionNodeItem *card = window.graphView()->node(map.indexOf(QString::fromLatin1(head)));
        QCOMPARE(card->pins().size(), 1); // config is at 9ccc6cd9d6d2
        QCOMPARE(card->pins().first().name, u"staging"_s);
        QCOMPARE(card->pins().first().label(), u"staging \u2260"_s);
        QVERIFY(card->pins().first().drift.startsWith(u"The schema of staging differs"_s));
    }
    // Saved without a password, and reloaded for the next window.
    {
        MainWindow second;
        QVERIFY(openAndWait(second, root));
        QCOMPARE(second.environmentSession()->environments().size(), 2);
        QCOMPARE(second.environmentSession()->environments().last().name, u"staging"_s);
    }

    // Remove asks first; Cancel keeps the environment, Remove forgets it.
    auto *remove = window.findChild<QToolButton *>(u"removeEnvironmentButton"_s);
    QVERIFY(remove);
    const auto question = [&] { return window.findChild<QMessageBox *>(u"removeEnvironmentQuestion"_s); };
    remove->click();
    QTRY_VERIFY(question() && question()->isVisible());
    QVERIFY(question()->text().contains(u"staging"_s));
    QVERIFY(question()->informativeText().contains(u"not touched"_s));
    question()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!question());
    QCOMPARE(window.environmentSession()->environments().size(), 2);
    remove->click();
    QTRY_VERIFY(question() && question()->isVisible());
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : question()->buttons()) {
        if (question()->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    confirm->click();
    QTRY_COMPARE(window.environmentSession()->environments().size(), 1);
    QCOMPARE(window.environmentSession()->environments().first().name, u"config"_s);
}

void TestEnvironments::stampThroughPreview()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    MainWindow window;
    window.show();
    QSignalSpy read(window.environmentSession(), &EnvironmentSession::environmentRead);
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    StampDialog *dialog = readStampPreview(window, {u"heads"_s});
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"stampReadState"_s)->isHidden()); // the rows did not change
    const QString sql = dialog->findChild<QPlainTextEdit *>(u"stampSql"_s)->toPlainText();
    QVERIFY2(sql.contains(u"UPDATE \"alembic_version\" SET version_num='1946af4d94f2'"_s) ||
                 sql.contains(u"UPDATE \"alembic_version\" SET version_num='b913b844acd8'"_s) ||
                 sql.contains(u"UPDATE \"alembic_version\" SET version_num='f8eba117c5dd'"_s),
             qPrintable(sql));
    QCOMPARE(sql.count(u"INSERT"_s), 2);
    QVERIFY(dialog->findChild<QLabel *>(u"stampWarnings"_s)->text().contains(u"never ran"_s));
    QSignalSpy finished(window.environmentSession(), &EnvironmentSession::stampFinished);
    dialog->findChild<QPushButton *>(u"stampButton"_s)->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
    QCOMPARE(readRows(u"sqlite:///"_s + root + u"/db.sqlite"_s),
             (QStringList{u"1946af4d94f2"_s, u"b913b844acd8"_s, u"f8eba117c5dd"_s}));
    QTRY_VERIFY(window.environmentBar()->summaryLabel()->text().startsWith(u"at the heads · "_s));
}

void TestEnvironments::stampRefusedWhenRowsChanged()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    const QString url = u"sqlite:///"_s + root + u"/db.sqlite"_s;
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    // Stamped outside meanwhile (a terminal's alembic stamp): the preview reads the rows again as it
    // opens, and shows what the table holds now.
    QVERIFY(writeVersionRows(url, {u"02add0242610"_s}));
    window.stampActiveEnvironment({u"heads"_s});
    auto *dialog = window.findChild<StampDialog *>(u"stampDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isReading());
    QVERIFY(!dialog->findChild<QPushButton *>(u"stampButton"_s)->isEnabled());
    QTRY_VERIFY(!dialog->isReading());
    QVERIFY(dialog->findChild<QLabel *>(u"stampSummary"_s)->text().contains(u"02add0242610 →"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"stampReadState"_s)->text().contains(u"changed since"_s));
    QVERIFY(window.environmentBar()->summaryLabel()->text().contains(u"read just now"_s));
    // Someone migrates while the preview is open.
    QVERIFY(writeVersionRows(url, {u"b476ff785737"_s}));
    QSignalSpy finished(window.environmentSession(), &EnvironmentSession::stampFinished);
    dialog->findChild<QPushButton *>(u"stampButton"_s)->click();
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.last().at(1).toBool());
    QVERIFY(finished.last().at(2).toString().contains(u"changed since the preview"_s));
    QCOMPARE(readRows(url), QStringList{u"b476ff785737"_s});
    QCOMPARE(window.notices()->banners().size(), 1);
    NoticeBanner *banner = window.notices()->banners().constFirst();
    QVERIFY2(banner->objectName().startsWith(u"stampError:"_s), qPrintable(banner->objectName()));
    QVERIFY2(banner->text().contains(u"changed since the preview"_s), qPrintable(banner->text()));
    QVERIFY(!QApplication::activeModalWidget());
}

void TestEnvironments::protectedEnvironmentNeedsItsName()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    Environment production;
    production.name = u"prod"_s;
    production.isProtected = true; // the config's URL
    QVERIFY(window.environmentSession()->save(production));
    QTRY_VERIFY(window.environmentSession()->status(1));
    StampDialog *dialog = readStampPreview(window, {u"base"_s});
    QVERIFY(dialog);
    const QStringList unnamed = unnamedControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QPushButton *stamp = dialog->findChild<QPushButton *>(u"stampButton"_s);
    QLineEdit *confirm = dialog->findChild<QLineEdit *>(u"stampConfirm"_s);
    QVERIFY(!stamp->isEnabled());
    QTest::keyClicks(confirm, u"pro"_s);
    QVERIFY(!stamp->isEnabled());
    QTest::keyClicks(confirm, u"d"_s);
    QVERIFY(stamp->isEnabled());
    // Purging changes the plan and the SQL at once.
    dialog->findChild<QCheckBox *>(u"stampPurge"_s)->setChecked(true);
    QVERIFY(dialog->findChild<QPlainTextEdit *>(u"stampSql"_s)->toPlainText().startsWith(u"DELETE FROM"_s));
    dialog->reject();
}

void TestEnvironments::confirmationSettingsApply()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    Environment staging;
    staging.name = u"staging"_s; // not protected; the config's URL
    QVERIFY(window.environmentSession()->save(staging));
    QTRY_VERIFY(window.environmentSession()->status(1));
    const auto restore = qScopeGuard([] {
        Confirmations::setTypedName(Confirmations::TypedName::ProtectedOnly);
        Confirmations::setAsksBeforeRemovingEnvironment(true);
    });

    // Every environment asks for its name: stamping the unprotected one waits for it too.
    Confirmations::setTypedName(Confirmations::TypedName::EveryEnvironment);
    StampDialog *dialog = readStampPreview(window, {u"base"_s});
    QVERIFY(dialog);
    QPushButton *stamp = dialog->findChild<QPushButton *>(u"stampButton"_s);
    QLineEdit *confirm = dialog->findChild<QLineEdit *>(u"stampConfirm"_s);
    QVERIFY(confirm->isVisible());
    QVERIFY(!stamp->isEnabled());
    QTest::keyClicks(confirm, u"staging"_s);
    QVERIFY(stamp->isEnabled());
    dialog->reject();
    QTRY_VERIFY(!window.findChild<StampDialog *>(u"stampDialog"_s));

    // The default: only protected environments ask.
    Confirmations::setTypedName(Confirmations::TypedName::ProtectedOnly);
    dialog = readStampPreview(window, {u"base"_s});
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QLineEdit *>(u"stampConfirm"_s)->isVisible());
    QVERIFY(dialog->findChild<QPushButton *>(u"stampButton"_s)->isEnabled());
    dialog->reject();

    // Without the question, Remove removes at once and says so.
    Confirmations::setAsksBeforeRemovingEnvironment(false);
    window.findChild<QToolButton *>(u"removeEnvironmentButton"_s)->click();
    QTRY_COMPARE(window.environmentSession()->environments().size(), 1);
    QVERIFY(!window.findChild<QMessageBox *>(u"removeEnvironmentQuestion"_s));
}

StampDialog *TestEnvironments::readStampPreview(MainWindow &window, const QStringList &targets)
{
    window.stampActiveEnvironment(targets);
    auto *dialog = window.findChild<StampDialog *>(u"stampDialog"_s);
    if (!dialog || !QTest::qWaitFor([dialog] { return !dialog->isReading(); }, 5000))
        return nullptr;
    return dialog;
}

void TestEnvironments::unknownRowsAreReported()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s, u"deadbeef0000"_s});
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    QCOMPARE(window.environmentSession()->status(0)->unknownRows, QStringList{u"deadbeef0000"_s});
    const QString summary = window.environmentBar()->summaryLabel()->text();
    QVERIFY2(summary.contains(u"unknown row"_s) && summary.contains(u"deadbeef0000"_s), qPrintable(summary));
    QVERIFY(window.environmentBar()->summaryLabel()->toolTip().contains(u"stamp the database"_s));
    // A ghost card beside the graph carries the environment's pin and the recovery hint.
    const QList<RevisionNodeItem *> ghosts = window.graphView()->unknownRowCards();
    QCOMPARE(ghosts.size(), 1);
    QCOMPARE(ghosts.first()->card().shortId, u"deadbeef0000"_s);
    QVERIFY(ghosts.first()->card().isGhost);
    QCOMPARE(ghosts.first()->pins().size(), 1);
    QVERIFY(ghosts.first()->toolTip().contains(u"Restore the file"_s));
    QVERIFY(window.graphView()->sceneRect().contains(ghosts.first()->sceneBoundingRect()));

    // A stamp from there is refused, and the preview says that Purge fixes it.
    StampDialog *dialog = readStampPreview(window, {u"heads"_s});
    QVERIFY(dialog);
    auto *summaryLabel = dialog->findChild<QLabel *>(u"stampSummary"_s);
    QVERIFY2(summaryLabel->text().contains(u"tick <b>Purge</b>"_s), qPrintable(summaryLabel->text()));
    QVERIFY(!dialog->findChild<QPushButton *>(u"stampButton"_s)->isEnabled());
    dialog->findChild<QCheckBox *>(u"stampPurge"_s)->setChecked(true);
    QVERIFY(!summaryLabel->text().contains(u"Cannot stamp"_s));
    QVERIFY(dialog->findChild<QPushButton *>(u"stampButton"_s)->isEnabled());
    dialog->reject();
}

void TestEnvironments::rereadWhenActivated()
{
    const QString root = makeProject({u"9ccc6cd9d6d2"_s});
    const QString url = u"sqlite:///"_s + root + u"/db.sqlite"_s;
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    QSignalSpy read(window.environmentSession(), &EnvironmentSession::environmentRead);
    // Back from a terminal at once: read a moment ago, not again.
    QEvent early(QEvent::WindowActivate);
    QCoreApplication::sendEvent(&window, &early);
    QVERIFY(!window.environmentSession()->state(0).reading);
    // An outside stamp, and the window comes back later: the bar and the pins follow.
    QVERIFY(writeVersionRows(url, {u"02add0242610"_s}));
    QTest::qWait(EnvironmentActions::RereadAfterSeconds * 1000 + 100);
    QTRY_VERIFY2(window.environmentBar()->summaryLabel()->text().contains(u" s ago"_s),
                 qPrintable(window.environmentBar()->summaryLabel()->text()));
    QEvent activate(QEvent::WindowActivate);
    QCoreApplication::sendEvent(&window, &activate);
    QVERIFY(read.wait(10000));
    QCOMPARE(window.environmentSession()->state(0).summary.rows.rows, QStringList{u"02add0242610"_s});
    QVERIFY(window.environmentBar()->summaryLabel()->text().contains(u"read just now"_s));
}

void TestEnvironments::summaryElidesAtWords()
{
    ElidedLabel label;
    label.setStatus(u"3 pending: 2 to b913b844acd8 (audit), 1 to 1946af4d94f2 (shop)"_s, u"sqlite:///x.db"_s);
    label.resize(label.fontMetrics().horizontalAdvance(u"3 pending: 2 to b913b844acd8 (aud"_s), 20);
    label.show();
    QCOMPARE(label.shownText(), u"3 pending: 2 to b913b844acd8…"_s);
    QVERIFY(label.isElided());
    QVERIFY(label.toolTip().startsWith(label.text() + u"\n\nsqlite:///x.db"_s));
    label.resize(2000, 20);
    QCOMPARE(label.shownText(), label.text());
    QCOMPARE(label.toolTip(), u"sqlite:///x.db"_s);
    QCOMPARE(
        ElidedLabel::elideAtWord(u"Cannot open sqlite:///a.db: the file does not exist."_s, label.fontMetrics(),
                                 label.fontMetrics().horizontalAdvance(u"Cannot open sqlite:///a.db: the file"_s) - 1),
        u"Cannot open sqlite:///a.db: the…"_s);
}

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
