#!/usr/bin/env bash
# The README's "run" command: installs what is missing, builds the server
# (Release, no tests or benchmarks) and runs it on the embedded SQLite store
# ./var/helpdesk.db, with attachments under ./var/blobs. It prints where it
# listens and how to log in; Ctrl-C stops it gracefully.
# Flags and HELPDESK_* variables are passed through (see --help), e.g.
#   scripts/run.sh --listen 0.0.0.0:8080
set -euo pipefail

cd "$(dirname "$0")/.."
jobs=${HELPDESK_JOBS:-2}

scripts/install-deps.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
  -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_BUILD_EXAMPLES=OFF
cmake --build build --target helpdesk-server -j "$jobs"

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
