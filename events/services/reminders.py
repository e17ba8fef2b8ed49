"""Reminders before a session, and each person's calendar feed."""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .. import emails
from ..constants import REMINDER_HOURS, Reminder, Status
from ..models import CalendarFeed, Registration, new_token

logger = logging.getLogger("events.services")


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
