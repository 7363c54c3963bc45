#!/usr/bin/python3
"""Batch oracle: answers revision-graph queries with real alembic.

Run as::

    PYTHONHASHSEED=0 /usr/bin/python3 alembic_oracle.py < request.json > answer.json

Only Debian's /usr/bin/python3 can import alembic 1.8.1.  The protocol is
described in README.md next to this file.

Two deliberate deviations from a plain 1.8.1 run (alembic-semantics.md,
Appendix B):

* ``Script._list_py_dir`` is wrapped so that it returns its result sorted:
  revision files are enumerated in sorted file-name order, the >= 1.10 rule
  Retort follows.
* ``RevisionMap._normalize_depends_on`` is wrapped so that a revision's
  normalized dependencies come in map order instead of ``tuple(set)`` order
  (alembic-semantics.md §0.2: with two or more of them, Python's hash order
  decides topological ties). Retort uses map order.
* ``sys.dont_write_bytecode`` is set so no ``__pycache__`` is written into the
  fixture directories (a stale .pyc with equal size and mtime second would
  otherwise be picked up when a test rewrites a revision file).

Stdlib + alembic + sqlalchemy only.
"""

import json
import logging
import sys
import traceback
import warnings

sys.dont_write_bytecode = True

from alembic.script import base as _script_base  # noqa: E402
from alembic.script import revision as _revision  # noqa: E402
from alembic.script.base import Script, ScriptDirectory  # noqa: E402
from alembic.runtime.migration import HeadMaintainer  # noqa: E402
from alembic.runtime.migration import RevisionStep  # noqa: E402
from alembic.util import CommandError  # noqa: E402

# --------------------------------------------------------------------------
# Appendix B: sorted file enumeration (the alembic >= 1.10 rule)
# --------------------------------------------------------------------------

_orig_list_py_dir = Script._list_py_dir.__func__


def _sorted_list_py_dir(cls, scriptdir, path):
    return sorted(_orig_list_py_dir(cls, scriptdir, path))


Script._list_py_dir = classmethod(_sorted_list_py_dir)
assert _script_base.Script._list_py_dir.__func__ is _sorted_list_py_dir

# --------------------------------------------------------------------------
# §0.2: normalized dependencies in map order instead of hash order
# --------------------------------------------------------------------------

_orig_normalize_depends_on = _revision.RevisionMap._normalize_depends_on


def _ordered_normalize_depends_on(self, revisions, map_):
    _orig_normalize_depends_on(self, revisions, map_)
    position = {key: i for i, key in enumerate(map_)}
    for rev in revisions:
        rev._normalized_resolved_dependencies = tuple(
            sorted(rev._normalized_resolved_dependencies, key=position.__getitem__)
        )


_revision.RevisionMap._normalize_depends_on = _ordered_normalize_depends_on

# alembic logs through the "alembic" logger; nothing of it belongs on stderr.
logging.getLogger("alembic").addHandler(logging.NullHandler())
logging.getLogger("alembic").propagate = False


class OracleUnsupported(Exception):
    """A query the oracle refuses (e.g. needs a database)."""


# --------------------------------------------------------------------------
# Fake migration context for HeadMaintainer
# --------------------------------------------------------------------------
# HeadMaintainer (the real class) touches only context.impl._exec,
# context._version (insert/update/delete/c.version_num), context.as_sql,
# context.dialect (only when as_sql is False) and context.version_table.
# With as_sql=True the rowcount checks are skipped, exactly as offline mode.


def _lit_value(lit):
    # HeadMaintainer passes literal_column("'%s'" % version)
    text = getattr(lit, "name", None)
    if text is None:
        text = getattr(lit, "text", str(lit))
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1]
    return text


class _FakeColumn:
    def __eq__(self, other):
        return ("where", _lit_value(other))

    __hash__ = None


class _FakeColumns:
    version_num = _FakeColumn()


class _FakeStmt:
    def __init__(self, kind):
        self.kind = kind
        self.to = None
        self.frm = None

    def values(self, version_num):
        self.to = _lit_value(version_num)
        return self

    def where(self, cond):
        self.frm = cond[1]
        return self


class _FakeTable:
    c = _FakeColumns()

    def insert(self):
        return _FakeStmt("INSERT")

    def delete(self):
        return _FakeStmt("DELETE")

    def update(self):
        return _FakeStmt("UPDATE")


class _FakeImpl:
    def __init__(self):
        self.ops = []

    def _exec(self, stmt, *a, **kw):
        if stmt.kind == "INSERT":
            self.ops.append("INSERT %s" % stmt.to)
        elif stmt.kind == "DELETE":
            self.ops.append("DELETE %s" % stmt.frm)
        else:
            self.ops.append("UPDATE %s -> %s" % (stmt.frm, stmt.to))
        return None


class _FakeContext:
    as_sql = True
    dialect = None
    version_table = "alembic_version"

    def __init__(self):
        self.impl = _FakeImpl()
        self._version = _FakeTable()


# --------------------------------------------------------------------------
# Error mapping
# --------------------------------------------------------------------------


def _error_answer(exc):
    """Map an exception to an ok:false answer.

    kind "failed": the CLI would print "FAILED: <error>" and exit 255
    (util.CommandError).  kind "exception": the CLI would print a traceback
    and exit 1.  For CommandErrors raised by _catch_revision_errors, "type"
    is the class of the underlying RevisionError (ResolutionError,
    MultipleHeads, RangeNotAncestorError, RevisionError, CycleDetected...)
    and "detail" its own message.
    """
    if isinstance(exc, CommandError):
        cause = exc.__cause__
        ans = {"ok": False, "error": str(exc), "kind": "failed"}
        if isinstance(cause, _revision.RevisionError):
            ans["type"] = type(cause).__name__
            ans["detail"] = str(cause)
        else:
            ans["type"] = type(exc).__name__
        return ans
    if isinstance(exc, OracleUnsupported):
        return {
            "ok": False,
            "error": str(exc),
            "type": "OracleUnsupported",
            "kind": "unsupported",
        }
    return {
        "ok": False,
        "error": str(exc),
        "type": type(exc).__name__,
        "kind": "exception",
    }


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------


def _ids(revs):
    return [r.revision if r is not None else None for r in revs]


def _unique_revisions(script):
    """Revision objects in map order, label keys and None/() skipped."""
    out = []
    for key, rev in script.revision_map._revision_map.items():
        if rev is not None and key == rev.revision:
            out.append(rev)
    return out


def _history_line(sc):
    return sc.cmd_format(
        verbose=False,
        include_branches=True,
        include_doc=True,
        include_parents=True,
    )


def q_heads(script, q, extra):
    return list(script.get_heads())


def q_real_heads(script, q, extra):
    return list(script.revision_map._real_heads)


def q_bases(script, q, extra):
    return list(script.get_bases())


def q_real_bases(script, q, extra):
    return list(script.revision_map._real_bases)


def q_revisions(script, q, extra):
    # map order = file order (sorted here)
    return [r.revision for r in _unique_revisions(script)]


def q_labels(script, q, extra):
    return {
        r.revision: sorted(r.branch_labels) for r in _unique_revisions(script)
    }


def q_history(script, q, extra):
    rng = q.get("range")
    if rng is None:
        base = head = None
    else:
        # command.history
        if ":" not in rng:
            raise CommandError(
                "History range requires [start]:[end], [start]:, or :[end]"
            )
        base, head = rng.strip().split(":")
        if base == "current" or head == "current":
            raise OracleUnsupported(
                "history range with 'current' needs a database"
            )
    revs = list(
        script.walk_revisions(base=base or "base", head=head or "heads")
    )
    if q.get("lines"):
        extra["lines"] = [_history_line(sc) for sc in revs]
    return [sc.revision for sc in revs]


def q_resolve(script, q, extra):
    ident = q["id"]
    if isinstance(ident, list):
        ident = tuple(ident)
    return _ids(script.get_revisions(ident))


def q_revision(script, q, extra):
    # ScriptDirectory.get_revision: a single revision (MultipleHeads if >1)
    rev = script.get_revision(q["id"])
    return rev.revision if rev is not None else None


def q_current(script, q, extra):
    rows = tuple(q.get("rows", ()))
    return sorted(
        r.revision for r in script.get_all_current(rows) if r is not None
    )


def _step_json(step):
    if isinstance(step, RevisionStep):
        d = {
            "kind": "revision",
            "direction": "up" if step.is_upgrade else "down",
            "revision": step.revision.revision,
        }
    else:
        d = {
            "kind": "stamp",
            "direction": "up" if step.is_upgrade else "down",
            "revision": None,
            "branch_move": bool(step.branch_move),
        }
    d["from"] = list(step.from_revisions_no_deps)
    d["to"] = list(step.to_revisions_no_deps)
    return d


def _run_steps(steps, rows, extra):
    """Apply steps to a real HeadMaintainer; fills extra, returns result."""
    ctx = _FakeContext()
    hm = HeadMaintainer(ctx, rows)
    out_steps = []
    log = []
    result = {"steps": out_steps, "log": log, "rows": None}
    for step in steps:
        d = _step_json(step)
        out_steps.append(d)
        log.append("Running %s" % (step,))
        ctx.impl.ops = []
        try:
            hm.update_to_step(step)
        except Exception as e:
            d["ops"] = ctx.impl.ops
            d["rows_after"] = None
            result["rows"] = sorted(hm.heads)
            extra["partial"] = result
            raise
        d["ops"] = ctx.impl.ops
        d["rows_after"] = sorted(hm.heads)
    result["rows"] = sorted(hm.heads)
    return result


def q_upgrade(script, q, extra):
    target = q["target"]
    current = tuple(q.get("current", ()))
    # command.upgrade (online): a range needs --sql
    if ":" in target:
        raise CommandError("Range revision not allowed")
    steps = script._upgrade_revs(target, current)
    return _run_steps(steps, current, extra)


def q_downgrade(script, q, extra):
    target = q["target"]
    current = tuple(q.get("current", ()))
    if ":" in target:
        raise CommandError("Range revision not allowed")
    steps = script._downgrade_revs(target, current)
    return _run_steps(steps, current, extra)


def q_stamp(script, q, extra):
    targets = q["targets"]
    if isinstance(targets, str):
        targets = [targets]
    # MigrationContext.run_migrations: purge -> heads = ()
    current = () if q.get("purge") else tuple(q.get("current", ()))
    steps = script._stamp_revs(tuple(targets), current)
    return _run_steps(steps, current, extra)


QUERIES = {
    "heads": q_heads,
    "real_heads": q_real_heads,
    "bases": q_bases,
    "real_bases": q_real_bases,
    "revisions": q_revisions,
    "labels": q_labels,
    "history": q_history,
    "resolve": q_resolve,
    "revision": q_revision,
    "current": q_current,
    "upgrade": q_upgrade,
    "downgrade": q_downgrade,
    "stamp": q_stamp,
}


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


def _warning_texts(caught):
    return [str(w.message) for w in caught]


def answer_query(script, q):
    extra = {}
    fn = QUERIES.get(q.get("q"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if fn is None:
                raise OracleUnsupported("unknown query %r" % (q.get("q"),))
            ans = {"ok": True, "result": fn(script, q, extra)}
        except Exception as e:  # noqa: BLE001 - every error is an answer
            ans = _error_answer(e)
    ans.update(extra)
    ws = _warning_texts(caught)
    if ws:
        ans["warnings"] = ws
    return ans


def answer_project(proj):
    out = {
        "id": proj.get("id"),
        "load_error": None,
        "warnings": [],
        "answers": [],
    }
    queries = proj.get("queries", [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            script = ScriptDirectory(
                proj["script_location"],
                version_locations=proj.get("version_locations") or None,
            )
            script.revision_map._revision_map  # force loading now
        except Exception as e:  # noqa: BLE001
            script = None
            err = _error_answer(e)
            out["load_error"] = err["error"]
            out["load_error_type"] = err["type"]
    out["warnings"] = _warning_texts(caught)
    if script is None:
        out["answers"] = [dict(err) for _ in queries]
        return out
    out["answers"] = [answer_query(script, q) for q in queries]
    return out


def main():
    request = json.load(sys.stdin)
    result = {"projects": []}
    for proj in request.get("projects", []):
        try:
            result["projects"].append(answer_project(proj))
        except Exception as e:  # noqa: BLE001 - never lose the whole batch
            result["projects"].append(
                {
                    "id": proj.get("id"),
                    "load_error": "oracle crash: %s" % traceback.format_exc(),
                    "load_error_type": type(e).__name__,
                    "warnings": [],
                    "answers": [],
                }
            )
    json.dump(result, sys.stdout, indent=None, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
