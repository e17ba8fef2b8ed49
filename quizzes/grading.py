"""Server-side grading of quiz answers, as pure functions over plain dataclasses.

The questions are quizzes.questions' dataclasses; draws and shuffling are quizzes.draws.

Nothing here touches the database: the future models build `Question` objects and
hand them, with the learner's raw (untrusted) answers, to `grade` or `grade_attempt`.
Only ids chosen by the learner are read from the browser; correctness, points and
scoring modes always come from the `Question` built on the server.

Kinds and the answer shape each one expects (JSON-like, ids are strings):

- ``single``: one choice id, e.g. ``"c2"``; exactly one choice is correct.
- ``true_false``: its own kind so the interface can show "Vrai / Faux" in a fixed order,
  but graded exactly like ``single``: two choices, one correct, answer ``"true"`` or
  ``"false"`` when built with `true_false_choices`.
- ``multiple``: a list of choice ids, e.g. ``["c1", "c3"]`` (empty list allowed).
- ``matching``: an object ``{prompt_id: answer_id}``; unanswered prompts count as wrong.
- ``ordering``: the full list of item ids in the learner's order.
- ``situation``: an object ``{sub_question_id: answer}``; unanswered sub-questions score 0.

Scores are fractions in [0, 1]: `GradedAnswer.score` is rounded to 4 places and
`points_awarded` to 2 places (ROUND_HALF_UP), both computed from the exact score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .questions import (
    ONE,
    POINTS_PLACES,
    SCORE_PLACES,
    ZERO,
    AttemptResult,
    GradedAnswer,
    InvalidAnswer,
    InvalidQuestion,
    Kind,
    Question,
    Scoring,
)

# Answer validation -----------------------------------------------------------------


def _invalid(question: Question, message: str, **params: object) -> InvalidAnswer:
    return InvalidAnswer(
        _("Réponse invalide à la question %(question)s : ") % {"question": question.id}
        + message % params,
        question_id=question.id,
    )


def _as_id(question: Question, value: object, known: set[str]) -> str:
    if not isinstance(value, str):
        raise _invalid(question, _("un identifiant (texte) est attendu."))
    if value not in known:
        raise _invalid(question, _("identifiant inconnu « %(id)s »."), id=value[:50])
    return value


def _as_id_list(question: Question, value: object, known: set[str]) -> list[str]:
    # Tuples never come out of json.loads; accepting them keeps server-side callers simple.
    if not isinstance(value, list | tuple):
        raise _invalid(question, _("une liste d’identifiants est attendue."))
    ids = [_as_id(question, item, known) for item in value]
    duplicates = sorted(item for item, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise _invalid(
            question, _("identifiant en double « %(id)s »."), id=", ".join(duplicates)[:50]
        )
    return ids


def _as_mapping(question: Question, value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise _invalid(question, _("un objet associant des identifiants est attendu."))
    return value


# Scoring -------------------------------------------------------------------------------


def _score(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    """Return the exact score in [0, 1] and a detail dict; `None` means unanswered."""
    if answer is None:
        return ZERO, {"answered": False}
    return _SCORERS[question.kind](question, answer)


def _score_one_choice(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    chosen = _as_id(question, answer, {c.id for c in question.choices})
    right = next(c.id for c in question.choices if c.correct)
    return (ONE if chosen == right else ZERO), {"selected": chosen, "expected": right}


def _score_multiple(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    selected = set(_as_id_list(question, answer, {c.id for c in question.choices}))
    expected = {c.id for c in question.choices if c.correct}
    good, bad = len(selected & expected), len(selected - expected)
    if question.scoring == Scoring.ALL_OR_NOTHING:
        score = ONE if selected == expected else ZERO
    else:
        # Moodle-like: each wrong pick cancels one right pick, never below zero.
        score = max(ZERO, Decimal(good - bad) / Decimal(len(expected)))
    return score, {
        "correct_selected": good,
        "wrong_selected": bad,
        "correct_total": len(expected),
    }


def _share(question: Question, good: int, total: int) -> Decimal:
    """Partial credit per right element, or all or nothing (question's scoring)."""
    if question.scoring == Scoring.ALL_OR_NOTHING:
        return ONE if good == total else ZERO
    return Decimal(good) / Decimal(total)


def _score_matching(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    given = _as_mapping(question, answer)
    prompts = {p.prompt_id for p in question.pairs}
    options = {p.answer_id for p in question.pairs}
    for prompt_id, answer_id in given.items():
        if prompt_id not in prompts:
            raise _invalid(question, _("élément à associer inconnu « %(id)s »."), id=prompt_id[:50])
        _as_id(question, answer_id, options)
    good = sum(1 for p in question.pairs if given.get(p.prompt_id) == p.answer_id)
    total = len(question.pairs)
    return _share(question, good, total), {"pairs_correct": good, "pairs_total": total}


def _score_ordering(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    expected_order = [i.id for i in question.items]
    order = _as_id_list(question, answer, set(expected_order))
    if len(order) != len(expected_order):
        raise _invalid(question, _("l’ordre doit contenir chacun des éléments une fois."))
    good = sum(1 for got, want in zip(order, expected_order, strict=True) if got == want)
    total = len(expected_order)
    return _share(question, good, total), {"positions_correct": good, "positions_total": total}


def _score_situation(question: Question, answer: object) -> tuple[Decimal, dict[str, object]]:
    """Points-weighted mean of the sub-questions."""
    given = _as_mapping(question, answer)
    subs = {sub.id: sub for sub in question.sub_questions}
    for sub_id in given:
        if sub_id not in subs:
            raise _invalid(question, _("sous-question inconnue « %(id)s »."), id=sub_id[:50])
    weighted, graded = ZERO, {}
    for sub in question.sub_questions:
        sub_exact, sub_detail = _score(sub, given.get(sub.id))
        weighted += sub.points * sub_exact
        graded[sub.id] = _graded(sub, sub_exact, sub_detail)
    weight = sum((sub.points for sub in question.sub_questions), ZERO)
    return weighted / weight, {"sub_questions": graded}


_SCORERS = {
    Kind.SINGLE: _score_one_choice,
    Kind.TRUE_FALSE: _score_one_choice,
    Kind.MULTIPLE: _score_multiple,
    Kind.MATCHING: _score_matching,
    Kind.ORDERING: _score_ordering,
    Kind.SITUATION: _score_situation,
}


def grade(question: Question, answer: object) -> GradedAnswer:
    """Return the grade of one untrusted `answer` (`None` = unanswered) to `question`.

    Raise `InvalidAnswer` (French message) when the answer has the wrong shape, names an
    unknown or duplicated id, or answers a sub-question that does not exist.
    """
    exact, detail = _score(question, answer)
    return _graded(question, exact, detail)


def _graded(question: Question, exact: Decimal, detail: dict[str, object]) -> GradedAnswer:
    return GradedAnswer(
        question_id=question.id,
        score=exact.quantize(SCORE_PLACES, rounding=ROUND_HALF_UP),
        points_awarded=(question.points * exact).quantize(POINTS_PLACES, rounding=ROUND_HALF_UP),
        max_points=question.points,
        correct=exact == ONE,
        detail=detail,
    )


def grade_attempt(questions: Sequence[Question], answers: Mapping[str, object]) -> AttemptResult:
    """Return the result of an attempt: `answers` maps question ids to raw answers.

    A question without an answer scores 0. An answer to a question that was not drawn
    for this attempt is tampering and raises `InvalidAnswer`.
    """
    if not isinstance(answers, Mapping) or not all(isinstance(k, str) for k in answers):
        raise InvalidAnswer(_("Les réponses doivent être un objet indexé par question."))
    by_id = {q.id: q for q in questions}
    if len(by_id) != len(questions):
        raise InvalidQuestion(_("Une question figure deux fois dans la tentative."))
    for question_id in answers:
        if question_id not in by_id:
            raise InvalidAnswer(
                _("Réponse à une question qui ne fait pas partie du tirage : « %(id)s ».")
                % {"id": question_id[:50]},
                question_id=question_id,
            )
    per_question = {q.id: grade(q, answers.get(q.id)) for q in questions}
    total = sum((g.points_awarded for g in per_question.values()), ZERO)
    maximum = sum((q.points for q in questions), ZERO)
    percent = (total / maximum * 100) if maximum else ZERO
    return AttemptResult(
        total_points=total,
        max_points=maximum,
        percent=percent.quantize(POINTS_PLACES, rounding=ROUND_HALF_UP),
        per_question=per_question,
    )
