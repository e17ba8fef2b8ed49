"""Editing an indicator in the Wagtail admin: the modules it counts, its provenance
(issu du plan / proposé) in the list, its filter and its form."""

import html

import pytest
from django.urls import reverse

from courses.tests import factories as course_factories
from indicators import services
from indicators.constants import Provenance
from indicators.models import ActivityLink, Indicator

from .test_plans import SMALL

pytestmark = pytest.mark.django_db


def test_an_administrator_links_modules_to_an_indicator(client, administrator):
    services.plan_load(data=SMALL)
    indicator = Indicator.objects.get(code="TEST-2024-1.2-2")
    first = course_factories.module(title="Continuum", lessons=1)
    second = course_factories.module(title="Psychotrauma", lessons=1)
    services.activity_link(indicator=indicator, activity=f"module:{first.pk}")
    services.activity_link(indicator=indicator, activity="session:7")  # not the form's business
    client.force_login(administrator)
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "Modules comptés" in page.content.decode()

    response = client.post(
        url,
        {
            "plan": indicator.plan_id,
            "fiche": indicator.fiche_id,
            "rank": indicator.rank,
            "label": indicator.label,
            "measure": indicator.measure,
            "target": "",
            "unit": "personnes",
            "provenance": "proposed",
            "plan_reference": "",
            "modules": [second.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    activities = set(
        ActivityLink.objects.filter(indicator=indicator).values_list("activity", flat=True)
    )
    assert activities == {f"module:{second.pk}", "session:7"}
    indicator.refresh_from_db()
    assert indicator.code == "TEST-2024-1.2-2"  # derived, never typed


def _edit(client, indicator, **changes):
    data = {
        "plan": indicator.plan_id,
        "fiche": indicator.fiche_id,
        "rank": indicator.rank,
        "label": indicator.label,
        "measure": indicator.measure,
        "target": "",
        "unit": indicator.unit,
        "provenance": indicator.provenance,
        "plan_reference": indicator.plan_reference,
    }
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    return client.post(url, {**data, **changes})


def test_the_admin_shows_filters_and_edits_the_provenance(client, administrator):
    data = {**SMALL, "indicator_source": {"provenance": "plan", "reference": "Fiche {fiche}"}}
    fiche = {**SMALL["axes"][0]["fiches"][0]}
    fiche["indicators"] = [
        *fiche["indicators"][:2],
        {**fiche["indicators"][2], "provenance": "proposed", "reference": "Action 3"},
    ]
    data["axes"] = [{**SMALL["axes"][0], "fiches": [fiche]}]
    services.plan_load(data=data)
    client.force_login(administrator)
    listing = reverse("wagtailsnippets_indicators_indicator:list")

    # The list: a column, and a filter on it.
    page = html.unescape(client.get(listing).content.decode())
    assert "Provenance" in page
    assert page.count("Issu du plan") >= 2 and "Proposé" in page
    proposed = client.get(listing, {"provenance": "proposed"})
    assert [i.code for i in proposed.context["object_list"]] == ["TEST-2024-1.2-3"]
    from_plan = client.get(listing, {"provenance": "plan"})
    assert {i.code for i in from_plan.context["object_list"]} == {
        "TEST-2024-1.2-1",
        "TEST-2024-1.2-2",
    }

    # The form: both fields, with their help.
    indicator = Indicator.objects.get(code="TEST-2024-1.2-3")
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    form = html.unescape(client.get(url).content.decode())
    assert 'name="provenance"' in form and 'name="plan_reference"' in form
    assert "Référence dans le plan" in form or "référence dans le plan" in form
    assert "Action 3" in form

    # "Issu du plan" says where: refused without a reference, kept with one.
    refused = _edit(client, indicator, provenance="plan", plan_reference=" ")
    assert refused.status_code == 200
    assert "Indiquez où le plan écrit cet indicateur" in html.unescape(refused.content.decode())
    indicator.refresh_from_db()
    assert indicator.provenance == Provenance.PROPOSED
    kept = _edit(client, indicator, provenance="plan", plan_reference="Fiche 1.2, page 10")
    assert kept.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.provenance, indicator.plan_reference) == ("plan", "Fiche 1.2, page 10")
