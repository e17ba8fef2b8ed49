"""Quiz questions as the server knows them (correct answers included), and their checks.

Plain frozen dataclasses, built by quizzes.building from the quiz's StreamField and by
quizzes.gift from a GIFT file; `Question.__post_init__` refuses a question that could not
be graded unambiguously. Grading is quizzes.grading, draws and shuffling quizzes.draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
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
