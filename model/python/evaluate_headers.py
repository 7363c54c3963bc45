# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Run by Retort (HeaderEvaluator) in the project's interpreter, with the user's consent, to learn
# revision header values that cannot be read without running Python. Each file is loaded the way
# alembic loads it (alembic.util.load_python_file); nothing is written (no bytecode).
#
# stdin: {"sys_path": [...], "files": [...]}. stdout: JSON lines, flushed one by one:
#   {"alembic": "1.8.1", "python": "3.11.2"}      first, once alembic is imported
#   {"start": FILE}                                 before a file is loaded (a hang is the last one)
#   {"file": FILE, "ok": true, "revision": ..., "down_revision": [...], "branch_labels": [...],
#    "depends_on": [...]}
#   {"file": FILE, "ok": false, "error": "ModuleNotFoundError: No module named 'x'"}
# Whatever the loaded files print goes to stderr, so it cannot corrupt the answers.
import json
import os
import sys

sys.dont_write_bytecode = True
out = sys.stdout
sys.stdout = sys.stderr


def say(obj):
    out.write(json.dumps(obj) + "\n")
    out.flush()


request = json.load(sys.stdin)
for entry in reversed(request.get("sys_path", [])):
    if entry not in sys.path:
        sys.path.insert(0, entry)

try:
    import alembic
    from alembic import util
except Exception as error:  # noqa: BLE001 - any failure means "no usable alembic"
    say({"no_alembic": "%s: %s" % (type(error).__name__, error)})
    sys.exit(0)

say({"alembic": alembic.__version__, "python": "%d.%d.%d" % sys.version_info[:3]})


def strings(value):
    value = util.to_tuple(value, default=())
    if not all(isinstance(item, str) for item in value):
        raise TypeError("not a string or a sequence of strings: %r" % (value,))
    return list(value)


for path in request.get("files", []):
    say({"start": path})
    try:
        module = util.load_python_file(os.path.dirname(path), os.path.basename(path))
        answer = {"file": path, "ok": True}
        revision = getattr(module, "revision", None)
        if revision is not None:
            if not isinstance(revision, str):
                raise TypeError("revision is %r, not a string" % (revision,))
            answer["revision"] = revision
        if hasattr(module, "down_revision"):
            answer["down_revision"] = strings(module.down_revision)
        answer["branch_labels"] = strings(getattr(module, "branch_labels", None))
        answer["depends_on"] = strings(getattr(module, "depends_on", None))
    except BaseException as error:  # noqa: BLE001 - SystemExit and friends from a module too
        answer = {"file": path, "ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    say(answer)
