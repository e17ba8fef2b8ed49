"""Real services for integration tests: PostgreSQL, Redis and a Celery worker.

`make test` starts PostgreSQL and Redis and exports DATABASE_URL / REDIS_URL.
The worker is a separate `celery -A elearning worker` process running the
production settings against the test database, so a task goes through Redis,
runs in another process and leaves its result in PostgreSQL.
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _services_missing() -> str | None:
    if connection.vendor != "postgresql":
        return "DATABASE_URL does not point at PostgreSQL"
    if not settings.TEST_REDIS_URL:
        return "REDIS_URL is not set"
    return None


@pytest.fixture(autouse=True)
def _require_services(request):
    reason = _services_missing()
    if reason:
        if os.environ.get("EGIDE_REQUIRE_SERVICES") == "1":
            pytest.fail(f"integration test cannot run: {reason}")
        pytest.skip(f"{reason} (run `make test`)")


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def email_dir():
    with tempfile.TemporaryDirectory() as path:
        yield Path(path)


@pytest.fixture
def celery_app():
    """The project's Celery app, switched from eager mode to the real Redis broker.

    The broker URL already comes from REDIS_URL (settings.base); unit tests stay
    eager through CELERY_TASK_ALWAYS_EAGER in the test settings.
    """
    from elearning.celery import app

    assert app.conf.broker_url == settings.TEST_REDIS_URL
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


def start_worker(celery_app, email_dir, *, name: str = "worker", extra_env=None):
    """Start `celery -A elearning worker` on the test database; return once it answers."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.prod",
        "SECRET_KEY": "integration-" + "x" * 60,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.TEST_REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(email_dir),
        "DB_CONN_MAX_AGE": "0",
        # Attestation PDFs: written by the worker where the test reads them.
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        **(extra_env or {}),
    }
    hostname = f"egide-test-{name}-{os.getpid()}@localhost"
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "elearning",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--hostname",
            hostname,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    _record_pid(process)
    # Read the worker's log as it comes: a full pipe (64 KB, tracebacks of retried
    # tasks fill it quickly) would block the worker in the middle of a test, and a
    # failing test shows the log (see `worker_log`).
    process.log_lines = []

    def read_log():
        for line in process.stdout:
            process.log_lines.append(line)

    process.log_reader = threading.Thread(target=read_log, daemon=True)
    process.log_reader.start()
    # A worker starts in a few seconds; a machine busy with other suites can take far longer.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            process.log_reader.join(5)
            pytest.fail(f"Celery worker exited early:\n{worker_log(process)}")
        if celery_app.control.ping(destination=[hostname], timeout=0.5):
            return process
    stop_worker(process)
    pytest.fail(f"Celery worker did not answer within 90 s:\n{worker_log(process)}")


def _pid_file(process) -> Path | None:
    """Where scripts/services.sh looks for workers to stop if the run is interrupted."""
    services_dir = os.environ.get("EGIDE_SERVICES_DIR")
    return Path(services_dir) / "workers" / f"{process.pid}.pid" if services_dir else None


def _record_pid(process) -> None:
    # The script that started PostgreSQL and Redis stops, by pid, the workers an
    # interrupted run left behind; never by name, which would kill other suites' workers.
    path = _pid_file(process)
    if path is not None:
        path.parent.mkdir(exist_ok=True)
        path.write_text(str(process.pid))


def worker_log(process) -> str:
    """What the worker has written so far (stdout and stderr)."""
    return "".join(list(process.log_lines))


def stop_worker(process) -> str:
    """Stop a worker (warm shutdown, then kill); return its log."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log_reader.join(5)
    path = _pid_file(process)
    if path is not None:
        path.unlink(missing_ok=True)
    output = worker_log(process)
    if os.environ.get("EGIDE_SHOW_WORKER_LOG"):
        print(output)
    return output


@pytest.fixture
def celery_worker(transactional_db, django_db_serialized_rollback, celery_app, email_dir):
    """A worker process on the test database, stopped after the test.

    The worker needs committed data, hence a transactional database; the serialized
    rollback restores what migrations created (roles, home page) after the flush.
    """
    process = start_worker(celery_app, email_dir)
    try:
        yield process
    finally:
        stop_worker(process)


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.1, *, worker=None):
    """Poll `predicate` until it returns a truthy value; return it or fail.

    With `worker`, a failure shows the end of that worker's log.
    """
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    log = f"\nlast lines of the worker's log:\n{worker_log(worker)[-6000:]}" if worker else ""
    pytest.fail(f"condition not met within {timeout} s (last value: {value!r}){log}")
