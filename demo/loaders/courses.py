"""The four demo modules shown by `make run`, written in `demo/content/`.

Idempotent: a module is found by its slug, a lesson by its title among the
module's children, an H5P activity by its title and a quiz by its title (see
`demo.loaders.quizzes` for the quiz rule). Running it again refreshes the modules and
lessons from the content and publishes a new revision only for a page whose
content changed, so an unchanged database gets no new revision. The first
module keeps the slug of the former two-lesson demo: an existing database is
updated in place (its lessons are kept, reordered, completed; a lesson that is
no longer part of the content is unpublished, never deleted, since learners'
progress points at it).
"""

import io
import json
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.rich_text import RichText

from accounts.models import User
from courses.h5p.authoring import build_package
from courses.h5p.packages import h5p_package_extract, h5p_package_prepare
from courses.h5p.validation import validate_package
from courses.models import (
    Audience,
    H5PPackage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    Topic,
)
from demo import content as demo_content
from demo.content import continuum
from demo.loaders import progress as progress_demo
from demo.loaders import quizzes as quizzes_demo
from demo.loaders import scorm as scorm_demo

MODULE_SLUG = continuum.SLUG


def load(*, user) -> ModulePage:
    """Create or refresh the four demo modules; return the continuum module, which the
    other apps' demo data (events, indicators) use."""
    return load_all(user=user)[MODULE_SLUG]


def load_all(*, user) -> dict[str, ModulePage]:
    """Create or refresh the four demo modules; return them in order, by slug."""
    index = ModuleIndexPage.objects.get()
    modules = {
        content.slug: _module(content, index=index, user=user) for content in demo_content.modules()
    }
    _past_completion(modules[MODULE_SLUG])
    return modules


def _activity(activity: demo_content.Activity | demo_content.H5PActivity, *, user) -> H5PPackage:
    """The activity's package, built again only when its content changed."""
    content = json.loads(json.dumps(activity.content))  # as stored: lists, not tuples
    existing = H5PPackage.objects.filter(title=activity.title).first()
    if existing and existing.is_ready and existing.content_json == content:
        return existing
    data = build_package(activity.kind, title=activity.title, content=content)
    validated = validate_package(io.BytesIO(data), filename=activity.filename)
    package = existing or H5PPackage(title=activity.title)
    h5p_package_prepare(package=package, validated=validated, user=user)
    package.file.save(activity.filename, ContentFile(data), save=True)
    return h5p_package_extract(package=package)


def _module_state(module: ModulePage) -> tuple:
    """What the demo content sets on a module, to publish only when it changes."""
    return (
        module.title,
        module.summary,
        module.objectives,
        module.kind,
        module.content_warning,
        module.final_quiz_id,
        module.require_quiz_passed,
        module.pre_test,
        module.satisfaction_questionnaire_id,
        sorted(a.pk for a in module.audiences.all()),
        sorted(a.pk for a in module.mandatory_for.all()),
        sorted(t.pk for t in module.topics.all()),
    )


def _module(content: demo_content.Module, *, index: ModuleIndexPage, user) -> ModulePage:
    packages = {activity.title: _activity(activity, user=user) for activity in content.activities}
    module = ModulePage.objects.filter(slug=content.slug).first()
    before = None
    if module is None:
        module = ModulePage(title=content.title, slug=content.slug, summary=content.summary)
        index.add_child(instance=module)
    else:
        before = _module_state(module)
    module.title = content.title
    module.summary = content.summary
    module.objectives = RichText(content.objectives_html).source
    module.kind = content.kind
    module.content_warning = content.content_warning
    module.topics.set(
        [
            Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in content.topics
        ]
    )
    module.audiences.set(Audience.objects.filter(code__in=content.audiences))
    module.mandatory_for.set(Audience.objects.filter(code__in=content.mandatory_for))
    quizzes_demo.load(
        module, title=content.quiz_title, intro=content.quiz_intro, questions=content.questions
    )
    if before is None or before != _module_state(module) or not module.live:
        module.save_revision(user=user).publish()
    _lessons(module, content.lessons, packages=packages, user=user)
    return ModulePage.objects.get(pk=module.pk)


def _body(blocks: list, packages: dict[str, H5PPackage], *, user) -> list[tuple[str, object]]:
    body = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            value = RichText(value)
        elif block_type == "h5p":
            value = {
                "package": packages[value["activity"]],
                "instructions": value.get("instructions", ""),
                "required": value.get("required", True),
                # Every field, or the stored block (defaults filled in) would always differ.
                "requirement": value.get("requirement", "module"),
                "min_score": value.get("min_score", 80),
            }
        elif block_type == "scorm":
            value = {
                "package": scorm_demo.package(value["folder"], title=value["title"], user=user),
                "instructions": value.get("instructions", ""),
                "required": value.get("required", False),
                "requirement": "completion",
                "min_score": 80,
                "trust_score": False,
            }
        body.append((block_type, value))
    return body


def _without_ids(data):
    """A stream's stored JSON without the block ids Wagtail draws at random."""
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _lesson_state(lesson: LessonPage) -> tuple:
    return lesson.intro, _without_ids(lesson.body.get_prep_value())


class LessonContent(NamedTuple):
    """A lesson to load: its title (how it is found again), intro and StreamField body."""

    title: str
    intro: str
    body: list


def _sources(sources) -> list[tuple[str, object]]:
    """The lesson's "Sources" block (courses.blocks.SourcesBlock), last in its body."""
    if not sources:
        return []
    items = [
        {"fact": s.fact, "reference": s.reference, "location": s.location, "url": s.url}
        for s in sources
    ]
    return [("sources", {"items": items})]


def _lessons(module: ModulePage, lessons, *, packages: dict, user) -> None:
    built = [
        LessonContent(c.title, c.intro, _body(c.body, packages, user=user) + _sources(c.sources))
        for c in lessons
    ]
    lessons_load(module, built, user=user)


def lessons_load(module: ModulePage, lessons: list[LessonContent], *, user) -> None:
    """Create or refresh the module's lessons in this order (also the practice module's):
    a lesson no longer wanted is unpublished, never deleted."""
    wanted = []
    for content in lessons:
        body = content.body
        lesson = LessonPage.objects.child_of(module).filter(title=content.title).first()
        if lesson is None:
            lesson = LessonPage(title=content.title, intro=content.intro, body=body)
            module.add_child(instance=lesson)
            lesson.save_revision(user=user).publish()
        else:
            before = _lesson_state(lesson)
            lesson.intro = content.intro
            lesson.body = body
            if before != _lesson_state(lesson) or not lesson.live:
                lesson.save_revision(user=user).publish()
        wanted.append(lesson.pk)
    for stray in LessonPage.objects.child_of(module).live().exclude(pk__in=wanted):
        # The loader is trusted code: the acting user need not hold page permissions.
        UnpublishPageAction(stray, user=user).execute(skip_permission_checks=True)
    order = [pk for pk in LessonPage.objects.child_of(module).values_list("pk", flat=True)]
    if [pk for pk in order if pk in wanted] != wanted:
        for pk in wanted:
            lesson = LessonPage.objects.get(pk=pk)
            MovePageAction(lesson, module, pos="last-child", user=user).execute(
                skip_permission_checks=True
            )


def _past_completion(module: ModulePage) -> None:
    """The trainer completed the module in the summer: Mes attestations shows a PDF and
    the verification page a valid code from the first `make run`."""
    trainer = User.objects.filter(email="formatrice@egide.test").first()
    if trainer is None:
        return
    completed_at = datetime(2026, 7, 3, 15, 20, tzinfo=ZoneInfo("Europe/Paris"))
    # Enrolled and through the lessons before the completion, as on the platform.
    progress_demo.past_completion(user=trainer, module=module, completed_at=completed_at, score=90)
