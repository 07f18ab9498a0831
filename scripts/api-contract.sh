#!/usr/bin/env bash
# The API contract: schemathesis checks a real `motcua serve` against the document it serves
# (/api/v1/openapi.yaml) — every check but positive_data_acceptance, 0 failures allowed. The server runs
# on a fresh SQLite demo database, and the requests carry a bearer token of the center's reception officer
# `tiepnhan`: the role that may write (register dossiers, the desk's lifecycle actions, guidance, ratings)
# and reads the dossiers its agency received; the other roles' refusals are 403s the document lists.
# Reports (JUnit, server log) go to test-output/api-contract/.
# usage: scripts/api-contract.sh [path/to/motcua]   (needs `python3 -m pip install schemathesis`, 4.x)
# MOTCUA_SCHEMATHESIS_EXAMPLES (default 30) bounds the test cases per operation.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/debug/motcua}")
output=test-output/api-contract
rm -rf "$output"; mkdir -p "$output"
work=$(mktemp -d /tmp/motcua-api-contract.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
database="$work/demo.sqlite"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

echo "api contract: building the demo database"
"$binary" demo --no-serve --database "$database" >"$output/demo.log" 2>&1 || { tail -20 "$output/demo.log"; exit 1; }
token=$("$binary" user token tiepnhan --name schemathesis --database "$database" | tail -1)

serve_flags=()
# A branch refuses databases holding demo accounts unless told; this one is a throwaway demo.
if "$binary" serve --help 2>&1 | grep -q -- '--allow-demo-accounts'; then serve_flags+=(--allow-demo-accounts); fi
MOTCUA_LOG_LEVEL=${MOTCUA_LOG_LEVEL:-warning} "$binary" serve --database "$database" --port "$port" \
  ${serve_flags[@]+"${serve_flags[@]}"} >"$output/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "api contract: the server stopped:"; tail -20 "$output/server.log"; exit 1; }
  sleep 0.2
done

echo "api contract: $(schemathesis --version 2>/dev/null) against http://127.0.0.1:$port/api/v1"
set +e
# From the temporary folder, where schemathesis keeps its replay store (.schemathesis/).
report_dir=$(realpath "$output")
cd "$work"
schemathesis --no-color run "http://127.0.0.1:$port/api/v1/openapi.yaml" \
  --url "http://127.0.0.1:$port/api/v1" \
  -H "Authorization: Bearer $token" \
  --checks all --exclude-checks positive_data_acceptance \
  --max-examples "${MOTCUA_SCHEMATHESIS_EXAMPLES:-30}" --seed 20210712 --generation-database none \
  --workers 1 --request-timeout 30 \
  --report junit --report-dir "$report_dir" 2>&1 | tee "$report_dir/schemathesis.log" | grep -v '^\s*$'
status=${PIPESTATUS[0]}
set -e
cd - >/dev/null
if [ "$status" != 0 ]; then
  echo "api contract: schemathesis failed (exit $status); the last lines of the server log:"
  tail -40 "$output/server.log"
  exit "$status"
fi
echo "api contract: passed"
