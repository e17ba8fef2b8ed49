"""Thin Celery tasks: each takes an id and calls one service."""

from celery import shared_task

from .constants import RENDER_MAX_RETRIES, RENDER_RETRY_BASE_SECONDS


@shared_task(bind=True, acks_late=True, max_retries=RENDER_MAX_RETRIES)
def attestation_render(self, attestation_id: int) -> str:
    from . import services

    try:
        return services.attestation_render(attestation_id=attestation_id)
    except Exception as exc:  # any failure: recorded for administrators, then retried
        # Eager mode (make run without Redis) has no broker to wait on: retrying
        # would block the learner's request, so the first failure is final there
        # and administrators regenerate.
        final = self.request.is_eager or self.request.retries >= self.max_retries
        services.attestation_render_failed(
            attestation_id=attestation_id, error=f"{type(exc).__name__}: {exc}", final=final
        )
        if final:
            return "failed"
        raise self.retry(
            exc=exc, countdown=RENDER_RETRY_BASE_SECONDS * 4**self.request.retries
        ) from exc


@shared_task(acks_late=True)
def attestations_requeue_stale() -> int:
    from . import services

    return services.attestations_requeue_stale()
