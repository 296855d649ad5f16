#!/usr/bin/env bash
# Installs what Hustings needs, idempotently: a second run skips whatever is already in place.
#   scripts/setup.sh app    Node packages
#   scripts/setup.sh test   + Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1; fi
}

# Node 20.19+ (Vite 8) is required.
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { say "Node >= 20.19 is required (found $(node --version))"; exit 1; }

# Node packages: reinstall only when package-lock.json changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.hustings-lock-hash ] || [ "$(cat node_modules/.hustings-lock-hash)" != "$lock_hash" ]; then
  say "installing Node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.hustings-lock-hash
else
  say "Node packages up to date"
fi

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Redis: the tests start their own (server/cluster.test.ts), and several processes on one
# machine share one (WORKERS=2 scripts/start.sh); scripts/redis.sh starts it on loopback.
if [ "$mode" = test ] || { [ "${WORKERS:-1}" != 1 ] && [ -z "${REDIS_URL:-}" ]; }; then
  if ! command -v redis-server >/dev/null; then
    say "installing Debian's redis-server"
    apt_install redis-server
  else
    say "Redis present: $(redis-server --version | cut -d' ' -f1-3)"
  fi
fi

if [ "$mode" = test ]; then
  # PostgreSQL for the store tests is installed and started by scripts/postgres.sh.
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the browser tests"
    apt_install chromium fonts-liberation
  else
    say "Chromium present: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  fi
fi

# The real LiveKit SFU for voice: built once from the Go module proxy, cached outside the checkout.
scripts/livekit.sh install >/dev/null
