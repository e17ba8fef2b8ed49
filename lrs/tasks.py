"""Thin Celery tasks of the learning record store."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)
FORWARD_MAX_RETRIES = 10
FORWARD_RETRY_BASE_SECONDS = 30
FORWARD_RETRY_MAX_SECONDS = 60 * 60


@shared_task(bind=True, acks_late=True, max_retries=FORWARD_MAX_RETRIES)
def statements_forward(self, statements: list[dict]) -> int:
    """Send statements to the external LRS; retried with a growing delay while it is down."""
    from . import forwarding

    try:
        return forwarding.statements_send(statements)
    except forwarding.ForwardingFailed as exc:
        # Eager mode (make run without Redis, the tests) has no broker to wait on:
        # retrying there would hold the learner's request, so it is given up at once.
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.error("forwarding %d statements given up: %s", len(statements), exc)
            return 0
        countdown = min(
            FORWARD_RETRY_BASE_SECONDS * 2**self.request.retries, FORWARD_RETRY_MAX_SECONDS
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
