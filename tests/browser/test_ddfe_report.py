"""The DDFE opens a plan's report in Chromium, picks a year and exports XLSX: the file
holds the figures shown on the page."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses.models import ModuleCompletion
from courses.services import completion_finalise
from courses.tests import factories as course_factories
from indicators import services
from indicators.models import Indicator

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLAN = {
    "code": "TEST-2024",
    "name": "Plan départemental d'essai 2024-2027",
    "departement": "62",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "1",
            "title": "Former les professionnel·les",
            "fiches": [
                {
                    "number": "1.2",
                    "title": "Sensibiliser et former",
                    "indicators": [
                        {"label": "Nombre de personnes formées", "measure": "people_trained"}
                    ],
                }
            ],
        }
    ],
}


def _completed(module, when: datetime):
    completion = ModuleCompletion.objects.create(
        user=UserFactory(), module=module, completed_at=when, module_title=module.title
    )
    completion_finalise(completion=completion, module=module)


def test_ddfe_filters_a_year_and_exports_the_same_figures(page: Page, password):
    services.plan_load(data=PLAN)
    module = course_factories.module(title="Le continuum des violences", lessons=1)
    services.activity_link(
        indicator=Indicator.objects.get(code="TEST-2024-1.2-1"), activity=f"module:{module.pk}"
    )
    paris = ZoneInfo("Europe/Paris")
    for month in (3, 6):
        _completed(module, datetime(2025, month, 1, 10, tzinfo=paris))
    _completed(module, datetime(2026, 2, 1, 10, tzinfo=paris))
    ddfe = UserFactory(role=Role.DDFE)
    log_in(page, email=ddfe.email, password=password)

    page.goto("/indicateurs/")
    page.get_by_role("link", name="Plan départemental d'essai 2024-2027").click()
    fiche = page.get_by_role("table", name=re.compile("Fiche 1.2"))
    row = fiche.get_by_role("row", name=re.compile("TEST-2024-1.2-1"))
    expect(row).to_contain_text("3")  # the whole plan period
    page.get_by_label("Année").select_option("2025")
    page.get_by_role("button", name="Afficher").click()
    expect(
        page.get_by_text(
            "Chiffres du 1 janvier 2025 au 31 décembre 2025 · Département du Pas-de-Calais (62)."
        )
    ).to_be_visible()
    row = fiche.get_by_role("row", name=re.compile("TEST-2024-1.2-1"))
    expect(row.get_by_role("cell").nth(2)).to_have_text("2")
    # The chart's table says the same.
    chart = page.get_by_role("table", name="Personnes formées par indicateur")
    expect(chart.get_by_role("row", name=re.compile("TEST-2024-1.2-1"))).to_contain_text("2")
    expect(row).to_contain_text("Personnes distinctes")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter en XLSX").click()
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    figures = {r[0]: r[4] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures == {"TEST-2024-1.2-1": 2}

    # The detailed workbook is prepared in the background, then downloaded.
    page.get_by_label("Document").select_option(label="Classeur détaillé XLSX")
    page.get_by_role("button", name="Préparer le document").click()
    expect(page.get_by_text("Le document est prêt.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le document").click()
    workbook = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))
    months = {r[2]: r[3] for r in workbook["Par mois"].iter_rows(min_row=2, values_only=True)}
    assert months == {"2025-03": 1, "2025-06": 1}
