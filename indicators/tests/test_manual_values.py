"""Figures the DDFE enters for indicators the platform cannot measure."""

import html

import pytest
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import selectors, services
from indicators.models import Indicator, ManualValue, Plan

pytestmark = pytest.mark.django_db

PLAN = {
    "code": "TEST-2024",
    "name": "Plan d'essai",
    "departement": "62",  # the DDFE fixture's
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "4",
            "title": "Coordonner",
            "fiches": [
                {
                    "number": "4.6",
                    "title": "Conventions",
                    "indicators": [
                        {"label": "Nombre de conventions signées", "measure": "manual", "target": 5}
                    ],
                }
            ],
        }
    ],
}


def _enter(client, **data):
    indicator = Indicator.objects.get(code="TEST-2024-4.6-1")
    return client.post(
        reverse("indicators:manual_values", args=["TEST-2024"]),
        {"indicator": indicator.pk, "comment": "", **data},
    )


def test_the_ddfe_enters_figures_that_the_report_sums_over_the_period(client, ddfe):
    services.plan_load(data=PLAN)
    client.force_login(ddfe)
    assert (
        _enter(client, period_start="2025-01-01", period_end="2025-12-31", value="2").status_code
        == 302
    )
    _enter(client, period_start="2026-01-01", period_end="2026-06-30", value="1.5")

    plan = Plan.objects.get()
    rows = {r.indicator.code: r for r in selectors.plan_report(plan=plan)}
    assert rows["TEST-2024-4.6-1"].value == 3.5
    assert rows["TEST-2024-4.6-1"].gap == -1.5
    year = selectors.plan_report(
        plan=plan,
        start=plan.period_start.replace(year=2025),
        end=plan.period_start.replace(year=2025, month=12, day=31),
    )
    assert year[0].value == 2
    assert "Somme des chiffres saisis" in year[0].counting_rule

    page = html.unescape(
        client.get(reverse("indicators:manual_values", args=["TEST-2024"])).content.decode()
    )
    assert ddfe.get_full_name() in page
    assert ManualValue.objects.filter(entered_by=ddfe).count() == 2


def test_a_reversed_period_is_refused_in_french_and_nothing_is_saved(client, ddfe):
    services.plan_load(data=PLAN)
    client.force_login(ddfe)
    response = _enter(client, period_start="2025-12-31", period_end="2025-01-01", value="2")
    assert response.status_code == 400
    assert "La date de fin précède la date de début." in html.unescape(response.content.decode())
    assert not ManualValue.objects.exists()


def test_an_empty_form_is_refused_with_its_errors(client, ddfe):
    services.plan_load(data=PLAN)
    client.force_login(ddfe)

    response = client.post(reverse("indicators:manual_values", args=["TEST-2024"]), {})

    assert response.status_code == 400
    # The required fields are shown in error (django-dsfr marks them aria-invalid).
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_empty_import_is_refused_with_its_errors(client, ddfe):
    client.force_login(ddfe)

    response = client.post(reverse("indicators:participants_import"), {})

    assert response.status_code == 400


@pytest.mark.parametrize("role", [None, Role.HOST, Role.TRAINER, Role.EDITOR])
def test_only_the_ddfe_and_administrators_enter_figures(client, role):
    services.plan_load(data=PLAN)
    client.force_login(UserFactory(role=role))
    assert (
        _enter(client, period_start="2025-01-01", period_end="2025-12-31", value="2").status_code
        == 403
    )
    assert not ManualValue.objects.exists()
