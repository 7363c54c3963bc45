// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Loading benchmark (not a test): synthetic versions folders of 1k, 10k and 50k revisions, mostly
// linear with branches and merges, measured side by side in one run:
//  - `retort-cli heads` vs `python3 -m alembic heads` vs `cat versions/*.py > /dev/null` (10k);
//  - load + map time and peak memory per size (a child process reports its own high-water mark);
//  - identifier resolution, upgrade planning and get_all_current per size, to show they stay linear.
//  - `retort-cli current` vs `alembic current` on a SQLite database (5k);
// Usage: bench_loading [--sizes 1000,5000,10000,50000] [--runs N] [--quick]

#include "historygenerator.h"

#include "edits/filetransaction.h"
#include "edits/revisionremoval.h"
#include "history/migrationplanner.h"
#include "history/planpreview.h"
#include "project/project.h"
#include "project/revisionscript.h"
#include "project/scriptdirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// Wall time of a command, median of @p runs, in milliseconds; -1 when it failed.
/// Commands or calls that failed: a benchmark that measured a failure has not run.
int failedMeasurements = 0;

double timeCommand(const QString &program, const QStringList &args, const QString &workingDir, int runs,
                   QByteArray *output = nullptr)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setWorkingDirectory(workingDir);
        QElapsedTimer timer;
        timer.start();
        p.start(program, args);
        if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            out << "  ! " << program << ' ' << args.join(u' ') << " failed: " << p.readAllStandardError() << Qt::endl;
            ++failedMeasurements;
            return -1;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
        if (output)
            *output = p.readAllStandardOutput();
    }
    return median(times);
}

qint64 peakKilobytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// The child side of the memory measurement: load one folder and report.
int loadOnly(const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    Diagnostics diagnostics;
    const QStringList files = ScriptDirectory::revisionFiles(configForVersionsFolders({dir}), &diagnostics);
    const qint64 listed = timer.elapsed();
    const QList<RevisionScript> scripts = ScriptDirectory::readScripts(files);
    const qint64 read = timer.elapsed();
    const RevisionMap map = RevisionMap::build(scripts);
    const qint64 mapped = timer.elapsed();
    out << map.size() << ' ' << mapped << ' ' << peakKilobytes() << ' ' << listed << ' ' << read - listed << ' '
        << mapped - read << Qt::endl;
    return map.size() > 0 ? 0 : 1;
}

QString makeProject(const QString &root, int size)
{
    QString error;
    const QString dir = writeBenchmarkProject(root + u"/p"_s + QString::number(size), size, &error);
    if (dir.isEmpty())
        out << "cannot write " << root << ": " << error << Qt::endl;
    return dir;
}

template<typename F>
double timeIt(F &&f, int runs);

/// Re-parenting onto its parent a revision with @p children children: the plan (reads and edits
/// every child) and the all-or-nothing write, then the undo that puts the files back for the next run.
void timeReparent(int children, int runs)
{
    QTemporaryDir dir;
    const auto write = [&](const QString &id, const QString &down) {
        QFile file(dir.filePath(id + u"_revision.py"_s));
        if (!file.open(QIODevice::WriteOnly))
            return;
        file.write(uR"("""%1

Revision ID: %1
Revises: %2
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '%1'
down_revision = %3
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('t', sa.Column('%1', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('t', '%1')
)"_s.arg(id, down, down.isEmpty() ? u"None"_s : u'\'' + down + u'\'')
                       .toUtf8());
    };
    write(u"base"_s, {});
    write(u"middle"_s, u"base"_s);
    for (int i = 0; i < children; ++i)
        write(u"child%1"_s.arg(i, 4, 10, QChar(u'0')), u"middle"_s);
    const Project project = Project::load(configForVersionsFolders({dir.path()}));
    QList<double> plans;
    QList<double> writes;
    QList<double> undos;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const RemovalPlan plan = planRemoval(project, {u"middle"_s, RemovalMode::Reparent}, {});
        plans.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const Result<AppliedChanges> applied = FileTransaction::apply(plan.changes, dir.filePath(u".trash"_s));
        writes.append(double(timer.nsecsElapsed()) / 1e6);
        if (!plan.isPossible() || !applied || plan.changes.size() != children + 1) {
            out << "  ! re-parenting failed: " << plan.refusals.join(u' ') << (applied ? QString() : applied.error())
                << Qt::endl;
            return;
        }
        timer.restart();
        if (!FileTransaction::undo(applied.value())) {
            out << "  ! undo failed" << Qt::endl;
            return;
        }
        undos.append(double(timer.nsecsElapsed()) / 1e6);
    }
    out << "\n== re-parenting " << children << " children ==\n  plan " << QString::number(median(plans), 'f', 1)
        << " ms, write " << QString::number(median(writes), 'f', 1) << " ms (plan + write "
        << QString::number(median(plans) + median(writes), 'f', 1) << " ms), undo "
        << QString::number(median(undos), 'f', 1) << " ms" << Qt::endl;
}

/// What the upgrade preview computes before the window or retort-cli shows it, across a linear
/// history of @p size revisions whose bodies add, fill and drop columns: the plan from an empty
/// database to the head, and the warnings from every step's parsed body.
void timePreview(int size, int runs)
{
    QList<RevisionScript> scripts;
    for (int i = 0; i < size; ++i) {
        const QString id = u"r%1"_s.arg(i, 6, 10, QChar(u'0'));
        const QString down = i == 0 ? u"None"_s : u"'r%1'"_s.arg(i - 1, 6, 10, QChar(u'0'));
        const QString upgrade =
            i % 10 == 9 ? u"    op.execute('UPDATE t SET c%1 = 0')\n    op.drop_column('t', 'c%1')"_s.arg(i)
                        : u"    op.add_column('t', sa.Column('c%1', sa.Integer(), nullable=False))"_s.arg(i);
        const QString source =
            u"\"\"\"step %1\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '%1'\n"
            u"down_revision = %2\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n%3\n\n\n"
            u"def downgrade():\n    pass\n"_s.arg(id, down, upgrade);
        scripts.append(readRevisionScript(id + u".py"_s, source.toUtf8()));
    }
    const RevisionMap map = RevisionMap::build(scripts);
    const MigrationPlanner planner(map);
    const Result<MigrationPlan> plan = planner.upgrade(u"heads"_s, {});
    if (!plan || plan->steps.size() != size) {
        out << "  ! the linear history does not plan" << Qt::endl;
        return;
    }
    qsizetype warnings = 0;
    const double preview = timeIt(
        [&] {
            const PlanPreview shown = PlanPreview::ofRun(map, scripts, planner.upgrade(u"heads"_s, {}).value());
            warnings = 0;
            for (const PlanWarning &warning : shown.warnings)
                warnings += warning.details.size() + (warning.details.isEmpty() ? warning.revisions.size() : 0);
        },
        runs);
    out << "  preview upgrade from base: " << QString::number(preview, 'f', 2) << " ms (" << size
        << " linear steps, plan and " << warnings << " warning lines from the parsed bodies)" << Qt::endl;
}

template<typename F>
double timeIt(F &&f, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace

const char Usage[] =
    "Usage: bench_loading [--sizes N,N,...] [--runs N] [--quick] [--help]\n"
    "  Times synthetic versions folders of N revisions (default 1000,5000,10000,50000): load and map time\n"
    "  and peak memory, identifier resolution and planning, retort-cli heads/current beside alembic's, and\n"
    "  a 1,000-child re-parenting (plan, write, undo); medians of --runs (default 5).\n"
    "  bench_loading --generate DIR SIZE keeps such a project; --load-only PATH loads one once.\n";

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::fputs(Usage, stdout);
        return 0;
    }
    if (args.size() == 3 && args.at(1) == u"--load-only")
        return loadOnly(args.at(2));
    if (args.size() == 4 && args.at(1) == u"--generate") {
        // Keeps a synthetic project for profiling: bench_loading --generate DIR SIZE
        return makeProject(args.at(2), args.at(3).toInt()).isEmpty() ? 1 : 0;
    }

    QList<int> sizes = {1000, 5000, 10000, 50000};
    int runs = 5;
    bool quick = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--sizes" && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &s : args.at(++i).split(u','))
                sizes.append(s.toInt());
        } else if (args.at(i) == u"--runs" && i + 1 < args.size()) {
            runs = args.at(++i).toInt();
        } else if (args.at(i) == u"--quick") {
            quick = true;
        } else {
            std::fprintf(stderr, "bench_loading: unknown argument %s\n%s", qPrintable(args.at(i)), Usage);
            return 2;
        }
    }
    if (quick) {
        sizes = {300};
        runs = 1;
    }
    const QString cli = QStringLiteral(RETORT_CLI_PATH);
    const QString python = QStringLiteral(RETORT_TEST_PYTHON);
    QTemporaryDir root;
    out << "Retort loading benchmark, " << runs << " runs each (median), warm page cache\n";
    timeReparent(quick ? 50 : 1000, runs);
    int failures = 0;
    for (int size : std::as_const(sizes)) {
        if (size <= 0)
            continue; // --sizes 0: only the re-parenting figures
        const QString dir = makeProject(root.path(), size);
        if (dir.isEmpty())
            return 1;
        const QString versions = dir + u"/migrations/versions"_s;
        out << "\n== " << size << " revisions ==" << Qt::endl;

        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {u"--load-only"_s, versions});
        child.waitForFinished(600000);
        const QStringList figures = QString::fromUtf8(child.readAllStandardOutput()).simplified().split(u' ');
        if (child.exitCode() != 0 || figures.size() != 6) {
            out << "  ! load failed" << Qt::endl;
            ++failures;
            continue;
        }
        out << "  load + map (in process):   " << figures.at(1) << " ms, peak memory "
            << figures.at(2).toLongLong() / 1024 << " MB (list " << figures.at(3) << " ms, read+parse " << figures.at(4)
            << " ms, map " << figures.at(5) << " ms)" << Qt::endl;

        const double cat = timeCommand(
            u"/bin/sh"_s, {u"-c"_s, u"find migrations/versions -name '*.py' -print0 | xargs -0 cat > /dev/null"_s}, dir,
            runs);
        const double retort = timeCommand(cli, {u"-c"_s, dir + u"/alembic.ini"_s, u"heads"_s}, dir, runs);
        out << "  cat of every file:         " << QString::number(cat, 'f', 1) << " ms" << Qt::endl;
        out << "  retort-cli heads:          " << QString::number(retort, 'f', 1) << " ms ("
            << QString::number(retort / cat, 'f', 2) << "x the I/O floor)" << Qt::endl;
        if (size == 10000 || quick) {
            const double alembic =
                timeCommand(python, {u"-m"_s, u"alembic"_s, u"-c"_s, dir + u"/alembic.ini"_s, u"heads"_s}, dir,
                            quick ? 1 : std::min(runs, 3));
            if (alembic > 0) {
                out << "  python3 -m alembic heads:  " << QString::number(alembic, 'f', 1) << " ms (retort is "
                    << QString::number(alembic / retort, 'f', 1) << "x faster)" << Qt::endl;
            }
        }

        if (size == 5000 || quick) {
            // `current` against a real SQLite database: alembic walks its map once per row.
            QFile env(dir + u"/migrations/env.py"_s);
            QFile ini(dir + u"/alembic.ini"_s);
            if (env.open(QIODevice::WriteOnly) && ini.open(QIODevice::Append)) {
                env.write("from alembic import context\nfrom sqlalchemy import create_engine\n"
                          "engine = create_engine(context.config.get_main_option('sqlalchemy.url'))\n"
                          "with engine.connect() as connection:\n"
                          "    context.configure(connection=connection)\n"
                          "    with context.begin_transaction():\n"
                          "        context.run_migrations()\n");
                ini.write("sqlalchemy.url = sqlite:///%(here)s/bench.db\n");
                env.close();
                ini.close();
                const QString config = dir + u"/alembic.ini"_s;
                timeCommand(cli, {u"-c"_s, config, u"stamp"_s, u"heads"_s}, dir, 1);
                const double ours = timeCommand(cli, {u"-c"_s, config, u"current"_s}, dir, runs);
                const double theirs = timeCommand(python, {u"-m"_s, u"alembic"_s, u"-c"_s, config, u"current"_s}, dir,
                                                  quick ? 1 : std::min(runs, 3));
                out << "  retort-cli current:        " << QString::number(ours, 'f', 1) << " ms" << Qt::endl;
                if (theirs > 0) {
                    out << "  python3 -m alembic current: " << QString::number(theirs, 'f', 1) << " ms (retort is "
                        << QString::number(theirs / ours, 'f', 1) << "x faster)" << Qt::endl;
                }
            }
        }

        timePreview(size, runs); // a linear history of its own: it does not depend on the one generated
        const Project project = Project::load(configForVersionsFolders({versions}));
        const RevisionMap &map = project.map();
        const QString someId = map.revision(map.size() / 2).id;
        const MigrationPlanner planner(map);
        const QStringList rows = map.ids({map.size() / 3});
        // What is timed below must work, or its time means nothing.
        if (map.size() < size || !map.resolveRevisions(someId.left(10)) || !map.resolveRevisions(u"heads"_s) ||
            !planner.upgrade(u"heads"_s, rows) || !map.history()) {
            out << "  ! the generated history does not load, resolve, plan or list" << Qt::endl;
            ++failures;
            continue;
        }
        const double resolve = timeIt([&] { (void)map.resolveRevisions(someId.left(10)); }, runs);
        const double resolveHeadLabel = timeIt([&] { (void)map.resolveRevisions(u"heads"_s); }, runs);
        const double plan = timeIt([&] { (void)planner.upgrade(u"heads"_s, rows); }, runs);
        const double current = timeIt([&] { (void)map.allCurrent(map.ids(map.realHeads())); }, runs);
        const double history = timeIt([&] { (void)map.history(); }, runs);
        out << "  resolve partial id:        " << QString::number(resolve, 'f', 2) << " ms" << Qt::endl;
        out << "  resolve 'heads':           " << QString::number(resolveHeadLabel, 'f', 2) << " ms" << Qt::endl;
        out << "  plan upgrade heads:        " << QString::number(plan, 'f', 2) << " ms ("
            << map.ids(map.realHeads()).size() << " heads)" << Qt::endl;
        out << "  current (get_all_current): " << QString::number(current, 'f', 2) << " ms" << Qt::endl;
        out << "  history (whole):           " << QString::number(history, 'f', 2) << " ms" << Qt::endl;
    }
    return failures == 0 && failedMeasurements == 0 ? 0 : 1;
}
