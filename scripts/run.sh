#!/usr/bin/env bash
# The README's "run" command: installs what is missing, builds the server
# and the web console (Release, no tests or benchmarks) and runs it, serving
# the console at its address, on the embedded SQLite store
# ./var/helpdesk.db, with attachments under ./var/blobs. It prints where it
# listens and how to log in; Ctrl-C stops it gracefully.
# Flags and HELPDESK_* variables are passed through (see --help), e.g.
#   scripts/run.sh --listen 0.0.0.0:8080
set -euo pipefail

cd "$(dirname "$0")/.."
jobs=${HELPDESK_JOBS:-2}

scripts/install-deps.sh

# shellcheck disable=SC2086 # HELPDESK_CMAKE_ARGS is a list of -D flags
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
  -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_BUILD_EXAMPLES=OFF ${HELPDESK_CMAKE_ARGS:-}
# The console comes with the server (HELPDESK_BUILD_WEB, on by default);
# -DHELPDESK_BUILD_WEB=OFF in HELPDESK_CMAKE_ARGS builds the API alone.
cmake --build build -j "$jobs" --target helpdesk-server
if grep -q '^HELPDESK_BUILD_WEB:BOOL=ON' build/CMakeCache.txt; then
  cmake --build build -j "$jobs" --target helpdesk-web
fi

# var/ is git-ignored: the database, files and signing key survive restarts.
mkdir -p var
# A signing key made once and kept, so tokens stay valid across restarts.
if [[ -z ${HELPDESK_JWT_SECRET:-} ]]; then
  if [[ ! -s var/jwt-secret ]]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >var/jwt-secret)
  fi
  HELPDESK_JWT_SECRET=$(cat var/jwt-secret)
  export HELPDESK_JWT_SECRET
fi
export HELPDESK_STORE=${HELPDESK_STORE:-sqlite://var/helpdesk.db}
export HELPDESK_BLOB_DIR=${HELPDESK_BLOB_DIR:-var/blobs}
exec build/server/helpdesk-server "$@"
