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
