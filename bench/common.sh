# Sourced by the bench scripts: the project's virtualenv, PostgreSQL and Redis on
# loopback (scripts/services.sh, stopped on exit) and production settings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
say() { printf '\n==> %s\n' "$*"; }

source scripts/services.sh

export DJANGO_SETTINGS_MODULE=elearning.settings.prod
export SECRET_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')"
export ALLOWED_HOSTS=127.0.0.1
export PRIVATE_MEDIA_ROOT="$WORK/private"
export WORK

# How every bench serves with gunicorn, as the Procfile does (docs/deployment-serving.md):
# 2 gthread workers of 4 threads, at most 4 connections per worker, no keep-alive. A
# worker holding 4 connections stops accepting, so the next one goes to a worker with
# room: 8 clients cannot all land on one worker (with keep-alive and gunicorn's default
# of 1,000 connections per worker they did, one core idle). With as many connections as
# threads gunicorn could keep none alive anyway (worker_connections - threads = 0);
# `--keep-alive 0` says so. Each request comes on its own connection, opened by the proxy
# in front on the local network (loopback here).
GUNICORN_SERVING=(--workers 2 --worker-class gthread --threads 4 --worker-connections 4 --keep-alive 0)
# BENCH_GUNICORN="--workers 2 …" tries other options (the same for every server of the run).
[ -n "${BENCH_GUNICORN:-}" ] && read -ra GUNICORN_SERVING <<<"$BENCH_GUNICORN"

# Before measuring: production durability (fsync, synchronous_commit and
# full_page_writes on) unless EGIDE_PG_DURABLE=0, whatever the seeding ran with (it
# runs without, unless EGIDE_PG_DURABLE=1: scripts/services.sh); then print them.
bench_durability() {
  if [ "${EGIDE_PG_DURABLE:-}" != 0 ]; then
    runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
      -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
      -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" -c "CHECKPOINT" >/dev/null
  fi
  printf 'PostgreSQL pendant la mesure : %s\n' "$(runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 \
    -p "$PG_PORT" -U postgres -At -c "SELECT string_agg(name || ' = ' || setting, ', ' ORDER BY name)
    FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")"
}

# Back to fast writes for a bench that seeds more data between two measurements
# (bench/scale.sh grows its database); bench_durability turns durability on again.
bench_fast_writes() {
  [ "${EGIDE_PG_DURABLE:-}" = 1 ] && return 0
  runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
    -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" \
    -c "ALTER SYSTEM SET full_page_writes = off" -c "SELECT pg_reload_conf()" >/dev/null
}

# Wait until a server answers at all (any HTTP status).
wait_for_http() {
  for _ in $(seq 1 150); do
    curl -sS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "No answer from $1" >&2
  return 1
}
