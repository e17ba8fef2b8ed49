"""Reads of the catalogue: published modules, their search and their lessons.

Every function issues a fixed number of queries whatever the number of modules
or lessons (asserted in tests/test_query_counts.py).
"""

from django.db.models import Count
from django.db.models.functions import Substr

from core import page_cache

from ..constants import DURATION_BUCKETS
from ..models import LessonPage, ModuleIndexPage, ModulePage


def live_lesson_counts(modules: list[ModulePage]) -> dict[int, int]:
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
    counts = live_lesson_counts(modules)
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
