"""Holder's pages, public verification, revocation, archives: who sees what."""

import html
import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services as account_services
from accounts.constants import Role
from accounts.tests.factories import UserFactory
from certificates.constants import VERIFY_RATE, EventAction
from certificates.models import Attestation, AttestationArchive
from core.tests.pdf_text import pdf_text

from .factories import complete_module, on_commit

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def attestation(learner):
    complete_module(learner, title="Prostitution des mineur·es")
    return Attestation.objects.get(user=learner)


def test_the_holder_downloads_the_pdf(client, learner, attestation):
    client.force_login(learner)
    response = client.get(reverse("certificates:download", args=[attestation.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert attestation.code in pdf_text(b"".join(response.streaming_content))


def test_another_learner_cannot_download_it(client, attestation):
    client.force_login(UserFactory())
    response = client.get(reverse("certificates:download", args=[attestation.code]))
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, attestation):
    response = client.get(reverse("certificates:download", args=[attestation.code]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_mes_attestations_and_mes_formations_list_the_attestation(client, learner, attestation):
    client.force_login(learner)
    page = page_text(client.get(reverse("certificates:mine")))
    assert attestation.code in page
    assert reverse("certificates:download", args=[attestation.code]) in page
    trainings = page_text(client.get(reverse("courses:my_trainings")))
    assert reverse("certificates:download", args=[attestation.code]) in trainings


def test_mes_attestations_queries_do_not_grow_with_attestations(
    client, learner, django_assert_num_queries
):
    complete_module(learner, title="Un")
    client.force_login(learner)
    client.get(reverse("certificates:mine"))  # warm caches (site, roles)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("certificates:mine"))
    queries = len(one.captured_queries)
    assert queries > 0
    complete_module(learner, title="Deux")
    complete_module(learner, title="Trois")
    client.get(reverse("certificates:mine"))  # new pages: caches warmed again
    with django_assert_num_queries(queries):
        response = client.get(reverse("certificates:mine"))
    assert page_text(response).count("Télécharger le PDF") == 3


def test_a_pending_pdf_is_announced_as_being_generated(client, learner, monkeypatch):
    from certificates import services

    monkeypatch.setattr(services, "_queue_renders", lambda ids: None)
    complete_module(learner)
    client.force_login(learner)
    page = page_text(client.get(reverse("certificates:mine")))
    assert "en cours de génération" in page
    code = Attestation.objects.get(user=learner).code
    response = client.get(reverse("certificates:download", args=[code]))
    assert response.status_code == 302


def test_verification_says_valid_with_holder_module_and_date_only(client, learner, attestation):
    response = client.get(reverse("certificates:verify", args=[attestation.code]))
    page = page_text(response)
    assert response.status_code == 200
    assert "Attestation valide" in page
    assert learner.get_full_name() in page
    assert "Prostitution des mineur·es" in page
    assert attestation.completed_at.strftime("%Y") in page
    for private in (learner.email, "Police nationale", learner.employer):
        assert private not in page


def test_verification_of_an_unknown_code(client):
    response = client.get(reverse("certificates:verify", args=["EGD-ACDE-FGHJ-KMNP"]))
    assert response.status_code == 404
    assert "Attestation inconnue" in page_text(response)


def test_the_verification_form_accepts_a_code_typed_loosely(client, attestation):
    typed = attestation.code.lower().replace("-", " ")
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", args=[attestation.code])


def test_the_verification_form_explains_a_malformed_code(client):
    response = client.get(reverse("certificates:verify_form"), {"code": "12345"})
    assert response.status_code == 200
    assert "n'a pas le bon format" in page_text(response)


def test_verification_is_throttled_per_address(client, attestation):
    url = reverse("certificates:verify", args=["EGD-ACDE-FGHJ-KMNP"])
    for _ in range(VERIFY_RATE):
        assert client.get(url).status_code == 404
    response = client.get(reverse("certificates:verify", args=[attestation.code]))
    assert response.status_code == 429
    assert "Trop de vérifications" in page_text(response)
    assert response["Retry-After"]
    # Another address is not affected.
    other = client.get(
        reverse("certificates:verify", args=[attestation.code]), REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 200


def test_revocation_by_an_administrator_with_a_reason(client, learner, administrator, attestation):
    client.force_login(administrator)
    url = reverse("certificates:revoke", args=[attestation.pk])
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400
    assert "Champ requis" in page_text(refused)

    response = client.post(url, {"reason": "Formation suivie par une autre personne."})
    assert response.status_code == 302
    attestation.refresh_from_db()
    assert attestation.is_revoked
    assert attestation.revoked_by == administrator
    event = attestation.events.get(action=EventAction.REVOKED)
    assert event.actor == administrator
    assert event.message == "Formation suivie par une autre personne."
    journal = client.get(reverse("certificates:admin_detail", args=[attestation.pk]))
    assert "Formation suivie par une autre personne." in page_text(journal)

    # It no longer verifies, and the holder sees why.
    page = page_text(client.get(reverse("certificates:verify", args=[attestation.code])))
    assert "Attestation révoquée" in page
    client.force_login(learner)
    mine = page_text(client.get(reverse("certificates:mine")))
    assert "Formation suivie par une autre personne." in mine
    download = client.get(reverse("certificates:download", args=[attestation.code]))
    assert download.status_code == 302


@pytest.mark.parametrize("role", [Role.LEARNER, Role.TRAINER, Role.EDITOR, Role.DDFE])
def test_only_administrators_revoke(client, attestation, role):
    client.force_login(UserFactory(role=role))
    response = client.post(
        reverse("certificates:revoke", args=[attestation.pk]), {"reason": "Essai"}
    )
    assert response.status_code == 403
    assert (
        client.get(reverse("certificates:admin_detail", args=[attestation.pk])).status_code == 403
    )
    attestation.refresh_from_db()
    assert not attestation.is_revoked


def test_revocation_needs_post(client, administrator, attestation):
    client.force_login(administrator)
    response = client.get(reverse("certificates:revoke", args=[attestation.pk]))
    assert response.status_code == 405


def test_an_expired_attestation_verifies_as_expired(client, learner):
    import time_machine

    with time_machine.travel("2024-03-01 10:00 +0100", tick=False):
        complete_module(learner, validity_months=12)
    attestation = Attestation.objects.get(user=learner)
    page = page_text(client.get(reverse("certificates:verify", args=[attestation.code])))
    assert "Attestation expirée" in page
    client.force_login(learner)
    assert "expirée depuis le 1er mars 2025" in page_text(client.get(reverse("certificates:mine")))


def test_a_trainer_downloads_a_module_zip_of_its_attestations(client, learner):
    module, _ = complete_module(learner, title="Certificat médical initial")
    other = UserFactory()
    from courses import services as course_services
    from courses.models import LessonPage

    course_services.enrolment_create(user=other, module=module)
    with on_commit():
        course_services.lesson_complete(
            user=other, lesson=LessonPage.objects.child_of(module).get()
        )
    trainer = UserFactory(role=Role.TRAINER)
    client.force_login(trainer)

    with on_commit():
        response = client.post(
            reverse("certificates:archive_request"), {"subject": f"module:{module.pk}"}
        )
    archive = AttestationArchive.objects.get()
    assert response["Location"] == reverse("certificates:archive", args=[archive.pk])
    status = page_text(client.get(response["Location"]))
    assert "L'archive est prête : 2 attestations." in status

    download = client.get(reverse("certificates:archive_download", args=[archive.pk]))
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as zip_file:
        names = zip_file.namelist()
        assert len(names) == 2
        codes = set(Attestation.objects.values_list("code", flat=True))
        assert {name.removesuffix(".pdf")[-18:] for name in names} == codes
        assert all(pdf_text(zip_file.read(name)) for name in names)

    # The archive is the requester's: someone else gets a 404.
    client.force_login(UserFactory(role=Role.TRAINER))
    assert client.get(reverse("certificates:archive", args=[archive.pk])).status_code == 404
    assert (
        client.get(reverse("certificates:archive_download", args=[archive.pk])).status_code == 404
    )


def test_learners_cannot_ask_for_archives(client, learner, attestation):
    client.force_login(learner)
    response = client.post(
        reverse("certificates:archive_request"), {"subject": attestation.subject}
    )
    assert response.status_code == 403
    assert not AttestationArchive.objects.exists()


def test_an_archive_of_nothing_is_refused_in_french(client):
    from courses.tests import factories as course_factories

    module = course_factories.module(lessons=1)
    client.force_login(UserFactory(role=Role.EDITOR))
    response = client.post(
        reverse("certificates:archive_request"), {"subject": f"module:{module.pk}"}, follow=True
    )
    assert "Aucune attestation n'a encore été délivrée" in page_text(response)


def test_regeneration_page_for_administrators(client, administrator, attestation):
    client.force_login(administrator)
    page = page_text(client.get(reverse("certificates:regenerate")))
    assert "1 attestation valide sera régénérée." in page
    with on_commit():
        response = client.post(reverse("certificates:regenerate"))
    assert response.status_code == 302
    attestation.refresh_from_db()
    assert attestation.render_count == 2
    client.force_login(UserFactory(role=Role.EDITOR))
    assert client.post(reverse("certificates:regenerate")).status_code == 403


def test_deleting_an_account_revokes_and_erases_the_name(client, learner, attestation):
    name = learner.get_full_name()
    with on_commit():
        account_services.user_anonymise(user=learner)
    attestation.refresh_from_db()
    assert attestation.is_revoked
    assert name not in attestation.holder_name
    assert not attestation.pdf
    page = page_text(client.get(reverse("certificates:verify", args=[attestation.code])))
    assert "Attestation révoquée" in page
    assert name not in page


@pytest.mark.parametrize(
    "name, args",
    [
        ("certificates:admin_detail", lambda a: [a.pk]),
        ("certificates:revoke", lambda a: [a.pk]),
        ("certificates:regenerate", lambda a: []),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, attestation, name, args):
    address = reverse(name, args=args(attestation))

    response = client.post(address, {"reason": "Erreur"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={address}"
    attestation.refresh_from_db()
    assert not attestation.is_revoked
