"""Attestations rendered by a real Celery worker, which is killed in the middle of a batch."""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from certificates import services
from certificates.constants import EventAction, RenderStatus
from certificates.models import Attestation, AttestationEvent

from .conftest import start_worker, stop_worker, wait_for

pytestmark = [pytest.mark.integration]

BATCH = 40


def _within(predicate, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _ready() -> int:
    return Attestation.objects.filter(render_status=RenderStatus.READY).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_batch_survives_a_killed_worker_and_each_attestation_is_rendered_once(
    celery_app, email_dir
):
    for user in UserFactory.create_batch(BATCH):
        # Outside any transaction: each render task goes to Redis at once.
        services.attestation_issue(
            user=user,
            source="session:1",
            subject="session:1",
            title="Soirée de sensibilisation — Lille",
            kind="presence",
            completed_at=timezone.now(),
            duration_minutes=150,
        )
    assert _ready() == 0

    # Unacknowledged tasks of a dead worker come back after the visibility timeout.
    # The scan's lock expires quickly too: the killed worker may have held it.
    env = {
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CELERY_RESTORE_INTERVAL": "1",
        "CELERY_RESTORE_LOCK_SECONDS": "3",
    }
    first = start_worker(celery_app, email_dir, name="first", extra_env=env)
    try:
        wait_for(lambda: _ready() >= 5, timeout=60, interval=0.02, worker=first)
        os.kill(first.pid, signal.SIGKILL)  # no warm shutdown, no acknowledgement
        first.wait(timeout=10)
    finally:
        stop_worker(first)
    rendered_before_restart = _ready()
    assert rendered_before_restart < BATCH, "the worker finished before it was killed"

    second = start_worker(celery_app, email_dir, name="second", extra_env=env)
    try:
        if not _within(lambda: _ready() == BATCH, seconds=60):
            # Redis loses the message a worker is killed holding between the broker's pop
            # and kombu's record of it as unacknowledged (a window of a few microseconds,
            # met once in CI): the beat's sweep of stale renders, every 5 minutes in
            # production, queues it again. Renders are idempotent (READY is skipped).
            services.attestations_requeue_stale(older_than=timedelta(0))
        wait_for(lambda: _ready() == BATCH, timeout=120, interval=0.2, worker=second)
    finally:
        stop_worker(second)

    counts = set(Attestation.objects.values_list("render_count", flat=True))
    assert counts == {1}
    assert AttestationEvent.objects.filter(action=EventAction.RENDERED).count() == BATCH
    for attestation in Attestation.objects.all():
        with attestation.pdf.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
