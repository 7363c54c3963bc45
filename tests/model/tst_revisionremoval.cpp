// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Deleting and re-parenting revisions on a project real alembic made (a branch, a merge, a branch
// label, a depends_on), then asking real alembic what the folder holds: every scenario must load
// without error and show the intended graph, untouched bytes stay identical, undo restores the
// files, and a failure halfway (a read-only file) leaves everything as it was.

#include "edits/filetransaction.h"
#include "edits/revisionfileeditor.h"
#include "edits/revisionremoval.h"
#include "project/project.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// Each revision as alembic loads it: "down|depends_on|labels", plus the heads under "heads".
const QString GraphScript = uR"(
import json, sys
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import to_tuple
script = ScriptDirectory.from_config(Config(sys.argv[1]))
out = {"heads": " ".join(sorted(script.get_heads()))}
for r in script.walk_revisions():
    out[r.revision] = "%s|%s|%s" % (" ".join(to_tuple(r.down_revision, default=())),
                                    " ".join(to_tuple(r.dependencies, default=())),
                                    " ".join(sorted(r.branch_labels)))
print(json.dumps(out))
)"_s;

QHash<QString, QByteArray> snapshot(const QString &dir)
{
    QHash<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(u"__pycache__"_s))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(path), file.readAll());
    }
    return files;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

} // namespace

class TestRevisionRemoval : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void scenarios_data();
    void scenarios();
    void refusals_data();
    void refusals();
    void unreachableEnvironmentIsAWarning();
    void labelsWithoutMoving();
    void editsOnlyTheTokens();
    void undoRestoresTheBytes();
    void readOnlyFileChangesNothing();
    void changedSincePreviewChangesNothing();
    void cycleIsRefused();
    void nonUtf8FileIsRefused();

private:
    /// Runs real alembic on the work copy; false (with its output logged) when it fails.
    bool alembic(const QStringList &arguments);
    QJsonObject alembicGraph();
    QString versions() const { return m_work.filePath(u"migrations/versions"_s); }
    QString file(const QString &revision) const { return versions() + u'/' + revision + u'_' + revision + u".py"_s; }
    Project load() const;
    AppliedChanges removeOrFail(const RemovalRequest &request, const QList<EnvironmentRows> &environments = {});

    QTemporaryDir m_template;
    QTemporaryDir m_work;
};

namespace {

/// No bytecode: a file Retort rewrites in the second alembic compiled it, to the same size, would
/// otherwise be read from a stale __pycache__ entry (Python checks only mtime seconds and size).
QProcessEnvironment pythonEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    return environment;
}

} // namespace

bool TestRevisionRemoval::alembic(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_work.path());
    process.setProcessEnvironment(pythonEnvironment());
    process.start(QStringLiteral(RETORT_TEST_PYTHON), QStringList{u"-m"_s, u"alembic"_s} + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "alembic" << arguments << "failed:" << process.readAllStandardError()
                             << process.readAllStandardOutput();
        return false;
    }
    return true;
}

QJsonObject TestRevisionRemoval::alembicGraph()
{
    QProcess process;
    process.setWorkingDirectory(m_work.path());
    process.setProcessEnvironment(pythonEnvironment());
    process.start(QStringLiteral(RETORT_TEST_PYTHON), {u"-c"_s, GraphScript, m_work.filePath(u"alembic.ini"_s)});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning().noquote() << "alembic could not load the folder:" << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

Project TestRevisionRemoval::load() const
{
    Result<Project> project = Project::open(m_work.filePath(u"alembic.ini"_s));
    return project ? project.value() : Project();
}

void TestRevisionRemoval::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The desktop trash of the test, not the user's.
    QVERIFY(QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
    // a → b (label feature) → c ─┐
    // a → x ─────────────────────┴→ m → n;   x → y, which depends on b
    const QList<QStringList> commands{
        {u"init"_s, u"migrations"_s},
        {u"revision"_s, u"-m"_s, u"a"_s, u"--rev-id"_s, u"a"_s},
        {u"revision"_s, u"-m"_s, u"b"_s, u"--rev-id"_s, u"b"_s, u"--branch-label"_s, u"feature"_s},
        {u"revision"_s, u"-m"_s, u"c"_s, u"--rev-id"_s, u"c"_s},
        {u"revision"_s, u"-m"_s, u"x"_s, u"--rev-id"_s, u"x"_s, u"--head"_s, u"a"_s, u"--splice"_s},
        {u"merge"_s, u"-m"_s, u"m"_s, u"--rev-id"_s, u"m"_s, u"c"_s, u"x"_s},
        {u"revision"_s, u"-m"_s, u"n"_s, u"--rev-id"_s, u"n"_s},
        {u"revision"_s, u"-m"_s, u"y"_s, u"--rev-id"_s, u"y"_s, u"--head"_s, u"x"_s, u"--splice"_s, u"--depends-on"_s,
         u"b"_s},
    };
    for (const QStringList &command : commands)
        QVERIFY2(alembic(command), qPrintable(command.join(u' ')));
    QVERIFY(copyTree(m_work.path(), m_template.path()));
}

void TestRevisionRemoval::init()
{
    // A fresh copy of the project for every test (and data row).
    QDir(m_work.path()).removeRecursively();
    QVERIFY(QDir().mkpath(m_work.path()));
    QVERIFY(copyTree(m_template.path(), m_work.path()));
}

AppliedChanges TestRevisionRemoval::removeOrFail(const RemovalRequest &request,
                                                 const QList<EnvironmentRows> &environments)
{
    const RemovalPlan plan = planRemoval(load(), request, environments);
    if (!plan.isPossible()) {
        qWarning().noquote() << plan.refusals;
        return {};
    }
    const Result<AppliedChanges> applied = FileTransaction::apply(plan.changes, m_work.filePath(u".retort-trash"_s));
    if (!applied) {
        qWarning().noquote() << applied.error();
        return {};
    }
    return applied.value();
}

void TestRevisionRemoval::scenarios_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("moveLabels");
    QTest::addColumn<QJsonObject>("changed"); ///< revisions whose line alembic shows differently; "" = gone
    QTest::addColumn<QString>("heads");
    QTest::addColumn<QStringList>("devRows");

    const auto M = [](RemovalMode m) { return int(m); };
    QTest::newRow("leaf") << u"n"_s << M(RemovalMode::Alone) << false << QJsonObject{{u"n"_s, u""_s}} << u"m y"_s
                          << QStringList{u"a"_s};
    QTest::newRow("middle of a chain") << u"c"_s << M(RemovalMode::Reparent) << false
                                       << QJsonObject{{u"c"_s, u""_s}, {u"m"_s, u"b x||feature"_s}} << u"n y"_s
                                       << QStringList{u"a"_s};
    QTest::newRow("parent of a merge, re-parented")
        << u"x"_s << M(RemovalMode::Reparent) << false
        << QJsonObject{{u"x"_s, u""_s}, {u"m"_s, u"c a||feature"_s}, {u"y"_s, u"a|b|"_s}} << u"n y"_s
        << QStringList{u"a"_s};
    QTest::newRow("merge revision") << u"m"_s << M(RemovalMode::Reparent) << false
                                    << QJsonObject{{u"m"_s, u""_s}, {u"n"_s, u"c x||feature"_s}} << u"n y"_s
                                    << QStringList{u"a"_s};
    QTest::newRow("labelled revision, labels moved")
        << u"b"_s << M(RemovalMode::Reparent) << true
        << QJsonObject{{u"b"_s, u""_s}, {u"c"_s, u"a||feature"_s}, {u"y"_s, u"x|a|"_s}} << u"n y"_s
        << QStringList{u"a"_s};
    QTest::newRow("depends_on target with descendants")
        << u"b"_s << M(RemovalMode::WithDescendants) << false
        << QJsonObject{{u"b"_s, u""_s}, {u"c"_s, u""_s}, {u"m"_s, u""_s}, {u"n"_s, u""_s}, {u"y"_s, u"x|a|"_s}}
        << u"y"_s << QStringList{u"x"_s};
    QTest::newRow("base with descendants")
        << u"a"_s << M(RemovalMode::WithDescendants) << false
        << QJsonObject{{u"a"_s, u""_s}, {u"b"_s, u""_s}, {u"c"_s, u""_s}, {u"x"_s, u""_s},
                       {u"m"_s, u""_s}, {u"n"_s, u""_s}, {u"y"_s, u""_s}}
        << u""_s << QStringList{};
}

void TestRevisionRemoval::scenarios()
{
    QFETCH(QString, revision);
    QFETCH(int, mode);
    QFETCH(bool, moveLabels);
    QFETCH(QJsonObject, changed);
    QFETCH(QString, heads);
    QFETCH(QStringList, devRows);

    QJsonObject expected = alembicGraph();
    QVERIFY(!expected.isEmpty());
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        if (it.value().toString().isEmpty())
            expected.remove(it.key());
        else
            expected.insert(it.key(), it.value());
    }
    expected.insert(u"heads"_s, heads);
    const QHash<QString, QByteArray> before = snapshot(m_work.path());

    const AppliedChanges applied = removeOrFail({revision, RemovalMode(mode), moveLabels}, {{u"dev"_s, devRows, {}}});
    QVERIFY(!applied.isEmpty());
    QCOMPARE(alembicGraph(), expected);
    QVERIFY(alembic({u"heads"_s}));
    QVERIFY(alembic({u"history"_s}));

    // Files nobody asked to change are byte-identical; removed ones are in the trash.
    const QHash<QString, QByteArray> after = snapshot(m_work.path());
    QStringList touched;
    for (const FileChange &change : applied.changes)
        touched.append(QDir(m_work.path()).relativeFilePath(change.path));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!touched.contains(it.key()))
            QCOMPARE(after.value(it.key()), it.value());
    }
    for (qsizetype i = 0; i < applied.changes.size(); ++i) {
        if (applied.changes.at(i).remove) {
            QVERIFY(!QFileInfo::exists(applied.changes.at(i).path));
            QVERIFY2(QFileInfo::exists(applied.trashedAs.at(i)), qPrintable(applied.trashedAs.at(i)));
        }
    }

    // Undo gives back every file byte for byte, and alembic the original graph.
    QVERIFY(FileTransaction::undo(applied));
    QCOMPARE(snapshot(m_work.path()), before);
    for (const QString &inTrash : applied.trashedAs) {
        QVERIFY(inTrash.isEmpty() || !QFileInfo::exists(inTrash));
        QVERIFY(!QFileInfo::exists(QFileInfo(inTrash).absolutePath() + u"/../info/"_s + QFileInfo(inTrash).fileName() +
                                   u".trashinfo"_s));
    }
}

void TestRevisionRemoval::refusals_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("because");

    QTest::newRow("has children") << u"c"_s << int(RemovalMode::Alone) << QStringList{} << u"has children (m)"_s;
    QTest::newRow("applied as a row") << u"n"_s << int(RemovalMode::Alone) << QStringList{u"n"_s}
                                      << u"n is applied in dev"_s;
    QTest::newRow("applied below a row") << u"c"_s << int(RemovalMode::Reparent) << QStringList{u"m"_s}
                                         << u"c is applied in dev"_s;
    QTest::newRow("a descendant applied")
        << u"x"_s << int(RemovalMode::WithDescendants) << QStringList{u"y"_s} << u"x, y is applied in dev"_s;
    QTest::newRow("applied through depends_on")
        << u"b"_s << int(RemovalMode::Reparent) << QStringList{u"y"_s} << u"b is applied in dev"_s;
    QTest::newRow("unknown") << u"zz"_s << int(RemovalMode::Alone) << QStringList{} << u"zz"_s;
}

void TestRevisionRemoval::refusals()
{
    QFETCH(QString, revision);
    QFETCH(int, mode);
    QFETCH(QStringList, rows);
    QFETCH(QString, because);

    const RemovalPlan plan = planRemoval(load(), {revision, RemovalMode(mode)}, {{u"dev"_s, rows, {}}});
    QVERIFY(!plan.isPossible());
    QVERIFY2(plan.refusals.join(u'\n').contains(because), qPrintable(plan.refusals.join(u'\n')));
}

void TestRevisionRemoval::unreachableEnvironmentIsAWarning()
{
    const RemovalPlan plan =
        planRemoval(load(), {u"n"_s}, {{u"prod"_s, {}, u"connection refused"_s}, {u"dev"_s, {u"zz"_s}, {}}});
    QVERIFY(plan.isPossible());
    QCOMPARE(plan.warnings.size(), 2);
    QCOMPARE(plan.warnings.at(0).kind, RemovalWarning::Kind::Unreachable);
    QVERIFY(plan.warnings.at(0).text.contains(u"prod could not be read (connection refused)"_s));
    QCOMPARE(plan.warnings.at(1).kind, RemovalWarning::Kind::UnknownRows);
}

void TestRevisionRemoval::labelsWithoutMoving()
{
    const RemovalPlan plan = planRemoval(load(), {u"b"_s, RemovalMode::Reparent}, {});
    QVERIFY(plan.isPossible());
    QCOMPARE(plan.warnings.size(), 1);
    QCOMPARE(plan.warnings.first().kind, RemovalWarning::Kind::LabelsRemoved);
    QVERIFY(plan.warnings.first().text.contains(u"They can move to c instead."_s));
    const RemovalPlan refused = planRemoval(load(), {u"b"_s, RemovalMode::WithDescendants, true}, {});
    QVERIFY(!refused.isPossible());
}

void TestRevisionRemoval::editsOnlyTheTokens()
{
    QFile mFile(file(u"m"_s));
    QVERIFY(mFile.open(QIODevice::ReadOnly));
    const QByteArray before = mFile.readAll();
    const RemovalPlan plan = planRemoval(load(), {u"c"_s, RemovalMode::Reparent}, {});
    QVERIFY(plan.isPossible());
    QCOMPARE(plan.reparented, QStringList{u"m"_s});
    QCOMPARE(plan.edits, QStringList{u"m_m.py: down_revision ('c', 'x') → ('b', 'x')"_s});
    const FileChange &edit = plan.changes.last();
    QCOMPARE(edit.path, file(u"m"_s));
    QByteArray expected = before;
    // down_revision, annotated or not (alembic 1.11 and newer annotate the template's headers).
    expected.replace("= ('c', 'x')", "= ('b', 'x')");
    expected.replace("Revises: c, x", "Revises: b, x");
    QVERIFY(expected != before);
    QCOMPARE(edit.after, expected);

    // Annotated headers, double quotes, comments, a BOM and CRLF line ends survive as written.
    const QByteArray source = "\xEF\xBB\xBF\"\"\"msg\r\n\r\nRevises: old\r\n\"\"\"\r\n"
                              "revision: str = \"r1\"  # the id\r\n"
                              "down_revision: Union[str, Sequence[str], None] = (  # merge\r\n"
                              "    \"old\",\r\n    \"other\",\r\n)\r\n"
                              "branch_labels = None\r\n";
    Result<RevisionFileEditor> editor = RevisionFileEditor::open(u"r1.py"_s, source);
    QVERIFY(editor);
    QVERIFY(editor.value().setHeader(u"down_revision"_s, {u"new"_s}));
    QVERIFY(editor.value().setRevisesLine({u"new"_s}));
    QVERIFY(editor.value().setHeader(u"branch_labels"_s, {u"lbl"_s}, true));
    QCOMPARE(editor->bytes(), QByteArray("\xEF\xBB\xBF\"\"\"msg\r\n\r\nRevises: new\r\n\"\"\"\r\n"
                                         "revision: str = \"r1\"  # the id\r\n"
                                         "down_revision: Union[str, Sequence[str], None] = \"new\"\r\n"
                                         "branch_labels = (\"lbl\",)\r\n"));
    QVERIFY(!editor.value().setHeader(u"depends_on"_s, {u"x"_s}));

    Result<RevisionFileEditor> computed =
        RevisionFileEditor::open(u"c.py"_s, "revision = 'c'\ndown_revision = cli.EXPAND\n");
    QVERIFY(computed);
    const Result<bool> refused = computed.value().setHeader(u"down_revision"_s, {u"a"_s});
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(u"computed (cli.EXPAND)"_s));
}

void TestRevisionRemoval::undoRestoresTheBytes()
{
    const QHash<QString, QByteArray> before = snapshot(m_work.path());
    const AppliedChanges applied = removeOrFail({u"b"_s, RemovalMode::Reparent, true});
    QVERIFY(!applied.isEmpty());
    QVERIFY(snapshot(m_work.path()) != before);
    // Undo refuses once a file was edited by someone else after the removal.
    QFile c(file(u"c"_s));
    QVERIFY(c.open(QIODevice::Append));
    c.write("# edited\n");
    c.close();
    const Result<bool> refused = FileTransaction::undo(applied);
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(u"was changed after Retort's edit"_s));
    QFile::resize(file(u"c"_s), QFileInfo(file(u"c"_s)).size() - 9);
    QVERIFY(FileTransaction::undo(applied));
    QCOMPARE(snapshot(m_work.path()), before);
}

void TestRevisionRemoval::readOnlyFileChangesNothing()
{
    const QHash<QString, QByteArray> before = snapshot(m_work.path());
    // Deleting x edits m and y; y, the second file written, is read-only.
    QVERIFY(QFile::setPermissions(file(u"y"_s), QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const RemovalPlan plan = planRemoval(load(), {u"x"_s, RemovalMode::Reparent}, {});
    QVERIFY(plan.isPossible());
    const Result<AppliedChanges> applied = FileTransaction::apply(plan.changes, m_work.filePath(u".retort-trash"_s));
    QVERIFY(!applied);
    QVERIFY2(applied.error().contains(u"y_y.py is read-only"_s), qPrintable(applied.error()));
    QCOMPARE(snapshot(m_work.path()), before);

    // A folder nobody may write to: the temporaries cannot be made, and nothing changes either.
    QVERIFY(QFile::setPermissions(file(u"y"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    if (::geteuid() != 0) {
        QVERIFY(QFile::setPermissions(versions(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const Result<AppliedChanges> blocked =
            FileTransaction::apply(plan.changes, m_work.filePath(u".retort-trash"_s));
        QVERIFY(QFile::setPermissions(versions(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(!blocked);
        QCOMPARE(snapshot(m_work.path()), before);
    }
}

void TestRevisionRemoval::changedSincePreviewChangesNothing()
{
    const RemovalPlan plan = planRemoval(load(), {u"c"_s, RemovalMode::Reparent}, {});
    QVERIFY(plan.isPossible());
    QFile m(file(u"m"_s));
    QVERIFY(m.open(QIODevice::Append));
    m.write("# edited meanwhile\n");
    m.close();
    const QHash<QString, QByteArray> before = snapshot(m_work.path());
    const Result<AppliedChanges> applied = FileTransaction::apply(plan.changes, m_work.filePath(u".retort-trash"_s));
    QVERIFY(!applied);
    QVERIFY(applied.error().contains(u"changed since the preview"_s));
    QCOMPARE(snapshot(m_work.path()), before);
}

void TestRevisionRemoval::cycleIsRefused()
{
    // b → c → b: a history alembic cannot load; re-parenting would walk the cycle for ever.
    QFile b(file(u"b"_s));
    QVERIFY(b.open(QIODevice::ReadOnly));
    const QByteArray original = b.readAll();
    b.close();
    // down_revision, annotated or not (alembic 1.11 and newer annotate the template's headers).
    const QByteArray text =
        QString::fromUtf8(original)
            .replace(QRegularExpression(u"^(down_revision\\b[^=\\n]*= )'a'"_s, QRegularExpression::MultilineOption),
                     u"\\1'c'"_s)
            .toUtf8();
    QVERIFY(text != original);
    QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Truncate));
    b.write(text);
    b.close();
    const RemovalPlan plan = planRemoval(load(), {u"c"_s, RemovalMode::Reparent}, {});
    QVERIFY(!plan.isPossible());
    QVERIFY2(plan.refusals.first().contains(u"cycle"_s), qPrintable(plan.refusals.join(u'\n')));
}

void TestRevisionRemoval::nonUtf8FileIsRefused()
{
    QVERIFY(!RevisionFileEditor::open(u"l.py"_s, "# -*- coding: latin-1 -*-\n\"\"\"caf\xe9\"\"\"\nrevision = 'l'\n"));
    QVERIFY(RevisionFileEditor::open(u"a.py"_s, "# -*- coding: latin-1 -*-\nrevision = 'l'\n"));
}

QTEST_GUILESS_MAIN(TestRevisionRemoval)
#include "tst_revisionremoval.moc"
