#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 on a free port, as a non-root user, and prints
# the environment to use it:   eval "$(scripts/postgres-cluster.sh start)"   …   scripts/postgres-cluster.sh stop
# The cluster lives in a temporary folder (trust authentication, no fsync: it only holds test data).
set -euo pipefail

bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_cluster_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port
  bin=$(bin_dir) || { echo "postgres-cluster: initdb not found (apt-get install -y postgresql)" >&2; exit 1; }
  dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_cluster_owner "$bin/initdb" -D "$dir/data" -A trust -U motcua -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_cluster_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_cluster_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U motcua motcua_test
  echo "export MOTCUA_PG_CLUSTER_DIR=$dir"
  echo "export MOTCUA_TEST_POSTGRES=postgres://motcua@127.0.0.1:$port/motcua_test"
}

stop() {
  local bin dir=${MOTCUA_PG_CLUSTER_DIR:-}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin=$(bin_dir) || return 0
  as_cluster_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
