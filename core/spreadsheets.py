"""CSV exports that open correctly in French spreadsheets (Excel, LibreOffice).

Excel — the DDFE's and trainers' tool — needs a UTF-8 byte order mark and
semicolons, and reads "66,7" as a number where "66.7" would stay text.
"""

import csv

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


def xlsx_response(filename: str, *, title: str, header: list[str], rows) -> HttpResponse:
    """Return an XLSX attachment of one sheet (numbers stay numbers), built with openpyxl."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


ODS_CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def ods_response(filename: str, *, title: str, header: list[str], rows) -> HttpResponse:
    """Return an OpenDocument spreadsheet (LibreOffice, the State's default suite), built
    with odfpy; numbers are typed as numbers, dates as dates."""
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
    table = Table(name=title[:31])
    for values in [header, *rows]:
        row = TableRow()
        for value in values:
            row.addElement(cell(value))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = BytesIO()
    document.write(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=ODS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
