// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// EnvironmentSession, the model behind the environment bar, the graph pins and the stamp dialog:
// the implicit environment a config's sqlalchemy.url stands for, saving and removing environments
// with the active index and the states following them, the password rules (a lookup in the
// provider once, asking only when the user asked for the read, `?user=` and `?password=` in the
// query), generations (a read or stamp started for a project or an environment list that has
// changed since never lands on the new one), stamps and the read after them, and summaries
// recomputed when the history changes. Everything is real (projects as revision files read through
// Project, SQLite files in a temporary folder, settings in a temporary folder through
// QSettings::setPath plus QStandardPaths' test mode) except the PasswordProvider: an in-memory
// fake stands in for the window's keychain and password dialog. PostgreSQL URLs point at port 1 of
// the loopback, where nothing listens, so their reads fail at once without a server.
//

#include "database/databasejobs.h"
#include "database/environment.h"
#include "database/environmentsession.h"
#include "database/passwordprovider.h"
#include "history/migrationplanner.h"
#include "history/revisionmap.h"
#include "isolatedsettings.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// The keychain and the password dialog, in memory: lookUp() answers on the next turn of the event
/// loop (or at once, when told to), as a keychain would; ask() gives the scripted answer.
class FakePasswords : public PasswordProvider
{
    Q_OBJECT
public:
    using PasswordProvider::PasswordProvider;

    QString cached(const QString &key) const override { return memory.value(key); }
    void lookUp(const QString &key) override
    {
        lookUps.append(key);
        auto reply = [this, key] {
            const bool found = keychain.contains(key);
            if (found)
                memory.insert(key, keychain.value(key));
            emit lookedUp(key, found);
        };
        if (synchronous)
            reply();
        else
            QTimer::singleShot(0, this, reply);
    }
    void store(const QString &key, const QString &password) override
    {
        memory.insert(key, password);
        keychain.insert(key, password);
    }
    void forget(const QString &key) override
    {
        forgotten.append(key);
        memory.remove(key);
        keychain.remove(key);
    }
    std::optional<QString> ask(const QString &environment, const QString &displayUrl) override
    {
        asked.append(environment);
        askedUrls.append(displayUrl);
        return answer;
    }

    QHash<QString, QString> memory;   ///< what cached() knows
    QHash<QString, QString> keychain; ///< what lookUp() finds
    bool synchronous = false;         ///< lookedUp() from within lookUp()
    std::optional<QString> answer;    ///< what ask() returns
    QStringList lookUps;
    QStringList asked;
    QStringList askedUrls;
    QStringList forgotten;
};

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

/// A revision file for @p spec, "id" or "id:down".
bool writeRevision(const QString &versions, const QString &spec)
{
    const QString id = spec.section(u':', 0, 0);
    const QString down = spec.section(u':', 1, 1);
    const QString text =
        u"\"\"\"%1\n\nRevision ID: %1\nRevises: %2\n\"\"\"\nrevision = '%1'\ndown_revision = %3\n"
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n"
        "def downgrade():\n    pass\n"_s.arg(id, down, down.isEmpty() ? u"None"_s : u'\'' + down + u'\'');
    return writeFile(versions + u'/' + id + u"_step.py"_s, text.toUtf8());
}

Environment environment(const QString &name, const QString &url, const QString &color = {})
{
    Environment e;
    e.name = name;
    e.url = url;
    e.color = color;
    return e;
}

QStringList names(const QList<Environment> &environments)
{
    QStringList out;
    for (const Environment &e : environments)
        out.append(e.name);
    return out;
}

QStringList sorted(QStringList rows)
{
    rows.sort();
    return rows;
}

/// The rows of the database at @p url as a read of the test's own sees them ("(error)" when it fails).
QStringList rowsOf(const QString &url, const QString &baseDir)
{
    QFuture<Result<DatabaseJobs::TableRead>> future = DatabaseJobs::read(url, baseDir, VersionTableName());
    future.waitForFinished();
    const Result<DatabaseJobs::TableRead> outcome = future.result();
    return outcome ? sorted(outcome->rows.rows) : QStringList{u"(error) "_s + outcome.error()};
}

/// Stamps the database at @p url to @p targets of @p map, from whatever it holds now (a missing
/// SQLite file is created); the error, or an empty string.
QString stampDatabase(const QString &url, const QString &baseDir, const RevisionMap &map, const QStringList &targets)
{
    QStringList rows = rowsOf(url, baseDir);
    if (!rows.isEmpty() && rows.constFirst().startsWith(u"(error)"_s))
        rows.clear(); // no file yet
    Result<MigrationPlan> plan = MigrationPlanner(map).stamp(targets, rows, false);
    if (!plan)
        return plan.error();
    plan.value().rowsBefore = rows;
    QFuture<Result<QStringList>> future = DatabaseJobs::stamp(url, baseDir, VersionTableName(), plan.value(), false);
    future.waitForFinished();
    return future.result().error();
}

/// Whether no read or stamp of @p session is running (their watchers are its children until they finish).
bool settled(const EnvironmentSession &session)
{
    return session.findChildren<QFutureWatcherBase *>().isEmpty();
}

} // namespace

class TestEnvironmentSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void implicitEnvironment();
    void noDatabaseUrl();
    void saveEnvironments();
    void saveRefusesUnparsableUrl();
    void removeKeepsIndexes();
    void passwordFlow();
    void passwordNeeded_data();
    void passwordNeeded();
    void passwordFromKeychain();
    void declinedAfterSave();
    void synchronousLookUp();
    void staleReadsAfterOpen();
    void staleReadAfterRemove();
    void staleStampIgnored();
    void stampWritesThenReads();
    void stampRefusedWhenRowsChanged();
    void stampThenRemove();
    void historyChangedRecomputes();
    void driftCheckedAfterRead();
    void colors();
    void secretVariablesInTheKeychain();

private:
    /// Writes the project @p name (revisions "id" or "id:down", in order) with @p url as its
    /// sqlalchemy.url (none when empty) and opens it through Project; nullptr on failure.
    std::unique_ptr<Project> project(const QString &name, const QString &url, const QStringList &revisions);
    QString folder(const QString &name) const { return m_dir.filePath(name); }
    static QString key(const Project &project, const QString &environment)
    {
        return EnvironmentStore::projectKey(project.config()) + u'#' + environment;
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
};

std::unique_ptr<Project> TestEnvironmentSession::project(const QString &name, const QString &url,
                                                         const QStringList &revisions)
{
    const QString root = folder(name);
    QByteArray ini = "[alembic]\nscript_location = %(here)s/migrations\n";
    if (!url.isEmpty())
        ini += "sqlalchemy.url = " + url.toUtf8() + '\n';
    if (!writeFile(root + u"/alembic.ini"_s, ini))
        return nullptr;
    for (const QString &spec : revisions) {
        if (!writeRevision(root + u"/migrations/versions"_s, spec))
            return nullptr;
    }
    const Result<Project> opened = Project::open(root + u"/alembic.ini"_s);
    if (!opened || opened->hasErrors() || opened->map().size() != revisions.size())
        return nullptr;
    return std::make_unique<Project>(opened.value());
}

void TestEnvironmentSession::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_dir.isValid());
    const QString isolated = isolateSettings(m_settings.path());
    QVERIFY2(isolated.isEmpty(), qPrintable(isolated));
}

void TestEnvironmentSession::implicitEnvironment()
{
    const std::unique_ptr<Project> shop =
        project(u"implicit"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"b2"_s}), QString());

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(shop.get());
    QCOMPARE(names(session.environments()), QStringList{u"config"_s});
    QVERIFY(session.isImplicit());
    QVERIFY(session.environments().constFirst().url.isEmpty()); // the config's URL, not a copy
    QCOMPARE(session.activeIndex(), 0);
    QCOMPARE(session.versionTable(0), VersionTableName());
    // Read in the background: nothing yet.
    QVERIFY(session.state(0).reading);
    QVERIFY(!session.state(0).read);
    QCOMPARE(session.status(0), nullptr);
    QCOMPARE(read.count(), 0);

    QTRY_COMPARE(read.count(), 1);
    QCOMPARE(read.at(0), (QVariantList{0, true}));
    const EnvironmentSession::State &state = session.state(0);
    QVERIFY(state.read);
    QVERIFY(!state.reading);
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QVERIFY2(state.displayUrl.contains(u"app.db"_s), qPrintable(state.displayUrl));
    QVERIFY(state.summary.rows.tableExists);
    QCOMPARE(state.summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(state.summary.revisionCount, 3);
    QVERIFY(!state.summary.atHeads);
    QVERIFY(session.status(0) != nullptr);
    QCOMPARE(session.status(0)->pendingCount, 1);
    QCOMPARE(state.summary.oneLine(), u"1 pending: 1 to c3"_s);
    QVERIFY(passwords.lookUps.isEmpty()); // SQLite has no users

    // Someone else upgrades; a refresh shows it.
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"heads"_s}), QString());
    session.refresh(0);
    QVERIFY(session.state(0).reading);
    QVERIFY(session.state(0).read); // the old rows may still be shown
    QTRY_COMPARE(read.count(), 2);
    QCOMPARE(read.at(1), (QVariantList{0, true}));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"c3"_s});
    QVERIFY(session.state(0).summary.atHeads);
    QCOMPARE(session.state(0).summary.oneLine(), u"at the heads"_s);

    // The implicit environment cannot be removed; out-of-range indexes are ignored.
    session.remove(0);
    QCOMPARE(names(session.environments()), QStringList{u"config"_s});
    session.refresh(1);
    session.remove(-1);
    QCOMPARE(session.status(1), nullptr);
    QCOMPARE(session.connectionUrl(1), QString());
    QCOMPARE(session.connectionUrl(0), u"sqlite:///app.db"_s);
    QVERIFY(EnvironmentStore::load(EnvironmentStore::projectKey(shop->config())).isEmpty()); // nothing saved

    session.close();
    QVERIFY(session.environments().isEmpty());
    QCOMPARE(session.activeIndex(), -1);
    QCOMPARE(session.status(0), nullptr);
    QTRY_VERIFY(settled(session));
    QCOMPARE(read.count(), 2);
}

void TestEnvironmentSession::noDatabaseUrl()
{
    const std::unique_ptr<Project> bare = project(u"nourl"_s, QString(), {u"a1"_s});
    QVERIFY(bare);
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy changed(&session, &EnvironmentSession::changed);
    session.open(bare.get());
    QVERIFY(session.environments().isEmpty());
    QVERIFY(!session.isImplicit());
    QCOMPARE(session.activeIndex(), -1);
    QVERIFY(changed.count() >= 1);
    session.refresh(0);
    session.remove(0);
    QCOMPARE(session.status(0), nullptr);
    QCOMPARE(session.connectionUrl(0), QString());
    QVERIFY(settled(session));
}

void TestEnvironmentSession::saveEnvironments()
{
    const std::unique_ptr<Project> shop =
        project(u"saving"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    const QString store = EnvironmentStore::projectKey(shop->config());
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"b2"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///dev.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///prod.db"_s, dir, shop->map(), {u"c3"_s}), QString());

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    QVERIFY(session.isImplicit());

    // The first one saved joins the config's own database, which is saved too (its URL stays the config's).
    QString error;
    QVERIFY(session.save(environment(u"dev"_s, u"sqlite:///dev.db"_s), QString(), -1, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!session.isImplicit());
    QCOMPARE(names(session.environments()), (QStringList{u"config"_s, u"dev"_s}));
    QCOMPARE(names(EnvironmentStore::load(store)), (QStringList{u"config"_s, u"dev"_s}));
    QVERIFY(session.environments().at(0).url.isEmpty());
    QCOMPARE(session.activeIndex(), 1);
    QVERIFY(session.state(1).reading);
    QVERIFY(!session.state(1).read);
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"a1"_s});

    // A second one; the active index follows the saved name.
    QVERIFY(session.save(environment(u"prod"_s, u"sqlite:///prod.db"_s)));
    QCOMPARE(names(session.environments()), (QStringList{u"config"_s, u"dev"_s, u"prod"_s}));
    QCOMPARE(names(EnvironmentStore::load(store)), (QStringList{u"config"_s, u"dev"_s, u"prod"_s}));
    QCOMPARE(session.activeIndex(), 2);
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"a1"_s});
    QCOMPARE(session.state(2).summary.rows.rows, QStringList{u"c3"_s});
    QCOMPARE(session.state(2).summary.oneLine(), u"at the heads"_s);

    // Replacing one keeps its place; the active index follows it.
    session.setActiveIndex(1);
    QCOMPARE(session.activeIndex(), 1);
    QVERIFY(session.save(environment(u"prod"_s, u"sqlite:///prod.db"_s, u"#123456"_s), QString(), 2));
    QCOMPARE(names(session.environments()), (QStringList{u"config"_s, u"dev"_s, u"prod"_s}));
    QCOMPARE(session.environments().at(2).color, u"#123456"_s);
    QCOMPARE(EnvironmentStore::load(store).at(2).color, u"#123456"_s);
    QCOMPARE(session.activeIndex(), 2);
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(2).summary.rows.rows, QStringList{u"c3"_s});

    // Out-of-range active indexes are ignored; -1 (none) is allowed.
    session.setActiveIndex(3);
    QCOMPARE(session.activeIndex(), 2);
    session.setActiveIndex(-1);
    QCOMPARE(session.activeIndex(), -1);
    QVERIFY(passwords.memory.isEmpty());
}

void TestEnvironmentSession::saveRefusesUnparsableUrl()
{
    const std::unique_ptr<Project> shop = project(u"refusing"_s, u"sqlite:///app.db"_s, {u"a1"_s});
    QVERIFY(shop);
    const QString store = EnvironmentStore::projectKey(shop->config());
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));

    const Environment bad = environment(u"broken"_s, u"postgresql//alice@127.0.0.1/app"_s);
    QSignalSpy changed(&session, &EnvironmentSession::changed);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    // While implicit.
    QString error;
    QVERIFY(!session.save(bad, u"pw"_s, -1, &error));
    QVERIFY2(error.contains(u"is not a database URL"_s), qPrintable(error));
    QVERIFY2(error.contains(u"broken"_s), qPrintable(error));
    QVERIFY(session.isImplicit());
    QCOMPARE(names(session.environments()), QStringList{u"config"_s});
    QVERIFY(EnvironmentStore::load(store).isEmpty());
    QVERIFY(!session.save(bad)); // no error pointer: refused all the same

    // With saved environments, adding and replacing.
    QVERIFY(session.save(environment(u"dev"_s, u"sqlite:///dev.db"_s)));
    QVERIFY(session.save(environment(u"qa"_s, u"sqlite:///qa.db"_s)));
    session.setActiveIndex(0);
    QTRY_VERIFY(settled(session));
    const QList<Environment> before = session.environments();
    const int generation = session.state(1).generation;
    changed.clear();
    read.clear();
    for (const int replacing : {-1, 1}) {
        error.clear();
        QVERIFY(!session.save(bad, u"pw"_s, replacing, &error));
        QVERIFY2(error.contains(u"is not a database URL"_s), qPrintable(error));
        QCOMPARE(session.environments(), before);
        QCOMPARE(EnvironmentStore::load(store), before);
        QCOMPARE(session.activeIndex(), 0);
        QCOMPARE(session.state(1).generation, generation); // nothing read again
    }
    QVERIFY(settled(session));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(read.count(), 0);
    QVERIFY(passwords.memory.isEmpty()); // the password of a refused environment is not kept
}

void TestEnvironmentSession::removeKeepsIndexes()
{
    const std::unique_ptr<Project> shop = project(u"removing"_s, QString(), {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    const QString store = EnvironmentStore::projectKey(shop->config());
    QCOMPARE(stampDatabase(u"sqlite:///dev.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///prod.db"_s, dir, shop->map(), {u"b2"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///staging.db"_s, dir, shop->map(), {u"c3"_s}), QString());
    QVERIFY(EnvironmentStore::save(store, {environment(u"dev"_s, u"sqlite:///dev.db"_s),
                                           environment(u"prod"_s, u"sqlite:///prod.db"_s),
                                           environment(u"staging"_s, u"sqlite:///staging.db"_s)}));

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    session.open(shop.get());
    QVERIFY(!session.isImplicit());
    QCOMPARE(names(session.environments()), (QStringList{u"dev"_s, u"prod"_s, u"staging"_s}));
    QTRY_VERIFY(settled(session));

    // Removing one before the active one: the states go with their environments.
    session.setActiveIndex(2);
    session.remove(0);
    QCOMPARE(names(session.environments()), (QStringList{u"prod"_s, u"staging"_s}));
    QCOMPARE(names(EnvironmentStore::load(store)), (QStringList{u"prod"_s, u"staging"_s}));
    QCOMPARE(passwords.forgotten, QStringList{key(*shop, u"dev"_s)});
    QCOMPARE(session.activeIndex(), 1);
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"c3"_s});
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"c3"_s});

    // The active environment is one after the removed one but not the last.
    QVERIFY(session.save(environment(u"qa"_s, u"sqlite:///dev.db"_s)));
    QTRY_VERIFY(settled(session));
    QCOMPARE(names(session.environments()), (QStringList{u"prod"_s, u"staging"_s, u"qa"_s}));
    session.setActiveIndex(1); // staging
    session.remove(0);
    QCOMPARE(names(session.environments()), (QStringList{u"staging"_s, u"qa"_s}));
    QCOMPARE(session.activeIndex(), 0);
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"c3"_s});
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"a1"_s});

    // Removing the last one while it is active; then everything.
    session.setActiveIndex(1);
    session.remove(1);
    QCOMPARE(names(session.environments()), QStringList{u"staging"_s});
    QCOMPARE(session.activeIndex(), 0);
    session.remove(5); // out of range: nothing
    QCOMPARE(names(session.environments()), QStringList{u"staging"_s});
    session.remove(0);
    QVERIFY(session.environments().isEmpty());
    QCOMPARE(session.activeIndex(), -1);
    QVERIFY(EnvironmentStore::load(store).isEmpty());
    QVERIFY(!session.isImplicit()); // the project has no sqlalchemy.url
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::passwordFlow()
{
    const std::unique_ptr<Project> app = project(u"password"_s, QString(), {u"a1"_s});
    QVERIFY(app);
    const QString url = u"postgresql://alice@127.0.0.1:1/app"_s;
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(app->config()), {environment(u"prod"_s, url)}));
    const QString prodKey = key(*app, u"prod"_s);
    const QString needsPassword = u"Needs a password: click Refresh to enter it."_s;

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    QSignalSpy stamped(&session, &EnvironmentSession::stampFinished);

    // open() reads without asking: the key is looked up first, the read waits for the answer.
    session.open(app.get());
    QCOMPARE(passwords.lookUps, QStringList{prodKey});
    QVERIFY(session.state(0).reading);
    QVERIFY(!session.state(0).read);
    QVERIFY(session.state(0).error.isEmpty());
    QCOMPARE(read.count(), 0);

    // Nothing in the keychain, and nobody asked for the read: an error, no question.
    QTRY_COMPARE(read.count(), 1);
    QCOMPARE(read.at(0), (QVariantList{0, false}));
    QCOMPARE(session.state(0).error, needsPassword);
    QVERIFY(!session.state(0).reading);
    QVERIFY(!session.state(0).read);
    QVERIFY(passwords.asked.isEmpty());

    // Again without asking: the same at once; looked up only once per session.
    session.refresh(0, false);
    QCOMPARE(read.count(), 2);
    QCOMPARE(read.at(1), (QVariantList{0, false}));
    QCOMPARE(session.state(0).error, needsPassword);
    QVERIFY(passwords.asked.isEmpty());
    QCOMPARE(passwords.lookUps.size(), 1);

    // The user asks for the read and declines: asked once, nothing read, nothing kept.
    passwords.answer = std::nullopt;
    session.refresh(0, true);
    QCOMPARE(passwords.asked, QStringList{u"prod"_s});
    QCOMPARE(passwords.askedUrls, QStringList{url});
    QCOMPARE(read.count(), 2);
    QVERIFY(!session.state(0).read);
    QVERIFY(!session.state(0).reading);
    QCOMPARE(session.state(0).error, needsPassword); // the last read's error, no new one
    QVERIFY(passwords.memory.isEmpty());
    QVERIFY(settled(session));

    // A write the user asked for asks too; declined, nothing is written.
    QCOMPARE(session.connectionUrl(0), QString());
    QCOMPARE(passwords.asked.size(), 2);
    Result<MigrationPlan> plan = MigrationPlanner(app->map()).stamp({u"heads"_s}, {}, false);
    QVERIFY(plan);
    session.stamp(0, session.state(0).generation, plan.value(), false);
    QCOMPARE(passwords.asked.size(), 3);
    QVERIFY(settled(session));
    QCOMPARE(stamped.count(), 0);

    // Given: kept by the provider, and the read goes to the server (which refuses the connection).
    passwords.answer = u"s3cretPw"_s;
    session.refresh(0, true);
    QCOMPARE(passwords.asked.size(), 4);
    QCOMPARE(passwords.memory.value(prodKey), u"s3cretPw"_s);
    QVERIFY(session.state(0).reading);
    QTRY_COMPARE(read.count(), 3);
    QCOMPARE(read.at(2), (QVariantList{0, false}));
    const QString refused = session.state(0).error;
    QVERIFY(!refused.isEmpty());
    QVERIFY2(!refused.contains(u"Needs a password"_s), qPrintable(refused));
    QVERIFY2(!refused.contains(u"s3cretPw"_s), qPrintable(refused));

    // From now on the password is known: no question, with or without askForPassword.
    session.refresh(0, false);
    QVERIFY(session.state(0).reading);
    QTRY_COMPARE(read.count(), 4);
    session.refresh(0, true);
    QTRY_COMPARE(read.count(), 5);
    QCOMPARE(passwords.asked.size(), 4);
    QCOMPARE(session.connectionUrl(0), u"postgresql://alice:s3cretPw@127.0.0.1:1/app"_s);
    QCOMPARE(passwords.asked.size(), 4);
    QCOMPARE(passwords.lookUps.size(), 1);
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::passwordNeeded_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("needsPassword");
    QTest::newRow("user in the URL") << u"postgresql://alice@127.0.0.1:1/app"_s << true;
    QTest::newRow("?user= in the query") << u"postgresql://127.0.0.1:1/app?user=alice"_s << true;
    QTest::newRow("?password= in the query") << u"postgresql://alice@127.0.0.1:1/app?password=x"_s << false;
    QTest::newRow("password in the URL") << u"postgresql://alice:x@127.0.0.1:1/app"_s << false;
    QTest::newRow("no user") << u"postgresql://127.0.0.1:1/app"_s << false;
    QTest::newRow("mysql, ?passwd= in the query") << u"mysql://alice@127.0.0.1:1/app?passwd=x"_s << false;
}

void TestEnvironmentSession::passwordNeeded()
{
    // Through the config's sqlalchemy.url: a saved URL would lose its ?password=.
    QFETCH(QString, url);
    QFETCH(bool, needsPassword);
    static int count = 0;
    const std::unique_ptr<Project> app = project(u"needed-%1"_s.arg(++count), url, {u"a1"_s});
    QVERIFY(app);
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(app.get());
    QVERIFY(session.isImplicit());
    QCOMPARE(passwords.lookUps, needsPassword ? QStringList{key(*app, u"config"_s)} : QStringList());
    QVERIFY(session.state(0).reading);
    QTRY_COMPARE(read.count(), 1);
    QCOMPARE(read.at(0), (QVariantList{0, false})); // nothing listens on port 1
    const QString error = session.state(0).error;
    QVERIFY(!error.isEmpty());
    QCOMPARE(error.contains(u"Needs a password"_s), needsPassword);
    QVERIFY(passwords.asked.isEmpty());
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::passwordFromKeychain()
{
    const std::unique_ptr<Project> app = project(u"keychain"_s, u"postgresql://alice@127.0.0.1:1/app"_s, {u"a1"_s});
    QVERIFY(app);
    const QString configKey = key(*app, u"config"_s);
    FakePasswords passwords;
    passwords.keychain.insert(configKey, u"KeyChainPw"_s);
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(app.get());
    QCOMPARE(passwords.lookUps, QStringList{configKey});
    QVERIFY(session.state(0).reading);
    QTRY_COMPARE(read.count(), 1);
    // Found: the read went to the server (which refuses), nobody was asked.
    QCOMPARE(read.at(0), (QVariantList{0, false}));
    QVERIFY(passwords.asked.isEmpty());
    const QString error = session.state(0).error;
    QVERIFY2(!error.contains(u"Needs a password"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"KeyChainPw"_s), qPrintable(error));
    QCOMPARE(session.connectionUrl(0), u"postgresql://alice:KeyChainPw@127.0.0.1:1/app"_s);
    QVERIFY(passwords.asked.isEmpty());
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::declinedAfterSave()
{
    const std::unique_ptr<Project> app = project(u"declined"_s, QString(), {u"a1"_s});
    QVERIFY(app);
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(app.get());
    QVERIFY(session.environments().isEmpty());

    // A new environment is read at once, the user may be asked (it becomes the active one): after
    // the lookup finds nothing, the question; the user declines.
    passwords.answer = std::nullopt;
    QVERIFY(session.save(environment(u"prod"_s, u"postgresql://alice@127.0.0.1:1/app"_s)));
    QCOMPARE(session.activeIndex(), 0);
    QCOMPARE(passwords.lookUps, QStringList{key(*app, u"prod"_s)});
    QVERIFY(passwords.asked.isEmpty());
    QTRY_COMPARE(passwords.asked.size(), 1);
    QVERIFY(settled(session));
    QCOMPARE(read.count(), 0);
    QVERIFY(!session.state(0).read);
    QVERIFY(session.state(0).error.isEmpty());
    QVERIFY(!session.state(0).reading);

    // Saved with its password: kept by the provider, read without a question.
    QVERIFY(session.save(environment(u"prod"_s, u"postgresql://alice@127.0.0.1:1/app"_s), u"GivenPw"_s, 0));
    QCOMPARE(passwords.memory.value(key(*app, u"prod"_s)), u"GivenPw"_s);
    QVERIFY(session.state(0).reading);
    QTRY_COMPARE(read.count(), 1);
    QVERIFY2(!session.state(0).error.contains(u"Needs a password"_s), qPrintable(session.state(0).error));
    QCOMPARE(passwords.asked.size(), 1);
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::synchronousLookUp()
{
    // PasswordProvider::lookUp(): "lookedUp() follows, possibly at once".
    const std::unique_ptr<Project> app = project(u"synchronous"_s, QString(), {u"a1"_s});
    QVERIFY(app);
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(app->config()),
                                   {environment(u"prod"_s, u"postgresql://alice@127.0.0.1:1/app"_s)}));
    FakePasswords passwords;
    passwords.synchronous = true;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(app.get());
    QCOMPARE(passwords.lookUps.size(), 1);
    QCOMPARE(read.count(), 1);
    QCOMPARE(read.at(0), (QVariantList{0, false}));
    QCOMPARE(session.state(0).error, u"Needs a password: click Refresh to enter it."_s);
    QVERIFY(passwords.asked.isEmpty());
    QVERIFY(settled(session));
    QVERIFY(!session.state(0).reading);
}

void TestEnvironmentSession::staleReadsAfterOpen()
{
    const std::unique_ptr<Project> a = project(u"stale-a"_s, u"sqlite:///a.db"_s, {u"a1"_s, u"b2:a1"_s});
    const std::unique_ptr<Project> b = project(u"stale-b"_s, u"sqlite:///b.db"_s, {u"x1"_s, u"y2:x1"_s, u"z3:y2"_s});
    QVERIFY(a);
    QVERIFY(b);
    QCOMPARE(stampDatabase(u"sqlite:///a.db"_s, a->config().configDirectory(), a->map(), {u"b2"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///b.db"_s, b->config().configDirectory(), b->map(), {u"x1"_s}), QString());

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QList<QStringList> seen; // the rows of environment 0 each time a read lands
    connect(&session, &EnvironmentSession::environmentRead, this, [&](int index, bool ok) {
        QCOMPARE(index, 0);
        QVERIFY(ok);
        seen.append(session.state(0).summary.rows.rows);
        QCOMPARE(session.state(0).summary.revisionCount, 3);
    });

    // A's read is running when B is opened: it never lands.
    session.open(a.get());
    session.open(b.get());
    QTRY_COMPARE(seen.size(), 1);
    QTRY_VERIFY(settled(session));
    QCOMPARE(seen, QList<QStringList>{QStringList{u"x1"_s}});
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"x1"_s});
    QCOMPARE(session.state(0).summary.oneLine(), u"2 pending: 2 to z3"_s);

    // The same for a project opened again, and after close().
    session.open(b.get());
    session.open(b.get());
    QTRY_VERIFY(settled(session));
    QCOMPARE(seen.size(), 2);
    session.open(a.get());
    session.close();
    QTRY_VERIFY(settled(session));
    QCOMPARE(seen.size(), 2);
    QVERIFY(session.environments().isEmpty());
}

void TestEnvironmentSession::staleReadAfterRemove()
{
    const std::unique_ptr<Project> shop = project(u"remove-stale"_s, QString(), {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///one.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///two.db"_s, dir, shop->map(), {u"b2"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///three.db"_s, dir, shop->map(), {u"c3"_s}), QString());
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(shop->config()),
                                   {environment(u"one"_s, u"sqlite:///one.db"_s),
                                    environment(u"two"_s, u"sqlite:///two.db"_s),
                                    environment(u"three"_s, u"sqlite:///three.db"_s)}));
    const QHash<QString, QStringList> rowsOfEnvironment = {
        {u"one"_s, {u"a1"_s}}, {u"two"_s, {u"b2"_s}}, {u"three"_s, {u"c3"_s}}};

    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    int mismatches = 0; // reads that landed on another environment's state
    connect(&session, &EnvironmentSession::environmentRead, this, [&](int index, bool) {
        if (session.state(index).summary.rows.rows != rowsOfEnvironment.value(session.environments().at(index).name))
            ++mismatches;
    });
    session.open(shop.get());
    QTRY_VERIFY(settled(session));

    // Every read running when one is removed: they are started again for the new indexes.
    session.refresh(0);
    session.refresh(1);
    session.refresh(2);
    session.remove(0);
    QCOMPARE(names(session.environments()), (QStringList{u"two"_s, u"three"_s}));
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(session.state(1).summary.rows.rows, QStringList{u"c3"_s});
    QCOMPARE(mismatches, 0);

    // A read of the removed environment still running while the one that takes its index was read
    // already, with the generation next to it (when generations were counted per environment, the
    // two were equal and the read landed on the wrong environment).
    while (session.state(1).generation != session.state(0).generation + 1) {
        session.refresh(session.state(1).generation < session.state(0).generation + 1 ? 1 : 0);
        QTRY_VERIFY(settled(session));
    }
    session.refresh(0); // two, read again…
    QVERIFY(!session.state(1).reading);
    session.remove(0); // … and removed while it runs
    QCOMPARE(names(session.environments()), QStringList{u"three"_s});
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"c3"_s});
}

void TestEnvironmentSession::staleStampIgnored()
{
    const std::unique_ptr<Project> shop = project(u"stale-stamp"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy stamped(&session, &EnvironmentSession::stampFinished);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    const int generation = session.state(0).generation;
    const QStringList rows = session.state(0).summary.rows.rows;
    Result<MigrationPlan> plan = MigrationPlanner(shop->map()).stamp({u"heads"_s}, rows, false);
    QVERIFY(plan);
    plan.value().rowsBefore = rows;

    // Read again while the preview was open: the preview's plan is stale.
    session.refresh(0);
    session.stamp(0, generation, plan.value(), false);
    QTRY_VERIFY(settled(session));
    session.stamp(0, generation, plan.value(), false);
    session.stamp(1, session.state(0).generation, plan.value(), false); // no such environment
    session.stamp(-1, session.state(0).generation, plan.value(), false);
    QTRY_VERIFY(settled(session));
    QCOMPARE(stamped.count(), 0);
    QCOMPARE(rowsOf(u"sqlite:///app.db"_s, dir), QStringList{u"a1"_s});
}

void TestEnvironmentSession::stampWritesThenReads()
{
    const std::unique_ptr<Project> shop =
        project(u"stamping"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    QCOMPARE(read.count(), 1);
    QCOMPARE(session.state(0).summary.oneLine(), u"2 pending: 2 to c3"_s);

    // As the window does: the plan from the rows read.
    const QStringList rows = session.state(0).summary.rows.rows;
    Result<MigrationPlan> plan = MigrationPlanner(shop->map()).stamp({u"heads"_s}, rows, false);
    QVERIFY(plan);
    plan.value().rowsBefore = rows;
    bool readingWhenFinished = false;
    QList<QVariantList> finished;
    connect(&session, &EnvironmentSession::stampFinished, this, [&](int index, bool ok, const QString &message) {
        finished.append(QVariantList{index, ok, message});
        readingWhenFinished = session.state(index).reading;
    });
    session.stamp(0, session.state(0).generation, plan.value(), false);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0), (QVariantList{0, true, u"c3"_s}));
    QVERIFY(readingWhenFinished); // the new read has started
    QCOMPARE(rowsOf(u"sqlite:///app.db"_s, dir), QStringList{u"c3"_s});
    QTRY_COMPARE(read.count(), 2);
    QCOMPARE(read.at(1), (QVariantList{0, true}));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"c3"_s});
    QCOMPARE(session.state(0).summary.oneLine(), u"at the heads"_s);
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::stampRefusedWhenRowsChanged()
{
    const std::unique_ptr<Project> shop =
        project(u"refused"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s, u"c3:b2"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"c3"_s}), QString());
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    QSignalSpy stamped(&session, &EnvironmentSession::stampFinished);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    const QStringList rows = session.state(0).summary.rows.rows;
    QCOMPARE(rows, QStringList{u"c3"_s});
    Result<MigrationPlan> plan = MigrationPlanner(shop->map()).stamp({u"a1"_s}, rows, false);
    QVERIFY(plan);
    plan.value().rowsBefore = rows;

    // Someone downgrades to b2 while the preview is open.
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"b2"_s}), QString());
    session.stamp(0, session.state(0).generation, plan.value(), false);
    QTRY_COMPARE(stamped.count(), 1);
    QCOMPARE(stamped.at(0).at(0).toInt(), 0);
    QCOMPARE(stamped.at(0).at(1).toBool(), false);
    const QString message = stamped.at(0).at(2).toString();
    QVERIFY2(message.contains(u"changed since"_s), qPrintable(message));
    QVERIFY2(message.contains(u"b2"_s), qPrintable(message));
    QCOMPARE(rowsOf(u"sqlite:///app.db"_s, dir), QStringList{u"b2"_s}); // nothing written
    // The read after it shows what the table holds now.
    QTRY_COMPARE(read.count(), 2);
    QTRY_VERIFY(settled(session));
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(session.state(0).summary.oneLine(), u"1 pending: 1 to c3"_s);
}

void TestEnvironmentSession::stampThenRemove()
{
    const std::unique_ptr<Project> shop = project(u"stamp-remove"_s, QString(), {u"a1"_s, u"b2:a1"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///one.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    QCOMPARE(stampDatabase(u"sqlite:///two.db"_s, dir, shop->map(), {u"a1"_s}), QString());
    QVERIFY(EnvironmentStore::save(
        EnvironmentStore::projectKey(shop->config()),
        {environment(u"one"_s, u"sqlite:///one.db"_s), environment(u"two"_s, u"sqlite:///two.db"_s)}));
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy stamped(&session, &EnvironmentSession::stampFinished);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    const QStringList rows = session.state(1).summary.rows.rows;
    Result<MigrationPlan> plan = MigrationPlanner(shop->map()).stamp({u"heads"_s}, rows, false);
    QVERIFY(plan);
    plan.value().rowsBefore = rows;

    // two is stamped; one is removed while the stamp runs.
    session.stamp(1, session.state(1).generation, plan.value(), false);
    session.remove(0);
    QCOMPARE(names(session.environments()), QStringList{u"two"_s});
    QTRY_COMPARE(stamped.count(), 1);
    QCOMPARE(stamped.at(0).at(1).toBool(), true);
    QTRY_VERIFY(settled(session));
    QCOMPARE(rowsOf(u"sqlite:///two.db"_s, dir), QStringList{u"b2"_s});
    // Documented: "stampFinished() follows, then a new read" (of the stamped environment).
    QCOMPARE(session.state(0).summary.rows.rows, QStringList{u"b2"_s});
}

void TestEnvironmentSession::historyChangedRecomputes()
{
    std::unique_ptr<Project> shop = project(u"history"_s, u"sqlite:///app.db"_s, {u"a1"_s, u"b2:a1"_s});
    QVERIFY(shop);
    const QString dir = shop->config().configDirectory();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, dir, shop->map(), {u"b2"_s}), QString());
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy read(&session, &EnvironmentSession::environmentRead);
    session.open(shop.get());
    QTRY_VERIFY(settled(session));
    QCOMPARE(read.count(), 1);
    QVERIFY(session.state(0).summary.atHeads);
    QCOMPARE(session.state(0).summary.revisionCount, 2);

    // A new revision appears; the project is read again in place (the session keeps its pointer).
    QVERIFY(writeRevision(folder(u"history/migrations/versions"_s), u"c3:b2"_s));
    *shop = Project::load(shop->config());
    QCOMPARE(shop->map().size(), 3);
    QSignalSpy changed(&session, &EnvironmentSession::changed);
    session.historyChanged();
    QCOMPARE(changed.count(), 1);
    QTRY_VERIFY(settled(session)); // the drift is checked again …
    QCOMPARE(read.count(), 1);     // … but the rows are not read again
    const EnvironmentSession::State &state = session.state(0);
    QVERIFY(state.read);
    QCOMPARE(state.summary.rows.rows, QStringList{u"b2"_s});
    QCOMPARE(state.summary.revisionCount, 3);
    QVERIFY(!state.summary.atHeads);
    QCOMPARE(session.status(0)->pendingCount, 1);
    QCOMPARE(state.summary.oneLine(), u"1 pending: 1 to c3"_s);
    QCOMPARE(state.summary.pendingInUpgradeOrder(shop->map()), QStringList{u"c3"_s});

    // A revision file disappears: the row names no revision any more.
    QVERIFY(QFile::remove(folder(u"history/migrations/versions/b2_step.py"_s)));
    QVERIFY(QFile::remove(folder(u"history/migrations/versions/c3_step.py"_s)));
    *shop = Project::load(shop->config());
    QCOMPARE(shop->map().size(), 1);
    session.historyChanged();
    QCOMPARE(session.state(0).summary.revisionCount, 1);
    QCOMPARE(session.status(0)->unknownRows, QStringList{u"b2"_s});
    QVERIFY2(session.state(0).summary.oneLine().contains(u"1 unknown row(s): b2"_s),
             qPrintable(session.state(0).summary.oneLine()));
}

void TestEnvironmentSession::driftCheckedAfterRead()
{
    const QString root = folder(u"drift"_s);
    QVERIFY(writeFile(root + u"/alembic.ini"_s,
                      "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///app.db\n"));
    QVERIFY(writeFile(root + u"/migrations/versions/a1_users.py"_s,
                      "revision = 'a1'\ndown_revision = None\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"
                      "def upgrade():\n    op.create_table('users', sa.Column('id', sa.Integer(), nullable=False),\n"
                      "                    sa.Column('name', sa.String(length=50), nullable=False),\n"
                      "                    sa.PrimaryKeyConstraint('id'))\n\n\ndef downgrade():\n"
                      "    op.drop_table('users')\n"));
    Result<Project> opened = Project::open(root + u"/alembic.ini"_s);
    QVERIFY(opened && !opened->hasErrors());
    const Project shop = opened.value();
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, root, shop.map(), {u"a1"_s}), QString());

    // Stamped at a1, which creates users, and the table is not there.
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    QSignalSpy checked(&session, &EnvironmentSession::driftChecked);
    session.open(&shop);
    QTRY_VERIFY(settled(session));
    QCOMPARE(checked.count(), 1);
    const SchemaDrift *drift = session.drift(0);
    QVERIFY(drift);
    QCOMPARE(drift->rows, QStringList{u"a1"_s});
    QCOMPARE(drift->differences.size(), 1);
    QCOMPARE(drift->differences.first().table, u"users"_s);
    QCOMPARE(drift->differences.first().change, SchemaDifference::Change::Missing);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"driftfix"_s);
        db.setDatabaseName(root + u"/app.db"_s);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(
            u"CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"driftfix"_s);
    // A read soon after the last check keeps its verdict; checking again finds the table.
    session.refresh(0);
    QTRY_VERIFY(settled(session));
    QCOMPARE(checked.count(), 1);
    session.checkDrift(0);
    QTRY_VERIFY(settled(session));
    QCOMPARE(checked.count(), 2);
    QVERIFY(session.drift(0));
    QVERIFY(session.drift(0)->differences.isEmpty());

    // Other rows: the verdict was for the old ones, and a read checks again.
    QCOMPARE(stampDatabase(u"sqlite:///app.db"_s, root, shop.map(), {u"base"_s}), QString());
    session.refresh(0);
    QTRY_VERIFY(settled(session));
    QCOMPARE(checked.count(), 3);
    QVERIFY(session.drift(0));
    QVERIFY(session.drift(0)->rows.isEmpty());
    QCOMPARE(session.drift(0)->differences.size(), 1); // users is there and should not be
    QCOMPARE(session.drift(0)->differences.first().change, SchemaDifference::Change::Unexpected);
}

void TestEnvironmentSession::colors()
{
    const std::unique_ptr<Project> shop = project(u"colors"_s, QString(), {u"a1"_s});
    QVERIFY(shop);
    QList<Environment> environments;
    for (int i = 0; i < 6; ++i)
        environments.append(environment(u"env%1"_s.arg(i), u"sqlite:///env%1.db"_s.arg(i)));
    environments[2].color = u"#abcdef"_s;
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(shop->config()), environments));
    FakePasswords passwords;
    EnvironmentSession session(&passwords);
    session.open(shop.get());
    QCOMPARE(session.environments().size(), 6);

    // The environment's own colour wins.
    QCOMPARE(session.color(2), u"#abcdef"_s);
    // Otherwise one of the palette, a different one for each of the first indexes.
    const QRegularExpression rgb(u"^#[0-9a-fA-F]{6}$"_s);
    QSet<QString> palette;
    for (int i = 0; i < 6; ++i) {
        const QString color = session.color(i);
        QVERIFY2(rgb.match(color).hasMatch(), qPrintable(color));
        palette.insert(color);
    }
    QCOMPARE(palette.size(), 6);
    // The colour depends on the environment, not on which one is active.
    const QString first = session.color(0);
    session.setActiveIndex(3);
    QCOMPARE(session.color(0), first);
    QTRY_VERIFY(settled(session));
}

void TestEnvironmentSession::secretVariablesInTheKeychain()
{
    const std::unique_ptr<Project> shop = project(u"secrets"_s, u"sqlite:///app.db"_s, {u"a1"_s});
    QVERIFY(shop);
    const QString store = EnvironmentStore::projectKey(shop->config());
    FakePasswords passwords;
    {
        EnvironmentSession session(&passwords);
        session.open(shop.get());
        QTRY_VERIFY(settled(session));
        Environment staging = environment(u"staging"_s, u"sqlite:///app.db"_s);
        staging.variables = {u"MODE=fast"_s, u"API_TOKEN=tok-77"_s};
        QVERIFY(session.save(staging));
        QCOMPARE(EnvironmentStore::load(store).at(1).variables, (QStringList{u"MODE=fast"_s, u"API_TOKEN"_s}));
        QCOMPARE(session.runVariables(1), (QStringList{u"MODE=fast"_s, u"API_TOKEN=tok-77"_s}));
    }
    // A new session (the next start): the value comes from the keychain, looked up when it opens.
    passwords.memory.clear();
    EnvironmentSession session(&passwords);
    session.open(shop.get());
    QCOMPARE(session.runVariables(1), (QStringList{u"MODE=fast"_s, u"API_TOKEN"_s})); // not answered yet
    QTRY_COMPARE(session.runVariables(1), (QStringList{u"MODE=fast"_s, u"API_TOKEN=tok-77"_s}));
    QCOMPARE(passwords.lookUps.count(store + u"#staging#variable#API_TOKEN"_s), 1);
    // Renaming it moves its secrets in the keychain: the password and the secret variable.
    passwords.store(store + u"#staging"_s, u"pw-1"_s);
    Environment renamed = session.environments().at(1);
    renamed.name = u"preprod"_s;
    QVERIFY(session.save(renamed, {}, 1));
    QCOMPARE(passwords.keychain.value(store + u"#preprod#variable#API_TOKEN"_s), u"tok-77"_s);
    QCOMPARE(passwords.keychain.value(store + u"#preprod"_s), u"pw-1"_s);
    QVERIFY(!passwords.keychain.contains(store + u"#staging#variable#API_TOKEN"_s));
    QVERIFY(!passwords.keychain.contains(store + u"#staging"_s));
    QCOMPARE(session.runVariables(1), (QStringList{u"MODE=fast"_s, u"API_TOKEN=tok-77"_s}));
    // Removing the environment forgets its secrets too.
    session.remove(1);
    QVERIFY(passwords.forgotten.contains(store + u"#preprod#variable#API_TOKEN"_s));
    QVERIFY(!passwords.keychain.contains(store + u"#preprod#variable#API_TOKEN"_s));
}

QTEST_GUILESS_MAIN(TestEnvironmentSession)
#include "tst_environmentsession.moc"
