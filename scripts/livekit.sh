#!/usr/bin/env bash
# The real LiveKit SFU (livekit-server), installed into the project's tools directory.
#   scripts/livekit.sh install   put livekit-server v$LIVEKIT_VERSION in .tools/bin unless it is there; print its path
#   scripts/livekit.sh path      print the installed binary's path (exit 1 if not installed)
# It is built once per machine with `go install` from the Go module proxy (minutes on 2 cores)
# and the build is kept in a cache outside the checkout (~/.cache/hustings), so a fresh clone
# on the same machine copies it instead of building again. The app starts and stops the binary
# itself (server/voice/localLivekit.ts) unless LIVEKIT_URL names another LiveKit.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd="${1:-}"
version="${LIVEKIT_VERSION:-1.13.5}"
name="livekit-server-v$version"
bin=".tools/bin/$name"
cache="${HUSTINGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hustings}"
say() { printf '[livekit] %s\n' "$*" >&2; }

case "$cmd" in
  install)
    if [ -x "$bin" ]; then
      say "livekit-server v$version present ($bin)"
    else
      if [ ! -x "$cache/$name" ]; then
        gobin=$(command -v go || true)
        [ -n "$gobin" ] || [ ! -x /usr/local/go/bin/go ] || gobin=/usr/local/go/bin/go
        [ -n "$gobin" ] || { say "Go >= 1.26 is required to build livekit-server (https://go.dev/dl/, or apt-get install golang-go if Debian's is new enough)"; exit 1; }
        say "building livekit-server v$version from the Go module proxy with $("$gobin" version) (a few minutes on 2 cores)"
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
        GOBIN="$tmp" GOFLAGS=-mod=mod "$gobin" install "github.com/livekit/livekit-server/cmd/server@v$version"
        mkdir -p "$cache"
        mv "$tmp/server" "$cache/$name.partial"
        mv "$cache/$name.partial" "$cache/$name"
        say "built $cache/$name"
      fi
      mkdir -p .tools/bin
      cp "$cache/$name" "$bin.partial"
      mv "$bin.partial" "$bin"
      say "installed $bin"
    fi
    echo "$PWD/$bin"
    ;;
  path)
    [ -x "$bin" ] || { say "livekit-server v$version is not installed: run scripts/livekit.sh install"; exit 1; }
    echo "$PWD/$bin"
    ;;
  *)
    say "usage: scripts/livekit.sh install|path"; exit 2 ;;
esac
