"""Reads of a learner's progress in a module, and the module and lesson pages' context."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from core import page_cache

from ..models import (
    ActivityResult,
    Enrolment,
    H5PPackage,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
)
from .catalogue import module_lessons


@dataclass
class ModuleProgress:
    module: ModulePage
    lessons: list[LessonPage]
    completed_lesson_ids: set[int] = field(default_factory=set)
    enrolment: Enrolment | None = None
    # The completion of the cycle being followed (None during a new cycle).
    completion: ModuleCompletion | None = None
    # The completion of an earlier cycle, kept in the history (recertification).
    previous_completion: ModuleCompletion | None = None
    valid_until: date | None = None
    expired: bool = False

    @property
    def percent(self) -> int:
        if not self.lessons:
            return 0
        done = sum(1 for lesson in self.lessons if lesson.pk in self.completed_lesson_ids)
        return round(100 * done / len(self.lessons))

    def lesson_after(self, lesson: LessonPage) -> LessonPage | None:
        """Return the lesson that follows `lesson` in the module, if any."""
        ids = [item.pk for item in self.lessons]
        position = ids.index(lesson.pk) if lesson.pk in ids else len(ids)
        return self.lessons[position + 1] if position + 1 < len(self.lessons) else None

    @property
    def resume_lesson(self) -> LessonPage | None:
        """The first lesson not completed yet (where "Reprendre" leads)."""
        for lesson in self.lessons:
            if lesson.pk not in self.completed_lesson_ids:
                return lesson
        return self.lessons[0] if self.lessons else None


# Marks an enrolment the caller has not looked up yet.
UNKNOWN = object()


def module_progress(
    *, module: ModulePage, user, enrolment=UNKNOWN, with_completion: bool = True
) -> ModuleProgress:
    progress = ModuleProgress(module=module, lessons=module_lessons(module))
    if user.is_authenticated:
        if enrolment is UNKNOWN:
            enrolment = Enrolment.objects.filter(user=user, module=module).first()
        progress.enrolment = enrolment
        progress.completed_lesson_ids = set(
            LessonProgress.objects.filter(
                user=user, module=module, completed_at__isnull=False
            ).values_list("lesson_id", flat=True)
        )
        if with_completion:
            latest = (
                ModuleCompletion.objects.filter(user=user, module=module).order_by("-cycle").first()
            )
            if latest is not None and enrolment is not None and enrolment.cycle > latest.cycle:
                progress.previous_completion = latest
            elif latest is not None:
                progress.completion = latest
                progress.valid_until = completion_valid_until(completion=latest, module=module)
                progress.expired = completion_expired(completion=latest, module=module)
    return progress


def unmet_prerequisites(*, module: ModulePage, user) -> list[ModulePage]:
    """Return the prerequisite modules the user has not completed."""
    # .all() works on both saved relations and in-memory (ClusterableModel) ones.
    prerequisites = [p for p in module.prerequisites.all() if p.live]
    if not prerequisites:
        return []
    done = (
        set(
            ModuleCompletion.objects.filter(user=user, module__in=prerequisites).values_list(
                "module_id", flat=True
            )
        )
        if user.is_authenticated
        else set()
    )
    return [p for p in prerequisites if p.pk not in done]


def completion_valid_until(*, completion: ModuleCompletion, module: ModulePage) -> date | None:
    """The last day a completion is valid (the module's validity period), or None."""
    if module is None or not module.validity_months:
        return None
    from ..services import add_months

    return add_months(timezone.localdate(completion.completed_at), module.validity_months)


def completion_expired(
    *, completion: ModuleCompletion, module: ModulePage, today: date | None = None
) -> bool:
    """True once the validity has run out (the last valid day is past, Europe/Paris)."""
    valid_until = completion_valid_until(completion=completion, module=module)
    return valid_until is not None and valid_until < (today or timezone.localdate())


def module_page_context(*, module: ModulePage, user) -> dict:
    progress = module_progress(module=module, user=user)
    context = {
        "progress": progress,
        "unmet_prerequisites": unmet_prerequisites(module=module, user=user),
        "quiz_attempt": None,
        "pre_test_to_do": False,
        "questionnaire_to_answer": False,
    }
    if progress.enrolment is None:
        return context
    context["activity_verdicts"] = activity_verdicts(module=module, user=user, progress=progress)
    if module.final_quiz_id:
        from quizzes import selectors as quiz_selectors

        by_phase = quiz_selectors.attempts_by_phase(quiz_id=module.final_quiz_id, user=user)
        context["quiz_attempt"] = quiz_selectors.counted_attempt(
            module.final_quiz, by_phase["main"]
        )
        context["pre_test_to_do"] = module.pre_test and not quiz_selectors.finished(by_phase["pre"])
    if progress.completion and module.satisfaction_questionnaire_id:
        from quizzes import selectors as quiz_selectors

        context["questionnaire_to_answer"] = not quiz_selectors.questionnaire_answered(
            questionnaire=module.satisfaction_questionnaire_id,
            user=user,
            subject=f"module:{module.pk}",
        )
    return context


def lesson_page_context(*, lesson: LessonPage, user, enrolment=UNKNOWN) -> dict:
    module = lesson.module
    # The lesson page does not show the module's completion: spare that query.
    progress = module_progress(module=module, user=user, enrolment=enrolment, with_completion=False)
    lessons = _lesson_outline(progress.lessons, lesson)
    position = next(i for i, item in enumerate(lessons) if item is lesson or item.pk == lesson.pk)
    results = {}
    # From the raw body: converting the StreamField would fetch the packages.
    if user.is_authenticated and lesson.h5p_package_ids():
        results = {r.package_id: r for r in ActivityResult.objects.filter(user=user, lesson=lesson)}
    return {
        "module": module,
        "progress": progress,
        "lesson_number": position + 1,
        # The lessons the stepper counts: the live ones, and this one when it is not
        # live yet (an editor's preview: "Leçon 3 sur 3", never "Leçon 1 sur 0").
        "lesson_outline": lessons,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "lesson_completed": lesson.pk in progress.completed_lesson_ids,
        "activity_results": results,
    }


def _lesson_outline(live: list[LessonPage], lesson: LessonPage) -> list[LessonPage]:
    """The module's live lessons with `lesson` in its place among them, by tree order.

    A lesson previewed before publication (new, or unpublished) is not among the live
    ones; a new page's preview has no pk yet but its path already sorts it last."""
    if any(item.pk == lesson.pk for item in live if lesson.pk is not None):
        return live
    return sorted([*live, lesson], key=lambda item: item.path or "~")


class ActivityStatus:
    """The server's verdict on one of a learner's activities, as the module page says it."""

    TO_DO = "a_faire"
    IN_PROGRESS = "en_cours"
    SUCCEEDED = "reussie"
    TO_REDO = "a_refaire"
    DONE = "faite"  # an activity without answers to check (viewed)


@dataclass
class ActivityVerdict:
    lesson: LessonPage
    package_id: int
    title: str
    status: str
    score: int | None = None  # percent, when the server scored the answers


def module_activity_outline(module: ModulePage) -> list[tuple[int, int, str]]:
    """(lesson id, package id, title) of every H5P activity of the module's live lessons,
    in page order, from the page cache (bumped when a page or a package changes)."""

    def build():
        lessons = LessonPage.objects.live().child_of(module).order_by("path").only("pk", "body")
        pairs = [
            (lesson.pk, package_id)
            for lesson in lessons
            for package_id in dict.fromkeys(lesson.h5p_package_ids())
        ]
        titles = dict(
            H5PPackage.objects.filter(pk__in={p for _l, p in pairs}).values_list("pk", "title")
        )
        return [(lesson_id, p, titles[p]) for lesson_id, p in pairs if p in titles]

    return page_cache.cached("module-activities", module.pk, build)


def activity_verdicts(*, module: ModulePage, user, progress: ModuleProgress) -> list:
    """The learner's activities of the module with the server's verdict on each.

    Per learner, so computed for each request (never in a shared cache): one query
    once the module's outline is cached, whatever the number of activities.
    """
    lessons = {lesson.pk: lesson for lesson in progress.lessons}
    outline = [row for row in module_activity_outline(module) if row[0] in lessons]
    if not outline:
        return []
    results = {
        (r.lesson_id, r.package_id): r
        for r in ActivityResult.objects.filter(user=user, module=module).only(
            "lesson_id",
            "package_id",
            "completed",
            "success",
            "score_scaled",
            "server_checked",
            "answers",
        )
    }
    verdicts = []
    for lesson_id, package_id, title in outline:
        result = results.get((lesson_id, package_id))
        status = _activity_status(result)
        score = None
        if result is not None and result.server_checked and result.score_scaled is not None:
            score = round(100 * result.score_scaled)
        if status == ActivityStatus.TO_DO:
            score = None
        verdicts.append(ActivityVerdict(lessons[lesson_id], package_id, title, status, score))
    return verdicts


def _activity_status(result: ActivityResult | None) -> str:
    if result is None:
        return ActivityStatus.TO_DO
    if result.server_checked and result.success:
        return ActivityStatus.SUCCEEDED
    if result.completed:
        # Scored and not succeeded: to redo; nothing to score (viewed): done.
        return ActivityStatus.TO_REDO if result.success is False else ActivityStatus.DONE
    if result.answers or result.server_checked:
        return ActivityStatus.IN_PROGRESS
    return ActivityStatus.TO_DO
