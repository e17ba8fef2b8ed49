"""The DDFE asks for the PDF bilan in Chromium, as under `make run` (no Celery worker):
the page answers at once and shows the progress, a double click makes one export, and
the file downloaded starts with the one-page summary."""

import io
import re
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pypdf
import pytest
from playwright.sync_api import Page, expect

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from core.tests.pdf_text import PdfText
from courses.models import ModuleCompletion
from courses.services import completion_finalise
from courses.tests import factories as course_factories
from indicators import exports, services
from indicators.models import Indicator, ReportExport

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLAN = {
    "code": "BILAN-2025",
    "name": "Plan départemental d'essai du bilan",
    "departement": "62",
    "period_start": "2025-01-01",
    "period_end": "2025-12-31",
    # Written in the plan, but for one indicator the platform proposes.
    "indicator_source": {"provenance": "plan", "reference": "Fiche action {fiche}, page 4"},
    "axes": [
        {
            "number": "1",
            "title": "Former les professionnel·les",
            "fiches": [
                {
                    "number": "1.1",
                    "title": "Sensibiliser et former",
                    "indicators": [
                        {
                            "label": "Nombre de personnes formées",
                            "measure": "people_trained",
                            "target": 4,
                            "unit": "personnes",
                        },
                        {
                            "label": "Nombre d'outils diffusés",
                            "measure": "manual",
                            "provenance": "proposed",
                            "reference": "",
                        },
                    ],
                }
            ],
        },
        {
            "number": "2",
            "title": "Protéger les victimes",
            "fiches": [
                {
                    "number": "2.1",
                    "title": "Repérer",
                    "indicators": [
                        {"label": "Nombre de référents formés", "measure": "people_trained"}
                    ],
                }
            ],
        },
    ],
}


def _trained(count: int) -> None:
    module = course_factories.module(title="Le continuum des violences", lessons=1)
    services.activity_link(
        indicator=Indicator.objects.get(code="BILAN-2025-1.1-1"), activity=f"module:{module.pk}"
    )
    for day in range(1, count + 1):
        completion = ModuleCompletion.objects.create(
            user=UserFactory(),
            module=module,
            completed_at=datetime(2025, 3, day, 10, tzinfo=ZoneInfo("Europe/Paris")),
            module_title=module.title,
        )
        completion_finalise(completion=completion, module=module)


def test_the_bilan_shows_its_progress_then_downloads_with_its_summary_first(
    page: Page, password, settings, monkeypatch
):
    settings.TASKS_IN_THREAD = True  # `make run`: no worker, the web process builds
    services.plan_load(data=PLAN)
    _trained(3)
    # The page layout waits for the test to have seen the progress.
    laid_out, release = exports.pdf_layout, threading.Event()
    monkeypatch.setattr(exports, "pdf_layout", lambda html: release.wait(30) and laid_out(html))
    ddfe = UserFactory(role=Role.DDFE)
    log_in(page, email=ddfe.email, password=password)

    page.goto("/indicateurs/plans/BILAN-2025/")
    # The exports are folded under the answer and the axes (issue 20, point 6).
    page.get_by_role("button", name="Exporter : tableur, bilan PDF, classeur détaillé").click()
    page.get_by_label("Document").select_option(label="Bilan PDF pour le comité de pilotage")
    page.get_by_role("button", name="Préparer le document").dblclick()
    expect(page).to_have_url(re.compile(r"/indicateurs/exports/\d+/$"))
    # The progress, updated in place while the page stays (no reload: the mark stays).
    page.evaluate("window.stillTheSamePage = true")
    expect(page.locator("#file-job-progress-label")).to_have_text(
        "Préparation en cours : étape 2 sur 4."
    )
    expect(page.locator("progress")).to_have_attribute("value", "50")
    assert ReportExport.objects.count() == 1  # the double click made one export
    release.set()
    download_link = page.get_by_role("link", name="Télécharger le document")
    expect(download_link).to_be_focused()
    expect(page.get_by_text("Le document est prêt.")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True

    with page.expect_download() as download_info:
        download_link.click()
    assert download_info.value.suggested_filename == "bilan-BILAN-2025-20250101-20251231.pdf"
    with open(download_info.value.path(), "rb") as file:
        pages = pypdf.PdfReader(io.BytesIO(file.read())).pages
    first = " ".join(pages[0].extract_text().split())
    assert "Bilan — Plan départemental d'essai du bilan" in first
    assert "chiffres du 1er janvier 2025 au 31 décembre 2025" in first
    assert "Personnes formées ou sensibilisées par axe" in first
    assert "Axe 1 — Former les professionnel·les 3 4" in first  # the chart's table: people, target
    assert "Ensemble du plan 3" in first
    assert "1.1-1 Nombre de personnes formées 3 4 personnes 75 %" in first  # the target
    # Where the indicators come from: a note first, then a mark on each.
    assert (
        "Provenance des indicateurs. 1 indicateur sur 3 est une proposition de la plateforme"
        in first
    )
    rest = PdfText("\n".join(page.extract_text() for page in pages[1:]))
    assert "issu du plan (Fiche action 1.1, page 4)" in rest
    assert "Nombre d'outils diffusés (proposé) : sans chiffre" in rest
