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
# Tests marked `long` (the crawl of every demo page) are a suite of their own:
# `make test-long`, which .ci/run calls after this one.
# Unit, view and browser tests run in two processes (pytest-xdist; the machine has
# two CPUs), one test file per process at a time so a file's module-wide fixtures (a
# loaded demo, a shared live-server database) are built once. Each process has its
# own test database, media folders, live server, Chromium and Redis database
# (elearning/settings/test.py).
JOBS=${EGIDE_TEST_JOBS:-2}
PYTEST=("$ROOT/.venv/bin/pytest" -p no:cacheprovider)
set +e
say "pytest: unit and view tests ($JOBS processes)"
"${PYTEST[@]}" --durations=8 -n "$JOBS" --dist loadfile --reuse-db \
  -m "not integration and not transactional and not long" "$@"
rc_unit=$?
# Tests that commit (browser tests against a live server…) flush the database: after
# the others, on the same test databases (--reuse-db: no second migration).
say "pytest: browser and committing tests ($JOBS processes)"
"${PYTEST[@]}" --durations=8 -n "$JOBS" --dist loadfile --reuse-db \
  -m "transactional and not integration and not long" "$@"
rc_commit=$?
# Integration tests in two processes too, one file per process at a time: each process
# has its own test database, Redis database, Celery workers and buckets, so a file's
# workers and nodes never see the other's. The databases are migrated afresh (not
# --reuse-db): the committing phase above leaves its databases flushed, and a reused
# one would be serialized empty for the tests that restore what the migrations loaded
# (territories, roles).
say "pytest: integration on PostgreSQL + Redis + S3 + Celery workers ($JOBS processes)"
"${PYTEST[@]}" --durations=8 -n "$JOBS" --dist loadfile -m "integration and not long" "$@"
rc_integration=$?
set -e
# Exit status 5 is "no test collected": a failure for the whole suite, but expected
# for a phase when `make test` is given paths (scripts/test.sh courses/).
codes=("$rc_unit" "$rc_commit" "$rc_integration")
if [ $# -gt 0 ]; then
  collected=0
  for rc in "${codes[@]}"; do [ "$rc" -ne 5 ] && collected=1; done
  if [ $collected -eq 1 ]; then codes=("${codes[@]/#5/0}"); fi
fi
for rc in "${codes[@]}"; do
  if [ "$rc" -eq 5 ]; then echo "pytest collected no test: failing." >&2; fi
  if [ "$rc" -ne 0 ]; then exit 1; fi
done
