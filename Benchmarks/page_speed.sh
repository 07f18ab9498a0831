#!/usr/bin/env bash
# Page speed on the demo data, SQLite and PostgreSQL one after the other in the same run: builds `motcua`
# (release unless given a binary), builds the demo database, serves it and runs page_speed.py against it.
# usage: Benchmarks/page_speed.sh [path/to/motcua] [rounds]   (PostgreSQL: MOTCUA_TEST_POSTGRES or initdb)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then swift build -c release --product motcua >/dev/null; binary=.build/release/motcua; fi
work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
if [ -z "${MOTCUA_TEST_POSTGRES:-}" ] && command -v initdb >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  if [ -z "${MOTCUA_TEST_POSTGRES:-}" ]; then
    eval "$(scripts/postgres-cluster.sh start)"
    cleanup() { scripts/postgres-cluster.sh stop; rm -rf "$work"; }
  fi
fi
trap cleanup EXIT
for target in "$work/demo.sqlite" ${MOTCUA_TEST_POSTGRES:+"$MOTCUA_TEST_POSTGRES"}; do
  echo "== $([ "${target#postgres}" = "$target" ] && echo SQLite || echo PostgreSQL)"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  MOTCUA_LOG_LEVEL=warning "$binary" demo --database "$target" --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
    sleep 0.5
  done
  python3 Benchmarks/page_speed.py "http://127.0.0.1:$port" "${2:-200}" || status=$?
  kill "$server"; wait "$server" 2>/dev/null || true
  [ "${status:-0}" = 0 ] || exit "$status"
done
