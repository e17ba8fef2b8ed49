"""The vocabulary of server re-scoring: verdicts, questions, checks and refusals.

Everything here is pure Python and cheap at check time: the answer key is
parsed once per package version (`key.package_key`), a statement is then
re-scored by a dict lookup and a small comparison.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.translation import gettext as _

# H5P joins the parts of a response with these separators (xAPI interaction formats).
SEP = "[,]"
PAIR = "[.]"
EPSILON = 1e-6


class ScoringRefused(ValueError):
    """A statement the server cannot accept; str(error) is shown to the learner (French)."""


@dataclass(frozen=True)
class Verdict:
    raw: float
    max: float
    success: bool
    response: str = ""

    @property
    def scaled(self) -> float:
        return self.raw / self.max if self.max else 0.0


@dataclass(frozen=True)
class Question:
    id: str
    library: str
    label: str
    max: float
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Check:
    kind: str  # "answer" | "total" | "view" | "other"
    question_id: str = ""
    verdict: Verdict | None = None


def unreadable() -> ScoringRefused:
    return ScoringRefused(_("La réponse envoyée ne peut pas être lue."))


def absent() -> ScoringRefused:
    return ScoringRefused(_("Cette réponse porte sur une question absente de l'activité."))


def claim_problem(result: dict, verdict: Verdict) -> str | None:
    """French refusal message when an xAPI result claims more than the server's verdict."""
    if not isinstance(result, dict):
        return None
    if result.get("success") is True and not verdict.success:
        return _("La réponse est annoncée juste alors qu'elle ne l'est pas.")
    score = result.get("score")
    if not isinstance(score, dict):
        return None
    raw, top = score.get("raw"), score.get("max")
    if raw is not None and (not _is_number(raw) or raw > verdict.raw + EPSILON):
        return _("Le score annoncé dépasse celui de la réponse.")
    if top is not None and (not _is_number(top) or abs(top - verdict.max) > EPSILON):
        return _("Le score maximal annoncé ne correspond pas à l'activité.")
    return None


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def machine_name(library) -> str:
    """ "H5P.MultiChoice 1.16" -> "H5P.MultiChoice"."""
    return library.split(" ", 1)[0] if isinstance(library, str) else ""


def number(value, default: float) -> float:
    """A numeric setting of content.json (numbers may be stored as strings)."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        return default


def as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def as_str(value) -> str:
    return value if isinstance(value, str) else ""


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(markup, limit: int | None = None) -> str:
    """Text of an HTML fragment, whitespace collapsed (as jQuery's .text() gives it)."""
    if not isinstance(markup, str):
        return ""
    if "<" in markup:
        extractor = _TextExtractor()
        try:
            extractor.feed(markup)
            extractor.close()
            text = "".join(extractor.parts)
        except Exception:  # a broken fragment: keep what a browser would roughly show
            text = re.sub(r"<[^>]*>", "", markup)
    else:
        text = html.unescape(markup)
    text = " ".join(text.split())
    return text[:limit] if limit else text


def label(markup) -> str:
    return plain_text(markup, limit=300)


def split_ids(response: str, *, limit: int) -> list[int]:
    """The integer ids of a `[,]`-joined response, each below `limit`, no repeats."""
    if response == "":
        return []
    ids = []
    for part in response.split(SEP):
        if not (part.isascii() and part.isdigit()) or int(part) >= limit:
            raise unreadable()
        ids.append(int(part))
    if len(set(ids)) != len(ids):
        raise unreadable()
    return ids
