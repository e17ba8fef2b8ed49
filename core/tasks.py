"""Thin Celery tasks: each takes plain data and calls one function."""

from smtplib import SMTPException

from celery import shared_task

from . import file_jobs, mail, owned_files, rejected_lines, services  # noqa: F401 (registers its folder)
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
def scheduler_heartbeat() -> int:
    """Sent by beat (settings.tasks): counts its runs, so one beat sending is visible."""
    return services.scheduler_heartbeat_record()


@shared_task
def owned_files_purge() -> int:
    """Hourly: the private files whose time is up, owned files and file jobs alike."""
    return owned_files.owned_files_purge() + file_jobs.file_jobs_purge()


@shared_task(acks_late=True)
def file_job_build(model_label: str, job_id: int) -> str:
    """Build one file job (core.file_jobs); idempotent, so acknowledged late."""
    try:
        return file_jobs.file_job_build(model_label=model_label, job_id=job_id)
    except Exception as exc:  # recorded for the owner's page, then raised for the logs
        file_jobs.file_job_failed(
            model_label=model_label, job_id=job_id, error=f"{type(exc).__name__}: {exc}"
        )
        raise
