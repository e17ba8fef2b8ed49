"""The counting rule by territory, on a dataset counted by hand.

People: N1 and N2 work in the Nord (N2 attended a session in Arras, Pas-de-Calais);
P1 in the Pas-de-Calais; M trained in the Pas-de-Calais in January, moved to the
Nord and trained again in June; I is a partner's import (no account) from the Nord;
S works in Paris; Z has no département. Everything happens in 2025.

Expected 2025 — Nord plan: N1, N2, M, I = 4. Pas-de-Calais plan: P1, M = 2.
Hauts-de-France: N1, N2, P1, M, I = 5 distinct (the départements add up to 6).
National: those 5, S and Z = 7 (the régions add up to 6: Z has none).
"""

import copy
import html
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import rollup, selectors, services
from indicators.constants import COUNTING_RULES, TERRITORY_RULE, Channel, Measure
from indicators.models import Indicator, IndicatorPerson, Participation, TerritoryPerson
from indicators.selectors import rollup_figures

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
ACTIVITY = "module:1"


def _plan(code: str, departement: str | None = None, region: str | None = None):
    data = copy.deepcopy(SMALL)
    data.update(code=code, departement=departement, region=region)
    plan = services.plan_load(data=data)
    people = Indicator.objects.get(code=f"{code}-1.2-2")
    placements = Indicator.objects.get(code=f"{code}-1.2-1")
    placements.measure = Measure.PLACEMENTS
    placements.save()
    services.activity_link(indicator=people, activity=ACTIVITY)
    services.activity_link(indicator=placements, activity="offer:1")
    return plan, people, placements


def _train(user, day: str, *, channel=Channel.ELEARNING, place=None, activity=ACTIVITY):
    return services.participation_record(
        source=f"test:{user.pk}:{day}:{activity}",
        user=user,
        activity=activity,
        activity_title="Module",
        occurred_on=date.fromisoformat(day),
        kind="formation",
        channel=channel,
        place_departement=place,
    )


@pytest.fixture
def world():
    nord, nord_people, nord_placements = _plan("NORD-T", departement="59")
    pdc, pdc_people, pdc_placements = _plan("PDC-T", departement="62")
    hdf, hdf_people, _ = _plan("HDF-T", region="32")
    france, france_people, _ = _plan("FR-T")
    n1 = UserFactory(departement="59", arrondissement="595")
    n2 = UserFactory(departement="59", arrondissement="594")
    p1 = UserFactory(departement="62", arrondissement="621")
    m = UserFactory(departement="62", arrondissement="627")
    s = UserFactory(departement="75", arrondissement="751")
    z = UserFactory(departement="", arrondissement="")
    _train(n1, "2025-03-10")
    _train(n2, "2025-04-05", channel=Channel.EVENT, place="62")  # a session in Arras
    _train(p1, "2025-02-01")
    _train(m, "2025-01-15")
    m.departement_id, m.arrondissement_id = "59", "595"  # M moves to the Nord
    m.save()
    _train(m, "2025-06-20")
    _train(s, "2025-07-01")
    _train(z, "2025-08-01")
    # A Nord professional's placement hosted in the Pas-de-Calais.
    _train(n1, "2025-09-30", channel=Channel.PLACEMENT, place="62", activity="offer:1")
    # A partner's line: written in bulk like the importer does, then recounted.
    Participation.objects.create(
        person_key="email:partenaire@exemple.fr",
        activity=ACTIVITY,
        activity_title="Formation partenaire",
        source="import:1",
        occurred_on=date(2025, 5, 5),
        kind="formation",
        channel=Channel.EXTERNAL,
        departement_id="59",
    )
    services.participations_imported(
        person_keys=["email:partenaire@exemple.fr"],
        indicator_ids=[nord_people.pk, pdc_people.pk, hdf_people.pk, france_people.pk],
    )
    return {
        "nord": (nord, nord_people, nord_placements),
        "pdc": (pdc, pdc_people, pdc_placements),
        "hdf": (hdf, hdf_people),
        "france": (france, france_people),
    }


@pytest.mark.parametrize(("plan", "expected"), [("nord", 4), ("pdc", 2), ("hdf", 5), ("france", 7)])
def test_each_plan_counts_the_people_of_its_territory(world, plan, expected):
    plan, people = world[plan][0], world[plan][1]
    fast = selectors.people_trained_by_indicator(plan=plan, start=YEAR[0], end=YEAR[1])
    join = selectors.people_trained_by_join(plan=plan, start=YEAR[0], end=YEAR[1])
    assert fast[people.pk] == join[people.pk] == expected
    rows = {
        row.indicator.pk: row
        for row in selectors.plan_report(plan=plan, start=YEAR[0], end=YEAR[1])
    }
    assert rows[people.pk].value == expected


def test_the_nord_and_pas_de_calais_figures_are_disjoint_but_for_the_mover(world):
    nord, pdc = world["nord"][0], world["pdc"][0]
    keys = {}
    for name, plan in (("nord", nord), ("pdc", pdc)):
        keys[name] = set(
            Participation.objects.filter(
                departement_id__in=plan.departement_codes(), occurred_on__year=2025
            ).values_list("person_key", flat=True)
        )
    mover = keys["nord"] & keys["pdc"]
    assert len(mover) == 1  # M, who trained on both sides of the move
    by_month_nord = selectors.plan_people_breakdown(
        plan=nord, start=YEAR[0], end=YEAR[1], by="month"
    )
    # N1's placement (September) counts for the placements indicator only.
    assert by_month_nord == {"2025-03": 1, "2025-04": 1, "2025-05": 1, "2025-06": 1}


def test_placements_are_counted_where_they_take_place(world):
    nord, _people, nord_placements = world["nord"]
    pdc, _people, pdc_placements = world["pdc"]
    nord_rows = {
        r.indicator.pk: r.value
        for r in selectors.plan_report(plan=nord, start=YEAR[0], end=YEAR[1])
    }
    pdc_rows = {
        r.indicator.pk: r.value for r in selectors.plan_report(plan=pdc, start=YEAR[0], end=YEAR[1])
    }
    assert nord_rows[nord_placements.pk] == 0
    assert pdc_rows[pdc_placements.pk] == 1


def test_the_report_states_the_territorial_rule():
    assert "département de la personne à la date de sa formation" in str(TERRITORY_RULE)
    assert "Territoire" in str(COUNTING_RULES[Measure.PEOPLE_TRAINED])


@pytest.mark.parametrize(
    ("level", "code", "total", "parts"),
    [
        ("departement", "59", 4, []),
        ("departement", "62", 2, []),
        ("region", "32", 5, [("59", 4), ("62", 2)]),
        ("national", "", 7, [("11", 1), ("32", 5)]),
    ],
)
def test_the_roll_ups_count_distinct_people(world, level, code, total, parts):
    result = selectors.territory_rollup(level=level, code=code, start=YEAR[0], end=YEAR[1])
    assert result.from_rollup
    assert result.total == total
    assert [(line.code, line.count) for line in result.parts] == parts
    if level != "departement":
        # Région: M trained in both départements; national: Z has no région.
        assert result.parts_differ
    # The exact join agrees on every figure.
    codes = (
        None
        if level == "national"
        else ([code] if level == "departement" else ["02", "59", "60", "62", "80"])
    )
    assert rollup_figures.territory_figures_by_join(
        level=level, codes=codes, start=YEAR[0], end=YEAR[1]
    ) == rollup_figures.territory_figures_from_rollup(
        key=result.key,
        level=level,
        codes=codes,
        masks=rollup.period_masks(*YEAR),
        start=YEAR[0],
        end=YEAR[1],
    )


def test_the_national_breakdowns(world):
    result = selectors.territory_rollup(level="national", start=YEAR[0], end=YEAR[1])
    departements = {line.code: line.count for line in result.departements}
    assert departements == {"59": 4, "62": 2, "75": 1}
    assert {line.code: line.count for line in result.by_channel} == {
        "elearning": 5,
        "event": 1,
        "placement": 1,
        "external": 1,
    }
    assert (
        sum(line.count for line in result.by_month) == 9
    )  # M in January and June, N1 in March and September
    # A period in days counts from the participations, with the same result here.
    days = selectors.territory_rollup(level="national", start=date(2025, 1, 2), end=YEAR[1])
    assert not days.from_rollup and days.total == 7


def test_rebuilding_gives_the_rows_kept_by_each_participation(world):
    def snapshot():
        return (
            set(
                IndicatorPerson.objects.values_list(
                    "indicator_id", "person_key", "months_0", "months_1"
                )
            ),
            set(
                TerritoryPerson.objects.values_list(
                    "territory", "dimension", "person_key", "months_0", "months_1"
                )
            ),
        )

    before = snapshot()
    call_command("rebuild_rollups", stdout=io.StringIO())
    assert snapshot() == before


def test_a_plan_moved_to_another_territory_is_recounted(world):
    nord, people, _placements = world["nord"]
    nord.departement_id = "62"
    nord.save()
    counts = selectors.people_trained_by_indicator(plan=nord, start=YEAR[0], end=YEAR[1])
    assert counts[people.pk] == 2  # P1 and M, like the Pas-de-Calais plan


def test_a_removed_participation_leaves_the_roll_up(world):
    services.participation_remove(source="import:1")
    result = selectors.territory_rollup(level="departement", code="59", start=YEAR[0], end=YEAR[1])
    assert result.total == 3


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


def test_queries_do_not_grow_with_people_and_territories(world):
    nord = world["nord"][0]

    def report():
        selectors.plan_report(plan=nord, start=YEAR[0], end=YEAR[1])

    def roll_ups():
        for level, code in (("region", "32"), ("national", ""), ("departement", "59")):
            selectors.territory_rollup(level=level, code=code, start=YEAR[0], end=YEAR[1])
            selectors.territory_rollup(level=level, code=code, start=date(2025, 1, 2), end=YEAR[1])

    roll_ups()  # the territories' names are cached after the first roll-up
    small = (_queries(report), _queries(roll_ups))
    for departement, arrondissement in (("59", "592"), ("02", ""), ("13", ""), ("971", "")):
        for _ in range(3):
            _train(
                UserFactory(departement=departement, arrondissement=arrondissement), "2025-10-01"
            )
    _plan("BDR-T", departement="13")
    assert (_queries(report), _queries(roll_ups)) == small


# --- The roll-up page and API, by scope ---------------------------------------


@pytest.fixture
def national(db):
    return UserFactory(role=Role.NATIONAL, profession="autre", employer="SDFE")


@pytest.fixture
def regional(db):
    return UserFactory(role=Role.REGIONAL, delegated=["32"], profession="autre", employer="DRDFE")


@pytest.fixture
def ddfe_nord(db):
    return UserFactory(role=Role.DDFE, delegated=["59"], departement="59", arrondissement="595")


def _page(client, user, **query):
    client.force_login(user)
    return client.get(reverse("indicators:rollup"), {"year": "2025", **query})


def test_the_national_service_sees_the_country_by_default(client, world, national):
    response = _page(client, national)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert response.context["result"].key == "FR"
    assert "7 personnes formées" in page
    assert "La somme des chiffres des régions est de 6" in page
    months = next(chart for chart in response.context["charts"] if chart["by"] == "month")
    assert months["rows"][0]["label"] == "janvier 2025"  # in words, not "2025-01"


def test_the_regional_delegate_sees_her_region_not_the_sum_of_its_departements(
    client, world, regional
):
    response = _page(client, regional)
    assert response.context["result"].key == "R32"
    page = html.unescape(response.content.decode())
    assert "5 personnes formées" in page
    assert "La somme des chiffres de ses départements est de 6" in page
    assert reverse("indicators:plan_report", args=["NORD-T"]) in page
    assert _page(client, regional, territoire="D62").status_code == 200
    for outside in ("FR", "R11", "D75", "X1", "R99"):
        assert _page(client, regional, territoire=outside).status_code == 404


def test_a_ddfe_sees_only_her_departements(client, world, ddfe_nord):
    response = _page(client, ddfe_nord)
    assert response.context["result"].key == "D59"
    assert response.context["result"].total == 4
    page = response.content.decode()
    assert reverse("indicators:plan_report", args=["PDC-T"]) not in page
    for outside in ("D62", "R32", "FR"):
        assert _page(client, ddfe_nord, territoire=outside).status_code == 404


@pytest.mark.parametrize("role", [None, Role.TRAINER, Role.EDITOR])
def test_other_roles_are_refused(client, world, role):
    assert _page(client, UserFactory(role=role)).status_code == 403


def test_the_roll_up_exports_as_csv_and_xlsx(client, world, regional):
    response = _page(client, regional, territoire="R32", format="csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[2].split(";")[-1] == "5"  # header, rule, total
    assert "Somme des parties (non dédoublonnée);;6" in lines
    assert "synthese-R32-20250101-20251231.csv" in response["Content-Disposition"]
    workbook = _page(client, regional, territoire="R32", format="xlsx")
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_api_answers_within_the_scope(client, world, regional):
    url = reverse("indicators_api:territories")
    assert client.get(url).status_code == 401
    client.force_login(regional)
    data = client.get(url, {"territoire": "R32", "from": "2025-01-01", "to": "2025-12-31"}).json()
    assert data["people"] == 5 and data["parts_sum"] == 6
    assert {line["code"]: line["people"] for line in data["by_departement"]} == {"59": 4, "62": 2}
    refused = client.get(url, {"territoire": "FR"})
    assert refused.status_code == 404 and "périmètre" in refused.json()["erreur"]
    bad = client.get(url, {"territoire": "R32", "from": "01/01/2025"})
    assert bad.status_code == 400 and "AAAA-MM-JJ" in bad.json()["erreur"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
