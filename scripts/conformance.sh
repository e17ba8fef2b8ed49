#!/usr/bin/env bash
# `make conformance`: ADL's LRS conformance test suite (xAPI 1.0.3) against Égide's
# /xapi/ on loopback. PostgreSQL and Redis start as for the tests (scripts/services.sh),
# gunicorn serves the platform with a partner credential made for the run, the suite
# runs, and its final JSON line gives passed/total (its exit code is the failure count
# modulo 256: not trusted). Exits non-zero unless every test passed.
#   CONFORMANCE_GREP='Statement' make conformance   only the tests matching a pattern
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
say() { printf '\n==> %s\n' "$*"; }

# The suite, pinned: a local copy when one is given (CONFORMANCE_SRC, a git directory),
# else GitHub; cached in .cache/lrs-conformance with its npm dependencies.
SUITE_COMMIT=2ec25f2eb8ccfcb7cb63ec2679dbd965f9f6ffdc
SUITE_DIR="$ROOT/.cache/lrs-conformance"
SUITE_SRC=${CONFORMANCE_SRC:-/work/vendor-src/lrs-conformance-test-suite}
if [ ! -d "$SUITE_DIR/.git" ]; then
  mkdir -p "$ROOT/.cache"
  if [ -d "$SUITE_SRC" ]; then
    git clone -q "$SUITE_SRC" "$SUITE_DIR"
  else
    git clone -q https://github.com/adlnet/lrs-conformance-test-suite "$SUITE_DIR"
    git -C "$SUITE_DIR" checkout -q "$SUITE_COMMIT"
  fi
fi
if [ ! -d "$SUITE_DIR/node_modules/mocha" ]; then
  say "Installing the suite's npm dependencies"
  (cd "$SUITE_DIR" && npm install --no-audit --no-fund --loglevel=error)
fi

extra_cleanup() {
  if [ -n "${GUNICORN_PID:-}" ]; then kill "$GUNICORN_PID" 2>/dev/null; wait "$GUNICORN_PID" 2>/dev/null; fi
}
source scripts/services.sh

export DJANGO_SETTINGS_MODULE=elearning.settings.test
# The suite sends hundreds of wrong requests on purpose: their 4xx are not news.
export LOG_LEVEL=ERROR
say "Preparing the database"
"$PY" manage.py migrate --noinput -v 0
KEY=conformance
SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(24))')
"$PY" manage.py lrs_partner "Suite de conformité ADL" --key "$KEY" --secret "$SECRET" >/dev/null

PORT=$(free_port)
say "Serving on 127.0.0.1:$PORT"
"$ROOT/.venv/bin/gunicorn" elearning.wsgi:application --bind "127.0.0.1:$PORT" --workers 3 \
  --log-level warning >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/xapi/about" >/dev/null 2>&1 && break
  sleep 0.2
done

say "Running ADL's LRS conformance suite (xAPI 1.0.3)"
OUT="$ROOT/.cache/conformance-output.txt"
args=(-e "http://127.0.0.1:$PORT/xapi" -a -u "$KEY" -p "$SECRET" -x 1.0.3 -z)
[ -n "${CONFORMANCE_GREP:-}" ] && args+=(-g "$CONFORMANCE_GREP")
(cd "$SUITE_DIR" && node bin/console_runner.js "${args[@]}") >"$OUT" 2>&1 || true
cp "$WORK/gunicorn.log" "$ROOT/.cache/conformance-server.log" 2>/dev/null || true

"$PY" - "$OUT" <<'PY'
import json
import sys

lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
result = None
for line in reversed(lines):
    line = line.strip()
    if line.startswith("{"):
        try:
            result = json.loads(line)
            break
        except ValueError:
            continue
if result is None:
    print("Pas de résultat lisible : voir", sys.argv[1])
    sys.exit(2)
summary = result.get("summary", result)
total = summary.get("total")
passed = summary.get("passed")
print(f"Conformité xAPI 1.0.3 : {passed}/{total} tests réussis")
sys.exit(0 if total and passed == total else 1)
PY
