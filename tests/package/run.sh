#!/usr/bin/env bash
# Proves helpdesk works as a package, the three ways an embedder takes it:
#   1. installed, found with find_package(helpdesk) (find_package_consumer/),
#      and, given a build dir, found in that build tree's export;
#   2. installed, found with pkg-config (pkgconfig_consumer/);
#   3. from source with add_subdirectory (add_subdirectory_consumer/).
# Each consumer builds tests/package/consumer.cpp and runs it; the install
# tree is checked for its contents (headers, libraries, CMake and pkg-config
# files) and for anything else (tests, examples, benchmarks).
#
#   run.sh <source dir> <work dir> [<build dir>]
#
# Without a build dir, helpdesk is configured, built and installed with the
# core and SQLite store only (Release, about a minute on two cores). With
# one (an existing build of every component, such as the test command's),
# that build is installed as it is, and a core-and-SQLite configuration is
# only generated to check its package asks for nothing more. Everything goes
# under <work dir>; the source tree is never written to.
set -euo pipefail

src=$(cd "$1" && pwd)
mkdir -p "$2"
work=$(cd "$2" && pwd)
built=${3:+$(cd "$3" && pwd)}
jobs=${HELPDESK_JOBS:-2}
here=$src/tests/package

fail() {
  echo "package test: FAILED: $*" >&2
  exit 1
}
step() { printf -- '--- %s\n' "$*"; }

# The options of a helpdesk with only the core and the SQLite store.
minimal_options=(-DCMAKE_BUILD_TYPE=Release -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_EXAMPLES=OFF
  -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_WITH_SQLITE=ON -DHELPDESK_WITH_POSTGRES=OFF -DHELPDESK_WITH_SMTP=OFF
  -DHELPDESK_WITH_WEBHOOK=OFF -DHELPDESK_WITH_TZ=OFF -DHELPDESK_WITH_SERVER=OFF -DHELPDESK_BUILD_C_ABI=OFF)

# Runs a consumer and checks the line it prints.
run_consumer() {
  local program=$1 out
  out=$("$program") || fail "$program exited with $?"
  printf '%s\n' "$out"
  [[ $out =~ ^helpdesk\ consumer:\ TX0001\ New,\ created\ by\ admin@example\.com,\ [1-9][0-9]*\ event\(s\)\ pending$ ]] ||
    fail "$program printed something unexpected"
}

# The install tree holds the public headers, the libraries, the CMake
# package and helpdesk.pc (and helpdesk-server when the server was built),
# and nothing else.
check_install_tree() {
  local prefix=$1 file rel junk=0
  for file in include/helpdesk/engine.hpp include/helpdesk/adapters/sqlite.hpp \
    lib/cmake/helpdesk/helpdesk-config.cmake lib/cmake/helpdesk/helpdesk-config-version.cmake \
    lib/cmake/helpdesk/helpdesk-targets.cmake lib/pkgconfig/helpdesk.pc; do
    [[ -f $prefix/$file ]] || fail "$prefix/$file is missing"
  done
  compgen -G "$prefix/lib/libhelpdesk.*" >/dev/null || fail "no libhelpdesk in $prefix/lib"
  compgen -G "$prefix/lib/libhelpdesk-sqlite.*" >/dev/null || fail "no libhelpdesk-sqlite in $prefix/lib"
  while IFS= read -r file; do
    rel=${file#"$prefix"/}
    case $rel in
      include/helpdesk/*.hpp | include/helpdesk/*.h)
        # Only public headers: each one is a file of the source's include/.
        [[ -f $src/$rel ]] || { echo "not a public header: $rel" >&2; junk=1; } ;;
      lib/libhelpdesk*.a | lib/libhelpdesk*.so | lib/libhelpdesk*.so.*) ;;
      lib/cmake/helpdesk/helpdesk-*.cmake | lib/pkgconfig/helpdesk.pc | bin/helpdesk-server) ;;
      *) echo "unexpected file in the install tree: $rel" >&2; junk=1 ;;
    esac
  done < <(find "$prefix" -type f -o -type l)
  ((junk == 0)) || fail "the install tree at $prefix holds more than the package"
  # The C ABI's header comes with its library, and only with it.
  if compgen -G "$prefix/lib/libhelpdesk-c.*" >/dev/null; then
    [[ -f $prefix/include/helpdesk/c.h ]] || fail "libhelpdesk-c installed without helpdesk/c.h"
  else
    [[ ! -e $prefix/include/helpdesk/c.h ]] || fail "helpdesk/c.h installed without libhelpdesk-c"
  fi
  echo "install tree ok: $(find "$prefix" -type f | wc -l) files"
}

# find_package(helpdesk REQUIRED COMPONENTS <component>) must fail, naming it.
expect_missing_component() {
  local prefix=$1 out=$2 component=$3 log=$2/missing-$3.log
  if cmake -S "$here/find_package_consumer" -B "$out/missing-$component" -DCMAKE_PREFIX_PATH="$prefix" \
    -DHELPDESK_COMPONENTS="core;$component" >"$log" 2>&1; then
    fail "find_package(helpdesk) accepted the missing component $component"
  fi
  grep -q "without the component $component" "$log" || { cat "$log"; fail "the refusal does not name $component"; }
  echo "missing component refused: $component"
}

# Builds the find_package consumer in $1 (cmake options follow) and runs it.
find_package_consumer() {
  local dir=$1
  shift
  cmake -S "$here/find_package_consumer" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$dir.log" ||
    { cat "$dir.log"; fail "find_package consumer: configure"; }
  cmake --build "$dir" -j "$jobs" >>"$dir.log" || { cat "$dir.log"; fail "find_package consumer: build"; }
  run_consumer "$dir/consumer"
}

# Builds and runs the find_package and pkg-config consumers against a prefix.
consume_installed() {
  local prefix=$1 out=$2
  step "find_package(helpdesk) consumer against $prefix"
  find_package_consumer "$out/find_package" -DCMAKE_PREFIX_PATH="$prefix"
  expect_missing_component "$prefix" "$out" no_such_component

  step "pkg-config consumer against $prefix"
  PKG_CONFIG_PATH="$prefix/lib/pkgconfig" "$here/pkgconfig_consumer/build.sh" "$out/pkgconfig_consumer" ||
    fail "pkg-config consumer: build"
  run_consumer "$out/pkgconfig_consumer"
}

if [[ -n $built ]]; then
  step "installing the existing build $built"
  cmake --install "$built" --prefix "$work/prefix" >"$work/install.log" ||
    { cat "$work/install.log"; fail "cmake --install $built"; }
  check_install_tree "$work/prefix"
  if [[ -x $built/server/helpdesk-server ]]; then
    [[ -x $work/prefix/bin/helpdesk-server ]] || fail "helpdesk-server was built but not installed"
  fi
  consume_installed "$work/prefix" "$work"
  step "find_package(helpdesk) consumer against the build tree $built"
  find_package_consumer "$work/build_tree" -Dhelpdesk_DIR="$built"

  step "a core-and-SQLite package asks only for OpenSSL and SQLite"
  cmake -S "$src" -B "$work/minimal-build" "${minimal_options[@]}" >"$work/minimal-configure.log" ||
    { cat "$work/minimal-configure.log"; fail "configure the core-and-SQLite build"; }
  config=$work/minimal-build/helpdesk-config.cmake
else
  step "building and installing helpdesk (core and SQLite store)"
  cmake -S "$src" -B "$work/build" "${minimal_options[@]}" -DCMAKE_INSTALL_PREFIX="$work/prefix" \
    >"$work/build.log" || { cat "$work/build.log"; fail "configure helpdesk"; }
  cmake --build "$work/build" -j "$jobs" >>"$work/build.log" || { cat "$work/build.log"; fail "build helpdesk"; }
  cmake --install "$work/build" >"$work/install.log" || { cat "$work/install.log"; fail "install helpdesk"; }
  check_install_tree "$work/prefix"
  for header in c.h adapters/postgres.hpp server.hpp; do
    [[ ! -e $work/prefix/include/helpdesk/$header ]] || fail "$header installed for a component not built"
  done
  expect_missing_component "$work/prefix" "$work" postgres
  consume_installed "$work/prefix" "$work"
  config=$work/prefix/lib/cmake/helpdesk/helpdesk-config.cmake
fi
deps=$(grep -o 'find_dependency([A-Za-z0-9]*' "$config" | sed 's/find_dependency(//' | sort | tr '\n' ' ')
[[ $deps == "OpenSSL SQLite3 " ]] || fail "a core-and-SQLite package looks for: $deps"
grep -q '^set(helpdesk_COMPONENTS core;sql;sqlite;open_store)$' "$config" ||
  fail "$config does not list core;sql;sqlite;open_store"
echo "dependencies found by the package: $deps"

step "add_subdirectory consumer"
cmake -S "$here/add_subdirectory_consumer" -B "$work/add_subdirectory" -DCMAKE_BUILD_TYPE=Release \
  -DHELPDESK_SOURCE_DIR="$src" >"$work/add_subdirectory.log" ||
  { cat "$work/add_subdirectory.log"; fail "add_subdirectory consumer: configure"; }
# A subproject helpdesk writes no package files and no install rules.
[[ ! -e $work/add_subdirectory/helpdesk-build/helpdesk-config.cmake ]] ||
  fail "a subproject helpdesk generated its package files"
! grep -rq --include=cmake_install.cmake 'file(INSTALL' "$work/add_subdirectory/helpdesk-build" ||
  fail "a subproject helpdesk has install rules"
cmake --build "$work/add_subdirectory" -j "$jobs" >>"$work/add_subdirectory.log" ||
  { cat "$work/add_subdirectory.log"; fail "add_subdirectory consumer: build"; }
run_consumer "$work/add_subdirectory/consumer"

echo "package test: all consumers built and ran"
