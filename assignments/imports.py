"""Rosters: the people a mandatory training is assigned to, from a CSV, XLSX or ODS file.

Columns `email;nom;prenom;profession;institution` (profession as a code or its French
label). Every line is checked first (core.imports and accounts.people_files: nothing
written) and rejected lines come back with their reason (bad email, unknown
profession, duplicate); once confirmed, the valid ones are written in a few bulk
queries, so 10,000 lines take seconds. Importing the same file again adds nothing.
People with an account get the modules at once; the others are invited by email and
get them when they sign up with that address.
"""

from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import people_files as people
from accounts.constants import Profession
from accounts.models import User
from core.bulk import insert_rows
from core.imports.pipeline import FirstSeen, Rejected, lines_check
from core.imports.pipeline import Report as FileReport
from core.imports.reading import Limits

from .models import Assignment, RosterEntry

COLUMNS = [people.EMAIL, people.LAST_NAME, people.FIRST_NAME, people.PROFESSION, people.INSTITUTION]
MAX_ROWS = 200_000
LIMITS = Limits(rows=MAX_ROWS, file_bytes=20 * 1024 * 1024)
BATCH = 5000
WORDING = people.Wording(
    email=_("Adresse électronique invalide : « %(value)s »."),
    profession=_("Profession inconnue : « %(value)s »."),
    duplicate=_("Doublon : %(key)s figure déjà ligne %(line)s."),
)

__all__ = ["Line", "Rejected", "Report", "apply", "parse", "preview"]


@dataclass
class Line:
    email: str
    last_name: str
    first_name: str
    profession: str
    institution: str

    @property
    def profession_label(self) -> str:
        return Profession(self.profession).label if self.profession else ""


@dataclass
class Report(FileReport[Line]):
    added: int = 0
    already: int = 0
    linked: int = 0  # people who already had an account
    obligations: int = 0

    @property
    def entries(self) -> list[Line]:
        return self.accepted


def _line(seen: FirstSeen, number: int, value: dict) -> Line:
    email = people.email(value[people.EMAIL], WORDING)
    profession = people.profession(value[people.PROFESSION], WORDING, required=False)
    seen.check(email, number, WORDING.duplicate)
    return Line(
        email=email,
        last_name=value[people.LAST_NAME][:150],
        first_name=value[people.FIRST_NAME][:150],
        profession=profession,
        institution=value[people.INSTITUTION][:200],
    )


def parse(data: bytes, filename: str, *, assignment: Assignment) -> Report:
    """Check every line; write nothing."""
    check = partial(_line, FirstSeen())
    return lines_check(Report(), data, filename, columns=COLUMNS, limits=LIMITS, check=check)


def _accounts(emails: list[str]) -> dict[str, int]:
    """{address: user id} of the active accounts among `emails`, by batches."""
    accounts: dict[str, int] = {}
    for start in range(0, len(emails), BATCH):
        # Addresses are unique whatever their case (accounts' functional index).
        accounts.update(
            User.objects.annotate(address=Lower("email"))
            .filter(address__in=emails[start : start + BATCH], is_active=True)
            .values_list("address", "pk")
        )
    return accounts


def preview(report: Report, *, assignment: Assignment) -> Report:
    """Say what confirming would do (added, already in the list, with an account),
    writing nothing."""
    existing = set(assignment.roster.values_list("email", flat=True))
    new = [entry.email for entry in report.entries if entry.email not in existing]
    report.added, report.already = len(new), len(report.entries) - len(new)
    report.linked = len(_accounts(new))
    return report


@transaction.atomic
def apply(report: Report, *, assignment: Assignment) -> Report:
    """Write the valid lines; link them to accounts; give the modules to those people."""
    from . import services

    emails = [entry.email for entry in report.entries]
    existing = set(assignment.roster.values_list("email", flat=True))
    accounts = _accounts(emails)
    new = [entry for entry in report.entries if entry.email not in existing]
    now = timezone.now()
    insert_rows(
        RosterEntry,
        [
            "assignment_id",
            "email",
            "last_name",
            "first_name",
            "profession",
            "institution",
            "user_id",
            "created_at",
        ],
        (
            (
                assignment.pk,
                entry.email,
                entry.last_name,
                entry.first_name,
                entry.profession,
                entry.institution,
                accounts.get(entry.email),
                now,
            )
            for entry in new
        ),
    )
    report.added, report.already = len(new), len(report.entries) - len(new)
    user_ids = [accounts[entry.email] for entry in new if entry.email in accounts]
    report.linked = len(user_ids)
    report.obligations = services.obligations_create(
        assignment=assignment, user_ids=user_ids, now=now
    )
    # Invitations (one email each) leave from a worker: the import itself stays a few
    # bulk queries, whatever the size of the list.
    from . import tasks

    transaction.on_commit(lambda: tasks.invitations_send.delay(assignment.pk))
    return report
