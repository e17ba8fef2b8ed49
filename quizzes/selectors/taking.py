"""A learner's attempts at a quiz: which counts, may one start now, the pre/post progression."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.templatetags.french import day_month, long_date

from .. import building
from ..constants import AttemptStatus, GradingMethod, Phase
from ..models import Attempt, Quiz
from ..questions import Question


def attempts(*, quiz: Quiz, user, phase: str = Phase.MAIN) -> list[Attempt]:
    return list(
        Attempt.objects.filter(quiz=quiz, user=user, phase=phase, superseded_at__isnull=True)
        .defer("questions", "answers")
        .order_by("number")
    )


def finished(attempt_list: list[Attempt]) -> list[Attempt]:
    return [a for a in attempt_list if a.status != AttemptStatus.IN_PROGRESS]


def counted_attempt(quiz: Quiz, attempt_list: list[Attempt]) -> Attempt | None:
    """The attempt that counts: the best (highest score, earliest) or the last one."""
    done = finished(attempt_list)
    if not done:
        return None
    if quiz.grading_method == GradingMethod.LAST:
        return done[-1]
    return max(done, key=lambda a: (a.percent or 0, -a.number))


def quiz_passed(*, quiz: Quiz, user) -> bool:
    return quiz_passed_in(quiz, attempts(quiz=quiz, user=user))


def quiz_passed_in(quiz: Quiz, attempt_list: list[Attempt]) -> bool:
    counted = counted_attempt(quiz, attempt_list)
    return bool(counted and counted.passed)


def attempts_by_phase(*, quiz_id: int, user) -> dict[str, list[Attempt]]:
    """The learner's attempts at a quiz, both phases, in one query (module pages)."""
    by_phase: dict[str, list[Attempt]] = {Phase.PRE: [], Phase.MAIN: []}
    for attempt in (
        Attempt.objects.filter(quiz_id=quiz_id, user=user, superseded_at__isnull=True)
        .defer("questions", "answers")
        .order_by("number")
    ):
        by_phase[attempt.phase].append(attempt)
    return by_phase


@dataclass
class Availability:
    may_start: bool
    reason: str = ""
    next_start_at: datetime | None = None
    attempts_left: int | None = None  # None: unlimited
    open_attempt: Attempt | None = None


def availability(*, quiz: Quiz, attempt_list: list[Attempt], phase: str = Phase.MAIN, now=None):
    """May the learner start (or resume) an attempt now? With the reason when not."""
    now = now or timezone.now()
    open_attempt = next((a for a in attempt_list if a.is_open), None)
    if open_attempt is not None and not is_overdue(open_attempt, now=now):
        return Availability(True, open_attempt=open_attempt)
    done = finished(attempt_list) + ([open_attempt] if open_attempt else [])
    if phase == Phase.PRE:
        if done:
            return Availability(False, _("Le pré-test ne se fait qu'une fois."), attempts_left=0)
        return Availability(True, attempts_left=1)
    left = None if quiz.max_attempts is None else max(0, quiz.max_attempts - len(done))
    counted = counted_attempt(quiz, finished(attempt_list))
    if counted is not None and counted.passed and quiz.grading_method == GradingMethod.BEST:
        # Nothing to gain (the best attempt counts); with "last", another try may lower the score.
        return Availability(False, _("Vous avez réussi ce quiz."), attempts_left=left)
    if left == 0:
        return Availability(False, _("Vous avez utilisé toutes vos tentatives."), attempts_left=0)
    if done and quiz.wait_minutes:
        last_end = max(a.submitted_at or a.started_at for a in done)
        next_start = last_end + timedelta(minutes=quiz.wait_minutes)
        if now < next_start:
            return Availability(
                False,
                _next_start_text(next_start, now),
                next_start_at=next_start,
                attempts_left=left,
            )
    return Availability(True, attempts_left=left)


def _next_start_text(next_start: datetime, now: datetime) -> str:
    """ "à partir de 14:05" today, "le 8 décembre à 9:00" another day (dates in words)."""
    local, today = timezone.localtime(next_start), timezone.localtime(now).date()
    time = local.strftime("%H:%M")
    if local.date() == today:
        return _("Vous pourrez recommencer à partir de %(time)s.") % {"time": time}
    day = day_month(local) if local.year == today.year else long_date(local)
    return _("Vous pourrez recommencer le %(day)s à %(time)s.") % {"day": day, "time": time}


def is_overdue(attempt: Attempt, *, now=None, grace_seconds: int = 0) -> bool:
    if attempt.deadline is None:
        return False
    return (now or timezone.now()) > attempt.deadline + timedelta(seconds=grace_seconds)


def attempt_questions(attempt: Attempt) -> list[Question]:
    return [building.from_json(q) for q in attempt.questions]


@dataclass
class Progression:
    pre_percent: Decimal | None
    post_percent: Decimal | None

    @property
    def gain(self) -> Decimal | None:
        if self.pre_percent is None or self.post_percent is None:
            return None
        return self.post_percent - self.pre_percent


def progression(*, quiz: Quiz, user, by_phase: dict | None = None) -> Progression:
    """Pre-test score and counted post-test score (`by_phase`: attempts_by_phase's result,
    when the caller already has it)."""
    if by_phase is None:
        by_phase = attempts_by_phase(quiz_id=quiz.pk, user=user)
    pre = next(iter(finished(by_phase[Phase.PRE])), None)
    counted = counted_attempt(quiz, by_phase[Phase.MAIN])
    return Progression(
        pre_percent=pre.percent if pre else None,
        post_percent=counted.percent if counted else None,
    )


def open_quizzes() -> list[Quiz]:
    """Quizzes anyone signed in may take on their own."""
    return list(Quiz.objects.filter(available_alone=True).only("pk", "title", "intro"))


def quiz_url(quiz: Quiz, context_key: str = "", phase: str = Phase.MAIN) -> str:
    """The quiz page, in a context (e.g. "module:12") and for the pre-test if asked."""
    params = {}
    if context_key:
        params["contexte"] = context_key
    if phase == Phase.PRE:
        params["phase"] = Phase.PRE
    url = reverse("quizzes:quiz_detail", args=[quiz.pk])
    return f"{url}?{urlencode(params)}" if params else url
