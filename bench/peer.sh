#!/usr/bin/env bash
# `make bench-peer`: Égide beside wagtail-lms 0.11.1 (issue 23), same load, same server.
# PostgreSQL (production durability while measuring, unless EGIDE_PG_DURABLE=0) and Redis
# on loopback; wagtail-lms in its own virtualenv (.cache/bench-peer-venv, reused) with a
# minimal host project (bench/peer/host), in another database of the same server and
# another Redis database; both served by gunicorn with the same options
# ($GUNICORN_SERVING, bench/common.sh); bench/peer/compare.py alternates them.
# BENCH_PHASE_SECONDS (20), BENCH_WARMUP_SECONDS (5), BENCH_ROUNDS (3).
source "$(dirname "$0")/common.sh"
export SITE_URL=http://127.0.0.1
export SECURE_SSL_REDIRECT=false
export STATIC_ROOT="$WORK/static"
PEER_VENV="$ROOT/.cache/bench-peer-venv"
PEER_PY="$PEER_VENV/bin/python"


if [ ! -x "$PEER_VENV/bin/gunicorn" ]; then
  say "Installing wagtail-lms in $PEER_VENV"
  python3 -m venv "$PEER_VENV"
  "$PEER_VENV/bin/pip" install --quiet --disable-pip-version-check -r bench/peer/requirements.txt
fi

# The two setups are independent: the peer's runs meanwhile (its output in its own log).
say "wagtail-lms: one course, one TrueFalse H5P lesson, 1,000 learners (in the background)"
runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE egide_peer" >/dev/null
# The peer's own environment: nothing of Égide's leaks into it. `env` execs the
# command, so `$!` of a backgrounded `"${PEER_ENV[@]}" …` is the command's own pid.
PEER_ENV=(env -i PATH="$PATH" HOME="$HOME" PYTHONPATH="$ROOT/bench/peer" DJANGO_SETTINGS_MODULE=host.settings
  SECRET_KEY="$SECRET_KEY" ALLOWED_HOSTS=127.0.0.1
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/egide_peer"
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
  STATIC_ROOT="$WORK/peer-static" MEDIA_ROOT="$WORK/peer-media")
peer() { "${PEER_ENV[@]}" "$@"; }
(
  set -e
  peer "$PEER_PY" -m django migrate --noinput -v 0
  peer "$PEER_PY" -m django collectstatic --noinput -v 0
  peer "$PEER_PY" bench/peer/seed_peer.py --learners 1000 --rotation 64 --out "$WORK/peer-rotation.json"
  peer "$PEER_PY" -m django shell -c "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
) >"$WORK/peer-setup.log" 2>&1 &
PEER_SETUP_PID=$!

say "Égide: one module, one TrueFalse H5P lesson, 1,000 learners"
"$PY" manage.py migrate --noinput -v 0
# Manifest without compression: bench/static_settings.py says why.
"$PY" manage.py collectstatic --noinput -v 0 --settings bench.static_settings
# The catalogue the seeded module goes under (and the site) come with the demo data.
"$PY" manage.py load_demo --force >/dev/null
"$PY" bench/seed.py --modules 1 --lessons-per-module 1 --learners 1000

if ! wait "$PEER_SETUP_PID"; then
  cat "$WORK/peer-setup.log" >&2
  exit 1
fi
cat "$WORK/peer-setup.log"

EGIDE_PORT=$(free_port)
PEER_PORT=$(free_port)
say "Starting gunicorn for both: ${GUNICORN_SERVING[*]}"
"$ROOT/.venv/bin/gunicorn" elearning.wsgi:application --bind "127.0.0.1:$EGIDE_PORT" \
  "${GUNICORN_SERVING[@]}" --pid "$WORK/egide.pid" --log-level warning &
EGIDE_PID=$!
"${PEER_ENV[@]}" "$PEER_VENV/bin/gunicorn" host.wsgi:application --chdir "$ROOT/bench/peer" --bind "127.0.0.1:$PEER_PORT" \
  "${GUNICORN_SERVING[@]}" --pid "$WORK/peer.pid" --log-level warning &
PEER_PID=$!
extra_cleanup() {
  kill "$EGIDE_PID" "$PEER_PID" 2>/dev/null
  wait "$EGIDE_PID" "$PEER_PID" 2>/dev/null
}
wait_for_http "http://127.0.0.1:$EGIDE_PORT/"
wait_for_http "http://127.0.0.1:$PEER_PORT/"

say "Measuring"
bench_durability
"$PY" bench/peer/compare.py --egide-url "http://127.0.0.1:$EGIDE_PORT" --egide-pid "$EGIDE_PID" \
  --peer-url "http://127.0.0.1:$PEER_PORT" --peer-pid "$PEER_PID" \
  --peer-rotation "$WORK/peer-rotation.json" \
  --postgres-pid "$(head -n 1 "$WORK/pg/postmaster.pid")" --redis-pid "$(cat "$WORK/redis/redis.pid")" \
  --seconds "${BENCH_PHASE_SECONDS:-20}" --warmup "${BENCH_WARMUP_SECONDS:-5}" --rounds "${BENCH_ROUNDS:-3}"
