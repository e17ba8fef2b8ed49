"""Reads of the catalogue: published modules, their search and their lessons.

Every function issues a fixed number of queries whatever the number of modules
or lessons (asserted in tests/test_query_counts.py).
"""

from django.db.models import Count, Sum
from django.db.models.functions import Substr

from core import page_cache

from .. import durations
from ..constants import DURATION_BUCKETS
from ..models import LessonPage, ModuleIndexPage, ModulePage


def _live_lesson_sums(modules: list[ModulePage]) -> dict[int, dict]:
    """{module id: {"n": live lessons, "minutes": their minutes}} in one grouped query."""
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
        .annotate(n=Count("id"), minutes=Sum("reading_minutes"))
    )
    return {id_by_path[row["parent_path"]]: row for row in rows}


def live_lesson_counts(modules: list[ModulePage]) -> dict[int, int]:
    """Return {module id: number of live lessons} in one grouped query."""
    return {pk: row["n"] for pk, row in _live_lesson_sums(modules).items()}


def quiz_minutes(quiz_ids: set[int]) -> dict[int, int]:
    """{quiz id: minutes one attempt takes} in two queries (quizzes, their tag draws)."""
    if not quiz_ids:
        return {}
    from quizzes.models import Quiz

    quizzes = Quiz.objects.filter(pk__in=quiz_ids).only("pk", "questions", "draw_total")
    return {
        quiz.pk: durations.quiz_minutes(
            questions=len(quiz.questions.raw_data),
            draw_total=quiz.draw_total,
            tag_draws=sum(draw.count for draw in quiz.tag_draws.all() if draw.tag),
        )
        for quiz in quizzes.prefetch_related("tag_draws")
    }


def module_durations(modules: list[ModulePage]) -> dict[int, dict]:
    """{module id: {"lessons": n, "minutes": m}}: a module's time is its live lessons'
    (computed from their content when published) plus its final quiz's, never typed."""
    sums = _live_lesson_sums(modules)
    quizzes = quiz_minutes({m.final_quiz_id for m in modules if m.final_quiz_id})
    found = {}
    for module in modules:
        row = sums.get(module.pk, {})
        found[module.pk] = {
            "lessons": row.get("n", 0),
            "minutes": (row.get("minutes") or 0) + quizzes.get(module.final_quiz_id, 0),
        }
    return found


def module_minutes(module: ModulePage) -> int:
    """One module's time (as `module_durations`), from its cached outline: no query
    unless it has a final quiz."""
    minutes = sum(lesson.reading_minutes for lesson in module_lessons(module))
    if module.final_quiz_id:
        minutes += quiz_minutes({module.final_quiz_id}).get(module.final_quiz_id, 0)
    return minutes


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
    found = module_durations(modules)
    for module in modules:
        module.lesson_count = found[module.pk]["lessons"]
        module.minutes = found[module.pk]["minutes"]
    if duration:
        # The duration is computed, not a column: the (few) modules are sorted here.
        bounds = {value: (low, high) for value, _label, low, high in DURATION_BUCKETS}
        low, high = bounds.get(duration, (0, 100_000))
        modules = [m for m in modules if low <= m.minutes <= high]
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
