#!/usr/bin/env bash
# Install everything and run the whole test suite: types, lint, unit, server and store tests
# (SQLite and a throw-away PostgreSQL), browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
mkdir -p reports

echo "== typecheck"; npm run --silent typecheck
echo "== lint";      npm run --silent lint
echo "== unit, server and store tests (SQLite and a real PostgreSQL)"
eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
export TEST_DATABASE_URL="$DATABASE_URL"
unset DATABASE_URL
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "== browser tests"
npm run --silent build:test -- --logLevel warn
npx playwright test
node scripts/summary.mjs
