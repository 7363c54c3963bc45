#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
"""Runs real ``alembic stamp`` against a real database, many cases in one process.

Run as::

    PYTHONHASHSEED=0 /usr/bin/python3 alembic_stamper.py < job.json > rows.jsonl

A job is ``{"versions": [dir, ...], "url": "<SQLAlchemy URL>", "table": "alembic_version",
"cases": [{"rows": [...], "targets": [...], "purge": bool, "table_missing": bool}]}``; the input
may also be ``{"jobs": [job, ...]}`` to run many projects in one process.

For each case, in order: the version table is reset to exactly ``rows`` (created if missing, every
row deleted, the rows inserted; with ``table_missing`` it is dropped instead), then
``alembic.command.stamp(config, targets, purge=purge)`` runs online through a minimal env.py that
connects to the config's ``sqlalchemy.url`` and passes ``version_table``; then the table is read
back. One line of JSON per case goes to stdout: ``{"rows": [...sorted], "table_exists": bool,
"read": [...], "ops": [...]}`` or ``{"error": "<exception class>: message"}``.

``ops`` are the version-table writes alembic's HeadMaintainer made during the stamp, in order:
``["insert", v]``, ``["delete", v]``, ``["update", from, to]`` (recorded by wrapping
``_insert_version``, ``_delete_version`` and ``_update_version``; a write that raised is not
listed). ``--purge``'s ``DELETE FROM`` and the table's creation are not HeadMaintainer writes and
are not listed. ``read`` is the rows the stamp planned from, in the order the database's SELECT
returned them (empty with purge): a stamp merge deletes all but the last of them and updates the
last, so the order of ``ops`` follows it.

alembic_oracle.py is imported for its patches (alembic-semantics.md, Appendix B): revision files are
read in sorted file-name order and normalized dependencies come in map order.
Stdlib + alembic + sqlalchemy (+ psycopg2 / pymysql for those URLs) only.
"""

import json
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # before importing the oracle: no __pycache__ in the source tree

import alembic_oracle  # noqa: E402,F401  (applies the sorted-files and map-order patches)
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import HeadMaintainer  # noqa: E402
from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, create_engine  # noqa: E402
from sqlalchemy import event, inspect, select  # noqa: E402

# The engine cache lives in Config.attributes so that every env.py run (one per case) reuses the
# connection pool of its URL instead of logging in again.
ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine

config = context.config
url = config.get_main_option("sqlalchemy.url")
engines = config.attributes.setdefault("engines", {})
if url not in engines:
    engines[url] = create_engine(url)
with engines[url].connect() as connection:
    context.configure(connection=connection, target_metadata=None,
                      version_table=config.get_main_option("version_table"))
    with context.begin_transaction():
        context.run_migrations()
'''

ENGINES = {}

# The writes and the starting rows of the case running now; None outside a case.
RECORD = None


def _recording(name, kind):
    original = getattr(HeadMaintainer, name)

    def wrapper(self, *versions):
        original(self, *versions)
        if RECORD is not None:
            RECORD["ops"].append([kind] + list(versions))

    setattr(HeadMaintainer, name, wrapper)


_recording("_insert_version", "insert")
_recording("_delete_version", "delete")
_recording("_update_version", "update")
_original_head_maintainer_init = HeadMaintainer.__init__


def _head_maintainer_init(self, context, heads):
    _original_head_maintainer_init(self, context, heads)
    if RECORD is not None:
        RECORD["read"] = list(heads)


HeadMaintainer.__init__ = _head_maintainer_init


def version_table(name):
    # alembic's own definition (MigrationContext.__init__, 1.8.1)
    return Table(
        name,
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="%s_pkc" % name),
    )


def engine_for(url):
    if url not in ENGINES:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            # A throwaway file: no fsync per commit (as the test servers run without fsync).
            event.listen(engine, "connect", lambda dbapi, record: dbapi.execute("PRAGMA synchronous=OFF"))
        ENGINES[url] = engine
    return ENGINES[url]


def reset(engine, table, rows, missing):
    with engine.begin() as conn:
        if missing:
            table.drop(conn, checkfirst=True)
            return
        table.create(conn, checkfirst=True)
        conn.execute(table.delete())
        for row in rows:
            conn.execute(table.insert().values(version_num=row))


def read(engine, table):
    with engine.connect() as conn:
        if not inspect(conn).has_table(table.name):
            return None
        return sorted(r[0] for r in conn.execute(select(table.c.version_num)))


def run_job(job, script_location, out):
    global RECORD
    url = job["url"]
    table = version_table(job.get("table") or "alembic_version")
    engine = engine_for(url)
    config = Config()
    config.set_main_option("script_location", script_location)
    config.set_main_option("version_path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(job["versions"]))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.set_main_option("version_table", table.name)
    config.attributes["engines"] = ENGINES
    for case in job["cases"]:
        try:
            reset(engine, table, case.get("rows", []), case.get("table_missing", False))
            RECORD = {"ops": [], "read": []}
            command.stamp(config, list(case["targets"]), purge=bool(case.get("purge")))
            record, RECORD = RECORD, None
            rows = read(engine, table)
            answer = {"rows": rows if rows is not None else [], "table_exists": rows is not None}
            answer.update(record)
        except Exception as e:  # noqa: BLE001 - every failure is an answer
            RECORD = None
            answer = {"error": "%s: %s" % (type(e).__name__, e)}
        out.write(json.dumps(answer) + "\n")
        out.flush()


def main():
    request = json.load(sys.stdin)
    jobs = request["jobs"] if "jobs" in request else [request]
    script_location = tempfile.mkdtemp(prefix="retort-stamper-")
    real_stdout = sys.stdout
    sys.stdout = open(os.devnull, "w")  # nothing alembic prints may end up among the answers
    try:
        with open(os.path.join(script_location, "env.py"), "w") as f:
            f.write(ENV_PY)
        for job in jobs:
            run_job(job, script_location, real_stdout)
    finally:
        sys.stdout = real_stdout
        shutil.rmtree(script_location, ignore_errors=True)
        for engine in ENGINES.values():
            engine.dispose()


if __name__ == "__main__":
    main()
