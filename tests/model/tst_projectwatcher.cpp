// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// ProjectWatcher on real folders: which changes are reported, once per burst, and which are not.

#include "project/project.h"
#include "project/projectwatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Short so the test stays fast. Each action below finishes before the event loop runs, so its
// notifications arrive together whatever the interval: a burst cannot be split by a slow machine.
constexpr int debounceMs = 25;
// How long to keep listening after the first signal, for a second one that should not come.
constexpr int settleMs = 4 * debounceMs;

QByteArray revisionSource(const char *revision, const char *downRevision, const char *comment = "")
{
    return QByteArray("revision = '") + revision +
           "'\ndown_revision = " + (downRevision ? QByteArray("'") + downRevision + "'" : QByteArray("None")) + "\n# " +
           comment + "\n";
}

} // namespace

class TestProjectWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void defaults();
    void watchesWhatMatters();
    void editInPlace();
    void atomicSaveKeepsWatching();
    void atomicSaveWhileOriginalIsOpen();
    void burstIsReportedOnce();
    void ownWritesAreNotReported();
    void notificationsSpreadOverTimeAreOneBurst();
    void addedFileIsWatched();
    void deletedFile();
    void renamedFile();
    void editedConfig();
    void irrelevantFilesAreIgnored_data();
    void irrelevantFilesAreIgnored();
    void recursiveNewSubdirectory();
    void missingLocationCreated();
    void stopSilences();
    void secondProjectForgetsFirst();
    void rewatchAfterReloadKeepsChanges();
    void bigProjectIsListedInTheBackground();
    void midSizeProjectIsListedInTheBackground();

private:
    QString path(const QString &relative) const { return QDir::cleanPath(m_dir->filePath(relative)); }
    void write(const QString &relative, const QByteArray &content);
    void atomicWrite(const QString &relative, const QByteArray &content);
    void writeProject(const QString &root, bool recursive = false);
    void watchProject(const QString &root);
    /// Waits (at most 2 s) for the signal of the burst just caused, then a while longer, and returns
    /// how many signals came.
    int signalsForBurst();
    /// Lets a burst that should not be reported settle; returns how many signals came anyway.
    int signalsWhenQuiet();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectWatcher> m_watcher;
    std::unique_ptr<QSignalSpy> m_spy;
};

void TestProjectWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_watcher = std::make_unique<ProjectWatcher>();
    m_watcher->setDebounceInterval(debounceMs);
    m_spy = std::make_unique<QSignalSpy>(m_watcher.get(), &ProjectWatcher::projectChanged);
}

void TestProjectWatcher::cleanup()
{
    m_spy.reset();
    m_watcher.reset();
    m_dir.reset();
}

void TestProjectWatcher::write(const QString &relative, const QByteArray &content)
{
    const QString file = path(relative);
    QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
    QFile out(file);
    QVERIFY2(out.open(QIODevice::WriteOnly), qPrintable(out.errorString()));
    QCOMPARE(out.write(content), content.size());
}

void TestProjectWatcher::atomicWrite(const QString &relative, const QByteArray &content)
{
    // What editors do on save: write a temporary file, then rename it over the original in one step
    // (QFile::rename would refuse to replace it).
    const QString temporary = relative + u".tmp~"_s;
    write(temporary, content);
    QCOMPARE(std::rename(QFile::encodeName(path(temporary)).constData(), QFile::encodeName(path(relative)).constData()),
             0);
}

void TestProjectWatcher::writeProject(const QString &root, bool recursive)
{
    QByteArray ini = "[alembic]\nscript_location = %(here)s/migrations\n";
    if (recursive)
        ini += "recursive_version_locations = true\n";
    write(root + u"/alembic.ini"_s, ini);
    write(root + u"/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr));
    write(root + u"/migrations/versions/bbb_second.py"_s, revisionSource("bbb", "aaa"));
}

void TestProjectWatcher::watchProject(const QString &root)
{
    const Result<Project> project = Project::open(path(root + u"/alembic.ini"_s));
    QVERIFY2(project, qPrintable(project.error()));
    m_watcher->watch(*project);
}

int TestProjectWatcher::signalsForBurst()
{
    m_spy->wait(2000);
    QTest::qWait(settleMs);
    const int count = int(m_spy->count());
    m_spy->clear();
    return count;
}

int TestProjectWatcher::signalsWhenQuiet()
{
    QTest::qWait(settleMs);
    const int count = int(m_spy->count());
    m_spy->clear();
    return count;
}

void TestProjectWatcher::defaults()
{
    ProjectWatcher watcher;
    QCOMPARE(watcher.debounceInterval(), 200);
    QVERIFY(watcher.watchedPaths().isEmpty());
    QVERIFY(!watcher.isWatchingDirectoriesOnly());
}

void TestProjectWatcher::watchesWhatMatters()
{
    writeProject(u"p"_s, true);
    write(u"p/migrations/versions/__pycache__/aaa_first.cpython-311.pyc"_s, "compiled");
    write(u"p/migrations/versions/2024/ccc_third.py"_s, revisionSource("ccc", "bbb"));
    write(u"p/migrations/versions/notes.txt"_s, "not a revision");
    watchProject(u"p"_s);
    // The project folder for alembic.ini (and a pyproject.toml that may appear), migrations/ for
    // versions/ itself; no __pycache__, no notes.
    const QStringList expected{
        path(u"p"_s),
        path(u"p/alembic.ini"_s),
        path(u"p/migrations"_s),
        path(u"p/migrations/versions"_s),
        path(u"p/migrations/versions/2024"_s),
        path(u"p/migrations/versions/2024/ccc_third.py"_s),
        path(u"p/migrations/versions/aaa_first.py"_s),
        path(u"p/migrations/versions/bbb_second.py"_s),
    };
    QCOMPARE(m_watcher->watchedPaths(), expected);
    QCOMPARE(signalsWhenQuiet(), 0);
}

void TestProjectWatcher::editInPlace()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited"));
    QCOMPARE(signalsForBurst(), 1);
    // Same size, same content: still a save the user made.
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::atomicSaveKeepsWatching()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    const QString file = u"p/migrations/versions/aaa_first.py"_s;
    atomicWrite(file, revisionSource("aaa", nullptr, "saved atomically"));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(m_watcher->watchedPaths().contains(path(file)));
    QVERIFY(!m_watcher->watchedPaths().contains(path(file + u".tmp~"_s)));
    // An in-place edit reaches no folder watch: only a watch on the new file can see it.
    write(file, revisionSource("aaa", nullptr, "then edited in place"));
    QCOMPARE(signalsForBurst(), 1);
    atomicWrite(file, revisionSource("aaa", nullptr, "and saved atomically again"));
    QCOMPARE(signalsForBurst(), 1);
    write(file, revisionSource("aaa", nullptr, "and edited in place again"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::atomicSaveWhileOriginalIsOpen()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    const QString file = u"p/migrations/versions/aaa_first.py"_s;
    // While someone still has the replaced file open it is not deleted, so the watch on it is not
    // dropped either: it is still listed, but would never see the new file change.
    QFile original(path(file));
    QVERIFY(original.open(QIODevice::ReadOnly));
    atomicWrite(file, revisionSource("aaa", nullptr, "saved atomically"));
    QCOMPARE(signalsForBurst(), 1);
    write(file, revisionSource("aaa", nullptr, "then edited in place"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::ownWritesAreNotReported()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    // What a re-parent does: one file replaced atomically, another deleted; Retort says so at once.
    const QString edited = u"p/migrations/versions/bbb_second.py"_s;
    const QString deleted = u"p/migrations/versions/aaa_first.py"_s;
    atomicWrite(edited, revisionSource("bbb", nullptr, "re-parented"));
    QVERIFY(QFile::remove(path(deleted)));
    m_watcher->noteOwnWrites({path(edited), path(deleted)});
    QCOMPARE(signalsWhenQuiet(), 0);
    // Anybody else's edit to the same file afterwards is reported.
    write(edited, revisionSource("bbb", nullptr, "edited by someone"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::burstIsReportedOnce()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "one"));
    write(u"p/migrations/versions/bbb_second.py"_s, revisionSource("bbb", "aaa", "two"));
    write(u"p/migrations/versions/ccc.py"_s, revisionSource("ccc", "bbb"));
    write(u"p/migrations/versions/ddd.py"_s, revisionSource("ddd", "ccc"));
    atomicWrite(u"p/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n# edited\n");
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::notificationsSpreadOverTimeAreOneBurst()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    // Each notification restarts the timer; gaps far below the interval keep it one burst.
    m_watcher->setDebounceInterval(300);
    for (int i = 0; i < 5; ++i) {
        write(u"p/migrations/versions/aaa_first.py"_s,
              revisionSource("aaa", nullptr, QByteArray::number(i).constData()));
        QTest::qWait(10);
    }
    QVERIFY(m_spy->wait(2000));
    QTest::qWait(200);
    QCOMPARE(m_spy->count(), 1);
}

void TestProjectWatcher::addedFileIsWatched()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    write(u"p/migrations/versions/ccc_third.py"_s, revisionSource("ccc", "bbb"));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations/versions/ccc_third.py"_s)));
    write(u"p/migrations/versions/ccc_third.py"_s, revisionSource("ccc", "bbb", "edited"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::deletedFile()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    QVERIFY(QFile::remove(path(u"p/migrations/versions/bbb_second.py"_s)));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(!m_watcher->watchedPaths().contains(path(u"p/migrations/versions/bbb_second.py"_s)));
}

void TestProjectWatcher::renamedFile()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    QVERIFY(QFile::rename(path(u"p/migrations/versions/bbb_second.py"_s), path(u"p/migrations/versions/b2.py"_s)));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations/versions/b2.py"_s)));
    // Renamed to something that is not a revision: a revision is gone.
    QVERIFY(QFile::rename(path(u"p/migrations/versions/b2.py"_s), path(u"p/migrations/versions/b2.py.bak"_s)));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::editedConfig()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    const QByteArray ini = "[alembic]\nscript_location = %(here)s/migrations\n";
    write(u"p/alembic.ini"_s, ini + "# edited in place\n");
    QCOMPARE(signalsForBurst(), 1);
    atomicWrite(u"p/alembic.ini"_s, ini + "# saved atomically\n");
    QCOMPARE(signalsForBurst(), 1);
    write(u"p/alembic.ini"_s, ini + "# edited in place again\n");
    QCOMPARE(signalsForBurst(), 1);
    // Next to an alembic.ini, a pyproject.toml with [tool.alembic] is read too.
    write(u"p/pyproject.toml"_s, "[tool.alembic]\n");
    QCOMPARE(signalsForBurst(), 1);
    write(u"p/pyproject.toml"_s, "[tool.alembic]\nrecursive_version_locations = true\n");
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::irrelevantFilesAreIgnored_data()
{
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<QString>("file");
    // Names alembic does not read as revisions (ScriptDirectory::revisionFiles).
    QTest::newRow("bytecode cache") << false << u"versions/__pycache__/aaa_first.cpython-311.pyc"_s;
    QTest::newRow("bytecode cache, recursive") << true << u"versions/__pycache__/aaa_first.cpython-311.pyc"_s;
    QTest::newRow("compiled, not sourceless") << false << u"versions/aaa_first.pyc"_s;
    QTest::newRow("text") << false << u"versions/notes.txt"_s;
    QTest::newRow("emacs lock") << false << u"versions/.#aaa_first.py"_s;
    QTest::newRow("backup") << false << u"versions/aaa_first.py~"_s;
    QTest::newRow("vim swap") << false << u"versions/.aaa_first.py.swp"_s;
    QTest::newRow("package marker") << false << u"versions/__init__.py"_s;
    QTest::newRow("sub-folder, not recursive") << false << u"versions/2024/ccc_third.py"_s;
    QTest::newRow("next to versions") << false << u"env.py"_s;
    QTest::newRow("next to alembic.ini") << false << u"../shop.db-journal"_s;
}

void TestProjectWatcher::irrelevantFilesAreIgnored()
{
    QFETCH(bool, recursive);
    QFETCH(QString, file);
    writeProject(u"p"_s, recursive);
    watchProject(u"p"_s);
    write(u"p/migrations/"_s + file, "print('not a revision')\n");
    QCOMPARE(signalsWhenQuiet(), 0);
    QVERIFY(QFile::remove(path(u"p/migrations/"_s + file)));
    QCOMPARE(signalsWhenQuiet(), 0);
}

void TestProjectWatcher::recursiveNewSubdirectory()
{
    writeProject(u"p"_s, true);
    watchProject(u"p"_s);
    // A new empty folder holds no revision yet, but is watched from now on.
    QVERIFY(QDir().mkpath(path(u"p/migrations/versions/2025"_s)));
    QCOMPARE(signalsWhenQuiet(), 0);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations/versions/2025"_s)));
    write(u"p/migrations/versions/2025/ccc_third.py"_s, revisionSource("ccc", "bbb"));
    QCOMPARE(signalsForBurst(), 1);
    // A folder and its file created at once, before the watcher could watch the folder.
    write(u"p/migrations/versions/2026/q1/ddd_fourth.py"_s, revisionSource("ddd", "ccc"));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations/versions/2026/q1/ddd_fourth.py"_s)));
    write(u"p/migrations/versions/2026/q1/ddd_fourth.py"_s, revisionSource("ddd", "ccc", "edited"));
    QCOMPARE(signalsForBurst(), 1);
    // Removing a folder removes its revisions.
    QVERIFY(QDir(path(u"p/migrations/versions/2026"_s)).removeRecursively());
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(!m_watcher->watchedPaths().contains(path(u"p/migrations/versions/2026"_s)));
}

void TestProjectWatcher::missingLocationCreated()
{
    write(u"p/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n");
    QVERIFY(QDir().mkpath(path(u"p/migrations"_s)));
    watchProject(u"p"_s);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations"_s)));
    QVERIFY(QDir().mkpath(path(u"p/migrations/versions"_s)));
    QCOMPARE(signalsForBurst(), 1);
    QVERIFY(m_watcher->watchedPaths().contains(path(u"p/migrations/versions"_s)));
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr));
    QCOMPARE(signalsForBurst(), 1);
    // And the location renamed away is seen from its parent.
    QVERIFY(QDir().rename(path(u"p/migrations/versions"_s), path(u"p/migrations/old"_s)));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::stopSilences()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    m_watcher->stop();
    QVERIFY(m_watcher->watchedPaths().isEmpty());
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited"));
    write(u"p/migrations/versions/ccc.py"_s, revisionSource("ccc", "bbb"));
    write(u"p/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n# edited\n");
    QCOMPARE(signalsWhenQuiet(), 0);

    // A burst in progress is dropped too.
    watchProject(u"p"_s);
    write(u"p/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited again"));
    QTest::qWait(debounceMs / 5); // the notification arrives, the timer runs
    m_watcher->stop();
    QCOMPARE(signalsWhenQuiet(), 0);
}

void TestProjectWatcher::secondProjectForgetsFirst()
{
    writeProject(u"one"_s);
    writeProject(u"two"_s, true);
    watchProject(u"one"_s);
    watchProject(u"two"_s);
    for (const QString &watched : m_watcher->watchedPaths())
        QVERIFY2(!watched.startsWith(path(u"one"_s)), qPrintable(watched));
    write(u"one/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited"));
    write(u"one/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n# edited\n");
    QCOMPARE(signalsWhenQuiet(), 0);
    write(u"two/migrations/versions/aaa_first.py"_s, revisionSource("aaa", nullptr, "edited"));
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::rewatchAfterReloadKeepsChanges()
{
    writeProject(u"p"_s);
    watchProject(u"p"_s);
    write(u"p/migrations/versions/ccc.py"_s, revisionSource("ccc", "bbb"));
    QCOMPARE(signalsForBurst(), 1);
    // The reload that follows: nothing changed since, nothing to report.
    watchProject(u"p"_s);
    QCOMPARE(signalsWhenQuiet(), 0);
    // A change between the signal and the end of the reload is still reported once.
    write(u"p/migrations/versions/ddd.py"_s, revisionSource("ddd", "ccc"));
    watchProject(u"p"_s);
    QCOMPARE(signalsForBurst(), 1);
}

void TestProjectWatcher::bigProjectIsListedInTheBackground()
{
    writeProject(u"big"_s);
    for (int i = 0; i < ProjectWatcher::MaxWatchedFiles; ++i) {
        const QByteArray id = "r" + QByteArray::number(i);
        write(u"big/migrations/versions/%1.py"_s.arg(QString::fromLatin1(id)), revisionSource(id.constData(), "bbb"));
    }
    watchProject(u"big"_s);
    // Folders only, once the worker's listing is in.
    QTRY_VERIFY(m_watcher->watchedPaths().contains(path(u"big/migrations/versions"_s)));
    QVERIFY(m_watcher->isWatchingDirectoriesOnly());
    QVERIFY(!m_watcher->watchedPaths().contains(path(u"big/migrations/versions/r1.py"_s)));
    QCOMPARE(signalsWhenQuiet(), 0);
    // An added file and an atomic save are seen through the folder.
    write(u"big/migrations/versions/zzz.py"_s, revisionSource("zzz", "r1"));
    QCOMPARE(signalsForBurst(), 1);
    atomicWrite(u"big/migrations/versions/r2.py"_s, revisionSource("r2", "bbb", "saved"));
    QCOMPARE(signalsForBurst(), 1);
    // Stopped while a listing runs: nothing follows.
    watchProject(u"big"_s);
    m_watcher->stop();
    write(u"big/migrations/versions/yyy.py"_s, revisionSource("yyy", "r1"));
    QCOMPARE(signalsWhenQuiet(), 0);
    QVERIFY(m_watcher->watchedPaths().isEmpty());
}

void TestProjectWatcher::midSizeProjectIsListedInTheBackground()
{
    writeProject(u"mid"_s);
    for (int i = 0; i < ProjectWatcher::ListInBackgroundFrom; ++i) {
        const QByteArray id = "r" + QByteArray::number(i);
        write(u"mid/migrations/versions/%1.py"_s.arg(QString::fromLatin1(id)), revisionSource(id.constData(), "bbb"));
    }
    watchProject(u"mid"_s);
    // Nothing watched until the worker's listing is in; then each revision file, not only folders.
    QVERIFY(m_watcher->watchedPaths().isEmpty());
    QTRY_VERIFY(m_watcher->watchedPaths().contains(path(u"mid/migrations/versions/r1.py"_s)));
    QVERIFY(!m_watcher->isWatchingDirectoriesOnly());
    QCOMPARE(signalsWhenQuiet(), 0);
    write(u"mid/migrations/versions/r7.py"_s, revisionSource("r7", "bbb", "edited in place"));
    QCOMPARE(signalsForBurst(), 1);
}

QTEST_GUILESS_MAIN(TestProjectWatcher)
#include "tst_projectwatcher.moc"
