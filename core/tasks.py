"""Thin Celery tasks: each takes plain data and calls one function."""

from smtplib import SMTPException

from celery import shared_task

from . import mail, rejected_lines, services


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
def rejected_lines_purge() -> int:
    return rejected_lines.rejected_lines_purge()
