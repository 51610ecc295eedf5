#!/usr/bin/env bash
# `npm start`: builds the package, provisions a pinned n8n (first run only), installs the
# package into it, starts a local mail catcher and n8n, and prints where everything is.
# Settings are environment variables; see scripts/runtime/start.js.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  echo "[start] installing the package's dependencies (npm install)…"
  npm install --no-audit --no-fund --loglevel=error
fi
exec node scripts/runtime/start.js "$@"
