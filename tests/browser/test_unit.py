"""On a 390 px phone: "Mes stages" and "Mon unité" show every column on screen (their
tables read as cards), with no scrolling region out of the keyboard's reach; the unit
manager's buttons keep their labels, and reminding the overdue keeps the filter."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from assignments import services as assignment_services
from courses.tests import factories as course_factories
from placements import services as placement_services
from placements.tests.factories import (
    InstitutionFactory,
    OfferFactory,
    SlotFactory,
    host,
    request_for,
)

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}

# Every cell of every table ends inside the viewport, and no table (nor the page)
# scrolls sideways: nothing is hidden off-screen. (On a phone the header row is for
# screen readers only, clipped to nothing: each cell shows its column's name.)
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = [...document.querySelectorAll('main tbody td, main tbody th')]
    .filter(cell => cell.getBoundingClientRect().right > width + 1)
    .map(cell => cell.textContent.trim().slice(0, 40));
  const scrolling = [...document.querySelectorAll('main table, main .fr-table__container')]
    .filter(element => element.scrollWidth > element.clientWidth + 1).length;
  return {hidden, scrolling, page: document.documentElement.scrollWidth > width};
}"""


def _assert_all_on_screen(page: Page, axe) -> None:
    layout = page.evaluate(OFF_SCREEN)
    assert layout == {"hidden": [], "scrolling": 0, "page": False}, page.url
    results = axe.run(page, options={"runOnly": ["scrollable-region-focusable"]})
    assert not results.response["violations"], page.url


def _unit_with_two_overdue(manager) -> None:
    station = InstitutionFactory(name="Commissariat de Lens", kind="commissariat")
    station.managers.add(manager)
    module = course_factories.module(title="Accueil des victimes", lessons=1)
    for first_name in ("Alex", "Sam"):
        UserFactory(
            first_name=first_name,
            last_name="Martin",
            profession="police_nationale",
            institution=station,
        )
    assignment = assignment_services.assignment_create(
        by=UserFactory(role="administrateur"),
        title="Formation initiale",
        modules=[module],
        institutions=[station],
        due_days=30,
    )
    assignment.obligations.update(due_on=date.today() - timedelta(days=10))


def test_mes_stages_and_mon_unite_fit_a_phone(page: Page, password):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.set_viewport_size(PHONE)

    # A professional with a pending request and an accepted placement.
    manager = host()
    hospital = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    learner = UserFactory(profession="police_nationale", employer="Commissariat de Lens")
    pending = SlotFactory(
        offer=OfferFactory(institution=hospital, title="Une journée aux urgences")
    )
    request_for(learner, pending)
    agreed = SlotFactory(
        offer=OfferFactory(institution=hospital, title="L'unité médico-judiciaire")
    )
    placement_services.request_accept(request_id=request_for(learner, agreed).pk, by=manager)
    log_in(page, email=learner.email, password=password)
    page.goto("/stages/mes-stages/")
    table = page.get_by_role("table", name="Mes demandes et stages en cours")
    expect(table.get_by_role("row")).to_have_count(3)  # the header row and two placements
    expect(table.get_by_text("Acceptée, convention à confirmer")).to_be_in_viewport()
    _assert_all_on_screen(page, axe)

    # The host's "Mes offres" on the same phone.
    page.context.clear_cookies()
    log_in(page, email=manager.email, password=password)
    page.goto("/stages/mes-offres/")
    expect(page.get_by_role("table", name="Demandes en attente de votre réponse")).to_be_visible()
    _assert_all_on_screen(page, axe)

    # The unit manager: labelled buttons, then the reminders keep the filter.
    unit_manager = UserFactory(role="responsable_unite")
    _unit_with_two_overdue(unit_manager)
    page.context.clear_cookies()
    log_in(page, email=unit_manager.email, password=password)
    page.goto("/obligations/mon-unite/")
    _assert_all_on_screen(page, axe)
    for name in ("Envoyer les 2 relances", "Exporter en CSV", "Exporter en XLSX"):
        action = page.get_by_role("main").get_by_text(name, exact=True)
        expect(action).to_be_visible()
        # The label is shown whole, not clipped to an icon.
        assert action.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.clientWidth > 120")
    page.get_by_label("Statut").select_option(label="En retard")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("button", name="Envoyer les 2 relances").click()
    expect(page.get_by_text("2 relances envoyées par courriel.")).to_be_visible()
    expect(page.get_by_label("Statut")).to_have_value("en_retard")
    expect(page.get_by_role("button", name=re.compile("Envoyer"))).to_have_count(0)
    expect(
        page.get_by_text(re.compile(r"Dernières relances : le .* \(2 courriels\)"))
    ).to_be_visible()
