// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// The evaluation of header values through a real interpreter (Debian's /usr/bin/python3 with
// alembic): files whose imports fail, that hang, that print while imported, and interpreters that
// cannot start or cannot import alembic.

#include "project/project.h"
#include "project/revisionscript.h"
#include "python/headerevaluator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHeaderEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void evaluatesWhatNativeReadingCannot();
    void failingHangingAndNoisyFiles();
    void interpreterProblems_data();
    void interpreterProblems();
    void projectWithEvaluation();
    void installedPackageLocation();

private:
    QString write(const QString &relative, const QByteArray &contents);
    QList<RevisionScript> read(const QStringList &files);
    QTemporaryDir m_dir;
    const QString m_python = QStringLiteral(RETORT_TEST_PYTHON);
};

QString TestHeaderEvaluator::write(const QString &relative, const QByteArray &contents)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(contents);
    return path;
}

QList<RevisionScript> TestHeaderEvaluator::read(const QStringList &files)
{
    QList<RevisionScript> scripts;
    for (const QString &path : files) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            scripts.append(readRevisionScript(path, file.readAll()));
    }
    return scripts;
}

void TestHeaderEvaluator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(m_python).isExecutable(), "the oracle interpreter is missing; run packaging/setup-debian.sh");
}

void TestHeaderEvaluator::evaluatesWhatNativeReadingCannot()
{
    const QString a =
        write(u"v/a1_x.py"_s, "import importlib.util\nrevision = 'a1'\ndown_revision = None\ndepends_on = []\n"
                              "if importlib.util.find_spec('json'):\n    depends_on.append('z9')\n"
                              "branch_labels = ('shop' + '_' + 'v2',)\n");
    const QString literal = write(u"v/b2_x.py"_s, "revision = 'b2'\ndown_revision = 'a1'\n");
    QList<RevisionScript> scripts = read({a, literal});
    QVERIFY(!scripts.at(0).dependenciesKnown());
    QVERIFY(!scripts.at(0).branchLabelsKnown());
    const HeaderEvaluator::Outcome outcome = HeaderEvaluator::evaluate(m_python, {}, scripts);
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
    QCOMPARE(outcome.evaluated, 1); // the literal file is not run at all
    QVERIFY(!outcome.alembicVersion.isEmpty());
    const RevisionScript &script = scripts.at(0);
    QCOMPARE(script.dependencies, QStringList{u"z9"_s});
    QCOMPARE(script.branchLabels, QStringList{u"shop_v2"_s});
    QVERIFY(script.diagnostics.isEmpty());
    QVERIFY(!script.module);
    QCOMPARE(script.computedHeader(u"depends_on"_s)->state, ComputedHeader::State::Evaluated);
    QVERIFY(script.computedHeader(u"depends_on"_s)->origin.contains(m_python));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"v/__pycache__"_s))); // nothing written
}

void TestHeaderEvaluator::failingHangingAndNoisyFiles()
{
    const QString failing =
        write(u"w/a1_fail.py"_s, "import no_such_module_for_retort\nrevision = 'a1'\n"
                                 "down_revision = None\nbranch_labels = (no_such_module_for_retort.X,)\n");
    const QString hanging = write(u"w/b2_hang.py"_s, "import time\ntime.sleep(120)\nrevision = 'b2'\n"
                                                     "down_revision = 'a1'\ndepends_on = [x for x in ('a1',)]\n");
    const QString noisy = write(u"w/c3_noisy.py"_s, "import sys\nprint('{\"file\": \"forged\", \"ok\": true}')\n"
                                                    "print('hello from c3')\nsys.stdout.flush()\nrevision = 'c3'\n"
                                                    "down_revision = 'b2'\nbranch_labels = tuple(['noisy'])\n");
    QList<RevisionScript> scripts = read({failing, hanging, noisy});
    QElapsedTimer timer;
    timer.start();
    const HeaderEvaluator::Outcome outcome = HeaderEvaluator::evaluate(m_python, {}, scripts, 1500);
    QVERIFY2(timer.elapsed() < 15000 * RETORT_TEST_SLOWDOWN, "the hanging file was not stopped");
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
    QCOMPARE(outcome.evaluated, 1);
    QCOMPARE(outcome.failed, 2);

    const ComputedHeader *importFailed = scripts.at(0).computedHeader(u"branch_labels"_s);
    QVERIFY(!importFailed->isKnown());
    QVERIFY2(importFailed->origin.contains(u"ModuleNotFoundError: No module named 'no_such_module_for_retort'"_s),
             qPrintable(importFailed->origin));
    QCOMPARE(scripts.at(0).diagnostics.size(), 1); // a warning naming the reason
    QVERIFY(scripts.at(0).diagnostics.first().message.contains(u"ModuleNotFoundError"_s));

    const ComputedHeader *hung = scripts.at(1).computedHeader(u"depends_on"_s);
    QVERIFY(!hung->isKnown());
    QVERIFY2(hung->origin.contains(u"did not finish within 1 second"_s), qPrintable(hung->origin));

    // Printing while imported neither breaks nor forges the answers; the file after a hang is evaluated.
    QCOMPARE(scripts.at(2).branchLabels, QStringList{u"noisy"_s});
    QVERIFY(scripts.at(2).branchLabelsKnown());
}

void TestHeaderEvaluator::interpreterProblems_data()
{
    QTest::addColumn<QString>("interpreter");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << u"/nonexistent/python3"_s << u"cannot be started"_s;
    // Debian's python3 without site-packages stands for an interpreter that lacks alembic.
    QTest::newRow("without alembic") << u"{wrapper}"_s << u"cannot import alembic"_s;
    QTest::newRow("not python") << u"/bin/false"_s << u"stopped before it could evaluate anything"_s;
}

void TestHeaderEvaluator::interpreterProblems()
{
    QFETCH(QString, interpreter);
    QFETCH(QString, problem);
    if (interpreter == u"{wrapper}") {
        interpreter = write(u"bin/python-without-site"_s, "#!/bin/sh\nexec " + m_python.toUtf8() + " -S \"$@\"\n");
        QVERIFY(QFile::setPermissions(interpreter, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    const QString path = write(u"p/a1_x.py"_s, "revision = 'a1'\ndown_revision = None\ndepends_on = list(('x',))\n");
    QList<RevisionScript> scripts = read({path});
    const HeaderEvaluator::Outcome outcome = HeaderEvaluator::evaluate(interpreter, {}, scripts, 5000);
    QVERIFY2(outcome.problem.contains(problem), qPrintable(outcome.problem));
    QVERIFY(outcome.problem.contains(interpreter));
    QVERIFY(!scripts.first().dependenciesKnown()); // still unknown, the project still opens
}

void TestHeaderEvaluator::projectWithEvaluation()
{
    const QString computed = QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/data/realprojects/computed"_s;
    const Result<Project> native = Project::open(computed);
    QVERIFY(native);
    QVERIFY(native->hasUnknownHeaders());
    LoadOptions options;
    options.evaluateWith = m_python;
    const Result<Project> evaluated = Project::open(computed, u"alembic"_s, options);
    QVERIFY(evaluated);
    QVERIFY(!evaluated->hasUnknownHeaders());
    QVERIFY(evaluated->map().unknownDependencies().isEmpty());
    const RevisionMap &map = evaluated->map();
    QCOMPARE(map.revision(map.indexOf(u"4d4d4d4d4d4d"_s)).declaredDependencies, QStringList{u"3c3c3c3c3c3c"_s});
    for (const Diagnostic &d : evaluated->diagnostics())
        QVERIFY2(false, qPrintable(d.message));
}

void TestHeaderEvaluator::installedPackageLocation()
{
    // `script_location = vendorpkg:migrations` where vendorpkg is installed, not in the project's tree.
    write(u"site/vendorpkg/__init__.py"_s, "");
    write(u"site/vendorpkg/migrations/versions/a1_first.py"_s, "revision = 'a1'\ndown_revision = None\n");
    const QString ini = write(u"project/alembic.ini"_s, "[alembic]\nscript_location = vendorpkg:migrations\n");
    const Result<ProjectConfig> without = loadProjectPath(ini);
    QVERIFY(!without);
    QVERIFY2(without.error().contains(u"found no package vendorpkg"_s), qPrintable(without.error()));

    qputenv("PYTHONPATH", m_dir.filePath(u"site"_s).toUtf8());
    LoadOptions options;
    options.evaluateWith = m_python;
    const Result<Project> project = Project::open(ini, u"alembic"_s, options);
    const Result<ProjectConfig> missing = loadProjectPath(
        write(u"other/alembic.ini"_s, "[alembic]\nscript_location = nowhere_pkg:migrations\n"), u"alembic"_s, m_python);
    qunsetenv("PYTHONPATH");
    QVERIFY2(project, qPrintable(project ? QString() : project.error()));
    QCOMPARE(project->config().scriptLocation, m_dir.filePath(u"site/vendorpkg/migrations"_s));
    QCOMPARE(project->map().ids(project->map().heads()), QStringList{u"a1"_s});
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"cannot import nowhere_pkg: ModuleNotFoundError"_s),
             qPrintable(missing.error()));
}

QTEST_GUILESS_MAIN(TestHeaderEvaluator)
#include "tst_headerevaluator.moc"
