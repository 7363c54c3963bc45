// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Schema replay benchmark (not a test): synthetic histories whose revisions are written the way
// autogenerate writes them (create_table with columns, keys, a foreign key and an index; add_column,
// alter_column, create_index, batch blocks), mostly linear with a branch and merge every 100.
//  - replay: the expected schema at the head of 10,000 revisions (target < 1 s);
//  - match: every revision's schema ranked against a live one, 1,000 revisions (target < 2 s).
// Usage: bench_schemareplay [--replay 10000] [--match 1000] [--runs N] [--quick] [--help]

#include "history/revisionmap.h"
#include "project/revisionscript.h"
#include "schema/expectedschemas.h"
#include "schema/schemamatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString body(int n)
{
    const QString table = u"t%1"_s.arg(n / 10);
    switch (n % 10) {
    case 0:
        return uR"(    op.create_table('%1',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=False),
        sa.Column('parent_id', sa.Integer(), nullable=True),
        sa.Column('created', sa.DateTime(), server_default=sa.text('now()'), nullable=True),
        sa.ForeignKeyConstraint(['parent_id'], ['%1.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name')
    )
    op.create_index(op.f('ix_%1_created'), '%1', ['created'], unique=False))"_s.arg(table);
    case 3:
        return uR"(    with op.batch_alter_table('%1', schema=None) as batch_op:
        batch_op.alter_column('name', existing_type=sa.String(length=50), type_=sa.String(length=80))
        batch_op.add_column(sa.Column('c%2', sa.Numeric(precision=10, scale=2), nullable=True)))"_s.arg(table)
            .arg(n);
    case 6:
        return u"    op.create_index('ix_%1_parent', '%1', ['parent_id'], unique=False)"_s.arg(table);
    default:
        return u"    op.add_column('%1', sa.Column('c%2', sa.Integer(), nullable=True))"_s.arg(table).arg(n);
    }
}

/// A history of @p size revisions: linear, except that every 100th revision starts a side branch
/// next to the main line, merged back two revisions later.
QList<RevisionScript> history(int size)
{
    QList<RevisionScript> scripts;
    scripts.reserve(size);
    QString previous = u"None"_s;
    QString side;
    for (int n = 0; n < size; ++n) {
        const QString id = u"r%1"_s.arg(n, 6, 10, QLatin1Char('0'));
        QString down = previous;
        QString upgrade = body(n);
        if (!side.isEmpty() && n % 100 == 52) {
            down = u"(%1, '%2')"_s.arg(previous, side);
            side.clear();
        } else if (n % 100 == 50 && n > 0) {
            side = id; // branches off the same parent as the next revision
        }
        const QString text =
            u"revision = '%1'\ndown_revision = %2\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"
            "def upgrade():\n%3\n\n\ndef downgrade():\n    pass\n"_s.arg(id, down, upgrade);
        scripts.append(readRevisionScript(id + u".py"_s, text.toUtf8()));
        if (side != id)
            previous = u"'%1'"_s.arg(id);
    }
    return scripts;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << "Usage: bench_schemareplay [--replay N] [--match N] [--runs N] [--quick]\n"
               "Times the expected schema at the head of N revisions (default 10000) and the ranking of\n"
               "every revision's schema against a live one (default 1000); medians of --runs (default 5).\n";
        return 0;
    }
    const auto option = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const bool quick = args.contains(u"--quick"_s);
    const int replaySize = quick ? 200 : option(u"--replay"_s, 10000);
    const int matchSize = quick ? 100 : option(u"--match"_s, 1000);
    const int runs = quick ? 1 : option(u"--runs"_s, 5);
    const SqlDialect dialect(SqlDialect::Kind::PostgreSQL);

    {
        const QList<RevisionScript> scripts = history(replaySize);
        const RevisionMap map = RevisionMap::build(scripts);
        const QString head = map.revision(map.heads().first()).id;
        QList<double> times;
        int tables = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Result<SchemaReplay> replay = ExpectedSchemas(map, scripts, dialect).at({head});
            times.append(double(timer.nsecsElapsed()) / 1e6);
            if (!replay) {
                out << "replay failed: " << replay.error() << Qt::endl;
                return 1;
            }
            tables = int(replay->schema().tables.size());
        }
        out << "replay to head of " << replaySize << " revisions (" << tables << " tables): median "
            << QString::number(median(times), 'f', 1) << " ms (target < 1000 ms)" << Qt::endl;
    }
    {
        const QList<RevisionScript> scripts = history(matchSize);
        const RevisionMap map = RevisionMap::build(scripts);
        const Result<SchemaReplay> live =
            ExpectedSchemas(map, scripts, dialect).at({map.revision(map.size() * 2 / 3).id});
        QList<double> times;
        QString best;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const QList<SchemaMatch> matches = rankRevisions(live->schema(), map, scripts);
            times.append(double(timer.nsecsElapsed()) / 1e6);
            best =
                matches.isEmpty() || matches.first().revision < 0 ? u"-"_s : map.revision(matches.first().revision).id;
        }
        out << "match over " << matchSize << " revisions (best " << best << "): median "
            << QString::number(median(times), 'f', 1) << " ms (target < 2000 ms)" << Qt::endl;
    }
    return 0;
}
