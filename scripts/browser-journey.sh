#!/usr/bin/env bash
# The browser journey (scripts/browser_journey.py) against a real `motcua demo` server on a fresh SQLite
# demo database. Screenshots and the downloaded report go to test-output/browser/.
# usage: scripts/browser-journey.sh [path/to/motcua]   (needs chromium, chromium-driver, python3-selenium)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/motcua}
output=test-output/browser
rm -rf "$output"; mkdir -p "$output"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" demo --database "$work/demo.sqlite" --port "$port" >"$output/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "the demo server stopped:"; tail -20 "$output/server.log"; exit 1; }
  sleep 0.5
done
python3 scripts/browser_journey.py "http://127.0.0.1:$port" "$output" Sources/MotCuaDemo/Resources/procedures.json

# The sites journey on the post-reform sample: a commune desk accepts on behalf, the provincial desk receives.
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
sites_output=$output/sites
mkdir -p "$sites_output"
"$binary" demo --sample lam-dong-2026 --database "$work/sample.sqlite" --port "$port" >"$sites_output/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "the sample server stopped:"; tail -20 "$sites_output/server.log"; exit 1; }
  sleep 0.5
done
python3 scripts/browser_journey_sites.py "http://127.0.0.1:$port" "$sites_output"
