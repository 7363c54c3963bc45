// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// `retort-cli graph --env NAME… --url URL` on real SQLite files upgraded by real alembic: the
// pictures carry each environment's pin on the cards its rows name (and ghost cards for rows naming
// nothing), JSON gets the rows under a new key, DOT a note per environment, and a database that
// cannot be read stops the command before anything is written.

#include "database/databaseconnection.h"
#include "database/environment.h"
#include "project/project.h"
#include "versionrows.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliGraphEnvironments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void svgPinsTheRightCards();
    void pngWithPins();
    void jsonHasTheRows();
    void dotHasNotes();
    void unreadableDatabaseFails_data();
    void unreadableDatabaseFails();
    void repeatedEnvOnlyForGraph();

private:
    Run run(const QString &program, const QStringList &args) const;
    Run cli(const QStringList &args) const { return run(QStringLiteral(RETORT_CLI_PATH), args); }
    /// The cards (their ids) that pins labelled @p label stand on, in the SVG's drawing order: a card
    /// draws its flags first, then its badges and its id.
    QStringList pinnedCards(const QString &svg, const QString &label) const;
    QTemporaryDir m_dir;
    QString m_project;
    QString m_stagingUrl;
    QString m_strayUrl;
    QStringList m_ids;
};

Run TestCliGraphEnvironments::run(const QString &program, const QStringList &args) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // environments live here
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_project);
    process.start(program, args);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliGraphEnvironments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    m_project = m_dir.filePath(u"shop"_s);
    const QString sample = QStringLiteral(RETORT_SOURCE_DIR "/resources/sample");
    QVERIFY(QDir().mkpath(m_project + u"/migrations/versions"_s));
    QVERIFY(QFile::copy(sample + u"/alembic.ini"_s, m_project + u"/alembic.ini"_s));
    QVERIFY(QFile::copy(sample + u"/migrations/env.py"_s, m_project + u"/migrations/env.py"_s));
    QVERIFY(QFile::copy(sample + u"/migrations/script.py.mako"_s, m_project + u"/migrations/script.py.mako"_s));
    const QDir versions(sample + u"/migrations/versions"_s);
    for (const QString &file : versions.entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(versions.filePath(file), m_project + u"/migrations/versions/"_s + file));
    // The name /usr/bin/python3: the python3 first on PATH may lack alembic.
    const Run upgrade =
        run(QStringLiteral(RETORT_TEST_PYTHON), {u"-m"_s, u"alembic"_s, u"upgrade"_s, u"9ccc6cd9d6d2"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.err));

    // dev: as upgraded; staging: at two heads; a stray database with a row no revision declares.
    const QString staging = m_dir.filePath(u"staging.db"_s);
    const QString stray = m_dir.filePath(u"stray.db"_s);
    QVERIFY(QFile::copy(m_project + u"/shop.db"_s, staging));
    QVERIFY(QFile::copy(m_project + u"/shop.db"_s, stray));
    m_stagingUrl = u"sqlite:///"_s + staging;
    m_strayUrl = u"sqlite:///"_s + stray;
    QVERIFY(writeVersionRows(m_stagingUrl, {u"17468fe7ff21"_s, u"d97482d6280d"_s}));
    QVERIFY(writeVersionRows(m_strayUrl, {u"9ccc6cd9d6d2"_s, u"deadbeef0000"_s}));

    const Result<Project> project = Project::open(m_project);
    QVERIFY(project);
    for (int i = 0; i < project->map().size(); ++i)
        m_ids.append(project->map().revision(i).id);
    Environment dev;
    dev.name = u"dev"_s;
    dev.url = u"sqlite:///"_s + m_project + u"/shop.db"_s;
    Environment stagingEnvironment;
    stagingEnvironment.name = u"staging"_s;
    stagingEnvironment.url = m_stagingUrl;
    stagingEnvironment.color = u"#6a1b9a"_s;
    QVERIFY(EnvironmentStore::save(EnvironmentStore::projectKey(project->config()), {dev, stagingEnvironment}));
}

QStringList TestCliGraphEnvironments::pinnedCards(const QString &svg, const QString &label) const
{
    static const QRegularExpression text(u"<text[^>]*>([^<]*)</text>"_s);
    QStringList texts;
    for (auto it = text.globalMatch(svg); it.hasNext();)
        texts.append(it.next().captured(1).trimmed());
    QStringList cards;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (texts.at(i) != label)
            continue;
        // The legend's line has no card after it: it is drawn last, and its texts are no ids.
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            if (m_ids.contains(texts.at(j)) || texts.at(j) == u"deadbeef0000 ?"_s) { // a ghost card's id
                cards.append(texts.at(j));
                break;
            }
        }
    }
    cards.sort();
    return cards;
}

void TestCliGraphEnvironments::svgPinsTheRightCards()
{
    const QString path = m_dir.filePath(u"pins.svg"_s);
    const Run graph = cli({u"graph"_s, u"--format"_s, u"svg"_s, u"--env"_s, u"dev"_s, u"--env"_s, u"staging"_s,
                           u"--url"_s, m_strayUrl, u"-o"_s, path});
    QVERIFY2(graph.exitCode == 0, qPrintable(graph.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QCOMPARE(pinnedCards(svg, u"dev"_s), QStringList{u"9ccc6cd9d6d2"_s});
    QCOMPARE(pinnedCards(svg, u"staging"_s), (QStringList{u"17468fe7ff21"_s, u"d97482d6280d"_s}));
    // --url is labelled with its file's name; its unknown row gets a ghost card beside the graph.
    QCOMPARE(pinnedCards(svg, u"stray.db"_s), (QStringList{u"9ccc6cd9d6d2"_s, u"deadbeef0000 ?"_s}));
    QVERIFY(svg.contains(u"unknown to this project"_s));
    // The colours are the window's: staging's own, dev's the first of the palette.
    QVERIFY(svg.contains(u"#6a1b9a"_s));
    QVERIFY(svg.contains(u"#2e7d32"_s));
    // The legend says where each stands, in the database bar's words.
    QVERIFY2(svg.contains(u"12 pending"_s), qPrintable(svg.left(400)));
    QVERIFY(svg.contains(u"unknown row"_s));

    // Without databases, no pin and no legend.
    const Run plain = cli({u"graph"_s, u"--format"_s, u"svg"_s});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(pinnedCards(plain.out, u"dev"_s).isEmpty());
    QVERIFY(!plain.out.contains(u"pending"_s));
}

void TestCliGraphEnvironments::pngWithPins()
{
    const QString withPins = m_dir.filePath(u"pins.png"_s);
    const QString without = m_dir.filePath(u"plain.png"_s);
    QCOMPARE(cli({u"graph"_s, u"--format"_s, u"png"_s, u"--env"_s, u"staging"_s, u"-o"_s, withPins}).exitCode, 0);
    QCOMPARE(cli({u"graph"_s, u"--format"_s, u"png"_s, u"-o"_s, without}).exitCode, 0);
    const QImage pins(withPins);
    const QImage plain(without);
    QVERIFY(!pins.isNull() && !plain.isNull());
    QCOMPARE(pins.width(), plain.width());
    QVERIFY(pins.height() > plain.height()); // the legend above the graph
    // Staging's colour is in the picture.
    bool found = false;
    for (int y = 0; y < pins.height() && !found; y += 2) {
        for (int x = 0; x < pins.width() && !found; x += 2)
            found = pins.pixelColor(x, y) == QColor(u"#6a1b9a"_s);
    }
    QVERIFY(found);
}

void TestCliGraphEnvironments::jsonHasTheRows()
{
    const Run plain = cli({u"graph"_s, u"--format"_s, u"json"_s});
    QCOMPARE(plain.exitCode, 0);
    QJsonObject without = QJsonDocument::fromJson(plain.out.toUtf8()).object();
    QVERIFY(!without.isEmpty());
    QVERIFY(!without.contains(u"environments"_s));

    const Run graph = cli(
        {u"graph"_s, u"--format"_s, u"json"_s, u"--env"_s, u"staging"_s, u"--env"_s, u"dev"_s, u"--url"_s, m_strayUrl});
    QVERIFY2(graph.exitCode == 0, qPrintable(graph.err));
    QJsonObject with = QJsonDocument::fromJson(graph.out.toUtf8()).object();
    const QJsonArray environments = with.value(u"environments"_s).toArray();
    QCOMPARE(environments.size(), 3);
    const QJsonObject staging = environments.at(0).toObject();
    QCOMPARE(staging.value(u"name"_s).toString(), u"staging"_s);
    QCOMPARE(staging.value(u"color"_s).toString(), u"#6a1b9a"_s);
    QCOMPARE(staging.value(u"table_exists"_s).toBool(), true);
    QStringList rows;
    for (const QJsonValue &row : staging.value(u"rows"_s).toArray())
        rows.append(row.toString());
    rows.sort();
    QCOMPARE(rows, (QStringList{u"17468fe7ff21"_s, u"d97482d6280d"_s}));
    const QJsonObject dev = environments.at(1).toObject();
    QCOMPARE(dev.value(u"name"_s).toString(), u"dev"_s);
    QCOMPARE(dev.value(u"color"_s).toString(), u"#2e7d32"_s);
    QCOMPARE(dev.value(u"rows"_s).toArray(), QJsonArray{u"9ccc6cd9d6d2"_s});
    QVERIFY(dev.value(u"url"_s).toString().endsWith(u"/shop.db"_s));
    const QJsonObject stray = environments.at(2).toObject();
    QCOMPARE(stray.value(u"name"_s).toString(), u"stray.db"_s);
    QCOMPARE(stray.value(u"unknown_rows"_s).toArray(), QJsonArray{u"deadbeef0000"_s});
    QVERIFY(stray.value(u"color"_s).toString() != dev.value(u"color"_s).toString());
    QCOMPARE(stray.value(u"version_table"_s).toString(), u"alembic_version"_s);
    // Everything else is as without databases.
    with.remove(u"environments"_s);
    QCOMPARE(with, without);
}

void TestCliGraphEnvironments::dotHasNotes()
{
    const Run plain = cli({u"graph"_s, u"--format"_s, u"dot"_s});
    const Run graph = cli({u"graph"_s, u"--format"_s, u"dot"_s, u"--env"_s, u"dev"_s, u"--url"_s, m_strayUrl});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(graph.exitCode == 0, qPrintable(graph.err));
    QVERIFY(graph.out.contains(
        u"\"environment:dev\" [shape=note, style=filled, fillcolor=\"#2e7d32\", fontcolor=white, label=\"dev\"];"_s));
    QVERIFY(graph.out.contains(u"\"9ccc6cd9d6d2\" -> \"environment:dev\" [style=dotted"_s));
    QVERIFY(graph.out.contains(u"unknown row deadbeef0000"_s));
    // The lines without databases are all there, in the same order: the notes come last.
    QStringList lines = graph.out.split(u'\n');
    lines.removeIf([](const QString &line) { return line.contains(u"environment:"_s); });
    QCOMPARE(lines.join(u'\n'), plain.out);
}

void TestCliGraphEnvironments::unreadableDatabaseFails_data()
{
    QTest::addColumn<QStringList>("databases");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QStringList{u"--url"_s, u"sqlite:////nonexistent/dir/x.db"_s}
                                  << u"does not exist"_s;
    QTest::newRow("closed port") << QStringList{u"--env"_s, u"dev"_s, u"--url"_s,
                                                u"postgresql://retort:s3cr3t@127.0.0.1:1/db"_s}
                                 << u"Cannot connect to postgresql://retort:***@127.0.0.1:1/db"_s;
    QTest::newRow("unknown environment") << QStringList{u"--env"_s, u"dev"_s, u"--env"_s, u"qa"_s} << u"dev, staging"_s;
}

void TestCliGraphEnvironments::unreadableDatabaseFails()
{
    QFETCH(QStringList, databases);
    QFETCH(QString, expected);
    for (const QString &format : {u"svg"_s, u"png"_s, u"json"_s, u"dot"_s}) {
        const QString path = m_dir.filePath(u"unreadable."_s + format);
        const Run graph = cli(QStringList{u"graph"_s, u"--format"_s, format, u"-o"_s, path} + databases);
        QCOMPARE(graph.exitCode, 1);
        QVERIFY(graph.out.isEmpty());
        QVERIFY2(graph.err.startsWith(u"FAILED: "_s) && graph.err.contains(expected), qPrintable(graph.err));
        QVERIFY2(!graph.err.contains(u"s3cr3t"_s), qPrintable(graph.err));
        QVERIFY(!QFileInfo::exists(path));
    }
    QVERIFY(!QFileInfo::exists(u"/nonexistent/dir/x.db"_s));
}

void TestCliGraphEnvironments::repeatedEnvOnlyForGraph()
{
    const Run current = cli({u"current"_s, u"--env"_s, u"dev"_s, u"--env"_s, u"staging"_s});
    QCOMPARE(current.exitCode, 2);
    QVERIFY2(current.err.contains(u"Only graph takes --env more than once."_s), qPrintable(current.err));
    const Run help = cli({u"--help"_s});
    QVERIFY(help.out.contains(u"[--env NAME]... [--url URL]"_s));
}

QTEST_GUILESS_MAIN(TestCliGraphEnvironments)
#include "tst_cligraphenvironments.moc"
