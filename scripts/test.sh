#!/usr/bin/env bash
# `make test`: install the system services the suite needs, start PostgreSQL and
# Redis on free loopback ports in a temporary directory, run every check and the
# whole pytest suite (unit, integration with a real Celery worker, browser), then
# stop what was started — also when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"

say() { printf '\n==> %s\n' "$*"; }

source scripts/services.sh
export DJANGO_SETTINGS_MODULE=elearning.settings.test
# Integration, browser and npm-fixture tests fail instead of skipping when a service
# or an install is missing (core/tests/installed.py).
export EGIDE_REQUIRE_SERVICES=1

# --- Static checks -----------------------------------------------------------
say "Django system checks"
"$PY" manage.py check --fail-level WARNING
say "Migrations are up to date"
"$PY" manage.py makemigrations --check --dry-run
say "Production settings pass check --deploy"
DJANGO_SETTINGS_MODULE=elearning.settings.prod \
  SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')" \
  ALLOWED_HOSTS=egide.example.gouv.fr SITE_URL=https://egide.example.gouv.fr \
  "$PY" manage.py check --deploy --fail-level WARNING
say "French catalogues are current"
"$PY" scripts/messages.py check
say "Lint"
"$ROOT/.venv/bin/ruff" check .
say "Layering: import-linter contracts (pyproject.toml, docs/architecture.md)"
"$ROOT/.venv/bin/lint-imports"

# --- The suite ----------------------------------------------------------------
say "pytest (unit, integration on PostgreSQL + Redis + Celery worker, browser)"
set +e
"$ROOT/.venv/bin/pytest" -p no:cacheprovider --durations=12 "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "pytest collected no test: failing." >&2
fi
exit $rc
