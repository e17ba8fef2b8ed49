#!/usr/bin/env bash
# `make bench-attestations`: PostgreSQL and Redis on loopback, production settings,
# then bench/attestations.py (1,000 attestations through a real Celery worker beside
# the in-process rendering rate). BENCH_ATTESTATIONS=N changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
say() { printf '\n==> %s\n' "$*"; }

source scripts/services.sh

export DJANGO_SETTINGS_MODULE=elearning.settings.prod
export SECRET_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')"
export ALLOWED_HOSTS=127.0.0.1
export SITE_URL=https://egide.example.gouv.fr
export PRIVATE_MEDIA_ROOT="$WORK/private"
export LOG_LEVEL=WARNING
export WORK

say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0

say "Measuring attestations"
"$PY" bench/attestations.py --count "${BENCH_ATTESTATIONS:-1000}"
