"""The report filtered on an arrondissement, and the documents built by Celery (the PDF
bilan, the detailed workbooks) for the period and territory shown."""

import html
import io
from datetime import date

import pytest
from django.test import TestCase
from django.urls import reverse

from accounts.tests.factories import UserFactory
from indicators import selectors, services
from indicators.models import Indicator, ManualValue, ReportExport

from .test_counting import YEAR_2025, dataset  # noqa: F401 - the hand-counted dataset

pytestmark = pytest.mark.django_db


def test_a_territory_counts_the_people_trained_there(dataset):  # noqa: F811
    plan, a, b = dataset["plan"], dataset["a"], dataset["b"]
    lens = selectors.people_trained_by_indicator(
        plan=plan, start=YEAR_2025[0], end=YEAR_2025[1], arrondissement="627"
    )
    assert lens == {a.pk: 2, b.pk: 1}  # X and W; Y was trained in Arras
    arras = selectors.people_trained_by_indicator(
        plan=plan, start=YEAR_2025[0], end=YEAR_2025[1], arrondissement="621"
    )
    assert arras == {a.pk: 1}


def test_a_move_does_not_shift_past_figures(dataset):  # noqa: F811
    y = dataset["y"]
    y.arrondissement_id = "627"
    y.save()
    lens = selectors.people_trained_by_indicator(
        plan=dataset["plan"], start=YEAR_2025[0], end=YEAR_2025[1], arrondissement="627"
    )
    assert lens[dataset["a"].pk] == 2  # Y still counts where the training took place


def test_departement_wide_figures_are_not_passed_off_as_a_territory(dataset, ddfe):  # noqa: F811
    manual = Indicator.objects.get(code="TEST-2024-1.2-3")
    manual.measure = "manual"
    manual.save()
    services.manual_value_enter(
        indicator=manual,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        value=12,
        comment="",
        by=ddfe,
    )
    assert ManualValue.objects.count() == 1
    whole = {r.indicator.code: r for r in selectors.plan_report(plan=dataset["plan"])}
    assert whole["TEST-2024-1.2-3"].value == 12
    lens = {
        r.indicator.code: r
        for r in selectors.plan_report(plan=dataset["plan"], arrondissement="627")
    }
    assert lens["TEST-2024-1.2-3"].value is None
    assert lens["TEST-2024-1.2-3"].not_by_territory
    assert "non ventilé par arrondissement" in lens["TEST-2024-1.2-3"].counting_rule


def test_the_ddfe_filters_the_report_on_an_arrondissement(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"year": "2025", "arrondissement": "627"})
    page = html.unescape(response.content.decode())
    assert "Chiffres du 1er janvier 2025 au 31 décembre 2025 · Arrondissement de Lens." in page
    assert response.context["charts"][0]["rows"][0] == {
        "label": "Nombre de personnes formées",
        "count": 2,
        "percent": 100,
    }
    # The drill-down keeps the territory.
    link = reverse("indicators:indicator_detail", args=["TEST-2024", "TEST-2024-1.2-2"])
    assert f"{link}?start=2025-01-01&end=2025-12-31&arrondissement=627" in page
    detail = client.get(link, {"start": "2025-01-01", "end": "2025-12-31", "arrondissement": "627"})
    assert detail.context["total"] == 2
    assert {a["title"]: a["count"] for a in detail.context["activities"]} == {
        "Continuum": 2,
        "Psychotrauma": 1,
    }


def test_an_arrondissement_of_another_departement_is_refused(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"year": "2025", "arrondissement": "595"})
    assert response.context["arrondissement"] == ""  # the whole département, with an error
    assert response.context["form"].errors["arrondissement"]


def test_the_spreadsheet_export_carries_the_territory(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(
        url,
        {"start": "2025-01-01", "end": "2025-12-31", "arrondissement": "621", "format": "csv"},
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].endswith(";Territoire")
    figures = {line.split(";")[0]: line.split(";") for line in lines[1:]}
    assert figures["TEST-2024-1.2-2"][4] == "1"
    assert figures["TEST-2024-1.2-2"][-1] == "Arrondissement d'Arras"
    assert "621" in response["Content-Disposition"]


def _request_export(client, **data):
    url = reverse("indicators:report_export_request", args=["TEST-2024"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {"start": "2025-01-01", "end": "2025-12-31", **data})


def test_asking_twice_makes_one_export_whose_page_shows_its_progress(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators:report_export_request", args=["TEST-2024"])
    data = {"start": "2025-01-01", "end": "2025-12-31", "export_format": "xlsx"}
    with TestCase.captureOnCommitCallbacks(execute=False):
        first, second = client.post(url, data), client.post(url, data)  # a double click
    assert first["Location"] == second["Location"]
    export = ReportExport.objects.get()
    page = html.unescape(client.get(first["Location"]).content.decode())
    assert f"Préparation en cours : étape 0 sur {export.total}." in page
    assert "reload-while-pending.js" in page
    # Another format is another export.
    with TestCase.captureOnCommitCallbacks(execute=False):
        client.post(url, {**data, "export_format": "ods"})
    assert ReportExport.objects.count() == 2


def test_the_detailed_workbook_has_a_sheet_per_breakdown(client, ddfe, dataset):  # noqa: F811
    from openpyxl import load_workbook

    client.force_login(ddfe)
    _request_export(client, export_format="xlsx")
    export = ReportExport.objects.get()
    assert export.status == "ready" and export.percent == 100
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames == [
        "TEST-2024",
        "Par activité",
        "Par profession",
        "Par arrondissement",
        "Par nature",
        "Par modalité",
        "Par mois",
    ]
    figures = {
        row[0]: row[4] for row in workbook["TEST-2024"].iter_rows(min_row=2, values_only=True)
    }
    assert figures["TEST-2024-1.2-2"] == 3 and figures["TEST-2024-1.2-1"] == 1
    by_place = {
        (row[0], row[2]): row[3]
        for row in workbook["Par arrondissement"].iter_rows(min_row=2, values_only=True)
    }
    assert by_place == {
        ("TEST-2024-1.2-2", "Lens"): 2,
        ("TEST-2024-1.2-2", "Arras"): 1,
        ("TEST-2024-1.2-1", "Lens"): 1,
    }
    activities = [
        (r[0], r[2], r[4]) for r in workbook["Par activité"].iter_rows(min_row=2, values_only=True)
    ]
    assert ("TEST-2024-1.2-2", "Continuum", 3) in activities  # X, Y, W
    assert ("TEST-2024-1.2-1", "Psychotrauma", 1) in activities


def test_the_ods_workbook_opens(client, ddfe, dataset):  # noqa: F811
    from odf.opendocument import load
    from odf.table import Table

    client.force_login(ddfe)
    _request_export(client, export_format="ods")
    export = ReportExport.objects.get()
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    document = load(io.BytesIO(b"".join(download.streaming_content)))
    names = [t.getAttribute("name") for t in document.spreadsheet.getElementsByType(Table)]
    assert names[0] == "TEST-2024" and "Par mois" in names


def test_a_failed_build_is_reported_on_the_page(client, ddfe, dataset, monkeypatch):  # noqa: F811
    from indicators import exports

    def broken(**kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(exports, "bilan_pdf", broken)
    client.force_login(ddfe)
    with pytest.raises(RuntimeError):
        _request_export(client, export_format="pdf")
    export = ReportExport.objects.get()
    assert export.status == "failed" and "disque plein" in export.error
    page = html.unescape(
        client.get(reverse("indicators:report_export", args=[export.pk])).content.decode()
    )
    assert "La préparation du document a échoué." in page
    download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
    assert download.status_code == 404


def test_only_the_requester_reads_an_export(client, ddfe, learner, dataset):  # noqa: F811
    from accounts.constants import Role

    client.force_login(ddfe)
    _request_export(client, export_format="xlsx")
    export = ReportExport.objects.get()
    names = ("indicators:report_export", "indicators:report_export_download")
    # Another DDFE referent: the export is not theirs (no hint that it exists).
    client.force_login(UserFactory(role=Role.DDFE))
    for name in names:
        assert client.get(reverse(name, args=[export.pk])).status_code == 404
    client.force_login(learner)
    for name in names:
        assert client.get(reverse(name, args=[export.pk])).status_code == 403


def test_a_learner_cannot_ask_for_an_export(client, learner, dataset):  # noqa: F811
    client.force_login(learner)
    response = _request_export(client, export_format="pdf")
    assert response.status_code == 403
    assert not ReportExport.objects.exists()


def test_a_bad_format_is_refused_with_a_message(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    response = _request_export(client, export_format="docx")
    assert response.status_code == 302
    assert not ReportExport.objects.exists()
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert "Export impossible" in page


def test_the_api_counts_one_arrondissement(client, ddfe, dataset):  # noqa: F811
    client.force_login(ddfe)
    url = reverse("indicators_api:indicators")
    query = {"plan": "TEST-2024", "from": "2025-01-01", "to": "2025-12-31"}
    data = client.get(url, {**query, "arrondissement": "627", "by": "profession"}).json()
    assert data["arrondissement"] == "627"
    items = {item["code"]: item for item in data["indicators"]}
    assert items["TEST-2024-1.2-2"]["value"] == 2
    assert sum(items["TEST-2024-1.2-2"]["breakdown"].values()) == 2
    refused = client.get(url, {**query, "arrondissement": "595"})
    assert refused.status_code == 400
    assert "Arrondissement inconnu" in refused.json()["erreur"]


def _every_report_url(export_id: int) -> list[tuple[str, str]]:
    """(method, url) of every page of the indicators app, read from its URL patterns so
    that a page added later is checked too."""
    from indicators import urls

    arguments = {
        "code": "TEST-2024",
        "indicator_code": "TEST-2024-1.2-2",
        "export_id": export_id,
        "mapping_id": 999999,
    }
    result = []
    for pattern in urls.urlpatterns:
        names = pattern.pattern.converters.keys()
        url = reverse(f"indicators:{pattern.name}", kwargs={n: arguments[n] for n in names})
        result += [("get", url), ("post", url)]
    return result


@pytest.mark.parametrize("role", [None, "structure_accueil", "formateur", "redacteur"])
def test_learners_hosts_and_trainers_get_403_on_every_report_url(client, ddfe, dataset, role):  # noqa: F811
    client.force_login(ddfe)
    _request_export(client, export_format="xlsx")
    export = ReportExport.objects.get()
    client.force_login(UserFactory(role=role))
    for method, url in _every_report_url(export.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 403, (method, url, response.status_code)


def test_every_export_keeps_labels_and_titles_as_text(client, ddfe, dataset):  # noqa: F811
    from core.tests.spreadsheet_checks import (
        PAYLOAD,
        assert_csv_neutralised,
        assert_ods_neutralised,
        assert_xlsx_neutralised,
    )
    from indicators.models import Participation

    Indicator.objects.filter(pk=dataset["a"].pk).update(label=PAYLOAD)
    Participation.objects.update(activity_title="-1+1 Continuum")  # from imported files
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    period = {"start": "2025-01-01", "end": "2025-12-31"}
    assert_csv_neutralised(client.get(url, {**period, "format": "csv"}).content)
    assert_xlsx_neutralised(client.get(url, {**period, "format": "xlsx"}).content)
    assert_ods_neutralised(client.get(url, {**period, "format": "ods"}).content)

    # The detailed workbooks, built by Celery.
    for export_format, check in (
        ("xlsx", assert_xlsx_neutralised),
        ("ods", assert_ods_neutralised),
    ):
        _request_export(client, export_format=export_format)
        export = ReportExport.objects.latest("pk")
        download = client.get(reverse("indicators:report_export_download", args=[export.pk]))
        content = b"".join(download.streaming_content)
        check(content)
        check(content, "-1+1 Continuum")
