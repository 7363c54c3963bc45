// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Deleting a revision from the window: the preview reads the environment again and lists every
// file, Delete writes them and the project is read again once (the watcher does not report Retort's
// own writes), Edit ▸ Undo puts the files back byte for byte, and an applied revision is refused.

#include "database/databaseconnection.h"
#include "database/environmentsession.h"
#include "guitestsupport.h"
#include "mainactions.h"
#include "removaldialog.h"
#include "revisioneditactions.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray revisionFile(const QString &id, const QString &down)
{
    return (u"\"\"\"make %1\n\nRevision ID: %1\nRevises: %2\n\"\"\"\nfrom alembic import op\n\n"
            u"revision = '%1'\ndown_revision = %3\nbranch_labels = None\ndepends_on = None\n\n\n"
            u"def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"_s)
        .arg(id, down, down.isEmpty() ? u"None"_s : u"'%1'"_s.arg(down))
        .toUtf8();
}

QHash<QString, QByteArray> versionFiles(const QString &root)
{
    QHash<QString, QByteArray> files;
    const QDir versions(root + u"/migrations/versions"_s);
    for (const QString &name : versions.entryList({u"*.py"_s}, QDir::Files)) {
        QFile file(versions.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.insert(name, file.readAll());
    }
    return files;
}

} // namespace

class TestRevisionRemovalWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void deleteThenUndo();
    void appliedRevisionIsRefused();

private:
    /// m1 → m2 → m3, the database (sqlalchemy.url) at m1.
    QString makeProject();
    RemovalDialog *openDialog(MainWindow &window, const QString &revision);

    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestRevisionRemovalWindow::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_dir.isValid());
    QFile::remove(QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s).fileName());
    QVERIFY(QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
}

QString TestRevisionRemovalWindow::makeProject()
{
    const QString root = m_dir.filePath(u"p%1"_s.arg(++m_count));
    QDir().mkpath(root + u"/migrations/versions"_s);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    QFile ini(root + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/db.sqlite\n");
    ini.close();
    QString down;
    for (const QString &id : {u"m1"_s, u"m2"_s, u"m3"_s}) {
        QFile file(root + u"/migrations/versions/"_s + id + u"_make.py"_s);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(revisionFile(id, down));
        down = id;
    }
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
    if (!connection)
        return {};
    QSqlQuery query(connection.value()->database());
    if (!query.exec(u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"_s) ||
        !query.exec(u"INSERT INTO alembic_version VALUES ('m1')"_s))
        return {};
    return root;
}

RemovalDialog *TestRevisionRemovalWindow::openDialog(MainWindow &window, const QString &revision)
{
    RemovalDialog *dialog =
        window.revisionEditActions()->remove(window.project(), window.project().map().indexOf(revision));
    if (!dialog)
        return nullptr;
    QSignalSpy checked(dialog, &RemovalDialog::checksFinished);
    if (!dialog->isChecked() && !checked.wait(20000))
        return nullptr;
    return dialog;
}

void TestRevisionRemovalWindow::deleteThenUndo()
{
    const QString root = makeProject();
    QVERIFY(!root.isEmpty());
    const QHash<QString, QByteArray> before = versionFiles(root);
    MainWindow window;
    window.resize(1280, 800);
    QVERIFY(openAndWait(window, root + u"/alembic.ini"_s));
    RemovalDialog *dialog = openDialog(window, u"m2"_s);
    QVERIFY(dialog);
    const QStringList unnamed = unnamedControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QVERIFY(!dialog->findChild<QRadioButton *>()->isChecked()); // "Only this revision": m2 has a child
    const QString details = dialog->findChild<QPlainTextEdit *>(u"removalDetails"_s)->toPlainText();
    QVERIFY2(details.contains(u"delete migrations/versions/m2_make.py"_s), qPrintable(details));
    QVERIFY(details.contains(u"edit   m3_make.py: down_revision 'm2' → 'm1'"_s));
    QVERIFY2(details.contains(u": m1"_s), qPrintable(details)); // the environment, read again
    // On the graph too: what goes and what is edited.
    const RevisionMap &map = window.project().map();
    QCOMPARE(window.graphView()->stepLabel(map.indexOf(u"m2"_s)), u"delete"_s);
    QCOMPARE(window.graphView()->stepLabel(map.indexOf(u"m3"_s)), u"edit"_s);
    QVERIFY(window.graphView()->stepLabel(map.indexOf(u"m1"_s)).isEmpty());
    QPushButton *remove = dialog->findChild<QPushButton *>(u"deleteButton"_s);
    QVERIFY(remove->isEnabled());

    QSignalSpy opened(&window, &MainWindow::projectOpened);
    remove->click();
    QVERIFY(opened.wait(20000));
    QCOMPARE(window.project().map().indexOf(u"m2"_s), -1);
    QCOMPARE(window.project().map().revision(window.project().map().indexOf(u"m3"_s)).declaredDownRevisions,
             QStringList{u"m1"_s});
    QVERIFY(!versionFiles(root).contains(u"m2_make.py"_s));
    QVERIFY(window.graphView()->stepLabel(window.project().map().indexOf(u"m3"_s)).isEmpty());
    // Retort's own write is not taken for an outside edit: no second reload.
    QTest::qWait(1500);
    QCOMPARE(opened.count(), 1);

    QAction *undo = window.findChild<QAction *>(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"&Undo Delete m2"_s);
    undo->trigger();
    QVERIFY(opened.wait(20000));
    QVERIFY(window.project().map().indexOf(u"m2"_s) >= 0);
    QCOMPARE(versionFiles(root), before);
    QVERIFY(!undo->isEnabled());
}

void TestRevisionRemovalWindow::appliedRevisionIsRefused()
{
    const QString root = makeProject();
    QVERIFY(!root.isEmpty());
    MainWindow window;
    QVERIFY(openAndWait(window, root + u"/alembic.ini"_s));
    RemovalDialog *dialog = openDialog(window, u"m1"_s);
    QVERIFY(dialog);
    const QString warnings = dialog->findChild<QLabel *>(u"removalWarnings"_s)->text();
    QVERIFY2(warnings.contains(u"m1 is applied in"_s), qPrintable(warnings));
    QVERIFY(!dialog->findChild<QPushButton *>(u"deleteButton"_s)->isEnabled());
    dialog->reject();
}

QTEST_MAIN(TestRevisionRemovalWindow)
#include "tst_revisionremovalwindow.moc"
