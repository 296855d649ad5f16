#!/usr/bin/env bash
# The real LiveKit SFU (livekit-server), built once from the Go module proxy and cached outside
# the checkout, so a fresh clone on the same machine skips the build.
#   scripts/livekit.sh install   build livekit-server v$LIVEKIT_VERSION unless cached; print its path
#   scripts/livekit.sh path      print the cached binary's path (exit 1 if not built)
# The app starts and stops the binary itself (server/voice/localLivekit.ts) when LIVEKIT_URL is unset.
set -euo pipefail
cmd="${1:-}"
version="${LIVEKIT_VERSION:-1.13.5}"
cache="${HUSTINGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hustings}"
bin="$cache/livekit-server-v$version"
say() { printf '[livekit] %s\n' "$*" >&2; }

case "$cmd" in
  install)
    if [ -x "$bin" ]; then
      say "livekit-server v$version present ($bin)"
    else
      command -v go >/dev/null || { say "Go is required to build livekit-server (go >= 1.26)"; exit 1; }
      say "building livekit-server v$version from the Go module proxy (a few minutes on 2 cores)"
      tmp=$(mktemp -d)
      GOBIN="$tmp" GOFLAGS=-mod=mod go install "github.com/livekit/livekit-server/cmd/server@v$version"
      mkdir -p "$cache"
      mv "$tmp/server" "$bin"
      rm -rf "$tmp"
      say "built $bin"
    fi
    echo "$bin"
    ;;
  path)
    [ -x "$bin" ] || { say "livekit-server v$version is not built: run scripts/livekit.sh install"; exit 1; }
    echo "$bin"
    ;;
  *)
    say "usage: scripts/livekit.sh install|path"; exit 2 ;;
esac
