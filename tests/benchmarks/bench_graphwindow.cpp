// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Graph window benchmark (not a test), one child process per history size so peak memory is its own:
//  - time from creating the main window and opening the project to the first painted graph;
//  - the longest the GUI thread went without turning its event loop meanwhile (a 2 ms timer's gaps);
//  - paint time per frame of the graph while panning, at fit-to-window, 0.5× and natural size;
//  - peak memory.
// Usage: bench_graphwindow [--sizes 500,2000,10000] [--runs N] [--quick] [--project DIR] [--no-collapse]
// [--view-only]; run offscreen or under Xvfb. --project measures an existing project (e.g. one from
// many_heads.py) instead of generated ones; --no-collapse gives every revision its own card, as View ▸
// Collapse Runs off does; --view-only measures the graph view on its own, from a project already
// read (so the stalls are the view's, not the main window's).

#include "historygenerator.h"
#include "mainwindow.h"
#include "revisiongraphview.h"
#include "revisionnodeitem.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// Notes the first paint of the graph after its layout finished.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(RevisionGraphView *graph)
        : m_graph(graph)
    {
        graph->viewport()->installEventFilter(this);
        // The last cards built may all lie outside the view and need no paint: ask for one.
        connect(graph, &RevisionGraphView::layoutFinished, this, [this] {
            m_laidOut = true;
            m_graph->viewport()->update();
        });
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The paint goes on; the clock stops when the event loop hands control back.
        if (event->type() == QEvent::Paint && m_laidOut)
            m_painted = true;
        return QObject::eventFilter(watched, event);
    }
    bool painted() const { return m_painted; }

private:
    RevisionGraphView *m_graph;
    bool m_laidOut = false;
    bool m_painted = false;
};

/// The longest time between two turns of the event loop while it runs.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] { m_longest = std::max(m_longest, m_clock.restart()); });
        m_clock.start();
        m_timer.start();
    }
    qint64 longest() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

/// The revision cards in @p view's scene (not the ghost cards of unknown version rows).
qsizetype cardsInScene(const RevisionGraphView *view)
{
    qsizetype cards = 0;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *card = dynamic_cast<RevisionNodeItem *>(item); card && !view->unknownRowCards().contains(card))
            ++cards;
    }
    return cards;
}

long peakKilobytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

struct Options
{
    bool collapse = true;
    bool viewOnly = false;
};

/// One size, in this process: prints "firstPaintMs stallMs cards fitMs halfMs naturalMs peakKB".
int measureOne(const QString &project, int runs, const Options &options)
{
    QList<double> firstPaint, stalls;
    int cards = 0;
    QList<double> frames[3];
    Project opened;
    if (options.viewOnly) {
        Result<Project> read = Project::open(QDir(project).filePath(u"alembic.ini"_s));
        if (!read) {
            err << read.error() << Qt::endl;
            return 1;
        }
        opened = read.value();
    }
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        StallMeter stall;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<RevisionGraphView> alone;
        RevisionGraphView *graph = nullptr;
        if (options.viewOnly) {
            alone = std::make_unique<RevisionGraphView>();
            graph = alone.get();
        } else {
            window = std::make_unique<MainWindow>();
            graph = window->graphView();
        }
        QWidget *shown = window ? static_cast<QWidget *>(window.get()) : alone.get();
        shown->resize(1400, 900);
        shown->show();
        FirstPaint paint(graph);
        if (!options.collapse)
            graph->setCollapseRuns(false);
        if (window)
            window->openProject(project);
        else
            graph->setProject(opened);
        while (!paint.painted() && clock.elapsed() < 120000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (!paint.painted())
            return 1;
        // A graph that failed to draw paints quickly too: it must show every revision, every card
        // of its layout in the scene.
        const RevisionGraphView *view = graph;
        if (!view->layoutError().isEmpty() || view->nodeCount() == 0 ||
            view->node(view->picture().graph.nodeOfRevision.size() - 1) == nullptr) {
            err << "the graph was not drawn: " << view->layoutError() << Qt::endl;
            return 1;
        }
        if (view->nodeCount() != view->picture().cards.size() || cardsInScene(view) != view->picture().cards.size()) {
            err << "the graph is incomplete: " << cardsInScene(view) << " of " << view->picture().cards.size()
                << " cards" << Qt::endl;
            return 1;
        }
        firstPaint.append(double(clock.nsecsElapsed()) / 1e6);
        stalls.append(double(stall.longest()));
        cards = graph->nodeCount();
        if (run + 1 < runs)
            continue;
        // Paint time per frame while panning, at three zoom levels.
        const qreal scales[3] = {-1, 0.5, 1.0};
        for (int z = 0; z < 3; ++z) {
            if (scales[z] < 0)
                graph->fitAll();
            else
                graph->setTransform(QTransform::fromScale(scales[z], scales[z]));
            graph->showHeads();
            for (int frame = 0; frame < 30; ++frame) {
                graph->verticalScrollBar()->setValue(graph->verticalScrollBar()->value() + 40);
                QElapsedTimer timer;
                timer.start();
                graph->viewport()->repaint();
                frames[z].append(double(timer.nsecsElapsed()) / 1e6);
            }
        }
    }
    out << median(firstPaint) << ' ' << median(stalls) << ' ' << cards << ' ' << median(frames[0]) << ' '
        << median(frames[1]) << ' ' << median(frames[2]) << ' ' << peakKilobytes() << Qt::endl;
    return 0;
}

} // namespace

const char Usage[] =
    "Usage: bench_graphwindow [--sizes N,N,...] [--runs N] [--project PATH] [--no-collapse] [--view-only]\n"
    "                         [--quick] [--help]\n"
    "  Opens synthetic histories of N revisions (default 500,2000,10000; or PATH) in the window, each in a\n"
    "  fresh process, and times the first paint, the longest stall and frames while zooming and panning;\n"
    "  medians of --runs (default 3). Runs offscreen unless QT_QPA_PLATFORM says otherwise.\n";

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(Usage, stdout); // before QApplication: no display needed
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationDomain(u"bench.retort.github.io"_s);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == u"--one")
        return measureOne(args.at(2), args.at(3).toInt(),
                          {!args.contains(u"--no-collapse"_s), args.contains(u"--view-only"_s)});

    QList<int> sizes = {500, 2000, 10000};
    QString existing;
    int runs = 3;
    Options options;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--sizes" && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &s : args.at(++i).split(u','))
                sizes.append(s.toInt());
        } else if (args.at(i) == u"--runs" && i + 1 < args.size()) {
            runs = args.at(++i).toInt();
        } else if (args.at(i) == u"--project" && i + 1 < args.size()) {
            existing = args.at(++i);
        } else if (args.at(i) == u"--no-collapse") {
            options.collapse = false;
        } else if (args.at(i) == u"--view-only") {
            options.viewOnly = true;
        } else if (args.at(i) == u"--quick") {
            sizes = {300};
            runs = 1;
        } else {
            std::fprintf(stderr, "bench_graphwindow: unknown argument %s\n%s", qPrintable(args.at(i)), Usage);
            return 2;
        }
    }
    QTemporaryDir root;
    out << "Retort graph window benchmark, median of " << runs << " runs, " << QApplication::platformName()
        << " platform\n"
        << "revisions | cards | first painted graph | longest GUI stall | frame: fit / 0.5x / 1x | peak memory\n";
    int failures = 0;
    if (!existing.isEmpty())
        sizes = {0};
    for (int size : std::as_const(sizes)) {
        QString error;
        const QString project =
            !existing.isEmpty() ? existing
                                : writeBenchmarkProject(root.filePath(u"p"_s + QString::number(size)), size, &error);
        if (project.isEmpty()) {
            out << "cannot write the project: " << error << Qt::endl;
            return 1;
        }
        const QString label = existing.isEmpty() ? QString::number(size) : existing;
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList childArgs{u"--one"_s, project, QString::number(runs)};
        if (!options.collapse)
            childArgs.append(u"--no-collapse"_s);
        if (options.viewOnly)
            childArgs.append(u"--view-only"_s);
        child.start(QCoreApplication::applicationFilePath(), childArgs);
        child.waitForFinished(600000);
        const QStringList f = QString::fromUtf8(child.readAllStandardOutput()).simplified().split(u' ');
        if (child.exitCode() != 0 || f.size() != 7) {
            out << label << ": failed (" << child.exitCode() << ")" << Qt::endl;
            ++failures;
            continue;
        }
        out << label << " | " << f[2] << " | " << f[0] << " ms | " << f[1] << " ms | " << f[3] << " / " << f[4] << " / "
            << f[5] << " ms | " << f[6].toLong() / 1024 << " MB" << Qt::endl;
    }
    return failures == 0 ? 0 : 1;
}
