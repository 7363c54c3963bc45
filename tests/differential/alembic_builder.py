#!/usr/bin/python3
"""Builds Alembic projects with alembic's own commands, many in one process.

Run as::

    PYTHONHASHSEED=0 /usr/bin/python3 alembic_builder.py < request.json > answer.json

Request: ``{"projects": [{"dir": "/abs/p1", "template": "generic"|"typed", "extra_location": bool,
"steps": [STEP, ...]}]}`` where a STEP is ``{"cmd": "revision", "message": str, "rev_id": str,
"head": str, "splice": bool, "branch_label": str|null, "depends_on": [str]|null,
"version_path": "extra"|null}`` or ``{"cmd": "merge", "revisions": [str] | "heads", "message": str,
"rev_id": str, "branch_label": str|null}``.

Each project is made by ``alembic init`` (``command.init``); ``typed`` swaps in the typed script
template of newer alembic releases; ``extra_location`` adds a second version location. Every step
runs ``command.revision`` / ``command.merge`` exactly as the CLI does; a step alembic refuses
(e.g. "not a head; please specify --splice") is recorded and the build goes on.

Answer: ``{"projects": [{"dir", "ini", "script_location", "version_locations",
"results": [{"ok": bool, "error": str}]}]}``.

Files are enumerated in sorted order (alembic >= 1.10), as in alembic_oracle.py.
"""

import json
import os
import sys

sys.dont_write_bytecode = True

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.script.base import Script  # noqa: E402

_orig_list_py_dir = Script._list_py_dir.__func__
Script._list_py_dir = classmethod(lambda cls, sd, path: sorted(_orig_list_py_dir(cls, sd, path)))

TYPED_TEMPLATE = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}


def upgrade() -> None:
    """Upgrade schema."""
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    """Downgrade schema."""
    ${downgrades if downgrades else "pass"}
'''


def build(project):
    root = project["dir"]
    os.makedirs(root, exist_ok=True)
    ini = os.path.join(root, "alembic.ini")
    script_location = os.path.join(root, "migrations")
    command.init(Config(ini), script_location)
    with open(ini) as f:
        lines = f.read().splitlines()
    # The 1.8.1 template's inline comment after version_path_separator breaks version_locations.
    lines = [line for line in lines if not line.startswith("version_path_separator")]
    version_locations = [os.path.join(script_location, "versions")]
    if project.get("extra_location"):
        extra = os.path.join(root, "extra")
        os.makedirs(extra, exist_ok=True)
        version_locations.append(extra)
        at = lines.index("[alembic]") + 1
        lines.insert(at, "version_locations = %(here)s/migrations/versions %(here)s/extra")
    with open(ini, "w") as f:
        f.write("\n".join(lines) + "\n")
    if project.get("template") == "typed":
        with open(os.path.join(script_location, "script.py.mako"), "w") as f:
            f.write(TYPED_TEMPLATE)

    config = Config(ini)
    results = []
    for step in project["steps"]:
        try:
            if step["cmd"] == "revision":
                version_path = step.get("version_path")
                command.revision(
                    config,
                    message=step["message"],
                    head=step.get("head") or "head",
                    splice=step.get("splice", False),
                    branch_label=step.get("branch_label"),
                    version_path=os.path.join(root, version_path) if version_path else None,
                    rev_id=step["rev_id"],
                    depends_on=step.get("depends_on"),
                )
            else:
                command.merge(
                    config,
                    revisions=step["revisions"],
                    message=step["message"],
                    branch_label=step.get("branch_label"),
                    rev_id=step["rev_id"],
                )
            results.append({"ok": True, "error": ""})
        except Exception as e:  # CommandError and alembic's own crashes alike: go on
            results.append({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
    return {
        "dir": root,
        "ini": ini,
        "script_location": script_location,
        "version_locations": version_locations,
        "results": results,
    }


def main():
    request = json.load(sys.stdin)
    devnull = open(os.devnull, "w")
    real_stdout = sys.stdout
    sys.stdout = devnull  # command.init/revision print progress lines
    try:
        answer = {"projects": [build(p) for p in request["projects"]]}
    finally:
        sys.stdout = real_stdout
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
