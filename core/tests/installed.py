"""Tests that need something installed outside Python (npm packages, binaries).

Locally, without it, they skip: a newcomer may run the Python tests before `npm ci`.
In `make test` (scripts/test.sh sets EGIDE_REQUIRE_SERVICES=1, as for PostgreSQL,
Redis and Chromium) a missing install fails the run, saying what to install: a
suite that silently skips what it cannot run would report green on nothing.
"""

import os
from pathlib import Path

import pytest


def required() -> bool:
    return os.environ.get("EGIDE_REQUIRE_SERVICES") == "1"


def needs_installed(path: Path, *, what: str, install: str) -> pytest.MarkDecorator:
    """The `pytestmark` of a test module that reads `path`.

    Called at collection: when `path` is missing under `make test`, collecting the
    module fails with the message, so the run fails before any test passes.
    """
    reason = f"{what} missing ({path}): run {install}"
    if not path.exists() and required():
        pytest.fail(reason, pytrace=False)
    return pytest.mark.skipif(not path.exists(), reason=reason)
