// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "clicommands.h"
#include "cliarguments.h"
#include "databasecommands.h"
#include "deletecommand.h"
#include "migratecommands.h"
#include "schemacommands.h"

#include "cliformats/stablejson.h"
#include "database/databaseconnection.h"
#include "database/databaseurl.h"
#include "database/environment.h"
#include "database/environmentsession.h"
#include "database/urlmasking.h"
#include "databasetarget.h"
#include "drawing/environmentpins.h"
#include "drawing/graphexporter.h"
#include "drawing/graphpainter.h"
#include "graph/graphexport.h"
#include "graph/graphpicture.h"
#include "history/checks.h"
#include "history/migrationplanner.h"
#include "history/revisionformatter.h"
#include "printabletext.h"
#include "project/project.h"
#include "python/pythonenvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QTextStream>

#include <retort-config.h>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RetortCli)
};

enum ExitCode
{
    Success = 0,
    Failure = 1,
    Usage = 2
};

class Cli
{
public:
    Cli(const CliArguments &args, QTextStream &out, QTextStream &err)
        : m_args(args)
        , m_out(out)
        , m_err(err)
    {}

    int run();

private:
    bool openProject();
    LoadOptions loadOptions(const QString &projectPath) const;
    int fail(const QString &message)
    {
        m_err << "FAILED: " << printableText(message) << Qt::endl;
        return Failure;
    }
    int finish();
    void printJson(const QJsonObject &object) { m_out << StableJson::toText(object); }

    int heads();
    int history();
    int branches();
    int show();
    int plan();
    int graph();
    /// The databases `graph` shows (--env, repeatable, then --url or --url-env), read; nothing when one
    /// cannot be (after saying why).
    std::optional<QList<GraphExport::EnvironmentRows>> graphEnvironments();
    int check();
    int current() { return DatabaseCommands::current(m_args, m_project, m_out, m_err); }
    int schema() { return SchemaCommands::schema(m_args, m_project, m_out, m_err); }
    int diff() { return SchemaCommands::diff(m_args, m_project, m_out, m_err); }
    int match() { return SchemaCommands::match(m_args, m_project, m_out, m_err); }
    int changes() { return SchemaCommands::changes(m_args, m_project, m_out, m_err); }
    int status() { return DatabaseCommands::status(m_args, m_project, m_out, m_err); }
    int stamp() { return DatabaseCommands::stamp(m_args, m_project, m_out, m_err); }
    int upgrade() { return MigrateCommands::upgrade(m_args, m_project, m_out, m_err); }
    int downgrade() { return MigrateCommands::downgrade(m_args, m_project, m_out, m_err); }
    int deleteRevision() { return DeleteCommand::run(m_args, m_project, m_out, m_err); }

    const CliArguments &m_args;
    QTextStream &m_out;
    QTextStream &m_err;
    Project m_project;
};

QString describe(const Diagnostic &d)
{
    QString where = d.file;
    if (d.line > 0)
        where += u':' + QString::number(d.line);
    return printableText((d.isError() ? u"error: "_s : u"warning: "_s) +
                         (where.isEmpty() ? QString() : where + u": "_s) + d.message);
}

bool Cli::openProject()
{
    if (!m_args.versionDirs.isEmpty()) {
        QStringList dirs;
        for (const QString &dir : m_args.versionDirs) {
            if (!QFileInfo(dir).isDir()) {
                fail(Tr::tr("No such versions folder: '%1'.").arg(dir));
                return false;
            }
            dirs.append(QDir(dir).absolutePath());
        }
        m_project = Project::load(configForVersionsFolders(dirs), loadOptions(dirs.first()));
        return true;
    }
    QString path = m_args.config;
    if (path.isEmpty())
        path = qEnvironmentVariable("ALEMBIC_CONFIG");
    if (path.isEmpty())
        path = QDir::currentPath();
    Result<Project> project = Project::open(path, m_args.section, loadOptions(path));
    if (!project) {
        fail(project.error());
        return false;
    }
    m_project = project.value();
    return true;
}

LoadOptions Cli::loadOptions(const QString &projectPath) const
{
    LoadOptions options;
    if (m_args.evaluate)
        options.evaluateWith =
            m_args.python.isEmpty() ? PythonEnvironment::findInterpreter(projectPath) : m_args.python;
    return options;
}

// Listing commands still answer on a project with errors, but say so and exit non-zero.
int Cli::finish()
{
    m_out.flush();
    bool errors = false;
    for (const Diagnostic &d : m_project.diagnostics()) {
        // Unknown header values change answers, so they are said even though they are warnings.
        if (d.isError() || d.code == u"unresolved-header" || d.code == u"python-evaluation") {
            m_err << describe(d) << Qt::endl;
            errors = errors || d.isError();
        }
    }
    return errors ? Failure : Success;
}

int Cli::heads()
{
    const RevisionMap &map = m_project.map();
    const QList<int> heads = m_args.resolveDependencies ? map.realHeads() : map.heads();
    if (m_args.json) {
        printJson(StableJson::heads(m_project, heads));
        return finish();
    }
    RevisionFormatter::LineOptions options;
    options.includeBranches = true;
    options.treeIndicators = false;
    for (int h : heads)
        m_out << RevisionFormatter::commandFormat(m_project, h, m_args.verbose, options) << '\n';
    return finish();
}

int Cli::history()
{
    QString base;
    QString head;
    if (!m_args.revRange.isNull()) {
        const QStringList parts = m_args.revRange.trimmed().split(u':');
        if (parts.size() == 1)
            return fail(u"History range requires [start]:[end], [start]:, or :[end]"_s);
        if (parts.size() > 2)
            return fail(Tr::tr("A history range has one colon: [start]:[end]."));
        base = parts.at(0);
        head = parts.at(1);
        if (base == u"current" || head == u"current")
            return fail(Tr::tr("'current' needs a database connection, which retort-cli history does not take yet."));
    }
    const Result<QList<int>> revisions = m_project.map().history(base, head);
    if (!revisions)
        return fail(revisions.error());
    if (m_args.json) {
        printJson(StableJson::history(m_project, *revisions));
        return finish();
    }
    RevisionFormatter::LineOptions options;
    options.includeBranches = true;
    options.includeDoc = true;
    options.includeParents = true;
    for (int r : *revisions)
        m_out << RevisionFormatter::commandFormat(m_project, r, m_args.verbose, options) << '\n';
    return finish();
}

int Cli::branches()
{
    const RevisionMap &map = m_project.map();
    const Result<QList<int>> revisions = map.history();
    if (!revisions)
        return fail(revisions.error());
    QList<int> points;
    RevisionFormatter::LineOptions pointOptions;
    pointOptions.includeBranches = true;
    RevisionFormatter::LineOptions childOptions;
    childOptions.includeBranches = true;
    childOptions.includeDoc = m_args.verbose;
    for (int r : *revisions) {
        const Revision &rev = map.revision(r);
        if (!rev.isBranchPoint())
            continue;
        if (m_args.json) {
            points.append(r);
            continue;
        }
        QStringList children;
        for (int child : rev.nextRevisions) {
            children.append(QString(rev.id.size(), u' ') + u" -> "_s +
                            RevisionFormatter::line(m_project, child, childOptions));
        }
        m_out << RevisionFormatter::commandFormat(m_project, r, m_args.verbose, pointOptions) << '\n'
              << children.join(u'\n') << "\n\n";
    }
    if (m_args.json)
        printJson(StableJson::branchPoints(m_project, points));
    return finish();
}

int Cli::show()
{
    if (m_args.positional.size() != 1)
        return fail(Tr::tr("show takes one revision identifier."));
    if (m_args.positional.first() == u"current")
        return fail(Tr::tr("'current' needs a database connection, which retort-cli show does not take yet."));
    const Result<QList<int>> revisions = m_project.map().resolveRevisions(m_args.positional.first());
    if (!revisions)
        return fail(revisions.error());
    if (m_args.json) {
        printJson(StableJson::show(m_project, *revisions));
        return finish();
    }
    for (int r : *revisions) {
        if (r < 0)
            continue;
        m_out << RevisionFormatter::logEntry(m_project, r) << '\n';
        if (const RevisionScript *script = m_project.script(r); m_args.verbose && script)
            m_out << RevisionFormatter::computedHeaders(*script);
    }
    return finish();
}

int Cli::plan()
{
    if (m_args.positional.size() < 2)
        return fail(
            Tr::tr("plan needs an action and a target: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]"));
    const QString action = m_args.positional.first();
    const QStringList targets = m_args.positional.mid(1);
    QStringList rows = m_args.from.split(u',', Qt::SkipEmptyParts);
    for (QString &row : rows)
        row = row.trimmed();
    rows.removeAll(u"base"_s); // `--from base`: an empty version table, not a row named "base"
    MigrationPlanner planner(m_project.map());
    planner.setRecordRowsAfterEachStep(m_args.json); // the JSON shows them
    Result<MigrationPlan> plan = Result<MigrationPlan>::failure(QString());
    if (action == u"upgrade" || action == u"downgrade") {
        if (targets.size() != 1)
            return fail(Tr::tr("%1 takes exactly one target.").arg(action));
        plan = action == u"upgrade" ? planner.upgrade(targets.first(), rows) : planner.downgrade(targets.first(), rows);
    } else if (action == u"stamp") {
        plan = planner.stamp(targets, rows, m_args.purge);
    } else {
        return fail(Tr::tr("Unknown plan action '%1'; use upgrade, downgrade or stamp.").arg(action));
    }
    if (!plan) {
        finish();
        return fail(plan.error());
    }
    for (const QString &warning : plan->warnings)
        m_err << "WARNING: " << warning << Qt::endl;
    if (m_args.json) {
        printJson(StableJson::plan(*plan));
        return finish();
    }
    for (const MigrationStep &step : plan->steps)
        m_out << "Running " << step.logText() << '\n';
    m_out << "Rows: " << (plan->rows.isEmpty() ? Tr::tr("(none)") : plan->rows.join(u", "_s)) << '\n';
    return finish();
}

/// The label of a database given by URL: its file's or database's name, else "url".
QString urlLabel(const QString &url)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parseSyntax(url);
    if (!parsed || parsed->database.isEmpty() || parsed->isSqliteMemory())
        return u"url"_s;
    return parsed->dialect == u"sqlite" ? QFileInfo(parsed->database).fileName() : parsed->database;
}

std::optional<QList<GraphExport::EnvironmentRows>> Cli::graphEnvironments()
{
    QList<GraphExport::EnvironmentRows> environments;
    const QList<Environment> stored = EnvironmentStore::load(EnvironmentStore::projectKey(m_project.config()));
    const auto add = [&](const CliArguments &target) {
        const std::optional<OpenedDatabase> db = openAndRead(target, m_project, DatabaseAccess::Read, m_err);
        if (!db)
            return false;
        GraphExport::EnvironmentRows environment;
        environment.url = db->connection->displayUrl();
        environment.table = db->target.table;
        environment.rows = db->rows;
        if (!db->target.environment.isEmpty()) {
            // The window's colour for it: its own, else its place among the saved ones.
            environment.name = db->target.environment;
            for (qsizetype i = 0; i < stored.size(); ++i) {
                if (stored.at(i).name == environment.name)
                    environment.color =
                        stored.at(i).color.isEmpty() ? EnvironmentSession::defaultColor(int(i)) : stored.at(i).color;
            }
        } else {
            environment.name = urlLabel(db->target.url);
        }
        if (environment.color.isEmpty()) {
            // The first colour of the window's palette that no other pin has.
            QStringList taken;
            for (const GraphExport::EnvironmentRows &other : std::as_const(environments))
                taken.append(other.color);
            for (int i = 0; i <= int(environments.size()) && environment.color.isEmpty(); ++i) {
                if (!taken.contains(EnvironmentSession::defaultColor(i)))
                    environment.color = EnvironmentSession::defaultColor(i);
            }
            if (environment.color.isEmpty())
                environment.color = EnvironmentSession::defaultColor(0);
        }
        environments.append(environment);
        return true;
    };
    for (const QString &name : m_args.environments) {
        if (std::any_of(environments.cbegin(), environments.cend(),
                        [&](const GraphExport::EnvironmentRows &e) { return e.name == name; }))
            continue;
        CliArguments target = m_args;
        target.url.clear();
        target.urlVariable.clear();
        target.environment = name;
        if (!add(target))
            return std::nullopt;
    }
    if (!m_args.url.isEmpty() || !m_args.urlVariable.isEmpty()) {
        CliArguments target = m_args;
        target.environment.clear();
        if (!add(target))
            return std::nullopt;
    }
    return environments;
}

int Cli::graph()
{
    const QString format = m_args.format.isEmpty() ? u"json"_s : m_args.format;
    if (format != u"json" && format != u"dot" && format != u"svg" && format != u"png")
        return fail(Tr::tr("Unknown graph format '%1'; use json, dot, svg or png.").arg(format));
    if (format == u"png" && m_args.output.isEmpty())
        return fail(Tr::tr("A PNG picture needs a file: add -o FILE."));
    // Every database is read before anything is written: one that cannot be read leaves no file.
    const std::optional<QList<GraphExport::EnvironmentRows>> environments = graphEnvironments();
    if (!environments)
        return Failure;
    QByteArray data;
    if (format == u"json") {
        data = StableJson::toText(StableJson::graph(m_project, *environments));
    } else if (format == u"dot") {
        data = GraphExport::toDot(m_project, *environments);
    } else if (format == u"svg" || format == u"png") {
        // The GUI's own layout and drawing code, with the palette of its exports.
        const QFont font = QGuiApplication::font();
        RevisionGraphOptions options = GraphPicture::defaultOptions(m_project);
        if (m_args.expandAll)
            options.collapseRunsOf = 0;
        const Result<GraphPicture> picture = GraphPicture::build(
            m_project, [&](int idCharacters) { return GraphPainter::cardSize(font, idCharacters); }, options,
            !m_args.leftToRight);
        if (!picture)
            return fail(picture.error());
        if (!picture->layout.fallbackReason.isEmpty())
            m_err << "WARNING: " << picture->layout.fallbackReason << Qt::endl;
        const GraphPainter painter(GraphPainter::exportPalette(), font);
        const EnvironmentPins pins = EnvironmentPins::fromRows(m_project.map(), *environments);
        if (format == u"png") {
            QString error;
            if (!GraphExporter::write(*picture, painter, GraphExporter::Format::Png, m_args.output, &error, pins))
                return fail(error);
            return finish();
        }
        data = GraphExporter::toSvg(*picture, painter, pins);
    }
    if (!m_args.output.isEmpty()) {
        QString error;
        if (!GraphExporter::writeFile(m_args.output, data, &error))
            return fail(error);
    } else {
        m_out << QString::fromUtf8(data);
    }
    return finish();
}

int Cli::check()
{
    const Diagnostics diagnostics = Checks::run(m_project);
    const RevisionMap &map = m_project.map();
    qsizetype errors = 0;
    for (const Diagnostic &d : std::as_const(diagnostics))
        errors += d.isError() ? 1 : 0;
    if (m_args.json) {
        printJson(StableJson::check(diagnostics, map.size()));
    } else {
        for (const Diagnostic &d : std::as_const(diagnostics))
            m_out << describe(d) << '\n';
        m_out << Tr::tr("%n revision(s)", nullptr, int(map.size())) << ", "
              << Tr::tr("%n error(s)", nullptr, int(errors)) << ", "
              << Tr::tr("%n warning(s)", nullptr, int(diagnostics.size() - errors)) << '\n';
    }
    return errors > 0 ? Failure : Success;
}

int Cli::run()
{
    if (m_args.version) {
        m_out << "retort-cli " << RETORT_VERSION << '\n';
        return Success;
    }
    if (m_args.help || m_args.command.isEmpty()) {
        (m_args.help ? m_out : m_err) << CliArguments::usage();
        return m_args.help ? Success : Usage;
    }
    if (!m_args.error.isEmpty()) {
        m_err << "retort-cli: " << m_args.error << '\n' << CliArguments::usage();
        return Usage;
    }
    using Handler = int (Cli::*)();
    static const QList<std::pair<QString, Handler>> commands = {
        {u"heads"_s, &Cli::heads},
        {u"history"_s, &Cli::history},
        {u"branches"_s, &Cli::branches},
        {u"show"_s, &Cli::show},
        {u"plan"_s, &Cli::plan},
        {u"graph"_s, &Cli::graph},
        {u"check"_s, &Cli::check},
        {u"current"_s, &Cli::current},
        {u"status"_s, &Cli::status},
        {u"stamp"_s, &Cli::stamp},
        {u"upgrade"_s, &Cli::upgrade},
        {u"downgrade"_s, &Cli::downgrade},
        {u"delete"_s, &Cli::deleteRevision},
        {u"schema"_s, &Cli::schema},
        {u"diff"_s, &Cli::diff},
        {u"match"_s, &Cli::match},
        {u"changes"_s, &Cli::changes},
    };
    for (const auto &[name, handler] : commands) {
        if (name == m_args.command) {
            if (!openProject())
                return Failure;
            return (this->*handler)();
        }
    }
    m_err << "retort-cli: " << Tr::tr("Unknown command '%1'.").arg(m_args.command) << '\n' << CliArguments::usage();
    return Usage;
}

} // namespace

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CliArguments args = CliArguments::parse(arguments);
    Cli cli(args, out, err);
    const int code = cli.run();
    out.flush();
    err.flush();
    return code;
}
