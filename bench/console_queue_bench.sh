#!/usr/bin/env bash
# The console's queue requests against 100,000 tickets: prints figures,
# checks nothing (not a test; ctest never runs it).
#
#   bench/console_queue_bench.sh [--tickets N] [--repeat R] [--depth D]
#
# Seeds a SQLite store with build-bench/bench/http_seed (1,000 accounts, N
# tickets, default 100,000), starts build-bench/server/helpdesk-server on it
# and, as one coordinator, times with curl exactly the requests the web
# console's queue page makes: the first page of each tab (New, Open,
# assigned to me, all), a full-text search, a filter, each ordering, and a
# walk of D cursor pages (default 200, i.e. 4,000 tickets deep) following
# `next` as the console's "Next" button does. One client, one request at a
# time: the figure is what a person waits for a page, not throughput (see
# http_bench.sh for that). Each request is made R times (default 20); the
# median and the worst are printed in milliseconds, server time included
# (curl's time_total over loopback).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD

tickets=100000
repeat=20
depth=200

while (($#)); do
  case $1 in
    --tickets) tickets=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --depth) depth=${2:?}; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) echo "console_queue_bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ $tickets =~ ^[0-9]+$ && $repeat =~ ^[0-9]+$ && $depth =~ ^[0-9]+$ ]] ||
  { echo "console_queue_bench: numbers expected" >&2; exit 2; }

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHELPDESK_BUILD_WEB=OFF \
  -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_EXAMPLES=OFF -DHELPDESK_BUILD_BENCH=ON >/dev/null
cmake --build build-bench --target helpdesk-server http_seed -j "${HELPDESK_JOBS:-2}" >/dev/null

work=$(mktemp -d /tmp/console-bench.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "seeding $tickets tickets (SQLite file) ..."
start=$SECONDS
eval "$("$root/build-bench/bench/http_seed" --store "sqlite://$work/bench.db" --tickets "$tickets" 2>/dev/null)"
echo "seeded in $((SECONDS - start)) s"

"$root/build-bench/server/helpdesk-server" --listen 127.0.0.1:0 --store "sqlite://$work/bench.db" \
  --blob-dir "$work/blobs" --dev-generate-secret --no-access-log --relay-threads 0 \
  >"$work/out.log" 2>"$work/err.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/out.log" | head -n 1)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { cat "$work/err.log" >&2; exit 1; }
base=http://127.0.0.1:$port

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
json_number() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p"; }
login=$(curl -s -X POST "$base/api/token/admin/" -H 'Content-Type: application/json' \
  -d "{\"email\":\"${SEED_COORD_EMAIL:?}\",\"password\":\"${SEED_PASSWORD:?}\"}")
token=$(json_field access <<<"$login")
me=${SEED_COORD_ID:?}
[[ -n $token && -n $me ]] || { echo "login failed: $login" >&2; exit 1; }

# Times one path R times; prints "name median worst rows".
time_path() {
  local name=$1 path=$2 t times=() code
  for _ in $(seq "$repeat"); do
    read -r code t < <(curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $token" "$base$path")
    [[ $code == 200 ]] || { echo "$name: HTTP $code $(head -c 200 "$work/body")" >&2; exit 1; }
    times+=("$t")
  done
  local rows
  rows=$(grep -o '"ticket_number"' "$work/body" | wc -l)
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v n="$name" -v rows="$rows" '{ a[NR] = $1 } END {
      printf "  %-34s %8.2f %8.2f %6d\n", n, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000, rows }'
}

printf '\n  %-34s %8s %8s %6s\n' "console request (page of 20)" "p50 ms" "max ms" "rows"
time_path "tab New" "/api/tickets/?status=New&page_size=20&cursor="
time_path "tab Open" "/api/tickets/?status=Open&page_size=20&cursor="
time_path "tab assigned to me" "/api/tickets/?assigned_to=$me&status=In%20Progress&status=On%20Hold&status=Pending&page_size=20&cursor="
time_path "tab All" "/api/tickets/?page_size=20&cursor="
time_path "All, oldest first" "/api/tickets/?ordering=submit_date&page_size=20&cursor="
time_path "All, by priority" "/api/tickets/?ordering=-priority&page_size=20&cursor="
time_path "All, recently updated" "/api/tickets/?ordering=-update_date&page_size=20&cursor="
time_path "New, department filter" "/api/tickets/?status=New&department=IT%20Department&page_size=20&cursor="
time_path "search 'printer'" "/api/tickets/?search=printer&page_size=20&cursor="

# The "Next" button, D times: each page's `next` link gives the cursor.
next="/api/tickets/?page_size=20&cursor="
worst=0
total=0
start_ns=$(date +%s%N)
for i in $(seq "$depth"); do
  read -r code t < <(curl -s -o "$work/page" -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $token" "$base$next")
  [[ $code == 200 ]] || { echo "cursor walk page $i: HTTP $code" >&2; exit 1; }
  total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
  worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
  link=$(sed -n 's/.*"next":"\([^"]*\)".*/\1/p' "$work/page")
  [[ -n $link ]] || break
  next=/api/tickets/${link#*/api/tickets/}
done
elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))
awk -v n="$i" -v total="$total" -v worst="$worst" -v wall="$elapsed_ms" 'BEGIN {
  printf "  %-34s %8.2f %8.2f  (%d pages, %d tickets deep, %d ms in all)\n",
    "cursor walk, mean per page", total / n * 1000, worst * 1000, n, n * 20, wall }'
