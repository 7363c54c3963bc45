// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Database ▸ Compare Schema on real SQLite files: the live schema, the drift from the stamped revision
// (a column added by hand), the ranking of revisions, Copy as Text and the stamp preview; empty and
// unreadable databases.

#include "database/databaseconnection.h"
#include "database/environment.h"
#include "database/environmentsession.h"
#include "guitestsupport.h"
#include "project/project.h"
#include "python/pythonenvironment.h"
#include "schemadialog.h"
#include "stampdialog.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

const char *const CreateUsers = R"(revision = "a1a1a1a1a1a1"
down_revision = None

from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
    )


def downgrade():
    op.drop_table("users")
)";

const char *const AddPosts = R"(revision = "b2b2b2b2b2b2"
down_revision = "a1a1a1a1a1a1"

from alembic import op
import sqlalchemy as sa


def upgrade():
    op.add_column("users", sa.Column("email", sa.String(100)))
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id")),
        sa.Column("title", sa.Text()),
    )


def downgrade():
    op.drop_table("posts")
    op.drop_column("users", "email")
)";

/// The DDL SQLAlchemy 1.4 emits on SQLite for the two revisions, as `alembic upgrade` runs it.
const QStringList UsersDdl{u"CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))"_s};
const QStringList PostsDdl{u"ALTER TABLE users ADD COLUMN email VARCHAR(100)"_s,
                           u"CREATE TABLE posts (id INTEGER NOT NULL, user_id INTEGER, title TEXT, PRIMARY KEY (id), "
                           "FOREIGN KEY(user_id) REFERENCES users (id))"_s};

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestSchemaDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void driftAndMatch();
    void matchesStampedRevision();
    void stampedTooLow();
    void emptyDatabase();
    void unreadableDatabase();
    void models();
    void findMatchingRevisionAction();

private:
    /// A two-revision project whose config URL is db.sqlite, after @p statements and stamped at @p rows
    /// (no version table when @p rows is null).
    QString makeProject(const QStringList &statements, const std::optional<QStringList> &rows);
    /// Opens @p root, triggers Database ▸ Compare Schema and waits for the inspection, the drift
    /// and the ranking.
    SchemaDialog *openDialog(MainWindow &window, const QString &root, bool expectOk = true);
    static QStringList topLevelTexts(const QTreeWidget *tree);
    static QStringList driftLines(const QTreeWidget *tree);

    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestSchemaDialog::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_dir.isValid());
}

void TestSchemaDialog::init()
{
    QFile::remove(QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s).fileName());
}

QString TestSchemaDialog::makeProject(const QStringList &statements, const std::optional<QStringList> &rows)
{
    const QString root = m_dir.filePath(u"p%1"_s.arg(++m_count));
    if (!QDir().mkpath(root + u"/migrations/versions"_s) ||
        !QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s) ||
        !writeFile(root + u"/migrations/versions/a1a1a1a1a1a1_create_users.py"_s, CreateUsers) ||
        !writeFile(root + u"/migrations/versions/b2b2b2b2b2b2_add_posts.py"_s, AddPosts) ||
        !writeFile(root + u"/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n"
                                             "sqlalchemy.url = sqlite:///%(here)s/db.sqlite\n"))
        return {};
    const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
    if (!connection)
        return {};
    QSqlQuery query(connection.value()->database());
    QStringList all = statements;
    if (rows) {
        all.append(u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                   "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s);
        for (const QString &row : *rows)
            all.append(u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(row));
    }
    for (const QString &statement : std::as_const(all)) {
        if (!query.exec(statement))
            return {};
    }
    return root;
}

SchemaDialog *TestSchemaDialog::openDialog(MainWindow &window, const QString &root, bool expectOk)
{
    if (!openAndWait(window, root))
        return nullptr;
    if (!QTest::qWaitFor([&] { return window.environmentSession()->status(0) != nullptr; }, 10000))
        return nullptr;
    auto *action = window.findChild<QAction *>(u"compareSchemaAction"_s);
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto *dialog = window.findChild<SchemaDialog *>(u"schemaDialog"_s);
    if (!dialog || !dialog->isVisible())
        return nullptr;
    QSignalSpy inspected(dialog, &SchemaDialog::inspected);
    QSignalSpy ranked(dialog, &SchemaDialog::ranked);
    QSignalSpy compared(dialog, &SchemaDialog::compared);
    if (!inspected.wait(10000) || inspected.last().at(0).toBool() != expectOk)
        return nullptr;
    if (expectOk && !QTest::qWaitFor([&] { return !ranked.isEmpty() && !compared.isEmpty(); }, 10000))
        return nullptr;
    return dialog;
}

QStringList TestSchemaDialog::topLevelTexts(const QTreeWidget *tree)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts.append(tree->topLevelItem(i)->text(0));
    return texts;
}

QStringList TestSchemaDialog::driftLines(const QTreeWidget *tree)
{
    QStringList lines;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            lines.append(group->text(0) + u": "_s + group->child(j)->text(0));
    }
    return lines;
}

void TestSchemaDialog::driftAndMatch()
{
    const QString root = makeProject(UsersDdl + PostsDdl +
                                         QStringList{u"ALTER TABLE users ADD COLUMN nickname "
                                                     "VARCHAR(20)"_s},
                                     QStringList{u"b2b2b2b2b2b2"_s});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    SchemaDialog *dialog = openDialog(window, root);
    QVERIFY(dialog);
    const QStringList unnamed = unnamedControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    // The live schema: both tables, their columns and constraints.
    auto *live = dialog->findChild<QTreeWidget *>(u"liveTree"_s);
    QCOMPARE(topLevelTexts(live), (QStringList{u"posts"_s, u"users"_s}));
    const QTreeWidgetItem *users = live->topLevelItem(1);
    QStringList userChildren;
    for (int i = 0; i < users->childCount(); ++i)
        userChildren.append(users->child(i)->text(0) + u' ' + users->child(i)->text(1));
    QVERIFY2(userChildren.contains(u"id INTEGER NOT NULL AUTOINCREMENT"_s), qPrintable(userChildren.join(u'|')));
    QVERIFY(userChildren.contains(u"name VARCHAR(50) NOT NULL"_s));
    QVERIFY(userChildren.contains(u"nickname VARCHAR(20)"_s));
    QVERIFY(userChildren.contains(u"(unnamed) PRIMARY KEY (id)"_s));
    const QTreeWidgetItem *posts = live->topLevelItem(0);
    QCOMPARE(posts->child(posts->childCount() - 1)->text(1), u"FOREIGN KEY (user_id) REFERENCES users (id)"_s);

    // The drift from the stamped revision is the hand change, nothing else.
    auto *drift = dialog->findChild<QTreeWidget *>(u"driftTree"_s);
    QCOMPARE(driftLines(drift), QStringList{u"users: + column users.nickname VARCHAR(20)"_s});
    QCOMPARE(drift->topLevelItem(0)->child(0)->text(1), u"error"_s);
    QVERIFY(dialog->findChild<QLabel *>(u"driftSummary"_s)->text().startsWith(u"1 difference(s) from"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"driftNotes"_s)->isHidden());
    QCOMPARE(dialog->findChild<QTabWidget *>(u"schemaTabs"_s)->tabText(1), u"&Drift (1)"_s);

    // Copy as Text: what retort-cli diff prints.
    dialog->findChild<QPushButton *>(u"driftCopy"_s)->click();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(u"\nusers\n  + column users.nickname VARCHAR(20)\n\n1 difference(s).\n"_s),
             qPrintable(copied));
    QVERIFY(copied.startsWith(u"sqlite:///"_s));
    QVERIFY(copied.contains(u"compared with the schema the migrations give at b2b2b2b2b2b2"_s));

    // The filter hides what does not match.
    auto *filter = dialog->findChild<QLineEdit *>(u"driftFilter"_s);
    filter->setText(u"posts"_s);
    QVERIFY(drift->topLevelItem(0)->isHidden());
    filter->setText(u"nick"_s);
    QVERIFY(!drift->topLevelItem(0)->isHidden());
    filter->clear();

    // Against the first revision: email and posts are unexpected too.
    QSignalSpy compared(dialog, &SchemaDialog::compared);
    dialog->compareWith(u"a1a1a1a1a1a1"_s);
    QVERIFY(compared.wait(10000));
    const QStringList lines = driftLines(drift);
    QVERIFY2(lines.contains(u"posts: + table posts"_s), qPrintable(lines.join(u'|')));
    QVERIFY(lines.contains(u"users: + column users.email VARCHAR(100)"_s));
    QCOMPARE(dialog->findChild<QComboBox *>(u"driftComparison"_s)->currentData().toString(), u"a1a1a1a1a1a1"_s);

    // The matching revision: the stamped one, closest but not exact.
    auto *matches = dialog->findChild<QTreeWidget *>(u"matchTree"_s);
    QCOMPARE(matches->topLevelItemCount(), 3); // base, a1, b2
    QCOMPARE(matches->topLevelItem(0)->text(1), u"b2b2b2b2b2b2"_s);
    QCOMPARE(matches->topLevelItem(0)->text(4), u"1"_s);
    QCOMPARE(matches->topLevelItem(0)->text(5), u"exact"_s);
    QCOMPARE(matches->topLevelItem(2)->text(1), u"<base>"_s);
    QVERIFY(dialog->findChild<QLabel *>(u"matchVerdict"_s)->text().startsWith(u"No revision gives exactly"_s));

    // Stamp Here opens the stamp preview at the selected revision.
    matches->setCurrentItem(matches->topLevelItem(1));
    auto *stamp = dialog->findChild<QPushButton *>(u"matchStamp"_s);
    QVERIFY(stamp->isEnabled());
    stamp->click();
    auto *stampDialog = window.findChild<StampDialog *>(u"stampDialog"_s);
    QVERIFY(stampDialog);
    QTRY_VERIFY(!stampDialog->isReading());
    QCOMPARE(stampDialog->plan().rowsBefore, QStringList{u"b2b2b2b2b2b2"_s});
    QVERIFY(stampDialog->findChild<QLabel *>(u"stampSummary"_s)->text().contains(u"a1a1a1a1a1a1"_s));
    stampDialog->reject();

    // Opening it again reuses the window's dialog.
    window.findChild<QAction *>(u"compareSchemaAction"_s)->trigger();
    QCOMPARE(window.findChildren<SchemaDialog *>().size(), 1);
    QVERIFY(dialog->isInspecting());
}

void TestSchemaDialog::matchesStampedRevision()
{
    const QString root = makeProject(UsersDdl + PostsDdl, QStringList{u"b2b2b2b2b2b2"_s});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    SchemaDialog *dialog = openDialog(window, root);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"driftTree"_s)->topLevelItemCount(), 0);
    QVERIFY(dialog->findChild<QLabel *>(u"driftSummary"_s)->text().startsWith(u"No differences"_s));
    QCOMPARE(dialog->findChild<QLabel *>(u"matchVerdict"_s)->text(), u"The database matches its stamped revision."_s);
    QVERIFY(dialog->findChild<QLabel *>(u"matchHint"_s)->isHidden());
}

void TestSchemaDialog::stampedTooLow()
{
    // Migrated to b2 by hand, but stamped at a1: stamp at b2, then upgrade.
    const QString root = makeProject(UsersDdl + PostsDdl, QStringList{u"a1a1a1a1a1a1"_s});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    SchemaDialog *dialog = openDialog(window, root);
    QVERIFY(dialog);
    const QString verdict = dialog->findChild<QLabel *>(u"matchVerdict"_s)->text();
    QCOMPARE(verdict, u"The database has the schema of b2b2b2b2b2b2 but is stamped at a1a1a1a1a1a1."_s);
    QVERIFY(dialog->findChild<QLabel *>(u"matchHint"_s)->text().contains(u"stamp it at b2b2b2b2b2b2"_s));
    QVERIFY(dialog->findChild<QPushButton *>(u"matchUpgrade"_s)->isEnabled());

    // Stamping there from the preview: the verdict follows and the hint points to the upgrade.
    dialog->findChild<QPushButton *>(u"matchStamp"_s)->click();
    auto *stampDialog = window.findChild<StampDialog *>(u"stampDialog"_s);
    QVERIFY(stampDialog);
    QTRY_VERIFY(!stampDialog->isReading());
    QSignalSpy ranked(dialog, &SchemaDialog::ranked);
    stampDialog->findChild<QPushButton *>(u"stampButton"_s)->click();
    QVERIFY(ranked.wait(10000));
    QCOMPARE(dialog->findChild<QLabel *>(u"matchVerdict"_s)->text(), u"The database matches its stamped revision."_s);
    QVERIFY(dialog->findChild<QLabel *>(u"matchHint"_s)->text().contains(u"upgrade it to the heads"_s));
}

void TestSchemaDialog::emptyDatabase()
{
    const QString root = makeProject({}, std::nullopt);
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    SchemaDialog *dialog = openDialog(window, root);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"liveTree"_s)->topLevelItemCount(), 0);
    QVERIFY(dialog->findChild<QLabel *>(u"liveMessage"_s)->text().contains(u"no tables"_s));
    auto *banner = dialog->findChild<QLabel *>(u"schemaError"_s);
    QVERIFY(!banner->isHidden());
    QVERIFY(banner->text().contains(u"no version table alembic_version"_s));
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"matchTree"_s)->topLevelItem(0)->text(1), u"<base>"_s);
    QCOMPARE(dialog->findChild<QLabel *>(u"matchVerdict"_s)->text(), u"The database matches its stamped revision."_s);
}

void TestSchemaDialog::unreadableDatabase()
{
    const QString root = makeProject({}, QStringList{});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    // Not a database any more once the rows were read.
    QVERIFY(writeFile(root + u"/db.sqlite"_s, QByteArray(4096, 'x')));
    window.findChild<QAction *>(u"compareSchemaAction"_s)->trigger();
    auto *dialog = window.findChild<SchemaDialog *>(u"schemaDialog"_s);
    QVERIFY(dialog);
    QSignalSpy inspected(dialog, &SchemaDialog::inspected);
    QVERIFY(inspected.wait(10000));
    QCOMPARE(inspected.last().at(0).toBool(), false);
    auto *banner = dialog->findChild<QLabel *>(u"schemaError"_s);
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(u"could not be read"_s), qPrintable(banner->text()));
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"liveTree"_s)->topLevelItemCount(), 0);
    QVERIFY(!dialog->findChild<QPushButton *>(u"driftCopy"_s)->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(u"matchStamp"_s)->isEnabled());
}

void TestSchemaDialog::models()
{
    // The models have what b2 gives plus a tags table no revision creates yet.
    const QString root = makeProject(UsersDdl + PostsDdl, QStringList{u"b2b2b2b2b2b2"_s});
    QVERIFY(!root.isEmpty());
    QVERIFY(writeFile(root + u"/models.py"_s, R"PY(import sqlalchemy as sa

metadata = sa.MetaData()
sa.Table("users", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("name", sa.String(50), nullable=False), sa.Column("email", sa.String(100)))
sa.Table("posts", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")), sa.Column("title", sa.Text))
sa.Table("tags", metadata, sa.Column("id", sa.Integer, primary_key=True))
)PY"));
    QFile envFile(root + u"/migrations/env.py"_s);
    QVERIFY(envFile.open(QIODevice::ReadOnly));
    QString env = QString::fromUtf8(envFile.readAll());
    envFile.close();
    QVERIFY(env.contains(u"\ntarget_metadata = None\n"_s));
    env.replace(u"\ntarget_metadata = None\n"_s,
                u"\nimport os, sys\nsys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\n"
                "from models import metadata\ntarget_metadata = metadata\n"_s);
    env.replace(u"    fileConfig(config.config_file_name)"_s, u"    pass  # the test's alembic.ini has no logging"_s);
    QVERIFY(writeFile(root + u"/migrations/env.py"_s, env.toUtf8()));
    const Result<Project> project = Project::open(root + u"/alembic.ini"_s);
    QVERIFY(project);
    PythonEnvironment::setChosenInterpreter(EnvironmentStore::projectKey(project->config()),
                                            QStringLiteral(RETORT_TEST_PYTHON));

    MainWindow window;
    window.show();
    SchemaDialog *dialog = openDialog(window, root);
    QVERIFY(dialog);
    QSignalSpy compared(dialog, &SchemaDialog::compared);
    dialog->compareWith(u"models"_s);
    QVERIFY(compared.wait(60000));
    auto *summary = dialog->findChild<QLabel *>(u"driftSummary"_s);
    QVERIFY2(summary->text().startsWith(u"1 difference(s) between the database and the models"_s),
             qPrintable(summary->text()));
    QCOMPARE(driftLines(dialog->findChild<QTreeWidget *>(u"driftTree"_s)), QStringList{u"tags: - table tags"_s});
    QCOMPARE(dialog->findChild<QComboBox *>(u"driftComparison"_s)->currentData().toString(), u"models"_s);
    dialog->findChild<QPushButton *>(u"driftCopy"_s)->click();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(u"compared with the models of env.py's target_metadata, by alembic 1."_s),
             qPrintable(copied));
    QVERIFY(copied.contains(u"\ntags\n  - table tags"_s));

    // Not at the heads: alembic refuses, and the dialog says what to do.
    {
        const auto connection = DatabaseConnection::open(u"sqlite:///"_s + root + u"/db.sqlite"_s, QString());
        QVERIFY(connection);
        QVERIFY(QSqlQuery(connection.value()->database())
                    .exec(u"UPDATE alembic_version SET version_num = 'a1a1a1a1a1a1'"_s));
    }
    dialog->inspect(0);
    QVERIFY(compared.wait(60000)); // the comparison chosen stays: the models
    QVERIFY2(summary->text().contains(u"not up to date"_s), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(u"Upgrade to Heads"_s));
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"driftTree"_s)->topLevelItemCount(), 0);
}

void TestSchemaDialog::findMatchingRevisionAction()
{
    const QString root = makeProject(UsersDdl, QStringList{u"b2b2b2b2b2b2"_s});
    QVERIFY(!root.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    QTRY_VERIFY(window.environmentSession()->status(0));
    // The session's own check: stamped at b2, but only a1's table is there.
    QTRY_VERIFY(window.environmentSession()->drift(0));
    QCOMPARE(window.environmentSession()->drift(0)->differences.size(), 2);
    auto *action = window.findChild<QAction *>(u"findMatchingRevisionAction"_s);
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<SchemaDialog *>(u"schemaDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QTabWidget *>(u"schemaTabs"_s)->currentIndex(), 2);
    QSignalSpy ranked(dialog, &SchemaDialog::ranked);
    QVERIFY(ranked.wait(10000));
    QCOMPARE(dialog->findChild<QTreeWidget *>(u"matchTree"_s)->topLevelItem(0)->text(1), u"a1a1a1a1a1a1"_s);
}

QTEST_MAIN(TestSchemaDialog)
#include "tst_schemadialog.moc"
