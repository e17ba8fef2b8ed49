"""Rosters: the people a mandatory training is assigned to, from a CSV or XLSX file.

Columns `email;nom;prenom;profession;institution` (profession as a code or its French
label). Every line is checked first and rejected lines come back with their reason
(bad email, unknown profession, duplicate); the valid ones are written in a few bulk
queries, so 10,000 lines take seconds. Importing the same file again adds nothing.
People with an account get the modules at once; the others are invited by email and
get them when they sign up with that address.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.constants import profession_from_text
from accounts.models import User
from core.bulk import insert_rows
from core.tables import Limits, read_table

from .models import Assignment, RosterEntry

COLUMNS = ["email", "nom", "prenom", "profession", "institution"]
MAX_ROWS = 200_000
LIMITS = Limits(rows=MAX_ROWS, file_bytes=20 * 1024 * 1024)
BATCH = 5000


@dataclass
class Rejected:
    line: int
    reason: str


@dataclass
class Line:
    email: str
    last_name: str
    first_name: str
    profession: str
    institution: str


@dataclass
class Report:
    entries: list[Line] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    added: int = 0
    already: int = 0
    linked: int = 0  # people who already had an account
    obligations: int = 0
    error: str = ""  # the whole file is unreadable


def parse(data: bytes, filename: str, *, assignment: Assignment) -> Report:
    """Check every line; write nothing."""
    report = Report()
    try:
        rows = read_table(data, filename, columns=COLUMNS, limits=LIMITS)
    except ValidationError as error:
        report.error = error.messages[0]
        return report
    seen: dict[str, int] = {}
    for number, value in rows:
        email = value["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            report.rejected.append(
                Rejected(number, _("Adresse électronique invalide : « %(v)s ».") % {"v": email})
            )
            continue
        profession = ""
        if value["profession"]:
            profession = profession_from_text(value["profession"]) or ""
            if not profession:
                report.rejected.append(
                    Rejected(
                        number,
                        _("Profession inconnue : « %(v)s ».") % {"v": value["profession"]},
                    )
                )
                continue
        if email in seen:
            report.rejected.append(
                Rejected(
                    number,
                    _("Doublon : %(email)s figure déjà ligne %(line)s.")
                    % {"email": email, "line": seen[email]},
                )
            )
            continue
        seen[email] = number
        report.entries.append(
            Line(
                email=email,
                last_name=value["nom"][:150],
                first_name=value["prenom"][:150],
                profession=profession,
                institution=value["institution"][:200],
            )
        )
    return report


@transaction.atomic
def apply(report: Report, *, assignment: Assignment) -> Report:
    """Write the valid lines; link them to accounts; give the modules to those people."""
    from . import services

    emails = [entry.email for entry in report.entries]
    existing = set(assignment.roster.values_list("email", flat=True))
    accounts: dict[str, int] = {}
    for start in range(0, len(emails), BATCH):
        # Addresses are unique whatever their case (accounts' functional index).
        accounts.update(
            User.objects.annotate(address=Lower("email"))
            .filter(address__in=emails[start : start + BATCH], is_active=True)
            .values_list("address", "pk")
        )
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
