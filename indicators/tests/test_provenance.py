"""Each indicator says where it comes from: written in the plan ("Issu du plan", with the
fiche, section or page that writes it) or proposed by the platform ("Proposé", with the
action it follows). The Nord roadmap writes no indicator: its 83 are proposals, and its
page says so first. Shown everywhere an indicator is: the plan's page, the indicator's
page, the roll-up, the spreadsheets and the workbook, the bilan, the API and its schema
(the admin: test_admin; the activity pages: test_in_person)."""

import copy
import csv
import html
import importlib
import io
import re
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from core.tests.pdf_text import pdf_text
from indicators import exports, selectors, services
from indicators.constants import Provenance
from indicators.models import Indicator, Plan, ReportExport
from indicators.plans import NORD_VIF_2023

from .test_plans import SMALL

pytestmark = pytest.mark.django_db


def _plan(**source) -> dict:
    """SMALL written in the plan (fiche 1.2), but for its third indicator, a proposal
    for action 7 — unless `source` says otherwise."""
    data = copy.deepcopy(SMALL)
    data["indicator_source"] = source or {
        "provenance": "plan",
        "reference": "Fiche action {fiche}, « Indicateurs retenus »",
    }
    third = data["axes"][0]["fiches"][0]["indicators"][2]
    third.update(provenance="proposed", reference="Action 7 du plan")
    return data


def _text(response) -> str:
    return html.unescape(response.content.decode())


# The model and the loader


def test_the_shipped_plans_say_where_each_indicator_comes_from():
    call_command("load_plans", stdout=io.StringIO())
    call_command("load_plans", stdout=io.StringIO())  # idempotent

    pdc = Indicator.objects.filter(plan__code="PDC-2019").select_related("fiche")
    assert pdc.count() == 102
    for indicator in pdc:
        assert indicator.provenance == Provenance.PLAN
        assert indicator.plan_reference == (
            f"Fiche action {indicator.fiche.number}, « Indicateurs retenus »"
        )
    nord = Indicator.objects.filter(plan__code="NORD-VIF-2023").select_related("fiche")
    assert nord.count() == 83
    for indicator in nord:
        assert indicator.provenance == Provenance.PROPOSED
        assert indicator.plan_reference == (
            f"Action {indicator.fiche.number} de la feuille de route"
        )


def test_the_migration_gives_the_existing_rows_what_the_loader_gives():
    call_command("load_plans", stdout=io.StringIO())
    loaded = dict(Indicator.objects.values_list("code", "provenance"))
    references = dict(Indicator.objects.values_list("code", "plan_reference"))
    # An indicator added by hand to a Pas-de-Calais fiche is not written in the plan.
    pdc = Plan.objects.get(code="PDC-2019")
    added = Indicator.objects.create(
        plan=pdc, fiche=pdc.fiches.get(number="1.1"), rank=9, label="Ajouté à la main"
    )
    Indicator.objects.update(provenance=Provenance.PROPOSED, plan_reference="")

    migration = importlib.import_module("indicators.migrations.0014_issue21_indicator_provenance")
    migration.fill_provenance(apps, None)

    assert dict(Indicator.objects.exclude(pk=added.pk).values_list("code", "provenance")) == (
        loaded
    )
    assert dict(Indicator.objects.exclude(pk=added.pk).values_list("code", "plan_reference")) == (
        references
    )
    added.refresh_from_db()
    assert (added.provenance, added.plan_reference) == (Provenance.PROPOSED, "")


def test_a_definition_gives_the_provenance_or_leaves_a_proposal():
    services.plan_load(data=_plan())
    found = {
        i.code: (i.provenance, i.plan_reference)
        for i in Indicator.objects.filter(plan__code="TEST-2024")
    }
    assert found == {
        "TEST-2024-1.2-1": ("plan", "Fiche action 1.2, « Indicateurs retenus »"),
        "TEST-2024-1.2-2": ("plan", "Fiche action 1.2, « Indicateurs retenus »"),
        "TEST-2024-1.2-3": ("proposed", "Action 7 du plan"),
    }
    # Without a word on it, an indicator is a proposal, with no reference.
    services.plan_load(data=SMALL)
    assert set(Indicator.objects.values_list("provenance", "plan_reference")) == {("proposed", "")}


def test_issu_du_plan_says_where():
    services.plan_load(data=SMALL)
    indicator = Indicator.objects.get(code="TEST-2024-1.2-1")
    indicator.provenance = Provenance.PLAN
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "plan_reference" in refused.value.message_dict
    indicator.plan_reference = "Fiche 1.2, page 10"
    indicator.full_clean()
    assert indicator.from_plan


# The pages


def test_the_nord_plan_page_says_first_that_the_roadmap_writes_no_indicator(client, administrator):
    services.plan_load(data=NORD_VIF_2023)
    client.force_login(administrator)

    page = _text(client.get(reverse("indicators:plan_report", args=["NORD-VIF-2023"])))

    notice = page.index('id="provenance-indicateurs"')
    assert notice < page.index("<h2")  # at the top, before the figures
    text = " ".join(re.sub(r"<[^>]+>", " ", page[page.index(">", notice) + 1 :]).split())
    assert text.startswith(
        "Indicateurs proposés par la plateforme. Ce plan n'écrit aucun indicateur. Les 83 "
        "indicateurs présentés ici sont des propositions de la plateforme, chacun pour suivre une "
        "action du plan : ils ne figurent pas dans le plan."
    )
    assert page.count('fr-badge--no-icon">Proposé</span>') == 83
    assert 'fr-badge--no-icon">Issu du plan</span>' not in page


def test_a_faithful_plan_has_no_notice_and_a_badge_on_each_indicator(client, ddfe):
    data = _plan()
    data["axes"][0]["fiches"][0]["indicators"][2].update(
        provenance="plan", reference="Fiche action 1.2"
    )
    services.plan_load(data=data)
    client.force_login(ddfe)

    page = _text(client.get(reverse("indicators:plan_report", args=["TEST-2024"])))

    assert "provenance-indicateurs" not in page
    assert page.count('fr-badge--no-icon">Issu du plan</span>') == 3
    assert 'fr-badge--no-icon">Proposé</span>' not in page


def test_a_plan_with_some_proposals_counts_them_first(client, ddfe):
    services.plan_load(data=_plan())
    client.force_login(ddfe)

    page = _text(client.get(reverse("indicators:plan_report", args=["TEST-2024"])))

    assert "1 indicateur sur 3 est une proposition de la plateforme" in page
    assert page.count('fr-badge--no-icon">Issu du plan</span>') == 2
    assert page.count('fr-badge--no-icon">Proposé</span>') == 1


def test_the_indicator_page_gives_its_provenance_and_where(client, ddfe):
    services.plan_load(data=_plan())
    client.force_login(ddfe)

    def detail(code):
        url = reverse("indicators:indicator_detail", args=["TEST-2024", code])
        page = _text(client.get(url))
        start = page.index('id="provenance"')
        return " ".join(re.sub(r"<[^>]+>", " ", page[start : page.index("</p>", start)]).split())

    assert detail("TEST-2024-1.2-2") == (
        'id="provenance"> Issu du plan Issu du plan : Fiche action 1.2, « Indicateurs retenus ».'
    )
    assert detail("TEST-2024-1.2-3") == (
        'id="provenance"> Proposé Proposé par la plateforme (le plan ne l\'écrit pas) pour '
        "suivre : Action 7 du plan."
    )


def test_the_roll_up_says_how_many_indicators_each_plan_writes_or_proposes(client, administrator):
    services.plan_load(data=_plan())
    nord = copy.deepcopy(SMALL)
    nord.update(code="NORD-TEST", name="Feuille de route d'essai", departement="59")
    services.plan_load(data=nord)
    client.force_login(administrator)

    def plans(territory):
        response = client.get(reverse("indicators:rollup"), {"territoire": territory})
        page = _text(response)
        section = page[page.index("Plans d'action du territoire") :]
        return " ".join(re.sub(r"<[^>]+>", " ", section).split())

    assert "2 indicateurs issus du plan, 1 proposé par la plateforme." in plans("D62")
    assert "Le plan n'écrit aucun indicateur : 3 indicateurs proposés par la plateforme." in plans(
        "D59"
    )


# The files


def test_the_spreadsheets_and_the_workbook_carry_the_provenance(client, ddfe):
    services.plan_load(data=_plan())
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    expected = {
        "TEST-2024-1.2-1": ["Issu du plan", "Fiche action 1.2, « Indicateurs retenus »"],
        "TEST-2024-1.2-2": ["Issu du plan", "Fiche action 1.2, « Indicateurs retenus »"],
        "TEST-2024-1.2-3": ["Proposé", "Action 7 du plan"],
    }

    answer = client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    header, *lines = csv.reader(io.StringIO(answer), delimiter=";")
    column = header.index("Provenance")
    assert header[column + 1] == "Référence dans le plan"
    assert {line[0]: line[column : column + 2] for line in lines} == expected

    def provenances(sheet):
        rows = list(sheet.iter_rows(values_only=True))
        column = rows[0].index("Provenance")
        return {row[0]: list(row[column : column + 2]) for row in rows[1:]}

    xlsx = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    assert provenances(xlsx.active) == expected

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            reverse("indicators:report_export_request", args=["TEST-2024"]),
            {"start": "2024-01-01", "end": "2027-12-31", "export_format": "xlsx"},
        )
    export = ReportExport.objects.get()
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert provenances(workbook["TEST-2024"]) == expected


def test_the_bilan_marks_each_indicator_and_notes_the_proposals(ddfe):
    plan = services.plan_load(data=_plan())
    # A figure for two indicators, so that they are printed fiche by fiche.
    for code in ("TEST-2024-1.2-1", "TEST-2024-1.2-3"):
        indicator = Indicator.objects.get(code=code)
        indicator.measure = "manual"
        indicator.save()
        services.manual_value_enter(
            indicator=indicator,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            value=5,
            comment="",
            by=ddfe,
        )
    rows = selectors.plan_report(plan=plan)

    text = pdf_text(
        exports.bilan_pdf(plan=plan, rows=rows, start=plan.period_start, end=plan.period_end)
    )

    assert (
        "Provenance des indicateurs. 1 indicateur sur 3 est une proposition de la plateforme : "
        "le plan ne l'écrit pas. Les autres sont issus du plan. Chaque indicateur proposé "
        "porte la mention « proposé »"
    ) in text
    assert (
        "TEST-2024-1.2-1 · Chiffre saisi par la DDFE · issu du plan (Fiche action 1.2, "
        "« Indicateurs retenus »)"
    ) in text
    assert "TEST-2024-1.2-3 · Chiffre saisi par la DDFE · proposé (Action 7 du plan)" in text
    # The indicator without a figure, in the grouped list: written in the plan, unmarked.
    assert "TEST-2024-1.2-2 Nombre de personnes formées : 0" in text


def test_the_bilan_of_a_plan_written_in_full_says_so(ddfe):
    data = _plan()
    data["axes"][0]["fiches"][0]["indicators"][2].update(provenance="plan", reference="p. 4")
    plan = services.plan_load(data=data)
    rows = selectors.plan_report(plan=plan)

    text = pdf_text(
        exports.bilan_pdf(plan=plan, rows=rows, start=plan.period_start, end=plan.period_end)
    )

    assert "Provenance des indicateurs. Les 3 indicateurs de ce bilan sont issus du plan" in text
    assert "(proposé)" not in text


# The API


def test_the_api_gives_each_indicator_its_provenance(client, ddfe):
    services.plan_load(data=_plan())
    client.force_login(ddfe)

    data = client.get(reverse("indicators_api:indicators"), {"plan": "TEST-2024"}).json()

    found = {
        item["code"]: (item["provenance"], item["plan_reference"]) for item in data["indicators"]
    }
    assert found == {
        "TEST-2024-1.2-1": ("plan", "Fiche action 1.2, « Indicateurs retenus »"),
        "TEST-2024-1.2-2": ("plan", "Fiche action 1.2, « Indicateurs retenus »"),
        "TEST-2024-1.2-3": ("proposed", "Action 7 du plan"),
    }


def test_the_schema_and_the_guide_describe_the_provenance(client, ddfe):
    services.plan_load(data=_plan())
    client.force_login(ddfe)

    schema = client.get(reverse("indicators_api:openapi")).json()

    item = schema["components"]["schemas"]["IndicatorOut"]
    assert item["properties"]["provenance"]["enum"] == ["plan", "proposed"]
    assert "proposé par la plateforme" in item["properties"]["provenance"]["description"]
    assert "action du plan" in item["properties"]["plan_reference"]["description"]
    assert {"provenance", "plan_reference"} <= set(item["required"])
    guide = _text(client.get(reverse("indicators:api_guide")))
    assert "<code>provenance</code>" in guide and "<code>plan_reference</code>" in guide


def test_the_figures_entered_show_their_indicators_provenance(client, ddfe):
    services.plan_load(data=_plan())
    for code in ("TEST-2024-1.2-1", "TEST-2024-1.2-3"):
        indicator = Indicator.objects.get(code=code)
        services.manual_value_enter(
            indicator=indicator,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            value=5,
            comment="",
            by=ddfe,
        )
    client.force_login(ddfe)

    page = _text(client.get(reverse("indicators:manual_values", args=["TEST-2024"])))

    table = page[page.index('id="chiffres-saisis"') :]
    assert table.count('fr-badge--no-icon">Issu du plan</span>') == 1
    assert table.count('fr-badge--no-icon">Proposé</span>') == 1
