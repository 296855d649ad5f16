#!/usr/bin/env bash
# Install everything and run the whole test suite: types, lint, unit and server tests, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
mkdir -p reports

echo "== typecheck"; npm run --silent typecheck
echo "== lint";      npm run --silent lint
echo "== unit and server tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "== browser tests"
npm run --silent build:test -- --logLevel warn
npx playwright test
node scripts/summary.mjs
