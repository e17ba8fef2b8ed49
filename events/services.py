"""Writes: registrations and the waiting list, attendance and what follows it,
session cancellation, participants' import, reminders, calendar feeds.

Capacity is guarded by a row lock on the session (`select_for_update`): every
write that changes who holds a seat locks the session first, counts, then
writes, so simultaneous registrations are served one after the other and never
exceed the number of places. Locks are always taken session first, then
registration, so two writers never wait on each other in opposite orders.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.constants import profession_from_text
from accounts.models import User
from certificates import services as certificate_services
from certificates.constants import Kind as AttestationKind
from core.tables import read_table
from courses import services as course_services
from courses.constants import EnrolmentSource

from . import emails, selectors
from .constants import (
    CSV_LIMITS,
    CSV_REQUIRED_COLUMNS,
    REMINDER_HOURS,
    Attendance,
    Reminder,
    Source,
    Status,
)
from .models import CalendarFeed, Event, Registration, Session, new_token
from .signals import attendance_confirmed, attendance_withdrawn

logger = logging.getLogger(__name__)


# --- Registration and the waiting list --------------------------------------------


def _lock_session(session_id: int) -> Session:
    session = Session.objects.select_for_update().get(pk=session_id)
    # The event is read after the lock, without locking it.
    session.event = Event.objects.get(pk=session.event_id)
    return session


def _seats_taken(session: Session) -> int:
    return Registration.objects.filter(session=session, status=Status.REGISTERED).count()


def _register(
    *, session_id: int, user: User, source: Source, now: datetime
) -> tuple[Registration, bool]:
    """Register `user` (or put them on the waiting list); return it and whether it changed.

    A person already registered or waiting is returned unchanged; a cancelled
    registration is taken up again, at the end of the queue.
    """
    with transaction.atomic():
        session = _lock_session(session_id)
        if source == Source.SELF:
            refusal = selectors.registration_refusal(session=session, user=user, now=now)
        else:
            # Organisers may add people after the deadline, outside the audience, or
            # after the evening (to record attendance): only a cancelled session refuses.
            refusal = _("Cette session est annulée.") if session.is_cancelled else None
        if refusal:
            raise ValidationError(refusal)
        registration = Registration.objects.filter(session=session, user=user).first()
        if registration is not None and registration.is_active:
            return registration, False
        status = (
            Status.REGISTERED if _seats_taken(session) < session.capacity else Status.WAITLISTED
        )
        if registration is None:
            registration = Registration(session=session, user=user, created_at=now)
        registration.status = status
        registration.source = source
        registration.queued_at = now
        registration.cancelled_at = None
        registration.promoted_at = None
        registration.reminded_early_at = registration.reminded_eve_at = None
        registration.full_clean(validate_unique=False, validate_constraints=False)
        registration.save()
        # No confirmation for people added after the start (attendance recorded afterwards).
        if status == Status.REGISTERED and session.starts_at > now:
            emails.registration_confirmed(registration)
    logger.info("user %s %s for session %s (%s)", user.pk, status, session_id, source)
    return registration, True


def registration_create(
    *, session: Session, user: User, source: Source = Source.SELF, now: datetime | None = None
) -> Registration:
    """Register a person to a session, or put them on its waiting list when it is full.

    Self-registration checks eligibility (audience, deadline, registrations open,
    session neither cancelled nor started); refusals are French ValidationErrors.
    """
    registration, changed = _register(
        session_id=session.pk, user=user, source=source, now=now or timezone.now()
    )
    if not changed:
        waiting = registration.status == Status.WAITLISTED
        if source == Source.SELF:
            raise ValidationError(
                _("Vous êtes déjà sur la liste d'attente de cette session.")
                if waiting
                else _("Vous êtes déjà inscrit·e à cette session.")
            )
        raise ValidationError(
            _("Cette personne est déjà sur la liste d'attente.")
            if waiting
            else _("Cette personne est déjà inscrite à cette session.")
        )
    return registration


def registration_add_by_email(*, session: Session, email: str, by: User) -> Registration:
    """The organiser adds an existing account by its email address."""
    email = (email or "").strip().lower()
    user = User.objects.filter(email__iexact=email, is_active=True).first() if email else None
    if user is None:
        raise ValidationError(
            _("Aucun compte Égide n'utilise l'adresse « %(email)s ».") % {"email": email}
        )
    return registration_create(session=session, user=user, source=Source.ORGANISER)


def _promote_waiting(session: Session, now: datetime) -> list[Registration]:
    """Give free seats to the waiting list, first come first served (session locked)."""
    if session.is_cancelled or session.starts_at <= now:
        return []
    free = session.capacity - _seats_taken(session)
    if free <= 0:
        return []
    waiting = list(
        Registration.objects.select_related("user")
        .filter(session=session, status=Status.WAITLISTED)
        .order_by("queued_at", "pk")[:free]
    )
    for registration in waiting:
        registration.status = Status.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        registration.session = session
        emails.promoted(registration)
        logger.info(
            "user %s promoted from the waiting list of session %s", registration.user_id, session.pk
        )
    return waiting


def registration_cancel(
    *, registration: Registration, by: User, now: datetime | None = None
) -> Registration:
    """Cancel a registration (or leave the waiting list); a freed seat goes at once to
    the next person waiting, who is told by email."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise ValidationError(_("Cette inscription est déjà annulée."))
        if by.pk == registration.user_id and session.starts_at <= now:
            raise ValidationError(
                _("La session a commencé : l'inscription ne peut plus être annulée.")
            )
        held_a_seat = registration.status == Status.REGISTERED
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if held_a_seat:
            _promote_waiting(session, now)
    return registration


def session_fill_from_waiting_list(*, session: Session, now: datetime | None = None) -> int:
    """After the capacity grew, or registrations reopened: seat the people waiting."""
    with transaction.atomic():
        locked = _lock_session(session.pk)
        return len(_promote_waiting(locked, now or timezone.now()))


def session_set_registrations_open(*, session: Session, is_open: bool, by: User) -> Session:
    with transaction.atomic():
        locked = _lock_session(session.pk)
        if locked.is_cancelled:
            raise ValidationError(_("Cette session est annulée."))
        locked.registrations_open = is_open
        locked.save(update_fields=["registrations_open"])
    logger.info("session %s registrations open=%s by user %s", session.pk, is_open, by.pk)
    return locked


def session_cancel(
    *, session: Session, by: User, reason: str, now: datetime | None = None
) -> Session:
    """Cancel a session and write to everyone registered or waiting, with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez le motif de l'annulation.")})
    with transaction.atomic():
        locked = _lock_session(session.pk)
        if locked.is_cancelled:
            raise ValidationError(_("Cette session est déjà annulée."))
        locked.cancelled_at = now or timezone.now()
        locked.cancellation_reason = reason
        locked.registrations_open = False
        locked.save(update_fields=["cancelled_at", "cancellation_reason", "registrations_open"])
        recipients = list(
            Registration.objects.filter(
                session=locked, status__in=[Status.REGISTERED, Status.WAITLISTED]
            ).values_list("user__email", flat=True)
        )
        emails.session_cancelled(session=locked, emails=recipients)
    logger.info("session %s cancelled by user %s", session.pk, by.pk)
    return locked


# --- Attendance -------------------------------------------------------------------


def _confirm_attendance(registration: Registration, session: Session, now: datetime) -> bool:
    """What being present brings, once per registration (inside the caller's transaction).

    Only "present" leads here: an attestation of attendance certifies the whole
    session, which a partial presence does not; partial presence is recorded for
    the organiser and the figures, and the person may be marked present later.
    """
    if registration.attendance_confirmed_at is not None:
        return False
    registration.attendance_confirmed_at = now
    registration.save(update_fields=["attendance_confirmed_at"])
    event = session.event
    user = registration.user
    source = f"session-attendance:{registration.pk}"
    earlier = certificate_services.attestation_for_source(user=user, source=source)
    if earlier is not None:
        # Present, corrected to absent, then present again: the same attestation.
        certificate_services.attestation_reinstate(
            attestation=earlier, by=None, reason=_("Présence confirmée à nouveau.")
        )
        attendance_confirmed.send(sender=Registration, registration=registration, session=session)
        return True
    local_start = timezone.localtime(session.starts_at)
    certificate_services.attestation_issue(
        user=user,
        source=source,
        subject=f"session:{session.pk}",
        title=f"{event.title} — {local_start:%d/%m/%Y}",
        kind=AttestationKind.ATTENDANCE,
        completed_at=min(session.ends_at, now),
        duration_minutes=event.duration_minutes,
        # The session's territory speaks for it, not the learner's: its delegation
        # organised it and attests the presence (a Nord gendarme attending in Arras
        # gets a Pas-de-Calais attestation). A session without one: the learner's.
        departement_code=session.departement_id,
    )
    modules = selectors.follow_up_modules(event=event)
    for module in modules:
        course_services.enrolment_create(user=user, module=module, source=EnrolmentSource.EVENT)
    questionnaire_url = selectors.questionnaire_url(session=session)
    emails.follow_up(registration, modules=modules, questionnaire_url=questionnaire_url)
    attendance_confirmed.send(sender=Registration, registration=registration, session=session)
    logger.info("attendance of user %s confirmed for session %s", user.pk, session.pk)
    return True


def _withdraw_attendance(registration: Registration, session: Session, by: User) -> None:
    """A presence corrected: the attestation is revoked (its journal says why) and the
    person no longer counts for the indicators; the follow-up enrolment stays."""
    registration.attendance_confirmed_at = None
    registration.save(update_fields=["attendance_confirmed_at"])
    attestation = certificate_services.attestation_for_source(
        user=registration.user, source=f"session-attendance:{registration.pk}"
    )
    if attestation is not None and not attestation.is_revoked:
        certificate_services.attestation_revoke(
            attestation=attestation,
            by=by,
            reason=_("Présence corrigée par l'organisateur·rice de la session."),
        )
    attendance_withdrawn.send(sender=Registration, registration=registration, session=session)
    logger.info("attendance of user %s withdrawn for session %s", registration.user_id, session.pk)


def attendance_record(
    *, session: Session, by: User, marks: dict[int, str], now: datetime | None = None
) -> int:
    """Record the attendance sheet: {registration id: Attendance value}. Return how many
    changed. Marking someone present issues their attestation, enrols them in the
    follow-up modules and writes to them (once)."""
    now = now or timezone.now()
    if any(value not in Attendance.values for value in marks.values()):
        raise ValidationError(_("Valeur de présence inconnue."))
    with transaction.atomic():
        session = _lock_session(session.pk)
        if session.is_cancelled:
            raise ValidationError(_("Cette session est annulée."))
        if now < session.checkin_opens_at:
            raise ValidationError(
                _("La présence se note à partir du %(date)s.")
                % {
                    "date": timezone.localtime(session.checkin_opens_at).strftime(
                        "%d/%m/%Y à %H:%M"
                    )
                }
            )
        registrations = (
            Registration.objects.select_for_update()
            .select_related("user")
            .filter(session=session, status=Status.REGISTERED, pk__in=list(marks))
        )
        changed = 0
        for registration in registrations:
            value = marks[registration.pk]
            if registration.attendance == value:
                continue
            was_present = registration.attendance_confirmed_at is not None
            registration.attendance = value
            registration.attendance_marked_at = now
            registration.attendance_marked_by = by
            registration.save(
                update_fields=["attendance", "attendance_marked_at", "attendance_marked_by"]
            )
            changed += 1
            if value == Attendance.PRESENT:
                _confirm_attendance(registration, session, now)
            elif was_present:
                _withdraw_attendance(registration, session, by)
    return changed


def checkin(*, token: str, user: User, now: datetime | None = None) -> Registration:
    """A registered participant scans the QR code shown in the room: present."""
    now = now or timezone.now()
    session = Session.objects.filter(checkin_token=token).first() if token else None
    if session is None:
        raise ValidationError(_("Ce code d'émargement n'est pas valable."))
    with transaction.atomic():
        session = _lock_session(session.pk)
        registration = (
            Registration.objects.select_for_update()
            .select_related("user")
            .filter(session=session, user=user, status=Status.REGISTERED)
            .first()
        )
        if registration is None:
            raise ValidationError(
                _(
                    "Vous n'êtes pas inscrit·e à cette session : adressez-vous à "
                    "l'organisatrice ou l'organisateur."
                )
            )
        if not session.checkin_is_open(now):
            raise ValidationError(
                _("L'émargement est ouvert du %(start)s au %(end)s.")
                % {
                    "start": timezone.localtime(session.checkin_opens_at).strftime(
                        "%d/%m/%Y à %H:%M"
                    ),
                    "end": timezone.localtime(session.ends_at).strftime("%d/%m/%Y à %H:%M"),
                }
            )
        if registration.checked_in_at is None:
            registration.checked_in_at = now
        registration.attendance = Attendance.PRESENT
        registration.attendance_marked_at = now
        registration.attendance_marked_by = user
        registration.save(
            update_fields=[
                "checked_in_at",
                "attendance",
                "attendance_marked_at",
                "attendance_marked_by",
            ]
        )
        _confirm_attendance(registration, session, now)
    return registration


# --- Participants' import -----------------------------------------------------------


@dataclass
class RejectedLine:
    line: int
    email: str
    reason: str


@dataclass
class ImportReport:
    registered: int = 0
    waitlisted: int = 0
    unchanged: int = 0
    rejected: list[RejectedLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.registered + self.waitlisted + self.unchanged + len(self.rejected)


def _read_rows(data: bytes) -> list[tuple[int, dict]]:
    return read_table(data, "participants.csv", columns=CSV_REQUIRED_COLUMNS, limits=CSV_LIMITS)


def participants_import(
    *, session: Session, by: User, data: bytes, now: datetime | None = None
) -> ImportReport:
    """Register the people of a CSV file (email;nom;prenom;profession, `;`, UTF-8).

    Each line names an existing account; the others are rejected with their reason.
    People already registered or waiting are left as they are, so importing the
    same file again changes nothing.
    """
    now = now or timezone.now()
    if session.is_cancelled:
        raise ValidationError(_("Cette session est annulée."))
    rows = _read_rows(data)
    emails_in_file = {(row.get("email") or "").lower() for _line, row in rows}
    users = {
        user.email_lower: user
        for user in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails_in_file, is_active=True
        )
    }
    report = ImportReport()
    seen: dict[str, int] = {}
    for line, row in rows:
        email = (row.get("email") or "").lower()
        try:
            validate_email(email)
        except ValidationError:
            report.rejected.append(
                RejectedLine(line, email, _("adresse électronique absente ou invalide"))
            )
            continue
        if email in seen:
            report.rejected.append(
                RejectedLine(
                    line, email, _("adresse déjà présente ligne %(line)s") % {"line": seen[email]}
                )
            )
            continue
        seen[email] = line
        if not row.get("nom") or not row.get("prenom"):
            report.rejected.append(RejectedLine(line, email, _("nom ou prénom manquant")))
            continue
        if profession_from_text(row.get("profession", "")) is None:
            report.rejected.append(
                RejectedLine(
                    line,
                    email,
                    _("profession inconnue : « %(value)s »") % {"value": row.get("profession")},
                )
            )
            continue
        user = users.get(email)
        if user is None:
            report.rejected.append(
                RejectedLine(
                    line,
                    email,
                    _(
                        "aucun compte Égide avec cette adresse : "
                        "la personne doit d'abord en créer un"
                    ),
                )
            )
            continue
        try:
            registration, changed = _register(
                session_id=session.pk, user=user, source=Source.IMPORT, now=now
            )
        except ValidationError as error:
            report.rejected.append(RejectedLine(line, email, " ".join(error.messages)))
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


# --- Reminders --------------------------------------------------------------------


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders now due (two days before, the day before); return how many.

    Each reminder is claimed by a conditional update of its timestamp before it is
    sent, so two beat runs (or two workers) never send the same one twice.
    """
    now = now or timezone.now()
    horizon = now + timedelta(hours=max(REMINDER_HOURS.values()))
    candidates = (
        Registration.objects.select_related("session__event", "user")
        .filter(
            status=Status.REGISTERED,
            session__cancelled_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=horizon,
        )
        .order_by("session__starts_at", "pk")
    )
    sent = 0
    for registration in candidates:
        left = registration.session.starts_at - now
        if left <= timedelta(hours=REMINDER_HOURS[Reminder.EVE]):
            kind, stamp = Reminder.EVE, "reminded_eve_at"
        else:
            kind, stamp = Reminder.EARLY, "reminded_early_at"
        if getattr(registration, stamp) is not None:
            continue
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, status=Status.REGISTERED, **{f"{stamp}__isnull": True}
            ).update(**{stamp: now})
            if claimed:
                emails.reminder(registration, kind=kind)
                sent += 1
    if sent:
        logger.info("%s session reminders sent", sent)
    return sent


# --- Personal calendar feed --------------------------------------------------------


def calendar_feed_get_or_create(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_reset(*, user: User) -> CalendarFeed:
    """Give the feed a new secret address: the previous one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
    return feed


def event_save(*, form, sessions, by: User) -> Event:
    """Save an event written on the organiser's pages (EventForm) with its sessions
    (the session formset), both already valid.

    The author is an organiser; an administrator editing someone else's event is
    not added. Seats added to a session go to its waiting list at once.
    """
    with transaction.atomic():
        creating = form.instance.pk is None
        author_organises = (
            creating
            or Event.organisers.through.objects.filter(
                event_id=form.instance.pk, user_id=by.pk
            ).exists()
        )
        event = form.save(commit=False)
        event.audiences = list(form.cleaned_data["audiences"])
        if creating:
            event.created_by = by
        event.full_clean(exclude=["follow_up_modules", "organisers"])
        event.save()
        organisers = list(form.cleaned_data["co_organisers"])
        if author_organises:
            organisers.append(by)
        event.follow_up_modules.set(form.cleaned_data["follow_up_modules"])
        event.organisers.set(organisers)
        event.save(update_fields=["follow_up_modules", "organisers"])
        sessions.instance = event
        saved = sessions.save()
        for session in saved:
            if not creating:
                _promote_waiting(_lock_session(session.pk), timezone.now())
    logger.info("event %s %s by user %s", event.pk, "created" if creating else "changed", by.pk)
    return event


def event_add_organiser(*, event: Event, user: User) -> None:
    """Make the author of an event one of its organisers (called after creation)."""
    Event.organisers.through.objects.get_or_create(event_id=event.pk, user_id=user.pk)
