"""Events written on the organisers' pages, with their sessions."""

import logging

from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..models import Event
from .seats import lock_session, promote_waiting

logger = logging.getLogger("events.services")


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
                promote_waiting(lock_session(session.pk), timezone.now())
    logger.info("event %s %s by user %s", event.pk, "created" if creating else "changed", by.pk)
    return event


def event_add_organiser(*, event: Event, user: User) -> None:
    """Make the author of an event one of its organisers (called after creation)."""
    Event.organisers.through.objects.get_or_create(event_id=event.pk, user_id=user.pk)
