#!/usr/bin/env bash
# Sets up a fresh clone: the exact npm dependencies from the lockfile, and from Debian the Chromium the
# browser tests and the scenario runner drive (no browser is downloaded: only Debian's package works
# here; chromium-headless-shell) and the curl the docs-example tests run.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci only when node_modules is missing or older than the lockfile, so `npm run demo` stays quick.
# It says what it does and how long it takes: `npm run demo` runs this with --silent, which silences npm too
# (npm_config_loglevel), and a first install takes about a minute. --loglevel=notice brings back npm's own
# summary line ("added 612 packages in 52s"), and its progress bar on a terminal.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the npm dependencies from package-lock.json (npm ci, about a minute the first time)..."
  started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=notice --progress=true
  echo "setup: npm dependencies installed ($((SECONDS - started)) s)."
else
  echo "setup: npm dependencies up to date."
fi

missing=()
# Debian's chromium-headless-shell: the harness prefers it to a full chromium (about half the catalogue's
# time); as root it is installed even beside a chromium, otherwise a chromium already there will do.
if [ -z "${NOX_TESTKIT_CHROMIUM:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  if { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; } || { ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; }; then
    missing+=(chromium-headless-shell)
  fi
fi
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: chromium and curl found."
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing Debian's ${missing[*]} (about 20 s)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}."
else
  echo "setup: missing ${missing[*]}. The mock runs without them, but the tests and 'nox-testkit run' need them:" >&2
  echo "       sudo apt-get install -y ${missing[*]}   (or set NOX_TESTKIT_CHROMIUM to a Chrome/Chromium binary)" >&2
fi
