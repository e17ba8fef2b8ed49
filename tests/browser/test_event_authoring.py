"""An organiser writes an event with two sessions on one page, in Chromium."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from events.models import Event
from events.tests.factories import organiser

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _fill_session(page: Page, number: int, *, day: str, city: str) -> None:
    session = page.locator("fieldset", has=page.get_by_role("heading", name=f"Session {number}"))
    session.get_by_label("Début", exact=True).fill(f"{day}T18:00")
    session.get_by_label("Fin", exact=True).fill(f"{day}T20:30")
    session.get_by_role("textbox", name=re.compile(r"^Lieu")).fill("Salle des conférences")
    session.get_by_role("textbox", name=re.compile(r"^Adresse")).fill("2 rue de la République")
    session.get_by_role("textbox", name=re.compile(r"^Commune")).fill(city)
    session.get_by_role("combobox", name=re.compile(r"^Département")).select_option("62")
    session.get_by_role("spinbutton", name=re.compile(r"^Nombre de places")).fill("30")


def test_an_organiser_adds_a_second_session_before_saving(page: Page, password):
    trainer = organiser(first_name="Agnès", last_name="Deprez")
    year = timezone.localdate().year + 1

    log_in(page, email=trainer.email, password=password)
    page.goto("/sessions/organisation/evenements/nouveau/")
    page.get_by_label("Intitulé").fill("Soirée de sensibilisation des soignant·es")
    page.get_by_label("Type").select_option("soiree")
    page.get_by_label("Durée (minutes)").fill("150")
    page.get_by_label("Présentation").fill("Repérer les violences et orienter les victimes.")
    _fill_session(page, 1, day=f"{year}-03-12", city="Arras")

    page.get_by_role("button", name="Ajouter une session").click()
    # The new session takes the focus, so a keyboard user goes on typing there.
    expect(page.get_by_role("heading", name="Session 2")).to_be_visible()
    expect(page.locator("#id_sessions-1-starts_at")).to_be_focused()
    _fill_session(page, 2, day=f"{year}-04-09", city="Lens")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_text("est enregistré")).to_be_visible()
    event = Event.objects.get()
    assert event.title == "Soirée de sensibilisation des soignant·es"
    sessions = list(event.sessions.order_by("starts_at"))
    assert [session.city for session in sessions] == ["Arras", "Lens"]
    assert timezone.localtime(sessions[1].starts_at).strftime("%d/%m %H:%M") == "09/04 18:00"
