#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# The README's two commands:
#   bash packaging/bootstrap.sh run    install dependencies, build, open the GUI on the sample project
#   bash packaging/bootstrap.sh test   install dependencies, build, run the whole test suite (what CI runs)
# Optional: BUILD_DIR (default: build), CTEST_ARGS (e.g. "-L fast" for the quick set),
# SANITIZE=0 to skip the sanitizer leg of `test`.
set -euo pipefail

mode=${1:-run}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$here/build}
jobs=$(nproc 2>/dev/null || echo 2)

bash "$here/packaging/setup-debian.sh"

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETORT_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j "$jobs"

case "$mode" in
run)
    shift || true
    # The demo database: the sample migrated half way with real alembic, so pending revisions exist.
    sample="$here/resources/sample"
    if [ ! -f "$sample/shop.db" ]; then
        (cd "$sample" && PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m alembic upgrade 9ccc6cd9d6d2 >/dev/null 2>&1) ||
            echo "Could not create the demo database (alembic failed); the window opens without it." >&2
    fi
    # Offscreen when there is no display (e.g. over ssh); a real window otherwise.
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found: starting under xvfb-run." >&2
        exec xvfb-run -a "$build/app/retort" --demo "$@"
    fi
    exec "$build/app/retort" --demo "$@"
    ;;
test)
    # First the sanitizer leg: the model, retort-cli and their tests built with AddressSanitizer and
    # UndefinedBehaviorSanitizer (no GUI), run on the fast, differential and database labels. Then the
    # whole suite on the normal build, so the output ends with CTest's own summary. Fails if either does.
    sanitized=0
    if [ "${SANITIZE:-1}" != 0 ]; then
        asan="$build-asan"
        cmake -S "$here" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DRETORT_SANITIZE=ON \
            -DRETORT_BUILD_GUI=OFF -DRETORT_WARNINGS_AS_ERRORS=ON >/dev/null
        cmake --build "$asan" -j "$jobs"
        echo "== Sanitizer leg (ASan + UBSan): fast, differential and database labels"
        (cd "$asan" && ctest --output-on-failure -j "$jobs" -L 'fast|differential|database') || sanitized=$?
        [ "$sanitized" = 0 ] || echo "== The sanitizer leg FAILED (above); the whole suite runs all the same." >&2
        echo "== Whole suite"
    fi
    cd "$build"
    status=0
    # shellcheck disable=SC2086
    ctest --output-on-failure -j "$jobs" ${CTEST_ARGS:-} || status=$?
    [ "$status" != 0 ] || status=$sanitized
    exit "$status"
    ;;
*)
    echo "usage: bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
