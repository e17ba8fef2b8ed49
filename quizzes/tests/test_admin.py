"""Editors write quizzes in the Wagtail admin; the platform checks what it can grade."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from quizzes import services
from quizzes.models import Quiz

from . import factories

pytestmark = pytest.mark.django_db


def _list(items: list[dict]) -> dict:
    """Form data of a ListBlock (like `streamfield`, without block types)."""
    data = {"count": len(items)}
    for index, value in enumerate(items):
        data[index] = {"value": value, "deleted": "", "order": index}
    return data


def _quiz_form(*, title: str, choices: list[tuple[str, bool]]) -> dict:
    return nested_form_data(
        {
            "title": title,
            "intro": "",
            "questions": streamfield(
                [
                    (
                        "single",
                        {
                            "text": "Quel numéro écoute les victimes jour et nuit ?",
                            "points": "1",
                            "tags": "orientation",
                            "explanation": "Le 3919 est gratuit et anonyme.",
                            "explanation_timing": "review",
                            "choices": _list(
                                [
                                    {"text": text, "correct": "on" if right else "", "feedback": ""}
                                    for text, right in choices
                                ]
                            ),
                        },
                    )
                ]
            ),
            "pass_mark": "80",
            "max_attempts": "",
            "wait_minutes": "0",
            "time_limit_minutes": "",
            "grading_method": "best",
            "draw_total": "",
            "tag_draws": inline_formset([]),
            "shuffle_answers": "on",
            "review_timing": "immediately",
            "review_answers": "once_settled",
            "review_shows_explanations": "on",
            "available_alone": "on",
        }
    )


def test_editor_writes_a_quiz_in_the_admin_that_a_learner_passes(client, editor, learner):
    client.force_login(editor)
    url = reverse("wagtailsnippets_quizzes_quiz:add")
    assert client.get(url).status_code == 200

    data = _quiz_form(title="Orienter une victime", choices=[("Le 3919", True), ("Le 15", False)])
    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    quiz = Quiz.objects.get(title="Orienter une victime")
    attempt = services.attempt_start(quiz=quiz, user=learner)
    result = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
    )
    assert result.attempt.passed is True


def test_a_single_choice_question_needs_exactly_one_right_answer(client, editor):
    client.force_login(editor)
    data = _quiz_form(title="Ambigu", choices=[("Le 3919", True), ("Le 119", True)])

    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)

    assert response.status_code == 200
    # Block errors reach the admin's JavaScript as JSON data.
    errors = response.context["form"].errors["questions"].as_data()[0]
    assert "Cochez exactement une bonne réponse." in str(errors.as_json_data())
    assert not Quiz.objects.filter(title="Ambigu").exists()


def test_a_draw_larger_than_the_pool_is_refused_in_the_admin(client, editor):
    client.force_login(editor)
    data = _quiz_form(title="Tirage", choices=[("Le 3919", True), ("Le 15", False)])
    data["draw_total"] = "4"

    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)

    assert response.status_code == 200
    assert "Pas assez de questions" in response.content.decode()


def test_listing_links_to_statistics_and_gift_tools(client, editor):
    quiz = factories.three_question_quiz()
    client.force_login(editor)

    html = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()

    assert reverse("quizzes:quiz_statistics", args=[quiz.pk]) in html
    assert reverse("quizzes:gift_import", args=[quiz.pk]) in html
