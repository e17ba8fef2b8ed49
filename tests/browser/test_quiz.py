"""A module's final quiz taken in Chromium: blanks named before sending, fail (the right
answers kept back while attempts are left), wait, retry, pass, review, module done."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from courses.models import LessonPage, ModuleCompletion
from courses.tests import factories as course_factories
from quizzes.constants import ReviewTiming
from quizzes.models import Attempt
from quizzes.tests import factories as quiz_factories

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODULE_TITLE = "Accueillir une victime de violences conjugales"


def _module_with_quiz():
    quiz = quiz_factories.three_question_quiz(
        wait_minutes=1, max_attempts=3, review_timing=ReviewTiming.IMMEDIATELY
    )
    module = course_factories.module(title=MODULE_TITLE, lessons=1)
    module.final_quiz = quiz
    module.save_revision().publish()
    return module, quiz


def _pick(page: Page, question: str, *labels: str) -> None:
    """Click the option labels of a question, as a person does (DSFR styles the labels)."""
    group = page.get_by_role("group", name=re.compile(question))
    for label in labels:
        group.locator("label", has_text=re.compile(rf"^{re.escape(label)}$")).click()
        expect(group.get_by_label(label, exact=True)).to_be_checked()


def _answer_right(page: Page) -> None:
    _pick(page, "Quel numéro national", "Le 3919")
    _pick(page, "Une plainte peut être refusée", "Faux")
    _pick(
        page,
        "formes de violences conjugales",
        "Le contrôle des dépenses",
        "L'isolement de ses proches",
    )
    page.get_by_role("button", name="Envoyer mes réponses").click()


def test_learner_fails_waits_retries_passes_and_completes_the_module(page: Page, password):
    module, quiz = _module_with_quiz()
    lesson = LessonPage.objects.child_of(module).get()
    learner = UserFactory()
    log_in(page, email=learner.email, password=password)

    page.goto(module.url)
    page.get_by_role("button", name="M'inscrire et commencer").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(lesson.url)}$"))
    page.get_by_role("button", name="J'ai terminé cette leçon", exact=True).click()

    # Every lesson done: the module still waits for its final quiz.
    expect(page.get_by_text("réussissez l'évaluation finale")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)
    page.get_by_role("button", name="Commencer le quiz").click()

    # The form holds the questions, never the answer key nor the explanations.
    expect(page.get_by_role("button", name="Envoyer mes réponses")).to_be_visible()
    assert "Le 3919 est gratuit" not in page.content()

    # Two questions left blank: named before anything is sent, the answer given kept.
    _pick(page, "Quel numéro national", "Le 17")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    warning = page.locator("#questions-sans-reponse")
    expect(warning).to_contain_text("2 questions sans réponse")
    expect(warning).to_contain_text("Après cet envoi, il vous restera 2 tentatives.")
    expect(warning.get_by_role("link", name=re.compile(r"^Question \d$"))).to_have_count(2)
    expect(page.get_by_label("Le 17", exact=True)).to_be_checked()
    assert Attempt.objects.get(user=learner).is_open
    warning.get_by_role("button", name="Envoyer quand même").click()

    # Failed with tries left: what was wrong, not the right answers to copy next time.
    expect(page.locator("#resultat-quiz")).to_contain_text("Non réussi")
    expect(page.locator("#attente-quiz")).to_contain_text("Vous pourrez recommencer")
    expect(page.get_by_role("button", name="Faire une nouvelle tentative")).to_have_count(0)
    expect(page.get_by_text("Votre réponse : Le 17")).to_be_visible()
    expect(page.locator("#relecture-message")).to_contain_text("une fois le quiz réussi")
    expect(page.get_by_text("Réponse attendue")).to_have_count(0)
    assert "Le 3919 est gratuit" not in page.content()
    assert not ModuleCompletion.objects.filter(user=learner).exists()

    # The minute of waiting has passed.
    first = Attempt.objects.get(user=learner)
    Attempt.objects.filter(pk=first.pk).update(
        submitted_at=first.submitted_at - timedelta(minutes=2)
    )
    page.reload()
    page.get_by_role("button", name="Faire une nouvelle tentative").click()
    _answer_right(page)

    expect(page.locator("#resultat-quiz")).to_contain_text("Réussi : 100 %")
    expect(
        page.get_by_text(f"Bravo : vous avez terminé le module « {MODULE_TITLE} ».")
    ).to_be_visible()
    # Passed: now the right answers and the explanations.
    expect(page.get_by_text("Le 3919 est gratuit, anonyme et ouvert jour et nuit.")).to_be_visible()
    expect(page.get_by_text("Réponse attendue : Le 3919")).to_be_visible()
    expect(page.get_by_text("Bonne réponse").first).to_be_visible()

    page.goto(module.url)
    expect(page.get_by_role("heading", name="Module terminé")).to_be_visible()
    expect(page.locator("#resultat-evaluation")).to_contain_text("Évaluation réussie : 100 %")
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score == 100
