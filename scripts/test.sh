#!/usr/bin/env bash
# The README's "test" command, and what CI runs (.ci/run). It proves, in order:
#   (a) the core builds alone, with every adapter off (no backward dependency);
#   (b) everything builds warning-free and the test suite passes, Release;
#   (c) the test suite passes again under AddressSanitizer + UBSan;
#   (d) no #include (nor console import) points the wrong way across the
#       layers (scripts/check-layers.sh);
#   (e) the quickstart examples (C++ and C) and the custom notifier still run
#       (so they never rot; the Python one runs under ctest);
#   (f) the benchmarks still build (they are never run as tests);
#   (g) the README's curl session works against helpdesk-server on SQLite;
#   (h) the build of (b), installed, serves consumers found with
#       find_package(helpdesk) and pkg-config, and helpdesk builds as an
#       add_subdirectory project (tests/package/run.sh).
# The builds of (b) and (c) include the PostgreSQL adapter and its tests,
# which run against a private throwaway server started first
# (scripts/pg-test-server.sh) and stopped on exit, whatever happens. If that
# server cannot start, CI (CI=true) fails; elsewhere the PostgreSQL tests are
# skipped with a warning. A HELPDESK_TEST_PG_URL set by the caller is used
# instead of starting a server.
# Every stage runs even when an earlier one failed, so one CI run reports all
# problems; the script exits non-zero if any stage failed.
set -euo pipefail

cd "$(dirname "$0")/.."
jobs=${HELPDESK_JOBS:-2}

scripts/install-deps.sh

failed_stages=()
last_rc=0
# Stages run in subshells, so ctest counts travel through a file.
counts_file=$(mktemp)
pg_dir=
cleanup() {
  rm -f "$counts_file"
  if [[ -n $pg_dir ]]; then
    scripts/pg-test-server.sh stop "$pg_dir" || true
  fi
}
trap cleanup EXIT
# An interrupted run still stops its server: exiting runs the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs one stage in a subshell with `set -e` in force (calling it from `if`
# or `||` would silently disable -e inside), and records whether it failed.
stage() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  local start=$SECONDS rc=0
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  last_rc=$rc
  if ((rc != 0)); then
    failed_stages+=("$name")
    printf '==> FAILED: %s (exit %d, %ds)\n' "$name" "$rc" $((SECONDS - start))
  else
    printf '==> ok: %s (%ds)\n' "$name" $((SECONDS - start))
  fi
}

# Runs ctest in build dir $1, keeps its log, and records its counts; ctest
# ends with "NN% tests passed, F tests failed out of T".
run_ctest() {
  local dir=$1 log=$1/ctest.log rc=0
  set +e
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$jobs" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    echo "$((BASH_REMATCH[2] - BASH_REMATCH[1])) ${BASH_REMATCH[1]}" >>"$counts_file"
  fi
  return "$rc"
}

# Starts the private PostgreSQL for the tests and exports its URL. Not a
# subshell stage: the URL must reach the ctest runs.
start_postgres() {
  local name="(p) private PostgreSQL server for the tests" start=$SECONDS url
  printf '\n==> %s\n' "$name"
  if [[ -n ${HELPDESK_TEST_PG_URL:-} ]]; then
    echo "using the caller's HELPDESK_TEST_PG_URL"
    printf '==> ok: %s (0s)\n' "$name"
    return 0
  fi
  if pg_dir=$(mktemp -d /tmp/helpdesk-pg.XXXXXX) && url=$(scripts/pg-test-server.sh start "$pg_dir"); then
    export HELPDESK_TEST_PG_URL=$url
    echo "HELPDESK_TEST_PG_URL=$url"
    printf '==> ok: %s (%ds)\n' "$name" $((SECONDS - start))
  elif [[ ${CI:-} == true ]]; then
    failed_stages+=("$name")
    printf '==> FAILED: %s (%ds)\n' "$name" $((SECONDS - start))
  else
    echo "warning: PostgreSQL could not be started; the PostgreSQL tests will be skipped" >&2
    printf '==> skipped: %s (%ds)\n' "$name" $((SECONDS - start))
  fi
}

configure_and_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" "$@"
  cmake --build "$dir" -j "$jobs"
}

core_only() {
  configure_and_build build-core-only -DCMAKE_BUILD_TYPE=Release -DHELPDESK_WERROR=ON \
    -DHELPDESK_WITH_SQLITE=OFF -DHELPDESK_WITH_POSTGRES=OFF -DHELPDESK_WITH_TZ=OFF -DHELPDESK_BUILD_TESTS=OFF \
    -DHELPDESK_BUILD_EXAMPLES=OFF -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_BUILD_WEB=OFF
}

# One build serves (b), (e) and (f): tests, examples and benchmarks all
# compile here with warnings as errors.
full_build() {
  configure_and_build build-test -DCMAKE_BUILD_TYPE=Release -DHELPDESK_WERROR=ON -DHELPDESK_WITH_POSTGRES=ON \
    -DHELPDESK_BUILD_TESTS=ON -DHELPDESK_BUILD_EXAMPLES=ON -DHELPDESK_BUILD_BENCH=ON
}

full_tests() {
  run_ctest build-test
}

sanitized() {
  # Benchmarks under ASan would only measure ASan, and the example already
  # ran in (e); only the tests are worth the slower instrumented build.
  # Warnings are enforced in (b); GCC emits extra false positives when
  # instrumenting, so they do not fail this build. The web console and its
  # browser tests ran in (b): they exercise no C++ the other tests miss, and
  # a second browser run would only cost time. So would the multi-process
  # and kill -9 cases, which skip themselves in this build
  # (tests/support/release_only.hpp) after running in (b).
  # -O1 -g1 (line tables only) instead of RelWithDebInfo's -O2 -g halves the
  # instrumented compile of the Boost-heavy server code, and stack traces
  # still name file and line.
  configure_and_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHELPDESK_WERROR=OFF \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    -DHELPDESK_SANITIZE=ON -DHELPDESK_WITH_POSTGRES=ON -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_BUILD_EXAMPLES=OFF \
    -DHELPDESK_BUILD_WEB=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_ctest build-asan
}

layers() {
  # The repository's own check (docs/architecture.md, "Layers"): it prints
  # each include or console import that points the wrong way.
  bash scripts/check-layers.sh .
  echo "no include crosses the layers the wrong way"
}

quickstart() {
  # A fresh database each time, removed afterwards whatever happens.
  local tmp rc=0
  tmp=$(mktemp -d)
  build-test/examples/quickstart "$tmp/quickstart.db" || rc=$?
  # The C walk through the C ABI, in memory; it must end Closed with the
  # reopen refused and print the owner's history.
  if ((rc == 0)); then
    build-test/examples/c_quickstart >"$tmp/c_quickstart.out" || rc=$?
    cat "$tmp/c_quickstart.out"
    if ((rc == 0)); then
      grep -q '^  closed: ticket 1 is Closed' "$tmp/c_quickstart.out" &&
        grep -q '^  reopen refused as expected: invalid_state' "$tmp/c_quickstart.out" &&
        grep -q '"old_value":"Resolved","new_value":"Closed"' "$tmp/c_quickstart.out" || {
        echo "c_quickstart did not print the expected walk" >&2
        rc=1
      }
    fi
  fi
  build-test/examples/custom_notifier "$tmp/events.log" || rc=$?
  rm -rf "$tmp"
  return "$rc"
}

curl_session() {
  # The server as the run command starts it (fresh SQLite store and blob
  # directory, a free port), driven by the README's curl session.
  local tmp rc=0 pid port line
  tmp=$(mktemp -d)
  HELPDESK_ADMIN_EMAIL=admin@example.com HELPDESK_ADMIN_PASSWORD='Curl!Sess10n' \
    build-test/server/helpdesk-server --listen 127.0.0.1:0 --store "sqlite://$tmp/helpdesk.db" \
    --blob-dir "$tmp/blobs" --dev-generate-secret --password-iterations 1000 --no-access-log \
    >"$tmp/out.log" 2>"$tmp/err.log" &
  pid=$!
  for _ in $(seq 50); do
    line=$(head -n 1 "$tmp/out.log" 2>/dev/null || true)
    [[ $line == *listening* ]] && break
    sleep 0.1
  done
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$tmp/out.log" | head -n 1)
  if [[ -z $port ]]; then
    cat "$tmp/out.log" "$tmp/err.log" >&2
    rc=1
  else
    examples/curl_session.sh "http://127.0.0.1:$port" admin@example.com 'Curl!Sess10n' || rc=$?
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || rc=$?
  rm -rf "$tmp"
  return "$rc"
}

installed_package() {
  # The install prefix and the consumers' builds go to a temporary folder,
  # never into the source tree.
  local tmp rc=0
  tmp=$(mktemp -d)
  tests/package/run.sh . "$tmp" build-test || rc=$?
  rm -rf "$tmp"
  return "$rc"
}

bench_built() {
  # Built by full_build; only check the targets exist, never run them.
  local found
  found=$(find build-test/bench -maxdepth 1 -type f -perm -u+x 2>/dev/null | head -n 1)
  if [[ -z $found ]]; then
    echo "no benchmark executable under build-test/bench" >&2
    return 1
  fi
  echo "benchmarks built: $(find build-test/bench -maxdepth 1 -type f -perm -u+x -printf '%f ')"
}

start_postgres
stage "(a) core alone, every adapter off" core_only
stage "(b) full build, warnings as errors" full_build
if ((last_rc == 0)); then
  stage "(b) tests" full_tests
  stage "(e) quickstart examples" quickstart
  stage "(f) benchmarks build" bench_built
  stage "(g) README curl session against helpdesk-server" curl_session
  stage "(h) installed package: find_package, pkg-config, add_subdirectory consumers" installed_package
fi
stage "(c) tests under ASan + UBSan" sanitized
stage "(d) layer check" layers

passed_tests=0
failed_tests=0
while read -r passed failed; do
  passed_tests=$((passed_tests + passed))
  failed_tests=$((failed_tests + failed))
done <"$counts_file"

printf '\n'
if ((${#failed_stages[@]} > 0)); then
  printf 'failed stage: %s\n' "${failed_stages[@]}"
fi
echo "${passed_tests} passed, ${failed_tests} failed"
((${#failed_stages[@]} == 0))
