#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on loopback for the test suites and
# prints the URL. Uses Debian's postgresql binaries; as root it runs them as `postgres`.
set -euo pipefail
PORT="${CONSORTIUM_PG_PORT:-54329}"
DIR="${CONSORTIUM_PG_DIR:-/tmp/consortium-pg-$PORT}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_pg "$PGBIN/initdb" -D "$DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  printf "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n" | as_pg tee -a "$DIR/postgresql.conf" >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  as_pg "$PGBIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
