"""The organiser marks the room on a phone (390 × 844): the session page shows every
column, the attendance sheet finds a person by typing, gives large buttons, keeps the
save button and the count of people present in view, and marks the rest present."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from events.constants import Attendance, Status
from events.models import Registration
from events.tests.factories import EventFactory, SessionFactory, organiser

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
ROOM = 35
UNMARKED = 5


def _fits_the_phone(page: Page) -> None:
    """No column hidden off-screen, no serious or critical axe violation."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"
    violations = [
        f"{v['id']}: {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not violations, f"axe violations on {page.url}: {violations}"


def test_an_organiser_marks_a_room_of_35_on_a_phone(page: Page, password):
    trainer = organiser(first_name="Nadia", last_name="Benali")
    start = timezone.now() - timedelta(minutes=20)
    session = SessionFactory(
        event=EventFactory(title="Soirée de Valenciennes", organisers=[trainer]),
        starts_at=start,
        ends_at=start + timedelta(hours=2, minutes=30),
        capacity=40,
    )
    people = [UserFactory(first_name="Inès", last_name="Moreau")] + [
        UserFactory(email=f"personne.{n}@chu-valenciennes.example.fr") for n in range(ROOM - 1)
    ]
    # Most of the room checked in by QR code already; five are left to mark by hand.
    Registration.objects.bulk_create(
        Registration(
            session=session,
            user=p,
            status=Status.REGISTERED,
            source="organiser",
            **({} if n < UNMARKED else {"attendance": Attendance.PRESENT, "checked_in_at": start}),
        )
        for n, p in enumerate(people)
    )
    page.set_viewport_size(PHONE)
    log_in(page, email=trainer.email, password=password)

    # The session page: a session under way offers no unregistration, and fits.
    page.goto(f"/sessions/organisation/{session.pk}/")
    expect(page.get_by_text("Session en cours").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Désinscrire"))).to_have_count(0)
    _fits_the_phone(page)

    page.get_by_role("link", name="Feuille de présence").click()
    _fits_the_phone(page)
    save = page.get_by_role("button", name="Enregistrer la feuille de présence")
    count = page.locator("#nombre-presents")
    expect(save).to_be_in_viewport()  # sticky at the bottom, from the first screen
    expect(count).to_have_text(str(ROOM - UNMARKED))

    # Typing a first name without its accent finds the person at once.
    page.get_by_label("Rechercher une personne").fill("ines")
    expect(page.get_by_text("Personnes affichées : 1 sur 35")).to_be_visible()
    ines = page.get_by_role("group", name=re.compile("MOREAU Inès"))
    absent = ines.locator("label", has_text="Absent·e")
    box = absent.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 96, box  # a thumb's target
    absent.click()
    expect(ines.get_by_role("radio", name="Absent·e")).to_be_checked()

    # Everyone else came: one button marks the rest present and saves (each presence
    # issues an attestation: the room's QR check-in did most of them already).
    page.get_by_label("Rechercher une personne").fill("")
    page.get_by_role("button", name="marquer présentes les personnes non renseignées").click()
    expect(
        page.get_by_text(f"Feuille de présence enregistrée ({UNMARKED} modifications).")
    ).to_be_visible()
    expect(count).to_have_text("34")
    marks = list(Registration.objects.values_list("attendance", flat=True))
    assert marks.count(Attendance.PRESENT) == ROOM - 1
    assert Registration.objects.get(user=people[0]).attendance == Attendance.ABSENT

    # A tap updates the count before saving.
    ines = page.get_by_role("group", name=re.compile("MOREAU Inès"))
    ines.locator("label", has_text="Présent·e").click()
    expect(count).to_have_text("35")
    height = page.evaluate("document.documentElement.scrollHeight")
    sheet = page.locator("#feuille-presence").bounding_box()["height"]
    print(f"attendance sheet, {ROOM} people at 390 px: page {height} px, rows {sheet} px")
    page.screenshot(path="/tmp/sessions-sheet.png", full_page=True)
    assert sheet < ROOM * 90  # under 90 px a person (the page was 6,160 px in all)
