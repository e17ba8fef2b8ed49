"""Archives are file jobs (core.file_jobs): one job per request however often it is
sent, progress saved while building, failures shown, files kept a week then purged,
and only their owner downloads them."""

import html
from datetime import timedelta

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from certificates import services
from certificates.models import Attestation, AttestationArchive
from core import file_jobs, tasks
from core.constants import FileJobStatus

from .factories import on_commit

pytestmark = pytest.mark.django_db

SUBJECT = "module:4242"


def _issue(count: int = 2) -> None:
    for number in range(count):
        services.attestation_issue(
            user=UserFactory(last_name=f"Titulaire {number}"),
            source=f"test:{number}",
            subject=SUBJECT,
            title="Psychotraumatisme",
            kind="sensibilisation",
            completed_at=timezone.now(),
        )


def _page(client, archive) -> str:
    response = client.get(reverse("certificates:archive", args=[archive.pk]))
    return html.unescape(response.content.decode())


def _download(client, archive):
    return client.get(reverse("certificates:archive_download", args=[archive.pk]))


def test_a_double_click_makes_one_archive_and_one_build(administrator, monkeypatch):
    from core import tasks as core_tasks

    _issue()
    builds = []
    monkeypatch.setattr(core_tasks.file_job_build, "delay", lambda *args: builds.append(args))
    with TestCase.captureOnCommitCallbacks(execute=True):
        first = services.archive_request(user=administrator, subject=SUBJECT)
        second = services.archive_request(user=administrator, subject=SUBJECT)
    assert first.pk == second.pk and AttestationArchive.objects.count() == 1
    assert builds == [(AttestationArchive._meta.label, first.pk)]
    # Someone else asking for the same subject gets their own archive.
    other = services.archive_request(user=UserFactory(role=Role.ADMIN), subject=SUBJECT)
    assert other.pk != first.pk


def test_a_build_never_run_is_given_up_and_asked_again(administrator):
    _issue()
    with time_machine.travel(timezone.now() - file_jobs.STALE_AFTER - timedelta(minutes=1)):
        lost = services.archive_request(user=administrator, subject=SUBJECT)
    with on_commit():
        again = services.archive_request(user=administrator, subject=SUBJECT)
    lost.refresh_from_db()
    assert again.pk != lost.pk and lost.status == FileJobStatus.FAILED
    again.refresh_from_db()
    assert again.status == FileJobStatus.READY
    # The lost task, delivered at last, builds nothing.
    assert tasks.file_job_build(AttestationArchive._meta.label, lost.pk) == "already"


def test_the_build_saves_its_progress_then_the_file_for_a_week(client, administrator):
    _issue(3)
    seen = []
    real_write = services.archive_write

    def watched(archive, progress, out):
        def recording(done, total=None):
            progress(done, total)
            row = AttestationArchive.objects.get(pk=archive.pk)
            seen.append((row.done, row.total, row.percent))

        return real_write(archive, recording, out)

    file_jobs.register(AttestationArchive, build=watched)
    try:
        with on_commit():
            archive = services.archive_request(user=administrator, subject=SUBJECT)
    finally:
        file_jobs.register(AttestationArchive, build=real_write)
    assert seen[0] == (0, 3, 0) and seen[-1] == (3, 3, 100)
    archive.refresh_from_db()
    assert archive.status == FileJobStatus.READY and archive.percent == 100
    assert archive.expires_at == archive.finished_at + timedelta(days=7)
    label = AttestationArchive._meta.label
    assert tasks.file_job_build(label, archive.pk) == "already"  # delivered twice

    client.force_login(administrator)
    assert "Disponible jusqu'au" in _page(client, archive)
    assert _download(client, archive)["Content-Type"] == "application/zip"
    for stranger in (UserFactory(), UserFactory(role=Role.ADMIN)):
        client.force_login(stranger)
        assert _download(client, archive).status_code == 404


def test_a_pending_archive_shows_its_progress(client, administrator):
    _issue(4)
    with TestCase.captureOnCommitCallbacks(execute=False):
        archive = services.archive_request(user=administrator, subject=SUBJECT)
    AttestationArchive.objects.filter(pk=archive.pk).update(done=1)
    client.force_login(administrator)
    page = _page(client, archive)
    assert "Préparation en cours : 1 sur 4 attestations." in page
    assert 'value="25"' in page and "reload-while-pending.js" in page
    assert _download(client, archive).status_code == 404


def test_a_failed_build_is_shown_and_not_downloaded(client, administrator, monkeypatch):
    _issue()

    def broken(archive, progress, out):
        raise OSError("disque plein")

    monkeypatch.setitem(file_jobs._builders, AttestationArchive._meta.label, broken)
    with pytest.raises(OSError), on_commit():
        services.archive_request(user=administrator, subject=SUBJECT)
    archive = AttestationArchive.objects.get()
    assert archive.status == FileJobStatus.FAILED and "disque plein" in archive.error
    client.force_login(administrator)
    assert "La préparation de l'archive a échoué." in _page(client, archive)
    assert _download(client, archive).status_code == 404


def test_an_expired_archive_is_refused_then_purged(client, administrator):
    _issue()
    with on_commit():
        archive = services.archive_request(user=administrator, subject=SUBJECT)
    archive.refresh_from_db()
    name, storage = archive.file.name, archive.file.storage
    later = timezone.now() + timedelta(days=7, minutes=1)
    with time_machine.travel(later):
        client.force_login(administrator)  # a new session: the first one has expired too
        assert _download(client, archive).status_code == 404  # before the purge too
        assert "n'est plus disponible" in _page(client, archive)
        assert tasks.owned_files_purge() >= 1  # the hourly purge
    archive.refresh_from_db()
    assert archive.status == FileJobStatus.EXPIRED and not archive.file
    assert not storage.exists(name)
    assert Attestation.objects.count() == 2  # the attestations themselves stay
    with time_machine.travel(later):
        client.force_login(administrator)
        assert "n'est plus disponible" in _page(client, archive)


def test_a_deleted_archive_takes_its_file_along(administrator):
    _issue()
    with on_commit():
        archive = services.archive_request(user=administrator, subject=SUBJECT)
    archive.refresh_from_db()
    name, storage = archive.file.name, archive.file.storage
    assert storage.exists(name)
    with on_commit():
        archive.delete()
    assert not storage.exists(name)
