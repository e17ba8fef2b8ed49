"""Statistics for editors: success per question, distractors, averages, pass rate, gain."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

from .. import building
from ..constants import AttemptStatus, GradingMethod, Phase
from ..models import Attempt, AttemptAnswer, Quiz
from ..questions import Kind, Question
from .figures import round_tenth


@dataclass
class OptionStat:
    text: str
    correct: bool
    count: int
    share: Decimal | None


@dataclass
class QuestionStat:
    id: str
    label: str
    kind: str
    tags: tuple[str, ...]
    answered: int
    success_rate: Decimal | None
    average_score: Decimal | None
    options: list[OptionStat] = field(default_factory=list)


@dataclass
class QuizStatistics:
    attempts: int
    learners: int
    average_percent: Decimal | None
    pass_rate: Decimal | None
    questions: list[QuestionStat]
    pre_average: Decimal | None
    post_average: Decimal | None
    average_gain: Decimal | None
    gain_learners: int


def _kind_label(kind: str) -> str:
    return {
        "single": _("Choix unique"),
        "multiple": _("Choix multiple"),
        "true_false": _("Vrai ou faux"),
        "matching": _("Association"),
        "ordering": _("Remise en ordre"),
        "situation": _("Mise en situation"),
    }.get(kind, kind)


def quiz_statistics(quiz: Quiz) -> QuizStatistics:
    """Success per question, distractors, averages, pass rate and the pre/post gain.

    Counts the submitted main attempts (the pre-test apart), all of them: an item
    analysis wants every answer given, not only the counted attempts. Four
    queries whatever the number of questions and attempts.
    """
    main = Attempt.objects.filter(quiz=quiz, phase=Phase.MAIN, status=AttemptStatus.SUBMITTED)
    totals = main.aggregate(
        n=Count("id"),
        learners=Count("user", distinct=True),
        avg=Avg("percent"),
        passed=Count("id", filter=Q(passed=True)),
    )
    answers = AttemptAnswer.objects.filter(
        quiz=quiz,
        attempt__phase=Phase.MAIN,
        attempt__status=AttemptStatus.SUBMITTED,
    ).values_list("question_id", "answer", "score")
    by_question: dict[str, list] = defaultdict(list)
    for question_id, answer, score in answers:
        by_question[question_id].append((answer, score))
    return QuizStatistics(
        attempts=totals["n"],
        learners=totals["learners"],
        average_percent=round_tenth(totals["avg"]),
        pass_rate=_percent(totals["passed"], totals["n"]),
        questions=[
            _question_stat(question, by_question.get(question.id, []))
            for question in building.questions_from_stream(quiz.questions)
        ],
        **pre_post_gain(quiz),
    )


def _percent(part, whole: int) -> Decimal | None:
    return round_tenth(Decimal(100) * part / whole) if whole else None


def _question_stat(question: Question, given: list[tuple]) -> QuestionStat:
    """One question's figures from its (answer, score) pairs."""
    stat = QuestionStat(
        id=question.id,
        label=question.title or question.text,
        kind=_kind_label(question.kind.value),
        tags=question.tags,
        answered=len(given),
        success_rate=_percent(sum(1 for _a, s in given if s == 1), len(given)),
        average_score=_percent(sum(s for _a, s in given), len(given)),
    )
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE):
        picks = Counter()
        for answer, _score in given:
            if isinstance(answer, str):
                picks[answer] += 1
            elif isinstance(answer, list):
                picks.update(a for a in answer if isinstance(a, str))
        stat.options = [
            OptionStat(
                text=c.text,
                correct=c.correct,
                count=picks.get(c.id, 0),
                share=_percent(picks.get(c.id, 0), len(given)),
            )
            for c in question.choices
        ]
    return stat


def pre_post_gain(quiz: Quiz) -> dict:
    """Average pre-test and post-test scores of the learners who took both, and the gain.

    The post-test is each learner's counted attempt (quiz setting): one query.
    """
    rows = (
        Attempt.objects.filter(quiz=quiz)
        .exclude(status=AttemptStatus.IN_PROGRESS)
        .values_list("user_id", "phase", "number", "percent")
        .order_by("user_id", "number")
    )
    pre: dict[int, Decimal] = {}
    post: dict[int, list] = defaultdict(list)
    for user_id, phase, number, percent in rows:
        if phase == Phase.PRE:
            pre[user_id] = percent or Decimal(0)
        else:
            post[user_id].append((number, percent or Decimal(0)))
    pairs = []
    for user_id, pre_percent in pre.items():
        if user_id not in post:
            continue
        tries = post[user_id]
        if quiz.grading_method == GradingMethod.LAST:
            counted = tries[-1][1]
        else:
            counted = max(p for _n, p in tries)
        pairs.append((pre_percent, counted))
    if not pairs:
        return {"pre_average": None, "post_average": None, "average_gain": None, "gain_learners": 0}
    pre_avg = sum(p for p, _ in pairs) / len(pairs)
    post_avg = sum(p for _, p in pairs) / len(pairs)
    return {
        "pre_average": round_tenth(pre_avg),
        "post_average": round_tenth(post_avg),
        "average_gain": round_tenth(post_avg - pre_avg),
        "gain_learners": len(pairs),
    }
