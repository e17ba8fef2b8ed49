"""User text bound for places where a line break or a control character breaks things.

An email subject (one header line), a `Content-Disposition` filename, an iCalendar
property, a log line: each accepts one line of printable text. Text typed by users
or editors may carry a newline, a carriage return or rarer controls (vertical tab,
NUL, the Unicode line separators); these helpers say how it is made safe.
"""

import re
import unicodedata

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_characters(text: str) -> bool:
    """Return True when `text` holds a character no single-line field should hold."""
    return bool(_CONTROL.search(text or ""))


def single_line(text: str) -> str:
    """Return `text` on one line: every control character becomes a space, spaces collapse."""
    return " ".join(_CONTROL.sub(" ", str(text or "")).split())


def multiline(text: str) -> str:
    """Return `text` with line breaks normalised to ``\\n`` and other controls removed."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL_BUT_NEWLINE.sub("", unicodedata.normalize("NFC", text))
