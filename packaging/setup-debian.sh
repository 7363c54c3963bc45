#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Installs everything Retort needs to build, run and test on Debian 12 or newer.
# Non-interactive and idempotent: when every package is present it returns in well under a second.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libqt6svg6
    libgl-dev libxkbcommon-dev
    libgraphviz-dev graphviz
    libtomlplusplus-dev
    python3-alembic python3-sqlalchemy python3-psycopg2 python3-pymysql
    python3-flask-migrate python3-flask-sqlalchemy
    qtkeychain-qt6-dev
    sqlite3 postgresql-15 mariadb-server
    fonts-dejavu-core xvfb xauth
    desktop-file-utils appstream shared-mime-info file qt6-translations-l10n
    debootstrap
)
# The KF6 highlighter is optional; newer Debian releases ship it.
optional=(libkf6syntaxhighlighting-dev)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for p in "${optional[@]}"; do
    if apt-cache show "$p" >/dev/null 2>&1; then
        "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$p" >/dev/null || true
    fi
done
# Debian starts freshly installed servers; the tests start their own throwaway instances instead.
for svc in postgresql mariadb; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
        "${sudo_cmd[@]}" systemctl stop "$svc" || true
    fi
done
