"""The DDFE opens a plan's report in Chromium, picks a year and exports XLSX: the file
holds the figures shown on the page; on a phone, every figure is within reach."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
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
    # The plan gives no provenance: its indicator is a proposal, said first on the page.
    expect(page.locator("#provenance-indicateurs")).to_contain_text(
        "Ce plan n'écrit aucun indicateur."
    )
    # The answer first: people trained over the whole plan period, per axis and in total.
    summary = page.get_by_role("table", name="Personnes formées par axe")
    expect(summary.get_by_role("row", name=re.compile("Total du plan"))).to_contain_text("3")
    # The details wait in the axis's accordion.
    fiche = page.get_by_role("table", name=re.compile("Fiche 1.2"))
    expect(fiche).to_be_hidden()
    page.get_by_role("button", name=re.compile("Axe 1 — Former")).click()
    row = fiche.get_by_role("row", name=re.compile("TEST-2024-1.2-1"))
    expect(row).to_contain_text("3")  # the whole plan period
    expect(row.locator(".fr-badge")).to_have_text("Proposé")
    page.get_by_label("Année").select_option("2025")
    page.get_by_role("button", name="Afficher").click()
    expect(
        page.get_by_text(
            "Chiffres du 1er janvier 2025 au 31 décembre 2025 · Département du Pas-de-Calais (62)."
        )
    ).to_be_visible()
    expect(page.locator("#total-formees")).to_contain_text("2 personnes formées")
    page.get_by_role("button", name=re.compile("Axe 1 — Former")).click()
    expect(row.get_by_role("cell").nth(1)).to_have_text("2")
    # The chart's table says the same, under the indicator's name.
    chart = page.get_by_role("table", name="Personnes formées par indicateur")
    named = chart.get_by_role("row", name=re.compile("Nombre de personnes formées"))
    expect(named).to_contain_text("2")
    # The counting rule is given once, on demand.
    page.get_by_role("button", name="Comment les chiffres sont calculés").click()
    expect(page.locator("#regles-de-calcul")).to_contain_text("Personnes distinctes")

    page.get_by_role("button", name=re.compile("Exporter : tableur")).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter en XLSX").click()
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    figures = {r[0]: r[4] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures == {"TEST-2024-1.2-1": 2}
    header = [cell.value for cell in sheet[1]]
    line = [cell.value for cell in sheet[2]]
    assert line[header.index("Provenance")] == "Proposé"

    # The detailed workbook is prepared in the background, then downloaded.
    page.get_by_label("Document").select_option(label="Classeur détaillé XLSX")
    page.get_by_role("button", name="Préparer le document").click()
    expect(page.get_by_text("Le document est prêt.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le document").click()
    workbook = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))
    months = {r[2]: r[3] for r in workbook["Par mois"].iter_rows(min_row=2, values_only=True)}
    assert months == {"2025-03": 1, "2025-06": 1}
    table = workbook["TEST-2024"]
    header = [cell.value for cell in table[1]]
    assert table.cell(2, header.index("Provenance") + 1).value == "Proposé"


PHONE_PLAN = {
    "code": "TEL-2024",
    "name": "Plan départemental lu sur un téléphone",
    "departement": "62",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": str(number),
            "title": "Coordonner l'action des services départementaux et des associations "
            f"d'aide aux victimes, volet {number}",
            "fiches": [
                {
                    "number": f"{number}.1",
                    "title": "Former les professionnel·les de premier recours au repérage",
                    "indicators": [
                        {
                            "label": "Nombre de professionnel·les du département formé·es au "
                            "repérage des violences intrafamiliales",
                            "measure": "people_trained",
                            "target": 120,
                            "unit": "personnes",
                        },
                        {"label": "Nombre de sessions organisées", "measure": "manual"},
                    ],
                }
            ],
        }
        for number in (1, 2, 3)
    ],
}


_TRANSITIONS_ENDED = (
    "() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))"
)


def test_the_ddfe_reads_her_figures_on_a_phone(page: Page, password):
    """Point 11: at 390 px the plan page, an indicator, the dashboard and the roll-up show
    every column without sideways scrolling of the page, and any table wider than the
    screen scrolls in a region the keyboard reaches (axe: scrollable-region-focusable)."""
    services.plan_load(data=PHONE_PLAN)
    module = course_factories.module(title="Repérer les violences", lessons=1)
    services.activity_link(
        indicator=Indicator.objects.get(code="TEL-2024-1.1-1"), activity=f"module:{module.pk}"
    )
    _completed(module, datetime(2025, 3, 1, 10, tzinfo=ZoneInfo("Europe/Paris")))
    ddfe = UserFactory(role=Role.DDFE)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, email=ddfe.email, password=password)
    axe = Axe()

    page.goto("/indicateurs/plans/TEL-2024/")
    expect(page.locator("#total-formees")).to_contain_text("1 personne formée")
    for button in page.locator(".fr-accordion__btn").all():
        button.click()
    expect(page.get_by_role("table", name=re.compile("Fiche 3.1"))).to_be_visible()
    # The pointer stays on the last button clicked: its hover colours are checked too
    # (an accordion's hint text once failed contrast there, on a phone layout only
    # when the pointer happened to land on it).
    page.locator(".fr-accordion__btn[aria-expanded=true]").last.hover()
    # The DSFR opens an accordion in two steps (and closes the group's other one): it
    # marks it « collapsing », starts the transitions on the next animation frame and
    # clears the mark 500 ms later. Waiting on running animations alone can come before
    # that frame, when none has started yet: wait for the mark to go.
    expect(page.locator(".fr-collapsing")).to_have_count(0)
    # On the plan page no column is off-screen at all: every table fits the phone.
    wider = page.evaluate(
        "() => [...document.querySelectorAll('.fr-table__container')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 60))"
    )
    assert wider == []
    pages = [
        "/indicateurs/plans/TEL-2024/",
        "/indicateurs/plans/TEL-2024/indicateurs/TEL-2024-1.1-1/",
        "/indicateurs/",
        "/indicateurs/synthese/?territoire=D62",
    ]
    for path in pages:
        if path != pages[0]:
            page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        # An accordion still opening is half transparent: axe would read its text's
        # contrast mid-transition. Check the page once every transition has ended.
        page.evaluate(_TRANSITIONS_ENDED)
        violations = axe.run(page).response["violations"]
        blocking = [
            (v["id"], [node["target"] for node in v["nodes"]])
            for v in violations
            if v["impact"] in {"serious", "critical"}
        ]
        assert blocking == [], f"{path}: {blocking}"
