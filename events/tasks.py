"""Thin Celery tasks: each calls one service."""

from celery import shared_task


@shared_task(acks_late=True)
def reminders_send() -> int:
    """Beat: the reminders due before upcoming sessions (idempotent, see the service)."""
    from . import services

    return services.reminders_send()
