"""Participants of a session imported from a file: preview, then registration.

Columns `email;nom;prenom;profession` (CSV, XLSX or ODS: core.imports reads them,
accounts.people_files checks the people columns). Each line names an existing
account; the others are rejected with their reason. `participants_parse` writes
nothing and says what the import would do; `participants_apply` registers (or puts
on the waiting list) in the order of the file. People already registered or waiting
are left as they are, so importing the same file again changes nothing.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import people_files as people
from accounts.models import User
from core.imports.pipeline import FirstSeen, Refused, lines_check
from core.imports.pipeline import Report as FileReport

from ..constants import CSV_LIMITS, CSV_REQUIRED_COLUMNS, Source, Status
from ..models import Registration, Session
from .seats import register, seats_taken

logger = logging.getLogger("events.services")

WORDING = people.Wording(
    email=_("adresse électronique absente ou invalide"),
    profession=_("profession inconnue : « %(value)s »"),
    duplicate=_("adresse déjà présente ligne %(line)s"),
)
NO_ACCOUNT = _("aucun compte Égide avec cette adresse : la personne doit d'abord en créer un")


@dataclass
class Participant:
    line: int
    email: str
    last_name: str
    first_name: str
    user: User | None = None
    status: str = ""  # in a preview, what the import would do: a Status, or "" unchanged


@dataclass
class ImportReport(FileReport[Participant]):
    """In a preview, what the import would do; once applied, what it did."""

    registered: int = 0
    waitlisted: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.registered + self.waitlisted + self.unchanged + len(self.rejected)

    @property
    def to_write(self) -> int:
        return self.registered + self.waitlisted


class _Lines:
    """The check of one line; duplicates are looked for across the file."""

    def __init__(self):
        self.seen = FirstSeen()

    def __call__(self, line: int, row: dict) -> Participant:
        email = people.email(row[people.EMAIL], WORDING)
        self.seen.check(email, line, WORDING.duplicate)
        if not row[people.LAST_NAME] or not row[people.FIRST_NAME]:
            raise Refused(_("nom ou prénom manquant"))
        people.profession(row[people.PROFESSION], WORDING)
        return Participant(line, email, row[people.LAST_NAME], row[people.FIRST_NAME])


def _accounts(report: ImportReport) -> None:
    """Give each line its account (one query); refuse the lines without one."""
    users = {
        user.email_lower: user
        for user in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=[item.email for item in report.accepted], is_active=True
        )
    }
    kept = []
    for item in report.accepted:
        item.user = users.get(item.email)
        if item.user is None:
            report.reject(item.line, str(NO_ACCOUNT), item.email)
        else:
            kept.append(item)
    report.accepted = kept
    report.rejected.sort(key=lambda rejected: rejected.line)


def _statuses(report: ImportReport, session: Session) -> None:
    """What registering would do to each line, seats filled in the order of the file."""
    active = set(
        Registration.objects.filter(
            session=session, status__in=[Status.REGISTERED, Status.WAITLISTED]
        ).values_list("user_id", flat=True)
    )
    free = max(0, session.capacity - seats_taken(session))
    for item in report.accepted:
        if item.user.pk in active:
            item.status = ""
            report.unchanged += 1
        elif free:
            item.status, free = Status.REGISTERED, free - 1
            report.registered += 1
        else:
            item.status = Status.WAITLISTED
            report.waitlisted += 1


def participants_parse(*, session: Session, data: bytes, filename: str) -> ImportReport:
    """Check every line of the file for `session`; write nothing. A file that cannot
    be read comes back with its `error`."""
    if session.is_cancelled:
        raise ValidationError(_("Cette session est annulée."))
    report = lines_check(
        ImportReport(),
        data,
        filename,
        columns=CSV_REQUIRED_COLUMNS,
        limits=CSV_LIMITS,
        check=_Lines(),
    )
    if not report.error:
        _accounts(report)
        _statuses(report, session)
    return report


def participants_apply(
    report: ImportReport, *, session: Session, by: User, now: datetime | None = None
) -> ImportReport:
    """Register the people of a checked file, in its order (each registration locks
    the session: seats are counted again, whatever the preview said)."""
    now = now or timezone.now()
    report.registered = report.waitlisted = report.unchanged = 0
    for item in report.accepted:
        try:
            registration, changed = register(
                session_id=session.pk, user=item.user, source=Source.IMPORT, now=now
            )
        except ValidationError as error:
            report.reject(item.line, " ".join(error.messages), item.email)
            continue
        if not changed:
            report.unchanged += 1
        elif registration.status == Status.REGISTERED:
            report.registered += 1
        else:
            report.waitlisted += 1
    logger.info(
        "import into session %s by user %s: %s registered, %s waiting, %s unchanged, %s rejected",
        session.pk,
        by.pk,
        report.registered,
        report.waitlisted,
        report.unchanged,
        len(report.rejected),
    )
    return report


def participants_import(
    *,
    session: Session,
    by: User,
    data: bytes,
    filename: str = "participants.csv",
    now: datetime | None = None,
) -> ImportReport:
    """Check then register at once (no preview); an unreadable file is refused whole
    with a French ValidationError."""
    report = participants_parse(session=session, data=data, filename=filename)
    if report.error:
        raise ValidationError(report.error)
    return participants_apply(report, session=session, by=by, now=now)
