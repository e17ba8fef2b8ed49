"""Emails about a placement request, each with a link to its page."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core import mail
from core.absolute_urls import absolute_url

from ..models import Offer


def _site_url(path: str) -> str:
    return absolute_url(path)


def notify(*, to: list[str], subject: str, lines: list[str], placement, message: str = ""):
    """Email a notification about a request, with a link to its page.

    Sent through Django's mail API: the project backend queues it on Celery once
    the transaction commits.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    with translation.override("fr"):
        body = render_to_string(
            "placements/emails/notification.txt",
            {
                "lines": lines,
                "message": message,
                "offer": placement.slot.offer,
                "slot": placement.slot,
                "url": _site_url(reverse("placements:request", args=[placement.pk])),
            },
        )
    mail.send(subject=subject, body=body, to=recipients)


def host_emails(offer: Offer) -> list[str]:
    return list(offer.institution.managers.values_list("email", flat=True))
