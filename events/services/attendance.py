"""Attendance and what follows it: the attestation, the follow-up modules, the
questionnaire; the room's check-in by QR code."""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import services as certificate_services
from certificates.constants import Kind as AttestationKind
from courses import services as course_services
from courses.constants import EnrolmentSource

from .. import emails, selectors
from ..constants import Attendance, Status
from ..models import Registration, Session
from ..signals import attendance_confirmed, attendance_withdrawn
from .seats import lock_session

logger = logging.getLogger("events.services")


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
        session = lock_session(session.pk)
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
        session = lock_session(session.pk)
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
