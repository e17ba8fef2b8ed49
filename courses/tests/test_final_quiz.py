"""A module's final quiz: access through the module, and its completion rule."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.models import LessonPage, ModuleCompletion
from quizzes import services
from quizzes.models import Attempt
from quizzes.tests import factories as quiz_factories

from . import factories as course_factories

pytestmark = pytest.mark.django_db


def _finish(quiz, user, answers):
    attempt = services.attempt_start(quiz=quiz, user=user)
    return services.attempt_submit(attempt_id=attempt.pk, user=user, answers=answers).attempt


def _module_with(quiz):
    module = course_factories.module(lessons=1)
    module.final_quiz = quiz
    module.save_revision().publish()
    return module


def _start(client, quiz, module):
    response = client.post(
        reverse("quizzes:quiz_start", args=[quiz.pk]), {"contexte": f"module:{module.pk}"}
    )
    assert response.status_code == 302, response.content[:500]
    return Attempt.objects.filter(quiz=quiz).latest("pk")


def _field_data(attempt, answers: dict) -> dict:
    return {f"q.{question_id}": answer for question_id, answer in answers.items()}


def test_module_completion_requires_the_final_quiz_and_takes_its_score(learner):
    module = course_factories.module(lessons=1)
    quiz = quiz_factories.three_question_quiz()
    module.final_quiz = quiz
    module.save_revision().publish()
    course_services.enrolment_create(user=learner, module=module)
    lesson = LessonPage.objects.child_of(module).get()

    course_services.lesson_complete(user=learner, lesson=lesson)
    assert not ModuleCompletion.objects.filter(user=learner).exists()

    _finish(quiz, learner, {})  # failed: still not complete
    assert not ModuleCompletion.objects.filter(user=learner).exists()
    _finish(quiz, learner, quiz_factories.right_answers(quiz))

    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score == Decimal("100.00")


def test_learner_takes_a_quiz_through_its_module(client, learner):
    quiz = quiz_factories.three_question_quiz()
    module = _module_with(quiz)
    course_services.enrolment_create(user=learner, module=module)
    client.force_login(learner)

    page = client.get(
        reverse("quizzes:quiz_detail", args=[quiz.pk]), {"contexte": f"module:{module.pk}"}
    )
    assert page.status_code == 200
    attempt = _start(client, quiz, module)
    form = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    html = form.content.decode()

    assert form.status_code == 200 and "Envoyer mes réponses" in html
    # The answer key and explanations never reach the page before submission.
    assert "Le 3919 est gratuit" not in html and "correct" not in html.lower()
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        _field_data(attempt, quiz_factories.right_answers(quiz)),
    )
    assert response.status_code == 302
    result = client.get(response.url).content.decode()
    assert "Réussi : 100 %" in result and "Le 3919 est gratuit" in result
    assert Attempt.objects.get(pk=attempt.pk).passed is True


def test_a_learner_not_enrolled_cannot_take_a_module_quiz(client, learner):
    quiz = quiz_factories.three_question_quiz()
    module = _module_with(quiz)
    client.force_login(learner)

    url = reverse("quizzes:quiz_detail", args=[quiz.pk])
    assert client.get(url, {"contexte": f"module:{module.pk}"}).status_code == 403
    assert client.get(url).status_code == 403  # not available on its own
    quiz.available_alone = True
    quiz.save()
    assert client.get(url).status_code == 200
