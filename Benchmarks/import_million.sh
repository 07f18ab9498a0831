#!/usr/bin/env bash
# Imports 1,000,000 generated dossiers into a fresh SQLite file and a fresh PostgreSQL database, one after
# the other in the same run, and prints the rows per second each reached (the import prints its own
# rate; /usr/bin/time adds wall time and peak memory).
# usage: Benchmarks/import_million.sh [COUNT]   (PostgreSQL: set MOTCUA_TEST_POSTGRES or have initdb)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
swift build -c release --product motcua >/dev/null
motcua="$(swift build -c release --show-bin-path)/motcua"
work=$(mktemp -d /tmp/motcua-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate_import_files.py "$work/csv" "$count"
if [ -z "${MOTCUA_TEST_POSTGRES:-}" ]; then
  eval "$(scripts/postgres-cluster.sh start)"
  trap 'scripts/postgres-cluster.sh stop; rm -rf "$work"' EXIT
fi
export MOTCUA_LOG_LEVEL=warning
for target in "$work/bench.sqlite" "$MOTCUA_TEST_POSTGRES"; do
  echo "== $([ "${target#postgres}" = "$target" ] && echo SQLite || echo PostgreSQL)"
  "$motcua" import agencies "$work/csv/agencies.csv" --database "$target"
  "$motcua" import procedures "$work/csv/procedures.csv" --database "$target"
  /usr/bin/time -f "wall %e s, peak memory %M KB" "$motcua" import dossiers "$work/csv/dossiers.csv" --database "$target"
  /usr/bin/time -f "again: wall %e s" "$motcua" import dossiers "$work/csv/dossiers.csv" --database "$target"
done
