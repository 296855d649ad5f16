#!/usr/bin/env bash
# Install everything, build the client and start Hustings on the embedded defaults.
# WORKERS=N (with DATABASE_URL) starts N processes on ports PORT..PORT+N-1 sharing one Redis
# (README, "Running a big event").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
npm run --silent build
if [ "${WORKERS:-1}" != 1 ]; then
  exec node --import tsx server/supervisor.ts
fi
exec node --import tsx server/index.ts
