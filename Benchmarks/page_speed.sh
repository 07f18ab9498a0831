#!/usr/bin/env bash
# Page speed on the demo database: builds `motcua` (release unless given a binary), builds the demo
# database, serves it and runs page_speed.py against it. Figures go to BENCHMARKS.md by hand.
# usage: Benchmarks/page_speed.sh [path/to/motcua] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then swift build -c release --product motcua >/dev/null; binary=.build/release/motcua; fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
MOTCUA_LOG_LEVEL=warning "$binary" demo --database "$work/demo.sqlite" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
  sleep 0.5
done
python3 Benchmarks/page_speed.py "http://127.0.0.1:$port" "${2:-200}"
