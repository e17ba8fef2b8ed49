"""Two beat processes started against the same Redis: exactly one sends.

The schedule is the production one with the scheduler's heartbeat every second
(SCHEDULER_HEARTBEAT_SECONDS), each run counted in the shared cache by a real worker.
The beat that holds redbeat's Redis lock sends; the other waits on the lock, sends
nothing, and takes over once the holder is killed (the lock expires after five
ticks: five seconds here, CELERY_BEAT_MAX_LOOP_INTERVAL=1).
"""

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from core.services import SCHEDULER_HEARTBEAT_COUNT_KEY

from .conftest import ROOT, _database_url, _pid_file, _record_pid, wait_for

pytestmark = pytest.mark.integration

ACQUIRED = "beat: Acquired lock"
SENT = "Sending due task scheduler-heartbeat"


def _start_beat(name: str, key_prefix: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.prod",
        "SECRET_KEY": "integration-" + "x" * 60,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.TEST_REDIS_URL,
        "DB_CONN_MAX_AGE": "0",
        "LOG_FORMAT": "plain",
        "SCHEDULER_HEARTBEAT_SECONDS": "1",
        "CELERY_BEAT_MAX_LOOP_INTERVAL": "1",
        # This test's own schedule and lock in Redis: nothing left by another run.
        "CELERY_REDBEAT_KEY_PREFIX": key_prefix,
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "elearning",
            "beat",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    _record_pid(process)
    process.name = name
    process.log_lines = []

    def read_log():
        for line in process.stdout:
            process.log_lines.append(line)

    process.log_reader = threading.Thread(target=read_log, daemon=True)
    process.log_reader.start()
    return process


def _log(process) -> str:
    return "".join(list(process.log_lines))


def _sent(process) -> int:
    return _log(process).count(SENT)


def _stop(process, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log_reader.join(5)
    path = _pid_file(process)
    if path is not None:
        path.unlink(missing_ok=True)


@pytest.fixture
def heartbeats():
    """Runs of the heartbeat counted by the worker, read from the shared Redis cache."""
    cache = RedisCache(settings.TEST_REDIS_URL, {"KEY_PREFIX": "egide"})
    cache.delete(SCHEDULER_HEARTBEAT_COUNT_KEY)
    yield lambda: int(cache.get(SCHEDULER_HEARTBEAT_COUNT_KEY) or 0)
    cache.delete(SCHEDULER_HEARTBEAT_COUNT_KEY)


@pytest.fixture
def key_prefix():
    prefix = f"egide-test-beat-{uuid.uuid4().hex}:"
    yield prefix
    client = redis.Redis.from_url(settings.TEST_REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def beats(heartbeats, key_prefix):
    """Two beat processes, started before the worker so that they boot side by side."""
    started = [_start_beat("a", key_prefix), _start_beat("b", key_prefix)]
    yield started
    for beat in started:
        _stop(beat)


# `beats` before `celery_worker`: fixtures are set up in this order.
def test_two_beats_send_each_job_once_and_the_second_takes_over(heartbeats, beats, celery_worker):
    holder = wait_for(
        lambda: next((beat for beat in beats if ACQUIRED in _log(beat)), None), timeout=90
    )
    waiter = next(beat for beat in beats if beat is not holder)
    # Past the first tick (which also sends every other job of the schedule once) and
    # the heartbeats queued while the worker was starting.
    wait_for(
        lambda: heartbeats() >= 2 and heartbeats() >= _sent(holder) - 1,
        timeout=30,
        worker=celery_worker,
    )

    # Six seconds of a one-second schedule: six runs from one beat (two would send
    # about twelve). The waiting beat has sent nothing.
    start_count, start_sent = heartbeats(), _sent(holder)
    time.sleep(6)
    runs = heartbeats() - start_count
    sent = _sent(holder) - start_sent
    assert 3 <= runs <= 8, (runs, _log(holder), _log(waiter))
    assert abs(runs - sent) <= 2  # each send ran once (give or take one in flight)
    assert _sent(waiter) == 0
    assert ACQUIRED not in _log(waiter)

    # The holder dies without releasing the lock: the other takes over once it expires
    # (five seconds) and the heartbeat goes on.
    _stop(holder, signal.SIGKILL)
    killed_at = heartbeats()
    wait_for(lambda: ACQUIRED in _log(waiter), timeout=20)
    wait_for(lambda: heartbeats() >= killed_at + 2, timeout=10, worker=celery_worker)
    assert _sent(waiter) >= 2
    assert waiter.poll() is None

    # A clean stop releases the lock at once, for the next beat to start.
    _stop(waiter)
    assert "beat: Releasing lock" in _log(waiter)
