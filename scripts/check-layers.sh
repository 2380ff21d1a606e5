#!/usr/bin/env bash
# The layer rule of docs/architecture.md ("Layers"), checked over the source
# tree: prints one line per #include (or console import) that points the
# wrong way, and exits 1 when there is any, 0 when there is none.
#
#   scripts/check-layers.sh [ROOT]     # ROOT defaults to the repository
#
# Every #include is resolved to what it names, then judged by the layer of
# the file that includes it:
#   - the core (lib/, include/helpdesk/ but for adapters/, server.hpp,
#     server/ and c.h) sees the standard library, OpenSSL and itself only;
#   - a public header (include/) includes only the standard library,
#     OpenSSL and other public headers: no third-party or private header;
#   - adapters (adapters/) never include the server, the wire layer, the
#     bindings or another adapter's private headers (adapters/sql/ is shared
#     by the SQLite and PostgreSQL stores only);
#   - the shared SQL layer (adapters/sql/) sees the standard library, the
#     core and itself only: no sqlite3.h, libpq-fe.h or Boost;
#   - the wire layer (wire/) sees the standard library, the core, itself and
#     Boost.JSON, never the server, a store adapter or the bindings;
#   - the C ABI (bindings/c/) never includes the server, the server never
#     includes the bindings, and neither reaches into an adapter's private
#     headers or adapters/sql/ (they use include/helpdesk/adapters/);
#   - outside the core, nothing includes the core's private headers (lib/);
#   - the web console's sources (web/src/) import only from web/src/ and npm
#     packages.
# tests/, examples/ and bench/ may use anything.
set -euo pipefail

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

found=0
report() {
  printf '%s\n' "$1"
  found=1
}

# Headers of the C library and POSIX that the core may use like the C++
# standard library's own.
c_headers=" assert.h ctype.h errno.h fcntl.h float.h inttypes.h limits.h locale.h math.h poll.h pthread.h
  signal.h stdarg.h stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h strings.h time.h unistd.h wchar.h "

# resolve FILE HEADER KIND: prints the repository path a "quoted" or
# <angled> include names, or nothing when it is not in the repository.
# Quoted names are looked up beside the file and then in each folder above
# it (that is how the targets' include directories are laid out); both
# kinds are looked up under include/ and the repository root.
resolve() {
  local file=$1 header=$2 kind=$3 dir
  if [[ $kind == quoted ]]; then
    dir=$(dirname "$file")
    while :; do
      if [[ -f $dir/$header ]]; then
        realpath --relative-to=. -m "$dir/$header"
        return
      fi
      [[ $dir == . ]] && break
      dir=$(dirname "$dir")
    done
  fi
  if [[ -f include/$header ]]; then
    printf 'include/%s\n' "$header"
    return
  elif [[ -f wire/include/$header ]]; then
    # The wire layer's headers are included as <wire/...>.
    printf 'wire/include/%s\n' "$header"
    return
  elif [[ $header == */* && -f $header ]]; then
    printf '%s\n' "$header"
    return
  fi
  # A name found nowhere near the file can only compile through another
  # target's include directory: judge it by the first source folder that
  # has it.
  local base
  for base in server bindings/c wire lib adapters/*; do
    if [[ -f $base/$header ]]; then
      printf '%s/%s\n' "$base" "$header"
      return
    fi
  done
}

# layer_of_path PATH: the layer a repository file belongs to. The core's
# private headers (lib/) are a layer apart from its public ones, and each
# adapter is a layer of its own (adapter-sqlite, adapter-smtp, ...).
layer_of_path() {
  case $1 in
  include/helpdesk/c.h) echo c-abi-header ;;
  include/helpdesk/server.hpp | include/helpdesk/server/*) echo server-header ;;
  include/helpdesk/adapters/*) echo adapter-factory ;;
  include/helpdesk/*) echo core ;;
  lib/*) echo core-private ;;
  adapters/sql/*) echo sql ;;
  adapters/*/*)
    local rest=${1#adapters/}
    echo "adapter-${rest%%/*}"
    ;;
  wire/*) echo wire ;;
  server/*) echo server ;;
  bindings/c/*) echo c-abi ;;
  bindings/*) echo bindings ;;
  *) echo other ;;
  esac
}

# layer_of_include FILE HEADER KIND: what an include brings in: a repository
# layer (see layer_of_path), std, openssl, boost-json, boost, sqlite,
# libpq, curl or third-party.
layer_of_include() {
  local file=$1 header=$2 kind=$3 path
  path=$(resolve "$file" "$header" "$kind")
  if [[ -n $path ]]; then
    layer_of_path "$path"
    return
  fi
  case $header in
  openssl/*) echo openssl ;;
  boost/json.hpp | boost/json/*) echo boost-json ;;
  boost/*) echo boost ;;
  sqlite3.h | sqlite3ext.h) echo sqlite ;;
  libpq-fe.h | libpq/* | pg_config*.h | postgres_ext.h) echo libpq ;;
  curl/*) echo curl ;;
  helpdesk/*) layer_of_path "include/$header" ;;
  sys/*.h | netinet/*.h | arpa/*.h) echo std ;;
  */*) echo third-party ;;
  *.h)
    if [[ $c_headers == *" $header "* ]]; then echo std; else echo third-party; fi
    ;;
  *.*) echo third-party ;;
  *) echo std ;;
  esac
}

# includes_of FILE...: "file<TAB>line<TAB>kind<TAB>header" for each #include.
includes_of() {
  [[ $# -eq 0 ]] && return 0
  grep -n -H -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$@" 2>/dev/null |
    sed -E 's/^([^:]+):([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*([<"])([^>"]+)[>"].*/\1\t\2\t\3\t\4/' |
    awk -F'\t' 'BEGIN { OFS = "\t" } { print $1, $2, ($3 == "<" ? "angled" : "quoted"), $4 }'
}

sources_under() {
  local dir
  for dir in "$@"; do
    [[ -d $dir ]] && find "$dir" -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' -o -name '*.c' -o -name '*.ipp' -o -name '*.inc' \)
  done | sort
}

# check NAME ALLOWED FORBIDDEN FILE...: every include of the files must be in
# ALLOWED (space-separated layers; "*" = any) and not in FORBIDDEN.
check() {
  local name=$1 allowed=$2 forbidden=$3
  shift 3
  local file line kind header layer ok
  while IFS=$'\t' read -r file line kind header; do
    layer=$(layer_of_include "$file" "$header" "$kind")
    ok=1
    if [[ $allowed != "*" && " $allowed " != *" $layer "* ]]; then
      ok=0
    fi
    if [[ " $forbidden " == *" $layer "* ]]; then
      ok=0
    fi
    if ((ok == 0)); then
      report "$name: $file:$line includes ${header} ($layer)"
    fi
  done < <(includes_of "$@")
}

mapfile -t core_files < <(sources_under lib include/helpdesk |
  grep -v -E '^include/helpdesk/(adapters/|server/|server\.hpp$|c\.h$)' || true)
mapfile -t public_headers < <(sources_under include)
mapfile -t sql_files < <(sources_under adapters/sql)
mapfile -t wire_files < <(sources_under wire)
mapfile -t c_abi_files < <(sources_under bindings/c)
mapfile -t server_files < <(sources_under server)

# Every adapter's private headers, as layers: only the adapter itself may
# include them (the others reach it through include/helpdesk/adapters/).
adapter_names=()
for dir in adapters/*/; do
  name=$(basename "$dir")
  [[ $name == sql ]] || adapter_names+=("$name")
done
private_adapters=""
for name in "${adapter_names[@]}"; do
  private_adapters+=" adapter-$name"
done

check "the core reaches outward" "std openssl core core-private" "" "${core_files[@]}"
check "a public header exposes a dependency or a private header" \
  "std openssl core adapter-factory server-header c-abi-header" "" "${public_headers[@]}"
for name in "${adapter_names[@]}"; do
  mapfile -t adapter_files < <(sources_under "adapters/$name")
  others=""
  for other in "${adapter_names[@]}"; do
    [[ $other == "$name" ]] || others+=" adapter-$other"
  done
  shared_sql=sql
  [[ $name == sqlite || $name == postgres ]] && shared_sql=""
  check "an adapter reaches the server, the wire layer, the bindings or another layer's private headers" "*" \
    "core-private server server-header wire c-abi c-abi-header bindings $shared_sql$others" "${adapter_files[@]}"
done
# Sources directly in adapters/ (none today) belong to no adapter: they get
# the adapters' rule and may reach no adapter's private headers.
mapfile -t adapter_root_files < <(find adapters -maxdepth 1 -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' \) 2>/dev/null | sort)
check "an adapter reaches the server, the wire layer, the bindings or another layer's private headers" "*" \
  "core-private server server-header wire c-abi c-abi-header bindings sql$private_adapters" "${adapter_root_files[@]}"
check "the SQL layer reaches past the core" "std core sql" "" "${sql_files[@]}"
check "the wire layer reaches past the core and Boost.JSON" "std core wire boost-json" "" "${wire_files[@]}"
check "the C ABI reaches the server or another layer's private headers" "*" "core-private server server-header sql$private_adapters" \
  "${c_abi_files[@]}"
check "the server reaches the bindings or another layer's private headers" "*" "core-private c-abi c-abi-header bindings sql$private_adapters" \
  "${server_files[@]}"

# The console: relative imports must stay inside web/src; anything else must
# be an npm package name (no absolute paths, no URLs).
if [[ -d web/src ]]; then
  src=$(realpath web/src)
  while IFS=$'\t' read -r file line spec; do
    case $spec in
    ./* | ../*)
      target=$(realpath -m "$(dirname "$file")/$spec")
      if [[ $target != "$src" && $target != "$src"/* ]]; then
        report "the console imports from outside web/src: $file:$line imports $spec"
      fi
      ;;
    /* | *:*)
      report "the console imports from outside web/src: $file:$line imports $spec"
      ;;
    esac
  done < <(find web/src -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o -name '*.jsx' -o -name '*.mjs' \
    -o -name '*.css' \) -print0 | sort -z | xargs -0 -r grep -n -H -o -E \
    "(from[[:space:]]*|import[[:space:]]*\(?[[:space:]]*|require\([[:space:]]*|@import[[:space:]]+)['\"][^'\"]+['\"]" |
    sed -E "s/^([^:]+):([0-9]+):.*['\"]([^'\"]+)['\"]$/\1\t\2\t\3/")
fi

exit "$found"
