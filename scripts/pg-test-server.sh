#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 for the test suite.
#
#   scripts/pg-test-server.sh start <dir>   # prints postgresql://postgres@127.0.0.1:<port>/postgres
#   scripts/pg-test-server.sh stop <dir>    # stops the server and removes <dir>
#
# <dir> should be a fresh `mktemp -d` under /tmp (the source tree may be
# read-only in CI). The cluster lives in <dir>/data, its log in <dir>/server.log
# and its unix socket in <dir>; it listens on 127.0.0.1 only, on a free port,
# and trusts loopback connections only. PostgreSQL refuses to run as root, so
# when run as root the server runs as the `postgres` OS user (created by the
# Debian package) and <dir> is handed to it; any other user runs it as itself.
#
# Only the URL goes to stdout; everything else goes to stderr.
#
# Environment:
#   HELPDESK_PG_BIN       server binaries (default /usr/lib/postgresql/15/bin)
#   HELPDESK_PG_PORT      use exactly this port (default: the first free one
#                         from HELPDESK_PG_PORT_MIN upwards)
#   HELPDESK_PG_PORT_MIN  where the search starts (default 55433)
#   HELPDESK_PG_FSYNC     `off` (default) trades crash safety for speed, fine
#                         for tests; set `on` for benchmark figures.
#                         synchronous_commit always keeps its default (on).
set -euo pipefail

bin=${HELPDESK_PG_BIN:-/usr/lib/postgresql/15/bin}
marker=.helpdesk-pg-test-server

usage() {
  echo "usage: $0 start|stop <dir>" >&2
  exit 2
}

log() { printf 'pg-test-server: %s\n' "$*" >&2; }

# Runs a command as the server's OS user.
as_server_user() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # A listener on any address, or a connection attempt that succeeds.
  [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]] && return 0
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
  return 1
}

free_port_from() {
  local port=$1
  while ((port < 65535)); do
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  return 1
}

start() {
  local dir=$1
  [[ -x $bin/initdb ]] || { log "no PostgreSQL server binaries in $bin (install postgresql-15)"; return 1; }
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' OS user to run the server as"
    return 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ -n $(ls -A "$dir") ]]; then
    log "$dir is not empty; give start a fresh directory"
    return 1
  fi
  # Unix socket paths are limited to 107 bytes.
  if ((${#dir} > 80)); then
    log "$dir is too long for a unix socket directory; use a mktemp dir under /tmp"
    return 1
  fi
  touch "$dir/$marker"
  chmod 700 "$dir"
  if ((EUID == 0)); then
    chown postgres: "$dir"
    # The server user must be able to reach <dir> through its parents.
    local parent
    parent=$(dirname "$dir")
    if ! runuser -u postgres -- test -x "$parent"; then
      log "the postgres user cannot enter $parent"
      return 1
    fi
  fi

  as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 || {
    log "initdb failed:"
    tail -n 20 "$dir/initdb.log" >&2
    return 1
  }
  # Trust, but only over the unix socket in <dir> and loopback TCP.
  as_server_user tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

  local fsync=${HELPDESK_PG_FSYNC:-off}
  local port attempt
  # Another process may take the port between the probe and the bind, so a
  # start that fails on a busy port moves on to the next one.
  port=${HELPDESK_PG_PORT:-}
  local next=${HELPDESK_PG_PORT_MIN:-55433}
  for attempt in 1 2 3 4 5; do
    if [[ -z ${HELPDESK_PG_PORT:-} ]]; then
      port=$(free_port_from "$next") || { log "no free port from $next upwards"; return 1; }
      next=$((port + 1))
    fi
    if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=200 -c shared_buffers=64MB" \
      start >&2; then
      break
    fi
    log "start on port $port failed (attempt $attempt):"
    tail -n 5 "$dir/server.log" >&2 || true
    if [[ -n ${HELPDESK_PG_PORT:-} ]] || ((attempt == 5)); then
      return 1
    fi
  done

  local waited=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; do
    if ((waited >= 60)); then
      log "the server did not become ready in 60 s"
      tail -n 20 "$dir/server.log" >&2 || true
      as_server_user "$bin/pg_ctl" -D "$dir/data" stop -m immediate >&2 || true
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (fsync=$fsync), data in $dir"
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=$1
  [[ -d $dir ]] || return 0
  if [[ -z $(ls -A "$dir") ]]; then
    rmdir -- "$dir" # a start that failed before it made anything
    return 0
  fi
  if [[ ! -e $dir/$marker ]]; then
    log "$dir was not made by '$0 start'; not touching it"
    return 1
  fi
  local rc=0
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 60 >&2 || rc=$?
  fi
  rm -rf -- "$dir"
  return "$rc"
}

(($# == 2)) || usage
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
*) usage ;;
esac
