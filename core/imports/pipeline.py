"""The steps every import shares: read the file, check each line, report.

An importer gives its columns, its limits and a `check(line, values)` that returns
what a valid line becomes or raises `Refused` with the reason in French. `lines_check`
reads the file (core.imports.reading), runs the check on every line and fills a
`Report`: the accepted lines in file order, the rejected ones with their number,
email and reason, or one `error` when the whole file is unreadable. Nothing is
written: applying a report is the importer's job, after the preview is confirmed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.rejected_lines import RejectedLines, rejected_lines_keep

from .reading import Limits, read_table

T = TypeVar("T")
SHOWN = 100  # valid lines a preview lists (the rejected ones: core.rejected_lines.SHOWN)


class Refused(Exception):  # noqa: N818 (a refusal, not a bug)
    """A line refused; the message is its reason, in French."""


@dataclass
class Rejected:
    line: int
    reason: str
    email: str = ""  # as written, to find the person in the file


@dataclass
class Report(Generic[T]):
    """What a file holds: lines to import, lines rejected, or one error for the file."""

    accepted: list[T] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    error: str = ""  # the whole file is unreadable

    @property
    def total(self) -> int:
        return len(self.accepted) + len(self.rejected)

    @property
    def shown(self) -> list[T]:
        """The valid lines a preview lists."""
        return self.accepted[:SHOWN]

    def reject(self, line: int, reason: str, email: str = "") -> None:
        self.rejected.append(Rejected(line=line, reason=reason, email=email))


def lines_check(
    report: Report[T],
    data: bytes,
    filename: str,
    *,
    columns: list[str],
    limits: Limits,
    check: Callable[[int, dict[str, str]], T | None],
) -> Report[T]:
    """Read the file and check every line into `report` (a check returning None keeps
    nothing and rejects nothing: a line merged into an earlier one)."""
    try:
        rows = read_table(data, filename, columns=columns, limits=limits)
    except ValidationError as error:
        report.error = error.messages[0]
        return report
    for line, values in rows:
        try:
            item = check(line, values)
        except Refused as refused:
            report.reject(line, str(refused), values.get("email", ""))
            continue
        if item is not None:
            report.accepted.append(item)
    return report


class FirstSeen:
    """Duplicates within one file: the line each key was first seen on."""

    def __init__(self):
        self.lines: dict[object, int] = {}

    def check(self, key, line: int, message: str) -> None:
        """Refuse `line` if `key` came earlier; `message` may use %(line)s and %(key)s."""
        earlier = self.lines.setdefault(key, line)
        if earlier != line:
            raise Refused(message % {"line": earlier, "key": key})


def rejected_lines(report: Report, *, owner) -> RejectedLines | None:
    """Keep every rejected line for `owner` to download (core.rejected_lines)."""
    return rejected_lines_keep(
        owner=owner,
        header=[_("Ligne"), _("Adresse électronique"), _("Motif")],
        rows=[[item.line, item.email, item.reason] for item in report.rejected],
    )
