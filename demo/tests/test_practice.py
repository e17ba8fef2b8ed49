"""The practice module (`demo.loaders.practice`): the 14 H5P kinds, each block with a
rule its activity can meet, loaded idempotently, every lesson shown to a learner."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision

from accounts.tests.factories import UserFactory
from courses.blocks import H5PActivityBlock
from courses.constants import PackageStatus
from courses.h5p.authoring import SAMPLE_KINDS, sample_h5p_json
from courses.models import H5PPackage, LessonPage
from demo.content import exercices
from demo.loaders import practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_user(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return UserFactory(profession="agent_collectivite", employer="DDFE 59")


@pytest.fixture
def module(editor_user):
    return practice.load(user=editor_user)


def _blocks(module) -> list:
    lessons = LessonPage.objects.child_of(module).live().order_by("path")
    return [block for lesson in lessons for block in lesson.h5p_blocks()]


def test_the_module_uses_each_of_the_14_kinds_once_with_the_sample_titles(module):
    blocks = _blocks(module)

    assert module.title == "S'exercer à repérer et orienter" and module.live
    libraries = [block["package"].h5p_json["mainLibrary"] for block in blocks]
    assert sorted(libraries) == sorted(
        sample_h5p_json(kind)["mainLibrary"] for kind in SAMPLE_KINDS
    )
    titles = {block["package"].title for block in blocks}
    assert titles == {sample_h5p_json(kind)["title"] for kind in SAMPLE_KINDS}
    assert all(block["package"].status == PackageStatus.READY for block in blocks)


def test_each_block_has_a_rule_its_activity_can_meet(module):
    blocks = _blocks(module)
    rules = {block["package"].h5p_json["mainLibrary"]: block for block in blocks}

    assert rules["H5P.Dialogcards"]["requirement"] == "completion"
    assert rules["H5P.Accordion"]["requirement"] == "completion"
    assert rules["H5P.TrueFalse"]["requirement"] == "success"
    question_set = rules["H5P.QuestionSet"]
    assert (question_set["requirement"], question_set["min_score"]) == ("min_score", 70)
    for block in blocks:
        # The editor's form runs the same check: success or a score only when scored.
        H5PActivityBlock().clean(block)


def test_loading_twice_creates_nothing_new(module, editor_user):
    def counts():
        return Page.objects.count(), Revision.objects.count(), H5PPackage.objects.count()

    first = counts()
    again = practice.load(user=editor_user)

    assert counts() == first and again.pk == module.pk
    assert H5PPackage.objects.count() == len(SAMPLE_KINDS)
    assert len(exercices.MODULE.activities) == len(SAMPLE_KINDS)


def test_a_learner_sees_every_lesson_with_its_activities(client, module):
    learner = UserFactory()
    client.force_login(learner)
    assert client.post(reverse("courses:enrol", args=[module.pk])).status_code == 302

    for lesson in LessonPage.objects.child_of(module).live().order_by("path"):
        response = client.get(lesson.url)
        assert response.status_code == 200, lesson.title
        for block in lesson.h5p_blocks():
            xapi_url = reverse("courses:h5p_xapi", args=[block["package"].pk, lesson.pk])
            assert xapi_url in response.content.decode(), block["package"].title
