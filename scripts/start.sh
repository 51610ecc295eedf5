#!/usr/bin/env bash
# `npm start`: builds the package, provisions a pinned n8n (first run only), installs the
# package into it, starts a local mail catcher and n8n, and prints where everything is.
# Settings are environment variables; see scripts/runtime/start.js.
set -euo pipefail
cd "$(dirname "$0")/.."
# The install is complete only once npm has linked the bundled Node 24 and the build tools;
# a bare node_modules folder may be what an interrupted install left behind. The same
# install as .ci/run: a plain `npm install` runs a dev dependency's preinstall
# (`npx only-allow pnpm`, from @n8n/node-cli), which aborts it, and npm rolls everything back.
if [ ! -x node_modules/.bin/node ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -f node_modules/.package-lock.json ]; then
  echo "[start] installing the package's dependencies (npm ci --ignore-scripts; a few minutes on a fresh machine)…"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
# npm put node_modules/.bin first on PATH before it existed; name the bundled Node outright.
exec node_modules/.bin/node scripts/runtime/start.js "$@"
