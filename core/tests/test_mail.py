"""Email queued through Celery arrives exactly as it was written."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from core import mail as core_mail
from core.tasks import send_email

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n\x00\xff\xfe binary attestation"


@pytest.fixture
def celery_mail(settings):
    settings.EMAIL_BACKEND = "core.mail.CeleryEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CELERY_TASK_ALWAYS_EAGER = True


def _message() -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="[Égide] Votre attestation",
        body="Bonjour Léa,\nVotre attestation est jointe.",
        from_email="Égide <ne-pas-repondre@egide.invalid>",
        to=["lea@exemple.fr"],
        cc=["formatrice@exemple.fr"],
        bcc=["archives@exemple.fr"],
        reply_to=["contact@egide.invalid"],
        headers={"X-Egide-Type": "attestation"},
    )
    message.attach_alternative("<p>Bonjour <strong>Léa</strong></p>", "text/html")
    message.attach("attestation.pdf", PDF, "application/pdf")
    message.attach("lisez-moi.txt", "Texte accentué : é à ç", "text/plain")
    return message


def _fields(message) -> dict:
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": message.to,
        "cc": message.cc,
        "bcc": message.bcc,
        "reply_to": message.reply_to,
        "headers": message.extra_headers,
        "alternatives": [tuple(a) for a in message.alternatives],
        "attachments": [tuple(a) for a in message.attachments],
    }


def test_payload_round_trip_keeps_every_part():
    message = _message()

    payload = core_mail.message_to_payload(message)
    rebuilt = core_mail.payload_to_message(payload)

    assert _fields(rebuilt) == _fields(message)


def test_celery_backend_delivers_an_identical_message_after_commit(
    celery_mail, django_capture_on_commit_callbacks
):
    message = _message()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert message.send() == 1
        assert mail.outbox == []

    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert _fields(mail.outbox[0]) == _fields(message)
    # The whole MIME message a mail server receives carries the binary attachment intact.
    attachment = [p for p in mail.outbox[0].message().walk() if p.get_filename()]
    assert attachment[0].get_payload(decode=True) == PDF


def test_celery_backend_sends_nothing_when_the_transaction_rolls_back(
    celery_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            _message().send()
            raise RuntimeError("the sign-up failed")

    assert mail.outbox == []


def test_a_mail_server_failure_is_retried_until_delivered(monkeypatch, settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    attempts = []
    real_deliver = core_mail.deliver

    def flaky_deliver(payload):
        attempts.append(payload["subject"])
        if len(attempts) == 1:
            raise SMTPServerDisconnected("mail server restarting")
        real_deliver(payload)

    monkeypatch.setattr(core_mail, "deliver", flaky_deliver)

    # throw=False runs the retry in-process as a worker would, instead of raising it.
    result = send_email.apply(args=[core_mail.message_to_payload(_message())], throw=False)

    assert result.successful()
    assert len(attempts) == 2
    assert [m.subject for m in mail.outbox] == [_message().subject]


@pytest.mark.parametrize("breaking", ["\n", "\r", "\r\n", "\x0b", "\x00", "\u2028"])
def test_send_puts_a_subject_typed_with_line_breaks_on_one_line(breaking):
    core_mail.send(subject=f"Inscription :{breaking}Soirée", body="Bonjour", to=["a@exemple.fr"])

    assert [m.subject for m in mail.outbox] == ["[Égide] Inscription : Soirée"]
    assert mail.outbox[0].message()["Subject"]  # the header is built without BadHeaderError


def test_a_message_queued_with_a_broken_subject_is_still_delivered(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    payload = core_mail.message_to_payload(_message())
    payload["subject"] = "[Égide] Rappel :\nSoirée"

    core_mail.deliver(payload)

    assert [m.subject for m in mail.outbox] == ["[Égide] Rappel : Soirée"]
