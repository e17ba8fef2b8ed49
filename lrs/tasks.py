"""Thin Celery tasks of the learning record store."""

from celery import shared_task

from .forwarding import ForwardingFailed


@shared_task(
    autoretry_for=(ForwardingFailed,),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=10,
)
def statements_forward(statements: list[dict]) -> int:
    from . import forwarding

    return forwarding.statements_send(statements)
