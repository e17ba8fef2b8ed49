"""A DDFE's PDF bilan and detailed workbook, built by a real Celery worker on PostgreSQL."""

import io

import pytest
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import services
from indicators.models import Indicator, ReportExport
from indicators.tests.test_plans import SMALL

from .conftest import wait_for

pytestmark = pytest.mark.integration


def test_the_worker_builds_the_workbook_the_page_offers(celery_worker, client):
    from openpyxl import load_workbook

    plan = services.plan_load(data=SMALL)
    indicator = Indicator.objects.get(code="TEST-2024-1.2-2")
    services.activity_link(indicator=indicator, activity="module:1")
    for n, place in enumerate(["627", "627", "621"]):  # Lens, Lens, Arras
        services.participation_record(
            source=f"test:{n}",
            user=UserFactory(arrondissement=place),
            activity="module:1",
            activity_title="Le continuum des violences",
            occurred_on=plan.period_start,
            kind="formation",
            channel="elearning",
        )
    client.force_login(UserFactory(role=Role.DDFE))
    response = client.post(
        reverse("indicators:report_export_request", args=[plan.code]),
        {"export_format": "xlsx", "start": "2024-01-01", "end": "2024-12-31"},
    )
    export = ReportExport.objects.get()
    assert response["Location"] == reverse("indicators:report_export", args=[export.pk])

    wait_for(lambda: ReportExport.objects.get(pk=export.pk).status == "ready", timeout=60)
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    figures = {row[0]: row[4] for row in workbook[plan.code].iter_rows(min_row=2, values_only=True)}
    assert figures["TEST-2024-1.2-2"] == 3
    places = {
        row[2]: row[3]
        for row in workbook["Par arrondissement"].iter_rows(min_row=2, values_only=True)
    }
    assert places == {"Lens": 2, "Arras": 1}
