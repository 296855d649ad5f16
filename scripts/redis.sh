#!/usr/bin/env bash
# A local Redis for tests and for several Hustings processes on one machine, on 127.0.0.1 only.
#   scripts/redis.sh start    install Debian's redis-server if missing, start it, print REDIS_URL=redis://127.0.0.1:<port>
#   scripts/redis.sh stop     stop it and delete its directory
#   scripts/redis.sh status   say whether it runs (exit 3 if not)
# Port: $REDIS_PORT (default 56379). It keeps nothing on disk (no RDB, no AOF): presence, the
# room list and limits are live data, rebuilt by the processes. Its pid file and log live in
# /tmp/hustings-redis-<port>. For production use your own Redis and set REDIS_URL.
# Typical use:
#   eval "$(scripts/redis.sh start)"; REDIS_URL=$REDIS_URL ...; scripts/redis.sh stop
set -euo pipefail
cmd="${1:-}"
port="${REDIS_PORT:-56379}"
dir="/tmp/hustings-redis-${port}"
url="redis://127.0.0.1:${port}"
say() { printf '[redis] %s\n' "$*" >&2; }

case "$port" in ''|*[!0-9]*) say "REDIS_PORT must be a port number (got '$port')"; exit 2 ;; esac

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1; fi
}

server_bin() { command -v redis-server || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; }; }
cli_bin() { command -v redis-cli || { [ -x /usr/bin/redis-cli ] && echo /usr/bin/redis-cli; }; }

install_if_missing() {
  if server_bin >/dev/null && cli_bin >/dev/null; then return; fi
  say "installing Debian's redis-server"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  server_bin >/dev/null || { say "redis-server installed but not found on PATH"; exit 1; }
}

pid_of() { [ -f "$dir/redis.pid" ] && head -1 "$dir/redis.pid"; }
running() {
  local pid; pid=$(pid_of 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && "$(cli_bin)" -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG
}

start() {
  install_if_missing
  if running; then
    say "already running on 127.0.0.1:$port"
    echo "REDIS_URL=$url"
    return
  fi
  # A leftover directory from a crash: start clean (only our own recorded pid is ended).
  local old; old=$(pid_of 2>/dev/null || true)
  if [ -n "$old" ] && kill -0 "$old" 2>/dev/null; then kill -TERM "$old" 2>/dev/null || true; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 700 "$dir"
  # No persistence; loopback only; protected mode stays on.
  if ! "$(server_bin)" --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/log" --daemonize yes >/dev/null; then
    say "redis-server did not start; its log:"; cat "$dir/log" >&2 || true; exit 1
  fi
  for _ in $(seq 1 50); do
    if "$(cli_bin)" -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      say "ready on 127.0.0.1:$port"
      echo "REDIS_URL=$url"
      return
    fi
    sleep 0.1
  done
  say "redis-server started but does not answer PING; its log:"; cat "$dir/log" >&2 || true; exit 1
}

stop() {
  if [ ! -d "$dir" ]; then say "not running (no $dir)"; return; fi
  local pid; pid=$(pid_of 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    "$(cli_bin)" -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { say "redis-server $pid did not stop"; exit 1; }
  fi
  rm -rf "$dir"
  say "stopped; removed $dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) if running; then say "running on 127.0.0.1:$port"; echo "REDIS_URL=$url"; else say "not running"; exit 3; fi ;;
  *) say "usage: scripts/redis.sh start|stop|status  (port from \$REDIS_PORT, default 56379)"; exit 2 ;;
esac
