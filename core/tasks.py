"""Thin Celery tasks: each takes plain data and calls one function."""

from smtplib import SMTPException

from celery import shared_task

from . import mail, owned_files, rejected_lines, services  # noqa: F401 (registers its folder)
from .imports import previews  # noqa: F401 (registers its folder)


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_email(payload: dict) -> None:
    mail.deliver(payload)


@shared_task
def clear_expired_sessions() -> int:
    return services.sessions_clear_expired()


@shared_task
def owned_files_purge() -> int:
    return owned_files.owned_files_purge()
