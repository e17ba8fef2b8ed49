"""H5P activities: xAPI statements received from the player, results and resume state."""

import logging
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import xapi
from ..h5p import scoring
from ..models import ActivityResult, H5PPackage, LessonPage, XAPIStatement
from ..xapi import StatementRejected
from .completion import module_completion_update

logger = logging.getLogger("egide.courses")

# xAPI verbs after which an activity counts as done.
DONE_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
}


def xapi_statement_record(
    *,
    user,
    package: H5PPackage,
    lesson: LessonPage,
    statement: dict,
    module_id: int | None = None,
    enrolment_cycle: int | None = None,
) -> XAPIStatement:
    """Store an xAPI statement once and update the learner's activity result.

    The same statement id twice is one record (the unique id decides, so a
    retried POST costs no extra query). For answered/completed statements the
    server re-scores the response when it knows the answer key and ignores the
    score the browser claims; otherwise the activity is only "done".
    """
    parsed = xapi.parse(statement)
    statement_id, verb_id = parsed.id, parsed.verb
    checked = scoring.check(package.h5p_json, package.content_json, parsed.result)
    if module_id is None:
        module_id = lesson.module.pk
    try:
        with transaction.atomic():
            record = XAPIStatement.objects.create(
                statement_id=statement_id,
                user=user,
                package=package,
                lesson=lesson,
                verb=verb_id,
                raw=statement,
                server_score_scaled=checked.score_scaled if checked else None,
            )
            if verb_id in DONE_VERBS:
                _activity_result_record(
                    user=user, package=package, lesson=lesson, module_id=module_id, checked=checked
                )
    except IntegrityError:
        existing = XAPIStatement.objects.get(statement_id=statement_id)
        if existing.user_id != user.pk:
            raise StatementRejected(
                _("Déclaration xAPI déjà reçue pour une autre personne.")
            ) from None
        return existing
    if verb_id in DONE_VERBS and checked is not None and checked.success:
        # A success may be what the module still waited for (lessons finished,
        # then the activity retried): apply the completion rule again.
        module_completion_update(user=user, module=lesson.module, enrolment_cycle=enrolment_cycle)
    return record


def _activity_result_record(*, user, package, lesson, module_id, checked) -> None:
    """Count one attempt in a single UPDATE; the best score and any success are kept.

    This runs for every statement, and Django builds SQL expressions at a cost
    higher than running them: each is the simplest that keeps the rule (scaled
    scores lie between 0 and 1).
    """
    changes = {
        "attempts": F("attempts") + 1,
        "completed": True,
        "updated_at": timezone.now(),  # `auto_now` does not apply to update()
    }
    if checked is not None:
        score = Decimal(str(checked.score_scaled)).quantize(Decimal("0.0001"))
        if score >= 1:
            best = Value(score)
        elif score <= 0:
            best = Coalesce("score_scaled", Value(score))
        else:
            best = Greatest(Coalesce("score_scaled", Value(score)), Value(score))
        changes.update(
            server_checked=True,
            score_scaled=best,
            # A success stays; a failure replaces "not known yet" only.
            success=True if checked.success else Coalesce("success", Value(False)),
        )
    rows = ActivityResult.objects.filter(
        user_id=user.pk, package_id=package.pk, lesson_id=lesson.pk
    )
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            ActivityResult.objects.create(
                user=user,
                package=package,
                lesson=lesson,
                module_id=module_id,
                attempts=1,
                completed=True,
                server_checked=checked is not None,
                success=checked.success if checked else None,
                score_scaled=(
                    Decimal(str(checked.score_scaled)).quantize(Decimal("0.0001"))
                    if checked
                    else None
                ),
            )
    except IntegrityError:
        # Created meanwhile by a concurrent statement (or by a state save): update it.
        rows.update(**changes)


def h5p_state_save(
    *, user, package: H5PPackage, lesson: LessonPage, data, module_id: int | None = None
) -> None:
    """Save the player's resume state (contentUserData) for this learner."""
    if ActivityResult.objects.filter(user=user, package=package, lesson=lesson).update(state=data):
        return
    ActivityResult.objects.update_or_create(
        user=user,
        package=package,
        lesson=lesson,
        defaults={"module_id": module_id or lesson.module.pk, "state": data},
    )
