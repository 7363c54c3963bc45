// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "project/headerresolver.h"
#include "project/project.h"
#include "project/revisionscript.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHeaderResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resolve_data();
    void resolve();
    void importRoots();
    void openstackFixture();

private:
    void write(const QString &relative, const QByteArray &contents);
    QTemporaryDir m_dir;
};

void TestHeaderResolver::write(const QString &relative, const QByteArray &contents)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

void TestHeaderResolver::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write(u"app/__init__.py"_s, "");
    write(u"app/db/__init__.py"_s, "CONTRACT_BRANCH = 'contract'\nEXPAND_BRANCH = 'expand'\n");
    write(u"app/db/cli.py"_s,
          "import os\nfrom app.db import EXPAND_BRANCH\nfrom . import CONTRACT_BRANCH as C\n"
          "BRANCHES = (EXPAND_BRANCH, C)\nFIRST = 'a1'\nALIAS = FIRST\nLOOP_A = LOOP_B\nLOOP_B = LOOP_A\n"
          "CHANGED = 'x'\nif os.environ.get('Y'):\n    CHANGED = 'y'\nCOMPUTED = os.environ.get('Z')\n");
    write(u"app/db/star.py"_s, "from os.path import *\n");
}

void TestHeaderResolver::resolve_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("values"); ///< empty with unknown: not resolved
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("origin"); ///< a part of the origin text

    QTest::newRow("from a.b import module")
        << QByteArray("from app.db import cli\nbranch_labels = (cli.EXPAND_BRANCH,)") << QStringList{u"expand"_s}
        << true << u"cli.EXPAND_BRANCH"_s;
    QTest::newRow("from a import package") << QByteArray("from app import db\nbranch_labels = db.CONTRACT_BRANCH")
                                           << QStringList{u"contract"_s} << true << u"db.CONTRACT_BRANCH"_s;
    QTest::newRow("import a.b as c") << QByteArray("import app.db.cli as c\nbranch_labels = c.BRANCHES")
                                     << QStringList{u"expand"_s, u"contract"_s} << true << u"__init__.py:2"_s;
    QTest::newRow("import a.b, then a.b.NAME")
        << QByteArray("import app.db.cli\nbranch_labels = [app.db.cli.FIRST, 'x']") << QStringList{u"a1"_s, u"x"_s}
        << true << u"cli.py:5"_s;
    QTest::newRow("from a.b import NAME as X") << QByteArray("from app.db.cli import ALIAS as X\ndepends_on = X")
                                               << QStringList{u"a1"_s} << true << u"FIRST = 'a1'"_s;
    QTest::newRow("relative import inside the package")
        << QByteArray("from app.db.cli import C\ndepends_on = (C,)") << QStringList{u"contract"_s} << true
        << u"CONTRACT_BRANCH = 'contract'"_s;
    QTest::newRow("aliasing loop") << QByteArray("from app.db import cli\ndepends_on = cli.LOOP_A") << QStringList()
                                   << false << u"too many names"_s;
    QTest::newRow("changed in an if block") << QByteArray("from app.db import cli\ndepends_on = cli.CHANGED")
                                            << QStringList() << false << u"changed by module-level code"_s;
    QTest::newRow("computed constant") << QByteArray("from app.db import cli\ndepends_on = cli.COMPUTED")
                                       << QStringList() << false << u"is computed"_s;
    QTest::newRow("module not in the tree") << QByteArray("from glance.db import migration\nbranch_labels = "
                                                          "('ocata01', migration.CONTRACT_BRANCH)")
                                            << QStringList() << false << u"glance.db"_s;
    QTest::newRow("star import") << QByteArray("from app.db import star\ndepends_on = star.sep") << QStringList()
                                 << false << u"`*` import"_s;
    QTest::newRow("missing name") << QByteArray("from app.db import cli\ndepends_on = cli.NOPE") << QStringList()
                                  << false << u"defines no module-level NOPE"_s;
    QTest::newRow("a module is not a label")
        << QByteArray("from app.db import cli\nbranch_labels = cli") << QStringList() << false << u"is a module"_s;
}

void TestHeaderResolver::resolve()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, values);
    QFETCH(bool, known);
    QFETCH(QString, origin);
    const QByteArray source = "revision = 'b2'\ndown_revision = None\n" + header + "\n";
    RevisionScript script = readRevisionScript(m_dir.filePath(u"app/migrations/versions/b2_x.py"_s), source);
    QCOMPARE(script.computedHeaders.size(), 1);
    HeaderResolver resolver({m_dir.path()});
    resolver.resolve(script);
    const ComputedHeader &computed = script.computedHeaders.first();
    QCOMPARE(computed.isKnown(), known);
    QVERIFY2(computed.origin.contains(origin), qPrintable(computed.origin));
    if (known) {
        QCOMPARE(computed.values, values);
        QCOMPARE(computed.name == u"branch_labels" ? script.branchLabels : script.dependencies, values);
        QVERIFY(!script.module); // released once everything is known
        QVERIFY(script.diagnostics.isEmpty());
    } else {
        QVERIFY(script.module);
        QCOMPARE(script.diagnostics.size(), 1);
        QCOMPARE(script.diagnostics.first().code, u"unresolved-header"_s);
        QVERIFY(!script.diagnostics.first().isError()); // labels and dependencies degrade
        QVERIFY(computed.name == u"branch_labels" ? !script.branchLabelsKnown() : !script.dependenciesKnown());
    }
    QVERIFY(script.isUsable());
}

void TestHeaderResolver::importRoots()
{
    ProjectConfig config;
    config.iniFile = m_dir.filePath(u"app/db/alembic.ini"_s);
    config.scriptLocation = m_dir.filePath(u"app/db/migrations"_s);
    config.prependSysPath = {u"."_s, u"../.."_s, u"no-such-folder"_s};
    QDir().mkpath(config.scriptLocation);
    write(u"app/db/migrations/__init__.py"_s, "");
    // prepend_sys_path first (relative to the ini), then the folder above the outermost package.
    QCOMPARE(HeaderResolver::importRoots(config),
             (QStringList{m_dir.filePath(u"app/db"_s), QDir::cleanPath(m_dir.path())}));
}

void TestHeaderResolver::openstackFixture()
{
    const QString ini = QFINDTESTDATA("../data/realprojects/openstack/quarry/db/migration/alembic.ini");
    QVERIFY(!ini.isEmpty());
    const Result<Project> project = Project::open(ini);
    QVERIFY2(project, qPrintable(project ? QString() : project.error()));
    QVERIFY(!project->hasErrors());
    const RevisionMap &map = project->map();
    QCOMPARE(map.labelOwner(u"expand"_s), map.indexOf(u"354db87e3225"_s));
    QCOMPARE(map.labelOwner(u"contract"_s), map.indexOf(u"30018084ec99"_s));
    const RevisionScript *rbac = project->script(map.indexOf(u"4ffceebfada"_s));
    QVERIFY(rbac);
    QCOMPARE(rbac->dependencies, (QStringList{u"30018084ec99"_s, u"0e66c5227a8a"_s}));
    const ComputedHeader *depends = rbac->computedHeader(u"depends_on"_s);
    QVERIFY(depends);
    QCOMPARE(depends->state, ComputedHeader::State::Constant);
    QVERIFY2(depends->origin.contains(u"cli.py:12"_s), qPrintable(depends->origin));
}

QTEST_GUILESS_MAIN(TestHeaderResolver)
#include "tst_headerresolver.moc"
