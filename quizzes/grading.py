"""Server-side grading of quiz answers, as pure functions over plain dataclasses.

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

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.utils.translation import gettext as _

SCORE_PLACES = Decimal("0.0001")
POINTS_PLACES = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


class Kind(StrEnum):
    """Question kinds the grader understands."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    MATCHING = "matching"
    ORDERING = "ordering"
    SITUATION = "situation"


class Scoring(StrEnum):
    """How `multiple`, `matching` and `ordering` questions turn into a score."""

    PARTIAL = "partial"
    ALL_OR_NOTHING = "all_or_nothing"


class InvalidAnswer(ValueError):
    """The answer sent by the browser does not fit the question: reject the submission."""

    def __init__(self, message: str, *, question_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.question_id = question_id


class InvalidQuestion(ValueError):
    """A question is built inconsistently (author or import error, never the learner's)."""


class DrawError(ValueError):
    """The pool cannot satisfy the requested draw."""


@dataclass(frozen=True)
class Choice:
    """One option of a `single`, `multiple` or `true_false` question."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Pair:
    """One expected association of a `matching` question.

    Several prompts may share the same answer id (and must then share its text).
    """

    prompt_id: str
    prompt: str
    answer_id: str
    answer: str


@dataclass(frozen=True)
class Item:
    """One element of an `ordering` question (or an answer option of a `matching` one)."""

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """A question as the server knows it, correct answers included.

    `scoring` applies to `multiple`, `matching` and `ordering`. `items` of an ordering
    question are given in the expected order. `sub_questions` of a situation are weighted
    by their own `points`; the situation's `points` is its weight in the attempt.
    `text_format` records the GIFT marker (``html``, ``markdown``, ``plain`` or empty):
    HTML text is kept verbatim and must be sanitised before it is rendered.
    """

    id: str
    kind: Kind
    points: Decimal = ONE
    text: str = ""
    title: str = ""
    choices: tuple[Choice, ...] = ()
    scoring: Scoring = Scoring.PARTIAL
    pairs: tuple[Pair, ...] = ()
    items: tuple[Item, ...] = ()
    sub_questions: tuple[Question, ...] = ()
    tags: tuple[str, ...] = ()
    explanation: str = ""
    text_format: str = ""
    # When the learner sees `explanation`: "after_answer" or "review" (quizzes.constants).
    explanation_timing: str = "review"

    def __post_init__(self) -> None:
        for name in ("choices", "pairs", "items", "sub_questions", "tags"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "scoring", Scoring(self.scoring))
        _check_question(self)


@dataclass(frozen=True)
class GradedAnswer:
    """The outcome of grading one answer."""

    question_id: str
    score: Decimal
    points_awarded: Decimal
    max_points: Decimal
    correct: bool
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class AttemptResult:
    """The outcome of grading a whole attempt."""

    total_points: Decimal
    max_points: Decimal
    percent: Decimal
    per_question: dict[str, GradedAnswer]


def true_false_choices(*, correct: bool) -> tuple[Choice, Choice]:
    """Return the two choices of a true/false question, ids ``"true"`` and ``"false"``."""
    return (
        Choice(id="true", text=_("Vrai"), correct=correct),
        Choice(id="false", text=_("Faux"), correct=not correct),
    )


# Question consistency ---------------------------------------------------------------


def _check_unique(ids: Sequence[str], question_id: str) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if not isinstance(item_id, str) or not item_id:
            raise InvalidQuestion(
                _("Question %(id)s : chaque identifiant doit être un texte non vide.")
                % {"id": question_id}
            )
        if item_id in seen:
            raise InvalidQuestion(
                _("Question %(id)s : l’identifiant « %(item)s » est en double.")
                % {"id": question_id, "item": item_id}
            )
        seen.add(item_id)


def _check_question(question: Question) -> None:
    """Raise `InvalidQuestion` unless the question can be graded unambiguously."""
    qid = question.id
    points = question.points
    if not isinstance(points, Decimal) or not points.is_finite() or not points > 0:
        raise InvalidQuestion(
            _("Question %(id)s : le barème doit être un nombre décimal positif.") % {"id": qid}
        )
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE):
        _check_unique([c.id for c in question.choices], qid)
        n_correct = sum(1 for c in question.choices if c.correct)
        if kind == Kind.TRUE_FALSE and len(question.choices) != 2:
            raise InvalidQuestion(
                _("Question %(id)s : une question vrai/faux a exactement deux choix.") % {"id": qid}
            )
        if len(question.choices) < 2:
            raise InvalidQuestion(_("Question %(id)s : au moins deux choix.") % {"id": qid})
        if kind != Kind.MULTIPLE and n_correct != 1:
            raise InvalidQuestion(
                _("Question %(id)s : il faut exactement une bonne réponse.") % {"id": qid}
            )
        if kind == Kind.MULTIPLE and n_correct < 1:
            raise InvalidQuestion(
                _("Question %(id)s : il faut au moins une bonne réponse.") % {"id": qid}
            )
    elif kind == Kind.MATCHING:
        if len(question.pairs) < 2:
            raise InvalidQuestion(_("Question %(id)s : au moins deux paires.") % {"id": qid})
        _check_unique([p.prompt_id for p in question.pairs], qid)
        answers: dict[str, str] = {}
        for pair in question.pairs:
            if answers.setdefault(pair.answer_id, pair.answer) != pair.answer:
                raise InvalidQuestion(
                    _("Question %(id)s : la réponse « %(item)s » a deux libellés différents.")
                    % {"id": qid, "item": pair.answer_id}
                )
    elif kind == Kind.ORDERING:
        if len(question.items) < 2:
            raise InvalidQuestion(_("Question %(id)s : au moins deux éléments.") % {"id": qid})
        _check_unique([i.id for i in question.items], qid)
    elif kind == Kind.SITUATION:
        if not question.sub_questions:
            raise InvalidQuestion(
                _("Question %(id)s : une mise en situation a au moins une sous-question.")
                % {"id": qid}
            )
        if any(sub.kind == Kind.SITUATION for sub in question.sub_questions):
            raise InvalidQuestion(
                _("Question %(id)s : une mise en situation ne peut pas en contenir une autre.")
                % {"id": qid}
            )
        _check_unique([sub.id for sub in question.sub_questions], qid)


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
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        chosen = _as_id(question, answer, {c.id for c in question.choices})
        right = next(c.id for c in question.choices if c.correct)
        return (ONE if chosen == right else ZERO), {"selected": chosen, "expected": right}
    if kind == Kind.MULTIPLE:
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
    if kind == Kind.MATCHING:
        given = _as_mapping(question, answer)
        prompts = {p.prompt_id for p in question.pairs}
        options = {p.answer_id for p in question.pairs}
        for prompt_id, answer_id in given.items():
            if prompt_id not in prompts:
                raise _invalid(
                    question, _("élément à associer inconnu « %(id)s »."), id=prompt_id[:50]
                )
            _as_id(question, answer_id, options)
        good = sum(1 for p in question.pairs if given.get(p.prompt_id) == p.answer_id)
        total = len(question.pairs)
        if question.scoring == Scoring.ALL_OR_NOTHING:
            score = ONE if good == total else ZERO
        else:
            score = Decimal(good) / Decimal(total)
        return score, {"pairs_correct": good, "pairs_total": total}
    if kind == Kind.ORDERING:
        expected_order = [i.id for i in question.items]
        order = _as_id_list(question, answer, set(expected_order))
        if len(order) != len(expected_order):
            raise _invalid(question, _("l’ordre doit contenir chacun des éléments une fois."))
        good = sum(1 for got, want in zip(order, expected_order, strict=True) if got == want)
        total = len(expected_order)
        if question.scoring == Scoring.ALL_OR_NOTHING:
            score = ONE if good == total else ZERO
        else:
            score = Decimal(good) / Decimal(total)
        return score, {"positions_correct": good, "positions_total": total}
    # Situation: points-weighted mean of the sub-questions.
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


# Draws and shuffling ---------------------------------------------------------------


def draw_questions(
    pool: Sequence[Question],
    *,
    per_tag: Mapping[str, int] | None = None,
    total: int | None = None,
    seed: int,
) -> list[Question]:
    """Return questions drawn from `pool`, deterministically for a given `seed`.

    `per_tag` draws that many questions carrying each tag (tags taken in sorted order,
    a question is never drawn twice); `total` then tops up from the rest of the pool.
    Without either, the whole pool is returned shuffled. The result is shuffled so tags
    are mixed. Pass the pool in a stable order (e.g. by primary key): same pool order and
    same seed give the same draw. Raise `DrawError` when the pool is too small.
    """
    if len({q.id for q in pool}) != len(pool):
        raise DrawError(_("Le réservoir contient deux fois la même question."))
    rng = random.Random(seed)
    chosen: list[Question] = []
    taken: set[str] = set()
    for tag in sorted(per_tag or {}):
        wanted = (per_tag or {})[tag]
        if wanted < 0:
            raise DrawError(_("Le nombre de questions demandé ne peut pas être négatif."))
        candidates = [q for q in pool if tag in q.tags and q.id not in taken]
        if wanted > len(candidates):
            raise DrawError(
                _(
                    "Pas assez de questions pour l’étiquette « %(tag)s » : "
                    "%(wanted)d demandées, %(available)d disponibles."
                )
                % {"tag": tag, "wanted": wanted, "available": len(candidates)}
            )
        for question in rng.sample(candidates, wanted):
            chosen.append(question)
            taken.add(question.id)
    if total is None and per_tag is None:
        total = len(pool)
    if total is not None:
        missing = total - len(chosen)
        if missing < 0:
            raise DrawError(
                _("Le total demandé (%(total)d) est inférieur à la somme par étiquette (%(sum)d).")
                % {"total": total, "sum": len(chosen)}
            )
        rest = [q for q in pool if q.id not in taken]
        if missing > len(rest):
            raise DrawError(
                _("Pas assez de questions : %(wanted)d demandées, %(available)d disponibles.")
                % {"wanted": total, "available": len(pool)}
            )
        chosen.extend(rng.sample(rest, missing))
    rng.shuffle(chosen)
    return chosen


def shuffled_choices(question: Question, seed: int) -> list[Choice] | list[Item]:
    """Return the options of `question` in a per-attempt order derived from `seed`.

    `single`/`multiple`: choices shuffled; `true_false`: kept as is (Vrai, Faux);
    `ordering`: items shuffled, never in the expected order; `matching`: the distinct
    answer options as `Item`s, shuffled. For a situation, shuffle each sub-question.
    Only ids and texts may be sent to the browser, never `Choice.correct`.
    """
    # A string seed is hashed with SHA-512 by `random`, so it is stable across processes.
    rng = random.Random(f"{seed}:{question.id}")
    if question.kind == Kind.TRUE_FALSE:
        return list(question.choices)
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        choices = list(question.choices)
        rng.shuffle(choices)
        return choices
    if question.kind == Kind.MATCHING:
        options = list({p.answer_id: Item(p.answer_id, p.answer) for p in question.pairs}.values())
        rng.shuffle(options)
        return options
    if question.kind == Kind.ORDERING:
        items = list(question.items)
        rng.shuffle(items)
        if items == list(question.items):
            # Showing the solution would make the question pointless: rotate by one.
            items = items[1:] + items[:1]
        return items
    raise InvalidQuestion(
        _("Question %(id)s : mélangez chaque sous-question de la mise en situation.")
        % {"id": question.id}
    )
