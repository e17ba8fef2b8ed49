"""Thin Celery tasks of the LTI app."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)

# 1 min, 4 min, 16 min, ~1 h, ~4 h: a platform down for maintenance gets the score later.
SCORE_MAX_RETRIES = 5
SCORE_RETRY_BASE_SECONDS = 60


@shared_task(bind=True, acks_late=True, max_retries=SCORE_MAX_RETRIES)
def score_send(self, target_id: int, completion_id: int) -> str:
    from courses.models import ModuleCompletion

    from . import services
    from .models import GradeTarget

    target = GradeTarget.objects.select_related("registration").filter(pk=target_id).first()
    completion = ModuleCompletion.objects.filter(pk=completion_id).first()
    if target is None or completion is None:
        return "missing"
    try:
        services.score_send(target=target, completion=completion)
    except Exception as exc:  # the platform refused or did not answer: retried
        # Eager mode (no worker) must not hold the learner's request: the error stays
        # on the target for administrators, and the next completion sends again.
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.warning("LTI score for target %s not sent: %s", target_id, exc)
            return "failed"
        raise self.retry(
            exc=exc, countdown=SCORE_RETRY_BASE_SECONDS * 4**self.request.retries
        ) from exc
    return "sent"
