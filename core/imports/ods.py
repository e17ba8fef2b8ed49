"""The lines of an ODS (OpenDocument spreadsheet) read as a stream.

odfpy builds the whole document in memory, and an ODS claims its empty rows and
cells with repeat counts (`number-rows-repeated="1048576"`): expanded, a 20 KB
file is a million rows. So content.xml is fed to expat by chunks and the lines of
the first sheet come out as they are parsed: the caller (core.imports.reading)
stops at the first line over a limit, and repeats are expanded one line at a time,
never into a list. A cell is kept to `cell_chars` + 1 characters (enough for the
caller to see it is too long) and a line to `columns` + 1 cells. A DOCTYPE (the
door of entity expansion bombs) is refused: no spreadsheet writes one.
"""

from collections.abc import Iterator
from xml.parsers import expat

from django.utils.translation import gettext as _

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CELLS = {f"{TABLE} table-cell", f"{TABLE} covered-table-cell"}
_PARAGRAPHS = {f"{TEXT} p", f"{TEXT} h"}
_CHUNK = 64 * 1024


class OdsRefused(Exception):  # noqa: N818 (a refusal, not a bug)
    """The XML is no spreadsheet we read (a DOCTYPE); the message is in French."""


def _repeat(attrs: dict, name: str) -> int:
    try:
        return max(1, int(attrs.get(f"{TABLE} {name}", 1)))
    except ValueError:
        return 1


class _Sheet:
    """Expat handlers collecting the rows of the first table as (repeat, cells)."""

    def __init__(self, columns: int, cell_chars: int):
        self.columns, self.cell_chars = columns, cell_chars
        self.tables = 0
        self.finished = False
        self.rows: list[tuple[int, list[str]]] = []
        self.row: list[str] | None = None
        self.row_repeat = 1
        self.cell: list[str] | None = None
        self.cell_repeat = 1
        self.cell_date = ""
        self.paragraphs = 0  # paragraphs begun in the cell (joined by line breaks)
        self.in_paragraph = 0  # text outside a paragraph is the file's layout, not the cell's
        self.annotation = 0  # inside a comment: its text is not the cell's

    def parser(self):
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        return parser

    def doctype(self, *args):
        raise OdsRefused(_("Fichier illisible : ce classeur ODS n'est pas valide."))

    def start(self, name: str, attrs: dict):
        if name == f"{TABLE} table":
            self.tables += 1
        if self.tables != 1 or self.finished:
            return
        if name == f"{TABLE} table-row":
            self.row, self.row_repeat = [], _repeat(attrs, "number-rows-repeated")
        elif name in _CELLS and self.row is not None:
            self.cell, self.cell_repeat = [], _repeat(attrs, "number-columns-repeated")
            # A date's text is as the sheet shows it ("04/03/2025"); its value is ISO,
            # as XLSX dates are read.
            self.cell_date = attrs.get(f"{OFFICE} date-value", "")[:10]
            self.paragraphs = self.in_paragraph = 0
        elif name == f"{OFFICE} annotation":
            self.annotation += 1
        elif self.cell is not None and not self.annotation:
            self._mark(name, attrs)

    def _mark(self, name: str, attrs: dict):
        if name in _PARAGRAPHS:
            if self.paragraphs:
                self._add("\n")
            self.paragraphs += 1
            self.in_paragraph += 1
        elif name == f"{TEXT} s":
            try:
                spaces = int(attrs.get(f"{TEXT} c", 1))
            except ValueError:
                spaces = 1
            self._add(" " * min(max(spaces, 1), 100))
        elif name == f"{TEXT} tab":
            self._add("\t")
        elif name == f"{TEXT} line-break":
            self._add("\n")

    def _add(self, text: str):
        if sum(len(part) for part in self.cell) <= self.cell_chars:
            self.cell.append(text[: self.cell_chars + 1])

    def text(self, data: str):
        if self.cell is not None and self.in_paragraph and not self.annotation:
            self._add(data)

    def end(self, name: str):
        if self.tables != 1 or self.finished:
            return
        if name == f"{OFFICE} annotation":
            self.annotation -= 1
        elif name in _PARAGRAPHS and self.cell is not None and not self.annotation:
            self.in_paragraph = max(0, self.in_paragraph - 1)
        elif name in _CELLS and self.cell is not None and self.row is not None:
            value = self.cell_date or "".join(self.cell)
            room = self.columns + 1 - len(self.row)
            self.row.extend([value] * max(0, min(self.cell_repeat, room)))
            self.cell = None
        elif name == f"{TABLE} table-row" and self.row is not None:
            self.rows.append((self.row_repeat, self.row))
            self.row = None
        elif name == f"{TABLE} table":
            self.finished = True


def ods_lines(stream, *, columns: int, cell_chars: int) -> Iterator[list[str]]:
    """Yield the lines of the first sheet of content.xml (a binary stream).

    Blank lines are held back and given only when a line with text follows: a
    sheet's trailing million empty rows are never yielded.
    """
    sheet = _Sheet(columns, cell_chars)
    parser = sheet.parser()
    blank = 0
    while not sheet.finished:
        chunk = stream.read(_CHUNK)
        parser.Parse(chunk, not chunk)
        rows, sheet.rows = sheet.rows, []
        for repeat, cells in rows:
            if not any(cell.strip() for cell in cells):
                blank += repeat
                continue
            for _line in range(blank):
                yield []
            blank = 0
            for _copy in range(repeat):
                yield list(cells)
        if not chunk:
            break
