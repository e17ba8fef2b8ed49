"""Reads of what a module's completion rule waits for: lessons, activities, final quiz.

The rule itself, and the recording of a completion, are `services.module_completion_update`.
"""

from decimal import Decimal

from ..models import ActivityResult, H5PPackage, LessonPage, LessonProgress, ModulePage


def required_packages(lesson: LessonPage) -> list[H5PPackage]:
    """The lesson's H5P activities marked as required, in page order."""
    return [block["package"] for block in lesson.h5p_blocks() if block["required"]]


def lessons_not_completed(*, user, module: ModulePage, lessons) -> list[LessonPage]:
    """Those of `lessons` the learner has not completed (one query)."""
    completed = set(
        LessonProgress.objects.filter(
            user=user, module=module, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    return [lesson for lesson in lessons if lesson.pk not in completed]


def activity_requirements(
    *, user, module: ModulePage, lessons
) -> tuple[list[tuple[LessonPage, H5PPackage]], Decimal | None]:
    """Apply the module's activity rule: return (unmet (lesson, package) pairs, average %).

    Only a result the server checked can count as a success.
    """
    required = [(lesson, pkg) for lesson in lessons for pkg in required_packages(lesson)]
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


def final_quiz_attempt(*, user, module: ModulePage):
    """The learner's counted attempt at the module's final quiz (its setting: best or
    last), or None. Only attempts the server graded exist."""
    if not module.final_quiz_id:
        return None
    from quizzes import selectors as quiz_selectors

    quiz = module.final_quiz
    return quiz_selectors.counted_attempt(quiz, quiz_selectors.attempts(quiz=quiz, user=user))
