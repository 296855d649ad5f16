#!/usr/bin/env bash
# Install everything, build the client and start Hustings on the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
npm run --silent build
exec node --import tsx server/index.ts
