"""A module's duration is computed from its content, never typed (issue 20, point 12)."""

import pytest

from courses.models import LessonPage
from quizzes.tests.factories import three_question_quiz

from . import factories

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
