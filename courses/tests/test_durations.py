"""A module's duration is computed from its content, never typed (issue 20, point 12)."""

import io

import pytest
from django.core.files.base import ContentFile

from courses.h5p.packages import h5p_package_extract, h5p_package_prepare, h5p_upload_check
from courses.models import LessonPage
from quizzes.tests.factories import three_question_quiz

from . import factories
from .h5p_builders import build_h5p, fixture_json, needs_npm_fixtures
from .h5p_uploads import fresh_h5p_root, upload_package

pytestmark = pytest.mark.django_db


def test_a_module_takes_its_lessons_reading_their_activities_and_its_quiz(client):
    module = factories.module(title="Accueillir", lessons=0)
    # Four minutes of text at 200 words a minute, and a one-question true/false
    # activity (a minute at least: open it, answer, read the feedback).
    lesson = factories.lesson(
        module_page=module,
        title="Au guichet",
        packages=[factories.true_false_package()],
        reading_minutes=4,
    )
    assert LessonPage.objects.get(pk=lesson.pk).reading_minutes == 5
    module.final_quiz = three_question_quiz()  # a minute per question
    module.save_revision().publish()

    html = client.get(module.url).content.decode()
    assert "Environ 8 minutes" in html and "45 minutes" not in html
    catalogue = factories.catalogue().url
    assert "1 leçon · 8 minutes" in client.get(catalogue).content.decode()
    assert "Accueillir" in client.get(catalogue, {"duration": "court"}).content.decode()
    assert "Accueillir" not in client.get(catalogue, {"duration": "moyen"}).content.decode()


@pytest.fixture
def h5p_root():
    yield from fresh_h5p_root()


@needs_npm_fixtures()
def test_a_replaced_activity_gives_its_lessons_their_new_time(client, h5p_root, superuser):
    """Uploading a longer version of an activity updates the lessons that play it (and
    the module's time) without publishing them again."""
    package = upload_package(user=superuser)
    module = factories.module(title="Accueillir", lessons=0)
    lesson = factories.lesson(module_page=module, title="Au guichet", packages=[package])
    before = LessonPage.objects.get(pk=lesson.pk).reading_minutes

    # The same activity, its statement now 600 words long (over two minutes of reading).
    content = fixture_json("content/content.json")
    content["question"] = "<p>" + " ".join(["témoignage"] * 600) + "</p>"
    data = build_h5p(content_json=content).getvalue()
    validated = h5p_upload_check(fileobj=io.BytesIO(data), filename="v2.h5p", user=superuser)
    h5p_package_prepare(package=package, validated=validated, user=superuser)
    package.file.save("v2.h5p", ContentFile(data), save=True)
    h5p_package_extract(package=package)

    after = LessonPage.objects.get(pk=lesson.pk).reading_minutes
    assert after >= before + 2
    assert f"Environ {after} minutes" in client.get(module.url).content.decode()
