#!/usr/bin/env bash
# `make bench-xapi`: PostgreSQL and Redis on loopback, production settings, then
# bench/xapi.py (xAPI statements of TrueFalse, a QuestionSet question and DragQuestion
# re-scored and stored through courses.services, same run). BENCH_XAPI=N changes the
# number of statements per kind.
source "$(dirname "$0")/common.sh"
export SITE_URL=https://egide.example.gouv.fr
export LOG_LEVEL=WARNING

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0

bench_durability
say "Measuring xAPI ingestion"
"$PY" bench/xapi.py --count "${BENCH_XAPI:-3000}" "$@"
