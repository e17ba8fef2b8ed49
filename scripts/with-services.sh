#!/usr/bin/env bash
# Run a command with PostgreSQL and Redis started as `make test` starts them, without
# the static checks: for a developer running some integration tests, e.g.
#   bash scripts/with-services.sh .venv/bin/pytest tests/integration/test_events_concurrency.py
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
say() { printf '\n==> %s\n' "$*"; }
source scripts/services.sh
export DJANGO_SETTINGS_MODULE=elearning.settings.test
export EGIDE_REQUIRE_SERVICES=1
"$@"
