#!/usr/bin/env bash
# `make bench-mandatory`: PostgreSQL on loopback, production settings, then
# bench/mandatory.py (roster imports of 10,000 and 100,000 lines against a bare
# bulk_create; the compliance page of 500 and 5,000 people).
source "$(dirname "$0")/common.sh"
export SITE_URL=https://egide.example.gouv.fr
export LOG_LEVEL=WARNING

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0

bench_durability
say "Measuring mandatory training"
"$PY" bench/mandatory.py "$@"
