// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
#include "cliarguments.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
/// Gives the file's messages one Linguist context; lupdate reads Q_DECLARE_TR_FUNCTIONS.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(RetortCli)
};
} // namespace

CliArguments CliArguments::parse(const QStringList &arguments)
{
    CliArguments args;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString inlineValue;
        bool hasInlineValue = false;
        if (arg.startsWith(u"--") && arg.contains(u'=')) {
            inlineValue = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
            hasInlineValue = true;
        } else if (arg.size() > 2 && arg.at(0) == u'-' && QStringLiteral("crnx").contains(arg.at(1))) {
            // argparse's attached forms of short options: -rVALUE and -r=VALUE.
            inlineValue = arg.mid(arg.at(2) == u'=' ? 3 : 2);
            arg = arg.left(2);
            hasInlineValue = true;
        }
        auto value = [&](QString *target) {
            if (hasInlineValue) {
                *target = inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size()) {
                args.error = Tr::tr("Option %1 needs a value.").arg(arg);
                return false;
            }
            *target = arguments.at(++i);
            return true;
        };
        if (arg == u"-c" || arg == u"--config") {
            if (!value(&args.config))
                return args;
        } else if (arg == u"-n" || arg == u"--name") {
            if (!value(&args.section))
                return args;
        } else if (arg == u"--versions") {
            QString dir;
            if (!value(&dir))
                return args;
            args.versionDirs.append(dir);
        } else if (arg == u"-r" || arg == u"--rev-range") {
            if (!value(&args.revRange))
                return args;
        } else if (arg == u"--from") {
            if (!value(&args.from))
                return args;
        } else if (arg == u"--format") {
            if (!value(&args.format))
                return args;
        } else if (arg == u"-o" || arg == u"--output") {
            if (!value(&args.output))
                return args;
        } else if (arg == u"--url") {
            if (!value(&args.url))
                return args;
        } else if (arg == u"--url-env") {
            if (!value(&args.urlVariable))
                return args;
        } else if (arg == u"--env") {
            if (!value(&args.environment))
                return args;
            args.environments.append(args.environment);
        } else if (arg == u"--version-table") {
            if (!value(&args.versionTable))
                return args;
        } else if (arg == u"--version-table-schema") {
            if (!value(&args.versionTableSchema))
                return args;
        } else if (arg == u"--dialect") {
            if (!value(&args.dialect))
                return args;
        } else if (arg == u"--against") {
            if (!value(&args.against))
                return args;
        } else if (arg == u"--confirm") {
            if (!value(&args.confirm))
                return args;
        } else if (arg == u"-x") {
            QString x;
            if (!value(&x))
                return args;
            args.xArguments.append(x);
        } else if (arg == u"--wait-lock") {
            QString seconds;
            if (!value(&seconds))
                return args;
            bool ok = false;
            args.waitLock = seconds == u"forever" ? -1 : seconds.toInt(&ok);
            if (seconds != u"forever" && (!ok || args.waitLock < 0)) {
                args.error = Tr::tr("--wait-lock needs a number of seconds or \"forever\".");
                return args;
            }
        } else if (arg == u"--yes") {
            args.yes = true;
        } else if (arg == u"--with-descendants") {
            args.withDescendants = true;
        } else if (arg == u"--reparent") {
            args.reparent = true;
        } else if (arg == u"--move-labels") {
            args.moveLabels = true;
        } else if (arg == u"--sql") {
            args.sql = true;
        } else if (arg == u"--python") {
            if (!value(&args.python))
                return args;
            args.evaluate = true;
        } else if (arg == u"--evaluate") {
            args.evaluate = true;
        } else if (arg == u"--check-heads") {
            args.checkHeads = true;
        } else if (arg == u"--dry-run") {
            args.dryRun = true;
        } else if (arg == u"--left-to-right") {
            args.leftToRight = true;
        } else if (arg == u"--expand-all") {
            args.expandAll = true;
        } else if (arg == u"-v" || arg == u"--verbose") {
            args.verbose = true;
        } else if (arg == u"--json") {
            args.json = true;
        } else if (arg == u"--resolve-dependencies") {
            args.resolveDependencies = true;
        } else if (arg == u"--purge") {
            args.purge = true;
        } else if (arg == u"-h" || arg == u"--help") {
            args.help = true;
        } else if (arg == u"--version") {
            args.version = true;
        } else if (arg == u"--") {
            args.positional.append(arguments.mid(i + 1));
            break;
        } else if (arg.startsWith(u'-') && arg.size() > 1 && !arg.at(1).isDigit()) {
            args.error = Tr::tr("Unknown option %1.").arg(arg);
            return args;
        } else if (args.command.isEmpty()) {
            args.command = arg;
        } else {
            args.positional.append(arg);
        }
    }
    if (args.environments.size() > 1 && args.command != u"graph")
        args.error = Tr::tr("Only graph takes --env more than once.");
    return args;
}

bool CliArguments::drawsPicture() const
{
    return command == u"graph" && (format == u"svg" || format == u"png");
}

QString CliArguments::usage()
{
    return Tr::tr("Usage: retort-cli [project options] COMMAND [options]\n"
                  "\n"
                  "Reads an Alembic project natively and answers as alembic would; Python runs only for\n"
                  "--evaluate and for upgrade and downgrade.\n"
                  "\n"
                  "Project options (default: alembic.ini, else pyproject.toml, in the current folder):\n"
                  "  -c, --config PATH     alembic.ini, pyproject.toml, a script location or a versions folder\n"
                  "  -n, --name NAME       the ini section to read (default: alembic)\n"
                  "  --versions DIR        a versions folder without a config file; repeat for several\n"
                  "  --evaluate            load, in the project's Python, the revision files whose header\n"
                  "                        values Retort cannot work out itself (this runs their code)\n"
                  "  --python PATH         the interpreter for --evaluate, upgrade and downgrade (default: the\n"
                  "                        one chosen for the project, else its .venv/ or venv/, Poetry's,\n"
                  "                        $VIRTUAL_ENV, the default in Settings, /usr/bin/python3, python3)\n"
                  "\n"
                  "Commands:\n"
                  "  heads [-v] [--resolve-dependencies]   the head revisions\n"
                  "  history [-r START:END] [-v]           revisions, newest first\n"
                  "  branches [-v]                         branch points and their children\n"
                  "  show REV                              one revision in detail\n"
                  "  plan upgrade|downgrade TARGET --from REV[,REV...]\n"
                  "  plan stamp TARGET... --from REV[,REV...] [--purge]\n"
                  "                                        the steps and version rows, without a database\n"
                  "  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]\n"
                  "        [--env NAME]... [--url URL]     the whole revision graph, as data or as the picture\n"
                  "                                        the GUI draws (png needs -o); with --env (repeatable)\n"
                  "                                        or --url, where each database stands: its pins on\n"
                  "                                        the picture, a note in dot, its rows in json (the\n"
                  "                                        databases are only read)\n"
                  "  check                                 problems in the history; exit 1 on any error\n"
                  "  changes REV|START:END [--dialect NAME] what the migrations change in the schema (replayed\n"
                  "                                        from the files, for sqlite, postgresql or mysql)\n"
                  "\n"
                  "Database commands (default database: sqlalchemy.url of the config):\n"
                  "  current [-v] [--check-heads]          the database's current revisions, as alembic current\n"
                  "  status [--check-heads]                applied and pending revisions, unknown rows\n"
                  "  stamp TARGET... [--purge] [--dry-run] [--confirm NAME]\n"
                  "                                        set the version rows without running migrations\n"
                  "  upgrade|downgrade TARGET [--dry-run] [--sql] [--yes] [--confirm NAME] [--wait-lock SECONDS]\n"
                  "                   [-x VALUE]... [--python PATH]\n"
                  "                                        the plan and its warnings, then real alembic runs it\n"
                  "                                        and the version rows are checked against the plan;\n"
                  "                                        warnings need --yes without a terminal\n"
                  "  delete REV [--with-descendants|--reparent [--move-labels]] [--dry-run] [--yes]\n"
                  "                                        remove a revision no environment has applied (all\n"
                  "                                        configured ones, --env and --url are checked): its\n"
                  "                                        file goes to the trash, children are re-parented or\n"
                  "                                        deleted too; warnings need --yes without a terminal\n"
                  "  schema                                the database's tables, columns, keys, indexes and\n"
                  "                                        constraints, read from its catalog\n"
                  "  diff [--against stamped|REV]          the database's schema against the one the migrations\n"
                  "                                        give at its stamped revisions (or at REV); exit 0: the\n"
                  "                                        same, 1: differences, 2: could not compare\n"
                  "  match [-v]                            the revisions whose schema is closest to the\n"
                  "                                        database's, best first, and how to stamp there\n"
                  "  --url URL             a SQLAlchemy URL (sqlite, postgresql, mysql, mariadb); other users can\n"
                  "                        see a password in it in the process list: prefer --url-env or --url -\n"
                  "  --url-env NAME        read the URL from the environment variable NAME\n"
                  "  --url -               read the URL from the first line of standard input\n"
                  "  --env NAME            an environment set up in Retort\n"
                  "  --version-table NAME, --version-table-schema NAME\n"
                  "                        when env.py's context.configure() does not name them literally\n"
                  "\n"
                  "Common options:\n"
                  "  --json                machine-readable output (see README.md)\n"
                  "  -h, --help            this help\n"
                  "  --version             the version\n");
}
