// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Upgrade and downgrade from the window, run by real alembic on real SQLite files: the preview's
// steps and warnings, the log streaming in, the rows read again and checked; a migration that fails
// says where; cancelling a slow one stops it and says where the database ended; a database migrated by
// someone else after the preview runs nothing until the plan is made again. Show SQL has alembic write
// the plan's SQL offline, touching nothing, and says plainly when it cannot.

#include "codehighlighter.h"
#include "database/databaseconnection.h"
#include "database/environmentsession.h"
#include "elidedlabel.h"
#include "environmentbar.h"
#include "guitestsupport.h"
#include "migrationdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

/// A revision file as alembic's template writes it.
QByteArray revisionFile(const QString &id, const QString &down, const QString &upgrade, const QString &downgrade)
{
    return (u"\"\"\"make %1\n\nRevision ID: %1\nRevises: %2\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as "
            u"sa\n\n"
            u"revision = '%1'\ndown_revision = %3\nbranch_labels = None\ndepends_on = None\n\n\n"
            u"def upgrade():\n%4\n\n\ndef downgrade():\n%5\n"_s)
        .arg(id, down, down.isEmpty() ? u"None"_s : u"'%1'"_s.arg(down), upgrade, downgrade)
        .toUtf8();
}

QString createTable(const QString &id)
{
    return u"    op.create_table('t_%1', sa.Column('id', sa.Integer, primary_key=True))"_s.arg(id);
}

QString dropTable(const QString &id)
{
    return u"    op.drop_table('t_%1')"_s.arg(id);
}

/// Replaces @p root's env.py by the sample's with @p code first in run_migrations_offline().
bool writeOfflineEnvPy(const QString &root, const QString &code)
{
    QFile sample(sampleProjectPath() + u"/migrations/env.py"_s);
    QFile env(root + u"/migrations/env.py"_s);
    if (!sample.open(QIODevice::ReadOnly) || !env.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QString text = QString::fromUtf8(sample.readAll());
    const QString def = u"def run_migrations_offline() -> None:\n"_s;
    if (!text.contains(def))
        return false;
    text.replace(def, def + code + u'\n');
    return env.write(text.toUtf8()) > 0;
}

/// Writes @p rows to @p root's version table and creates the tables of @p ran, as if they had run.
bool setRows(const QString &root, const QStringList &rows, const QStringList &ran)
{
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
    if (!connection)
        return false;
    QSqlQuery query(connection.value()->database());
    for (const QString &id : ran) {
        if (!query.exec(u"CREATE TABLE t_%1 (id INTEGER PRIMARY KEY)"_s.arg(id)))
            return false;
    }
    for (const QString &row : rows) {
        if (!query.exec(u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(row)))
            return false;
    }
    return true;
}

/// The processes whose command line names @p root: alembic runs started for the project there.
QList<qint64> processesFor(const QString &root)
{
    QList<qint64> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        QFile cmdline(u"/proc/"_s + entry + u"/cmdline"_s);
        if (number && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(root.toUtf8()))
            found.append(pid);
    }
    return found;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void upgradeThroughThePreview();
    void failingDowngradeSaysWhere();
    void cancelStopsASlowMigration();
    void databaseMenuOpensThePreview();
    void cancelBeforeAlembicStarts();
    void rowsChangedSincePreview();
    void targetsThatWorkAreOffered();
    void showSqlOfThePlannedRange_data();
    void showSqlOfThePlannedRange();
    void showSqlExplainsAnOfflineFailure();
    void showSqlNeedsOneStartingRevision();
    void closingStopsTheSqlRun();

private:
    /// A project with @p revisions (id → upgrade, downgrade bodies) in a chain, its database at db.sqlite.
    QString makeProject(const QList<std::tuple<QString, QString, QString>> &revisions);
    static QStringList readRows(const QString &root);
    static QStringList readTables(const QString &root);
    MigrationDialog *openDialog(MainWindow &window, const QString &root, bool upgrade, const QString &target);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestMigrations::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_dir.isValid());
}

void TestMigrations::init()
{
    QFile::remove(QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s).fileName());
}

QString TestMigrations::makeProject(const QList<std::tuple<QString, QString, QString>> &revisions)
{
    const QString root = m_dir.filePath(u"p%1"_s.arg(++m_count));
    QDir().mkpath(root + u"/migrations/versions"_s);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    QFile ini(root + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    // With alembic's logging, so that its "Running upgrade" lines reach the log.
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/db.sqlite\n\n"
              "[loggers]\nkeys = root,alembic\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n"
              "[logger_root]\nlevel = WARN\nhandlers = console\n[logger_alembic]\nlevel = INFO\nhandlers =\n"
              "qualname = alembic\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nlevel = NOTSET\n"
              "formatter = generic\n[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n");
    ini.close();
    QString down;
    for (const auto &[id, upgrade, downgrade] : revisions) {
        QFile file(root + u"/migrations/versions/"_s + id + u"_make.py"_s);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(revisionFile(id, down, upgrade, downgrade));
        down = id;
    }
    // An empty database under Alembic's control, so that the environment reads as "at base".
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
    if (!connection)
        return {};
    QSqlQuery query(connection.value()->database());
    if (!query.exec(u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s))
        return {};
    return root;
}

QStringList TestMigrations::readRows(const QString &root)
{
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString(), true);
    if (!connection)
        return {u"(cannot open)"_s};
    QSqlQuery query(connection.value()->database());
    query.exec(u"SELECT version_num FROM alembic_version ORDER BY version_num"_s);
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

QStringList TestMigrations::readTables(const QString &root)
{
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString(), true);
    if (!connection)
        return {u"(cannot open)"_s};
    QSqlQuery query(connection.value()->database());
    query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    return tables;
}

MigrationDialog *TestMigrations::openDialog(MainWindow &window, const QString &root, bool upgrade,
                                            const QString &target)
{
    window.show();
    if (!openAndWait(window, root))
        return nullptr;
    EnvironmentSession *session = window.environmentSession();
    if (!QTest::qWaitFor([session] { return session->status(0) != nullptr; }, 10000))
        return nullptr;
    return window.migrateActiveEnvironment(upgrade, target);
}

void TestMigrations::upgradeThroughThePreview()
{
    const QString root = makeProject(
        {{u"m1"_s, createTable(u"m1"_s), dropTable(u"m1"_s)},
         {u"m2"_s, u"    op.add_column('t_m1', sa.Column('email', sa.String(50), nullable=False))"_s, u"    pass"_s}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    const QStringList unnamed = unnamedControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QCOMPARE(dialog->stepTexts(), (QStringList{u"upgrade  -> m1, make m1"_s, u"upgrade m1 -> m2, make m2"_s}));
    const QString steps = dialog->findChild<QPlainTextEdit *>(u"migrationSteps"_s)->toPlainText();
    QVERIFY2(steps.startsWith(u"1. upgrade  -> m1, make m1\n2. upgrade m1 -> m2"_s), qPrintable(steps));
    // The steps are on the graph too, numbered, while the preview is open.
    const RevisionMap &map = window.project().map();
    QCOMPARE(window.graphView()->stepLabel(map.indexOf(u"m1"_s)), u"↑1"_s);
    QCOMPARE(window.graphView()->stepLabel(map.indexOf(u"m2"_s)), u"↑2"_s);
    const QString warnings = dialog->findChild<QLabel *>(u"migrationWarnings"_s)->text();
    QVERIFY2(warnings.contains(u"NOT NULL column without a server default: m2"_s), qPrintable(warnings));
    QVERIFY(warnings.contains(u"cannot be downgraded later"_s));
    // The warnings must be acknowledged before it runs.
    QPushButton *run = dialog->findChild<QPushButton *>(u"migrationRunButton"_s);
    QVERIFY(!run->isEnabled());
    dialog->findChild<QCheckBox *>(u"migrationAcknowledge"_s)->setChecked(true);
    QVERIFY(run->isEnabled());

    QSignalSpy finished(dialog, &MigrationDialog::finished);
    run->click();
    QVERIFY(dialog->isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(readRows(root), QStringList{u"m2"_s});
    const QString log = dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText();
    QVERIFY2(log.contains(u"# alembic "_s) && log.contains(u"Running upgrade m1 -> m2, make m2"_s), qPrintable(log));
    QVERIFY(!log.contains(root + u"/db.sqlite"_s) || log.contains(u"***"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"migrationStatus"_s)->text().startsWith(u"Done: "_s));
    QCOMPARE(dialog->findChild<QPushButton *>(u"migrationCloseButton"_s)->text(), u"Close"_s);
    // The window shows the new state: the rows were read again.
    QTRY_VERIFY(window.environmentBar()->summaryLabel()->text().startsWith(u"at the heads · "_s));
    // Closed, the preview takes its steps off the graph.
    dialog->findChild<QPushButton *>(u"migrationCloseButton"_s)->click();
    QTRY_VERIFY(window.graphView()->stepLabel(window.project().map().indexOf(u"m1"_s)).isEmpty());
}

void TestMigrations::failingDowngradeSaysWhere()
{
    const QString root =
        makeProject({{u"f1"_s, createTable(u"f1"_s), dropTable(u"f1"_s)},
                     {u"f2"_s, createTable(u"f2"_s), u"    raise RuntimeError('no way back from f2')"_s}});
    QVERIFY(!root.isEmpty());
    {
        MainWindow window;
        MigrationDialog *up = openDialog(window, root, true, u"heads"_s);
        QVERIFY(up);
        QSignalSpy finished(up, &MigrationDialog::finished);
        up->findChild<QCheckBox *>(u"migrationAcknowledge"_s)->setChecked(true); // f2 cannot be undone
        up->findChild<QPushButton *>(u"migrationRunButton"_s)->click();
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().at(0).toBool());
    }
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, false, u"base"_s);
    QVERIFY(dialog);
    QVERIFY(
        dialog->findChild<QLabel *>(u"migrationWarnings"_s)->text().contains(u"raises, so the run fails there: f2"_s));
    dialog->findChild<QCheckBox *>(u"migrationAcknowledge"_s)->setChecked(true);
    QSignalSpy finished(dialog, &MigrationDialog::finished);
    dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->click();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().at(0).toBool());
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.contains(u"alembic failed in \"downgrade f2 -> f1, make f2\" after 0 step(s): "
                              u"RuntimeError: no way back from f2"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"Version rows now: f2."_s), qPrintable(message));
    QCOMPARE(readRows(root), QStringList{u"f2"_s});
}

void TestMigrations::cancelStopsASlowMigration()
{
    const QString root = makeProject({{u"s1"_s, createTable(u"s1"_s), dropTable(u"s1"_s)},
                                      {u"s2"_s, u"    import time\n    time.sleep(60)"_s, u"    pass"_s}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(u"migrationAcknowledge"_s)->setChecked(true);
    QSignalSpy finished(dialog, &MigrationDialog::finished);
    dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->click();
    auto *log = dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s);
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"Running upgrade s1 -> s2"_s), 30000);
    QPushButton *close = dialog->findChild<QPushButton *>(u"migrationCloseButton"_s);
    QCOMPARE(close->text(), u"Cancel Run"_s);
    close->click(); // cancels; the dialog stays to say where the database ended
    QVERIFY(finished.wait(30000));
    QVERIFY(dialog->isVisible());
    QVERIFY(!finished.first().at(0).toBool());
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.startsWith(u"Cancelled after 1 step(s)"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Version rows now: s1."_s), qPrintable(message));
    QCOMPARE(readRows(root), QStringList{u"s1"_s});
}

void TestMigrations::databaseMenuOpensThePreview()
{
    const QString root = makeProject({{u"d1"_s, createTable(u"d1"_s), dropTable(u"d1"_s)}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    QAction *upgrade = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == u"&Upgrade to the Heads…"_s)
            upgrade = action;
    }
    QVERIFY(upgrade);
    QVERIFY(!upgrade->isEnabled()); // no environment read yet
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(upgrade->isEnabled());
    upgrade->trigger();
    auto *dialog = window.findChild<MigrationDialog *>(u"migrationDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->stepTexts(), QStringList{u"upgrade  -> d1, make d1"_s});
    QVERIFY(dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->isEnabled()); // no warnings to read
    dialog->reject();
}

void TestMigrations::cancelBeforeAlembicStarts()
{
    const QString root = makeProject({{u"c1"_s, createTable(u"c1"_s), dropTable(u"c1"_s)}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &MigrationDialog::finished);
    dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->click();
    QVERIFY(dialog->isRunning()); // asking the interpreter for alembic
    dialog->findChild<QPushButton *>(u"migrationCloseButton"_s)->click();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().at(0).toBool());
    QCOMPARE(finished.first().at(1).toString(), u"Cancelled before alembic started: nothing ran."_s);
    QTest::qWait(3000); // the probe's answer comes and changes nothing
    QCOMPARE(finished.size(), 1);
    QCOMPARE(readRows(root), QStringList{});
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText().contains(u"Running"_s));
}

void TestMigrations::rowsChangedSincePreview()
{
    const QString root = makeProject(
        {{u"n1"_s, createTable(u"n1"_s), dropTable(u"n1"_s)}, {u"n2"_s, createTable(u"n2"_s), dropTable(u"n2"_s)}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->stepTexts(), (QStringList{u"upgrade  -> n1, make n1"_s, u"upgrade n1 -> n2, make n2"_s}));
    {
        // Someone else upgrades to n1 while the preview is open.
        const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
        QVERIFY(connection);
        QSqlQuery query(connection.value()->database());
        QVERIFY(query.exec(u"CREATE TABLE t_n1 (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(query.exec(u"INSERT INTO alembic_version VALUES ('n1')"_s));
    }
    QSignalSpy finished(dialog, &MigrationDialog::finished);
    dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->click();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().at(0).toBool());
    QCOMPARE(finished.first().at(1).toString(),
             u"Nothing ran: the version rows of %1 changed since this preview was made ((no rows) then, n1 now); "
             u"someone else migrated or stamped it. Look at the new state, then preview again."_s.arg(
                 window.environmentSession()->environments().first().name));
    QCOMPARE(readRows(root), QStringList{u"n1"_s});
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText().contains(u"Running"_s));
    // The window knows the new rows.
    EnvironmentSession *session = window.environmentSession();
    QCOMPARE(session->state(0).summary.rows.rows, QStringList{u"n1"_s});

    // Previewed again from n1: only n2 is left, and it runs.
    QPushButton *again = dialog->findChild<QPushButton *>(u"migrationPreviewAgainButton"_s);
    QVERIFY(again->isVisible() && again->isEnabled());
    again->click();
    QVERIFY(!again->isVisible());
    QCOMPARE(dialog->stepTexts(), QStringList{u"upgrade n1 -> n2, make n2"_s});
    QPushButton *run = dialog->findChild<QPushButton *>(u"migrationRunButton"_s);
    QVERIFY(run->isVisible() && run->isEnabled());
    finished.clear();
    run->click();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(readRows(root), QStringList{u"n2"_s});
}

void TestMigrations::targetsThatWorkAreOffered()
{
    const QString root = makeProject(
        {{u"o1"_s, createTable(u"o1"_s), dropTable(u"o1"_s)}, {u"o2"_s, createTable(u"o2"_s), dropTable(u"o2"_s)}});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"o3"_s); // no such revision
    QVERIFY(dialog);
    QVERIFY(!dialog->hasPlan());
    auto *choices = dialog->findChild<QComboBox *>(u"migrationTargetChoices"_s);
    QVERIFY(choices->isVisibleTo(dialog));
    QStringList offered;
    for (int i = 0; i < choices->count(); ++i)
        offered.append(choices->itemData(i).toString());
    QCOMPARE(offered, (QStringList{u"o2"_s, u"heads"_s})); // at base: the head, or all heads
    choices->setCurrentIndex(0);
    dialog->findChild<QPushButton *>(u"migrationChooseTarget"_s)->click();
    QVERIFY(dialog->hasPlan());
    QCOMPARE(dialog->stepTexts().size(), 2);
    QVERIFY(!choices->isVisibleTo(dialog));
    dialog->reject();
}

void TestMigrations::showSqlOfThePlannedRange_data()
{
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("ran"); ///< the revisions whose tables exist
    QTest::addColumn<QString>("range");   ///< as alembic is asked for it
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    const auto update = [](const QString &from, const QString &to) {
        return u"UPDATE alembic_version SET version_num='%1' WHERE alembic_version.version_num = '%2'"_s.arg(to, from);
    };
    QTest::newRow("upgrade heads from base")
        << true << u"heads"_s << QStringList() << QStringList() << u"q3"_s
        << QStringList{u"CREATE TABLE t_q1"_s,   u"CREATE TABLE t_q2"_s,
                       u"CREATE TABLE t_q3"_s,   u"INSERT INTO alembic_version (version_num) VALUES ('q1')"_s,
                       update(u"q1"_s, u"q2"_s), update(u"q2"_s, u"q3"_s)}
        << QStringList();
    QTest::newRow("upgrade +1 from q1") << true << u"+1"_s << QStringList{u"q1"_s} << QStringList{u"q1"_s} << u"q1:q2"_s
                                        << QStringList{u"CREATE TABLE t_q2"_s, update(u"q1"_s, u"q2"_s)}
                                        << QStringList{u"t_q1"_s, u"t_q3"_s, u"INSERT INTO alembic_version"_s};
    QTest::newRow("downgrade -1 from q3")
        << false << u"-1"_s << QStringList{u"q3"_s} << QStringList{u"q1"_s, u"q2"_s, u"q3"_s} << u"q3:q2"_s
        << QStringList{u"DROP TABLE t_q3"_s, update(u"q3"_s, u"q2"_s)} << QStringList{u"t_q2"_s, u"t_q1"_s};
    QTest::newRow("downgrade base from q2")
        << false << u"base"_s << QStringList{u"q2"_s} << QStringList{u"q1"_s, u"q2"_s} << u"q2:base"_s
        << QStringList{u"DROP TABLE t_q2"_s, u"DROP TABLE t_q1"_s, update(u"q2"_s, u"q1"_s),
                       u"DELETE FROM alembic_version WHERE alembic_version.version_num = 'q1'"_s}
        << QStringList{u"t_q3"_s};
}

void TestMigrations::showSqlOfThePlannedRange()
{
    QFETCH(bool, upgrade);
    QFETCH(QString, target);
    QFETCH(QStringList, rows);
    QFETCH(QStringList, ran);
    QFETCH(QString, range);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QString root = makeProject({{u"q1"_s, createTable(u"q1"_s), dropTable(u"q1"_s)},
                                      {u"q2"_s, createTable(u"q2"_s), dropTable(u"q2"_s)},
                                      {u"q3"_s, createTable(u"q3"_s), dropTable(u"q3"_s)}});
    QVERIFY(!root.isEmpty());
    QVERIFY(setRows(root, rows, ran));
    const QStringList tablesBefore = readTables(root);
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, upgrade, target);
    QVERIFY(dialog);
    QVERIFY(dialog->hasPlan());
    auto *sqlButton = dialog->findChild<QPushButton *>(u"migrationSqlButton"_s);
    auto *run = dialog->findChild<QPushButton *>(u"migrationRunButton"_s);
    auto *sql = dialog->findChild<QPlainTextEdit *>(u"migrationSql"_s);
    QVERIFY(sqlButton && run && sql);
    QVERIFY(sqlButton->isVisible() && sqlButton->isEnabled());
    dialog->findChild<QCheckBox *>(u"migrationAcknowledge"_s)->setChecked(true); // a downgrade drops tables
    QVERIFY(run->isEnabled());
    const auto *highlighter = sql->findChild<CodeHighlighter *>();
    QVERIFY(highlighter && highlighter->language() == CodeHighlighter::Language::Sql); // SQLite: standard SQL

    sqlButton->click();
    // Once at a time, and no real run meanwhile.
    QVERIFY(dialog->isWritingSql());
    QVERIFY(!sqlButton->isEnabled());
    QCOMPARE(sqlButton->text(), u"Writing SQL…"_s);
    QVERIFY(!run->isEnabled());
    run->click();
    QVERIFY(!dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWritingSql(), 60000);

    const QString status = dialog->findChild<QLabel *>(u"migrationStatus"_s)->text();
    QCOMPARE(status, u"The SQL of the %1 step(s), as alembic writes it offline: nothing was run on the database."_s.arg(
                         dialog->stepTexts().size()));
    const QString text = sql->toPlainText();
    for (const QString &expected : std::as_const(present))
        QVERIFY2(text.contains(expected), qPrintable(expected + u"\nnot in\n"_s + text));
    for (const QString &unexpected : std::as_const(absent))
        QVERIFY2(!text.contains(unexpected), qPrintable(unexpected + u"\nin\n"_s + text));
    QVERIFY2(!text.contains(u"INFO"_s) && !text.contains(u"$ "_s), qPrintable(text));
    QCOMPARE(dialog->findChild<QTabWidget *>(u"migrationOutput"_s)->currentWidget(), sql);
    // alembic's log went to the log, with the offline range.
    const QString log = dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s)->toPlainText();
    const QString command = (upgrade ? u"upgrade "_s : u"downgrade "_s) + range + u" --sql"_s;
    QVERIFY2(log.contains(command), qPrintable(log));
    QVERIFY2(log.contains(u"INFO  [alembic.runtime.migration] Generating static SQL"_s), qPrintable(log));
    // Nothing was touched.
    QCOMPARE(readRows(root), rows);
    QCOMPARE(readTables(root), tablesBefore);
    QVERIFY(sqlButton->isEnabled() && sqlButton->text() == u"Show &SQL"_s);
    QVERIFY(run->isEnabled());
    dialog->reject();
}

void TestMigrations::showSqlExplainsAnOfflineFailure()
{
    const QString root = makeProject({{u"e1"_s, createTable(u"e1"_s), dropTable(u"e1"_s)}});
    QVERIFY(!root.isEmpty());
    QVERIFY(writeOfflineEnvPy(root, u"    raise RuntimeError('no offline')"_s));
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    dialog->findChild<QPushButton *>(u"migrationSqlButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWritingSql(), 60000);
    QCOMPARE(dialog->findChild<QLabel *>(u"migrationStatus"_s)->text(),
             u"alembic could not write the SQL offline: RuntimeError: no offline. If env.py cannot run offline "
             u"(run_migrations_offline()), alembic cannot show the SQL."_s);
    QVERIFY(dialog->findChild<QPlainTextEdit *>(u"migrationSql"_s)->toPlainText().isEmpty());
    QCOMPARE(readRows(root), QStringList());
    QCOMPARE(readTables(root), QStringList{u"alembic_version"_s});
    // Still a preview: the SQL can be asked for again, and the plan run.
    QVERIFY(dialog->findChild<QPushButton *>(u"migrationSqlButton"_s)->isEnabled());
    QVERIFY(dialog->findChild<QPushButton *>(u"migrationRunButton"_s)->isEnabled());
    dialog->reject();
}

void TestMigrations::showSqlNeedsOneStartingRevision()
{
    // Two bases: g1 → g2, and h1 on its own; the database is at g1 and h1.
    const QString root = makeProject(
        {{u"g1"_s, createTable(u"g1"_s), dropTable(u"g1"_s)}, {u"g2"_s, createTable(u"g2"_s), u"    pass"_s}});
    QVERIFY(!root.isEmpty());
    QFile other(root + u"/migrations/versions/h1_make.py"_s);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(revisionFile(u"h1"_s, QString(), createTable(u"h1"_s), dropTable(u"h1"_s)));
    other.close();
    QVERIFY(setRows(root, {u"g1"_s, u"h1"_s}, {u"g1"_s, u"h1"_s}));
    MainWindow window;
    MigrationDialog *dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->stepTexts(), QStringList{u"upgrade g1 -> g2, make g2"_s});
    dialog->findChild<QPushButton *>(u"migrationSqlButton"_s)->click();
    QVERIFY(!dialog->isWritingSql()); // said at once: alembic is not asked
    QCOMPARE(dialog->findChild<QLabel *>(u"migrationStatus"_s)->text(),
             u"alembic writes SQL for one starting revision at a time, and the database has g1, h1; give the range "
             u"yourself with python -m alembic upgrade FROM:TO --sql."_s);
    QVERIFY(dialog->findChild<QPlainTextEdit *>(u"migrationSql"_s)->toPlainText().isEmpty());
    dialog->reject();
}

void TestMigrations::closingStopsTheSqlRun()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc");
#endif
    const QString root = makeProject({{u"k1"_s, createTable(u"k1"_s), dropTable(u"k1"_s)}});
    QVERIFY(!root.isEmpty());
    QVERIFY(writeOfflineEnvPy(root, u"    import time\n    time.sleep(60)"_s));
    MainWindow window;
    QPointer<MigrationDialog> dialog = openDialog(window, root, true, u"heads"_s);
    QVERIFY(dialog);
    dialog->findChild<QPushButton *>(u"migrationSqlButton"_s)->click();
    auto *log = dialog->findChild<QPlainTextEdit *>(u"migrationLog"_s);
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"--sql"_s), 30000); // alembic started
    QTRY_VERIFY_WITH_TIMEOUT(!processesFor(root).isEmpty(), 10000);
    dialog->findChild<QPushButton *>(u"migrationCloseButton"_s)->click();
    QTRY_VERIFY(!dialog); // closed and deleted
    QTRY_VERIFY_WITH_TIMEOUT(processesFor(root).isEmpty(), 10000);
}

QTEST_MAIN(TestMigrations)
#include "tst_migrations.moc"
