// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// File ▸ Export Graph's "Show where each database stands", offscreen on real SQLite files: on, the
// picture carries the pins the window shows (≠ included) on the same cards; off, it has none; the
// choice is remembered; with no database read it is disabled and says why.

#include "database/databaseconnection.h"
#include "database/environmentsession.h"
#include "graphexportdialog.h"
#include "guitestsupport.h"
#include "history/revisionlistmodel.h"
#include "revisionnodeitem.h"
#include "versionrows.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

class TestGraphExportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void optionDrawsThePins();
    void disabledWithoutDatabases();

private:
    QString makeProject();
    /// Runs the dialog for @p window's graph; @p answer sees it, then it is accepted with @p path
    /// (or cancelled when @p path is empty). Returns what ask() returned.
    QString runDialog(QWidget *parent, const RevisionGraphView &graph, const Project &project,
                      const QString &projectPath, const QString &path,
                      const std::function<void(QFileDialog *, QCheckBox *)> &answer);
    /// The ids of the cards pins labelled @p label stand on (a card draws its flags, then its id).
    static QStringList pinnedCards(const QString &svg, const QString &label, const RevisionMap &map);
    QTemporaryDir m_dir;
};

void TestGraphExportDialog::initTestCase()
{
    isolateGuiSettings();
    QVERIFY(m_dir.isValid());
    QFile::remove(QSettings(QSettings::IniFormat, QSettings::UserScope, u"retort"_s, u"environments"_s).fileName());
    QSettings().remove(u"export/showEnvironments"_s);
}

QString TestGraphExportDialog::makeProject()
{
    const QString root = m_dir.filePath(u"project"_s);
    QDir().mkpath(root + u"/migrations/versions"_s);
    const QDir sample(sampleProjectPath() + u"/migrations/versions"_s);
    for (const QString &file : sample.entryList({u"*.py"_s}, QDir::Files))
        QFile::copy(sample.filePath(file), root + u"/migrations/versions/"_s + file);
    QFile::copy(sampleProjectPath() + u"/migrations/env.py"_s, root + u"/migrations/env.py"_s);
    QFile ini(root + u"/alembic.ini"_s);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/db.sqlite\n");
    ini.close();
    if (!writeVersionRows(u"sqlite:///"_s + root + u"/db.sqlite"_s, {u"9ccc6cd9d6d2"_s}))
        return {};
    return root;
}

QString TestGraphExportDialog::runDialog(QWidget *parent, const RevisionGraphView &graph, const Project &project,
                                         const QString &projectPath, const QString &path,
                                         const std::function<void(QFileDialog *, QCheckBox *)> &answer)
{
    bool answered = false;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (answered || !dialog || dialog->objectName() != u"graphExportDialog"_s)
            return;
        answered = true;
        answer(dialog, dialog->findChild<QCheckBox *>(u"showEnvironmentsCheck"_s));
        if (path.isEmpty()) {
            dialog->reject();
        } else {
            // selectFile() leaves the name field alone while it has the focus: type the name instead.
            auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
            QVERIFY(name);
            name->setText(path);
            static_cast<QDialog *>(dialog)->accept();
        }
    });
    timer.start(50);
    const QString written = GraphExportDialog::ask(parent, graph, project, projectPath);
    if (!answered)
        return u"(the dialog was not shown)"_s;
    return written;
}

QStringList TestGraphExportDialog::pinnedCards(const QString &svg, const QString &label, const RevisionMap &map)
{
    static const QRegularExpression text(u"<text[^>]*>([^<]*)</text>"_s);
    QStringList texts;
    for (auto it = text.globalMatch(svg); it.hasNext();)
        texts.append(it.next().captured(1).trimmed());
    QStringList cards;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (texts.at(i) != label)
            continue;
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            if (map.indexOf(texts.at(j)) >= 0) {
                cards.append(texts.at(j));
                break;
            }
        }
    }
    cards.sort();
    return cards;
}

void TestGraphExportDialog::optionDrawsThePins()
{
    const QString root = makeProject();
    QVERIFY(!root.isEmpty());
    const QString staging = m_dir.filePath(u"staging.sqlite"_s);
    QVERIFY(writeVersionRows(u"sqlite:///"_s + staging, {u"1946af4d94f2"_s, u"b913b844acd8"_s}));
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    EnvironmentSession *session = window.environmentSession();
    Environment environment;
    environment.name = u"staging"_s;
    environment.url = u"sqlite:///"_s + staging;
    QVERIFY(session->save(environment));
    QTRY_VERIFY(session->status(1));
    // The window marks staging's schema as drifted (its tables are missing); the export does too.
    QTRY_VERIFY(session->drift(1));
    QTRY_VERIFY(session->drift(0));
    const RevisionMap &map = window.revisionModel()->project().map();
    RevisionGraphView *graph = window.graphView();
    QTRY_COMPARE(graph->node(map.indexOf(u"1946af4d94f2"_s))->pins().size(), 1);
    const QString label = graph->node(map.indexOf(u"1946af4d94f2"_s))->pins().first().label();
    QCOMPARE(label, u"staging \u2260"_s);
    const Project &project = window.revisionModel()->project();

    // On: the window's pins on the same cards, and the legend.
    const QString on = m_dir.filePath(u"on.svg"_s);
    QString tooltip;
    const QString written =
        runDialog(&window, *graph, project, window.projectPath(), on, [&](QFileDialog *, QCheckBox *check) {
            QVERIFY(check);
            QVERIFY(check->isEnabled());
            QVERIFY(!check->isChecked()); // off by default
            tooltip = check->toolTip();
            check->setChecked(true);
        });
    QCOMPARE(written, on);
    QVERIFY(!tooltip.isEmpty());
    QFile onFile(on);
    QVERIFY(onFile.open(QIODevice::ReadOnly));
    const QString onSvg = QString::fromUtf8(onFile.readAll());
    QCOMPARE(pinnedCards(onSvg, label, map), (QStringList{u"1946af4d94f2"_s, u"b913b844acd8"_s}));
    const QString configLabel = graph->node(map.indexOf(u"9ccc6cd9d6d2"_s))->pins().first().label();
    QCOMPARE(pinnedCards(onSvg, configLabel, map), QStringList{u"9ccc6cd9d6d2"_s});
    // The colours are the window's.
    QVERIFY(onSvg.contains(session->color(1)));
    QVERIFY(onSvg.contains(u"pending"_s)); // the legend's line, in the database bar's words

    // Remembered: the next export starts checked. Off: no pin at all.
    const QString off = m_dir.filePath(u"off.svg"_s);
    QCOMPARE(runDialog(&window, *graph, project, window.projectPath(), off,
                       [&](QFileDialog *, QCheckBox *check) {
                           QVERIFY(check && check->isChecked());
                           check->setChecked(false);
                       }),
             off);
    QFile offFile(off);
    QVERIFY(offFile.open(QIODevice::ReadOnly));
    const QString offSvg = QString::fromUtf8(offFile.readAll());
    QVERIFY(offSvg.contains(u"1946af4d94f2"_s));
    QVERIFY(!offSvg.contains(u"staging"_s));
    QVERIFY(!offSvg.contains(u"pending"_s));
    QCOMPARE(QSettings().value(u"export/showEnvironments"_s).toBool(), false);

    // DOT: a note per environment when asked for.
    const QString dot = m_dir.filePath(u"on.dot"_s);
    QString error;
    GraphExportDialog::Options options;
    options.showEnvironments = true;
    QVERIFY2(GraphExportDialog::exportTo(*graph, project, dot, options, &error), qPrintable(error));
    QFile dotFile(dot);
    QVERIFY(dotFile.open(QIODevice::ReadOnly));
    const QByteArray dotText = dotFile.readAll();
    QVERIFY(dotText.contains("\"environment:staging\""));
    QVERIFY(dotText.contains("\"1946af4d94f2\" -> \"environment:staging\""));
}

void TestGraphExportDialog::disabledWithoutDatabases()
{
    // The sample copy's database was never created: nothing is read, so nothing can be shown.
    const QString root = m_dir.filePath(u"nodatabase"_s);
    QDir().mkpath(root + u"/migrations/versions"_s);
    const QDir sample(sampleProjectPath() + u"/migrations/versions"_s);
    for (const QString &file : sample.entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(sample.filePath(file), root + u"/migrations/versions/"_s + file));
    QFile ini(root + u"/alembic.ini"_s);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[alembic]\nscript_location = %(here)s/migrations\n");
    ini.close();
    QSettings().setValue(u"export/showEnvironments"_s, true);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, root));
    RevisionGraphView *graph = window.graphView();
    QVERIFY(!GraphExportDialog::environmentsUnavailable(*graph).isEmpty());
    const QString path = m_dir.filePath(u"nodatabase.svg"_s);
    QString tooltip;
    QCOMPARE(runDialog(&window, *graph, window.revisionModel()->project(), window.projectPath(), path,
                       [&](QFileDialog *, QCheckBox *check) {
                           QVERIFY(check);
                           QVERIFY(!check->isEnabled());
                           QVERIFY(!check->isChecked());
                           tooltip = check->toolTip();
                       }),
             path);
    QVERIFY2(tooltip.contains(u"No database has been read"_s), qPrintable(tooltip));
    QVERIFY(QFile::exists(path));
    // The remembered choice stays for when a database is read again.
    QCOMPARE(QSettings().value(u"export/showEnvironments"_s).toBool(), true);
    QSettings().remove(u"export/showEnvironments"_s);
}

QTEST_MAIN(TestGraphExportDialog)
#include "tst_graphexportdialog.moc"
