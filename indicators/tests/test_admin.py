"""Editing an indicator in the Wagtail admin: the modules it counts."""

import pytest
from django.urls import reverse

from courses.tests import factories as course_factories
from indicators import services
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
