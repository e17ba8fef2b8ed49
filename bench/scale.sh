#!/usr/bin/env bash
# `make bench-scale` (issue 23): does the size of the data or a second web node cost
# anything per request? PostgreSQL and Redis on loopback (data seeded with fast writes,
# every measurement with production durability: fsync, synchronous_commit, full pages),
# production settings, in one run:
#   1. the demo data (load_demo): lesson pages at 8 concurrent users, p50/p95;
#   2. 200 modules and BENCH_LEARNERS_SMALL learners (bench/seed.py): lesson page and
#      xAPI statement measured twice (the second time shows the run's noise);
#   3. grown to BENCH_LEARNERS_LARGE learners on the same modules, VACUUM ANALYZE,
#      measured again on the same learners: one node (2 workers);
#   4. two nodes (two gunicorn processes of one worker each on two ports, the clients
#      spread over both), same PostgreSQL and Redis (cache, sessions);
# then prints the tables (bench/scale.py report). BENCH_SECONDS: seconds per scenario.
source "$(dirname "$0")/common.sh"
export SITE_URL=http://127.0.0.1
export SECURE_SSL_REDIRECT=false
# BENCH_STATIC_ROOT=dir keeps the collected static files between runs (collectstatic
# compresses every file: minutes on a busy machine); by default they go with $WORK.
export STATIC_ROOT="${BENCH_STATIC_ROOT:-$WORK/static}"
SMALL=${BENCH_LEARNERS_SMALL:-50000}
LARGE=${BENCH_LEARNERS_LARGE:-250000}
SECONDS_PER=${BENCH_SECONDS:-20}
OUT="${BENCH_SCALE_OUT:-$WORK/scale}"
mkdir -p "$OUT"
PG_PID=$(head -n 1 "$WORK/pg/postmaster.pid")
REDIS_PID=$(cat "$WORK/redis/redis.pid")
STARTED=$(date +%s)

# How the benches serve: bench/common.sh's GUNICORN_SERVING when it has one (the
# shared serving setup), else the Procfile's options. --workers given after it wins.
if [ -z "${GUNICORN_SERVING+set}" ]; then
  GUNICORN_SERVING=(--workers 2 --worker-class gthread --threads 4 --keep-alive 5)
fi
NODE_PIDS=()
start_node() { # start_node PORT WORKERS: one gunicorn node
  "$ROOT/.venv/bin/gunicorn" elearning.wsgi:application --bind "127.0.0.1:$1" \
    "${GUNICORN_SERVING[@]}" --workers "$2" --log-level warning &
  NODE_PIDS+=($!)
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$1/" >/dev/null 2>&1 && return
    sleep 0.1
  done
}
stop_nodes() {
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  NODE_PIDS=()
}
extra_cleanup() { stop_nodes; }
measure() { # measure COMMAND NAME LABEL PORT… : the ports' nodes are NODE_PIDS, in order
  local command=$1 name=$2 label=$3
  shift 3
  local ports=("$@") nodes=()
  for i in "${!ports[@]}"; do
    nodes+=(--port "${ports[$i]}" --gunicorn-pid "${NODE_PIDS[$i]}")
  done
  "$PY" bench/scale.py "$command" "$name" --label "$label" "${nodes[@]}" --out "$OUT" \
    --postgres-pid "$PG_PID" --redis-pid "$REDIS_PID" --seconds "$SECONDS_PER" --pool "$SMALL"
}
label() { "$PY" -c "print(f'{$1:,}'.replace(',', '\u202f') + ' apprenant·es')"; }

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0
[ -f "$STATIC_ROOT/staticfiles.json" ] || "$PY" manage.py collectstatic --noinput -v 0
# --force outside DEBUG: the demo accounts get no usable password (see load_demo).
"$PY" manage.py load_demo --force >/dev/null

durable() { say "PostgreSQL durability"; bench_durability; }
durable
PORT_A=$(free_port)
say "Demo data: lesson pages through one node (2 workers) on 127.0.0.1:$PORT_A"
start_node "$PORT_A" 2
measure demo demo "démonstration" "$PORT_A"

say "Seeding $SMALL learners"
bench_fast_writes
t=$(date +%s)
"$PY" bench/seed.py --learners "$SMALL"
SEED_SMALL=$(($(date +%s) - t))
durable
say "Measuring at $SMALL learners (twice: the second shows the noise)"
measure measure small "$(label "$SMALL")" "$PORT_A"
measure measure small-again "$(label "$SMALL") (bis)" "$PORT_A"

say "Growing to $LARGE learners"
bench_fast_writes
t=$(date +%s)
"$PY" bench/seed.py --learners "$LARGE"
SEED_LARGE=$(($(date +%s) - t))
durable
say "Measuring at $LARGE learners, one node"
measure measure large "$(label "$LARGE")" "$PORT_A"
stop_nodes

# Two nodes of one worker each against one node of two: the same number of worker
# processes (one per core of this machine), so that what differs is the node boundary
# (two masters, two ports, every learner's requests on both), not more processes
# competing for two cores.
PORT_B=$(free_port)
PORT_C=$(free_port)
say "Two nodes (1 worker each) on 127.0.0.1:$PORT_B and 127.0.0.1:$PORT_C"
start_node "$PORT_B" 1
start_node "$PORT_C" 1
measure measure two-nodes "2 nœuds × 1 worker" "$PORT_B" "$PORT_C"
stop_nodes

say "Report (run: $(($(date +%s) - STARTED)) s)"
"$PY" bench/scale.py report --out "$OUT" --demo demo --small small --small-again small-again \
  --large large --one-node large --two-nodes two-nodes \
  --seeding "$(label "$SMALL") (pages comprises)=$SEED_SMALL" \
  --seeding "croissance à $(label "$LARGE")=$SEED_LARGE"
