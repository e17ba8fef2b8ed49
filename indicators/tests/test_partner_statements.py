"""Partners' xAPI statements mapped by a DDFE to an indicator of her plan: the count
changes by exactly the distinct people of her territory (issue 22)."""

import copy
from datetime import date

import pytest

from accounts.tests.factories import UserFactory
from indicators import partner_statements, selectors, services
from indicators.models import Indicator, Participation
from lrs.tests import factories as lrs_factories

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

YEAR = dict(start=date(2025, 1, 1), end=date(2025, 12, 31))
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
ACTIVITY = "https://formation.gendarmerie.test/vif/module-1"


def _plan(code="NORD-X", departement="59"):
    data = copy.deepcopy(SMALL)
    data.update(code=code, departement=departement, region=None)
    plan = services.plan_load(data=data)
    return plan, Indicator.objects.get(code=f"{code}-1.2-2")


def _count(plan, indicator) -> int:
    by_join = selectors.people_trained_by_join(plan=plan, **YEAR).get(indicator.pk, 0)
    by_rollup = selectors.people_trained_by_indicator(plan=plan, **YEAR).get(indicator.pk, 0)
    assert by_join == by_rollup  # the per-person rollup agrees with the participations
    return by_join


def _map(indicator, partner, verb=COMPLETED):
    return partner_statements.mapping_create(
        indicator=indicator,
        partner=partner,
        activity_iri=ACTIVITY,
        verb_iri=verb,
        kind="formation",
        by=None,
    )


def test_mapped_statements_count_distinct_people_of_the_territory():
    plan, indicator = _plan()
    other_plan, other_indicator = _plan("PDC-X", departement="62")
    gendarmerie = lrs_factories.partner()
    nord_1 = UserFactory(departement="59", arrondissement="595")
    nord_2 = UserFactory(departement="59", arrondissement="594")
    pas_de_calais = UserFactory(departement="62", arrondissement="621")
    # Before the mapping: two completions by nord_1, one by nord_2, one from the
    # Pas-de-Calais, one "attempted" (other verb), one by a stranger (no account).
    lrs_factories.store(
        gendarmerie,
        lrs_factories.statement(email=nord_1.email),
        lrs_factories.statement(email=nord_1.email.upper(), timestamp="2025-06-01T08:00:00Z"),
        lrs_factories.statement(email=nord_2.email),
        lrs_factories.statement(email=pas_de_calais.email),
        lrs_factories.statement(
            email=nord_2.email, verb="http://adlnet.gov/expapi/verbs/attempted"
        ),
        lrs_factories.statement(email="inconnu@gendarmerie.test"),
    )
    assert _count(plan, indicator) == 0

    mapping = _map(indicator, gendarmerie)
    _map(other_indicator, gendarmerie)

    # nord_1 once, nord_2: two people of the Nord; the stranger is not attached.
    assert _count(plan, indicator) == 2
    assert _count(other_plan, other_indicator) == 1
    figures = partner_statements.mapping_figures(mapping)
    assert figures == {"statements": 5, "counted": 4, "unattached": 1, "people": 3}

    # A statement arriving after the mapping counts at once; a repeat does not.
    nord_3 = UserFactory(departement="59", arrondissement="595")
    new = lrs_factories.statement(email=nord_3.email)
    lrs_factories.store(gendarmerie, new)
    lrs_factories.store(gendarmerie, lrs_factories.statement(email=nord_1.email))
    assert _count(plan, indicator) == 3

    # Voided by the partner: no longer counted.
    lrs_factories.store(
        gendarmerie,
        lrs_factories.statement(
            email="admin@gendarmerie.test",
            verb="http://adlnet.gov/expapi/verbs/voided",
            object={"objectType": "StatementRef", "id": new["id"]},
        ),
    )
    assert _count(plan, indicator) == 2

    # Unmapped: the indicator no longer counts the partner's statements.
    partner_statements.mapping_delete(mapping=mapping)
    assert _count(plan, indicator) == 0
    assert _count(other_plan, other_indicator) == 1


def test_unknown_actors_count_in_the_partners_territory_and_join_their_account_later():
    plan, indicator = _plan()
    partner = lrs_factories.partner(departement="59")
    _map(indicator, partner)
    lrs_factories.store(
        partner,
        lrs_factories.statement(email="nouvelle@gendarmerie.test"),
        lrs_factories.statement(
            actor={"account": {"homePage": "https://gend.test", "name": "4242"}}
        ),
    )
    assert _count(plan, indicator) == 2
    # She signs up: the same person, counted once, now with her account.
    user = UserFactory(email="nouvelle@gendarmerie.test", departement="59", arrondissement="595")
    assert Participation.objects.filter(user=user).count() == 1
    assert _count(plan, indicator) == 2


def test_a_partner_reads_only_its_own_indicators_statements_are_its_own():
    """Two partners' identical activity IRIs are different activities."""
    plan, indicator = _plan()
    first, second = lrs_factories.partner(), lrs_factories.partner(name="Autre")
    user = UserFactory(departement="59", arrondissement="595")
    _map(indicator, first)
    lrs_factories.store(second, lrs_factories.statement(email=user.email))
    assert _count(plan, indicator) == 0


def test_the_ddfe_maps_a_partner_activity_on_her_plans_page(client, django_assert_max_num_queries):
    from accounts.constants import Role

    plan, indicator = _plan("PDC-V", departement="62")
    ddfe = UserFactory(role=Role.DDFE, departement="62", arrondissement="621")
    gendarmerie = lrs_factories.partner()
    learner = UserFactory(departement="62", arrondissement="621")
    lrs_factories.store(gendarmerie, lrs_factories.statement(email=learner.email))
    client.force_login(ddfe)
    url = f"/indicateurs/plans/{plan.code}/partenaires-xapi/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "indicator": indicator.pk,
            "partner": gendarmerie.pk,
            "activity_iri": ACTIVITY,
            "verb_iri": COMPLETED,
            "kind": "formation",
        },
    )
    assert response.status_code == 302
    assert _count(plan, indicator) == 1
    # The same mapping twice is refused in French.
    again = client.post(
        url,
        {
            "indicator": indicator.pk,
            "partner": gendarmerie.pk,
            "activity_iri": ACTIVITY,
            "verb_iri": COMPLETED,
            "kind": "formation",
        },
    )
    assert again.status_code == 400
    assert "compte déjà pour cet indicateur" in again.text
    # The page's queries do not grow with the number of mappings.
    for number in range(5):
        partner_statements.mapping_create(
            indicator=indicator,
            partner=gendarmerie,
            activity_iri=f"{ACTIVITY}/{number}",
            verb_iri=COMPLETED,
            kind="formation",
            by=None,
        )
    with django_assert_max_num_queries(25):
        page = client.get(url)
    assert page.status_code == 200
    assert page.text.count("Ne plus compter") == 6
    mapping = indicator.partner_mappings.get(activity_iri=ACTIVITY)
    response = client.post(f"{url}{mapping.pk}/supprimer/")
    assert response.status_code == 302
    assert _count(plan, indicator) == 0
