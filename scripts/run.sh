#!/usr/bin/env bash
# The README's "run" command: builds what the quickstart example needs
# (Release, no tests or benchmarks) and runs it against var/quickstart.db.
# Extra arguments are passed to the example.
set -euo pipefail

cd "$(dirname "$0")/.."
jobs=${HELPDESK_JOBS:-2}

scripts/install-deps.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
  -DHELPDESK_BUILD_TESTS=OFF -DHELPDESK_BUILD_BENCH=OFF -DHELPDESK_BUILD_EXAMPLES=ON
cmake --build build --target quickstart -j "$jobs"

# var/ is git-ignored: the database survives between runs, so the example
# shows data persisting.
mkdir -p var
exec build/examples/quickstart "${@:-var/quickstart.db}"
