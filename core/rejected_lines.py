"""The rejected lines of an import, kept for the person who imported as a CSV file.

An import page lists the first SHOWN rejected lines and their total: a 100,000-line
file rejected whole made 8.5 MB of HTML. Every rejected line goes to a small CSV
(formula-safe, through core.spreadsheets) in private storage, in a folder named
after the person who imported (`rejected-lines/<user id>/<random>.csv`):

- not in the session, which is read on every request: a report can weigh megabytes;
- no table either: the path says whose the file is, so the download looks in the
  requester's own folder only and anyone else gets a 404, as if it did not exist;
- kept KEPT_FOR only (the lines hold people's names and addresses): an older file
  is refused at download and deleted by the hourly purge (core.tasks).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse

from . import owned_files
from .spreadsheets import csv_bytes

SHOWN = 100
KEPT_FOR = timedelta(hours=24)
FOLDER = "rejected-lines"
owned_files.register(FOLDER, kept_for=KEPT_FOR)


@dataclass
class RejectedLines:
    """What an import page shows of its rejected lines: the first ones and a link to all."""

    header: list[str]
    first: list[list]
    total: int
    token: str

    @property
    def more(self) -> int:
        return self.total - len(self.first)

    @property
    def url(self) -> str:
        return reverse("core:rejected_lines", args=[uuid.UUID(self.token)])


def rejected_lines_keep(*, owner, header: list[str], rows: list[list]) -> RejectedLines | None:
    """Store every rejected line for `owner` to download; None when there is none."""
    if not rows:
        return None
    name = owned_files.owned_file_keep(
        owner=owner, folder=FOLDER, data=csv_bytes(header, rows), extension="csv"
    )
    token = name.removesuffix(".csv")
    return RejectedLines(header=header, first=rows[:SHOWN], total=len(rows), token=token)


def rejected_lines_file(*, owner, token: str, now: datetime | None = None):
    """Return the owner's report opened for reading, or None if it is not theirs, was
    never made or has expired."""
    return owned_files.owned_file_open(owner=owner, folder=FOLDER, name=f"{token}.csv", now=now)
