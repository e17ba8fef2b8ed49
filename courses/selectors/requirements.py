"""Reads of what a module's completion rule waits for: lessons, activities, final quiz.

The rule itself, and the recording of a completion, are `services.module_completion_update`.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from ..blocks import (
    DEFAULT_MIN_SCORE,
    REQUIREMENT_COMPLETION,
    REQUIREMENT_MIN_SCORE,
    REQUIREMENT_MODULE,
    REQUIREMENT_SUCCESS,
)
from ..models import (
    ActivityResult,
    H5PPackage,
    LessonPage,
    LessonProgress,
    ModulePage,
    ScormPackage,
)
from . import scorm


def required_packages(lesson: LessonPage) -> list[H5PPackage]:
    """The lesson's H5P activities marked as required, in page order."""
    return [block["package"] for block in lesson.h5p_blocks() if block["required"]]


def required_scorm_packages(lesson: LessonPage) -> list[ScormPackage]:
    """The lesson's SCORM packages marked as required, in page order."""
    return [block["package"] for block in lesson.scorm_blocks() if block["required"]]


def lessons_not_completed(*, user, module: ModulePage, lessons) -> list[LessonPage]:
    """Those of `lessons` the learner has not completed (one query)."""
    completed = set(
        LessonProgress.objects.filter(
            user=user, module=module, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    return [lesson for lesson in lessons if lesson.pk not in completed]


@dataclass(frozen=True)
class ActivityRule:
    """What one required activity asks for the module to be complete, once resolved
    from its block's `requirement` and, for "module", from the module's settings."""

    success: bool = False  # the server's verdict must be a success
    min_score: int | None = None  # the server's score must reach this percentage

    def met(self, result: ActivityResult | None) -> bool:
        """Only a result the server checked counts as a success or a score."""
        if result is None or not result.completed:
            return False
        if self.success and not (result.server_checked and result.success):
            return False
        if self.min_score is not None:
            score = result.score_scaled if result.server_checked else None
            return score is not None and score >= Decimal(self.min_score) / 100
        return True


class UnmetActivity(NamedTuple):
    lesson: LessonPage
    package: H5PPackage | ScormPackage
    rule: ActivityRule


def scorm_rule(block) -> ActivityRule:
    """The rule of one SCORM block: success and score count only with the editor's
    opt-in (the block refuses them without it; older values read as "done")."""
    requirement = block.get("requirement") or REQUIREMENT_COMPLETION
    if not block.get("trust_score"):
        return ActivityRule()
    if requirement == REQUIREMENT_SUCCESS:
        return ActivityRule(success=True)
    if requirement == REQUIREMENT_MIN_SCORE:
        min_score = block.get("min_score")
        return ActivityRule(min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    return ActivityRule()


def activity_rule(block, module: ModulePage) -> ActivityRule:
    """The rule of one H5P block; "module" (and blocks saved before the choice existed)
    applies the module's `require_activities_success` with its minimal score.

    An activity with nothing to score (Dialogcards, Accordion) can only be done: the
    module's "success" then asks that it is done, or the module could never complete.
    """
    requirement = block.get("requirement") or REQUIREMENT_MODULE
    if requirement == REQUIREMENT_COMPLETION:
        return ActivityRule()
    if requirement == REQUIREMENT_SUCCESS:
        return ActivityRule(success=True)
    if requirement == REQUIREMENT_MIN_SCORE:
        min_score = block.get("min_score")
        return ActivityRule(min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    if module.require_activities_success and _scored(block["package"]):
        return ActivityRule(success=True, min_score=module.activities_min_score)
    return ActivityRule()


def _scored(package: H5PPackage) -> bool:
    # The answer key is parsed once per package version and process.
    from ..services.activity_keys import package_key

    return package_key(package).scored


def activity_requirements(
    *, user, module: ModulePage, lessons
) -> tuple[list[UnmetActivity], Decimal | None]:
    """Apply each required activity's rule: return (unmet activities, average %).

    The average covers every required activity the server scored, whatever its rule.
    """
    required = [
        (lesson, block["package"], activity_rule(block, module))
        for lesson in lessons
        for block in lesson.h5p_blocks()
        if block["required"]
    ]
    required_scorm = [
        (lesson, block["package"], scorm_rule(block), bool(block.get("trust_score")))
        for lesson in lessons
        for block in lesson.scorm_blocks()
        if block["required"]
    ]
    if not required and not required_scorm:
        return [], None
    unmet, scores = [], []
    if required:
        results = {
            (r.lesson_id, r.package_id): r
            for r in ActivityResult.objects.filter(user=user, module=module)
        }
        for lesson, package, rule in required:
            result = results.get((lesson.pk, package.pk))
            if result is not None and result.completed and result.server_checked:
                if result.score_scaled is not None:
                    scores.append(result.score_scaled)
            if not rule.met(result):
                unmet.append(UnmetActivity(lesson, package, rule))
    if required_scorm:
        # A SCORM score never enters the module's score (the attestation's): the
        # server could not check it, even when the editor lets it decide completion.
        attempts = scorm.scorm_attempts(user=user, module_id=module.pk)
        for lesson, package, rule, trusted in required_scorm:
            found = attempts.get((lesson.pk, package.pk), [])
            if not rule.met(scorm.scorm_result(package, found, trusted=trusted)):
                unmet.append(UnmetActivity(lesson, package, rule))
    average = (sum(scores) / len(scores) * 100).quantize(Decimal("0.01")) if scores else None
    return unmet, average


def final_quiz_attempt(*, user, module: ModulePage):
    """The learner's counted attempt at the module's final quiz (its setting: best or
    last), or None. Only attempts the server graded exist."""
    if not module.final_quiz_id:
        return None
    from quizzes import selectors as quiz_selectors

    quiz = module.final_quiz
    return quiz_selectors.counted_attempt(quiz, quiz_selectors.attempts(quiz=quiz, user=user))
