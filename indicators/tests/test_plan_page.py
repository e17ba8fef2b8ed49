"""The plan page a DDFE opens: the answer first (people trained per axis and in total,
against targets), the details collapsed, and a query count that does not grow with the
plan's indicators."""

import copy
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators import services
from indicators.models import Indicator

from .test_counting import dataset  # noqa: F401 - the fixture
from .test_plans import SMALL

pytestmark = pytest.mark.django_db

URL = reverse("indicators:plan_report", args=["TEST-2024"])


def test_the_page_leads_with_people_trained_per_axis_against_the_target(
    client,
    ddfe,
    dataset,  # noqa: F811
):
    Indicator.objects.filter(code="TEST-2024-1.2-2").update(target=10)
    client.force_login(ddfe)

    response = client.get(URL, {"year": "2025"})

    # X is trained for both indicators of axis 1: one person, not two.
    summary = [(f.axis and f.axis.number, f.people, f.target) for f in response.context["summary"]]
    assert summary == [("1", 3, 10), (None, 3, 10)]
    page = html.unescape(response.content.decode())
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "3 personnes formées ou sensibilisées pour une cible de 10" in text
    assert "sur une cible de 10 (30 %)" in text
    # The details are collapsed by axis, with the axis's own figure on its button.
    axis = response.context["axes"][0]
    assert (axis.indicator_count, axis.people) == (3, 3)
    assert 'aria-controls="axe-' in page and "3 indicateurs, 3 personnes formées" in page


def _bigger(axes: int) -> dict:
    """SMALL with more axes, each with a fiche of three indicators (two counting people)."""
    data = copy.deepcopy(SMALL)
    for number in range(2, axes + 2):
        fiche = copy.deepcopy(SMALL["axes"][0]["fiches"][0])
        fiche["number"] = f"{number}.1"
        fiche["indicators"][0]["measure"] = "people_trained"
        data["axes"].append({"number": str(number), "title": f"Axe {number}", "fiches": [fiche]})
    return data


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_indicators(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    client.get(URL)  # warm the caches (site, roles, territories)
    small = (_queries(client), _queries(client, year="2025", arrondissement="627"))

    services.plan_load(data=_bigger(axes=20))
    for indicator in Indicator.objects.filter(plan__code="TEST-2024", measure="people_trained"):
        services.activity_link(indicator=indicator, activity="module:1")

    assert Indicator.objects.filter(plan__code="TEST-2024").count() == 63
    assert (_queries(client), _queries(client, year="2025", arrondissement="627")) == small
