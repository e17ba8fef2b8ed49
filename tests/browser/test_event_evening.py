"""A doctor registers to an awareness evening in Chromium, checks in by scanning the
QR code the organiser shows in the room, answers the satisfaction questionnaire,
and finds the follow-up module in "Mes formations"."""

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from certificates.models import Attestation
from courses.tests import factories as course_factories
from events.constants import Attendance
from events.models import Registration
from events.tests.factories import EventFactory, SessionFactory, organiser
from quizzes.models import Questionnaire, QuestionnaireItem, QuestionnaireReceipt

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EVENING = "Soirée de sensibilisation des soignant·es"
MODULE = "Le psychotraumatisme"
EQUIPPED = "Je me sens mieux outillé·e pour repérer une victime."


def _no_serious_violation(page: Page) -> None:
    results = Axe().run(page)
    blocking = [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not blocking, f"axe violations on {page.url}: {blocking}"


def test_a_doctor_registers_checks_in_by_qr_answers_and_continues_online(
    browser, live_server, page: Page, password
):
    module = course_factories.module(title=MODULE, lessons=1)
    questionnaire = Questionnaire.objects.create(title="Votre avis sur la soirée")
    QuestionnaireItem.objects.create(
        questionnaire=questionnaire, text=EQUIPPED, better_equipped=True, sort_order=0
    )
    trainer = organiser(first_name="Nadia", last_name="Benali")
    starts_at = timezone.now() + timedelta(minutes=10)
    session = SessionFactory(
        event=EventFactory(
            title=EVENING,
            audiences=["medecin", "sage_femme", "infirmier"],
            organisers=[trainer],
            modules=[module],
            questionnaire=questionnaire,
        ),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2, minutes=30),
    )
    doctor = UserFactory(
        first_name="Inès",
        last_name="Moreau",
        profession="medecin",
        employer="CHU de Lille",
        departement="59",
        arrondissement="59-lille",
    )

    # The doctor finds the evening in the listing and registers.
    log_in(page, email=doctor.email, password=password)
    page.get_by_role("link", name="Sessions en présentiel").first.click()
    page.get_by_label("Public").select_option("medecin")
    page.get_by_role("button", name="Filtrer").click()
    _no_serious_violation(page)
    page.get_by_role("link", name=EVENING).click()
    page.get_by_role("button", name="M'inscrire").click()
    expect(page.get_by_text("Votre inscription est enregistrée.")).to_be_visible()
    expect(page.get_by_text("Vous êtes inscrit·e à cette session.")).to_be_visible()

    # In the room, the organiser shows the QR code on the screen.
    room = browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        screen = room.new_page()
        log_in(screen, email=trainer.email, password=password)
        screen.goto("/sessions/organisation/")
        screen.get_by_role("link", name=EVENING).click()
        _no_serious_violation(screen)  # registrants, waiting list, forms
        screen.get_by_role("link", name="Feuille de présence").click()
        expect(screen.get_by_role("group", name=re.compile("MOREAU Inès"))).to_be_visible()
        _no_serious_violation(screen)
        screen.go_back()
        screen.get_by_role("link", name="Code QR d'émargement").click()
        qr_image = screen.get_by_role("img", name="Code QR d'émargement").screenshot()
        _no_serious_violation(screen)
    finally:
        room.close()
    (url,) = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_image)))]
    # The server in use (core.absolute_urls): the one the organiser's page came from.
    assert url.startswith(live_server.url)

    # The doctor scans it: the same path on this test server.
    page.goto(urlsplit(url).path)
    page.get_by_role("button", name="Je confirme ma présence").click()
    expect(page.get_by_text("Votre présence est enregistrée. Merci !")).to_be_visible()
    registration = Registration.objects.get(session=session, user=doctor)
    assert registration.attendance == Attendance.PRESENT
    assert Attestation.objects.filter(user=doctor, kind="presence").exists()
    _no_serious_violation(page)

    # "Mes sessions" offers the questionnaire; the doctor answers it.
    page.get_by_role("link", name=re.compile("Donner mon avis")).click()
    # DSFR radios are drawn by their labels: a person clicks the label.
    page.get_by_role("group", name=EQUIPPED).locator(
        "label", has_text="Tout à fait d'accord"
    ).click()
    page.locator("label", has_text="5 — très satisfait·e").click()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Merci, votre réponse est enregistrée.")).to_be_visible()
    assert QuestionnaireReceipt.objects.filter(
        user=doctor, subject=f"session:{session.pk}"
    ).exists()

    # The follow-up module waits in "Mes formations".
    page.get_by_role("link", name="Mes formations").first.click()
    expect(page.get_by_role("main").get_by_text(MODULE)).to_be_visible()


def test_an_organiser_writes_an_event_on_an_accessible_form(page: Page, password):
    trainer = organiser(first_name="Nadia", last_name="Benali")
    log_in(page, email=trainer.email, password=password)
    page.goto("/sessions/organisation/")
    page.get_by_role("link", name="Créer un événement").click()
    _no_serious_violation(page)
    page.get_by_label("Intitulé").fill("Soirée de Valenciennes")
    page.get_by_label("Type").select_option("soiree")
    page.get_by_label("Durée (minutes)").fill("150")
    page.locator("label", has_text="Sage-femme").click()
    starts_at = timezone.localtime(timezone.now() + timedelta(days=30)).replace(hour=18, minute=30)
    page.get_by_label("Début", exact=True).fill(starts_at.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Fin", exact=True).fill(
        (starts_at + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_label("Commune").fill("Valenciennes")
    page.get_by_label("Département").select_option("59")
    page.get_by_label("Arrondissement").select_option(label="Valenciennes")
    page.get_by_label("Nombre de places").fill("50")
    page.get_by_role("button", name="Enregistrer").click()
    expect(
        page.get_by_text("L'événement « Soirée de Valenciennes » est enregistré.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Soirée de Valenciennes")).to_be_visible()
