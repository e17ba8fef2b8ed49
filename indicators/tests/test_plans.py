"""Action plans: loading (idempotent), stable indicator codes, the shipped plans."""

import pytest
from django.core.management import call_command

from indicators import services
from indicators.constants import Measure
from indicators.models import Axis, Fiche, Indicator, Plan

pytestmark = pytest.mark.django_db

SMALL = {
    "code": "TEST-2024",
    "name": "Plan d'essai",
    "territory": "Pas-de-Calais (62)",
    "departement": "62",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "1",
            "title": "Former",
            "fiches": [
                {
                    "number": "1.2",
                    "title": "Sensibiliser et former les professionnel·les",
                    "indicators": [
                        {"label": "Nombre de sessions", "measure": "sessions_held"},
                        {"label": "Nombre de personnes formées", "measure": "people_trained"},
                        {
                            "label": "Part des participant·es mieux outillé·es",
                            "measure": "better_equipped_share",
                            "target": 75,
                            "unit": "%",
                        },
                    ],
                }
            ],
        }
    ],
}


def test_indicator_codes_are_plan_fiche_and_rank():
    plan = services.plan_load(data=SMALL)
    codes = list(plan.indicators.order_by("rank").values_list("code", flat=True))
    assert codes == ["TEST-2024-1.2-1", "TEST-2024-1.2-2", "TEST-2024-1.2-3"]
    third = Indicator.objects.get(code="TEST-2024-1.2-3")
    assert third.target == 75
    assert third.measure == Measure.BETTER_EQUIPPED_SHARE


def test_loading_again_changes_nothing_and_keeps_ids():
    services.plan_load(data=SMALL)
    ids = dict(Indicator.objects.values_list("code", "pk"))
    services.plan_load(data=SMALL)
    assert dict(Indicator.objects.values_list("code", "pk")) == ids
    assert Plan.objects.count() == 1 and Axis.objects.count() == 1 and Fiche.objects.count() == 1


def test_a_reload_updates_labels_without_changing_codes():
    services.plan_load(data=SMALL)
    indicator = Indicator.objects.get(code="TEST-2024-1.2-2")
    changed = {**SMALL}
    fiche = {**SMALL["axes"][0]["fiches"][0]}
    fiche["indicators"] = [
        fiche["indicators"][0],
        {"label": "Nombre de professionnel·les formé·es", "measure": "people_trained"},
    ]
    changed["axes"] = [{**SMALL["axes"][0], "fiches": [fiche]}]
    services.plan_load(data=changed)
    indicator.refresh_from_db()
    assert indicator.label == "Nombre de professionnel·les formé·es"
    # Dropped from the data, the third indicator keeps its history.
    assert Indicator.objects.filter(code="TEST-2024-1.2-3").exists()


def test_the_shipped_plans_load_with_their_key_indicators():
    call_command("load_plans", stdout=open("/dev/null", "w"))
    call_command("load_plans", stdout=open("/dev/null", "w"))  # idempotent

    pdc = Plan.objects.get(code="PDC-2019")
    assert pdc.axes.count() == 4
    assert pdc.fiches.filter(number="1.2").exists()
    assert Indicator.objects.filter(
        plan=pdc, fiche__number="1.2", measure=Measure.PEOPLE_TRAINED
    ).exists()
    assert Indicator.objects.filter(
        plan=pdc, fiche__number="4.10", measure=Measure.PLACEMENTS
    ).exists()

    nord = Plan.objects.get(code="NORD-VIF-2023")
    assert set(nord.fiches.values_list("number", flat=True)) >= {"1", "8", "42"}
    assert (
        Indicator.objects.filter(
            plan=nord, fiche__number__in=["8", "42"], measure=Measure.PLACEMENTS
        ).count()
        >= 2
    )
    # Every code is unique across both plans and follows plan-fiche-rank.
    for indicator in Indicator.objects.select_related("plan", "fiche"):
        assert indicator.code == f"{indicator.plan.code}-{indicator.fiche.number}-{indicator.rank}"
