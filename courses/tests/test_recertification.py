"""Recertification: a completion whose validity has run out makes the module due again;
the learner starts a new cycle and keeps the earlier completion and attestation."""

import html

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates.models import Attestation
from certificates.tests.factories import on_commit
from courses import services as course_services
from courses.models import Enrolment, LessonPage, ModuleCompletion
from courses.selectors import progress as progress_selectors
from quizzes import services as quiz_services
from quizzes.models import Attempt
from quizzes.tests import factories as quiz_factories

from . import factories

pytestmark = pytest.mark.django_db


def _finish(quiz, user, answers):
    attempt = quiz_services.attempt_start(quiz=quiz, user=user)
    return quiz_services.attempt_submit(attempt_id=attempt.pk, user=user, answers=answers)


@pytest.fixture
def module_with_quiz():
    """A one-lesson module valid 12 months, with a final quiz allowing two attempts."""
    module = factories.module(lessons=1, validity_months=12)
    quiz = quiz_factories.three_question_quiz()
    quiz.max_attempts = 2
    quiz.save()
    module.final_quiz = quiz
    module.save_revision().publish()
    return module, quiz


def _complete_cycle(user, module, quiz):
    lesson = LessonPage.objects.child_of(module).get()
    with on_commit():
        course_services.lesson_complete(user=user, lesson=lesson)
        _finish(quiz, user, {})  # one failed attempt first
        _finish(quiz, user, quiz_factories.right_answers(quiz))


def test_validity_ends_after_the_last_valid_day_in_paris(learner, module_with_quiz):
    module, quiz = module_with_quiz
    course_services.enrolment_create(user=learner, module=module)
    # 23:30 in Paris on 15 March 2025 is still 15 March there (22:30 UTC).
    with time_machine.travel("2025-03-15 23:30 +0100", tick=False):
        _complete_cycle(learner, module, quiz)
    completion = ModuleCompletion.objects.get(user=learner)
    assert progress_selectors.completion_valid_until(
        completion=completion, module=module
    ).isoformat() == ("2026-03-15")
    with time_machine.travel("2026-03-15 23:59 +0100", tick=False):
        assert not progress_selectors.completion_expired(completion=completion, module=module)
    with time_machine.travel("2026-03-16 00:01 +0100", tick=False):
        assert progress_selectors.completion_expired(completion=completion, module=module)


def test_a_valid_completion_cannot_be_restarted(learner, module_with_quiz):
    module, quiz = module_with_quiz
    course_services.enrolment_create(user=learner, module=module)
    _complete_cycle(learner, module, quiz)
    with pytest.raises(ValidationError, match="toujours valable"):
        course_services.module_restart(user=learner, module=module)


def test_the_recertification_cycle_keeps_the_history(client, learner, module_with_quiz):
    module, quiz = module_with_quiz
    course_services.enrolment_create(user=learner, module=module)
    with time_machine.travel("2025-01-10 10:00 +0100", tick=False):
        _complete_cycle(learner, module, quiz)
    first = ModuleCompletion.objects.get(user=learner)
    client.force_login(learner)

    with time_machine.travel("2026-02-01 10:00 +0100", tick=False):
        page = html.unescape(client.get(module.url).content.decode())
        assert "Module à refaire" in page
        assert "sa validation a pris fin le 10 janvier 2026" in page
        assert client.get(reverse("courses:restart", args=[module.pk])).status_code == 405
        response = client.post(reverse("courses:restart", args=[module.pk]))
        assert response.status_code == 302
        # Twice (a double click): one new cycle only.
        client.post(reverse("courses:restart", args=[module.pk]))
        enrolment = Enrolment.objects.get(user=learner, module=module)
        assert enrolment.cycle == 2

        page = html.unescape(client.get(module.url).content.decode())
        assert "Renouvellement en cours" in page and "Module à refaire" not in page
        progress = progress_selectors.module_progress(module=module, user=learner)
        assert progress.percent == 0 and progress.completion is None
        # Earlier attempts stay in the history but the quiz is open again (2 attempts).
        assert Attempt.objects.filter(user=learner, superseded_at__isnull=False).count() == 2
        _complete_cycle(learner, module, quiz)

    completions = list(ModuleCompletion.objects.filter(user=learner).order_by("cycle"))
    assert [c.cycle for c in completions] == [1, 2]
    assert completions[0] == first
    attestations = Attestation.objects.filter(user=learner).order_by("completed_at")
    assert [a.source for a in attestations] == [f"module-completion:{c.pk}" for c in completions]
    assert attestations[1].valid_until.isoformat() == "2027-02-01"
    with time_machine.travel("2026-02-02 10:00 +0100", tick=False):
        page = html.unescape(client.get(module.url).content.decode())
        assert "Validation valable jusqu'au 1er février 2027." in page


def test_a_new_cycle_is_not_completed_by_the_previous_lessons(learner, module_with_quiz):
    module, quiz = module_with_quiz
    course_services.enrolment_create(user=learner, module=module)
    with time_machine.travel("2024-01-10 10:00 +0100", tick=False):
        _complete_cycle(learner, module, quiz)
    with time_machine.travel("2025-06-01 10:00 +0200", tick=False):
        course_services.module_restart(user=learner, module=module)
        # The quiz alone (lessons not done again) does not complete the new cycle.
        with on_commit():
            _finish(quiz, learner, quiz_factories.right_answers(quiz))
        assert ModuleCompletion.objects.filter(user=learner).count() == 1
