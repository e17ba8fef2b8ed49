#!/usr/bin/env bash
# Sourced by scripts/test.sh and bench/run.sh: install the Debian services when
# missing, start PostgreSQL, Redis and an S3-compatible server (moto) on free
# loopback ports in a temporary directory, export DATABASE_URL, REDIS_URL and
# EGIDE_TEST_S3_URL, and stop everything on exit.
# Expects ROOT and PY to be set by the caller.

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d /tmp/egide-test.XXXXXX)
chmod 755 "$WORK"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
S3_PORT=$(free_port)
PG_STARTED=0
REDIS_STARTED=0
S3_PID=

cleanup() {
  status=$?
  set +e
  # A caller may stop its own processes first (bench/run.sh stops gunicorn).
  if declare -F extra_cleanup >/dev/null; then extra_cleanup; fi
  if [ -n "$S3_PID" ]; then
    kill "$S3_PID" 2>/dev/null
  fi
  if [ "$REDIS_STARTED" = 1 ]; then
    kill "$(cat "$WORK/redis/redis.pid" 2>/dev/null)" 2>/dev/null
  fi
  if [ "$PG_STARTED" = 1 ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  fi
  # Celery workers started by the integration tests are stopped by their fixture;
  # one left behind by an interrupted run recorded its pid here (never kill by name:
  # another suite's or a developer's own worker would go too).
  for pidfile in "$WORK"/workers/*.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg" "$WORK/pgsock" "$WORK/pglog"
chown postgres:postgres "$WORK/pg" "$WORK/pgsock" "$WORK/pglog"
# PostgreSQL refuses to run as root: initdb and pg_ctl run as the postgres user.
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Tests run without durability (faster, nothing to keep). EGIDE_PG_DURABLE=1 keeps
# PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes on), as a
# production database runs. Written to postgresql.conf rather than given on the
# command line, so that a benchmark can also seed fast and then turn durability on
# for its measurements (ALTER SYSTEM + reload: bench/common.sh, pg_durable).
if [ "${EGIDE_PG_DURABLE:-}" != 1 ]; then
  printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$WORK/pg/postgresql.conf"
fi
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/pg.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pgsock -c max_connections=200" \
  start >/dev/null
PG_STARTED=1
runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE egide" >/dev/null

say "Starting Redis on 127.0.0.1:$REDIS_PORT"
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$WORK/redis" \
  --pidfile "$WORK/redis/redis.pid" --save "" --appendonly no --logfile "$WORK/redis/redis.log"
REDIS_STARTED=1
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

# Object storage for the tests that need it (courses/tests/test_object_storage.py):
# moto's server speaks the S3 API over HTTP; the tests create their own buckets. The
# normal suite stays on local disk.
say "Starting the S3 server (moto) on 127.0.0.1:$S3_PORT"
mkdir -p "$WORK/s3"
"$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$WORK/s3/moto.log" 2>&1 &
S3_PID=$!
for _ in $(seq 1 100); do
  "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$S3_PORT/moto-api/', timeout=1)" \
    >/dev/null 2>&1 && break
  sleep 0.1
done

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/egide"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export EGIDE_TEST_S3_URL="http://127.0.0.1:$S3_PORT"
export EGIDE_SERVICES_DIR="$WORK"

