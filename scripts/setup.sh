#!/usr/bin/env bash
# Sets up a fresh machine for dev-metrics: Debian packages the tests use, npm dependencies, and a
# Node 24 binary for the bundle's end-to-end tests. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: the dashboard's browser tests; cmark-gfm: GitHub's Markdown renderer for the report
# tests; zstd: the cache client compresses with it, as on GitHub's runners.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
command -v zstd >/dev/null 2>&1 || need+=(zstd)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "setup: please install the Debian packages: ${need[*]} (apt-get install ${need[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
scripts/install-node24.sh
