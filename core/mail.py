"""Outgoing email through Celery.

When Redis is configured, EMAIL_BACKEND is CeleryEmailBackend: sending a message
serialises it and queues core.tasks.send_email once the current transaction
commits; the worker delivers it with EMAIL_DELIVERY_BACKEND (SMTP in production)
and retries with backoff if the mail server is unavailable.

Every capability builds its messages with `send`: the subject, made of titles
editors typed, is put on one line there (a newline in a header makes Django
raise BadHeaderError, after the registration that triggered the mail was saved).
"""

import base64

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .text import single_line


def send(*, subject: str, body: str, to: list[str]) -> None:
    """Send one plain-text message, its subject prefixed with the service name."""
    EmailMessage(
        subject=single_line(f"[{settings.SERVICE_NAME}] {subject}"), body=body, to=to
    ).send()


def message_to_payload(message) -> dict:
    """Return a JSON-serialisable dict describing an EmailMessage."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode(), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def payload_to_message(payload: dict, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        # Queued before `send` made subjects single-line, a message must still go out.
        subject=single_line(payload["subject"]),
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def deliver(payload: dict) -> None:
    """Send one message now with the real delivery backend."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    payload_to_message(payload, connection=connection).send()


class CeleryEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .tasks import send_email

        count = 0
        for message in email_messages:
            payload = message_to_payload(message)
            transaction.on_commit(lambda p=payload: send_email.delay(p))
            count += 1
        return count
