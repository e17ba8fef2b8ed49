"""Seats: who holds one, who waits. The helpers every write that changes a seat goes
through (registration, import, authoring), inside the caller's package only.

Capacity is guarded by a row lock on the session (`select_for_update`): every
write that changes who holds a seat locks the session first, counts, then
writes, so simultaneous registrations are served one after the other and never
exceed the number of places. Locks are always taken session first, then
registration, so two writers never wait on each other in opposite orders.
"""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from .. import emails, selectors
from ..constants import Source, Status
from ..models import Event, Registration, Session

logger = logging.getLogger("events.services")


def lock_session(session_id: int) -> Session:
    session = Session.objects.select_for_update().get(pk=session_id)
    # The event is read after the lock, without locking it.
    session.event = Event.objects.get(pk=session.event_id)
    return session


def seats_taken(session: Session) -> int:
    return Registration.objects.filter(session=session, status=Status.REGISTERED).count()


def register(
    *, session_id: int, user: User, source: Source, now: datetime
) -> tuple[Registration, bool]:
    """Register `user` (or put them on the waiting list); return it and whether it changed.

    A person already registered or waiting is returned unchanged; a cancelled
    registration is taken up again, at the end of the queue.
    """
    with transaction.atomic():
        session = lock_session(session_id)
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
        status = Status.REGISTERED if seats_taken(session) < session.capacity else Status.WAITLISTED
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


def promote_waiting(session: Session, now: datetime) -> list[Registration]:
    """Give free seats to the waiting list, first come first served (session locked)."""
    if session.is_cancelled or session.starts_at <= now:
        return []
    free = session.capacity - seats_taken(session)
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
