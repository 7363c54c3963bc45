// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// GraphExport: `retort-cli graph --format json|dot`. The JSON is a stable format other tools read
// (README.md), so its structure is checked field by field; the DOT text goes to Graphviz, so it is
// read back twice: by a strict reader of the subset of DOT the exporter writes (every node, every
// edge, quoting of ids and messages with quotes, backslashes, braces and newlines) and by Graphviz's
// own parser (cgraph). Both outputs must not depend on the order the files were written in.

#include "cliformats/stablejson.h"
#include "graph/graphexport.h"
#include "history/revisionmap.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <graphviz/cgraph.h>

using namespace Qt::StringLiterals;

class TestGraphExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonStructure();
    void jsonEdges();
    void jsonDiagnostics();
    void diagnosticToJson_data();
    void diagnosticToJson();
    void dotReadsBack();
    void dotParsesInGraphviz();
    void deterministic();

private:
    QTemporaryDir m_dir;
    Project m_project;
};

namespace {

const QString aaaa = u"aaaa00000001"_s;
const QString bbbb = u"bbbb00000002"_s;
const QString cccc = u"cccc00000003"_s;
const QString dddd = u"dddd00000004"_s;
const QString odd = u"q\"uote\\back"_s; // q"uote\back
const QString ffff = u"ffff00000006"_s;
const QString ghost = u"eeee0000dead"_s;
const QString newline = u"nl\nid"_s;

struct File
{
    QString name;
    QByteArray contents;
};

QByteArray revisionFile(const QByteArray &docstring, const QByteArray &revision, const QByteArray &down,
                        const QByteArray &labels = "None", const QByteArray &depends = "None")
{
    return "\"\"\"" + docstring + "\"\"\"\nrevision = " + revision + "\ndown_revision = " + down +
           "\nbranch_labels = " + labels + "\ndepends_on = " + depends +
           "\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
}

// a ─┬─ b (core) ─ d ···> extra (c)
//    └─ q"uote\back
// (ghost eeee0000dead) ─ f ─ nl\nid
const QList<File> &files()
{
    static const QList<File> list = {
        {u"a_users.py"_s, revisionFile("create \"users\" table {id}\n", "'aaaa00000001'", "None")},
        // Python source `C:\\temp\\new`: the message holds single backslashes; two lines, then more.
        {u"b_settings.py"_s, revisionFile("set \"mode\" to C:\\\\temp\\\\new\nsecond line\n\nDetails.\n",
                                          "'bbbb00000002'", "'aaaa00000001'", "('core',)")},
        {u"c_extra.py"_s, revisionFile("extra base\n", "'cccc00000003'", "None", "('extra',)")},
        {u"d_dep.py"_s, revisionFile("a message that is longer than sixty characters, so the picture cuts it short\n",
                                     "'dddd00000004'", "'bbbb00000002'", "None", "('extra',)")},
        {u"e_odd.py"_s, revisionFile("odd id\n", "'q\"uote\\\\back'", "'aaaa00000001'")},
        {u"f_ghosted.py"_s, revisionFile("child of a ghost\n", "'ffff00000006'", "'eeee0000dead'")},
        {u"g_newline.py"_s, revisionFile("newline in the id\n", "'nl\\nid'", "'ffff00000006'")},
    };
    return list;
}

bool writeFiles(const QString &dir, QList<File> list)
{
    QDir().mkpath(dir);
    for (const File &f : std::as_const(list)) {
        QFile file(dir + u'/' + f.name);
        if (!file.open(QIODevice::WriteOnly) || file.write(f.contents) != f.contents.size())
            return false;
    }
    return true;
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

/// What a strict reader of the DOT the exporter writes finds: `digraph NAME { stmt; … }` with graph
/// attributes (`a=b;`), attribute defaults (`node [...]`), nodes (`"id" [...]`) and edges
/// (`"a" -> "b" [...]`). Quoted strings are unescaped as the exporter escapes them (\\, \", \n).
struct Dot
{
    QString error;
    QString name;
    QMap<QString, QString> graphAttributes;
    QStringList nodeOrder;
    QMap<QString, QMap<QString, QString>> nodes;
    struct Edge
    {
        QString from;
        QString to;
        QMap<QString, QString> attributes;
    };
    QList<Edge> edges;
};

struct Token
{
    enum Kind
    {
        Id,
        Quoted,
        Punctuation,
        End
    } kind = End;
    QString text;
};

QList<Token> tokenize(const QString &text, QString *error)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'"') {
            QString value;
            ++i;
            for (;; ++i) {
                if (i >= text.size()) {
                    *error = u"unterminated string"_s;
                    return {};
                }
                const QChar q = text.at(i);
                if (q == u'"')
                    break;
                if (q == u'\n') {
                    *error = u"raw newline in a string: "_s + value;
                    return {};
                }
                if (q == u'\\') {
                    const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
                    if (next == u'\\' || next == u'"')
                        value += next;
                    else if (next == u'n')
                        value += u'\n';
                    else {
                        *error = u"unexpected escape \\%1 in %2"_s.arg(next, value);
                        return {};
                    }
                    ++i;
                } else {
                    value += q;
                }
            }
            ++i;
            tokens.append({Token::Quoted, value});
        } else if (c == u'-' && text.mid(i, 2) == u"->") {
            tokens.append({Token::Punctuation, u"->"_s});
            i += 2;
        } else if (QStringView(u"{}[];,=").contains(c)) {
            tokens.append({Token::Punctuation, QString(c)});
            ++i;
        } else if (c.isLetterOrNumber() || c == u'_' || c == u'.') {
            const qsizetype start = i;
            while (i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i) == u'_' || text.at(i) == u'.'))
                ++i;
            tokens.append({Token::Id, text.mid(start, i - start)});
        } else {
            *error = u"unexpected character '%1' at %2"_s.arg(c).arg(i);
            return {};
        }
    }
    tokens.append(Token{Token::End, QString()});
    return tokens;
}

Dot readDot(const QByteArray &bytes)
{
    Dot dot;
    const QList<Token> tokens = tokenize(QString::fromUtf8(bytes), &dot.error);
    if (!dot.error.isEmpty())
        return dot;
    qsizetype at = 0;
    const auto peek = [&](qsizetype ahead = 0) { return tokens.at(std::min(at + ahead, tokens.size() - 1)); };
    const auto isPunct = [&](const QString &p, qsizetype ahead = 0) {
        return peek(ahead).kind == Token::Punctuation && peek(ahead).text == p;
    };
    const auto expect = [&](const QString &p) {
        if (!isPunct(p)) {
            dot.error = u"expected '%1', found '%2' (token %3)"_s.arg(p, peek().text).arg(at);
            return false;
        }
        ++at;
        return true;
    };
    const auto isName = [&](qsizetype ahead = 0) {
        return peek(ahead).kind == Token::Id || peek(ahead).kind == Token::Quoted;
    };
    const auto attributes = [&](QMap<QString, QString> *out) {
        if (!expect(u"["_s))
            return false;
        while (!isPunct(u"]"_s)) {
            if (!isName() || !isPunct(u"="_s, 1) || !isName(2)) {
                dot.error = u"bad attribute at token %1"_s.arg(at);
                return false;
            }
            out->insert(peek().text, peek(2).text);
            at += 3;
            if (isPunct(u","_s))
                ++at;
            else if (!isPunct(u"]"_s)) {
                dot.error = u"expected ',' or ']' at token %1"_s.arg(at);
                return false;
            }
        }
        return expect(u"]"_s);
    };
    if (peek().kind != Token::Id || peek().text != u"digraph") {
        dot.error = u"not a digraph"_s;
        return dot;
    }
    ++at;
    if (isName())
        dot.name = tokens.at(at++).text;
    if (!expect(u"{"_s))
        return dot;
    while (!isPunct(u"}"_s)) {
        if (peek().kind == Token::End) {
            dot.error = u"missing '}'"_s;
            return dot;
        }
        if (peek().kind == Token::Id && peek().text == u"node" && isPunct(u"["_s, 1)) {
            ++at;
            QMap<QString, QString> ignored;
            if (!attributes(&ignored))
                return dot;
        } else if (isName() && isPunct(u"="_s, 1) && isName(2)) {
            dot.graphAttributes.insert(peek().text, peek(2).text);
            at += 3;
        } else if (isName() && isPunct(u"->"_s, 1) && isName(2)) {
            Dot::Edge edge{peek().text, peek(2).text, {}};
            at += 3;
            if (isPunct(u"["_s) && !attributes(&edge.attributes))
                return dot;
            dot.edges.append(edge);
        } else if (isName()) {
            const QString id = tokens.at(at++).text;
            if (dot.nodes.contains(id)) {
                dot.error = u"node declared twice: "_s + id;
                return dot;
            }
            QMap<QString, QString> attrs;
            if (isPunct(u"["_s) && !attributes(&attrs))
                return dot;
            dot.nodeOrder.append(id);
            dot.nodes.insert(id, attrs);
        } else {
            dot.error = u"unexpected '%1' at token %2"_s.arg(peek().text).arg(at);
            return dot;
        }
        if (!expect(u";"_s))
            return dot;
    }
    ++at;
    if (peek().kind != Token::End)
        dot.error = u"text after the closing brace"_s;
    return dot;
}

} // namespace

void TestGraphExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFiles(m_dir.filePath(u"one"_s), files()));
    const Result<Project> project = Project::open(m_dir.filePath(u"one"_s));
    QVERIFY2(project, qPrintable(project ? QString() : project.error()));
    m_project = project.value();
    const RevisionMap &map = m_project.map();
    for (const QString &id : {aaaa, bbbb, cccc, dddd, odd, ffff, ghost, newline})
        QVERIFY2(map.indexOf(id) >= 0, qPrintable(u"no revision "_s + id));
    QCOMPARE(map.size(), 8);
    QVERIFY(map.revision(map.indexOf(ghost)).isGhost);
}

void TestGraphExport::jsonStructure()
{
    const QJsonObject json = StableJson::graph(m_project);
    for (const QString &key : {u"revisions"_s, u"edges"_s, u"heads"_s, u"script_heads"_s, u"bases"_s, u"diagnostics"_s})
        QVERIFY2(json.value(key).isArray(), qPrintable(key));
    const RevisionMap &map = m_project.map();

    // Every revision, ghosts included, in map order, as StableJson::revision() describes it.
    const QJsonArray revisions = json.value(u"revisions"_s).toArray();
    QCOMPARE(revisions.size(), map.size());
    for (int r = 0; r < map.size(); ++r)
        QCOMPARE(compact(revisions.at(r)), compact(StableJson::revision(m_project, r)));
    const QJsonObject ghostObject = revisions.at(map.indexOf(ghost)).toObject();
    QVERIFY(ghostObject.value(u"is_ghost"_s).toBool());
    QCOMPARE(revisions.at(map.indexOf(odd)).toObject().value(u"revision"_s).toString(), odd);
    QCOMPARE(revisions.at(map.indexOf(bbbb)).toObject().value(u"message"_s).toString(),
             u"set \"mode\" to C:\\temp\\new\nsecond line"_s);

    // heads: no children at all; script_heads: also the revisions with only dependents (cccc).
    QCOMPARE(strings(json.value(u"heads"_s)), (QStringList{dddd, odd, newline}));
    QCOMPARE(strings(json.value(u"script_heads"_s)), (QStringList{cccc, dddd, odd, newline}));
    QCOMPARE(strings(json.value(u"heads"_s)), map.ids(map.realHeads()));
    QCOMPARE(strings(json.value(u"script_heads"_s)), map.ids(map.heads()));
    const QStringList bases = strings(json.value(u"bases"_s));
    QCOMPARE(bases, map.ids(map.bases()));
    QVERIFY(bases.contains(aaaa));
    QVERIFY(bases.contains(cccc));
    QVERIFY(!bases.contains(bbbb));
    QVERIFY(!bases.contains(ffff));
    QVERIFY(!bases.contains(ghost)); // as its revision object says (is_base: false)

    // A JSON document that survives a round trip through text unchanged (ids with quotes and newlines).
    const QByteArray text = QJsonDocument(json).toJson();
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back.object(), json);
}

void TestGraphExport::jsonEdges()
{
    // Child to parent, for each revision in map order its down_revisions and then its depends_on
    // (a branch label resolved to the revision that declares it); edges to a ghost included.
    const QJsonArray edges = StableJson::graph(m_project).value(u"edges"_s).toArray();
    const auto edge = [](const QString &from, const QString &to, const QString &kind) {
        return QJsonObject{{u"from"_s, from}, {u"to"_s, to}, {u"kind"_s, kind}};
    };
    const QString down = u"down_revision"_s;
    const QJsonArray expected = {
        edge(bbbb, aaaa, down), edge(dddd, bbbb, down),  edge(dddd, cccc, u"depends_on"_s),
        edge(odd, aaaa, down),  edge(ffff, ghost, down), edge(newline, ffff, down),
    };
    QCOMPARE(compact(edges), compact(expected));
    for (const QJsonValue &e : edges)
        QCOMPARE(e.toObject().keys(), (QStringList{u"from"_s, u"kind"_s, u"to"_s}));
}

void TestGraphExport::jsonDiagnostics()
{
    const QJsonArray diagnostics = StableJson::graph(m_project).value(u"diagnostics"_s).toArray();
    const Diagnostics &all = m_project.diagnostics();
    QCOMPARE(diagnostics.size(), all.size());
    bool missingParent = false;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QJsonObject d = diagnostics.at(i).toObject();
        QCOMPARE(d.keys(), (QStringList{u"code"_s, u"file"_s, u"line"_s, u"message"_s, u"revision"_s, u"severity"_s}));
        QCOMPARE(compact(d), compact(StableJson::diagnostic(all.at(i))));
        QVERIFY(d.value(u"line"_s).isDouble());
        QVERIFY(!d.value(u"code"_s).toString().isEmpty());
        QVERIFY(!d.value(u"message"_s).toString().isEmpty());
        // The missing parent of f is an error in f's file (alembic would not load this project).
        if (d.value(u"severity"_s) == u"error"_s && d.value(u"file"_s).toString().endsWith(u"f_ghosted.py"_s))
            missingParent = true;
    }
    QVERIFY2(missingParent, qPrintable(compact(diagnostics)));
}

void TestGraphExport::diagnosticToJson_data()
{
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("severity");
    QTest::newRow("error") << true << u"error"_s;
    QTest::newRow("warning") << false << u"warning"_s;
}

void TestGraphExport::diagnosticToJson()
{
    QFETCH(bool, error);
    QFETCH(QString, severity);
    Diagnostic d;
    d.severity = error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
    d.code = u"missing-parent"_s;
    d.message = u"The parent \"x\" does not exist."_s;
    d.file = u"/p/versions/f.py"_s;
    d.line = 7;
    d.revision = u"ffff"_s;
    const QJsonObject expected{{u"severity"_s, severity},
                               {u"code"_s, u"missing-parent"_s},
                               {u"message"_s, d.message},
                               {u"file"_s, d.file},
                               {u"line"_s, 7},
                               {u"revision"_s, u"ffff"_s}};
    QCOMPARE(compact(StableJson::diagnostic(d)), compact(expected));
}

void TestGraphExport::dotReadsBack()
{
    const QByteArray text = GraphExport::toDot(m_project);
    QVERIFY(text.startsWith("digraph "));
    QVERIFY(text.endsWith("}\n"));
    const Dot dot = readDot(text);
    QVERIFY2(dot.error.isEmpty(), qPrintable(dot.error + u"\n"_s + QString::fromUtf8(text)));
    QCOMPARE(dot.graphAttributes.value(u"rankdir"_s), u"BT"_s); // bases at the bottom

    // Every revision once, under its exact id; ghosts dotted, real heads drawn thicker.
    const RevisionMap &map = m_project.map();
    QCOMPARE(dot.nodes.size(), map.size());
    for (int r = 0; r < map.size(); ++r) {
        const Revision &rev = map.revision(r);
        QVERIFY2(dot.nodes.contains(rev.id), qPrintable(u"no node "_s + rev.id));
        const QMap<QString, QString> attributes = dot.nodes.value(rev.id);
        const QString label = attributes.value(u"label"_s);
        QVERIFY2(label.startsWith(rev.id.left(12)), qPrintable(label));
        if (!rev.doc.isEmpty())
            QVERIFY2(label.contains(rev.doc.section(u'\n', 0, 0).left(60)), qPrintable(label));
        QCOMPARE(attributes.value(u"style"_s).contains(u"dotted"_s), rev.isGhost);
        QCOMPARE(attributes.contains(u"penwidth"_s), rev.isRealHead());
    }
    // Messages with quotes, backslashes and braces come back exactly; only a message's first line
    // (at most 60 characters) is drawn.
    QCOMPARE(dot.nodes.value(aaaa).value(u"label"_s), u"aaaa00000001\ncreate \"users\" table {id}"_s);
    QCOMPARE(dot.nodes.value(bbbb).value(u"label"_s), u"bbbb00000002 (core)\nset \"mode\" to C:\\temp\\new"_s);
    QCOMPARE(dot.nodes.value(dddd).value(u"label"_s),
             u"dddd00000004 (core)\na message that is longer than sixty characters, so the pictu"_s);
    QCOMPARE(dot.nodes.value(odd).value(u"label"_s), u"q\"uote\\back\nodd id"_s);
    QCOMPARE(dot.nodes.value(newline).value(u"label"_s), u"nl\nid\nnewline in the id"_s);

    // Every edge, parent to child (so bases end up at the bottom), depends_on dashed.
    QStringList edges;
    for (const Dot::Edge &e : dot.edges) {
        QVERIFY2(dot.nodes.contains(e.from) && dot.nodes.contains(e.to), qPrintable(e.from + u" -> "_s + e.to));
        edges.append(e.from + u" -> "_s + e.to + (e.attributes.value(u"style"_s) == u"dashed" ? u" dashed"_s : u""_s));
    }
    // In the JSON's order: each revision in map order, its down_revisions, then its depends_on.
    QCOMPARE(edges,
             (QStringList{aaaa + u" -> "_s + bbbb, bbbb + u" -> "_s + dddd, cccc + u" -> "_s + dddd + u" dashed"_s,
                          aaaa + u" -> "_s + odd, ghost + u" -> "_s + ffff, ffff + u" -> "_s + newline}));
}

void TestGraphExport::dotParsesInGraphviz()
{
    // Graphviz reads the same nodes and edges: a quoting mistake would split or merge nodes.
    const QByteArray text = GraphExport::toDot(m_project);
    Agraph_t *graph = agmemread(text.constData());
    QVERIFY2(graph, text.constData());
    const int nodes = agnnodes(graph);
    const int edges = agnedges(graph);
    const bool directed = agisdirected(graph);
    agclose(graph);
    QVERIFY(directed);
    QCOMPARE(nodes, m_project.map().size());
    QCOMPARE(edges, 6);
}

void TestGraphExport::deterministic()
{
    // The same exports every time, and whatever the order the files were written in.
    QCOMPARE(GraphExport::toDot(m_project), GraphExport::toDot(m_project));
    QCOMPARE(StableJson::graph(m_project), StableJson::graph(m_project));
    QList<File> reversed = files();
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(writeFiles(m_dir.filePath(u"two"_s), reversed));
    const Result<Project> other = Project::open(m_dir.filePath(u"two"_s));
    QVERIFY2(other, qPrintable(other ? QString() : other.error()));
    QCOMPARE(GraphExport::toDot(other.value()), GraphExport::toDot(m_project));
    const auto text = [](const Project &project, const QString &dir) {
        return QString::fromUtf8(QJsonDocument(StableJson::graph(project)).toJson()).replace(dir, u"<dir>"_s);
    };
    QCOMPARE(text(other.value(), m_dir.filePath(u"two"_s)), text(m_project, m_dir.filePath(u"one"_s)));
}

QTEST_GUILESS_MAIN(TestGraphExport)
#include "tst_graphexport.moc"
