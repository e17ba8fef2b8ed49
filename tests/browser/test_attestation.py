"""A learner completes a module in Chromium, downloads the attestation, and its QR
code leads to a verification page that says it is valid; revoked, it says so."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from certificates import services
from certificates.models import Attestation
from certificates.tests.factories import pdf_qr_codes
from core.tests.pdf_text import pdf_text
from courses.models import LessonPage
from courses.tests import factories as course_factories

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODULE_TITLE = "Rédiger un certificat médical initial"


def test_learner_downloads_the_attestation_and_its_qr_code_verifies(
    page: Page, password, live_server
):
    module = course_factories.module(title=MODULE_TITLE, lessons=1, validity_months=36)
    lesson = LessonPage.objects.child_of(module).get()
    learner = UserFactory(first_name="Inès", last_name="Moreau")
    log_in(page, email=learner.email, password=password)

    page.goto(module.url)
    page.get_by_role("button", name="M'inscrire et commencer").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(lesson.url)}$"))
    page.get_by_role("button", name="J'ai terminé cette leçon", exact=True).click()

    page.get_by_role("link", name="Mes attestations").first.click()
    expect(page.get_by_role("heading", name=MODULE_TITLE)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Télécharger le PDF")).click()
    data = open(download_info.value.path(), "rb").read()

    attestation = Attestation.objects.get(user=learner)
    text = pdf_text(data)
    assert "Inès Moreau" in text
    assert MODULE_TITLE in text
    assert attestation.code in text
    (url,) = pdf_qr_codes(data)
    # The server the learner was using (core.absolute_urls), not a configured default.
    assert url.startswith(live_server.url)

    # Scanning the QR code: the same path on this test server.
    page.goto(urlsplit(url).path)
    expect(page.get_by_role("heading", name="Attestation valide")).to_be_visible()
    expect(page.get_by_text("Inès Moreau")).to_be_visible()
    expect(page.get_by_text(MODULE_TITLE)).to_be_visible()

    administrator = UserFactory(role="administrateur")
    services.attestation_revoke(
        attestation=attestation, by=administrator, reason="Inscription en double."
    )
    page.reload()
    expect(page.get_by_role("heading", name="Attestation révoquée")).to_be_visible()
    page.goto("/attestations/")
    expect(page.get_by_text("Inscription en double.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Télécharger le PDF"))).to_have_count(0)


def test_someone_types_a_code_on_the_verification_form(page: Page, password):
    learner = UserFactory(first_name="Yanis", last_name="Benali")
    from certificates.tests.factories import complete_module

    complete_module(learner, title="Psychotraumatisme")
    code = Attestation.objects.get(user=learner).code

    page.goto("/")
    page.get_by_role("link", name="Vérifier une attestation").click()
    page.get_by_label("Code de l'attestation").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Vérifier").click()
    expect(page.get_by_role("heading", name="Attestation valide")).to_be_visible()
    expect(page.get_by_text("Yanis Benali")).to_be_visible()

    page.get_by_label("Code de l'attestation").fill("EGD-0000")
    page.get_by_role("button", name="Vérifier").click()
    expect(page.get_by_text("n'a pas le bon format")).to_be_visible()
