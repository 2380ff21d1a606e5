#!/usr/bin/env bash
# Installs everything helpdesk needs to build, test and run on Debian 12.
# Run as root (CI images and containers are). Safe to run repeatedly: when
# every package is already present it returns without touching apt, so the
# run and test scripts can call it every time at no cost.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libssl-dev            # core: PBKDF2, random bytes
  libsqlite3-dev        # SQLite store adapter
  doctest-dev           # tests
  libbenchmark-dev      # bench/
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev  # HTTP server
  libpq-dev             # PostgreSQL adapter
  postgresql-15 postgresql  # the tests' private server (scripts/pg-test-server.sh uses 15)
  libfmt-dev
  libhowardhinnant-date-dev tzdata  # time-zone adapter: date/tz over the system's zone database
  openssl curl          # server tests make a TLS certificate; README's curl session
  wrk                   # bench/http_bench.sh (HTTP load)
  libcurl4-openssl-dev  # SMTP and webhook adapters (outbound SMTP and HTTP)
  python3-aiosmtpd      # the tests' real SMTP server
  python3-pytest        # the Python package's tests
  python3               # Python bindings and tooling
  chromium              # the console's end-to-end tests (headless, driven by playwright-core)
  fonts-liberation fonts-dejavu-core  # text in the console's screenshots (chromium only recommends them)
)

# The web console builds with Node.js 18 or newer and npm. A machine that
# already has a `node` (from nodesource, nvm or an image) keeps it: asking
# dpkg would miss it and apt would install a second, older one beside it.
if ! command -v node >/dev/null 2>&1 || ! node --version >/dev/null 2>&1; then
  packages+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

# dpkg-query prints one status line per package; anything not "installed"
# (or unknown to dpkg, which makes it fail) means apt has work to do.
missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != installed ]]; then
    missing+=("$pkg")
  fi
done

# The Debian server package creates the `postgres` OS user; the test server
# runs as it when the tests run as root (PostgreSQL refuses root).
check_server_user() {
  if ! id postgres >/dev/null 2>&1; then
    echo "install-deps: the 'postgres' OS user is missing (reinstall postgresql-common)" >&2
    return 1
  fi
}

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed"
  check_server_user
  exit 0
fi

if ((EUID != 0)); then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run this script as root to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# Only the missing ones: apt would skip the others anyway, but this keeps the
# log readable. No recommends: they pull in documentation and X libraries.
apt-get install -y --no-install-recommends "${missing[@]}"
check_server_user
