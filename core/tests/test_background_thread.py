"""Without a Celery worker (`make run`), queued tasks run in a thread of the web
process (core.background): the request answers at once and the page shows the
progress, instead of the browser waiting for the whole file or for every PDF."""

import threading

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from certificates import services
from certificates.models import AttestationArchive
from core import background, file_jobs
from core.constants import FileJobStatus

# Committed data: the build reads it from its own thread and connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBJECT = "module:4343"


def test_without_a_worker_the_build_runs_after_the_request(administrator, settings, monkeypatch):
    settings.TASKS_IN_THREAD = True  # as under `make run` (DEBUG, eager Celery)
    services.attestation_issue(
        user=UserFactory(),
        source="test:thread",
        subject=SUBJECT,
        title="Psychotraumatisme",
        kind="sensibilisation",
        completed_at=timezone.now(),
    )
    label = AttestationArchive._meta.label
    build, started, release = file_jobs._builders[label], threading.Event(), threading.Event()

    def held_build(job, progress, out):
        started.set()
        assert release.wait(30)
        return build(job, progress, out)

    monkeypatch.setitem(file_jobs._builders, label, held_build)
    archive = services.archive_request(user=administrator, subject=SUBJECT)
    assert started.wait(30), "the build never started"
    archive.refresh_from_db()
    assert archive.status == FileJobStatus.PENDING  # the request is over, the build is not
    # A second click while it builds: the same job, no second build.
    assert services.archive_request(user=administrator, subject=SUBJECT).pk == archive.pk
    release.set()
    background.wait_until_idle()  # one task at a time
    archive.refresh_from_db()
    assert archive.status == FileJobStatus.READY and archive.file


def test_without_a_worker_attestations_are_rendered_after_the_request(settings, monkeypatch):
    """Marking 34 people present answers before their 34 PDFs are drawn."""
    settings.TASKS_IN_THREAD = True
    render, started, release = services.attestation_render, threading.Event(), threading.Event()

    def held_render(*, attestation_id):
        started.set()
        assert release.wait(30)
        return render(attestation_id=attestation_id)

    monkeypatch.setattr(services, "attestation_render", held_render)
    issued = [
        services.attestation_issue(
            user=UserFactory(),
            source=f"test:thread:{n}",
            subject=SUBJECT,
            title="Psychotraumatisme",
            kind="sensibilisation",
            completed_at=timezone.now(),
        )
        for n in range(3)
    ]
    assert started.wait(30), "no render started"
    assert not any(a.pdf for a in issued)  # the caller went on before the PDFs
    release.set()
    background.wait_until_idle()
    for attestation in issued:
        attestation.refresh_from_db()
        assert attestation.pdf, attestation.render_error
