"""Reads of SCORM results: a package's result for a learner, from its SCOs' attempts.

A package is done when every SCO of its manifest is completed (or passed); it is a
success when, besides, no SCO reports a failure and at least one reports a success
(a SCO that only says "completed" does not prevent it); its score is the average of
the SCOs' best scores. All of it comes from the browser: `server_checked` is the
editor's opt-in (the block's "accept the score the package reports"), which lets
the completion rule read success and score as it reads those of H5P activities
the server re-scored.
"""

from dataclasses import dataclass
from decimal import Decimal

from ..models import ScormAttempt, ScormPackage


@dataclass(frozen=True)
class ScormResult:
    completed: bool
    success: bool | None
    score_scaled: Decimal | None
    server_checked: bool = False
    scos_done: int = 0
    scos_total: int = 0


def scorm_result(
    package: ScormPackage, attempts: list[ScormAttempt], *, trusted: bool = False
) -> ScormResult:
    """The result of one package from its SCOs' attempts (of one learner, one lesson)."""
    by_sco = {attempt.sco: attempt for attempt in attempts}
    identifiers = [sco["identifier"] for sco in package.scos]
    done = [by_sco[i] for i in identifiers if i in by_sco and by_sco[i].completed]
    completed = bool(identifiers) and len(done) == len(identifiers)
    statuses = {by_sco[i].success_status for i in identifiers if i in by_sco}
    success = None
    if "failed" in statuses:
        success = False
    elif "passed" in statuses:
        success = completed
    scores = [a.score_scaled for a in by_sco.values() if a.score_scaled is not None]
    score = (sum(scores) / len(scores)).quantize(Decimal("0.0001")) if scores else None
    return ScormResult(
        completed=completed,
        success=success,
        score_scaled=score,
        server_checked=trusted,
        scos_done=len(done),
        scos_total=len(identifiers),
    )


def scorm_attempts(*, user, module_id: int) -> dict[tuple[int, int], list[ScormAttempt]]:
    """A learner's attempts in a module, by (lesson id, package id), in one query."""
    grouped: dict[tuple[int, int], list[ScormAttempt]] = {}
    for attempt in ScormAttempt.objects.filter(user=user, module_id=module_id).defer(
        "cmi", "past_interactions"
    ):
        grouped.setdefault((attempt.lesson_id, attempt.package_id), []).append(attempt)
    return grouped


@dataclass(frozen=True)
class ScormRow:
    """A SCORM package of a module's lesson, with its learners' declared results."""

    lesson: object
    package: ScormPackage
    people: int
    completed: int
    passed: int
    average_score: Decimal | None  # percent, as the package declared it


def module_scorm_activities(*, module) -> list[ScormRow]:
    """Every SCORM package of the module's live lessons, in page order, with figures.

    Three queries whatever the number of lessons, packages and learners: the lessons
    with their bodies, the packages, the attempts (without their CMI data).
    """
    from ..models import LessonPage

    lessons = LessonPage.objects.live().child_of(module).order_by("path")
    pairs = [(lesson, pk) for lesson in lessons for pk in dict.fromkeys(lesson.scorm_package_ids())]
    packages = ScormPackage.objects.defer("error").in_bulk({pk for _lesson, pk in pairs})
    per_learner: dict[tuple[int, int], dict[int, list[ScormAttempt]]] = {}
    for attempt in ScormAttempt.objects.filter(module=module).defer("cmi", "past_interactions"):
        key = (attempt.lesson_id, attempt.package_id)
        per_learner.setdefault(key, {}).setdefault(attempt.user_id, []).append(attempt)
    rows = []
    for lesson, pk in pairs:
        package = packages.get(pk)
        if package is None:
            continue
        results = [
            scorm_result(package, attempts)
            for attempts in per_learner.get((lesson.pk, pk), {}).values()
        ]
        scores = [r.score_scaled for r in results if r.score_scaled is not None]
        rows.append(
            ScormRow(
                lesson=lesson,
                package=package,
                people=len(results),
                completed=sum(1 for r in results if r.completed),
                passed=sum(1 for r in results if r.success),
                average_score=(sum(scores) / len(scores) * 100).quantize(Decimal("0.1"))
                if scores
                else None,
            )
        )
    return rows
