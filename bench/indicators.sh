#!/usr/bin/env bash
# `make bench-indicators`: PostgreSQL on loopback, then bench/indicators.py (the DDFE's
# report over 1,000,000 participations against the naive COUNT(DISTINCT) query).
source "$(dirname "$0")/common.sh"
export SITE_URL=https://egide.example.gouv.fr
export LOG_LEVEL=WARNING

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0

say "Measuring the indicators report"
"$PY" bench/indicators.py
