"""The PDF bilan for the steering committee: a one-page summary (people trained per axis
and in all, targets, each chart beside its table), then the figures, the indicators
without a figure grouped in one list; built in the background with its progress."""

import html
import io
import re

import pypdf
import pytest
from django.test import TestCase
from django.urls import reverse

from core.tests.pdf_text import PdfText
from indicators import bilan, charts, exports, selectors
from indicators.models import ReportExport

from .test_counting import YEAR_2025, dataset  # noqa: F401 - the hand-counted dataset

pytestmark = pytest.mark.django_db


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_people_are_counted_once_per_axis_and_once_in_the_plan(dataset):  # noqa: F811
    # A = {X, Y, W}, B = {X} in 2025: the axis (both indicators) has 3 people, not 4.
    plan = dataset["plan"]
    people = selectors.people_trained_by_axis(plan=plan, start=YEAR_2025[0], end=YEAR_2025[1])
    assert people == {plan.axes.get().pk: 3, selectors.summary.TOTAL: 3}
    lens = selectors.people_trained_by_axis(
        plan=plan, start=YEAR_2025[0], end=YEAR_2025[1], arrondissement="627"
    )
    assert lens[selectors.summary.TOTAL] == 2  # X and W; Y was trained in Arras


def test_the_summary_comes_first_and_the_empty_indicators_are_grouped(dataset):  # noqa: F811
    plan = dataset["plan"]
    rows = selectors.plan_report(plan=plan, start=YEAR_2025[0], end=YEAR_2025[1])
    pages = _pages(exports.bilan_pdf(plan=plan, rows=rows, start=YEAR_2025[0], end=YEAR_2025[1]))
    first = PdfText(pages[0])
    assert "Bilan — Plan d'essai" in first
    assert "chiffres du 1er janvier 2025 au 31 décembre 2025" in first
    assert "3 personnes" in first  # in all, each person once
    assert "2 indicateurs sur 3" in first
    assert "Personnes formées ou sensibilisées par axe" in first
    assert "Ensemble du plan 3" in first  # the chart's table
    assert "Objectifs chiffrés" in first  # 1.2-3 has a target, 75 %, and no answer yet
    # Each indicator marked with its provenance: the test plan writes none, all are
    # proposals, which the first page says.
    assert "1.2-3 Part des participant·es mieux outillé·es (proposé) sans chiffre 75 % —" in first
    assert "Provenance des indicateurs. Ce plan n'écrit aucun indicateur." in first
    rest = PdfText("\n".join(pages[1:]))
    assert "Chiffres de la période, fiche par fiche" in rest
    # The indicator without a figure (no questionnaire answered) is in the grouped list,
    # not in a table of dashes; each counting rule is printed once.
    assert "Indicateurs sans chiffre pour la période" in rest
    assert (
        "TEST-2024-1.2-3 Part des participant·es mieux outillé·es (proposé) : sans chiffre" in rest
    )
    assert str(rest).count("TEST-2024-1.2-3") == 1
    assert str(rest).count("Personnes distinctes ayant terminé un module") == 1


def test_a_bar_chart_is_plain_svg_with_its_title():
    svg = charts.bar_chart_svg(
        [charts.Bar("Axe 1 — Former", 12, "12"), charts.Bar("Axe 2 — <Protéger>", 0, "0", 10)],
        chart_id="c",
        title="Personnes par axe",
        description="Voir le tableau.",
    )
    assert svg.startswith("<svg") and 'role="img"' in svg and "<script" not in svg
    assert '<title id="c-title">Personnes par axe</title>' in svg
    assert "&lt;Protéger&gt;" in svg  # labels are escaped
    assert "stroke-dasharray" in svg  # the target's mark
    assert not re.search(r'="[\d.]*,\d', svg)  # coordinates never localised ("12,5")


def test_one_person_and_zero_people_are_singular():
    assert bilan.people_text(0) == "0 personne"
    assert bilan.people_text(1) == "1 personne"
    assert bilan.people_text(2) == "2 personnes"


def test_the_bilan_is_built_with_its_progress_then_downloaded(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators:report_export_request", args=["TEST-2024"])
    data = {"start": "2025-01-01", "end": "2025-12-31", "export_format": "pdf"}
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        first, second = client.post(url, data), client.post(url, data)  # a double click
    assert first["Location"] == second["Location"] and len(queued) == 1
    export = ReportExport.objects.get()
    page = html.unescape(client.get(first["Location"]).content.decode())
    assert "Chiffres du 1er janvier 2025 au 31 décembre 2025" in page
    assert "data-pending" in page and "reload-while-pending.js" in page
    queued[0]()  # the build
    export.refresh_from_db()
    assert export.status == "ready" and export.total == exports.BILAN_STEPS
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert "bilan-TEST-2024-20250101-20251231.pdf" in download["Content-Disposition"]
    # Asked again a moment later (a double click on a fast build): the same file.
    assert client.post(url, data)["Location"] == first["Location"]
    assert ReportExport.objects.count() == 1


def test_the_build_reports_each_step(ddfe, dataset):  # noqa: F811
    from indicators import services

    with TestCase.captureOnCommitCallbacks(execute=False):
        export = services.report_export_request(
            user=ddfe,
            plan=dataset["plan"],
            export_format="pdf",
            start=YEAR_2025[0],
            end=YEAR_2025[1],
        )
    steps = []
    out = io.BytesIO()
    name = exports.report_export_write(
        export, lambda done, total=None: steps.append((done, total)), out
    )
    assert steps == [(0, exports.BILAN_STEPS), (1, None), (2, None), (3, None)]
    assert name.endswith(".pdf") and out.getvalue().startswith(b"%PDF")
