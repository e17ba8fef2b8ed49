"""Writes of the training capability: enrolment, progress, H5P results, completion."""

import calendar
import logging
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, xapi
from .constants import EnrolmentSource
from .h5p import scoring
from .models import (
    ActivityResult,
    Enrolment,
    H5PPackage,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    XAPIStatement,
)
from .signals import module_completed
from .xapi import StatementRejected  # noqa: F401  (callers catch services.StatementRejected)

logger = logging.getLogger("egide.courses")

# xAPI verbs after which an activity counts as done.
DONE_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
}


def enrolment_create(*, user, module: ModulePage, source: str = EnrolmentSource.SELF) -> Enrolment:
    """Enrol `user` in `module` (idempotent). Self-enrolment requires the prerequisites."""
    if source == EnrolmentSource.SELF:
        missing = selectors.unmet_prerequisites(module=module, user=user)
        if missing:
            raise ValidationError(
                _("Terminez d'abord : %(modules)s.")
                % {"modules": ", ".join(m.title for m in missing)}
            )
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, module=module, defaults={"source": source}
    )
    return enrolment


def lesson_open(*, user, lesson: LessonPage, module: ModulePage) -> LessonProgress:
    """Record that the learner opened a lesson; remember it as where to resume."""
    progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"module": module}
    )
    Enrolment.objects.filter(user=user, module=module).update(
        last_lesson=lesson, last_activity_at=timezone.now()
    )
    return progress


def _required_packages(lesson: LessonPage) -> list[H5PPackage]:
    return [block["package"] for block in lesson.h5p_blocks() if block["required"]]


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson completed once its end is reached and its required activities done."""
    module = lesson.module
    if not Enrolment.objects.filter(user=user, module=module).exists():
        raise ValidationError(_("Inscrivez-vous au module avant de suivre ses leçons."))
    required = _required_packages(lesson)
    if required:
        done = set(
            ActivityResult.objects.filter(
                user=user, lesson=lesson, package__in=required, completed=True
            ).values_list("package_id", flat=True)
        )
        missing = [p for p in required if p.pk not in done]
        if missing:
            raise ValidationError(
                _("Faites d'abord l'activité « %(title)s ».") % {"title": missing[0].title}
            )
    progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"module": module}
    )
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
    module_evaluate_completion(user=user, module=module)
    return progress


def activity_requirements(
    *, user, module: ModulePage, lessons
) -> tuple[list[tuple[LessonPage, H5PPackage]], Decimal | None]:
    """Apply the module's activity rule: return (unmet (lesson, package) pairs, average %).

    Only a result the server checked can count as a success.
    """
    required = [(lesson, pkg) for lesson in lessons for pkg in _required_packages(lesson)]
    if not required:
        return [], None
    results = {
        (r.lesson_id, r.package_id): r
        for r in ActivityResult.objects.filter(user=user, module=module)
    }
    threshold = Decimal(module.activities_min_score) / 100
    unmet, scores = [], []
    for lesson, package in required:
        result = results.get((lesson.pk, package.pk))
        if result is None or not result.completed:
            unmet.append((lesson, package))
            continue
        if result.server_checked and result.score_scaled is not None:
            scores.append(result.score_scaled)
        succeeded = result.server_checked and result.success and result.score_scaled >= threshold
        if module.require_activities_success and not succeeded:
            unmet.append((lesson, package))
    average = (sum(scores) / len(scores) * 100).quantize(Decimal("0.01")) if scores else None
    return unmet, average


def module_evaluate_completion(
    *, user, module: ModulePage, enrolment_cycle: int | None = None
) -> ModuleCompletion | None:
    """Apply the module's completion rule; record the completion once, with its revision.

    Ordered cheapest first, since it also runs after each successful activity:
    the outline comes from the page cache, then one query tells whether every
    lesson is done, which is usually where it stops. `enrolment_cycle`, when the
    caller has already read the enrolment, spares reading it again.
    """
    outline = selectors.module_lessons(module)
    if not outline:
        return None
    completed = set(
        LessonProgress.objects.filter(
            user=user, module=module, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    if any(lesson.pk not in completed for lesson in outline):
        return None
    existing = ModuleCompletion.objects.filter(user=user, module=module).order_by("-cycle").first()
    cycle = 1
    if existing:
        # A new cycle (recertification) was started after this completion expired.
        if enrolment_cycle is None:
            enrolment_cycle = (
                Enrolment.objects.filter(user=user, module=module)
                .values_list("cycle", flat=True)
                .first()
            )
        cycle = enrolment_cycle or 1
        if existing.cycle >= cycle:
            return existing
    lessons = selectors.module_lessons(module, with_body=True)
    unmet, score = activity_requirements(user=user, module=module, lessons=lessons)
    if unmet:
        return None
    quiz_attempt = final_quiz_attempt(user=user, module=module)
    if module.final_quiz_id and module.require_quiz_passed:
        if quiz_attempt is None or not quiz_attempt.passed:
            return None
    if quiz_attempt is not None:
        # The assessment's score is the module's score (shown on the attestation).
        score = quiz_attempt.percent
    try:
        with transaction.atomic():
            completion = ModuleCompletion.objects.create(
                user=user,
                module=module,
                cycle=cycle,
                completed_at=timezone.now(),
                score=score,
                revision=module.live_revision,
                module_title=module.title,
            )
            # Same transaction: a completion never exists without its attestation
            # and its count in the indicators.
            completion_finalise(completion=completion, module=module)
    except IntegrityError:
        # A concurrent request recorded it first: completions are recorded once.
        return ModuleCompletion.objects.get(user=user, module=module, cycle=cycle)
    logger.info("module %s completed by user %s", module.pk, user.pk)
    return completion


@transaction.atomic
def module_restart(*, user, module: ModulePage) -> Enrolment:
    """Start a new cycle of a module whose validity has run out (recertification).

    The earlier completion and its attestation stay in the history; the lessons,
    activities and final quiz are to be done again. Calling it twice starts one cycle.
    """
    latest = ModuleCompletion.objects.filter(user=user, module=module).order_by("-cycle").first()
    if latest is None or not selectors.completion_expired(completion=latest, module=module):
        raise ValidationError(
            _("Ce module n'est pas à refaire : votre dernière validation est toujours valable.")
        )
    enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
        user=user, module=module, defaults={"source": EnrolmentSource.ASSIGNMENT}
    )
    if enrolment.cycle > latest.cycle:
        return enrolment
    enrolment.cycle = latest.cycle + 1
    enrolment.cycle_started_at = timezone.now()
    enrolment.last_lesson = None
    enrolment.save(update_fields=["cycle", "cycle_started_at", "last_lesson"])
    LessonProgress.objects.filter(user=user, module=module).update(completed_at=None)
    ActivityResult.objects.filter(user=user, module=module).update(
        completed=False, success=None, score_scaled=None, server_checked=False, state=None
    )
    if module.final_quiz_id:
        from quizzes import services as quiz_services

        quiz_services.attempts_supersede(quiz_id=module.final_quiz_id, user=user)
    logger.info("module %s restarted by user %s (cycle %s)", module.pk, user.pk, enrolment.cycle)
    return enrolment


def completion_finalise(*, completion: ModuleCompletion, module: ModulePage) -> None:
    """What follows a recorded completion: its attestation, then the signal the
    indicators count it from. Both are idempotent."""
    completion_attestation_issue(completion=completion, module=module)
    module_completed.send(sender=ModuleCompletion, completion=completion, module=module)


def completion_attestation_issue(*, completion: ModuleCompletion, module: ModulePage):
    """Issue the attestation of a module completion (once; its PDF is rendered later)."""
    from certificates import services as certificates

    valid_until = None
    if module.validity_months:
        completed_on = timezone.localdate(completion.completed_at)
        valid_until = add_months(completed_on, module.validity_months)
    return certificates.attestation_issue(
        user=completion.user,
        source=f"module-completion:{completion.pk}",
        subject=f"module:{module.pk}",
        title=completion.module_title,
        kind=module.kind,
        duration_minutes=module.duration_minutes,
        completed_at=completion.completed_at,
        score=completion.score,
        valid_until=valid_until,
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 January + 1 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def final_quiz_attempt(*, user, module: ModulePage):
    """The learner's counted attempt at the module's final quiz (its setting: best or
    last), or None. Only attempts the server graded exist."""
    if not module.final_quiz_id:
        return None
    from quizzes import selectors as quiz_selectors

    quiz = module.final_quiz
    return quiz_selectors.counted_attempt(quiz, quiz_selectors.attempts(quiz=quiz, user=user))


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
        module_evaluate_completion(user=user, module=lesson.module, enrolment_cycle=enrolment_cycle)
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
