#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# The README's two commands:
#   bash packaging/bootstrap.sh run    install dependencies, build, open the GUI on the sample project
#   bash packaging/bootstrap.sh test   install dependencies, build, run the whole test suite (what CI runs)
# `test` runs three legs and fails if any fails: the sanitizer leg and the whole suite on this machine
# (Debian 12: Qt 6.4, the built-in highlighter), and the whole suite on Debian 13 (Qt 6.8, KF6
# SyntaxHighlighting) in a debootstrap root, by packaging/debian13.sh.
# Optional: BUILD_DIR (default: build), CTEST_ARGS (e.g. "-L fast" for the quick set, both systems),
# SANITIZE=0 to skip the sanitizer leg, DEBIAN13=0 to skip the Debian 13 leg.
set -euo pipefail

mode=${1:-run}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$here/build}
jobs=$(nproc 2>/dev/null || echo 2)
system=$(. /etc/os-release && echo "${NAME%% *} ${VERSION_ID:-}")

# Configures build directory $1 with the options that follow; prints CMake's summary (versions, the
# highlighter in use), or everything when configuring fails.
configure() {
    local output
    if ! output=$(cmake -S "$here" -B "$1" -G Ninja "${@:2}" 2>&1); then
        echo "$output" >&2
        return 1
    fi
    echo "$output" | grep -E '^-- Retort [0-9]|^ \* |features have been' || true
}

bash "$here/packaging/setup-debian.sh"

debian13=0
if [ "$mode" = test ] && [ "${DEBIAN13:-1}" != 0 ]; then
    # The Debian 13 root is made (debootstrap, then packages: mostly downloads) while this machine builds.
    debian13=1
    prepare_log="$(dirname "${DEBIAN13_ROOT:-$here/build-debian13/root}")/prepare.log"
    mkdir -p "$(dirname "$prepare_log")"
    # In a session of its own, so that stopping early stops all of it (debootstrap, apt).
    setsid bash "$here/packaging/debian13.sh" prepare >"$prepare_log" 2>&1 &
    prepare_pid=$!
    trap 'kill -- -"$prepare_pid" 2>/dev/null || true' EXIT
fi

started=$SECONDS
echo "== $system: build"
# Line tables only (-g1): backtraces keep file and line, and the build takes a fifth less time.
configure "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
    -DRETORT_WARNINGS_AS_ERRORS=ON
cmake --build "$build" -j "$jobs"
echo "== $system: built in $((SECONDS - started)) s"

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
    # The sanitizer leg first: the model, retort-cli and their tests built with AddressSanitizer and
    # UndefinedBehaviorSanitizer (no GUI), run on the fast, differential and database labels. Then the
    # Debian 13 leg, and the whole suite here last, so the output ends with CTest's own summary.
    failed=()
    if [ "${SANITIZE:-1}" != 0 ]; then
        started=$SECONDS
        asan="$build-asan"
        echo "== $system: sanitizer build"
        # Assertions on, line tables for the reports, no benchmarks (their smoke runs are not in this leg).
        configure "$asan" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DRETORT_SANITIZE=ON \
            -DRETORT_BUILD_GUI=OFF -DRETORT_BUILD_BENCHMARKS=OFF -DRETORT_WARNINGS_AS_ERRORS=ON
        cmake --build "$asan" -j "$jobs"
        echo "== $system: sanitizer leg (ASan + UBSan): fast, differential and database labels"
        # Not tst_cliparity: two thirds of its time go to the alembic runs it compares with, and the
        # retort-cli code it drives runs here in tst_cligolden and the other CLI tests.
        (cd "$asan" && ctest --output-on-failure -j "$jobs" -L 'fast|differential|database' -E '^tst_cliparity$') ||
            failed+=("the sanitizer leg")
        echo "== $system: sanitizer leg took $((SECONDS - started)) s"
    fi
    if [ "$debian13" = 1 ]; then
        started=$SECONDS
        echo "== Debian 13: waiting for its root"
        if wait "$prepare_pid"; then
            cat "$prepare_log"
            bash "$here/packaging/debian13.sh" test || failed+=("the Debian 13 leg")
        else
            cat "$prepare_log" >&2
            failed+=("the Debian 13 leg (its root could not be made)")
        fi
        echo "== Debian 13: leg took $((SECONDS - started)) s"
    fi
    if [ "${#failed[@]}" -gt 0 ]; then
        printf "== FAILED: %s (above); the whole suite on $system runs all the same.\\n" "${failed[@]}" >&2
    fi
    echo "== $system: whole suite"
    cd "$build"
    status=0
    # shellcheck disable=SC2086
    ctest --output-on-failure -j "$jobs" ${CTEST_ARGS:-} || status=$?
    [ "$status" != 0 ] || [ "${#failed[@]}" = 0 ] || status=1
    exit "$status"
    ;;
*)
    echo "usage: bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
