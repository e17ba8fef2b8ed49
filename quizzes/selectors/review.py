"""What the learner may see of a submitted attempt, per the quiz's review policy."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from ..constants import Phase, ReviewAnswers, ReviewTiming
from ..models import Attempt
from ..questions import Kind, Question
from .taking import attempt_questions, availability, quiz_passed_in


@dataclass
class ReviewPolicy:
    show_review: bool  # per question: correct or not, and the learner's answers
    show_answers: bool  # the right answers
    show_explanations: bool  # explanations marked "at review"
    message: str = ""


def review_policy(attempt: Attempt, attempt_list: list[Attempt]) -> ReviewPolicy:
    quiz = attempt.quiz
    if attempt.phase == Phase.PRE:
        # The pre-test measures a starting point; its answers are the post-test's.
        return ReviewPolicy(
            False, False, False, _("Les réponses seront visibles après l'évaluation finale.")
        )
    timing = quiz.review_timing
    if timing == ReviewTiming.NEVER:
        return ReviewPolicy(False, False, False, _("Ce quiz ne permet pas de revoir les réponses."))
    settled = _settled(quiz, attempt_list)
    if timing == ReviewTiming.AFTER_LAST and not settled:
        return ReviewPolicy(
            False,
            False,
            False,
            _("La correction sera visible après votre dernière tentative ou votre réussite."),
        )
    rule = quiz.review_answers
    if rule == ReviewAnswers.ALWAYS or (rule == ReviewAnswers.ONCE_SETTLED and settled):
        return ReviewPolicy(True, True, quiz.review_shows_explanations)
    if rule == ReviewAnswers.NEVER:
        return ReviewPolicy(True, False, quiz.review_shows_explanations)
    # Explanations "at review" name the right answer as often as not: they wait with it
    # (those the editor set to show "after answering" still show).
    return ReviewPolicy(
        True,
        False,
        False,
        _(
            "Les bonnes réponses et les explications seront montrées une fois le quiz "
            "réussi ou vos tentatives épuisées."
        ),
    )


def _settled(quiz, attempt_list: list[Attempt]) -> bool:
    """Passed or out of attempts, with no try left to take: the review cannot help one."""
    now = availability(quiz=quiz, attempt_list=attempt_list)
    return not now.may_start and (now.attempts_left == 0 or quiz_passed_in(quiz, attempt_list))


@dataclass
class ReviewItem:
    question: Question
    answer: object
    score: Decimal | None
    correct: bool | None
    explanation: str
    sub_items: list["ReviewItem"] = field(default_factory=list)
    # For the template: selected option ids, right option ids, and readable lines.
    chosen_texts: list[str] = field(default_factory=list)
    right_texts: list[str] = field(default_factory=list)
    number: str = ""  # "2", and "2.1" for a situation's sub-questions


def _texts(question: Question, answer) -> list[str]:
    if answer is None:
        return []
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return [c.text for c in question.choices if c.id == answer]
    if question.kind == Kind.MULTIPLE:
        return [c.text for c in question.choices if c.id in answer]
    if question.kind == Kind.MATCHING:
        answers = {p.answer_id: p.answer for p in question.pairs}
        return [f"{p.prompt} → {answers.get(answer.get(p.prompt_id), '—')}" for p in question.pairs]
    if question.kind == Kind.ORDERING:
        by_id = {i.id: i.text for i in question.items}
        return [by_id.get(i, "?") for i in answer]
    return []


def _right_texts(question: Question) -> list[str]:
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE):
        return [c.text for c in question.choices if c.correct]
    if question.kind == Kind.MATCHING:
        return [f"{p.prompt} → {p.answer}" for p in question.pairs]
    if question.kind == Kind.ORDERING:
        return [i.text for i in question.items]
    return []


def review_items(attempt: Attempt, policy: ReviewPolicy) -> list[ReviewItem]:
    """Per question what the learner may see after submitting, per the review policy.

    Explanations marked "after answering" are shown even when the review is not
    (yet) open; correctness and right answers only when it is.
    """
    graded = {a.question_id: a for a in attempt.graded_answers.all()}
    items = []
    for rank, question in enumerate(attempt_questions(attempt), start=1):
        answer = attempt.answers.get(question.id)
        item = _review_item(question, answer, graded.get(question.id), policy)
        item.number = str(rank)
        for sub_rank, sub in enumerate(item.sub_items, start=1):
            sub.number = f"{rank}.{sub_rank}"
        items.append(item)
    return items


def _review_item(question, answer, graded, policy, sub_score=None) -> ReviewItem:
    show_explanation = question.explanation and (
        question.explanation_timing == "after_answer"
        or (policy.show_review and policy.show_explanations)
    )
    score = graded.score if graded is not None else sub_score
    item = ReviewItem(
        question=question,
        answer=answer,
        score=score if policy.show_review else None,
        correct=(score == 1) if (policy.show_review and score is not None) else None,
        explanation=question.explanation if show_explanation else "",
        chosen_texts=_texts(question, answer) if policy.show_review else [],
        right_texts=_right_texts(question) if policy.show_answers else [],
    )
    if question.kind == Kind.SITUATION:
        detail_scores = {}
        if graded is not None:
            from ..grading import grade

            try:
                detail_scores = {
                    sub_id: sub.score
                    for sub_id, sub in grade(question, answer)
                    .detail.get("sub_questions", {})
                    .items()
                }
            except ValueError:
                detail_scores = {}
        given = answer if isinstance(answer, dict) else {}
        item.sub_items = [
            _review_item(sub, given.get(sub.id), None, policy, sub_score=detail_scores.get(sub.id))
            for sub in question.sub_questions
        ]
    return item
