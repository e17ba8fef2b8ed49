# Sourced by the bench scripts: the project's virtualenv, PostgreSQL and Redis on
# loopback (scripts/services.sh, stopped on exit) and production settings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
say() { printf '\n==> %s\n' "$*"; }

source scripts/services.sh

export DJANGO_SETTINGS_MODULE=elearning.settings.prod
export SECRET_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')"
export ALLOWED_HOSTS=127.0.0.1
export PRIVATE_MEDIA_ROOT="$WORK/private"
export WORK
