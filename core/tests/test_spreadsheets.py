"""Every export goes through core.spreadsheets: text typed by someone never runs as a
formula in the reader's spreadsheet, numbers and dates keep their type."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from core.spreadsheets import Sheet, csv_bytes, csv_response, ods_bytes, xlsx_bytes

from .spreadsheet_checks import PAYLOADS, csv_cells, csv_is_formula_free


def _figures():
    return [-3, Decimal("-2.5"), "-2,5", date(2026, 3, 31)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_that_would_start_a_formula_are_quoted(payload):
    content = csv_bytes(["Nom"], [[payload], _figures()])
    cells = csv_cells(content)
    assert cells[1].startswith("'") and cells[1][1:].replace("\\|", "|") == payload
    # Negative numbers, typed or already written with a decimal comma, stay numbers.
    assert cells[2:] == ["-3", "-2.5", "-2,5", "2026-03-31"]
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
