#!/usr/bin/env bash
# The README's test command (`npm test`): type-check, lint, build, then every suite —
# unit, store conformance and engine on SQLite and PostgreSQL, and e2e against a real n8n.
# Starts a throwaway PostgreSQL unless CONSORTIUM_PG_URL points at one.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "PostgreSQL for the conformance suites"
export CONSORTIUM_PG_URL="${CONSORTIUM_PG_URL:-$(bash scripts/pg.sh)}"
export CONSORTIUM_REQUIRE_PG=1
echo "$CONSORTIUM_PG_URL"

step "Format (n8n's prettier config; npm run format fixes it)"
npm run --silent format:check

step "Type-check (node $(node -v))"
npm run --silent typecheck

step "Lint (n8n community-node rules)"
npm run --silent lint

step "Build"
npm run --silent build
node scripts/check-package.js

# The fuzz suites run a fixed seed and a second one: FUZZ_SEED if given, else one derived from
# the commit under test — new cases for every commit, the same ones when that commit is re-run.
if [ -z "${FUZZ_SEED:-}" ] && git rev-parse --short=7 HEAD >/dev/null 2>&1; then
  export FUZZ_SEED=$((16#$(git rev-parse --short=7 HEAD)))
fi
echo "fuzz seed: ${FUZZ_SEED:-random} (replay with FUZZ_SEED=<seed> npm test)"

results=".tmp/jest"
mkdir -p "$results"
status=0

step "Unit, store (SQLite + PostgreSQL) and engine suites"
npx jest --selectProjects unit store engine --json --outputFile="$results/main.json" || status=1

if [ "${CONSORTIUM_SKIP_E2E:-0}" != 1 ]; then
  step "n8n runtime for e2e"
  bash scripts/provision-n8n.sh
  step "E2E suite against a real n8n"
  npx jest --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || status=1
fi

node -e "
const fs = require('fs');
let passed = 0, failed = 0;
for (const f of fs.readdirSync('$results')) {
  const r = JSON.parse(fs.readFileSync('$results/' + f, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
}
console.log('\n' + passed + ' passed, ' + failed + ' failed');
"
exit $status
