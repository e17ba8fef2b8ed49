"""Reminder emails, queued once the current transaction commits (a rolled-back
reminder record sends nothing); the backend hands them to Celery in production."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import mail
from core.absolute_urls import absolute_url

from .constants import ReminderKind

SUBJECTS = {
    ReminderKind.ASSIGNED: "Formation obligatoire : %(title)s",
    ReminderKind.BEFORE: "Rappel : « %(title)s » à terminer avant le %(due)s",
    ReminderKind.DUE: "Dernier jour pour terminer « %(title)s »",
    ReminderKind.OVERDUE: "Formation obligatoire en retard : %(title)s",
    ReminderKind.EXPIRY: "Votre validation de « %(title)s » expire le %(due)s",
    ReminderKind.MANAGER: "Votre responsable vous rappelle : %(title)s",
}


def reminder(item, *, kind: str) -> None:
    """Queue the email of one reminder to the person of `item` (an ObligationStatus)."""
    obligation = item.obligation
    user, module = obligation.user, obligation.module
    due = item.due_on

    def send():
        with translation.override("fr"):
            context = {
                "kind": kind,
                "item": item,
                "user": user,
                "module": module,
                "due": due,
                "module_url": absolute_url(module.url),
                "my_trainings_url": absolute_url(reverse("courses:my_trainings")),
            }
            body = render_to_string("assignments/emails/reminder.txt", context)
            subject = _(SUBJECTS[kind]) % {
                "title": module.title,
                "due": due.strftime("%d/%m/%Y") if due else "",
            }
        mail.send(subject=subject, body=body, to=[user.email])

    transaction.on_commit(send)


def invitation(*, email: str, assignment) -> None:
    """Invite someone of a roster without an account to sign up with this address."""
    from urllib.parse import urlencode

    def send():
        with translation.override("fr"):
            signup_url = absolute_url(reverse("account_signup") + "?" + urlencode({"email": email}))
            body = render_to_string(
                "assignments/emails/invitation.txt",
                {"assignment": assignment, "signup_url": signup_url, "modules": modules},
            )
            subject = _("Formation obligatoire : créez votre compte")
        mail.send(subject=subject, body=body, to=[email])

    modules = [module.title for module in assignment.modules.all()]
    transaction.on_commit(send)
