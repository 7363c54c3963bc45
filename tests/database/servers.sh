#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Throwaway PostgreSQL (15 on Debian 12, the newest installed elsewhere) and MariaDB servers for the database integration tests, run by CTest as the
# setup and cleanup of the "databases" fixture:
#   servers.sh start DIR   initialise both servers under DIR, listen on free loopback ports, create the
#                          `retort` database with a read-write and a read-only role, write DIR/servers.env
#   servers.sh stop DIR    stop whatever is left under DIR, including pairs started in its subdirectories
#                          (`servers.sh start DIR/kill-test` by a test), and remove it; never fails
#   servers.sh restart-postgres DIR, servers.sh restart-mariadb DIR
#                          start that server of a pair started with `start DIR` again, on its data directory
#                          and port, stopping (or killing) it first if it still runs; updates its pid in
#                          DIR/servers.env. For tests that kill a server and look at what survived.
# Both servers are tuned for speed over durability (no fsync): DIR is thrown away afterwards.
set -euo pipefail

# PostgreSQL 15 where it is installed (Debian 12), else the newest there is (Debian 13 has only 17).
newest_postgres() {
    local bin
    for bin in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn); do
        [[ -x $bin/pg_ctl ]] && { echo "$bin"; return; }
    done
    echo /usr/lib/postgresql/15/bin
}
PG_BIN=${RETORT_PG_BIN:-$(newest_postgres)}
MARIADBD=${RETORT_MARIADBD:-/usr/sbin/mariadbd}
MARIADB_INSTALL_DB=${RETORT_MARIADB_INSTALL_DB:-/usr/bin/mariadb-install-db}
MARIADB_ADMIN=${RETORT_MARIADB_ADMIN:-/usr/bin/mariadb-admin}
MARIADB_CLIENT=${RETORT_MARIADB_CLIENT:-/usr/bin/mariadb}
PYTHON=${RETORT_TEST_PYTHON:-/usr/bin/python3}
START_TIMEOUT=30

usage() {
    echo "usage: $0 start|stop|restart-postgres|restart-mariadb DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
# Absolute, so that the checks against /proc/*/cwd and the servers' command lines compare like with like.
DIR=$(realpath -m -- "$2")
[[ $DIR != / && -n $DIR ]] || usage

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
log() { echo "servers.sh: $*"; }

# Running and not a zombie: the servers are reparented to init, which may take a second to reap them.
is_running() {
    local state
    state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

# A pid that is still one of our servers: running and started with DIR on its command line, so a
# recycled pid is never killed.
is_ours() {
    local pid=$1
    [[ $pid =~ ^[0-9]+$ ]] && is_running "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$DIR/"
}

wait_gone() {
    local pid=$1 deadline=$(($(date +%s) + $2))
    while is_running "$pid" && (($(date +%s) < deadline)); do
        sleep 0.05
    done
    ! is_running "$pid"
}

# Processes whose working directory is one of the data directories (both, or the one named): PostgreSQL
# backends orphaned by a killed postmaster, or a server whose pid file was never written.
kill_leftovers() {
    local proc cwd only=${1:-}
    for proc in /proc/[0-9]*; do
        cwd=$(readlink "$proc/cwd" 2>/dev/null) || continue
        if [[ -n $only && $cwd != "$DIR/$only" ]]; then
            continue
        fi
        if [[ $cwd == "$DIR/pg" || $cwd == "$DIR/maria" ]]; then
            log "killing leftover process ${proc#/proc/} ($(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | cut -c1-80))"
            kill -KILL "${proc#/proc/}" 2>/dev/null || true
        fi
    done
}

stop_postgres() {
    local pid=""
    [[ -r $DIR/pg/postmaster.pid ]] && pid=$(head -n1 "$DIR/pg/postmaster.pid" 2>/dev/null || true)
    if is_ours "$pid"; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" stop -m immediate -w -t 10 >/dev/null 2>&1 || true
        if ! wait_gone "$pid" 5; then
            log "PostgreSQL (pid $pid) did not stop; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || true
        fi
    fi
}

stop_mariadb() {
    local pid=""
    [[ -r $DIR/maria.pid ]] && pid=$(head -n1 "$DIR/maria.pid" 2>/dev/null || true)
    if is_ours "$pid"; then
        # SIGTERM is the same clean shutdown as `mariadb-admin shutdown`, which polls only once a second.
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 10; then
            log "MariaDB (pid $pid) did not stop; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || true
        fi
    fi
}

do_stop() {
    set +e
    [[ -d $DIR ]] || return 0
    local started nested
    started=$(now)
    # Pairs started inside DIR first (in a subshell, with DIR set to theirs), so that a test that crashed
    # before stopping its own pair leaves nothing running.
    for nested in "$DIR"/*/; do
        nested=${nested%/}
        if [[ ! -L $nested && (-d $nested/pg || -d $nested/maria) ]]; then
            (DIR=$nested do_stop)
        fi
    done
    stop_postgres
    stop_mariadb
    kill_leftovers
    rm -rf -- "$DIR"
    log "stopped in $(elapsed "$started") s"
    return 0
}

# Two distinct free ports on the loopback interface. Another process may take one before the server
# binds it; start_* then fail with "address in use" in the log and the fixture fails visibly.
free_ports() {
    "$PYTHON" - <<'EOF'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

failed_server=""

show_log() {
    local name=$1 file=$2
    if [[ -r $file ]]; then
        echo "---- last lines of the $name log ($file) ----" >&2
        tail -n 40 "$file" >&2
        echo "----" >&2
    else
        echo "($name wrote no log at $file)" >&2
    fi
}

# The postmaster on an initialised data directory; sets POSTGRES_PID.
launch_postgres() {
    local port=$1
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -t "$START_TIMEOUT" \
        -o "-k $DIR/pg-socket -p $port -h 127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >/dev/null || return 1
    POSTGRES_PID=$(head -n1 "$DIR/pg/postmaster.pid")
}

start_postgres() {
    local port=$1 started
    started=$(now)
    failed_server=PostgreSQL
    mkdir -p "$DIR/pg" "$DIR/pg-socket"
    chown postgres:postgres "$DIR/pg" "$DIR/pg-socket"
    chmod 700 "$DIR/pg"
    # The log lives outside the data directory so that it is readable after a failed initdb.
    touch "$DIR/pg.log"
    chown postgres:postgres "$DIR/pg.log"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$DIR/pg" -A trust -U postgres --no-sync -E UTF8 \
        --locale=C.UTF-8 >>"$DIR/pg.log" 2>&1
    # Trust only on the socket, used for the setup below; passwords on TCP, so a wrong one is rejected.
    cat >"$DIR/pg/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 scram-sha-256
EOF
    chown postgres:postgres "$DIR/pg/pg_hba.conf"
    launch_postgres "$port"
    runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR/pg-socket" -p "$port" -U postgres \
        -d postgres >>"$DIR/pg.log" 2>&1 <<'EOF'
CREATE ROLE retort LOGIN PASSWORD 'retort-secret';
CREATE ROLE reader LOGIN PASSWORD 'reader-secret';
CREATE DATABASE retort OWNER retort;
REVOKE ALL ON DATABASE retort FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE retort TO retort;
GRANT CONNECT ON DATABASE retort TO reader;
\connect retort
-- PostgreSQL 15 already denies CREATE on public to PUBLIC; the database owner (retort) keeps it.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO reader;
ALTER DEFAULT PRIVILEGES FOR ROLE retort IN SCHEMA public GRANT SELECT ON TABLES TO reader;
ALTER DEFAULT PRIVILEGES FOR ROLE retort IN SCHEMA public GRANT SELECT ON SEQUENCES TO reader;
EOF
    failed_server=""
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $POSTGRES_PID) started in $(elapsed "$started") s"
}

# mariadbd on an initialised data directory, answering on its socket; sets MARIADB_PID.
launch_mariadb() {
    local port=$1 deadline
    # In its own session with no inherited descriptors: CTest waits for the start test's output pipes to
    # close, and an interrupted test run must not take the server down halfway through a query.
    # --innodb-flush-log-at-trx-commit=2 writes the log at each commit without syncing it: a killed
    # server (restart-mariadb) keeps what was committed; 0 would lose the last second.
    setsid "$MARIADBD" --no-defaults --datadir="$DIR/maria" --socket="$DIR/maria.sock" --port="$port" \
        --bind-address=127.0.0.1 --user=root --pid-file="$DIR/maria.pid" --log-error="$DIR/maria.log" \
        --tmpdir="$DIR/maria-tmp" --skip-name-resolve --skip-log-bin --innodb-flush-log-at-trx-commit=2 \
        --innodb-doublewrite=0 --innodb-flush-method=nosync --innodb-fast-shutdown=2 \
        --innodb-buffer-pool-size=32M --innodb-log-file-size=16M \
        </dev/null >>"$DIR/maria.log" 2>&1 &
    local launcher=$!
    deadline=$(($(date +%s) + START_TIMEOUT))
    until "$MARIADB_ADMIN" --no-defaults --socket="$DIR/maria.sock" --user=root --connect-timeout=1 ping \
        >/dev/null 2>&1; do
        if ! kill -0 "$launcher" 2>/dev/null; then
            log "MariaDB exited during start-up"
            return 1
        fi
        if (($(date +%s) >= deadline)); then
            log "MariaDB did not answer within $START_TIMEOUT s"
            return 1
        fi
        sleep 0.1
    done
    # The pid file is written just before the server accepts connections.
    MARIADB_PID=$(head -n1 "$DIR/maria.pid")
}

start_mariadb() {
    local port=$1 started
    started=$(now)
    failed_server=MariaDB
    mkdir -p "$DIR/maria" "$DIR/maria-tmp"
    "$MARIADB_INSTALL_DB" --no-defaults --datadir="$DIR/maria" --user=root --auth-root-authentication-method=socket \
        --skip-test-db --skip-name-resolve >>"$DIR/maria.log" 2>&1
    launch_mariadb "$port"
    "$MARIADB_CLIENT" --no-defaults --socket="$DIR/maria.sock" --user=root >>"$DIR/maria.log" 2>&1 <<'EOF'
-- Only root@localhost over the socket (as the root account) administers the server.
DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';
DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';
FLUSH PRIVILEGES;
CREATE DATABASE retort CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'retort-secret';
CREATE USER 'retort'@'localhost' IDENTIFIED BY 'retort-secret';
GRANT ALL PRIVILEGES ON retort.* TO 'retort'@'127.0.0.1', 'retort'@'localhost';
CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-secret';
CREATE USER 'reader'@'localhost' IDENTIFIED BY 'reader-secret';
GRANT SELECT ON retort.* TO 'reader'@'127.0.0.1', 'reader'@'localhost';
EOF
    failed_server=""
    log "MariaDB $("$MARIADBD" --version | awk '{print $3}') on 127.0.0.1:$port (pid $MARIADB_PID) started in $(elapsed "$started") s"
}

on_start_exit() {
    local status=$?
    if ((status != 0)); then
        log "start failed${failed_server:+ while starting $failed_server}"
        if [[ $failed_server != MariaDB ]]; then
            show_log PostgreSQL "$DIR/pg.log"
        fi
        if [[ $failed_server != PostgreSQL ]]; then
            show_log MariaDB "$DIR/maria.log"
        fi
        # Leave nothing running even when this is run without the cleanup test.
        do_stop
    fi
    exit "$status"
}

do_start() {
    local started pg_port maria_port
    started=$(now)
    # Whatever an interrupted earlier run left behind.
    do_stop
    set -e
    trap on_start_exit EXIT
    mkdir -p "$DIR"
    read -r pg_port maria_port < <(free_ports)
    [[ -n $pg_port && -n $maria_port ]]
    start_postgres "$pg_port"
    start_mariadb "$maria_port"
    cat >"$DIR/servers.env.tmp" <<EOF
RETORT_TEST_POSTGRES_URL=postgresql://retort:retort-secret@127.0.0.1:$pg_port/retort
RETORT_TEST_POSTGRES_READER_URL=postgresql://reader:reader-secret@127.0.0.1:$pg_port/retort
RETORT_TEST_MARIADB_URL=mysql+pymysql://retort:retort-secret@127.0.0.1:$maria_port/retort
RETORT_TEST_MARIADB_READER_URL=mysql+pymysql://reader:reader-secret@127.0.0.1:$maria_port/retort
RETORT_TEST_POSTGRES_PID=$POSTGRES_PID
RETORT_TEST_MARIADB_PID=$MARIADB_PID
RETORT_TEST_POSTGRES_DATA=$DIR/pg
RETORT_TEST_MARIADB_DATA=$DIR/maria
RETORT_TEST_POSTGRES_SOCKET_DIR=$DIR/pg-socket
RETORT_TEST_MARIADB_SOCKET=$DIR/maria.sock
RETORT_TEST_POSTGRES_PORT=$pg_port
RETORT_TEST_MARIADB_PORT=$maria_port
EOF
    mv "$DIR/servers.env.tmp" "$DIR/servers.env"
    log "both servers ready in $(elapsed "$started") s; settings in $DIR/servers.env"
}

# A value of DIR/servers.env.
env_value() {
    sed -n "s/^$1=//p" "$DIR/servers.env" | head -n1
}

do_restart() {
    local server=$1 started port
    started=$(now)
    if [[ ! -r $DIR/servers.env ]]; then
        log "$DIR/servers.env does not exist: run '$0 start $DIR' first"
        exit 1
    fi
    if [[ $server == postgres ]]; then
        port=$(env_value RETORT_TEST_POSTGRES_PORT)
        stop_postgres
        kill_leftovers pg
        if ! launch_postgres "$port"; then
            show_log PostgreSQL "$DIR/pg.log"
            exit 1
        fi
        sed -i "s/^RETORT_TEST_POSTGRES_PID=.*/RETORT_TEST_POSTGRES_PID=$POSTGRES_PID/" "$DIR/servers.env"
        log "PostgreSQL restarted on 127.0.0.1:$port (pid $POSTGRES_PID) in $(elapsed "$started") s"
    else
        port=$(env_value RETORT_TEST_MARIADB_PORT)
        stop_mariadb
        kill_leftovers maria
        if ! launch_mariadb "$port"; then
            show_log MariaDB "$DIR/maria.log"
            exit 1
        fi
        sed -i "s/^RETORT_TEST_MARIADB_PID=.*/RETORT_TEST_MARIADB_PID=$MARIADB_PID/" "$DIR/servers.env"
        log "MariaDB restarted on 127.0.0.1:$port (pid $MARIADB_PID) in $(elapsed "$started") s"
    fi
}

case $action in
start) do_start ;;
stop) do_stop ;;
restart-postgres) do_restart postgres ;;
restart-mariadb) do_restart mariadb ;;
*) usage ;;
esac
