"""A module's completion rule, the one door to a completion, and recertification cycles."""

import calendar
import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import EnrolmentSource
from ..models import (
    ActivityResult,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    ScormAttempt,
)
from ..selectors import catalogue, requirements
from ..selectors import scorm as scorm_selectors
from ..selectors.progress import completion_expired
from ..signals import module_completed

logger = logging.getLogger("egide.courses")


@dataclass(frozen=True)
class CompletionOutcome:
    """What applying a module's completion rule found, for the caller to act on or word.

    The rule is checked cheapest first and stops at the first requirement not met
    (it runs after every successful activity): while lessons are missing, the
    activities and the final quiz were not looked at, and while activities are
    missing, the quiz was not.
    """

    # The completion of the cycle the learner follows, new or recorded earlier.
    completion: ModuleCompletion | None = None
    # Recorded by this call: its attestation was issued and `module_completed` sent.
    created: bool = False
    missing_lessons: tuple[LessonPage, ...] = ()
    # (lesson, package, rule) of required activities whose rule is not met: not done,
    # or not succeeded / under the minimal score when their block or the module asks it.
    missing_activities: tuple[requirements.UnmetActivity, ...] = ()
    # The final quiz must be passed and is not.
    quiz_missing: bool = False

    @property
    def complete(self) -> bool:
        return self.completion is not None


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> CompletionOutcome:
    """Mark a lesson completed once its end is reached and its required activities
    done; return what the module's completion rule then found."""
    module = lesson.module
    if not Enrolment.objects.filter(user=user, module=module).exists():
        raise ValidationError(_("Inscrivez-vous au module avant de suivre ses leçons."))
    required = requirements.required_packages(lesson)
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
    for package in requirements.required_scorm_packages(lesson):
        attempts = list(ScormAttempt.objects.filter(user=user, lesson=lesson, package=package))
        if not scorm_selectors.scorm_result(package, attempts).completed:
            raise ValidationError(
                _("Terminez d'abord le paquet « %(title)s ».") % {"title": package.title}
            )
    lesson_progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"module": module}
    )
    if lesson_progress.completed_at is None:
        lesson_progress.completed_at = timezone.now()
        lesson_progress.save(update_fields=["completed_at"])
    return module_completion_update(user=user, module=module)


def module_completion_update(
    *, user, module: ModulePage, enrolment_cycle: int | None = None, now: datetime | None = None
) -> CompletionOutcome:
    """The one door to a module's completion: apply its rule, record the completion
    once (with its revision, attestation and `module_completed` signal), say what
    happened and what is still missing.

    Ordered cheapest first, since it also runs after each successful activity:
    the outline comes from the page cache, then one query tells whether every
    lesson is done, which is usually where it stops. `enrolment_cycle`, when the
    caller has already read the enrolment, spares reading it again.
    """
    outline = catalogue.module_lessons(module)
    if not outline:
        return CompletionOutcome()
    missing = requirements.lessons_not_completed(user=user, module=module, lessons=outline)
    if missing:
        return CompletionOutcome(missing_lessons=tuple(missing))
    existing, cycle = _cycle_followed(user=user, module=module, enrolment_cycle=enrolment_cycle)
    if existing is not None:
        return CompletionOutcome(completion=existing)
    lessons = catalogue.module_lessons(module, with_body=True)
    unmet, score = requirements.activity_requirements(user=user, module=module, lessons=lessons)
    if unmet:
        return CompletionOutcome(missing_activities=tuple(unmet))
    quiz_attempt = requirements.final_quiz_attempt(user=user, module=module)
    if module.final_quiz_id and module.require_quiz_passed:
        if quiz_attempt is None or not quiz_attempt.passed:
            return CompletionOutcome(quiz_missing=True)
    if quiz_attempt is not None:
        # The assessment's score is the module's score (shown on the attestation).
        score = quiz_attempt.percent
    try:
        with transaction.atomic():
            completion = ModuleCompletion.objects.create(
                user=user,
                module=module,
                cycle=cycle,
                completed_at=now or timezone.now(),
                score=score,
                revision=module.live_revision,
                module_title=module.title,
            )
            # Same transaction: a completion never exists without its attestation
            # and its count in the indicators.
            completion_finalise(completion=completion, module=module)
    except IntegrityError:
        # A concurrent request recorded it first: completions are recorded once.
        existing = ModuleCompletion.objects.get(user=user, module=module, cycle=cycle)
        return CompletionOutcome(completion=existing)
    logger.info("module %s completed by user %s", module.pk, user.pk)
    return CompletionOutcome(completion=completion, created=True)


def _cycle_followed(
    *, user, module: ModulePage, enrolment_cycle: int | None
) -> tuple[ModuleCompletion | None, int]:
    """The cycle the learner follows, and its completion if recorded already."""
    latest = ModuleCompletion.objects.filter(user=user, module=module).order_by("-cycle").first()
    if latest is None:
        return None, 1
    # A new cycle (recertification) was started after this completion expired.
    if enrolment_cycle is None:
        enrolment_cycle = (
            Enrolment.objects.filter(user=user, module=module)
            .values_list("cycle", flat=True)
            .first()
        )
    cycle = enrolment_cycle or 1
    return (latest if latest.cycle >= cycle else None), cycle


@transaction.atomic
def module_restart(*, user, module: ModulePage) -> Enrolment:
    """Start a new cycle of a module whose validity has run out (recertification).

    The earlier completion and its attestation stay in the history; the lessons,
    activities and final quiz are to be done again. Calling it twice starts one cycle.
    """
    latest = ModuleCompletion.objects.filter(user=user, module=module).order_by("-cycle").first()
    if latest is None or not completion_expired(completion=latest, module=module):
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
        completed=False,
        success=None,
        score_scaled=None,
        server_checked=False,
        state=None,
        answers={},
    )
    ScormAttempt.objects.filter(user=user, module=module).delete()
    if module.final_quiz_id:
        from quizzes import services as quiz_services

        quiz_services.attempts_supersede(quiz_id=module.final_quiz_id, user=user)
    logger.info("module %s restarted by user %s (cycle %s)", module.pk, user.pk, enrolment.cycle)
    return enrolment


def completion_finalise(*, completion: ModuleCompletion, module: ModulePage) -> None:
    """What follows a recorded completion: its attestation, then the signal the
    indicators count it from. Both are idempotent.

    Called by `module_completion_update` (the rule's door) in the transaction that
    records the completion; demo loaders, which record past completions with their
    own dates, call it too.
    """
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
        # What the content takes (computed), not a typed figure.
        duration_minutes=catalogue.module_minutes(module),
        completed_at=completion.completed_at,
        score=completion.score,
        valid_until=valid_until,
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 January + 1 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
