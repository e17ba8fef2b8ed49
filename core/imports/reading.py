"""One table reader for every import: the lines of an uploaded CSV, XLSX or ODS file.

Limits are checked while the file is read, never after: a 240 KB XLSX can expand to
300,000 rows (or claim a million empty ones), and reading it whole before counting
held a request for minutes. So the upload's size is checked before a byte is read,
a workbook's declared uncompressed size (XLSX or ODS) before it is opened, and every
line as it
comes (how many, how many columns, how long a cell): reading stops at the first
line over a limit. An ODS is read as a stream (core.imports.ods), never built whole in
memory. A file that is not what its name says (random bytes, a zip that is no
workbook, an ODS or a password-protected workbook renamed .xlsx) gets a French
message saying what to do, never an error page.

A CSV is read as UTF-8 (with or without BOM) first; a file that is not UTF-8 is
most often one saved by French Excel ("CSV (séparateur : point-virgule)"), in
Windows-1252: its encoding is detected (charset-normalizer) among the encodings a
spreadsheet writes, instead of refusing the whole file.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.spreadsheets import plain

from .ods import OdsRefused, ods_lines

MB = 1024 * 1024

# Password-protected workbooks and old .xls files are OLE2 compound files, not zips.
_COMPOUND_FILE = bytes.fromhex("D0CF11E0A1B11AE1")


@dataclass(frozen=True)
class Limits:
    """What an import accepts; reading stops as soon as one is crossed."""

    rows: int  # data lines, the header line not counted
    file_bytes: int = 20 * MB
    # The parts of an XLSX once decompressed: openpyxl holds the shared strings in
    # memory, so a small zip must not be able to claim gigabytes.
    unzipped_bytes: int = 100 * MB
    columns: int = 50
    cell_chars: int = 1000


def _megabytes(size: int) -> str:
    return f"{size / MB:g}"


EXTENSIONS = (".csv", ".xlsx", ".ods")


def upload_check(upload, *, limits: Limits, extensions: tuple[str, ...] = EXTENSIONS):
    """Refuse an uploaded file by its name and size, before reading it."""
    if extensions and not upload.name.lower().endswith(extensions):
        raise ValidationError(
            _("Format non pris en charge : envoyez un fichier .csv, .xlsx ou .ods.")
        )
    if upload.size > limits.file_bytes:
        raise ValidationError(
            _("Fichier trop volumineux : %(max)s Mo au plus.")
            % {"max": _megabytes(limits.file_bytes)}
        )


class Unreadable(Exception):  # noqa: N818 (a refusal, not a bug)
    """The file is not a table we can read; the message says why, in French."""


# What spreadsheets write when they do not write UTF-8: Excel for Windows (cp1252),
# older Excel for Mac (Mac Roman), "Unicode text" (UTF-16 with its BOM). The
# detector is held to these: left free, it reads French Windows-1252 as Central
# European cp1250 ("Infirmière" would become "Infirmičre").
_SPREADSHEET_ENCODINGS = ["cp1252", "mac_roman", "utf_16"]
_CHUNK = 1024 * 1024


def _is_utf8(data: bytes) -> bool:
    """Whether the bytes are UTF-8, checked by chunks (the text is never held whole)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def csv_encoding(data: bytes) -> str:
    """The encoding to read a CSV with: UTF-8 (BOM or not) first, else the one detected.

    Raises Unreadable when the bytes are text in none of the spreadsheets' encodings
    (random bytes, a binary file renamed .csv).
    """
    if data.startswith(codecs.BOM_UTF8) or _is_utf8(data):
        return "utf-8-sig"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_SPREADSHEET_ENCODINGS).best()
    if best is None:
        raise Unreadable(
            _(
                "Fichier illisible : encodage des caractères non reconnu. Enregistrez-le "
                "en « CSV UTF-8 », en XLSX ou en ODS."
            )
        )
    return best.encoding


def _csv_lines(data: bytes) -> Iterator[list[str]]:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=csv_encoding(data), newline="")
    first = stream.readline()
    stream.seek(0)
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    yield from csv.reader(stream, delimiter=delimiter)


def _xlsx_cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _archive(data: bytes, limits: Limits, kind: str) -> zipfile.ZipFile:
    """The zip a workbook is, its declared uncompressed size checked before any part
    is read; Unreadable with what to do when it is no zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if data.startswith(_COMPOUND_FILE):
            raise Unreadable(
                _(
                    "Ce classeur est protégé par un mot de passe ou enregistré dans l'ancien "
                    "format .xls : enregistrez-le sans mot de passe au format XLSX, ODS ou CSV."
                )
            ) from exc
        raise Unreadable(_not_a_workbook(kind)) from exc
    # A zip member never decompresses to more than its declared size (zipfile stops
    # there and checks the CRC), so the declared sizes bound what opening it costs.
    if sum(member.file_size for member in archive.infolist()) > limits.unzipped_bytes:
        raise ValidationError(
            _("Classeur trop volumineux une fois décompressé : %(max)s Mo au plus.")
            % {"max": _megabytes(limits.unzipped_bytes)}
        )
    return archive


def _not_a_workbook(kind: str) -> str:
    if kind == "ods":
        return _(
            "Ce fichier n'est pas un classeur ODS : enregistrez-le au format ODS, XLSX ou CSV."
        )
    return _("Ce fichier n'est pas un classeur XLSX : enregistrez-le au format XLSX, ODS ou CSV.")


def _unreadable(exc: Exception) -> Unreadable:
    return Unreadable(
        _("Fichier illisible : enregistrez-le en CSV (UTF-8), en XLSX ou en ODS (%(detail)s).")
        % {"detail": type(exc).__name__}
    )


def _xlsx_lines(data: bytes, limits: Limits) -> Iterator[list[str]]:
    archive = _archive(data, limits, "xlsx")
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        if "mimetype" in names:
            raise Unreadable(
                _(
                    "Ce fichier est un classeur OpenDocument (ODS) nommé .xlsx : "
                    "renommez-le en .ods, ou enregistrez-le au format XLSX ou CSV."
                )
            )
        raise Unreadable(_not_a_workbook("xlsx"))
    from openpyxl import load_workbook

    workbook = None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # One column more than allowed, to see a file that has too many; cells
        # further right are never looked at. Without max_col, openpyxl would pad
        # every row to the width the file claims (up to 16,384 cells).
        for row in workbook.active.iter_rows(max_col=limits.columns + 1, values_only=True):
            yield [_xlsx_cell(value) for value in row]
    except Exception as exc:
        # openpyxl does not document what a malformed workbook raises (KeyError,
        # ParseError, TypeError…): any of them means "unreadable", not a server error.
        raise _unreadable(exc) from exc
    finally:
        if workbook is not None:
            workbook.close()


def _ods_lines(data: bytes, limits: Limits) -> Iterator[list[str]]:
    archive = _archive(data, limits, "ods")
    if "content.xml" not in archive.namelist():
        raise Unreadable(_not_a_workbook("ods"))
    try:
        with archive.open("content.xml") as stream:
            yield from ods_lines(stream, columns=limits.columns, cell_chars=limits.cell_chars)
    except OdsRefused as exc:
        raise Unreadable(str(exc)) from exc
    except (Unreadable, ValidationError):
        raise
    except Exception as exc:
        # A malformed ODS (broken XML, a bad zip member): unreadable, not a server error.
        raise _unreadable(exc) from exc


def _checked(lines: Iterator[list[str]], limits: Limits) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells), refusing the file at the first line over a limit."""
    for number, cells in enumerate(lines, start=1):
        if number > limits.rows + 1:
            raise ValidationError(
                _("Trop de lignes : %(max)s au plus par fichier.") % {"max": limits.rows}
            )
        while cells and not cells[-1].strip():
            cells.pop()
        if len(cells) > limits.columns:
            raise ValidationError(
                _("Ligne %(line)s : trop de colonnes (%(max)s au plus).")
                % {"line": number, "max": limits.columns}
            )
        if any(len(cell) > limits.cell_chars for cell in cells):
            raise ValidationError(
                _("Ligne %(line)s : une cellule dépasse %(max)s caractères.")
                % {"line": number, "max": limits.cell_chars}
            )
        yield number, cells


def read_table(
    data: bytes, filename: str, *, columns: list[str], limits: Limits
) -> list[tuple[int, dict[str, str]]]:
    """The lines of an uploaded list as (line number, {column: value}), blank lines
    skipped; the first line names the columns (any order, case and accents ignored).

    Raises ValidationError with a French message for an unreadable or empty file, a
    missing column or a limit crossed: one place for every import of the platform.
    """
    if len(data) > limits.file_bytes:
        raise ValidationError(
            _("Fichier trop volumineux : %(max)s Mo au plus.")
            % {"max": _megabytes(limits.file_bytes)}
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        lines = _checked(_xlsx_lines(data, limits), limits)
    elif name.endswith(".ods"):
        lines = _checked(_ods_lines(data, limits), limits)
    else:
        lines = _checked(_csv_lines(data), limits)
    try:
        return _rows(lines, columns)
    except Unreadable as exc:
        raise ValidationError(str(exc)) from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ValidationError(str(_unreadable(exc))) from exc


def _rows(lines, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    first = next(lines, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise ValidationError(_("Le fichier est vide."))
    header = [plain(cell) for cell in first[1]]
    missing = [column for column in columns if column not in header]
    if missing:
        raise ValidationError(
            _("Colonnes manquantes : %(columns)s. Attendu : %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ";".join(columns)}
        )
    position = {column: header.index(column) for column in header if column}
    rows = []
    for line, cells in lines:
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
