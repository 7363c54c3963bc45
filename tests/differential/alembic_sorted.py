#!/usr/bin/python3
"""The real alembic CLI with sorted revision-file enumeration.

    PYTHONHASHSEED=0 /usr/bin/python3 alembic_sorted.py -c alembic.ini heads -v

behaves like ``/usr/bin/python3 -m alembic ...`` (same argv, prog name,
stdout/stderr and exit codes: 0 ok, 255 "FAILED:", 1 traceback, 2 argparse)
except that ``Script._list_py_dir`` returns its result sorted, i.e. revision
files are read in sorted file-name order as in alembic >= 1.10
(alembic-semantics.md, Appendix B).  Like the oracle it also sets
``sys.dont_write_bytecode`` so no __pycache__ is written into the test
fixtures (stale .pyc hazard when a test rewrites a file within one second).
"""

import sys

sys.dont_write_bytecode = True

from alembic.script.base import Script  # noqa: E402

_orig_list_py_dir = Script._list_py_dir.__func__


def _sorted_list_py_dir(cls, scriptdir, path):
    return sorted(_orig_list_py_dir(cls, scriptdir, path))


Script._list_py_dir = classmethod(_sorted_list_py_dir)

from alembic.config import main  # noqa: E402

if __name__ == "__main__":
    main(prog="alembic")
