#!/usr/bin/env bash
# Sets up a fresh clone: the exact npm dependencies from the lockfile, and Debian's Chromium for the
# browser tests and the scenario runner (no browser is downloaded: only Debian's package works here).
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

if [ -n "${NOX_TESTKIT_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "setup: Chromium found."
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium (about 20 s)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "setup: Chromium installed at $(command -v chromium)."
else
  echo "setup: no Chromium found. The mock runs without it, but the browser tests and 'nox-testkit run' need it:" >&2
  echo "       sudo apt-get install -y chromium   (or set NOX_TESTKIT_CHROMIUM to a Chrome/Chromium binary)" >&2
fi
