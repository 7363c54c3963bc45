// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Which files are revisions and in which order (alembic-semantics.md §1.6), on real folders.

#include "project/project.h"
#include "project/scriptdirectory.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestScriptDirectory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void whichFilesAreRevisions();
    void recursiveLocations();
    void sourcelessPrefersSource();
    void locationListedTwice();
    void missingDefaultFolder();
    void missingConfiguredFoldersAreWarnings();
    void oddEntriesAreWarnings();
    void brokenFileIsReportedNotFatal();
    void unreadSubfoldersAreWarnings();

private:
    void write(const QString &relativePath, const QByteArray &content = {});
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestScriptDirectory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestScriptDirectory::write(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_dir->filePath(relativePath);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content.isEmpty()
                   ? QByteArray("revision = '") + QFileInfo(path).baseName().toUtf8() + "'\ndown_revision = None\n"
                   : content);
}

void TestScriptDirectory::whichFilesAreRevisions()
{
    for (const char *name : {"b2.py", "a1.py", "__init__.py", "__init__foo.py", ".#lock.py", "x.pyx", "x.py.txt",
                             "x.py~", "_under.py", ".dot.py", "B0.py", "notes.txt"}) {
        write(u"versions/"_s + QLatin1StringView(name));
    }
    write(u"versions/sub/c3.py"_s);
    Diagnostics diagnostics;
    const QStringList files =
        ScriptDirectory::revisionFiles(configForVersionsFolders({m_dir->filePath(u"versions"_s)}), &diagnostics);
    QStringList names;
    for (const QString &f : files)
        names.append(QFileInfo(f).fileName());
    // Code-point order: '.' < 'B' < '_' < 'a'; sub-directories are not read without the recursive flag.
    QCOMPARE(names, QStringList({u".dot.py"_s, u"B0.py"_s, u"_under.py"_s, u"a1.py"_s, u"b2.py"_s}));
    QVERIFY(diagnostics.isEmpty());

    // Python compares code points: U+E000 sorts before U+1F600, unlike their UTF-16 units.
    const QString privateUse = QString(QChar(0xE000)) + u".py"_s;
    const QString emoji = QString::fromUcs4(U"\U0001F600") + u".py"_s;
    write(u"versions/"_s + emoji);
    write(u"versions/"_s + privateUse);
    names.clear();
    for (const QString &f :
         ScriptDirectory::revisionFiles(configForVersionsFolders({m_dir->filePath(u"versions"_s)}), &diagnostics))
        names.append(QFileInfo(f).fileName());
    QCOMPARE(names.mid(names.size() - 2), QStringList({privateUse, emoji}));
}

void TestScriptDirectory::recursiveLocations()
{
    write(u"versions/b.py"_s);
    write(u"versions/2024/a.py"_s);
    write(u"versions/2023/z.py"_s);
    write(u"versions/__pycache__/c.py"_s);
    ProjectConfig config = configForVersionsFolders({m_dir->filePath(u"versions"_s)});
    config.recursiveVersionLocations = true;
    Diagnostics diagnostics;
    QStringList names;
    for (const QString &f : ScriptDirectory::revisionFiles(config, &diagnostics))
        names.append(QDir(m_dir->filePath(u"versions"_s)).relativeFilePath(f));
    QCOMPARE(names, QStringList({u"b.py"_s, u"2023/z.py"_s, u"2024/a.py"_s}));
}

void TestScriptDirectory::sourcelessPrefersSource()
{
    for (const char *name : {"a1.py", "a1.pyc", "b2.pyc", "b2.pyo", "c3.pyo", "d4.py"})
        write(u"versions/"_s + QLatin1StringView(name));
    ProjectConfig config = configForVersionsFolders({m_dir->filePath(u"versions"_s)});
    QStringList names;
    for (const QString &f : ScriptDirectory::revisionFiles(config, nullptr))
        names.append(QFileInfo(f).fileName());
    QCOMPARE(names, QStringList({u"a1.py"_s, u"d4.py"_s}));
    config.sourceless = true;
    names.clear();
    for (const QString &f : ScriptDirectory::revisionFiles(config, nullptr))
        names.append(QFileInfo(f).fileName());
    QCOMPARE(names, QStringList({u"a1.py"_s, u"b2.pyc"_s, u"c3.pyo"_s, u"d4.py"_s}));
    // Compiled-only revisions are reported, not guessed at.
    const Project project = Project::load(config);
    QCOMPARE(project.map().size(), 2);
    int compiledOnly = 0;
    for (const Diagnostic &d : project.diagnostics())
        compiledOnly += d.code == u"compiled-only"_s ? 1 : 0;
    QCOMPARE(compiledOnly, 2);
}

void TestScriptDirectory::locationListedTwice()
{
    write(u"versions/a1.py"_s);
    const QString dir = m_dir->filePath(u"versions"_s);
    ProjectConfig config = configForVersionsFolders({dir, dir + u"/."_s});
    Diagnostics diagnostics;
    QCOMPARE(ScriptDirectory::revisionFiles(config, &diagnostics).size(), 1);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().code, u"file-loaded-twice"_s);
}

void TestScriptDirectory::missingDefaultFolder()
{
    write(u"alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n");
    QVERIFY(QDir().mkpath(m_dir->filePath(u"migrations"_s)));
    const Result<Project> project = Project::open(m_dir->filePath(u"alembic.ini"_s));
    QVERIFY2(project, qPrintable(project.error()));
    QVERIFY(project->hasErrors());
    QCOMPARE(project->diagnostics().first().code, u"missing-versions-folder"_s);
}

void TestScriptDirectory::missingConfiguredFoldersAreWarnings()
{
    // OpenStack keeps a folder per release and branch; one without migrations is not in git.
    write(u"alembic.ini"_s, "[alembic]\nscript_location = %(here)s/m\nversion_locations = %(here)s/m/liberty/expand "
                            "%(here)s/m/newton/expand %(here)s/m/newton/contract\n");
    write(u"m/liberty/expand/a1.py"_s);
    const Result<Project> project = Project::open(m_dir->filePath(u"alembic.ini"_s));
    QVERIFY2(project, qPrintable(project.error()));
    QVERIFY(!project->hasErrors());
    QCOMPARE(project->map().size(), 1);
    QStringList missing;
    for (const Diagnostic &d : project->diagnostics()) {
        QCOMPARE(d.code, u"missing-version-location"_s);
        QVERIFY(!d.isError());
        missing.append(d.file.mid(m_dir->path().size()));
    }
    QCOMPARE(missing, (QStringList{u"/m/newton/expand"_s, u"/m/newton/contract"_s}));
}

void TestScriptDirectory::oddEntriesAreWarnings()
{
    write(u"versions/a1.py"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"versions/folder.py"_s)));
    QVERIFY(QFile::link(m_dir->filePath(u"versions/nowhere"_s), m_dir->filePath(u"versions/dangling.py"_s)));
    QVERIFY(QFile::link(m_dir->filePath(u"versions/loop.py"_s), m_dir->filePath(u"versions/loop.py"_s)));
    QVERIFY(QFile::link(m_dir->filePath(u"versions/nowhere"_s), m_dir->filePath(u"versions/notes.txt"_s)));
    Diagnostics diagnostics;
    const QStringList files =
        ScriptDirectory::revisionFiles(configForVersionsFolders({m_dir->filePath(u"versions"_s)}), &diagnostics);
    QCOMPARE(files.size(), 1);
    QStringList reported;
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        QCOMPARE(d.code, u"not-a-revision-file"_s);
        QVERIFY(!d.isError());
        reported.append(QFileInfo(d.file).fileName());
    }
    reported.sort();
    QCOMPARE(reported, (QStringList{u"dangling.py"_s, u"folder.py"_s, u"loop.py"_s}));
}

void TestScriptDirectory::brokenFileIsReportedNotFatal()
{
    write(u"versions/a1.py"_s);
    write(u"versions/b2.py"_s, "revision = 'b2'\ndown_revision = 'a1'\ndef upgrade(:\n");
    write(u"versions/c3.py"_s, "revision = 'c3'\ndown_revision = 'b2'\n");
    const Project project = Project::load(configForVersionsFolders({m_dir->filePath(u"versions"_s)}));
    QCOMPARE(project.map().size(), 3);
    QVERIFY(project.hasErrors());
    QVERIFY(!project.map().isConsistent()); // alembic could not import b2.py, so no planning
    QCOMPARE(project.map().ids(project.map().realHeads()), QStringList({u"c3"_s}));
}

void TestScriptDirectory::unreadSubfoldersAreWarnings()
{
    // Alembic (checked against 1.8.1) lists only the version locations themselves: files in
    // sub-folders are left out of the history without a word.
    write(u"alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n");
    write(u"migrations/versions/a1_base.py"_s, "revision = 'a1'\ndown_revision = None\n");
    write(u"migrations/versions/2024_1/b2_child.py"_s, "revision = 'b2'\ndown_revision = 'a1'\n");
    write(u"migrations/versions/2024_1/c3_child.py"_s, "revision: str = 'c3'\ndown_revision = 'b2'\n");
    write(u"migrations/versions/2024_1/helpers.py"_s, "def helper():\n    return 1\n"); // not a revision
    write(u"migrations/versions/2024_1/__pycache__/b2_child.py"_s);
    write(u"migrations/versions/old/2019/d4_archived.py"_s);
    write(u"migrations/versions/notes/readme.txt"_s, "not python");
    const QString ini = m_dir->filePath(u"alembic.ini"_s);

    auto unread = [](const Project &project) {
        Diagnostics found;
        for (const Diagnostic &d : project.diagnostics()) {
            if (d.code == u"unread-folder"_s)
                found.append(d);
        }
        return found;
    };
    Result<Project> project = Project::open(ini);
    QVERIFY2(project, qPrintable(project.error()));
    QCOMPARE(project->map().size(), 1);
    Diagnostics warnings = unread(project.value());
    QCOMPARE(warnings.size(), 2);
    QVERIFY(!warnings.first().isError());
    QVERIFY2(warnings.first().message.startsWith(
                 u"migrations/versions/2024_1 holds 2 revision file(s) that alembic does not read."_s),
             qPrintable(warnings.first().message));
    QVERIFY(warnings.first().message.contains(u"recursive_version_locations = true"_s));
    QCOMPARE(warnings.first().file, m_dir->filePath(u"migrations/versions/2024_1/b2_child.py"_s));
    QVERIFY2(warnings.last().message.startsWith(
                 u"migrations/versions/old/2019 holds 1 revision file(s) that alembic does not read."_s),
             qPrintable(warnings.last().message));
    QVERIFY(!project->hasErrors());
    // The oracle: alembic itself lists only a1.
    QProcess oracle;
    oracle.setWorkingDirectory(m_dir->path());
    oracle.start(QStringLiteral(RETORT_TEST_PYTHON),
                 {u"-c"_s, u"from alembic.config import Config\nfrom alembic.script import ScriptDirectory\n"
                           u"s = ScriptDirectory.from_config(Config('alembic.ini'))\n"
                           u"print(sorted(r.revision for r in s.walk_revisions()))\n"_s});
    QVERIFY(oracle.waitForFinished(60000));
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    QCOMPARE(oracle.readAllStandardOutput().trimmed(), QByteArray("['a1']"));

    // Reading them recursively (alembic 1.10+) takes them in; nothing is left unread.
    write(u"alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\nrecursive_version_locations = true\n");
    project = Project::open(ini);
    QVERIFY2(project, qPrintable(project.error()));
    QVERIFY(unread(project.value()).isEmpty());
    QCOMPARE(project->map().size(), 4);

    // So does naming a folder in version_locations; the other one is still reported.
    write(u"alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\nversion_locations = "
                            "%(here)s/migrations/versions %(here)s/migrations/versions/2024_1\n");
    project = Project::open(ini);
    QVERIFY2(project, qPrintable(project.error()));
    QCOMPARE(project->map().size(), 3);
    warnings = unread(project.value());
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().message.startsWith(u"migrations/versions/old/2019 holds 1 revision file(s)"_s));
    QVERIFY(warnings.first().message.contains(u"Add the folder to version_locations"_s));
}

QTEST_GUILESS_MAIN(TestScriptDirectory)
#include "tst_scriptdirectory.moc"
