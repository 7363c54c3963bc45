# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Runs one alembic command for Retort, the way `python -m alembic ARGS` would, except that:
# - the database URL comes from the environment variable RETORT_ALEMBIC_URL (never from the command
#   line, which every user can read) and is set as sqlalchemy.url on alembic's Config;
# - around a command that writes (to the URL given, else the config's sqlalchemy.url) (upgrade, downgrade, stamp; not --sql) it holds a lock that other
#   Retort runs take too: pg_advisory_lock on PostgreSQL, GET_LOCK on MySQL/MariaDB, an exclusive
#   lock file beside a SQLite database.
# - before such a command runs, with the lock held, it reads the version table when Retort says which rows
#   its plan was made from (RETORT_EXPECTED_ROWS: revision ids separated by spaces, empty for an empty or
#   missing table; RETORT_VERSION_TABLE, RETORT_VERSION_SCHEMA): alembic resolves the target against the
#   rows it finds, so if someone migrated or stamped in between it would run steps the user never saw.
#   Then nothing runs.
# - with RETORT_RUNNER=flask (a Flask-Migrate project, whose env.py needs the app's context and takes the
#   database from the app), the command runs as `flask db COMMAND -d RETORT_SCRIPT_LOCATION ...` inside
#   the app that FLASK_APP names, from the folder above the script location (or the nearest one above it
#   that holds FLASK_APP's module). The lock and the rows check still use the URL Retort gives; the app
#   decides which database the migrations run on, and Retort's rows read after the run tell if it differs.
# Usage: python -c <this> LOCK_WAIT_SECONDS ALEMBIC_ARGS...  (LOCK_WAIT_SECONDS < 0: wait forever)
# Lines starting with "RETORT " on stderr tell Retort what happens:
#   RETORT lock-wait SECONDS_LEFT HOLDER | RETORT lock-held | RETORT lock-busy HOLDER | RETORT cancelled
#   | RETORT rows-changed ROW... (or "-" for none)
# Exit codes: alembic's (0; 255 after its FAILED: line, 1 after a traceback), 75 when the lock stayed
# busy, 76 when the rows were not those of the plan, 130 when interrupted; 255 after a FAILED: line of
# the launcher's own (the rows could not be read, flask db cannot run). Flask-Migrate exits 1 after its
# "Error: " log line.
import os
import re
import socket
import sys
import time
import zlib

WRITING_COMMANDS = {"upgrade", "downgrade", "stamp"}
LOCK_BUSY = 75
ROWS_CHANGED = 76
FAILED = 255
INTERRUPTED = 130


def tell(*words):
    sys.stderr.write("RETORT " + " ".join(str(w) for w in words) + "\n")
    sys.stderr.flush()


def lock_name(url):
    return "retort-alembic:%s" % (url.database or "")


class PostgresLock:
    CLASS_ID = 0x52657472  # "Retr"

    def __init__(self, engine, url):
        self.connection = engine.connect()
        self.object_id = zlib.crc32(lock_name(url).encode()) & 0x7FFFFFFF

    def try_take(self):
        from sqlalchemy import text

        taken = self.connection.execute(
            text("SELECT pg_try_advisory_lock(:c, :o)"), {"c": self.CLASS_ID, "o": self.object_id}
        ).scalar()
        return bool(taken)

    def holder(self):
        from sqlalchemy import text

        row = self.connection.execute(
            text(
                "SELECT a.application_name, a.client_addr, a.pid FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                "AND l.classid = :c AND l.objid = :o AND l.granted"
            ),
            {"c": self.CLASS_ID, "o": self.object_id},
        ).first()
        if row is None:
            return "another session"
        application, address, pid = row
        return "%s (pid %s%s)" % (application or "a session", pid, ", " + str(address) if address else "")

    def release(self):
        self.connection.close()


class MySqlLock:
    def __init__(self, engine, url):
        self.connection = engine.connect()
        self.name = lock_name(url)[:64]

    def try_take(self):
        from sqlalchemy import text

        return self.connection.execute(text("SELECT GET_LOCK(:n, 0)"), {"n": self.name}).scalar() == 1

    def holder(self):
        from sqlalchemy import text

        row = self.connection.execute(
            text(
                "SELECT p.user, p.host, p.id FROM information_schema.processlist p "
                "WHERE p.id = IS_USED_LOCK(:n)"
            ),
            {"n": self.name},
        ).first()
        if row is None:
            return "another session"
        user, host, pid = row
        return "%s@%s (connection %s)" % (user, host, pid)

    def release(self):
        self.connection.close()


class SqliteLock:
    def __init__(self, path):
        import fcntl

        self.fcntl = fcntl
        self.path = path + ".retort-lock"
        self.file = open(self.path, "a+")

    def try_take(self):
        try:
            self.fcntl.flock(self.file, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)
        except OSError:
            return False
        self.file.seek(0)
        self.file.truncate()
        self.file.write("retort pid %d on %s\n" % (os.getpid(), socket.gethostname()))
        self.file.flush()
        return True

    def holder(self):
        try:
            with open(self.path) as f:
                return f.read().strip() or "another process"
        except OSError:
            return "another process"

    def release(self):
        self.file.close()


def sqlite_file(url):
    """The file a SQLite URL names, or None for an in-memory or URI database."""
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return os.path.abspath(url.database)


def open_lock(url_text):
    import sqlalchemy
    from sqlalchemy.pool import NullPool

    url = sqlalchemy.engine.make_url(url_text)
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = sqlite_file(url)
        return SqliteLock(path) if path else None
    # The lock's own connection is synchronous: async drivers (asyncpg, aiomysql…) get their sync twin,
    # and autocommit keeps it from idling in a transaction that a server timeout could end.
    sync_driver = {"asyncpg": "psycopg2", "psycopg_async": "psycopg2", "aiomysql": "pymysql",
                   "asyncmy": "pymysql", "aiosqlite": "pysqlite"}.get(url.get_driver_name())
    if sync_driver:
        url = url.set(drivername="%s+%s" % (backend, sync_driver))
    if backend == "postgresql":
        # The holder's name, for the next run that finds the lock taken.
        name = "retort on %s" % socket.gethostname()
        engine = sqlalchemy.create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
                                          connect_args={"application_name": name[:63]})
        return PostgresLock(engine, url)
    engine = sqlalchemy.create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    if backend in ("mysql", "mariadb"):
        return MySqlLock(engine, url)
    tell("lock-unsupported", backend)
    return None


def take_lock(url_text, wait_seconds):
    try:
        lock = open_lock(url_text)
    except Exception as error:  # a driver the lock cannot use: say so, and run unlocked
        tell("lock-unsupported", type(error).__name__)
        sys.stderr.write("Retort could not lock this database (%s: %s); running without the lock.\n"
                         % (type(error).__name__, str(error).splitlines()[0] if str(error) else ""))
        return None
    if lock is None:
        return None
    deadline = None if wait_seconds < 0 else time.monotonic() + wait_seconds
    while not lock.try_take():
        holder = lock.holder()
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            tell("lock-busy", holder)
            sys.stderr.write(
                "FAILED: Another migration holds the lock on this database: %s. "
                "Try again when it has finished, or wait for it.\n" % holder
            )
            sys.exit(LOCK_BUSY)
        tell("lock-wait", -1 if left is None else int(left + 0.999), holder)
        time.sleep(1 if left is None else min(1, left))
    tell("lock-held")
    return lock


def version_rows(connection, table_name, schema):
    import sqlalchemy

    inspector = sqlalchemy.inspect(connection)
    if hasattr(inspector, "has_table"):
        exists = inspector.has_table(table_name, schema=schema)
    else:  # SQLAlchemy 1.3
        exists = connection.dialect.has_table(connection, table_name, schema=schema)
    if not exists:
        return set()
    # Quoted as alembic quotes its own version table: through SQLAlchemy's constructs.
    table = sqlalchemy.table(table_name, sqlalchemy.column("version_num"), schema=schema)
    return {row[0] for row in connection.execute(table.select())}


def read_version_rows(url_text, table_name, schema):
    import sqlalchemy
    from sqlalchemy.pool import NullPool

    url = sqlalchemy.engine.make_url(url_text)
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path and not os.path.exists(path):
            return set()  # connecting would create the file, and nothing may change before the check
    if getattr(url.get_dialect(), "is_async", False):
        # The project's own async driver: its sync twin may not be installed.
        import asyncio
        from sqlalchemy.ext.asyncio import create_async_engine

        async def read():
            engine = create_async_engine(url, poolclass=NullPool)
            try:
                async with engine.connect() as connection:
                    return await connection.run_sync(version_rows, table_name, schema)
            finally:
                await engine.dispose()

        return asyncio.run(read())
    engine = sqlalchemy.create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return version_rows(connection, table_name, schema)
    finally:
        engine.dispose()


def rows_text(rows):
    return ", ".join(sorted(rows)) or "(none)"


def check_rows(url_text, expected, table_name, schema):
    """Exits, running nothing, unless the version table holds the rows the plan was made from."""
    shown = "%s.%s" % (schema, table_name) if schema else table_name
    if not url_text:
        sys.stderr.write("FAILED: Retort has no database URL to read the version table %s from, so it cannot "
                         "check it against the plan. Nothing was run.\n" % shown)
        sys.exit(FAILED)
    try:
        actual = read_version_rows(url_text, table_name, schema)
    except Exception as error:
        detail = str(error).splitlines()[0] if str(error) else ""
        sys.stderr.write("FAILED: Retort could not read the version table %s to check it against the plan "
                         "(%s: %s). Nothing was run.\n" % (shown, type(error).__name__, detail))
        sys.exit(FAILED)
    if actual != expected:
        tell("rows-changed", " ".join(sorted(actual)) or "-")
        sys.stderr.write("FAILED: The database's revisions changed since the plan was made: expected %s, found %s. "
                         "Nothing was run; look at the new state and preview again.\n"
                         % (rows_text(expected), rows_text(actual)))
        sys.exit(ROWS_CHANGED)


def fail(message):
    sys.stderr.write("FAILED: %s\n" % message)
    sys.exit(FAILED)


def flask_db_arguments(options, command_name, directory):
    """Flask-Migrate's `flask db` form of the alembic command line: -d, -x, --sql, --tag, then the revision."""
    if command_name not in WRITING_COMMANDS:
        fail("Retort runs only upgrade, downgrade and stamp through flask db, not %s." % command_name)
    if options.name != "alembic":
        fail("Flask-Migrate reads only the [alembic] section of alembic.ini, not [%s]." % options.name)
    if getattr(options, "purge", False):
        fail("flask db stamp has no --purge.")
    arguments = [command_name, "-d", directory]
    for x in options.x or []:
        if command_name == "stamp":
            fail("flask db stamp takes no -x arguments.")
        arguments += ["-x", x]
    if getattr(options, "sql", False):
        arguments.append("--sql")
    if getattr(options, "tag", None):
        arguments += ["--tag", options.tag]
    revisions = options.revisions if command_name == "stamp" else [options.revision]
    if len(revisions) != 1:
        fail("flask db stamp takes one revision.")
    return arguments + ["--"] + list(revisions)  # "--": click would read -1 as an option


def flask_app_folder(flask_app, directory):
    """Where `flask db` would be typed: the folder above the script location, or the nearest one above it
    that holds the module FLASK_APP names (a script location deeper than the project root)."""
    module = re.split(r":(?![\\/])", flask_app, 1)[0]
    if module.endswith(".py") or "/" in module or os.sep in module:
        candidates = [module]
    else:
        first = module.split(".")[0]
        candidates = [first + ".py", first]
    default = os.path.dirname(os.path.abspath(directory))
    folder = default
    while True:
        if any(os.path.exists(os.path.join(folder, candidate)) for candidate in candidates):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return default
        folder = parent


def run_flask_db(flask_app, arguments):
    """Runs `flask db ARGUMENTS` in this process, as the flask command would; exits when it fails."""
    import click
    from flask.cli import NoAppException, ScriptInfo, cli

    info = ScriptInfo(app_import_path=flask_app)
    try:
        app = info.load_app()
    except NoAppException as error:
        fail("Retort could not load the Flask app FLASK_APP=%s from %s: %s"
             % (flask_app, os.getcwd(), error.format_message()))
    migrate = getattr(app, "extensions", {}).get("migrate")
    if migrate is None:
        fail("The Flask app FLASK_APP=%s does not set up Flask-Migrate (Migrate(app, db)), so it has no "
             "flask db command." % flask_app)
    group = getattr(getattr(migrate, "migrate", None), "command", None) or "db"  # Migrate(command=...)
    try:
        cli.main(args=[group] + arguments, prog_name="flask", obj=info, standalone_mode=False)
    except click.exceptions.Abort:
        raise KeyboardInterrupt
    except click.ClickException as error:
        fail("flask %s: %s" % (" ".join([group] + arguments), error.format_message()))


def main(argv):
    wait_seconds = int(argv[0])
    alembic_args = argv[1:]
    url = os.environ.pop("RETORT_ALEMBIC_URL", "")
    expected = os.environ.pop("RETORT_EXPECTED_ROWS", None)
    version_table = os.environ.pop("RETORT_VERSION_TABLE", "") or "alembic_version"
    version_schema = os.environ.pop("RETORT_VERSION_SCHEMA", "") or None
    runner = os.environ.pop("RETORT_RUNNER", "")
    script_location = os.environ.pop("RETORT_SCRIPT_LOCATION", "")

    from alembic.config import CommandLine, Config

    command_line = CommandLine(prog="alembic")
    options = command_line.parser.parse_args(alembic_args)
    if not hasattr(options, "cmd"):
        command_line.parser.error("too few arguments")
    config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)
    if url:
        # ConfigParser interpolates %: a percent-encoded password must survive it.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command_name = options.cmd[0].__name__
    writes = command_name in WRITING_COMMANDS and not getattr(options, "sql", False)
    database_url = url or config.get_main_option("sqlalchemy.url")
    flask_arguments = flask_app = None
    if runner == "flask":
        flask_app = os.environ.get("FLASK_APP", "").strip()
        if not flask_app:
            fail("This is a Flask-Migrate project (its env.py uses Flask's current_app), so it runs as flask db "
                 "inside the app, and FLASK_APP does not say which app: set FLASK_APP=module:app (or module).")
        try:
            import flask.cli  # noqa: F401
            import flask_migrate  # noqa: F401
        except ImportError as error:
            fail("This Flask-Migrate project runs through flask db, and %s cannot import it (%s). Install Flask "
                 "and Flask-Migrate for it, or choose the project's own interpreter." % (sys.executable, error))
        directory = script_location or os.path.dirname(os.path.abspath(options.config))
        flask_arguments = flask_db_arguments(options, command_name, directory)
    lock = None
    if writes and database_url:
        lock = take_lock(database_url, wait_seconds)
    try:
        if writes and expected is not None:
            check_rows(database_url, set(expected.split()), version_table, version_schema)
        if flask_arguments is not None:
            os.chdir(flask_app_folder(flask_app, directory))
            run_flask_db(flask_app, flask_arguments)
        else:
            command_line.run_cmd(config, options)
    finally:
        if lock is not None:
            lock.release()


try:
    main(sys.argv[1:])
except KeyboardInterrupt:
    tell("cancelled")
    sys.exit(INTERRUPTED)
