"""Attempts: drawing, server grading, limits, waits, time limits, tampering, review."""

import logging
from datetime import timedelta
from decimal import Decimal

import pytest

from accounts.tests.factories import UserFactory
from quizzes import services
from quizzes.constants import AttemptStatus, GradingMethod, Phase, ReviewAnswers, ReviewTiming
from quizzes.models import Attempt, AttemptAnswer, ImmutableAttempt, QuizTagDraw
from quizzes.selectors import analysis, review, taking

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged():
    """Messages the quiz services log (refusals), whatever pytest's logging plugin does."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    services.logger.addHandler(handler)
    yield records
    services.logger.removeHandler(handler)


def _age(attempt: Attempt, **delta) -> None:
    """Move an attempt back in time (an update: submitted attempts refuse save())."""
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - timedelta(**delta),
        submitted_at=(attempt.submitted_at - timedelta(**delta)) if attempt.submitted_at else None,
        deadline=(attempt.deadline - timedelta(**delta)) if attempt.deadline else None,
    )


def test_right_answers_pass_and_each_answer_is_stored(learner):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)

    result = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
    )

    attempt = result.attempt
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.percent == Decimal("100.00") and attempt.passed is True
    assert attempt.duration_seconds is not None
    assert AttemptAnswer.objects.filter(attempt=attempt, correct=True).count() == 3


def test_partial_answers_below_the_pass_mark_fail(learner):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)
    answers = factories.right_answers(quiz)
    first = next(iter(answers))
    answers.pop(first)  # one question left unanswered: 2 of 3 points

    attempt = services.attempt_submit(attempt_id=attempt.pk, user=learner, answers=answers).attempt

    assert attempt.percent == Decimal("66.67") and attempt.passed is False


def test_a_submitted_attempt_is_immutable_and_a_replay_is_refused(learner, logged):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)
    services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.wrong_answers(quiz)
    )

    with pytest.raises(services.AttemptRefused, match="déjà été envoyée"):
        services.attempt_submit(
            attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
        )
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.passed is False and stored.percent == Decimal("0.00")
    assert any("replay" in m for m in logged)
    stored.percent = 100
    with pytest.raises(ImmutableAttempt):
        stored.save()


def test_answer_to_a_question_not_drawn_is_refused_and_the_attempt_stays_open(learner, logged):
    quiz = factories.three_question_quiz(draw_total=2)
    attempt = services.attempt_start(quiz=quiz, user=learner)
    drawn = {q["id"] for q in attempt.questions}
    not_drawn = next(qid for qid in factories.right_answers(quiz) if qid not in drawn)

    with pytest.raises(services.AttemptRefused, match="ne fait pas partie du tirage"):
        services.attempt_submit(attempt_id=attempt.pk, user=learner, answers={not_drawn: "x"})
    with pytest.raises(services.AttemptRefused, match="ne fait pas partie du tirage"):
        services.attempt_submit(attempt_id=attempt.pk, user=learner, answers={"inconnue": "x"})

    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS
    assert sum("submission refused" in m for m in logged) == 2


def test_someone_elses_attempt_cannot_be_submitted(learner):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)

    with pytest.raises(services.AttemptRefused, match="introuvable"):
        services.attempt_submit(attempt_id=attempt.pk, user=UserFactory(), answers={})


def test_late_submission_is_refused_and_closes_the_attempt_without_points(learner):
    quiz = factories.three_question_quiz(time_limit_minutes=10)
    attempt = services.attempt_start(quiz=quiz, user=learner)
    assert attempt.deadline is not None
    _age(attempt, minutes=11)

    with pytest.raises(services.AttemptRefused, match="temps imparti"):
        services.attempt_submit(
            attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
        )

    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED and attempt.passed is False
    assert attempt.percent == 0


def test_submission_within_the_grace_period_is_graded(learner):
    quiz = factories.three_question_quiz(time_limit_minutes=10)
    attempt = services.attempt_start(quiz=quiz, user=learner)
    _age(attempt, minutes=10, seconds=10)  # 10 s late: within the 30 s grace

    attempt = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
    ).attempt

    assert attempt.passed is True


def test_attempts_limit_and_wait_between_attempts(learner):
    quiz = factories.three_question_quiz(max_attempts=2, wait_minutes=30)
    first = services.attempt_start(quiz=quiz, user=learner)
    assert services.attempt_start(quiz=quiz, user=learner) == first  # resumed, not a new one
    services.attempt_submit(attempt_id=first.pk, user=learner, answers={})

    with pytest.raises(services.AttemptRefused, match="Vous pourrez recommencer"):
        services.attempt_start(quiz=quiz, user=learner)

    _age(Attempt.objects.get(pk=first.pk), minutes=31)
    second = services.attempt_start(quiz=quiz, user=learner)
    assert second.number == 2
    services.attempt_submit(attempt_id=second.pk, user=learner, answers={})
    _age(Attempt.objects.get(pk=second.pk), minutes=31)

    with pytest.raises(services.AttemptRefused, match="toutes vos tentatives"):
        services.attempt_start(quiz=quiz, user=learner)


def test_no_new_attempt_after_passing_when_the_best_attempt_counts(learner):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)
    services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
    )

    with pytest.raises(services.AttemptRefused, match="réussi"):
        services.attempt_start(quiz=quiz, user=learner)


def test_best_or_last_attempt_counts(learner):
    quiz = factories.three_question_quiz(grading_method=GradingMethod.LAST)
    scores = []
    for answers in (factories.right_answers(quiz), {}):
        attempt = services.attempt_start(quiz=quiz, user=learner)
        scores.append(
            services.attempt_submit(attempt_id=attempt.pk, user=learner, answers=answers).attempt
        )
    attempt_list = taking.attempts(quiz=quiz, user=learner)

    assert taking.counted_attempt(quiz, attempt_list).number == 2
    assert taking.quiz_passed(quiz=quiz, user=learner) is False
    quiz.grading_method = GradingMethod.BEST
    assert taking.counted_attempt(quiz, attempt_list).number == 1


def test_draws_take_n_questions_per_tag(learner):
    quiz = factories.quiz(
        *(factories.true_false(f"Accueil {n}", True, tags="accueil") for n in range(4)),
        *(factories.true_false(f"Droit {n}", True, tags="droit") for n in range(4)),
        draw_total=3,
    )
    QuizTagDraw.objects.create(quiz=quiz, tag="droit", count=2)

    attempt = services.attempt_start(quiz=quiz, user=learner)

    tags = [q["tags"] for q in attempt.questions]
    assert len(tags) == 3
    assert sum(1 for t in tags if "droit" in t) >= 2


def test_a_quiz_that_cannot_be_drawn_is_refused_with_a_message(learner):
    quiz = factories.three_question_quiz(draw_total=5)

    with pytest.raises(services.AttemptRefused, match="mal paramétré"):
        services.attempt_start(quiz=quiz, user=learner)


def test_later_edits_of_the_quiz_do_not_change_an_attempt(learner):
    quiz = factories.three_question_quiz()
    attempt = services.attempt_start(quiz=quiz, user=learner)
    answers = factories.right_answers(quiz)
    quiz.questions = [factories.true_false("Nouvelle question", True)]
    quiz.save()

    attempt = services.attempt_submit(attempt_id=attempt.pk, user=learner, answers=answers).attempt

    assert attempt.passed is True and attempt.max_points == 3


def _finish(quiz, user, answers):
    attempt = services.attempt_start(quiz=quiz, user=user)
    return services.attempt_submit(attempt_id=attempt.pk, user=user, answers=answers).attempt


def test_review_policy_immediately_never_and_after_the_last_attempt(learner):
    shown = factories.three_question_quiz(
        review_timing=ReviewTiming.IMMEDIATELY, review_answers=ReviewAnswers.ALWAYS
    )
    attempt = _finish(shown, learner, {})
    policy = review.review_policy(attempt, taking.attempts(quiz=shown, user=learner))
    items = review.review_items(attempt, policy)
    assert policy.show_review and items[0].right_texts and items[0].correct is False

    hidden = factories.three_question_quiz(review_timing=ReviewTiming.NEVER)
    attempt = _finish(hidden, learner, {})
    policy = review.review_policy(attempt, taking.attempts(quiz=hidden, user=learner))
    assert not policy.show_review
    assert all(
        not i.right_texts and i.correct is None for i in review.review_items(attempt, policy)
    )

    later = factories.three_question_quiz(review_timing=ReviewTiming.AFTER_LAST, max_attempts=2)
    first = _finish(later, learner, {})
    policy = review.review_policy(first, taking.attempts(quiz=later, user=learner))
    assert not policy.show_review and "dernière tentative" in policy.message
    _finish(later, learner, {})
    policy = review.review_policy(first, taking.attempts(quiz=later, user=learner))
    assert policy.show_review


def test_right_answers_wait_by_default_until_passed_or_out_of_attempts(learner):
    """Shown after a failed attempt with tries left, the right answers would make the
    next attempt a copy; the learner still sees what she got wrong."""
    quiz = factories.three_question_quiz(max_attempts=2)
    first = _finish(quiz, learner, factories.wrong_answers(quiz))

    policy = review.review_policy(first, taking.attempts(quiz=quiz, user=learner))
    items = review.review_items(first, policy)
    assert policy.show_review and not policy.show_answers
    assert "une fois le quiz réussi" in policy.message
    number = next(i for i in items if i.question.text.startswith("Quel numéro"))
    assert number.correct is False and number.chosen_texts == ["Le 17"]
    assert not any(i.right_texts or i.explanation for i in items)

    _finish(quiz, learner, factories.wrong_answers(quiz))  # the last attempt
    policy = review.review_policy(first, taking.attempts(quiz=quiz, user=learner))
    items = review.review_items(first, policy)
    assert ["Le 3919"] in [i.right_texts for i in items]

    passed = factories.three_question_quiz(max_attempts=3)
    attempt = _finish(passed, learner, factories.right_answers(passed))
    policy = review.review_policy(attempt, taking.attempts(quiz=passed, user=learner))
    assert policy.show_answers and policy.show_explanations

    # The editor's choice stands: never, even once passed.
    hidden = factories.three_question_quiz(review_answers=ReviewAnswers.NEVER)
    attempt = _finish(hidden, learner, factories.right_answers(hidden))
    policy = review.review_policy(attempt, taking.attempts(quiz=hidden, user=learner))
    assert policy.show_review and not policy.show_answers and not policy.message


def test_explanations_after_answering_show_even_without_review(learner):
    quiz = factories.quiz(
        factories.true_false("Q1", True, explanation="Tout de suite.", timing="after_answer"),
        factories.true_false("Q2", True, explanation="À la relecture seulement."),
        review_timing=ReviewTiming.NEVER,
    )
    attempt = _finish(quiz, learner, {})
    policy = review.review_policy(attempt, taking.attempts(quiz=quiz, user=learner))

    explanations = {i.question.text: i.explanation for i in review.review_items(attempt, policy)}

    assert explanations == {"Q1": "Tout de suite.", "Q2": ""}


def test_situation_with_sub_questions_is_graded_and_reviewed(learner):
    quiz = factories.quiz(
        factories.situation(
            "Accueil d'une plainte",
            "Une femme se présente et dit que son conjoint la menace.",
            factories.true_false("Vous pouvez refuser la plainte.", False),
            factories.single(
                "Que faites-vous d'abord ?", "Je l'écoute sans jugement", "Je la renvoie"
            ),
        ),
        pass_mark=50,
    )
    attempt = services.attempt_start(quiz=quiz, user=learner)
    situation_id = attempt.questions[0]["id"]
    right = factories.right_answers(quiz)[situation_id]
    first_sub = next(iter(right))

    attempt = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers={situation_id: {first_sub: right[first_sub]}}
    ).attempt

    assert attempt.percent == Decimal("50.00") and attempt.passed is True
    policy = review.review_policy(attempt, taking.attempts(quiz=quiz, user=learner))
    item = review.review_items(attempt, policy)[0]
    assert [sub.correct for sub in item.sub_items] == [True, False]


def test_pre_test_and_post_test_give_the_progression_and_the_average_gain(learner):
    quiz = factories.three_question_quiz()
    other = UserFactory()
    for user, pre_answers in ((learner, {}), (other, factories.right_answers(quiz))):
        pre = services.attempt_start(quiz=quiz, user=user, phase=Phase.PRE)
        services.attempt_submit(attempt_id=pre.pk, user=user, answers=pre_answers)
        with pytest.raises(services.AttemptRefused, match="qu'une fois"):
            services.attempt_start(quiz=quiz, user=user, phase=Phase.PRE)
        _finish(quiz, user, factories.right_answers(quiz))

    progression = taking.progression(quiz=quiz, user=learner)
    assert (progression.pre_percent, progression.post_percent) == (Decimal(0), Decimal(100))
    assert progression.gain == 100
    gain = analysis.pre_post_gain(quiz)
    assert gain["gain_learners"] == 2 and gain["average_gain"] == Decimal("50.0")


def test_statistics_give_success_rates_and_distractors(learner):
    quiz = factories.three_question_quiz()
    _finish(quiz, learner, factories.right_answers(quiz))
    _finish(quiz, UserFactory(), factories.wrong_answers(quiz))

    stats = analysis.quiz_statistics(quiz)

    assert stats.attempts == 2 and stats.pass_rate == Decimal("50.0")
    single = stats.questions[0]
    assert single.success_rate == Decimal("50.0")
    counts = {o.text: o.count for o in single.options}
    assert counts == {"Le 3919": 1, "Le 17": 1, "Le 115": 0}
