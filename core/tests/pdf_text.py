"""Read a PDF back as text, for every test that checks what a printed document says.

PDF text extraction does not know where words end: it may insert a space inside a
word (a random attestation code came out as "RAQ J") or break a line in a table
cell. So the text is compared without whitespace: `"RAQJ7" in pdf_text(data)` holds
whatever spaces or line breaks the extraction put in between.
"""

import io

import pypdf


def _squeezed(text: str) -> str:
    return "".join(text.split())


class PdfText(str):
    """The extracted text, with its whitespace collapsed to single spaces (for messages
    and equality); `in` and `not in` ignore whitespace on both sides."""

    def __new__(cls, text: str):
        instance = super().__new__(cls, " ".join(text.split()))
        instance._squeezed = _squeezed(text)
        return instance

    def __contains__(self, part: str) -> bool:
        return _squeezed(part) in self._squeezed


def pdf_text(data: bytes) -> PdfText:
    """The text of every page of a PDF, to be searched with `in`."""
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return PdfText("\n".join(page.extract_text() for page in pages))
