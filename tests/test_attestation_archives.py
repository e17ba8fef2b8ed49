"""ZIP archives of attestations: only someone who may see a subject's attestations
gathers them (certificates.subjects, filled by courses, events and placements).

Sessions: their event's organisers; modules: those who follow its learners
(trainers, editors); offers: nobody but administrators among those who may export;
administrators: every subject. Refusals are a 403 with a French message.
"""

import html

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from certificates import services as certificate_services
from certificates.constants import ArchiveStatus
from certificates.models import AttestationArchive
from courses.tests import factories as course_factories
from events.models import Event
from events.tests.factories import SessionFactory, organiser
from placements.tests.factories import InstitutionFactory, OfferFactory, host

pytestmark = pytest.mark.django_db

REFUSED = "Vous ne pouvez pas télécharger les attestations de cette activité."


def _issue(subject: str, title: str) -> None:
    certificate_services.attestation_issue(
        user=UserFactory(last_name="Titulaire"),
        source=f"{subject}:{title}",
        subject=subject,
        title=title,
        kind="sensibilisation",
        completed_at=timezone.now(),
    )


@pytest.fixture
def trainer():
    return organiser()


@pytest.fixture
def session_key(trainer):
    """A past session organised by `trainer`, with one attendance attestation."""
    session = SessionFactory(event__organisers=[trainer])
    key = f"session:{session.pk}"
    _issue(key, "Soirée de Lille")
    return key


@pytest.fixture
def offer_key():
    """A placement done at another organiser's institution, with its attestation."""
    offer = OfferFactory(institution=InstitutionFactory(managers=[host()]))
    key = f"offer:{offer.pk}"
    _issue(key, "Stage aux urgences")
    return key


@pytest.fixture
def module_key():
    module = course_factories.module(title="Psychotraumatisme", lessons=1)
    key = f"module:{module.pk}"
    _issue(key, "Psychotraumatisme")
    return key


def _ask(client, user, subject):
    client.force_login(user)
    return client.post(reverse("certificates:archive_request"), {"subject": subject})


def _assert_refused(response):
    assert response.status_code == 403
    assert REFUSED in html.unescape(response.content.decode())
    assert not AttestationArchive.objects.exists()


def test_an_organiser_archives_her_own_session(client, trainer, session_key):
    response = _ask(client, trainer, session_key)
    archive = AttestationArchive.objects.get()
    assert response["Location"] == reverse("certificates:archive", args=[archive.pk])
    assert archive.subject == session_key and archive.total == 1


def test_a_trainer_cannot_archive_another_organisers_session(client, session_key):
    _assert_refused(_ask(client, organiser(), session_key))


def test_a_trainer_cannot_archive_placement_attestations(client, trainer, offer_key):
    _assert_refused(_ask(client, trainer, offer_key))


def test_a_trainer_archives_a_modules_attestations(client, trainer, module_key):
    """Modules have no owner: trainers follow every module's learners (the learner list)."""
    assert _ask(client, trainer, module_key).status_code == 302
    assert AttestationArchive.objects.get().subject == module_key


def test_an_editor_archives_modules_but_not_sessions_or_placements(
    client, editor, session_key, offer_key, module_key
):
    _assert_refused(_ask(client, editor, session_key))
    _assert_refused(_ask(client, editor, offer_key))
    assert _ask(client, editor, module_key).status_code == 302


def test_a_learner_is_refused_in_french(client, learner, module_key):
    _assert_refused(_ask(client, learner, module_key))


def test_a_host_cannot_archive_even_her_own_offer(client):
    """Hosts hold no export right: placement archives are the administrators' job."""
    manager = host()
    offer = OfferFactory(institution=InstitutionFactory(managers=[manager]))
    _issue(f"offer:{offer.pk}", "Stage aux urgences")
    _assert_refused(_ask(client, manager, f"offer:{offer.pk}"))


def test_subjects_nobody_registered_or_malformed_are_refused(client, trainer, session_key):
    for subject in ("bench:1", "session:", "session:abc", "", session_key + "x"):
        _assert_refused(_ask(client, trainer, subject))


def test_an_administrator_archives_every_subject(client, administrator, session_key, offer_key):
    assert _ask(client, administrator, session_key).status_code == 302
    assert _ask(client, administrator, offer_key).status_code == 302
    assert AttestationArchive.objects.count() == 2


def _ready_archive(user, subject) -> AttestationArchive:
    archive = certificate_services.archive_request(user=user, subject=subject)
    archive.file.save("attestations-soiree.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
    archive.status = ArchiveStatus.READY
    archive.save()
    return archive


def _download(client, archive):
    return client.get(reverse("certificates:archive_download", args=[archive.pk]))


def test_someone_elses_archive_is_not_downloaded(client, trainer, session_key):
    archive = _ready_archive(trainer, session_key)
    client.force_login(trainer)
    assert _download(client, archive).status_code == 200

    for other in (organiser(), UserFactory(role=Role.EDITOR), UserFactory()):
        client.force_login(other)
        for name in ("certificates:archive", "certificates:archive_download"):
            assert client.get(reverse(name, args=[archive.pk])).status_code == 404


def test_an_organiser_removed_from_the_event_no_longer_downloads(client, trainer, session_key):
    archive = _ready_archive(trainer, session_key)
    Event.organisers.through.objects.filter(user=trainer).delete()
    client.force_login(trainer)
    assert _download(client, archive).status_code == 404
