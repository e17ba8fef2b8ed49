"""Thin Celery tasks: each calls one service."""

from celery import shared_task


@shared_task(acks_late=True)
def reminders_send() -> int:
    from . import services

    return services.reminders_send()


@shared_task(acks_late=True)
def invitations_send(assignment_id: int) -> int:
    from . import services
    from .models import Assignment

    assignment = Assignment.objects.filter(pk=assignment_id).first()
    return services.invitations_send(assignment=assignment) if assignment else 0
