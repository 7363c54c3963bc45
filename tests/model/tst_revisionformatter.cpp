// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// RevisionFormatter: alembic's one-line and verbose formats (Script._head_only and Script.log_entry)
// and Retort's JSON form of a revision, on small projects written as real revision files and opened
// through Project. The text formats are what `retort-cli heads/history/show` print and README.md
// promises they equal alembic's line for line, so besides hand-written expectations one history is
// also run through the real alembic 1.8.1 (RETORT_TEST_PYTHON -m alembic) and every line it prints
// is compared with the formatter's; an oracle that cannot run fails the test.

#include "cliformats/stablejson.h"
#include "history/revisionformatter.h"
#include "history/revisionmap.h"
#include "project/project.h"
#include "project/revisionscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestRevisionFormatter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void line_data();
    void line();
    void logEntry_data();
    void logEntry();
    void commandFormat();
    void matchesAlembic();
    void json();
    void jsonGhostAndUnknownHeader();
    void computedHeaders_data();
    void computedHeaders();
    void docstrings_data();
    void docstrings();

private:
    int indexOf(const QString &id) const;
    QString path(const QString &fileName) const;

    QTemporaryDir m_dir;
    Project m_shop;
    int m_lookupsLabelLine = 0;
};

namespace {

const QString a1 = u"a1a1a1a1a1a1"_s;
const QString b2 = u"b2b2b2b2b2b2"_s;
const QString c3 = u"c3c3c3c3c3c3"_s;
const QString d4 = u"d4d4d4d4d4d4"_s;
const QString e5 = u"e5e5e5e5e5e5"_s;
const QString f9 = u"f9f9f9f9f9f9"_s;

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

/// A revision file as alembic's classic template writes it: docstring, headers, upgrade/downgrade.
QByteArray revisionFile(const QString &docstring, const QString &headers)
{
    return u"\"\"\"%1\"\"\"\n%2\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"_s
        .arg(docstring, headers)
        .toUtf8();
}

/// The template's docstring: message, Revision ID, Revises, Create Date, with @p more between.
QString docstring(const QString &message, const QString &id, const QString &revises, const QString &date,
                  const QString &more = {})
{
    return u"%1\n\n%2Revision ID: %3\nRevises:%4\nCreate Date: %5\n\n"_s.arg(
        message, more, id, revises.isEmpty() ? QString() : u' ' + revises, date);
}

QString headers(const QString &id, const QString &down, const QString &labels = u"None"_s,
                const QString &depends = u"None"_s)
{
    return u"revision = '%1'\ndown_revision = %2\nbranch_labels = %3\ndepends_on = %4"_s.arg(id, down, labels, depends);
}

/// What lines() of a command's output hold, one revision's text at a time: one-line formats give
/// a line each, verbose ones a block that starts with "Rev: ". "Branches into:" lists a frozenset in
/// alembic, so its items are sorted (README.md: Retort prints file order).
QStringList entries(const QString &output, bool verbose)
{
    QStringList lines = output.split(u'\n');
    for (QString &l : lines) {
        if (l.startsWith(u"Branches into: "_s)) {
            QStringList items = l.mid(15).split(u", "_s);
            items.sort();
            l = u"Branches into: "_s + items.join(u", "_s);
        }
    }
    QStringList out;
    if (!verbose) {
        for (const QString &l : std::as_const(lines)) {
            if (!l.isEmpty())
                out.append(l);
        }
    } else {
        for (const QString &l : std::as_const(lines)) {
            if (l.startsWith(u"Rev: "_s) || out.isEmpty())
                out.append(l);
            else
                out.last() += u'\n' + l;
        }
        for (QString &entry : out) {
            while (entry.endsWith(u'\n'))
                entry.chop(1);
        }
    }
    out.sort();
    return out;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

int TestRevisionFormatter::indexOf(const QString &id) const
{
    return m_shop.map().indexOf(id);
}

QString TestRevisionFormatter::path(const QString &fileName) const
{
    return m_dir.path() + u"/shop/migrations/versions/"_s + fileName;
}

// a1 ─┬─ b2 (billing) ─┬─ d4 ─ e5 ···> lookups
//     └─ c3 ───────────┘
// f9 (lookups, a computed label)
void TestRevisionFormatter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString root = m_dir.filePath(u"shop"_s);
    QVERIFY(writeFile(root + u"/alembic.ini"_s, "[alembic]\nscript_location = " + root.toUtf8() + "/migrations\n"));
    const QString versions = root + u"/migrations/versions/"_s;
    QVERIFY(writeFile(versions + a1 + u"_create_accounts.py"_s,
                      revisionFile(docstring(u"create accounts"_s, a1, {}, u"2026-01-02 03:04:05.000000"_s),
                                   headers(a1, u"None"_s))));
    QVERIFY(writeFile(versions + b2 + u"_add_invoices.py"_s,
                      revisionFile(docstring(u"add invoices"_s, b2, a1, u"2026-01-03 03:04:05.000000"_s),
                                   headers(b2, u'\'' + a1 + u'\'', u"('billing',)"_s))));
    // A second paragraph, an indented line and a non-ASCII message.
    QVERIFY(writeFile(versions + c3 + u"_add_audit_log.py"_s,
                      revisionFile(docstring(u"add audit log (café)"_s, c3, a1, u"2026-01-04 03:04:05.000000"_s,
                                             u"Keeps who changed what,\n  and when.\n\n"_s),
                                   headers(c3, u'\'' + a1 + u'\''))));
    QVERIFY(writeFile(
        versions + d4 + u"_merge.py"_s,
        revisionFile(docstring(u"merge billing and audit"_s, d4, b2 + u", "_s + c3, u"2026-01-05 03:04:05.000000"_s),
                     headers(d4, u"('%1', '%2')"_s.arg(b2, c3)))));
    QVERIFY(writeFile(versions + e5 + u"_use_lookups.py"_s,
                      revisionFile(docstring(u"use lookups"_s, e5, d4, u"2026-01-06 03:04:05.000000"_s),
                                   headers(e5, u'\'' + d4 + u'\'', u"None"_s, u"'lookups'"_s))));
    // branch_labels through a module-level constant: a computed header Retort resolves natively.
    const QByteArray lookups = revisionFile(docstring(u"lookup tables"_s, f9, {}, u"2026-01-07 03:04:05.000000"_s),
                                            u"LOOKUPS = 'lookups'\n"_s + headers(f9, u"None"_s, u"(LOOKUPS,)"_s));
    m_lookupsLabelLine = int(lookups.left(lookups.indexOf("branch_labels")).count('\n')) + 1;
    QVERIFY(writeFile(versions + f9 + u"_lookup_tables.py"_s, lookups));

    const Result<Project> project = Project::open(root + u"/alembic.ini"_s);
    QVERIFY2(project, qPrintable(project ? QString() : project.error()));
    m_shop = project.value();
    QVERIFY(!m_shop.hasErrors());
    QCOMPARE(m_shop.map().size(), 6);
}

void TestRevisionFormatter::line_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("branches");
    QTest::addColumn<bool>("doc");
    QTest::addColumn<bool>("parents");
    QTest::addColumn<bool>("tree");
    QTest::addColumn<bool>("current");
    QTest::addColumn<QString>("expected");

    QTest::newRow("id only") << a1 << false << false << false << false << false << a1;
    QTest::newRow("tree indicators: branchpoint")
        << a1 << false << false << false << true << false << a1 + u" (branchpoint)"_s;
    QTest::newRow("tree indicators: mergepoint")
        << d4 << false << false << false << true << false << d4 + u" (mergepoint)"_s;
    QTest::newRow("no tree indicators") << d4 << true << false << false << false << false << d4 + u" (billing)"_s;
    // `heads`: include_branches, no tree indicators; head markers are always shown.
    QTest::newRow("heads: real head") << e5 << true << false << false << false << false << e5 + u" (billing) (head)"_s;
    QTest::newRow("heads: effective head")
        << f9 << true << false << false << false << false << f9 + u" (lookups) (effective head)"_s;
    QTest::newRow("branches left out") << e5 << false << false << false << false << false << e5 + u" (head)"_s;
    // `history`: parents, branches, doc and tree indicators.
    QTest::newRow("history: base") << a1 << true << true << true << true << false
                                   << u"<base> -> "_s + a1 + u" (branchpoint), create accounts"_s;
    QTest::newRow("history: merge") << d4 << true << true << true << true << false
                                    << b2 + u", "_s + c3 + u" -> "_s + d4 +
                                           u" (billing) (mergepoint), merge billing and audit"_s;
    QTest::newRow("history: declared dependency")
        << e5 << true << true << true << true << false
        << d4 + u" (lookups) -> "_s + e5 + u" (billing) (head), use lookups"_s;
    QTest::newRow("history: non-ASCII message")
        << c3 << true << true << true << true << false << a1 + u" -> "_s + c3 + u", add audit log (café)"_s;
    // `(current)` comes after the head markers and before the tree indicators.
    QTest::newRow("current head") << e5 << false << false << false << true << true << e5 + u" (head) (current)"_s;
    QTest::newRow("current branchpoint") << a1 << false << false << false << true << true
                                         << a1 + u" (current) (branchpoint)"_s;
}

void TestRevisionFormatter::line()
{
    QFETCH(QString, revision);
    QFETCH(bool, branches);
    QFETCH(bool, doc);
    QFETCH(bool, parents);
    QFETCH(bool, tree);
    QFETCH(bool, current);
    QFETCH(QString, expected);
    RevisionFormatter::LineOptions options;
    options.includeBranches = branches;
    options.includeDoc = doc;
    options.includeParents = parents;
    options.treeIndicators = tree;
    options.current = current;
    QVERIFY(indexOf(revision) >= 0);
    QCOMPARE(RevisionFormatter::line(m_shop, indexOf(revision), options), expected);
}

void TestRevisionFormatter::logEntry_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("current");
    QTest::addColumn<QString>("expected");

    QTest::newRow("branchpoint") << a1 << false
                                 << u"Rev: %1 (branchpoint)\nParent: <base>\nBranches into: %2, %3\nPath: %4\n\n"
                                    "    create accounts\n    \n    Revision ID: %1\n    Revises:\n"
                                    "    Create Date: 2026-01-02 03:04:05.000000\n"_s.arg(
                                        a1, b2, c3, path(a1 + u"_create_accounts.py"_s));
    // Blank lines of the docstring become four spaces, indentation is kept.
    QTest::newRow("second paragraph")
        << c3 << false
        << u"Rev: %1\nParent: %2\nPath: %3\n\n    add audit log (café)\n    \n    Keeps who changed what,\n"
           "      and when.\n    \n    Revision ID: %1\n    Revises: %2\n    Create Date: 2026-01-04 03:04:05.000000\n"_s
               .arg(c3, a1, path(c3 + u"_add_audit_log.py"_s));
    QTest::newRow("merge") << d4 << false
                           << u"Rev: %1 (mergepoint)\nMerges: %2, %3\nBranch names: billing\nPath: %4\n\n"
                              "    merge billing and audit\n    \n    Revision ID: %1\n    Revises: %2, %3\n"
                              "    Create Date: 2026-01-05 03:04:05.000000\n"_s.arg(d4, b2, c3,
                                                                                    path(d4 + u"_merge.py"_s));
    QTest::newRow("dependency, current") << e5 << true
                                         << u"Rev: %1 (head) (current)\nParent: %2\nAlso depends on: lookups\n"
                                            "Branch names: billing\nPath: %3\n\n    use lookups\n    \n"
                                            "    Revision ID: %1\n    Revises: %2\n"
                                            "    Create Date: 2026-01-06 03:04:05.000000\n"_s.arg(
                                                e5, d4, path(e5 + u"_use_lookups.py"_s));
    // log_entry says (head) for an effective head too (is_head, not _is_real_head).
    QTest::newRow("effective head") << f9 << false
                                    << u"Rev: %1 (head)\nParent: <base>\nBranch names: lookups\nPath: %2\n\n"
                                       "    lookup tables\n    \n    Revision ID: %1\n    Revises:\n"
                                       "    Create Date: 2026-01-07 03:04:05.000000\n"_s.arg(
                                           f9, path(f9 + u"_lookup_tables.py"_s));
}

void TestRevisionFormatter::logEntry()
{
    QFETCH(QString, revision);
    QFETCH(bool, current);
    QFETCH(QString, expected);
    QCOMPARE(RevisionFormatter::logEntry(m_shop, indexOf(revision), current), expected);
}

void TestRevisionFormatter::commandFormat()
{
    RevisionFormatter::LineOptions options;
    options.includeBranches = true;
    options.includeDoc = true;
    options.includeParents = true;
    for (int r = 0; r < m_shop.map().size(); ++r) {
        for (bool current : {false, true}) {
            options.current = current;
            QCOMPARE(RevisionFormatter::commandFormat(m_shop, r, false, options),
                     RevisionFormatter::line(m_shop, r, options));
            QCOMPARE(RevisionFormatter::commandFormat(m_shop, r, true, options),
                     RevisionFormatter::logEntry(m_shop, r, current));
        }
    }
}

void TestRevisionFormatter::matchesAlembic()
{
    // The options each command gives cmd_format (alembic/command.py); `print_stdout` adds "\n".
    struct Command
    {
        QStringList args;
        QList<int> revisions;
        bool verbose = false;
        RevisionFormatter::LineOptions options;
        std::unique_ptr<QProcess> process;
    };
    const RevisionMap &map = m_shop.map();
    const Result<QList<int>> history = map.history();
    QVERIFY(history);
    RevisionFormatter::LineOptions headsOptions;
    headsOptions.includeBranches = true;
    headsOptions.treeIndicators = false;
    RevisionFormatter::LineOptions historyOptions;
    historyOptions.includeBranches = true;
    historyOptions.includeDoc = true;
    historyOptions.includeParents = true;
    Command commands[] = {
        {{u"heads"_s}, map.heads(), false, headsOptions, {}},
        {{u"heads"_s, u"--resolve-dependencies"_s}, map.realHeads(), false, headsOptions, {}},
        {{u"history"_s}, history.value(), false, historyOptions, {}},
        {{u"history"_s, u"-v"_s}, history.value(), true, historyOptions, {}},
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    const QString ini = m_dir.filePath(u"shop/alembic.ini"_s);
    for (Command &command : commands) { // each costs ~0.5 s of interpreter start-up: all at once
        command.process = std::make_unique<QProcess>();
        command.process->setProcessEnvironment(env);
        command.process->setWorkingDirectory(m_dir.filePath(u"shop"_s));
        command.process->start(QStringLiteral(RETORT_TEST_PYTHON),
                               QStringList{u"-B"_s, u"-m"_s, u"alembic"_s, u"-c"_s, ini} + command.args);
    }
    for (Command &command : commands) {
        QProcess &process = *command.process;
        const QString what = u"alembic "_s + command.args.join(u' ');
        QVERIFY2(process.waitForFinished(60000), qPrintable(what + u": did not run: "_s + process.errorString()));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(u"%1 (%2): exit %3: %4"_s.arg(what, QStringLiteral(RETORT_TEST_PYTHON))
                                .arg(process.exitCode())
                                .arg(err)));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QString ours;
        for (int r : std::as_const(command.revisions))
            ours += RevisionFormatter::commandFormat(m_shop, r, command.verbose, command.options) + u'\n';
        const QStringList want = entries(out, command.verbose);
        const QStringList got = entries(ours, command.verbose);
        QVERIFY2(!want.isEmpty(), qPrintable(what + u" printed nothing"_s));
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < want.size(); ++i)
            QCOMPARE(got.at(i), want.at(i));
    }
}

void TestRevisionFormatter::json()
{
    // Every field of a revision object (README.md, "JSON output").
    const QJsonObject head = StableJson::revision(m_shop, indexOf(e5));
    const QJsonObject expectedHead{
        {u"revision"_s, e5},
        {u"down_revisions"_s, QJsonArray{d4}},
        {u"depends_on"_s, QJsonArray{u"lookups"_s}},
        {u"branch_labels"_s, QJsonArray{u"billing"_s}},
        {u"declared_branch_labels"_s, QJsonArray{}},
        {u"children"_s, QJsonArray{}},
        {u"dependents"_s, QJsonArray{}},
        {u"is_head"_s, true},
        {u"is_effective_head"_s, false},
        {u"is_base"_s, false},
        {u"is_branch_point"_s, false},
        {u"is_merge_point"_s, false},
        {u"is_ghost"_s, false},
        {u"message"_s, u"use lookups"_s},
        {u"path"_s, path(e5 + u"_use_lookups.py"_s)},
        {u"create_date"_s, u"2026-01-06 03:04:05.000000"_s},
    };
    QCOMPARE(compact(head), compact(expectedHead));

    const QJsonObject base = StableJson::revision(m_shop, indexOf(a1));
    QCOMPARE(base.value(u"children"_s).toArray(), (QJsonArray{b2, c3}));
    QCOMPARE(base.value(u"down_revisions"_s).toArray(), QJsonArray{});
    QVERIFY(base.value(u"is_base"_s).toBool());
    QVERIFY(base.value(u"is_branch_point"_s).toBool());
    QVERIFY(!base.value(u"is_head"_s).toBool());
    QVERIFY(!base.contains(u"computed_headers"_s)); // only when a header is not a literal

    const QJsonObject merge = StableJson::revision(m_shop, indexOf(d4));
    QCOMPARE(merge.value(u"down_revisions"_s).toArray(), (QJsonArray{b2, c3}));
    QVERIFY(merge.value(u"is_merge_point"_s).toBool());
    QCOMPARE(merge.value(u"branch_labels"_s).toArray(), QJsonArray{u"billing"_s}); // inherited
    QCOMPARE(merge.value(u"declared_branch_labels"_s).toArray(), QJsonArray{});
    QCOMPARE(StableJson::revision(m_shop, indexOf(c3)).value(u"message"_s).toString(), u"add audit log (café)"_s);

    // The effective head: only a dependent, and its label computed from a module-level constant.
    const QJsonObject lookups = StableJson::revision(m_shop, indexOf(f9));
    QCOMPARE(lookups.value(u"children"_s).toArray(), QJsonArray{});
    QCOMPARE(lookups.value(u"dependents"_s).toArray(), QJsonArray{e5});
    QVERIFY(!lookups.value(u"is_head"_s).toBool());
    QVERIFY(lookups.value(u"is_effective_head"_s).toBool());
    QVERIFY(lookups.value(u"is_base"_s).toBool());
    QCOMPARE(lookups.value(u"branch_labels"_s).toArray(), QJsonArray{u"lookups"_s});
    QCOMPARE(lookups.value(u"declared_branch_labels"_s).toArray(), QJsonArray{u"lookups"_s});
    const QJsonArray computed = lookups.value(u"computed_headers"_s).toArray();
    QCOMPARE(computed.size(), 1);
    const QJsonObject header = computed.first().toObject();
    QCOMPARE(header.value(u"name"_s).toString(), u"branch_labels"_s);
    QCOMPARE(header.value(u"expression"_s).toString(), u"(LOOKUPS,)"_s);
    QCOMPARE(header.value(u"line"_s).toInt(), m_lookupsLabelLine);
    QCOMPARE(header.value(u"state"_s).toString(), u"constant"_s);
    QVERIFY2(!header.value(u"origin"_s).toString().isEmpty(), qPrintable(compact(header)));
    QCOMPARE(header.value(u"values"_s).toArray(), QJsonArray{u"lookups"_s});

    // Stable: the same object every time, and for every revision the fields README.md lists.
    const QStringList fields = {
        u"revision"_s,        u"down_revisions"_s, u"depends_on"_s, u"branch_labels"_s,     u"declared_branch_labels"_s,
        u"children"_s,        u"dependents"_s,     u"is_head"_s,    u"is_effective_head"_s, u"is_base"_s,
        u"is_branch_point"_s, u"is_merge_point"_s, u"is_ghost"_s,   u"message"_s,           u"path"_s,
        u"create_date"_s};
    for (int r = 0; r < m_shop.map().size(); ++r) {
        const QJsonObject o = StableJson::revision(m_shop, r);
        QCOMPARE(compact(o), compact(StableJson::revision(m_shop, r)));
        for (const QString &field : fields)
            QVERIFY2(o.contains(field), qPrintable(m_shop.map().revision(r).id + u" lacks "_s + field));
        QCOMPARE(o.value(u"revision"_s).toString(), m_shop.map().revision(r).id);
    }
}

void TestRevisionFormatter::jsonGhostAndUnknownHeader()
{
    // g2's parent has no file (a ghost); g3's depends_on is computed at run time (unknown).
    const QString versions = m_dir.filePath(u"ghost/versions/"_s);
    QVERIFY(
        writeFile(versions + u"g1_base.py"_s, revisionFile(u"ghost base"_s, headers(u"g1g1g1g1g1g1"_s, u"None"_s))));
    QVERIFY(writeFile(versions + u"g2_orphan.py"_s,
                      revisionFile(u"orphan"_s, headers(u"g2g2g2g2g2g2"_s, u"'deadbeefdead'"_s))));
    const QByteArray unknown =
        revisionFile(u"unknown dependency"_s, u"import os\n"_s + headers(u"g3g3g3g3g3g3"_s, u"'g1g1g1g1g1g1'"_s,
                                                                         u"None"_s, u"os.environ.get('NOPE')"_s));
    QVERIFY(writeFile(versions + u"g3_unknown.py"_s, unknown));
    const Result<Project> opened = Project::open(versions);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
    const Project &project = opened.value();
    const RevisionMap &map = project.map();

    const int ghost = map.indexOf(u"deadbeefdead"_s);
    QVERIFY(ghost >= 0);
    const QJsonObject g = StableJson::revision(project, ghost);
    QVERIFY(g.value(u"is_ghost"_s).toBool());
    QVERIFY(!g.value(u"is_base"_s).toBool()); // nothing is known below a ghost
    QCOMPARE(g.value(u"children"_s).toArray(), QJsonArray{u"g2g2g2g2g2g2"_s});
    QVERIFY(!g.contains(u"path"_s)); // no file
    QVERIFY(!g.contains(u"create_date"_s));
    QVERIFY(!g.contains(u"computed_headers"_s));
    QVERIFY(!StableJson::revision(project, map.indexOf(u"g2g2g2g2g2g2"_s)).value(u"is_ghost"_s).toBool());

    const QJsonObject u = StableJson::revision(project, map.indexOf(u"g3g3g3g3g3g3"_s));
    const QJsonArray computed = u.value(u"computed_headers"_s).toArray();
    QCOMPARE(computed.size(), 1);
    const QJsonObject header = computed.first().toObject();
    QCOMPARE(header.value(u"name"_s).toString(), u"depends_on"_s);
    QCOMPARE(header.value(u"expression"_s).toString(), u"os.environ.get('NOPE')"_s);
    QCOMPARE(header.value(u"line"_s).toInt(), int(unknown.left(unknown.indexOf("depends_on")).count('\n')) + 1);
    QCOMPARE(header.value(u"state"_s).toString(), u"unknown"_s);
    QVERIFY(!header.value(u"origin"_s).toString().isEmpty());
    QVERIFY(!header.contains(u"values"_s)); // only when known

    // The one-line and verbose formats of a revision whose parent is a ghost still name it.
    QCOMPARE(RevisionFormatter::line(project, map.indexOf(u"g2g2g2g2g2g2"_s), {false, true, true, true, false}),
             u"deadbeefdead -> g2g2g2g2g2g2 (head), orphan"_s);
}

void TestRevisionFormatter::computedHeaders_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << int(ComputedHeader::State::Unknown) << QStringList()
                             << u"branch_labels = (cli.X,) (line 4): unknown, cli is not in the source tree\n"_s;
    QTest::newRow("constant") << int(ComputedHeader::State::Constant) << QStringList{u"expand"_s}
                              << u"branch_labels = (cli.X,) (line 4): expand, from cli.py:2\n"_s;
    QTest::newRow("evaluated, two values")
        << int(ComputedHeader::State::Evaluated) << QStringList{u"expand"_s, u"contract"_s}
        << u"branch_labels = (cli.X,) (line 4): expand, contract, evaluated\n"_s;
}

void TestRevisionFormatter::computedHeaders()
{
    QFETCH(int, state);
    QFETCH(QStringList, values);
    QFETCH(QString, expected);
    RevisionScript script;
    QCOMPARE(RevisionFormatter::computedHeaders(script), QString());
    ComputedHeader header;
    header.name = u"branch_labels"_s;
    header.expression = u"(cli.X,)"_s;
    header.line = 4;
    header.state = ComputedHeader::State(state);
    header.values = values;
    header.origin = state == int(ComputedHeader::State::Unknown)    ? u"cli is not in the source tree"_s
                    : state == int(ComputedHeader::State::Constant) ? u"cli.py:2"_s
                                                                    : u"evaluated"_s;
    script.computedHeaders = {header};
    QCOMPARE(RevisionFormatter::computedHeaders(script), expected);
    // A line per header, in header order.
    ComputedHeader second = header;
    second.name = u"depends_on"_s;
    script.computedHeaders.append(second);
    QCOMPARE(RevisionFormatter::computedHeaders(script),
             expected + QString(expected).replace(u"branch_labels"_s, u"depends_on"_s));
}

void TestRevisionFormatter::docstrings_data()
{
    // How alembic reads a docstring (Python's universal newlines, `re.split("\n\n", longdoc)[0]` for
    // the message, `longdoc.splitlines()` for the verbose entry), checked against alembic 1.8.1 by hand.
    QTest::addColumn<QByteArray>("docstring");
    QTest::addColumn<QByteArray>("newline"); ///< the file's line ending
    QTest::addColumn<QString>("message");    ///< what the one-line form ends with
    QTest::addColumn<QStringList>("lines");  ///< the docstring's lines in the verbose entry
    QTest::newRow("CRLF file") << QByteArray("first\nsecond\n\nmore\n") << QByteArray("\r\n") << u"first\nsecond"_s
                               << QStringList{u"first"_s, u"second"_s, QString(), u"more"_s};
    QTest::newRow("CR file") << QByteArray("first\nsecond\n\nmore\n") << QByteArray("\r") << u"first\nsecond"_s
                             << QStringList{u"first"_s, u"second"_s, QString(), u"more"_s};
    QTest::newRow("a line of spaces is no paragraph break")
        << QByteArray("first\n   \nsecond\n\nmore\n") << QByteArray("\n") << u"first\n   \nsecond"_s
        << QStringList{u"first"_s, u"   "_s, u"second"_s, QString(), u"more"_s};
    QTest::newRow("no docstring") << QByteArray() << QByteArray("\n") << QString() << QStringList();
    // str.splitlines() also ends a line at \f, \v, \x1c-\x1e, \x85, U+2028 and U+2029.
    QTest::newRow("form feed and line separator") << QByteArray("form\x0c"
                                                                "feed\xe2\x80\xa8sep\n\ttab\n")
                                                  << QByteArray("\n") << u"form\x0c"_s + u"feed\u2028sep\n\ttab"_s
                                                  << QStringList{u"form"_s, u"feed"_s, u"sep"_s, u"\ttab"_s};
}

void TestRevisionFormatter::docstrings()
{
    QFETCH(QByteArray, docstring);
    QFETCH(QByteArray, newline);
    QFETCH(QString, message);
    QFETCH(QStringList, lines);
    const QString versions =
        m_dir.filePath(u"docstrings/%1/versions/"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
    QByteArray contents = revisionFile(QString::fromUtf8(docstring), headers(u"dd01dd01dd01"_s, u"None"_s));
    if (docstring.isEmpty())
        contents = contents.mid(contents.indexOf("revision"));
    contents.replace("\n", newline);
    QVERIFY(writeFile(versions + u"dd01dd01dd01_x.py"_s, contents));
    const Result<Project> opened = Project::open(versions);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
    QCOMPARE(opened->map().size(), 1);
    QCOMPARE(RevisionFormatter::line(opened.value(), 0, {false, true, true, true, false}),
             u"<base> -> dd01dd01dd01 (head), "_s + message);
    QStringList indented;
    for (const QString &l : std::as_const(lines))
        indented.append(u"    "_s + l);
    // Documented: "alembic's text formats (… Script.log_entry …), so retort-cli prints what alembic prints";
    // alembic's log_entry uses str.splitlines().
    QCOMPARE(RevisionFormatter::logEntry(opened.value(), 0),
             u"Rev: dd01dd01dd01 (head)\nParent: <base>\nPath: %1\n\n%2\n"_s.arg(versions + u"dd01dd01dd01_x.py"_s,
                                                                                 indented.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestRevisionFormatter)
#include "tst_revisionformatter.moc"
