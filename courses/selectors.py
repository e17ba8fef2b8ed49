"""Reads of the training catalogue and of learners' progress.

Every function issues a fixed number of queries whatever the number of modules,
lessons or learners (asserted in tests/test_query_counts.py).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import page_cache

from .constants import DURATION_BUCKETS
from .models import (
    ActivityResult,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModuleIndexPage,
    ModulePage,
)


def _live_lesson_counts(modules: list[ModulePage]) -> dict[int, int]:
    """Return {module id: number of live lessons} in one grouped query."""
    if not modules:
        return {}
    id_by_path = {m.path: m.pk for m in modules}
    path_length = len(modules[0].path)
    rows = (
        LessonPage.objects.live()
        .filter(depth=modules[0].depth + 1)
        .annotate(parent_path=Substr("path", 1, path_length))
        .filter(parent_path__in=list(id_by_path))
        .order_by()  # the default ordering by path would split the groups
        .values("parent_path")
        .annotate(n=Count("id"))
    )
    return {id_by_path[row["parent_path"]]: row["n"] for row in rows}


def catalogue_modules(
    *,
    index: ModuleIndexPage,
    q: str = "",
    audience: str = "",
    topic: str = "",
    kind: str = "",
    duration: str = "",
    mandatory: str = "",
) -> list[ModulePage]:
    """Return the published modules of the catalogue matching the filters, by title."""
    modules = ModulePage.objects.live().public().child_of(index)
    if audience:
        modules = modules.filter(audiences__code=audience)
    if topic:
        modules = modules.filter(topics__slug=topic)
    if kind:
        modules = modules.filter(kind=kind)
    if duration:
        for value, _label, low, high in DURATION_BUCKETS:
            if value == duration:
                modules = modules.filter(duration_minutes__gte=low, duration_minutes__lte=high)
    if mandatory == "oui":
        modules = modules.filter(mandatory_for__isnull=False)
    elif mandatory == "non":
        modules = modules.filter(mandatory_for__isnull=True)
    if q:
        modules = modules.filter(pk__in=search_module_ids(index=index, q=q))
    modules = list(
        modules.distinct()
        .order_by("title")
        .prefetch_related("audiences", "topics", "mandatory_for")
    )
    counts = _live_lesson_counts(modules)
    for module in modules:
        module.lesson_count = counts.get(module.pk, 0)
    return modules


def search_module_ids(*, index: ModuleIndexPage, q: str) -> set[int]:
    """Return ids of modules whose own text or one of whose lessons matches `q`."""
    ids = {page.pk for page in ModulePage.objects.live().child_of(index).search(q)}
    lesson_paths = [
        lesson.path for lesson in LessonPage.objects.live().descendant_of(index).search(q)
    ]
    if lesson_paths:
        parent_paths = {path[: -ModulePage.steplen] for path in lesson_paths}
        ids |= set(ModulePage.objects.filter(path__in=parent_paths).values_list("pk", flat=True))
    return ids


def module_lessons(module: ModulePage, *, with_body: bool = False) -> list[LessonPage]:
    """Return the module's live lessons in order (from the page cache when warm).

    Bodies are left out unless asked for: lists of lessons only show titles,
    links and durations; the completion rule needs the bodies (activities).
    """
    if with_body:
        return list(LessonPage.objects.live().child_of(module).order_by("path"))
    return page_cache.cached(
        "lessons",
        module.pk,
        lambda: list(LessonPage.objects.live().child_of(module).order_by("path").defer("body")),
    )


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
    from .services import add_months

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
    lessons = progress.lessons
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    results = {}
    # From the raw body: converting the StreamField would fetch the packages.
    if user.is_authenticated and lesson.h5p_package_ids():
        results = {r.package_id: r for r in ActivityResult.objects.filter(user=user, lesson=lesson)}
    return {
        "module": module,
        "progress": progress,
        "lesson_number": position + 1,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "lesson_completed": lesson.pk in progress.completed_lesson_ids,
        "activity_results": results,
    }


# A learner's own parts of a lesson page, left as markers in the shared rendering.
_MARKERS = {
    "percent": mark_safe("<!--egide-percent-->"),  # noqa: S308 - a constant
    "completed": mark_safe("<!--egide-completed-->"),  # noqa: S308 - a constant
    "csrf": mark_safe("<!--egide-csrf-->"),  # noqa: S308 - a constant
}
_MARKER = re.compile(r"<!--egide-(percent|completed|csrf|h5p-status:(\d+))-->")


def _h5p_status_text(result) -> str:
    if result is None or not result.completed:
        return ""
    if result.success:
        return _("Activité réussie.")
    if result.success is False:
        return _("Activité faite : vous pouvez réessayer.")
    return _("Activité faite.")


def lesson_content_html(*, lesson: LessonPage, request, context: dict) -> str:
    """Return the lesson page's main column with the learner's own parts put in.

    Everything but the module's progress, the "lesson done" badge, the CSRF token
    and the H5P statuses is the same for every learner, and rendering it (StreamField
    conversion, the packages' query, rich text rewriting, links, translations) is
    most of a lesson page's cost: it is rendered once per published revision and
    per enrolled / not enrolled (the players' endpoints, the "done" form) in the
    page cache, whose version changes with any page (titles, order of lessons), then
    each marker is replaced. Previews render a revision not yet published: never
    cached.
    """
    enrolled = bool(getattr(request, "egide_enrolled", False))

    def render() -> str:
        return render_to_string(
            "courses/includes/lesson_content.html",
            {
                "page": lesson,
                "module": context["module"],
                "lessons": context["progress"].lessons,
                "lesson_number": context["lesson_number"],
                "previous_lesson": context["previous_lesson"],
                "next_lesson": context["next_lesson"],
                "enrolled": enrolled,
                "markers": _MARKERS,
            },
            request=request,
        )

    if getattr(request, "is_preview", False):
        html = render()
    else:
        key = f"{lesson.pk}:{lesson.live_revision_id}:{int(enrolled)}:{get_language()}"
        html = page_cache.cached("lesson-content", key, render)
    activity_results = context["activity_results"]

    def fill(match) -> str:
        match match.group(1):
            case "percent":
                return str(context["progress"].percent)
            case "completed":
                if not context["lesson_completed"]:
                    return ""
                return format_html(
                    '<p class="fr-badge fr-badge--success fr-mb-2w">{}</p>', _("Leçon terminée")
                )
            case "csrf":
                return get_token(request)
        return escape(_h5p_status_text(activity_results.get(int(match.group(2)))))

    return mark_safe(_MARKER.sub(fill, html))  # noqa: S308 - our templates; filled values escaped


@dataclass
class LearnerModuleRow:
    enrolment: Enrolment
    completed_lessons: int
    total_lessons: int
    completion: ModuleCompletion | None
    attestation: object | None = None  # certificates.Attestation

    @property
    def percent(self) -> int:
        if not self.total_lessons:
            return 0
        return round(100 * self.completed_lessons / self.total_lessons)


def my_trainings(*, user) -> dict:
    """Return "Mes formations": in progress, completed, and suggestions for the audience."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("module", "last_lesson")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    modules = [e.module for e in enrolments]
    totals = _live_lesson_counts(modules)
    done = dict(
        LessonProgress.objects.filter(user=user, completed_at__isnull=False)
        .order_by()
        .values_list("module_id")
        .annotate(n=Count("id"))
    )
    completions = {
        c.module_id: c for c in ModuleCompletion.objects.filter(user=user).order_by("cycle")
    }
    in_progress, completed = [], []
    for enrolment in enrolments:
        row = LearnerModuleRow(
            enrolment=enrolment,
            completed_lessons=done.get(enrolment.module_id, 0),
            total_lessons=totals.get(enrolment.module_id, 0),
            completion=completions.get(enrolment.module_id),
        )
        (completed if row.completion else in_progress).append(row)
    suggestions = []
    if user.profession:
        suggestions = list(
            ModulePage.objects.live()
            .public()
            .filter(audiences__code=user.profession)
            .exclude(pk__in=[m.pk for m in modules])
            .distinct()
            .order_by("title")[:6]
        )
    from certificates import selectors as certificate_selectors
    from quizzes import selectors as quiz_selectors

    attestations = certificate_selectors.attestations_by_source(
        user=user, sources=[f"module-completion:{row.completion.pk}" for row in completed]
    )
    for row in completed:
        row.attestation = attestations.get(f"module-completion:{row.completion.pk}")
    return {
        "in_progress": in_progress,
        "completed": completed,
        "suggestions": suggestions,
        "open_quizzes": quiz_selectors.open_quizzes(),
    }


@dataclass
class ModuleLearnerRow:
    user_id: int
    full_name: str
    email: str
    profession: str
    enrolled_at: object
    completed_lessons: int
    completed_at: object | None
    score: object | None

    @property
    def status(self) -> str:
        if self.completed_at:
            return "termine"
        return "en_cours" if self.completed_lessons else "inscrit"


def module_learners(*, module: ModulePage) -> list[ModuleLearnerRow]:
    """Return one row per enrolled learner of a module (for its trainers and editors)."""
    enrolments = (
        Enrolment.objects.filter(module=module)
        .select_related("user")
        .annotate(
            completed_lessons=Count(
                "user__lesson_progress",
                filter=Q(
                    user__lesson_progress__module=module,
                    user__lesson_progress__completed_at__isnull=False,
                ),
            )
        )
        .order_by("user__last_name", "user__first_name")
    )
    completions = {
        c.user_id: c for c in ModuleCompletion.objects.filter(module=module).order_by("cycle")
    }
    rows = []
    for enrolment in enrolments:
        user = enrolment.user
        completion = completions.get(user.pk)
        rows.append(
            ModuleLearnerRow(
                user_id=user.pk,
                full_name=user.get_full_name(),
                email=user.email,
                profession=user.get_profession_display() if user.profession else "",
                enrolled_at=enrolment.enrolled_at,
                completed_lessons=enrolment.completed_lessons,
                completed_at=completion.completed_at if completion else None,
                score=completion.score if completion else None,
            )
        )
    return rows


def h5p_state(*, user, package, lesson):
    """Return the saved resume state of a learner's H5P activity, or None."""
    return (
        ActivityResult.objects.filter(user=user, package=package, lesson=lesson)
        .values_list("state", flat=True)
        .first()
    )


def personal_data(user) -> dict:
    """The learner's training records, for the RGPD export (accounts.privacy)."""
    return {
        "inscriptions": [
            {"module": e.module.title, "inscrit_le": e.enrolled_at.isoformat(), "origine": e.source}
            for e in Enrolment.objects.filter(user=user).select_related("module")
        ],
        "lecons": [
            {
                "lecon": p.lesson.title,
                "commencee_le": p.started_at.isoformat(),
                "terminee_le": p.completed_at.isoformat() if p.completed_at else None,
            }
            for p in LessonProgress.objects.filter(user=user).select_related("lesson")
        ],
        "activites": [
            {
                "activite": r.package.title,
                "faite": r.completed,
                "reussie": r.success,
                "score": float(r.score_scaled) if r.score_scaled is not None else None,
                "tentatives": r.attempts,
            }
            for r in ActivityResult.objects.filter(user=user).select_related("package")
        ],
        "modules_termines": [
            {
                "module": c.module_title,
                "termine_le": c.completed_at.isoformat(),
                "score": float(c.score) if c.score is not None else None,
            }
            for c in ModuleCompletion.objects.filter(user=user)
        ],
    }
