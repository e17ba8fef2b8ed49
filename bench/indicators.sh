#!/usr/bin/env bash
# `make bench-indicators`: PostgreSQL on loopback, then bench/indicators.py (the DDFE's
# reports and roll-ups at national size against the naive COUNT(DISTINCT) queries;
# BENCH_SIZE=small for a quick run at a tenth of the size).
source "$(dirname "$0")/common.sh"
export SITE_URL=https://egide.example.gouv.fr
export LOG_LEVEL=WARNING

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0

bench_durability
say "Measuring the indicators reports and territory roll-ups"
"$PY" bench/indicators.py
