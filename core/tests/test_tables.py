"""The table reader of every import: garbage files get a French message, limits are
checked while reading (it stops at the first line over a limit, never reads on)."""

import io
import os
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.imports import reading as tables
from core.imports.reading import Limits, read_table, upload_check

COLUMNS = ["email", "nom"]


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _ods(rows) -> bytes:
    from core.spreadsheets import Sheet, ods_bytes

    return ods_bytes([Sheet(title="Liste", header=rows[0], rows=rows[1:])])


def _ods_content(table_xml: str) -> bytes:
    """An ODS whose first sheet is `table_xml` (rows as a spreadsheet writes them)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:spreadsheet><table:table>{table_xml}</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
        }
    )


TEN_ROWS = Limits(rows=10)


def _message(data: bytes, filename="liste.xlsx", limits=TEN_ROWS) -> str:
    with pytest.raises(ValidationError) as caught:
        read_table(data, filename, columns=COLUMNS, limits=limits)
    return caught.value.messages[0]


def test_csv_and_xlsx_lists_are_read_alike():
    rows = [["Email", "Nom "], ["a@b.fr", "Ana"], ["", ""], ["c@d.fr", "Céline"]]
    csv = "\ufeffEmail;Nom \na@b.fr;Ana\n;\nc@d.fr;Céline\n".encode()
    expected = [(2, {"email": "a@b.fr", "nom": "Ana"}), (4, {"email": "c@d.fr", "nom": "Céline"})]
    assert read_table(_xlsx(rows), "l.xlsx", columns=COLUMNS, limits=Limits(rows=3)) == expected
    assert read_table(csv, "l.csv", columns=COLUMNS, limits=Limits(rows=3)) == expected


@pytest.mark.parametrize(
    "data, message",
    [
        (os.urandom(2048), "n'est pas un classeur XLSX"),
        (_zip({"photo.jpg": b"\xff\xd8"}), "n'est pas un classeur XLSX"),
        (
            _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "classeur OpenDocument (ODS)",
        ),
        (bytes.fromhex("D0CF11E0A1B11AE1") + os.urandom(2048), "protégé par un mot de passe"),
        (
            _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<pas du xml"}),
            "Fichier illisible",
        ),
        (b"", "n'est pas un classeur XLSX"),
    ],
    ids=["random-bytes", "other-zip", "ods-renamed", "password-protected", "broken", "empty"],
)
def test_a_file_that_is_no_workbook_gets_a_french_message(data, message):
    assert message in _message(data)


def test_an_ods_is_read_like_the_others():
    rows = [["Email", "Nom "], ["a@b.fr", "Ana"], ["", ""], ["c@d.fr", "Céline"]]
    expected = [(2, {"email": "a@b.fr", "nom": "Ana"}), (4, {"email": "c@d.fr", "nom": "Céline"})]
    assert read_table(_ods(rows), "l.ods", columns=COLUMNS, limits=Limits(rows=3)) == expected


def _cell(text: str, extra: str = "") -> str:
    return f"<table:table-cell {extra}><text:p>{text}</text:p></table:table-cell>"


def test_an_ods_dates_spaces_and_trailing_empty_rows_are_read_as_shown():
    """A date reads as ISO (like XLSX), text:s is spaces, and the million empty rows a
    sheet claims at its end are never expanded (nor count against the limit)."""
    table = (
        f"<table:table-row>{_cell('email')}{_cell('nom')}{_cell('date')}</table:table-row>"
        "<table:table-row>"
        + _cell("a@b.fr")
        + _cell('Le<text:s text:c="2"/>Roux')
        + _cell("04/03/2025", 'office:value-type="date" office:date-value="2025-03-04"')
        + '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048570">'
        "<table:table-cell/></table:table-row>"
    )
    assert read_table(
        _ods_content(table), "l.ods", columns=[*COLUMNS, "date"], limits=Limits(rows=5)
    ) == [(2, {"email": "a@b.fr", "nom": "Le  Roux", "date": "2025-03-04"})]


def test_an_ods_is_refused_at_the_first_line_over_the_limit_not_read_to_the_end(monkeypatch):
    """A repeated row is expanded a line at a time: 1,000,000 claimed lines stop at N + 1."""
    pulled = []
    real = tables._ods_lines

    def counting(data, limits):
        for row in real(data, limits):
            pulled.append(row)
            yield row

    monkeypatch.setattr(tables, "_ods_lines", counting)
    table = (
        f"<table:table-row>{_cell('email')}{_cell('nom')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1000000">{_cell("a@b.fr")}{_cell("A")}'
        "</table:table-row>"
    )
    assert "Trop de lignes" in _message(_ods_content(table), "liste.ods", limits=Limits(rows=50))
    assert len(pulled) == 52


@pytest.mark.parametrize(
    "data, message",
    [
        (os.urandom(2048), "n'est pas un classeur ODS"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), "pas un classeur"),
        (_zip({"content.xml": b"<pas du xml"}), "Fichier illisible"),
        (
            _zip({"content.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}),
            "Fichier illisible",
        ),
        (_zip({"content.xml": b" " * (3 * 1024 * 1024)}), "trop volumineux une fois"),
    ],
    ids=["random-bytes", "no-content", "broken", "doctype", "bomb"],
)
def test_an_ods_that_is_none_gets_a_french_message(data, message):
    limits = Limits(rows=10, unzipped_bytes=2 * 1024 * 1024)
    assert message in _message(data, "liste.ods", limits)


def test_an_xlsx_is_refused_after_one_line_too_many_not_read_to_the_end(monkeypatch):
    """A small zip can expand to 300,000 rows: the reader stops at N + 1 lines."""
    pulled = []
    real = tables._xlsx_lines

    def counting(data, limits):
        for row in real(data, limits):
            pulled.append(row)
            yield row

    monkeypatch.setattr(tables, "_xlsx_lines", counting)
    data = _xlsx([["email", "nom"], *([f"p{i}@b.fr", "X"] for i in range(5000))])
    assert _message(data, limits=Limits(rows=10)) == "Trop de lignes : 10 au plus par fichier."
    assert len(pulled) == 12  # the header, 10 lines and the one too many


def test_empty_rows_a_workbook_claims_count_too(monkeypatch):
    """A sheet may claim a million rows with one cell at the end: openpyxl would yield
    every empty row in between; they are counted as they come."""
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1048576"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>nom</t></is></c></row>'
        b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    data = _xlsx([["email", "nom"]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    assert "Trop de lignes" in _message(_zip(members), limits=Limits(rows=1000))


def test_an_xlsx_expanding_past_the_limit_is_refused_before_it_is_opened(monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/sharedStrings.xml": b" " * (3 * 1024 * 1024),  # 3 MB of blanks, a few KB zipped
        }
    )
    assert len(bomb) < 20_000
    message = _message(bomb, limits=Limits(rows=10, unzipped_bytes=2 * 1024 * 1024))
    assert message == "Classeur trop volumineux une fois décompressé : 2 Mo au plus."


def test_a_csv_is_refused_as_soon_as_it_has_too_many_lines(monkeypatch):
    pulled = []
    real = tables._csv_lines

    def counting(data):
        for row in real(data):
            pulled.append(row)
            yield row

    monkeypatch.setattr(tables, "_csv_lines", counting)
    data = ("email;nom\n" + "a@b.fr;A\n" * 100_000).encode()
    assert "Trop de lignes" in _message(data, "liste.csv", limits=Limits(rows=50))
    assert len(pulled) == 52


@pytest.mark.parametrize("filename", ["liste.csv", "liste.xlsx", "liste.ods"])
def test_too_many_columns_or_too_long_a_cell_is_refused_with_its_line(filename):
    def file(rows):
        if filename.endswith(".xlsx"):
            return _xlsx(rows)
        if filename.endswith(".ods"):
            return _ods(rows)
        return "\n".join(";".join(row) for row in rows).encode()

    limits = Limits(rows=10, columns=4, cell_chars=20)
    wide = file([["email", "nom"], ["a@b.fr", "A", "", "", "trop"]])
    assert _message(wide, filename, limits) == "Ligne 2 : trop de colonnes (4 au plus)."
    long = file([["email", "nom"], ["a@b.fr", "A"], ["c@d.fr", "x" * 21]])
    assert _message(long, filename, limits) == "Ligne 3 : une cellule dépasse 20 caractères."
    # Trailing empty cells (a spreadsheet's formatted but empty columns) are no columns.
    fine = file([["email", "nom", "", "", "", "", ""], ["a@b.fr", "A", "", "", "", ""]])
    assert read_table(fine, filename, columns=COLUMNS, limits=limits) == [
        (2, {"email": "a@b.fr", "nom": "A"})
    ]


def test_a_file_over_the_size_limit_is_refused_unread():
    upload = SimpleUploadedFile("liste.csv", b"x" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="Fichier trop volumineux : 1 Mo au plus"):
        upload_check(upload, limits=Limits(rows=1, file_bytes=1024 * 1024))
    with pytest.raises(ValidationError, match="Format non pris en charge"):
        upload_check(SimpleUploadedFile("liste.pdf", b"x"), limits=Limits(rows=1))
    assert "Fichier trop volumineux" in _message(
        b"x" * 2048, "liste.csv", limits=Limits(rows=1, file_bytes=1024)
    )


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252", "mac_roman", "utf-16"], ids=str
)
def test_a_csv_saved_by_french_excel_is_read_with_its_accents(encoding):
    """Excel for Windows saves "CSV (séparateur : point-virgule)" in Windows-1252: the
    file is read, accents intact, rather than refused whole."""
    text = "Email;Nom\nh.lefevre@b.fr;Infirmière à Béthune, « été » 2025\nc@d.fr;Hélène Œuvre\n"
    if encoding == "mac_roman":
        text = text.replace("«", "").replace("»", "")
    rows = read_table(text.encode(encoding), "liste.csv", columns=COLUMNS, limits=TEN_ROWS)
    assert [row["nom"] for _line, row in rows] == [
        text.splitlines()[1].split(";")[1],
        "Hélène Œuvre",
    ]


def test_a_csv_in_no_known_encoding_is_refused_with_a_french_message():
    garbage = bytes(range(256)) * 8
    assert "Fichier illisible" in _message(garbage, "liste.csv")


def test_the_encoding_is_checked_without_reading_the_lines_past_the_limit(monkeypatch):
    """Detecting the encoding does not read the lines: a Windows-1252 file with too
    many lines is still refused at the first line over the limit."""
    pulled = []
    real = tables._csv_lines

    def counting(data):
        for row in real(data):
            pulled.append(row)
            yield row

    monkeypatch.setattr(tables, "_csv_lines", counting)
    data = ("email;nom\n" + "a@b.fr;Hélène\n" * 100_000).encode("cp1252")
    assert "Trop de lignes" in _message(data, "liste.csv", limits=Limits(rows=50))
    assert len(pulled) == 52
