"""Every export goes through core.spreadsheets: text typed by someone never runs as a
formula in the reader's spreadsheet, numbers and dates keep their type."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from core.spreadsheets import (
    Sheet,
    csv_bytes,
    csv_response,
    ods_bytes,
    spreadsheet_response,
    xlsx_bytes,
)

from .spreadsheet_checks import (
    PAYLOAD,
    PAYLOADS,
    assert_csv_neutralised,
    assert_ods_neutralised,
    assert_xlsx_neutralised,
    csv_cells,
    csv_is_formula_free,
)


def _figures():
    return [-3, Decimal("-2.5"), "-2,5", date(2026, 3, 31)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_that_would_start_a_formula_are_quoted(payload):
    content = csv_bytes(["Nom"], [[payload], _figures()])
    cells = csv_cells(content)
    assert cells[1].startswith("'") and cells[1][1:].replace("\\|", "|") == payload
    # Negative numbers, typed or already written with a decimal comma, stay numbers;
    # decimal figures are written with a comma, as French Excel reads them.
    assert cells[2:] == ["-3", "-2,5", "-2,5", "2026-03-31"]
    assert csv_is_formula_free(content)


def test_csv_responses_use_the_same_writer():
    response, writer = csv_response("liste.csv")
    writer.writerow(["=1+1", -1])
    assert response.content.decode("utf-8-sig") == "'=1+1;-1\r\n"


def test_xlsx_writes_text_as_text_and_figures_as_figures():
    from openpyxl import load_workbook

    payloads = [*PAYLOADS, "#N/A", "bip\x07"]
    rows = [[p] for p in payloads] + [_figures()]
    content = xlsx_bytes([Sheet("=Brigade de Lens / Liévin [62]", ["=Titre"], rows)])
    xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "=Brigade de Lens   Liévin  62"  # no character Excel refuses
    cells = [row[0] for row in sheet.iter_rows(min_row=2, max_row=len(payloads) + 1)]
    # (XML reads a carriage return back as a line feed.)
    assert [cell.value for cell in cells] == [
        *(p.replace("\r", "\n") for p in PAYLOADS),
        "#N/A",
        "bip",
    ]
    assert {cell.data_type for cell in cells} == {"s"}
    assert cells[0].quotePrefix  # stays text when edited in Excel
    figures = next(sheet.iter_rows(min_row=len(payloads) + 2))
    assert [cell.value for cell in figures[:3]] == [-3, -2.5, "-2,5"]
    assert [cell.data_type for cell in figures[:2]] == ["n", "n"]
    assert figures[3].is_date and figures[3].value.date() == date(2026, 3, 31)


def test_ods_writes_text_as_string_cells_and_figures_as_figures():
    from odf import teletype
    from odf.opendocument import load
    from odf.table import TableCell

    content = ods_bytes([Sheet("Feuille", ["Nom"], [[p] for p in PAYLOADS] + [_figures()])])
    cells = load(io.BytesIO(content)).spreadsheet.getElementsByType(TableCell)
    typed = [(teletype.extractText(cell), cell.getAttribute("valuetype")) for cell in cells]
    texts = {text for text, kind in typed if kind == "string"}
    assert {"=1+1", "+1", "-1+1", "@SUM(1)", PAYLOADS[0]} <= texts
    assert not any(cell.getAttribute("formula") for cell in cells)
    assert ("-3", "float") in typed and ("-2.5", "float") in typed
    assert ("2026-03-31", "date") in typed


def test_csv_is_for_french_excel_bom_semicolons_and_decimal_commas():
    content = csv_bytes(
        ["Nom", "Taux (%)", "Score", "Personnes", "Le", "Vide"],
        [["Lens", Decimal("66.70"), 12.5, 3, date(2026, 3, 31), None]],
    )
    assert content.startswith("\ufeff".encode())  # Excel then reads UTF-8
    lines = content.decode("utf-8-sig").splitlines()
    assert lines == ["Nom;Taux (%);Score;Personnes;Le;Vide", "Lens;66,70;12,5;3;2026-03-31;"]


def _sheets():
    rows = [[PAYLOAD, Decimal("2.5")], ["-1+1 Continuum", 3]]
    return [Sheet("=Premier", ["Nom", "Chiffre"], rows), Sheet("Second", ["Autre"], [["+1"]])]


def test_one_entry_point_answers_every_format():
    expected = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
    }
    for export_format, content_type in expected.items():
        response = spreadsheet_response(export_format, "bilan-59", _sheets())
        assert response["Content-Type"] == content_type
        disposition = f'attachment; filename="bilan-59.{export_format}"'
        assert response["Content-Disposition"] == disposition
    with pytest.raises(ValueError):
        spreadsheet_response("docx", "bilan-59", _sheets())


def test_the_csv_of_several_sheets_follows_them_one_after_another():
    content = spreadsheet_response("csv", "bilan", _sheets()).content
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Nom;Chiffre" and lines[2] == "'-1+1 Continuum;3"
    assert lines[3:] == ["", "Autre", "'+1"]
    assert ";2,5" in lines[1]


@pytest.mark.parametrize(
    "export_format, check",
    [
        ("csv", assert_csv_neutralised),
        ("xlsx", assert_xlsx_neutralised),
        ("ods", assert_ods_neutralised),
    ],
)
def test_every_format_of_the_entry_point_neutralises_formulas(export_format, check):
    content = spreadsheet_response(export_format, "bilan", _sheets()).content
    check(content)
    check(content, "-1+1 Continuum")
