"""Registrations and the waiting list, opening and cancelling a session."""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import emails
from ..constants import Source, Status
from ..models import Registration, Session
from .seats import lock_session, promote_waiting, register

logger = logging.getLogger("events.services")


def registration_create(
    *, session: Session, user: User, source: Source = Source.SELF, now: datetime | None = None
) -> Registration:
    """Register a person to a session, or put them on its waiting list when it is full.

    Self-registration checks eligibility (audience, deadline, registrations open,
    session neither cancelled nor started); refusals are French ValidationErrors.
    """
    registration, changed = register(
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


def registration_cancel(
    *, registration: Registration, by: User, now: datetime | None = None
) -> Registration:
    """Cancel a registration (or leave the waiting list); a freed seat goes at once to
    the next person waiting, who is told by email."""
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise ValidationError(_("Cette inscription est déjà annulée."))
        if session.starts_at <= now:
            # Once the session has begun the list is history: the organiser notes an
            # absence on the attendance sheet instead of removing the person.
            raise ValidationError(
                _("La session a commencé : l'inscription ne peut plus être annulée.")
                if by.pk == registration.user_id
                else _("La session a commencé : notez plutôt l'absence sur la feuille de présence.")
            )
        held_a_seat = registration.status == Status.REGISTERED
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if held_a_seat:
            promote_waiting(session, now)
    return registration


def session_fill_from_waiting_list(*, session: Session, now: datetime | None = None) -> int:
    """After the capacity grew, or registrations reopened: seat the people waiting."""
    with transaction.atomic():
        locked = lock_session(session.pk)
        return len(promote_waiting(locked, now or timezone.now()))


def session_set_registrations_open(*, session: Session, is_open: bool, by: User) -> Session:
    with transaction.atomic():
        locked = lock_session(session.pk)
        if locked.is_cancelled:
            raise ValidationError(_("Cette session est annulée."))
        if locked.starts_at <= timezone.now():
            raise ValidationError(_("La session a commencé : les inscriptions sont closes."))
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
        locked = lock_session(session.pk)
        if locked.is_cancelled:
            raise ValidationError(_("Cette session est déjà annulée."))
        now = now or timezone.now()
        if locked.starts_at <= now:
            raise ValidationError(_("La session a commencé : elle ne peut plus être annulée."))
        locked.cancelled_at = now
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
