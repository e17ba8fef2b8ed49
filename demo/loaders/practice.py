"""The practice module « S'exercer à repérer et orienter » (`demo/content/exercices.py`).

Idempotent as `demo.loaders.courses`: the module is found by its slug, a lesson by its
title, an H5P package by its title (the sample's), and a page is published again only
when its content changed.
"""

import io

from django.core.files.base import ContentFile
from wagtail.rich_text import RichText

from courses.h5p.authoring import build_package, sample_h5p_json
from courses.h5p.packages import h5p_package_extract, h5p_package_prepare
from courses.h5p.validation import validate_package
from courses.models import Audience, H5PPackage, ModuleIndexPage, ModulePage, Topic
from demo.content import exercices
from demo.loaders import courses as courses_demo


def load(*, user) -> ModulePage:
    """Create or refresh the practice module and its 14 activities; return the module."""
    content = exercices.MODULE
    packages = {a.kind: _package(a.kind, user=user) for a in content.activities}
    module = ModulePage.objects.filter(slug=content.slug).first()
    before = None
    if module is None:
        module = ModulePage(title=content.title, slug=content.slug, summary=content.summary)
        ModuleIndexPage.objects.get().add_child(instance=module)
    else:
        before = _state(module)
    module.title = content.title
    module.summary = content.summary
    module.objectives = RichText(content.objectives_html).source
    module.kind = content.kind
    module.topics.set(
        [Topic.objects.get_or_create(slug=s, defaults={"name": n})[0] for s, n in content.topics]
    )
    module.audiences.set(Audience.objects.filter(code__in=content.audiences))
    if before is None or before != _state(module) or not module.live:
        module.save_revision(user=user).publish()
    lessons = [
        courses_demo.LessonContent(lesson.title, lesson.intro, _body(lesson, packages))
        for lesson in content.lessons
    ]
    courses_demo.lessons_load(module, lessons, user=user)
    return ModulePage.objects.get(pk=module.pk)


def _package(kind: str, *, user) -> H5PPackage:
    title = sample_h5p_json(kind)["title"]
    existing = H5PPackage.objects.filter(title=title).first()
    if existing and existing.is_ready:
        return existing
    data = build_package(kind)
    filename = f"{kind}.h5p"
    validated = validate_package(io.BytesIO(data), filename=filename)
    package = existing or H5PPackage(title=title)
    h5p_package_prepare(package=package, validated=validated, user=user)
    package.file.save(filename, ContentFile(data), save=True)
    return h5p_package_extract(package=package)


def _body(lesson: exercices.PracticeLesson, packages: dict[str, H5PPackage]) -> list:
    body = [
        ("heading", {"text": lesson.title, "level": "h2"}),
        ("paragraph", RichText(lesson.text_html)),
    ]
    for activity in lesson.activities:
        block = {
            "package": packages[activity.kind],
            "instructions": activity.instructions,
            "required": True,
            "requirement": activity.requirement,
            "min_score": activity.min_score,
        }
        body.append(("h5p", block))
    return body


def _state(module: ModulePage) -> tuple:
    return (
        module.title,
        module.summary,
        module.objectives,
        module.kind,
        sorted(a.pk for a in module.audiences.all()),
        sorted(t.pk for t in module.topics.all()),
    )
