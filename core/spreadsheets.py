"""Spreadsheet exports that open correctly in French software (Excel, LibreOffice).

Excel — the DDFE's and trainers' tool — needs a UTF-8 byte order mark and
semicolons, and reads "66,7" as a number where "66.7" would stay text: the CSV
writer prints every decimal figure with a comma.

Every export of the platform goes through this module (spreadsheet_response for a
table offered in several formats, csv_response for a free-form CSV), so that text
typed by someone (a name, a module title, a comment) can never run as a formula in
the reader's spreadsheet (CSV injection, OWASP): a name "=HYPERLINK(…)" must come
out as that text, not as a link. CSV cells are escaped by defusedcsv; XLSX and
ODS cells are written with their type, text as text, numbers and dates as such.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

# What a spreadsheet may take as the start of a formula, leading tab and carriage
# return included: some software strips them before reading the rest (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Control characters are not allowed in the XML of XLSX and ODS files (openpyxl
# refuses them with an error); they carry nothing a reader needs.
_CONTROL_CHARACTERS = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)


CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _xml_text(value) -> str:
    return str(value).translate(_CONTROL_CHARACTERS)


class _FormulaSafeWriter:
    """A csv writer whose text cells are escaped by defusedcsv, plus the leading tab or
    carriage return that defusedcsv lets through."""

    def __init__(self, stream):
        from defusedcsv import csv as defused

        self._writer = defused.writer(stream, delimiter=";")

    @staticmethod
    def _cell(value):
        if isinstance(value, str) and value[:1] in ("\t", "\r"):
            return "'" + value
        if isinstance(value, (float, Decimal)):
            return number(value)  # "66,7": a number for French Excel
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value.isoformat()
        return value

    def writerow(self, row: Iterable):
        return self._writer.writerow([self._cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]):
        for row in rows:
            self.writerow(row)


def csv_writer(stream) -> _FormulaSafeWriter:
    """Return a `;` csv writer into `stream` whose text cells never read as formulas
    ("=1+1" comes out as "'=1+1"; "-3,5" and numbers stay numbers, decimal figures
    with a comma, dates as YYYY-MM-DD, None as an empty cell)."""
    return _FormulaSafeWriter(stream)


def csv_response(filename: str) -> tuple[HttpResponse, _FormulaSafeWriter]:
    """Return an attachment response and a formula-safe csv writer writing into it."""
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv_writer(response)


def csv_bytes(header: list[str], rows: Iterable[Iterable]) -> bytes:
    """A whole CSV file (BOM, `;`, formula-safe) as bytes, for a file kept to download."""
    import io

    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv_writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


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


def _sheet_title(title) -> str:
    """A sheet name Excel accepts: 31 characters at most, none of \\ * ? : / [ ]
    (an institution's name such as "Brigade de Lens / Liévin" would be refused)."""
    return re.sub(r"[\\*?:/\[\]]", " ", _xml_text(title))[:31].strip() or "Feuille"


def _xlsx_write(cell, value) -> None:
    """Give an openpyxl cell its value and its type: numbers, dates and booleans as
    such, anything else as text, even "=1+1" (openpyxl would make it a formula) or
    "#N/A" (an error value)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
    if value is None or isinstance(value, bool) or _is_number(value):
        cell.value = value
    elif isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        cell.value = value
    else:
        text = _xml_text(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_STARTS):
            # The quote prefix keeps it text when someone edits the cell in Excel.
            cell.quotePrefix = True


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """An XLSX workbook (numbers stay numbers, text stays text), built with openpyxl."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for item in sheets:
        sheet = workbook.create_sheet(_sheet_title(item.title))
        for row_number, values in enumerate([item.header, *item.rows], start=1):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row_number, column=column)
                _xlsx_write(cell, value)
                if row_number == 1:
                    cell.font = bold
        sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ods_bytes(sheets: list[Sheet]) -> bytes:
    """An OpenDocument spreadsheet (LibreOffice, the State's default suite), built with
    odfpy; numbers are typed as numbers, dates as dates, anything else as a string
    cell (never a formula)."""
    from io import BytesIO

    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def cell(value) -> TableCell:
        if value is None or value == "":
            return TableCell()
        if _is_number(value):
            item = TableCell(valuetype="float", value=str(value))
        elif isinstance(value, datetime.date):
            item = TableCell(valuetype="date", datevalue=value.isoformat())
        else:
            item = TableCell(valuetype="string")
        item.addElement(P(text=_xml_text(value)))
        return item

    document = OpenDocumentSpreadsheet()
    for item in sheets:
        table = Table(name=_sheet_title(item.title))
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


SPREADSHEET_FORMATS = ("csv", "xlsx", "ods")


def spreadsheet_response(export_format: str, filename: str, sheets: list[Sheet]) -> HttpResponse:
    """Return `sheets` as an attachment `<filename>.<export_format>` (csv, xlsx or ods).

    A CSV file has no sheets: each one's header and lines follow the previous
    sheet's after an empty line.
    """
    if export_format == "xlsx":
        return _attachment(xlsx_bytes(sheets), XLSX_CONTENT_TYPE, f"{filename}.xlsx")
    if export_format == "ods":
        return _attachment(ods_bytes(sheets), ODS_CONTENT_TYPE, f"{filename}.ods")
    if export_format != "csv":
        raise ValueError(f"Unknown spreadsheet format: {export_format!r}")
    response, writer = csv_response(f"{filename}.csv")
    for index, sheet in enumerate(sheets):
        if index:
            writer.writerow([])
        writer.writerow(sheet.header)
        writer.writerows(sheet.rows)
    return response


def plain(text: str) -> str:
    """Lower case without accents or surrounding spaces ("Prénom " → "prenom")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", (text or "").strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
