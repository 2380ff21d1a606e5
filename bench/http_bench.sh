#!/usr/bin/env bash
# HTTP benchmark of helpdesk-server: prints figures, checks nothing (not a
# test; ctest never runs it).
#
#   bench/http_bench.sh [--duration S] [--tickets N] [--only sqlite|postgres]
#
# For each store (SQLite, then PostgreSQL): seeds 1,000 accounts and N
# tickets (default 100,000) with build-bench/bench/http_seed into a temporary
# directory, starts build-bench/server/helpdesk-server on it, and drives it
# with wrk (2 threads, 32 connections, S seconds, default 15) through the
# scenarios in bench/wrk/*.lua: healthz, ticket detail, list page, ticket
# create, update-status and login. For each it prints req/s, p50 and p99
# latency, the non-2xx count (a run with any is flagged), the server's CPU
# seconds per request (utime+stime from /proc/PID/stat over the run) and the
# server's peak RSS during the run (VmHWM, reset before each run through
# /proc/PID/clear_refs); then a table with the SQLite targets beside the
# figures, and the ratio detail/healthz.
#
# PostgreSQL: a private server from scripts/pg-test-server.sh (fsync on),
# stopped on exit, unless HELPDESK_BENCH_PG_URL names an empty database.
#
# Environment:
#   HELPDESK_BENCH_PG_URL       an empty PostgreSQL database to use instead
#   HELPDESK_BENCH_SERVER_ARGS  extra helpdesk-server flags, e.g. --no-access-log
#   HELPDESK_BENCH_SERVER_LOG   file for the server's standard error (default /dev/null)
#   HELPDESK_BENCH_KEEP=1       keep the temporary directory (stores, wrk output)
#   HELPDESK_JOBS               build parallelism (default 2)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD

duration=15
tickets=100000
accounts=1000
only=""
threads=2
connections=32

usage() {
  sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while (($#)); do
  case $1 in
    --duration) duration=${2:?}; shift 2 ;;
    --tickets) tickets=${2:?}; shift 2 ;;
    --only) only=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "http_bench: unknown argument $1" >&2; usage ;;
  esac
done
case $only in "" | sqlite | postgres) ;; *) echo "http_bench: --only sqlite|postgres" >&2; exit 2 ;; esac
[[ $duration =~ ^[0-9]+$ && $tickets =~ ^[0-9]+$ ]] || { echo "http_bench: numbers expected" >&2; exit 2; }

command -v wrk >/dev/null || { echo "http_bench: wrk is not installed" >&2; exit 1; }
command -v curl >/dev/null || { echo "http_bench: curl is not installed" >&2; exit 1; }

# --- build -------------------------------------------------------------------
# (Re)configured every time: cheap, and a build dir made before http_seed
# existed would not know the target.
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release \
  -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_EXAMPLES=OFF -DHELPDESK_BUILD_BENCH=ON >/dev/null
cmake --build build-bench --target helpdesk-server http_seed -j "${HELPDESK_JOBS:-2}" >/dev/null
server_bin=$root/build-bench/server/helpdesk-server
seed_bin=$root/build-bench/bench/http_seed

# --- housekeeping ------------------------------------------------------------
work=$(mktemp -d /tmp/http-bench.XXXXXX)
server_pid=""
pg_dir=""

stop_server() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

cleanup() {
  stop_server
  if [[ -n $pg_dir ]]; then
    scripts/pg-test-server.sh stop "$pg_dir" >/dev/null 2>&1 || true
  fi
  if [[ ${HELPDESK_BENCH_KEEP:-0} == 1 ]]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

clk_tck=$(getconf CLK_TCK)
server_log=${HELPDESK_BENCH_SERVER_LOG:-/dev/null}
read -r -a extra_args <<<"${HELPDESK_BENCH_SERVER_ARGS:-}"
jwt_secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
flagged=0

# Server CPU ticks (utime + stime of all its threads).
cpu_ticks() {
  local stat
  stat=$(<"/proc/$1/stat")
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  echo $((${12} + ${13}))
}

# CPU ticks of a private PostgreSQL: the postmaster (with its exited children)
# and its live children (the server's backends). 0 when there is none.
db_ticks() {
  local pm=${db_pid:-} total=0 f stat
  [[ -n $pm ]] || { echo 0; return; }
  for f in /proc/[0-9]*/stat; do
    { stat=$(<"$f"); } 2>/dev/null || continue
    local pid=${stat%% *}
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    if [[ $pid == "$pm" ]]; then
      total=$((total + ${12} + ${13} + ${14} + ${15}))
    elif [[ $2 == "$pm" ]]; then
      total=$((total + ${12} + ${13}))
    fi
  done
  echo "$total"
}

# kB of VmHWM / VmRSS.
proc_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

# Status code of one request: preflight <method> <path> <token or -> [body].
preflight() {
  local method=$1 path=$2 token=$3 body=${4:-}
  local args=(-s -o "$work/preflight.body" -w '%{http_code}' -X "$method" "$base$path")
  [[ $token != - ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' -d "$body")
  curl "${args[@]}" || echo 000
}

login() { # login <endpoint> <email>
  curl -s -X POST "$base/api/token/$1/" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$SEED_PASSWORD\"}" | json_field access
}

# --- one scenario ------------------------------------------------------------
rows=() # "store endpoint rps p50_ms p99_ms non2xx sockerr cpu_ms rss_mib db_cpu_ms"

run_scenario() { # run_scenario <store> <name> <script> <expected status> <preflight args...>
  local store=$1 name=$2 script=$3 expect=$4
  shift 4
  local code
  code=$(preflight "$@")
  if [[ $code != "$expect" ]]; then
    echo "  $name: preflight $1 $2 answered $code, expected $expect: $(head -c 300 "$work/preflight.body")"
    rows+=("$store $name - - - preflight - - -")
    flagged=1
    return
  fi
  echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || echo "  (could not reset VmHWM: peak RSS is since start)"
  local before after db_before db_after out="$work/$store-$name.wrk"
  before=$(cpu_ticks "$server_pid")
  db_before=$(db_ticks)
  BENCH_WRK_DIR=$root/bench/wrk BENCH_THREADS=$threads \
    wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout 30s \
    -s "$root/bench/wrk/$script" "$base" >"$out" 2>&1 || true
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "  $name: THE SERVER DIED during the run (see HELPDESK_BENCH_SERVER_LOG)"
    rows+=("$store $name - - - died - - -")
    flagged=1
    server_pid=""
    return 1
  fi
  after=$(cpu_ticks "$server_pid")
  db_after=$(db_ticks)
  local hwm result
  hwm=$(proc_kb "$server_pid" VmHWM)
  result=$(grep '^BENCH_RESULT' "$out" || true)
  if [[ -z $result ]]; then
    echo "  $name: wrk printed no result:"
    sed 's/^/    /' "$out"
    rows+=("$store $name - - - wrk - - -")
    flagged=1
    return
  fi
  local requests duration_us p50_us p99_us err_connect err_read err_write err_status err_timeout
  eval "$(echo "$result" | tr ' ' '\n' | grep '=' | sed 's/^/local /')"
  local row
  row=$(awk -v st="$store" -v nm="$name" -v n="$requests" -v d="$duration_us" -v p50="$p50_us" -v p99="$p99_us" \
    -v bad="$err_status" -v sock="$((err_connect + err_read + err_write + err_timeout))" \
    -v ticks="$((after - before))" -v hz="$clk_tck" -v hwm="$hwm" -v dbt="$((db_after - db_before))" \
    -v db="${db_pid:-}" 'BEGIN {
      rps = d > 0 ? n / (d / 1e6) : 0
      cpu = n > 0 ? ticks / hz / n * 1000 : 0
      dbcpu = (db != "" && n > 0) ? sprintf("%.4f", dbt / hz / n * 1000) : "-"
      printf "%s %s %.0f %.2f %.2f %d %d %.4f %.1f %s", st, nm, rps, p50 / 1000, p99 / 1000, bad, sock, cpu, hwm / 1024, dbcpu
    }')
  rows+=("$row")
  read -r _ _ rps p50 p99 bad sock cpu rss dbcpu <<<"$row"
  local flag=""
  [[ $dbcpu != - ]] && cpu="$cpu (+ PostgreSQL $dbcpu)"
  if ((bad > 0 || sock > 0)); then
    flag="   <-- ERRORS: $bad non-2xx, $sock socket errors/timeouts"
    flagged=1
  fi
  printf '  %-14s %9s req/s  p50 %7s ms  p99 %8s ms  non-2xx %-6s cpu %s ms/req  peak RSS %s MiB (now anon %s, file %s)%s\n' \
    "$name" "$rps" "$p50" "$p99" "$bad" "$cpu" "$rss" "$(($(proc_kb "$server_pid" RssAnon) / 1024))" \
    "$(($(proc_kb "$server_pid" RssFile) / 1024))" "$flag"
}

# --- one store -----------------------------------------------------------------
bench_store() { # bench_store <label> <url>
  local store=$1 url=$2
  echo
  echo "== $store: seeding $accounts accounts and $tickets tickets"
  local seed_out="$work/$store.seed"
  local t0=$SECONDS
  if ! "$seed_bin" --store "$url" --accounts "$accounts" --tickets "$tickets" >"$seed_out" 2>"$work/$store.seed.log"; then
    echo "http_seed failed:" >&2
    cat "$work/$store.seed.log" >&2
    return 1
  fi
  echo "   seeded in $((SECONDS - t0)) s"
  # shellcheck disable=SC1090
  source "$seed_out"

  mkdir -p "$work/$store-blobs"
  "$server_bin" --listen 127.0.0.1:0 --store "$url" --blob-dir "$work/$store-blobs" --jwt-secret "$jwt_secret" \
    --rate-limit-address 1000000000/1 --rate-limit-account 1000000000/1 --access-token-ttl 3600 \
    "${extra_args[@]}" >"$work/$store.server.out" 2>>"$server_log" &
  server_pid=$!
  base=""
  for _ in $(seq 100); do
    base=$(sed -n 's/^helpdesk-server listening on \(http[^ ]*\).*/\1/p' "$work/$store.server.out")
    [[ -n $base ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -z $base ]]; then
    echo "helpdesk-server did not start:" >&2
    cat "$work/$store.server.out" >&2
    server_pid=""
    return 1
  fi
  echo "   server pid $server_pid at $base, RSS after start $(($(proc_kb "$server_pid" VmRSS) / 1024)) MiB"

  local coord_token employee_token
  coord_token=$(login admin "$SEED_COORD_EMAIL")
  employee_token=$(login employee "${SEED_LOGIN_EMAILS%% *}")
  if [[ -z $coord_token || -z $employee_token ]]; then
    echo "could not log in the bench accounts" >&2
    return 1
  fi

  export BENCH_FIRST_ID=$SEED_FIRST_ID BENCH_LAST_ID=$SEED_LAST_ID
  # The last id of the update range is kept out of wrk's walk for the preflight.
  export BENCH_UPDATE_FIRST=$SEED_UPDATE_FIRST BENCH_UPDATE_LAST=$((SEED_UPDATE_LAST - 1)) BENCH_UPDATE_SPARE=$SEED_UPDATE_LAST
  export BENCH_PASSWORD=$SEED_PASSWORD BENCH_LOGIN_EMAILS=$SEED_LOGIN_EMAILS BENCH_LIST_PAGES=10
  local create_body='{"subject":"preflight","category":"IT Category","sub_category":"System Maintenance","description":"preflight ticket of the benchmark"}'

  echo "   wrk: $threads threads, $connections connections, ${duration} s per scenario"
  BENCH_TOKEN=- run_scenario "$store" healthz healthz.lua 200 GET /healthz - || return 0
  BENCH_TOKEN=$coord_token run_scenario "$store" detail detail.lua 200 \
    GET "/api/tickets/$SEED_FIRST_ID/" "$coord_token" || return 0
  BENCH_TOKEN=$coord_token run_scenario "$store" list list.lua 200 \
    GET "/api/tickets/?status=Open&page=1" "$coord_token" || return 0
  BENCH_TOKEN=$employee_token run_scenario "$store" create create.lua 201 \
    POST /api/tickets/ "$employee_token" "$create_body" || return 0
  local code
  code=$(preflight POST "/api/tickets/$SEED_UPDATE_LAST/update-status/" "$coord_token" '{"status":"On Hold"}')
  [[ $code == 200 ]] || echo "  update-status preflight (to On Hold) answered $code: $(head -c 300 "$work/preflight.body")"
  BENCH_TOKEN=$coord_token run_scenario "$store" update-status update_status.lua 200 \
    POST "/api/tickets/$SEED_UPDATE_LAST/update-status/" "$coord_token" '{"status":"In Progress"}' || return 0
  BENCH_TOKEN=- run_scenario "$store" login login.lua 200 \
    POST /api/token/employee/ - "{\"email\":\"${SEED_LOGIN_EMAILS%% *}\",\"password\":\"$SEED_PASSWORD\"}" || return 0
  stop_server
}

# --- the runs --------------------------------------------------------------------
cat <<EOF
helpdesk HTTP benchmark: $(nproc) cores, wrk on the same machine
  server: build-bench (Release), defaults (1 io thread, 4 worker threads), JSON access
  log on (one line per request, formatted and written to ${server_log}), rate
  limits raised to 1e9/s so login measures the work, not the limiter${HELPDESK_BENCH_SERVER_ARGS:+, extra: $HELPDESK_BENCH_SERVER_ARGS}
  login accounts hashed with the default PBKDF2-SHA256 iterations (600,000, as the
  server writes them): login is slow by design, its figures measure that
  CPU ms/request is the server's utime+stime over the run / requests: the steadiest
  figure when wrk and other work share the cores; on PostgreSQL the database's own
  CPU (postmaster and backends of the private server) is shown beside it ("PG ms/r")
  peak RSS is VmHWM over the run (reset before each run); it includes SQLite's
  memory-mapped database pages (RssFile)
EOF

if [[ $only != postgres ]]; then
  bench_store sqlite "sqlite://$work/sqlite/helpdesk.db"
fi
if [[ $only != sqlite ]]; then
  pg_url=${HELPDESK_BENCH_PG_URL:-}
  if [[ -z $pg_url ]]; then
    pg_dir=$(mktemp -d /tmp/http-bench-pg.XXXXXX)
    base_url=$(HELPDESK_PG_FSYNC=on scripts/pg-test-server.sh start "$pg_dir" 2>"$work/pg-start.log") || {
      cat "$work/pg-start.log" >&2
      exit 1
    }
    psql -q "$base_url" -c 'CREATE DATABASE helpdesk_bench' >/dev/null
    db_pid=$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || true)
    pg_url=${base_url%/*}/helpdesk_bench
  fi
  bench_store postgres "$pg_url"
fi

# --- the table -------------------------------------------------------------------
echo
echo "Summary (${duration} s per scenario, $threads wrk threads, $connections connections, $tickets tickets)"
printf '%s\n' "${rows[@]}" | awk '
  BEGIN {
    printf "%-14s %-9s %9s %8s %8s %8s %6s %9s %8s %9s  %s\n", "endpoint", "store", "req/s", "p50 ms", "p99 ms",
           "non-2xx", "sock", "CPU ms/r", "RSS MiB", "PG ms/r", "SQLite target"
    tgt["detail"] = 18000; tgt["list"] = 8000; tgt["create"] = 8000; tgt["update-status"] = 8000
    read["detail"] = 1; read["list"] = 1
  }
  {
    store = $1; name = $2
    if ($4 == "-") { printf "%-14s %-9s %9s  (%s)\n", name, store, "-", $6; next }
    rps[store, name] = $3
    note = ""
    if (store == "sqlite" && (name in tgt)) {
      miss = ""
      if ($3 < tgt[name]) miss = miss " req/s"
      if ($5 > 10) miss = miss " p99"
      if ((name in read) && $8 > 0.1) miss = miss " cpu"
      if ($9 > 25) miss = miss " rss"
      note = sprintf(">=%d/s, p99<=10ms%s, RSS<=25: %s", tgt[name], (name in read) ? ", cpu<=0.1ms" : "",
                     miss == "" ? "met" : "MISSED" miss)
    } else if (store == "sqlite" && name == "healthz") {
      note = sprintf("RSS<=25: %s", $9 > 25 ? "MISSED" : "met")
    }
    if ($6 > 0 || $7 > 0) note = note "  [ERRORS]"
    printf "%-14s %-9s %9d %8.2f %8.2f %8d %6d %9.4f %8.1f %9s  %s\n", name, store, $3, $4, $5, $6, $7, $8, $9, $10, note
    stores[store] = 1
  }
  END {
    for (s in stores) {
      if ((s, "healthz") in rps && (s, "detail") in rps && rps[s, "healthz"] > 0) {
        r = 100 * rps[s, "detail"] / rps[s, "healthz"]
        printf "detail/healthz on %s: %.0f %%%s\n", s, r, s == "sqlite" ? sprintf("  (target >= 50 %%: %s)", r >= 50 ? "met" : "MISSED") : ""
      }
    }
  }'
if ((flagged)); then
  echo "WARNING: some runs had errors (non-2xx, socket errors, failed preflight or a dead server): see above"
fi
