#!/usr/bin/env bash
# Builds the consumer with nothing but the compiler and pkg-config
# (PKG_CONFIG_PATH points at the installed helpdesk.pc):
#   build.sh <output program>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2046  # pkg-config's output is a list of flags
"${CXX:-g++}" -std=c++20 -o "$1" "$here/../consumer.cpp" $(pkg-config --cflags --libs helpdesk)
