"""Spreadsheet exports that open correctly in French software (Excel, LibreOffice).

Excel — the DDFE's and trainers' tool — needs a UTF-8 byte order mark and
semicolons, and reads "66,7" as a number where "66.7" would stay text.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpResponse


def csv_response(filename: str) -> tuple[HttpResponse, "csv._writer"]:
    """Return an attachment response and a `csv.writer` writing into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")


def number(value) -> str:
    """A decimal figure with a comma, or an empty cell for None."""
    return "" if value is None else str(value).replace(".", ",")


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS_CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass
class Sheet:
    """One sheet of a workbook: its name, a bold header line and the data lines."""

    title: str
    header: list[str]
    rows: Iterable


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """An XLSX workbook (numbers stay numbers), built with openpyxl."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for item in sheets:
        sheet = workbook.create_sheet(item.title[:31])  # Excel's limit for a sheet name
        sheet.append(item.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in item.rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ods_bytes(sheets: list[Sheet]) -> bytes:
    """An OpenDocument spreadsheet (LibreOffice, the State's default suite), built with
    odfpy; numbers are typed as numbers, dates as dates."""
    import datetime
    from decimal import Decimal
    from io import BytesIO

    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def cell(value) -> TableCell:
        if value is None or value == "":
            return TableCell()
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, (int, float, Decimal)):
            item = TableCell(valuetype="float", value=str(value))
        elif isinstance(value, datetime.date):
            item = TableCell(valuetype="date", datevalue=value.isoformat())
        else:
            item = TableCell(valuetype="string")
        item.addElement(P(text=str(value)))
        return item

    document = OpenDocumentSpreadsheet()
    for item in sheets:
        table = Table(name=item.title[:31])
        for values in [item.header, *item.rows]:
            row = TableRow()
            for value in values:
                row.addElement(cell(value))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(filename: str, *, title: str, header: list[str], rows) -> HttpResponse:
    """Return an XLSX attachment of one sheet."""
    return _attachment(xlsx_bytes([Sheet(title, header, rows)]), XLSX_CONTENT_TYPE, filename)


def ods_response(filename: str, *, title: str, header: list[str], rows) -> HttpResponse:
    """Return an OpenDocument spreadsheet attachment of one sheet."""
    return _attachment(ods_bytes([Sheet(title, header, rows)]), ODS_CONTENT_TYPE, filename)


def read_rows(data: bytes, filename: str) -> list[list[str]]:
    """The lines of an uploaded CSV (`;` or `,`, UTF-8 with or without BOM) or XLSX file,
    as lists of strings (dates as YYYY-MM-DD). Raises UnicodeDecodeError, csv.Error,
    ValueError, OSError or KeyError on an unreadable file."""
    import io

    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        return [
            [
                ""
                if cell is None
                else (cell.isoformat()[:10] if hasattr(cell, "isoformat") else str(cell))
                for cell in row
            ]
            for row in sheet.iter_rows(values_only=True)
        ]
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


UNREADABLE = (UnicodeDecodeError, csv.Error, ValueError, OSError, KeyError)


def plain(text: str) -> str:
    """Lower case without accents or surrounding spaces ("Prénom " → "prenom")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", (text or "").strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def read_table(
    data: bytes, filename: str, *, columns: list[str], max_rows: int
) -> list[tuple[int, dict[str, str]]]:
    """The lines of an uploaded list as (line number, {column: value}), blank lines
    skipped; the first line names the columns (any order, case and accents ignored).

    Raises ValidationError with a French message for an unreadable or empty file, a
    missing column or too many lines: one place for every import of the platform.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    try:
        table = read_rows(data, filename)
    except UNREADABLE as exc:
        raise ValidationError(
            _("Fichier illisible : enregistrez-le en CSV (UTF-8) ou en XLSX (%(detail)s).")
            % {"detail": type(exc).__name__}
        ) from exc
    if not table or not any(cell.strip() for cell in table[0]):
        raise ValidationError(_("Le fichier est vide."))
    header = [plain(cell) for cell in table[0]]
    missing = [column for column in columns if column not in header]
    if missing:
        raise ValidationError(
            _("Colonnes manquantes : %(columns)s. Attendu : %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ";".join(columns)}
        )
    if len(table) - 1 > max_rows:
        raise ValidationError(
            _("Trop de lignes (%(count)s) : %(max)s au plus par fichier.")
            % {"count": len(table) - 1, "max": max_rows}
        )
    position = {column: header.index(column) for column in header if column}
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(
            (
                line,
                {
                    column: (cells[index].strip() if index < len(cells) else "")
                    for column, index in position.items()
                },
            )
        )
    return rows
