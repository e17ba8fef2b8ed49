#!/usr/bin/env bash
# `make bench`: serve Égide with gunicorn (2 workers, production settings) on
# PostgreSQL and Redis started on loopback, seed 200 modules, 2,000 lessons and
# 50,000 learners with progress (bench/seed.py), drive it with 8 concurrent clients
# for a bounded time per scenario (bench/load.py), and print requests/s, p50/p95
# latency, SQL queries and CPU milliseconds per request beside the issue's targets.
source "$(dirname "$0")/common.sh"
export SITE_URL=http://127.0.0.1
export SECURE_SSL_REDIRECT=false
export STATIC_ROOT="$WORK/static"
WEB_PORT=$(free_port)

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
# --force outside DEBUG: the demo accounts get no usable password (see load_demo).
"$PY" manage.py load_demo --force >/dev/null

say "Seeding the benchmark data"
"$PY" bench/seed.py

say "Starting gunicorn on 127.0.0.1:$WEB_PORT: ${GUNICORN_SERVING[*]}"
"$ROOT/.venv/bin/gunicorn" elearning.wsgi:application --bind "127.0.0.1:$WEB_PORT" \
  "${GUNICORN_SERVING[@]}" --pid "$WORK/gunicorn.pid" --log-level warning &
GUNICORN_PID=$!
extra_cleanup() { kill "$GUNICORN_PID" 2>/dev/null; wait "$GUNICORN_PID" 2>/dev/null; }
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$WEB_PORT/" >/dev/null 2>&1 && break
  sleep 0.1
done

say "Measuring"
bench_durability
# BENCH_PYSPY=file.txt: sample the gunicorn workers with py-spy (if installed) while
# measuring (only threads holding the GIL: CPU, not waits), in py-spy's "raw" format
# (collapsed stacks, for flame graphs).
if [ -n "${BENCH_PYSPY:-}" ]; then
  "$ROOT/.venv/bin/py-spy" record --subprocesses --nonblocking --gil --format raw -o "$BENCH_PYSPY" \
    --pid "$GUNICORN_PID" >/dev/null 2>&1 &
  PYSPY_PID=$!
fi
"$PY" bench/load.py --base-url "http://127.0.0.1:$WEB_PORT" --gunicorn-pid "$GUNICORN_PID" \
  --postgres-pid "$(head -n 1 "$WORK/pg/postmaster.pid")" --redis-pid "$(cat "$WORK/redis/redis.pid")" \
  --concurrency 8 --seconds "${BENCH_SECONDS:-10}" --only "${BENCH_ONLY:-}"
if [ -n "${PYSPY_PID:-}" ]; then kill -INT "$PYSPY_PID"; wait "$PYSPY_PID" || true; fi

# BENCH_KEEP=1: keep the servers after measuring, for profiling by hand. The
# command that measures again is written to $WORK/measure.sh (printed below);
# `kill -HUP <gunicorn pid>` reloads the code. Ctrl-C stops everything.
if [ -n "${BENCH_KEEP:-}" ]; then
  cat >"$WORK/measure.sh" <<EOF
cd "$ROOT"
export DJANGO_SETTINGS_MODULE=$DJANGO_SETTINGS_MODULE SECRET_KEY=$SECRET_KEY ALLOWED_HOSTS=$ALLOWED_HOSTS
export DATABASE_URL=$DATABASE_URL REDIS_URL=$REDIS_URL SITE_URL=$SITE_URL SECURE_SSL_REDIRECT=false
export PRIVATE_MEDIA_ROOT=$PRIVATE_MEDIA_ROOT STATIC_ROOT=$STATIC_ROOT WORK=$WORK
"$PY" bench/load.py --base-url "http://127.0.0.1:$WEB_PORT" --gunicorn-pid "$GUNICORN_PID" \\
  --postgres-pid "$(head -n 1 "$WORK/pg/postmaster.pid")" --redis-pid "$(cat "$WORK/redis/redis.pid")" \\
  --concurrency 8 --seconds "\${BENCH_SECONDS:-10}" --only "\${BENCH_ONLY:-}"
EOF
  say "Servers kept: measure again with 'bash $WORK/measure.sh', reload the code with 'kill -HUP $GUNICORN_PID'; Ctrl-C stops"
  wait "$GUNICORN_PID"
fi
