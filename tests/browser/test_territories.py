"""Each delegate reads the people of her territory: the Nord DDFE, the Hauts-de-France
regional delegate and the national service open their pages in Chromium and read
different figures for the same trainings, and the Nord DDFE cannot open the
Pas-de-Calais plan."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from accounts import services as account_services
from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import services
from indicators.models import Indicator

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _plan(code: str, name: str, departement: str) -> dict:
    return {
        "code": code,
        "name": name,
        "departement": departement,
        "period_start": "2024-01-01",
        "period_end": "2027-12-31",
        "axes": [
            {
                "number": "1",
                "title": "Former les professionnel·les",
                "fiches": [
                    {
                        "number": "1",
                        "title": "Former",
                        "indicators": [
                            {"label": "Professionnel·les formé·es", "measure": "people_trained"}
                        ],
                    }
                ],
            }
        ],
    }


def _trained(user, day: date, n: int) -> None:
    services.participation_record(
        source=f"test:{n}",
        user=user,
        activity="module:1",
        activity_title="Le continuum des violences",
        occurred_on=day,
        kind="formation",
        channel="elearning",
    )


@pytest.fixture
def trainings():
    """The same module, linked to both plans, taken by two Nord professionals, one of the
    Pas-de-Calais, one who moved from Lille to Lens between two trainings, and one in
    Paris: 3 for the Nord, 2 for the Pas-de-Calais, 4 for the région, 5 nationally."""
    for data in (
        _plan("NORD-TEST", "Plan du Nord", "59"),
        _plan("PDC-TEST", "Plan du Pas-de-Calais", "62"),
    ):
        plan = services.plan_load(data=data)
        services.activity_link(
            indicator=Indicator.objects.get(code=f"{plan.code}-1-1"), activity="module:1"
        )
    year = date.today().year
    for n, (departement, place) in enumerate([("59", "595"), ("59", "596"), ("62", "627")]):
        _trained(UserFactory(departement=departement, arrondissement=place), date(year, 3, 2), n)
    _trained(UserFactory(departement="75", arrondissement="751"), date(year, 3, 3), 3)
    mover = UserFactory(departement="59", arrondissement="595")
    _trained(mover, date(year, 2, 10), 4)
    account_services.user_profile_update(user=mover, departement="62", arrondissement="627")
    _trained(mover, date(year, 5, 10), 5)


def _plan_figure(page: Page, code: str):
    # The plan page shows each axis's indicators in an accordion, closed at first.
    axis = page.get_by_role("button", name=re.compile("Axe 1 — Former"))
    if axis.get_attribute("aria-expanded") != "true":
        axis.click()
    fiche = page.get_by_role("table", name="Fiche 1 — Former")
    return fiche.get_by_role("row", name=re.compile(f"{code}-1-1")).get_by_role("cell").nth(1)


def test_each_delegate_reads_her_territory(page: Page, password, trainings):
    nord = UserFactory(role=Role.DDFE, departement="59", arrondissement="595", delegated=["59"])
    log_in(page, email=nord.email, password=password)
    page.goto("/indicateurs/")
    expect(page.get_by_role("link", name="Plan du Pas-de-Calais")).to_have_count(0)
    page.get_by_role("link", name="Plan du Nord").click()
    expect(page.get_by_text("Département du Nord (59)").first).to_be_visible()
    expect(_plan_figure(page, "NORD-TEST")).to_have_text("3")
    page.get_by_role("link", name="Synthèse territoriale").first.click()
    expect(page.locator("#synthese-total")).to_have_text("3 personnes formées")
    response = page.goto("/indicateurs/plans/PDC-TEST/")
    assert response.status == 404
    page.goto("/indicateurs/")
    page.get_by_role("button", name="Se déconnecter").click()

    region = UserFactory(role=Role.REGIONAL, delegated=["32"])
    log_in(page, email=region.email, password=password)
    page.goto("/indicateurs/")
    page.get_by_role("link", name="Synthèse territoriale").first.click()
    expect(page.locator("#synthese-total")).to_have_text("4 personnes formées")
    # The mover counts once in the région but in each of her two départements.
    expect(page.locator("#synthese-somme")).to_contain_text("5")
    page.get_by_role("link", name="Plan du Pas-de-Calais").click()
    expect(_plan_figure(page, "PDC-TEST")).to_have_text("2")
    page.get_by_role("button", name="Se déconnecter").click()

    national = UserFactory(role=Role.NATIONAL)
    log_in(page, email=national.email, password=password)
    page.goto("/indicateurs/")
    page.get_by_role("link", name="Synthèse territoriale").first.click()
    expect(page.locator("#synthese-total")).to_have_text("5 personnes formées")
