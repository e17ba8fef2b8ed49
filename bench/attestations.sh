#!/usr/bin/env bash
# `make bench-attestations`: PostgreSQL and Redis on loopback, production settings,
# then bench/attestations.py (1,000 attestations through a real Celery worker beside
# the in-process rendering rate). BENCH_ATTESTATIONS=N changes the count.
source "$(dirname "$0")/common.sh"
export SITE_URL=https://egide.example.gouv.fr
export LOG_LEVEL=WARNING

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0

bench_durability
say "Measuring attestations"
"$PY" bench/attestations.py --count "${BENCH_ATTESTATIONS:-1000}"
