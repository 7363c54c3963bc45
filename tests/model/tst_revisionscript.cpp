// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Reading single revision files: both template styles, every header shape alembic accepts, and
// every kind of bad file, which must become a diagnostic with file and line.

#include "project/revisionscript.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRevisionScript : public QObject
{
    Q_OBJECT

private slots:
    void header_data();
    void header();
    void badFiles_data();
    void badFiles();
    void docstringAndFunctions();
};

void TestRevisionScript::header_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("depends");

    QTest::newRow("classic template") << QByteArray("\"\"\"m\n\"\"\"\nrevision = 'a1b2c3d4e5f6'\ndown_revision = None\n"
                                                    "branch_labels = None\ndepends_on = None\n")
                                      << u"a1b2c3d4e5f6_m.py"_s << u"a1b2c3d4e5f6"_s << QStringList() << QStringList()
                                      << QStringList();
    QTest::newRow("typed template, merge tuple")
        << QByteArray("from typing import Sequence, Union\nrevision: str = '11aa'\n"
                      "down_revision: Union[str, Sequence[str], None] = ('a', 'b')\n"
                      "branch_labels: Union[str, Sequence[str], None] = ('networking',)\n"
                      "depends_on: Union[str, Sequence[str], None] = ['c3', 'd4']\n")
        << u"11aa_x.py"_s << u"11aa"_s << QStringList{u"a"_s, u"b"_s} << QStringList{u"networking"_s}
        << QStringList{u"c3"_s, u"d4"_s};
    QTest::newRow("black: double quotes, wrapped tuple, comments")
        << QByteArray("revision = \"m3rg3\"\ndown_revision = (\n    \"aaaa\",  # main\n    \"bbbb\",\n)\n"
                      "branch_labels = \"lab\"\ndepends_on = \"cccc\"\n")
        << u"m3rg3_merge.py"_s << u"m3rg3"_s << QStringList{u"aaaa"_s, u"bbbb"_s} << QStringList{u"lab"_s}
        << QStringList{u"cccc"_s};
    QTest::newRow("empty string and empty tuple mean base")
        << QByteArray("revision = 'x1'\ndown_revision = ''\ndepends_on = ()\n") << u"x1.py"_s << u"x1"_s
        << QStringList() << QStringList() << QStringList();
    QTest::newRow("one-element list is a scalar")
        << QByteArray("revision = 'x2'\ndown_revision = ['x1']\n") << u"x2.py"_s << u"x2"_s << QStringList{u"x1"_s}
        << QStringList() << QStringList();
    QTest::newRow("legacy: id from a hex file name") << QByteArray("down_revision = None\n") << u"abc123.py"_s
                                                     << u"abc123"_s << QStringList() << QStringList() << QStringList();
    QTest::newRow("CRLF and a BOM") << QByteArray("\xef\xbb\xbfrevision = 'crlf'\r\ndown_revision = 'base1'\r\n")
                                    << u"crlf.py"_s << u"crlf"_s << QStringList{u"base1"_s} << QStringList()
                                    << QStringList();
    QTest::newRow("constants of the file itself")
        << QByteArray("PARENT = 'a1'\nLABEL = 'shop'\nALIAS = LABEL\nrevision: str = 'b2'\n"
                      "down_revision = PARENT\nbranch_labels = (ALIAS, 'extra')\ndepends_on = [PARENT]\n")
        << u"b2_x.py"_s << u"b2"_s << QStringList{u"a1"_s} << QStringList{u"shop"_s, u"extra"_s}
        << QStringList{u"a1"_s};
    QTest::newRow("reads and bare annotations are not changes")
        << QByteArray("revision: str\nrevision = 'b2'\ndown_revision = 'a1'\nprint(revision)\n"
                      "assert down_revision is not None\nif TYPE_CHECKING:\n    branch_labels: Sequence[str]\n"
                      "for x in [revision]:\n    pass\nwith open(revision) as f:\n    f.read()\n")
        << u"b2_x.py"_s << u"b2"_s << QStringList{u"a1"_s} << QStringList() << QStringList();
    QTest::newRow("tuple unpacking") << QByteArray("revision, down_revision = 'b2', ('a1', 'a0')\n") << u"b2_x.py"_s
                                     << u"b2"_s << QStringList{u"a1"_s, u"a0"_s} << QStringList() << QStringList();
    QTest::newRow("later assignment wins")
        << QByteArray("revision = 'old'\nrevision = 'new'\ndown_revision = None\n") << u"new_x.py"_s << u"new"_s
        << QStringList() << QStringList() << QStringList();
}

void TestRevisionScript::header()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, fileName);
    QFETCH(QString, revision);
    QFETCH(QStringList, down);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, depends);
    const RevisionScript script = readRevisionScript(u"/v/"_s + fileName, source);
    QVERIFY2(!hasErrors(script.diagnostics),
             qPrintable(script.diagnostics.isEmpty() ? QString() : script.diagnostics.first().message));
    QVERIFY(script.isUsable());
    QCOMPARE(script.revision, revision);
    QCOMPARE(script.downRevisions, down);
    QCOMPARE(script.branchLabels, labels);
    QCOMPARE(script.dependencies, depends);
    QCOMPARE(script.path, u"/v/"_s + fileName);
}

void TestRevisionScript::badFiles_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("usable");
    QTest::newRow("empty file") << QByteArray("  \n") << u"e.py"_s << u"empty-file"_s << 0 << false;
    QTest::newRow("no revision, not a hex name")
        << QByteArray("down_revision = None\n") << u"add_users.py"_s << u"missing-revision-id"_s << 1 << false;
    QTest::newRow("no down_revision") << QByteArray("revision = 'ab12'\n") << u"ab12_x.py"_s
                                      << u"missing-down-revision"_s << 1 << false;
    QTest::newRow("non-literal branch label")
        << QByteArray("import cli\nrevision = 'ab12'\ndown_revision = None\nbranch_labels = (cli.EXPAND_BRANCH,)\n")
        << u"ab12_x.py"_s << u"unresolved-header"_s << 4 << true;
    QTest::newRow("computed down_revision") << QByteArray("revision = 'ab12'\ndown_revision = get_parent()\n")
                                            << u"ab12_x.py"_s << u"unresolved-header"_s << 2 << false;
    QTest::newRow("down_revision set inside try")
        << QByteArray(
               "revision = 'ab12'\ntry:\n    down_revision = 'a1'\nexcept ImportError:\n    down_revision = None\n")
        << u"ab12_x.py"_s << u"unresolved-header"_s << 3 << false;
    QTest::newRow("depends_on changed by a method call")
        << QByteArray("revision = 'ab12'\ndown_revision = None\ndepends_on = ['x']\ndepends_on.extend(more())\n")
        << u"ab12_x.py"_s << u"unresolved-header"_s << 3 << true;
    QTest::newRow("computed revision") << QByteArray("revision = 'ab' + '12'\ndown_revision = None\n") << u"ab12_x.py"_s
                                       << u"unresolved-header"_s << 1 << false;
    QTest::newRow("depends_on built by module-level code")
        << QByteArray("revision = 'ab12'\ndown_revision = None\ndepends_on = []\nif True:\n    "
                      "depends_on.append('x')\n")
        << u"ab12_x.py"_s << u"unresolved-header"_s << 3 << true;
    QTest::newRow("label imported from a module not found")
        << QByteArray("from pkg.constants import LABEL as branch_labels\nrevision = 'ab12'\ndown_revision = None\n")
        << u"ab12_x.py"_s << u"unresolved-header"_s << 1 << true;
    QTest::newRow("reserved word as id") << QByteArray("revision = 'heads'\ndown_revision = None\n") << u"x.py"_s
                                         << u"reserved-revision-id"_s << 1 << false;
    QTest::newRow("empty revision id") << QByteArray("revision = ''\ndown_revision = None\n") << u"x.py"_s
                                       << u"empty-revision-id"_s << 1 << false;
    QTest::newRow("illegal character") << QByteArray("revision = 'ab-cd'\ndown_revision = None\n") << u"ab_cd.py"_s
                                       << u"illegal-revision-id"_s << 1 << false;
    QTest::newRow("non-UTF-8 bytes") << QByteArray("revision = 'ab12'\ndown_revision = None\n# caf\xe9\n")
                                     << u"ab12_x.py"_s << u"non-utf8"_s << 3 << true;
    QTest::newRow("syntax broken halfway")
        << QByteArray("revision = 'ab12'\ndown_revision = None\n\ndef upgrade():\n    op.add_column('t', (\n\n"
                      "def downgrade():\n    pass\n")
        << u"ab12_x.py"_s << u"syntax-error"_s << 5 << true;
    QTest::newRow("file name disagrees with its id")
        << QByteArray("revision = '0123456789ab'\ndown_revision = None\n") << u"ba9876543210_copy.py"_s
        << u"file-name-mismatch"_s << 1 << true;
}

void TestRevisionScript::badFiles()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, fileName);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(bool, usable);
    const RevisionScript script = readRevisionScript(u"/v/"_s + fileName, source);
    const Diagnostic *found = nullptr;
    for (const Diagnostic &d : script.diagnostics) {
        if (d.code == code)
            found = &d;
    }
    QVERIFY2(found, qPrintable(u"no %1 among %2 diagnostics"_s.arg(code).arg(script.diagnostics.size())));
    QCOMPARE(found->file, u"/v/"_s + fileName);
    QCOMPARE(found->line, line);
    QVERIFY(found->message.size() > 20);
    QCOMPARE(script.isUsable(), usable);
}

void TestRevisionScript::docstringAndFunctions()
{
    const QByteArray source =
        "\"\"\"add users\n\nRevision ID: ab12\nRevises: 9f9f\nCreate Date: 2026-11-22 08:48:57.844527\n"
        "\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = 'ab12'\n"
        "down_revision = '9f9f'\n\n\ndef upgrade() -> None:\n"
        "    op.create_table('users', sa.Column('id', sa.Integer(), primary_key=True))\n"
        "    with op.batch_alter_table('users') as batch_op:\n"
        "        batch_op.add_column(sa.Column('name', sa.String(50), nullable=True))\n\n\n"
        "def downgrade() -> None:\n    op.drop_table('users')\n";
    const RevisionScript script = readRevisionScript(u"/v/ab12_add_users.py"_s, source);
    QCOMPARE(script.doc, u"add users"_s);
    QVERIFY(script.longDoc.startsWith(u"add users\n\nRevision ID: ab12"_s));
    QCOMPARE(script.revises, u"9f9f"_s);
    QCOMPARE(script.createDate, u"2026-11-22 08:48:57.844527"_s);
    QCOMPARE(script.upgrade.firstLine, 15);
    QCOMPARE(script.upgrade.lastLine, 18);
    QCOMPARE(script.upgrade.calls.size(), 2);
    QCOMPARE(script.upgrade.calls.at(0).dottedName(), u"op.create_table"_s);
    QCOMPARE(script.upgrade.calls.at(1).dottedName(), u"batch_op.add_column"_s);
    QCOMPARE(script.downgrade.firstLine, 21);
    QCOMPARE(script.downgrade.calls.size(), 1);
}

QTEST_GUILESS_MAIN(TestRevisionScript)
#include "tst_revisionscript.moc"
