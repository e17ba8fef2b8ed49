"""Emails to participants, queued once the current transaction commits.

Each function takes what the message needs and schedules it with
`transaction.on_commit`: a rolled-back registration never sends anything. In
production the email backend then hands the message to Celery (core.mail).
"""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import mail
from core.absolute_urls import absolute_url, site_root


def _absolute(path: str) -> str:
    return absolute_url(path)


def _queue(*, to: str, subject: str, template: str, context: dict) -> None:
    def send():
        with translation.override("fr"):
            body = render_to_string(template, {**context, "site_url": site_root(), "to": to})
        mail.send(subject=subject, body=body, to=[to])

    transaction.on_commit(send)


def _session_context(session) -> dict:
    return {
        "session": session,
        "event": session.event,
        "session_url": _absolute(reverse("events:detail", args=[session.pk])),
        "my_sessions_url": _absolute(reverse("events:mine")),
    }


def registration_confirmed(registration) -> None:
    session = registration.session
    _queue(
        to=registration.user.email,
        subject=_("Inscription confirmée : %(title)s") % {"title": session.event.title},
        template="events/emails/registered.txt",
        context={**_session_context(session), "registration": registration},
    )


def promoted(registration) -> None:
    session = registration.session
    _queue(
        to=registration.user.email,
        subject=_("Une place s'est libérée : %(title)s") % {"title": session.event.title},
        template="events/emails/promoted.txt",
        context={**_session_context(session), "registration": registration},
    )


def reminder(registration, *, kind: str) -> None:
    session = registration.session
    _queue(
        to=registration.user.email,
        subject=_("Rappel : %(title)s") % {"title": session.event.title},
        template="events/emails/reminder.txt",
        context={**_session_context(session), "registration": registration, "kind": kind},
    )


def session_cancelled(*, session, emails: list[str]) -> None:
    for email in emails:
        _queue(
            to=email,
            subject=_("Session annulée : %(title)s") % {"title": session.event.title},
            template="events/emails/cancelled.txt",
            context=_session_context(session),
        )


def follow_up(registration, *, modules: list, questionnaire_url: str) -> None:
    """After the session: where to continue online (direct links to the modules)."""
    session = registration.session
    _queue(
        to=registration.user.email,
        subject=_("Merci de votre participation : %(title)s") % {"title": session.event.title},
        template="events/emails/follow_up.txt",
        context={
            **_session_context(session),
            "modules": [(module.title, _absolute(module.url)) for module in modules],
            "questionnaire_url": _absolute(questionnaire_url) if questionnaire_url else "",
            "my_trainings_url": _absolute(reverse("courses:my_trainings")),
            "attestations_url": _absolute(reverse("certificates:mine")),
        },
    )
