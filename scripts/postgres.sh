#!/usr/bin/env bash
# A throw-away local PostgreSQL for tests and benchmarks, on 127.0.0.1 only.
#   scripts/postgres.sh start    install Debian's postgresql if missing, create a cluster, start it,
#                                print DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   scripts/postgres.sh stop     stop it and delete the cluster (all its data)
#   scripts/postgres.sh status   say whether it runs
# Port: $PGPORT (default 55432). The cluster lives in /tmp/hustings-postgres-<port>.
# Typical use:
#   eval "$(scripts/postgres.sh start)"; TEST_DATABASE_URL=$DATABASE_URL npx vitest run server/store
#   scripts/postgres.sh stop
set -euo pipefail
cmd="${1:-}"
port="${PGPORT:-55432}"
dir="/tmp/hustings-postgres-${port}"
url="postgres://postgres@127.0.0.1:${port}/postgres"
say() { printf '[postgres] %s\n' "$*" >&2; }

case "$port" in ''|*[!0-9]*) say "PGPORT must be a port number (got '$port')"; exit 2 ;; esac

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1; fi
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd "$dir" && runuser -u postgres -- "$@"); else (cd "$dir" && "$@"); fi
}

bindir() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ] && echo "/usr/lib/postgresql/$v/bin"
}

install_if_missing() {
  if bindir >/dev/null; then return; fi
  say "installing Debian's postgresql"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bindir >/dev/null || { say "postgresql installed but no /usr/lib/postgresql/*/bin/pg_ctl found"; exit 1; }
}

running() { [ -d "$dir/pg" ] && as_pg "$(bindir)/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; }

start() {
  install_if_missing
  local bin; bin=$(bindir)
  if running; then
    say "already running in $dir"
    echo "DATABASE_URL=$url"
    return
  fi
  # A leftover directory from a crash: start clean.
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  chmod 700 "$dir"
  as_pg "$bin/initdb" -D "$dir/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { say "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
  if ! as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null; then
    say "PostgreSQL did not start; its log:"; cat "$dir/log" >&2 || true; exit 1
  fi
  for _ in $(seq 1 50); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      say "ready on 127.0.0.1:$port (data in $dir)"
      echo "DATABASE_URL=$url"
      return
    fi
    sleep 0.2
  done
  say "PostgreSQL started but is not accepting connections; its log:"; cat "$dir/log" >&2 || true; exit 1
}

stop() {
  local bin
  if [ ! -d "$dir" ]; then say "not running (no $dir)"; return; fi
  if bin=$(bindir) && [ -d "$dir/pg" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  # If pg_ctl could not stop it, end the postmaster recorded in its own pid file (and only that).
  if [ -f "$dir/pg/postmaster.pid" ]; then
    local pid; pid=$(head -1 "$dir/pg/postmaster.pid")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && { say "postmaster $pid did not stop"; exit 1; }
    fi
  fi
  rm -rf "$dir"
  say "stopped; removed $dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) if running; then say "running on 127.0.0.1:$port"; echo "DATABASE_URL=$url"; else say "not running"; exit 3; fi ;;
  *) say "usage: scripts/postgres.sh start|stop|status  (port from \$PGPORT, default 55432)"; exit 2 ;;
esac
