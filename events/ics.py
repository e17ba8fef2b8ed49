"""iCalendar (.ics) files: one session, or a person's registrations (a feed)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.absolute_urls import absolute_url
from core.text import multiline, single_line

from .constants import Status

PRODID = "-//Égide//Sessions en présentiel//FR"


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", single_line(name))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def _component(session, *, waiting: bool = False) -> CalendarEvent:
    event = session.event
    url = absolute_url(reverse("events:detail", args=[session.pk]))
    component = CalendarEvent()
    component.add("uid", f"session-{session.pk}@{settings.SITE_URL.split('://')[-1]}")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", timezone.localtime(session.starts_at))
    component.add("dtend", timezone.localtime(session.ends_at))
    summary = event.title
    if waiting:
        summary = _("%(title)s (liste d'attente)") % {"title": summary}
    # icalendar escapes "\n" but not a lone "\r" or other controls, which end a line
    # for some readers: the properties are made single-line (or plain multi-line text).
    component.add("summary", single_line(summary))
    component.add("location", single_line(session.online_url or session.location_display))
    component.add("url", url)
    description = multiline(event.description)
    component.add("description", f"{description}\n\n{url}".strip())
    component.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return component


def session_calendar(session) -> bytes:
    cal = _calendar(session.event.title)
    cal.add_component(_component(session))
    return cal.to_ical()


def registrations_calendar(registrations, *, name: str) -> bytes:
    cal = _calendar(name)
    for registration in registrations:
        cal.add_component(
            _component(registration.session, waiting=registration.status == Status.WAITLISTED)
        )
    return cal.to_ical()
