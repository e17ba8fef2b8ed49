"""Modules and lessons: real Wagtail pages (paths, revisions, search index) written in bulk.

`add_child` + `save_revision().publish()` costs about 140 ms a page: page and revision ids
are reserved from their sequences first, so that revisions, pages and their specific rows
are three inserts.
"""

import random
import uuid
from datetime import timedelta

from .common import BATCH, MODULE_SLUG_PREFIX, SEED, n, phase, reserve_ids
from .content import THEMES, TOPICS, lesson_body


def seed_pages(*, modules: int, lessons_per_module: int, timings: list):
    """Create the H5P packages, modules and lessons; return the modules and their lessons."""
    from wagtail.search.backends import get_search_backend

    from courses.models import LessonPage, ModuleIndexPage, ModulePage

    index = ModuleIndexPage.objects.get()
    # Lessons 1, 3, 5… of each module hold an activity (_lesson).
    activities = modules * ((lessons_per_module + 1) // 2)
    with phase(f"{n(activities)} activités H5P TrueFalse (prêtes)", timings):
        packages = _packages(activities)
        topics, audiences = _topics_and_audiences()
    with phase(f"{modules} modules et {n(modules * lessons_per_module)} leçons (pages)", timings):
        placer = _Placer(index, count=modules * (lessons_per_module + 1))
        module_pages, lesson_pages, m2m = [], [], []
        package_iter = iter(packages)
        rng = random.Random(SEED)
        for number in range(1, modules + 1):
            module, lessons, links = _module_with_lessons(
                number, lessons_per_module, placer, rng, package_iter, topics, audiences
            )
            module_pages.append(module)
            lesson_pages += lessons
            m2m.append(links)
        _insert_pages(index, module_pages, lesson_pages)
        _insert_module_links(m2m)
    with phase("index de recherche des pages", timings):
        backend = get_search_backend()
        backend.add_bulk(ModulePage, module_pages)
        backend.add_bulk(LessonPage, lesson_pages)
    with phase("vérification de l'arbre des pages", timings):
        check_page_tree()
    return module_pages, lesson_pages


def _packages(count: int) -> list:
    from courses.constants import PackageStatus
    from courses.models import H5PPackage

    return H5PPackage.objects.bulk_create(
        [
            H5PPackage(
                title=f"Vrai ou faux n° {number}",
                file=f"h5p/uploads/bench/vrai-faux-{number}.h5p",
                status=PackageStatus.READY,
                main_library="H5P.TrueFalse 1.6",
                h5p_json={"title": f"Vrai ou faux n° {number}", "mainLibrary": "H5P.TrueFalse"},
                content_json={
                    "correct": "false" if number % 3 else "true",
                    "question": "<p>Une victime sans blessure visible ne subit pas de "
                    "violences.</p>",
                },
            )
            for number in range(1, count + 1)
        ],
        batch_size=BATCH,
    )


def _topics_and_audiences() -> tuple[list, list]:
    from courses.models import Audience, Topic

    topics = [
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in TOPICS
    ]
    return topics, list(Audience.objects.all())


class _Placer:
    """Places pages under a parent as treebeard and Wagtail would, with reserved ids."""

    def __init__(self, index, *, count: int):
        from django.utils import timezone
        from wagtail.models import Page, Revision

        self.page_ids = iter(reserve_ids(Page._meta.db_table, count))
        self.revision_ids = iter(reserve_ids(Revision._meta.db_table, count))
        last_child = index.get_last_child()
        self.first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        self.index = index
        self.now = timezone.now()

    def place(self, page, *, parent, step, slug, published_at):
        from wagtail.models import Page

        page.id = page.page_ptr_id = next(self.page_ids)
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.slug = slug
        page.url_path = f"{parent.url_path}{slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        page.latest_revision_created_at = published_at
        page.latest_revision_id = page.live_revision_id = next(self.revision_ids)


def _module_with_lessons(number, lessons_per_module, placer, rng, package_iter, topics, audiences):
    """Module `number` and its lessons, in memory; with its audiences, topics, mandatory_for."""
    from django.utils.text import slugify

    from courses.constants import Kind
    from courses.models import ModulePage

    theme = THEMES[(number - 1) % len(THEMES)]
    published_at = placer.now - timedelta(days=rng.randint(30, 720))
    module = ModulePage(
        title=f"{theme} — module {number}",
        summary=f"{theme} : repères, cadre juridique et conduite à tenir ({number}).",
        objectives="<ul><li>Repérer les situations</li><li>Orienter la victime</li></ul>",
        kind=Kind.FORMATION if number % 3 else Kind.SENSIBILISATION,
        duration_minutes=rng.choice([20, 30, 45, 60, 90]),
        content_warning="Ce module évoque des violences conjugales et sexuelles."
        if number % 4 == 0
        else "",
        validity_months=24 if number % 5 == 0 else None,
        numchild=lessons_per_module,
        show_in_menus=False,
    )
    placer.place(
        module,
        parent=placer.index,
        step=placer.first_step + number - 1,
        slug=f"{MODULE_SLUG_PREFIX}{number:03d}-{slugify(theme)}",
        published_at=published_at,
    )
    module_audiences = rng.sample(audiences, rng.randint(1, 3))
    module_topics = rng.sample(topics, rng.randint(1, 2))
    mandatory = module_audiences[:1] if number % 7 == 0 else []
    # In memory for the revision's content; written below through the M2M tables.
    module.audiences.set(module_audiences)
    module.topics.set(module_topics)
    module.mandatory_for.set(mandatory)
    lessons = [
        _lesson(module, number, lesson_number, theme, placer, published_at, package_iter)
        for lesson_number in range(1, lessons_per_module + 1)
    ]
    return module, lessons, (module, module_audiences, module_topics, mandatory)


def _lesson(module, number, lesson_number, theme, placer, published_at, package_iter):
    from courses.models import LessonPage

    package = next(package_iter) if lesson_number % 2 else None
    lesson = LessonPage(
        title=f"{theme} — leçon {lesson_number}",
        intro=f"Leçon {lesson_number} du module {number} : l'essentiel en quelques minutes.",
        body=lesson_body(module_number=number, lesson_number=lesson_number, package=package),
        show_in_menus=False,
    )
    lesson.reading_minutes = lesson.compute_reading_minutes()
    placer.place(
        lesson,
        parent=module,
        step=lesson_number,
        slug=f"lecon-{lesson_number:02d}",
        published_at=published_at,
    )
    return lesson


def _insert_pages(index, module_pages, lesson_pages) -> None:
    """Revisions, base page rows, then each model's own rows; the index's numchild."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from wagtail.models import Page, Revision

    from courses.models import LessonPage, ModulePage

    page_content_type = ContentType.objects.get_for_model(Page)
    all_pages = module_pages + lesson_pages
    Revision.objects.bulk_create(
        [
            Revision(
                id=page.latest_revision_id,
                content_type_id=page.content_type_id,
                base_content_type_id=page_content_type.pk,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                content=page.serializable_data(),
                object_str=page.title,
            )
            for page in all_pages
        ],
        batch_size=1000,
    )
    base_fields = [field.attname for field in Page._meta.concrete_fields]
    Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in all_pages],
        batch_size=1000,
    )
    # Django refuses bulk_create on multi-table children: insert their own rows the way
    # Model.save() does, once the base rows exist.
    for model, pages in ((ModulePage, module_pages), (LessonPage, lesson_pages)):
        for start in range(0, len(pages), 1000):
            model._base_manager._insert(
                pages[start : start + 1000], fields=model._meta.local_concrete_fields
            )
        for page in pages:
            page._state.adding = False
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(module_pages))


def _insert_module_links(m2m) -> None:
    from courses.models import ModulePage

    ModulePage.audiences.through.objects.bulk_create(
        ModulePage.audiences.through(modulepage_id=m.pk, audience_id=a.pk)
        for m, auds, _t, _m in m2m
        for a in auds
    )
    ModulePage.topics.through.objects.bulk_create(
        ModulePage.topics.through(modulepage_id=m.pk, topic_id=t.pk)
        for m, _a, tops, _m in m2m
        for t in tops
    )
    ModulePage.mandatory_for.through.objects.bulk_create(
        ModulePage.mandatory_for.through(modulepage_id=m.pk, audience_id=a.pk)
        for m, _a, _t, mand in m2m
        for a in mand
    )


def check_page_tree() -> None:
    """Check what treebeard and Wagtail's routing rely on, for every page, in one query.

    Depth matches the path, every parent exists, numchild counts the children and
    url_path is the parent's url_path plus the slug (treebeard's find_problems does
    the first three, in seconds rather than milliseconds).
    """
    from wagtail.models import Page

    rows = list(
        Page.objects.order_by().values_list("path", "depth", "numchild", "slug", "url_path")
    )
    by_path = {row[0]: row for row in rows}
    children: dict[str, int] = {}
    problems = []
    for path, depth, _numchild, slug, url_path in rows:
        if len(path) != depth * Page.steplen:
            problems.append(f"{path}: profondeur {depth}")
        if depth == 1:
            continue
        parent = by_path.get(path[: -Page.steplen])
        if parent is None:
            problems.append(f"{path}: parent absent")
            continue
        children[parent[0]] = children.get(parent[0], 0) + 1
        if url_path != f"{parent[4]}{slug}/":
            problems.append(f"{path}: url_path {url_path}")
    problems += [
        f"{path}: numchild {numchild} pour {children.get(path, 0)} enfants"
        for path, _depth, numchild, _slug, _url in rows
        if numchild != children.get(path, 0)
    ]
    if problems:
        raise SystemExit("Arbre des pages incohérent : " + "; ".join(problems[:10]))
