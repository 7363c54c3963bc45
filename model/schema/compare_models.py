# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Compares a database with the project's models the way `alembic check` does (alembic >= 1.9; this
# works with older ones too): env.py runs with a function that refuses unless the database is at the
# heads ("Target database is not up to date."), then hands the migration context and env.py's
# target_metadata to alembic.autogenerate.compare_metadata() and returns no migrations, so nothing runs.
# The context is made with dont_mutate=True: an empty database does not get a version table.
# - the database URL comes from RETORT_ALEMBIC_URL (never from the command line) and becomes
#   sqlalchemy.url on alembic's Config; RETORT_VERSION_TABLE is not needed, env.py names it.
# - with RETORT_RUNNER=flask (a Flask-Migrate env.py, which needs the app's context), the app FLASK_APP
#   names is loaded and env.py runs inside its context with Flask-Migrate's own Config; the app, not the
#   URL, decides which database is compared.
# Usage: python -c <this> -c INI [-n SECTION] [-x ARG]...
# stdout: one JSON object, nothing else (what env.py prints goes to stderr):
#   {"status": "ok", "differences": [...], "current": [...], "heads": [...], versions...}
#   {"status": "error", "kind": KIND, "message": TEXT, "file": PATH or null, "exception": LAST LINE or null}
# with KIND one of not_up_to_date, no_metadata, env_failed, config, flask.
# Exit codes: 0 compared (with or without differences), 3 an error reported as above, 1 a traceback.
import argparse
import json
import os
import re
import sys
import traceback

REPORTED = 3


class Refusal(Exception):
    def __init__(self, kind, message, file=None, exception=None, facts=None):
        Exception.__init__(self, message)
        self.facts = facts or {}  # what was known when it stopped: the current revisions and the heads
        self.kind = kind
        self.message = message
        self.file = file
        self.exception = exception


def last_line(error):
    text = "".join(traceback.format_exception_only(type(error), error)).strip()
    return text.splitlines()[-1] if text else type(error).__name__


def deepest_project_frame(error, project_dir):
    """The file and line in the project (env.py, models.py...) where the exception was raised: the
    innermost frame inside the project's folder, else the innermost frame of all."""
    found = None
    innermost = None
    for frame in traceback.extract_tb(error.__traceback__):
        innermost = frame
        if project_dir and os.path.abspath(frame.filename).startswith(project_dir + os.sep):
            found = frame
    if isinstance(error, SyntaxError) and error.filename:
        return "%s:%s" % (os.path.abspath(error.filename), error.lineno or 0)
    frame = found or innermost
    return "%s:%s" % (os.path.abspath(frame.filename), frame.lineno) if frame else None


def sql_literal(value):
    return "'%s'" % str(value).replace("'", "''")


def render_type(type_, dialect):
    if type_ is None:
        return None
    try:
        return str(type_.compile(dialect=dialect))
    except Exception:
        return repr(type_)


def render_default(default, dialect):
    """A server default as SQL text: what the DDL would say."""
    if default is None:
        return None
    arg = getattr(default, "arg", default)
    if isinstance(arg, str):
        return sql_literal(arg)
    text = getattr(arg, "text", None)
    if isinstance(text, str):
        return text
    try:
        return str(arg.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    except Exception:
        return repr(arg)


def render_column(column, dialect):
    return {
        "name": column.name,
        "type": render_type(column.type, dialect),
        "nullable": bool(column.nullable),
        "default": render_default(column.server_default, dialect),
    }


def where_of(table_owner):
    table = getattr(table_owner, "table", None)
    return {
        "schema": getattr(table, "schema", None),
        "table": getattr(table, "name", None),
    }


def expression_text(expression, dialect):
    name = getattr(expression, "name", None)
    if isinstance(name, str):
        return name
    try:
        return "(%s)" % expression.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    except Exception:
        return "(%s)" % expression


def index_record(op, index, dialect):
    record = {"op": op, "name": index.name, "unique": bool(index.unique)}
    record.update(where_of(index))
    record["columns"] = [expression_text(e, dialect) for e in index.expressions]
    where = None
    for key, value in getattr(index, "dialect_kwargs", {}).items():
        if key.endswith("_where") and value is not None:
            where = render_default(value, dialect)
    record["where"] = where
    return record


def constraint_record(op, constraint, dialect):
    from sqlalchemy import CheckConstraint, ForeignKeyConstraint, UniqueConstraint

    name = constraint.name if isinstance(constraint.name, str) else None
    record = {"op": op, "name": name}
    record.update(where_of(constraint))
    if isinstance(constraint, ForeignKeyConstraint):
        record["constraint"] = "foreign_key"
        record["columns"] = [element.parent.name for element in constraint.elements]
        referred = constraint.elements[0].column.table if constraint.elements else None
        record["referred_schema"] = getattr(referred, "schema", None)
        record["referred_table"] = getattr(referred, "name", None)
        record["referred_columns"] = [element.column.name for element in constraint.elements]
        record["ondelete"] = constraint.ondelete
        record["onupdate"] = constraint.onupdate
    elif isinstance(constraint, UniqueConstraint):
        record["constraint"] = "unique"
        record["columns"] = [c.name for c in constraint.columns]
    elif isinstance(constraint, CheckConstraint):
        record["constraint"] = "check"
        record["condition"] = render_default(constraint.sqltext, dialect)
    else:
        record["constraint"] = type(constraint).__name__
        record["columns"] = [c.name for c in getattr(constraint, "columns", [])]
    return record


def diff_record(diff, dialect):
    """One of compare_metadata()'s tuples as JSON, its SQLAlchemy objects rendered for the dialect."""
    op = diff[0]
    if op in ("add_table", "remove_table"):
        table = diff[1]
        return {"op": op, "schema": table.schema, "table": table.name,
                "columns": [render_column(c, dialect) for c in table.columns]}
    if op in ("add_column", "remove_column"):
        return {"op": op, "schema": diff[1], "table": diff[2], "column": render_column(diff[3], dialect)}
    if op in ("add_index", "remove_index"):
        return index_record(op, diff[1], dialect)
    if op in ("add_constraint", "remove_constraint", "add_fk", "remove_fk"):
        return constraint_record(op, diff[1], dialect)
    if op in ("modify_type", "modify_nullable", "modify_default", "modify_comment"):
        existing, new = diff[5], diff[6]
        if op == "modify_type":
            existing, new = render_type(existing, dialect), render_type(new, dialect)
        elif op == "modify_default":
            existing, new = render_default(existing, dialect), render_default(new, dialect)
        return {"op": op, "schema": diff[1], "table": diff[2], "column": diff[3], "existing": existing, "new": new}
    if op in ("add_table_comment", "remove_table_comment"):
        table = diff[1]
        return {"op": op, "schema": table.schema, "table": table.name,
                "existing": diff[2] if len(diff) > 2 else None, "new": table.comment}
    return {"op": str(op), "text": " ".join(str(part) for part in diff[1:])}


def flatten(diffs):
    for diff in diffs:
        if isinstance(diff, list):  # a column's modify_* changes, grouped
            for part in diff:
                yield part
        else:
            yield diff


def flask_app_folder(flask_app, directory):
    """Where `flask db` would be typed: as the launcher finds it (runner/alembic_launcher.py)."""
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


def flask_config(options, script_location):
    """Flask-Migrate's Config inside the app FLASK_APP names, and the app context to run env.py in."""
    flask_app = os.environ.get("FLASK_APP", "").strip()
    if not flask_app:
        raise Refusal("flask", "This is a Flask-Migrate project (its env.py uses Flask's current_app), so it runs "
                               "inside the app, and FLASK_APP does not say which app: set FLASK_APP=module:app "
                               "(or module).")
    try:
        from flask.cli import NoAppException, ScriptInfo
    except ImportError as error:
        raise Refusal("flask", "This Flask-Migrate project needs Flask, and %s cannot import it (%s). Install Flask "
                               "and Flask-Migrate for it, or choose the project's own interpreter."
                      % (sys.executable, error))
    directory = script_location or os.path.dirname(os.path.abspath(options.config))
    os.chdir(flask_app_folder(flask_app, directory))
    try:
        app = ScriptInfo(app_import_path=flask_app).load_app()
    except NoAppException as error:
        raise Refusal("flask", "Retort could not load the Flask app FLASK_APP=%s from %s: %s"
                      % (flask_app, os.getcwd(), error.format_message()))
    migrate = getattr(app, "extensions", {}).get("migrate")
    if migrate is None:
        raise Refusal("flask", "The Flask app FLASK_APP=%s does not set up Flask-Migrate (Migrate(app, db))."
                      % flask_app)
    context = app.app_context()
    context.push()
    return migrate.migrate.get_config(directory, x_arg=options.x or None)


def compare(options, project_dir):
    import alembic
    import sqlalchemy
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    url = os.environ.pop("RETORT_ALEMBIC_URL", "")
    runner = os.environ.pop("RETORT_RUNNER", "")
    script_location = os.environ.pop("RETORT_SCRIPT_LOCATION", "")
    if runner == "flask":
        config = flask_config(options, script_location)
    else:
        config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)
        if url:
            # ConfigParser interpolates %: a percent-encoded password must survive it.
            config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    script = ScriptDirectory.from_config(config)
    env_py = os.path.abspath(os.path.join(script.dir, "env.py"))
    result = {"alembic": alembic.__version__, "sqlalchemy": sqlalchemy.__version__, "python": sys.executable}

    def compare_in_context(rev, context):
        heads = script.get_revisions("heads")
        current = script.get_revisions(rev)
        result["heads"] = sorted(r.revision for r in heads)
        result["current"] = sorted(r.revision for r in current if r is not None)
        if set(current) != set(heads):
            raise Refusal("not_up_to_date", "Target database is not up to date.", env_py, facts=result)
        metadata = context.opts.get("target_metadata")
        if metadata is None:
            raise Refusal("no_metadata", "Can't proceed with --autogenerate option; environment script %s does not "
                                         "provide a MetaData object or sequence of objects to the context." % env_py,
                          env_py, facts=result)
        diffs = compare_metadata(context, metadata)
        result["differences"] = [diff_record(d, context.dialect) for d in flatten(diffs)]
        return []

    with EnvironmentContext(config, script, fn=compare_in_context, as_sql=False, dont_mutate=True):
        try:
            script.run_env()
        except Refusal:
            raise
        except Exception as error:
            where = deepest_project_frame(error, project_dir)
            raise Refusal("env_failed", "env.py failed: %s" % last_line(error), where, last_line(error))
    if "differences" not in result:
        raise Refusal("env_failed", "env.py did not run the migrations (context.run_migrations()), so there was "
                                    "nothing to compare: does it run only offline?", env_py)
    result["status"] = "ok"
    return result


def main(argv):
    parser = argparse.ArgumentParser(prog="compare_models")
    parser.add_argument("-c", "--config", default="alembic.ini")
    parser.add_argument("-n", "--name", default="alembic")
    parser.add_argument("-x", action="append")
    options = parser.parse_args(argv)
    project_dir = os.path.dirname(os.path.abspath(options.config))
    out = sys.stdout
    sys.stdout = sys.stderr  # env.py and the models may print: stdout holds the JSON only
    try:
        result = compare(options, project_dir)
        code = 0
    except Refusal as refusal:
        result = dict(refusal.facts)
        result.update({"status": "error", "kind": refusal.kind, "message": refusal.message, "file": refusal.file,
                       "exception": refusal.exception})
        code = REPORTED
    except ImportError as error:
        if getattr(error, "name", None) in ("alembic", "sqlalchemy"):
            raise
        result = {"status": "error", "kind": "env_failed", "message": last_line(error),
                  "file": deepest_project_frame(error, project_dir), "exception": last_line(error)}
        code = REPORTED
    except Exception as error:
        from alembic.util import CommandError

        if not isinstance(error, CommandError):
            raise
        result = {"status": "error", "kind": "config", "message": str(error), "file": options.config,
                  "exception": None}
        code = REPORTED
    out.write(json.dumps(result, sort_keys=True))
    out.write("\n")
    out.flush()
    return code


sys.exit(main(sys.argv[1:]))
