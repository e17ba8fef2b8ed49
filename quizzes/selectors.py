"""Reads of quizzes, attempts, evaluations and their statistics.

Every function runs a fixed number of queries, whatever the number of questions,
attempts or learners (asserted in quizzes/tests/test_query_counts.py).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from . import building
from .constants import AGREEING, AttemptStatus, GradingMethod, Likert, Phase, ReviewTiming
from .models import (
    Attempt,
    AttemptAnswer,
    Questionnaire,
    QuestionnaireAnswer,
    QuestionnaireReceipt,
    QuestionnaireResponse,
    Quiz,
)
from .questions import Kind, Question

_CENT = Decimal("0.1")


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)


# Attempts ----------------------------------------------------------------------------


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
                _("Vous pourrez recommencer à partir du %(when)s.")
                % {"when": timezone.localtime(next_start).strftime("%d/%m/%Y à %H:%M")},
                next_start_at=next_start,
                attempts_left=left,
            )
    return Availability(True, attempts_left=left)


def is_overdue(attempt: Attempt, *, now=None, grace_seconds: int = 0) -> bool:
    if attempt.deadline is None:
        return False
    return (now or timezone.now()) > attempt.deadline + timedelta(seconds=grace_seconds)


def attempt_questions(attempt: Attempt) -> list[Question]:
    return [building.from_json(q) for q in attempt.questions]


# What the learner sees ---------------------------------------------------------------


@dataclass
class DisplayOption:
    id: str
    text: str
    # Set by quizzes.submission.bind: the form field's name and what the learner had sent.
    name: str = ""
    checked: bool = False
    value: str = ""


@dataclass
class DisplayQuestion:
    """A question as sent to the browser: ids and texts, never the answer key."""

    id: str
    kind: str
    text: str
    title: str
    points: Decimal
    options: list[DisplayOption] = field(default_factory=list)  # choices, or ordering items
    prompts: list[DisplayOption] = field(default_factory=list)  # matching prompts
    sub_questions: list["DisplayQuestion"] = field(default_factory=list)
    name: str = ""  # the form field's name (quizzes.submission.bind)
    image_url: str = ""
    image_alt: str = ""
    audio_url: str = ""
    audio_transcript: str = ""


def _display(question: Question, *, seed: int, shuffle: bool) -> DisplayQuestion:
    from .draws import shuffled_choices

    shown = DisplayQuestion(
        id=question.id,
        kind=question.kind.value,
        text=question.text,
        title=question.title,
        points=question.points,
    )
    if question.kind == Kind.SITUATION:
        shown.sub_questions = [
            _display(s, seed=seed, shuffle=shuffle) for s in question.sub_questions
        ]
        return shown
    if question.kind == Kind.MATCHING:
        shown.prompts = [DisplayOption(p.prompt_id, p.prompt) for p in question.pairs]
    if shuffle or question.kind in (Kind.ORDERING, Kind.MATCHING):
        # Ordering items are always shuffled (in order, they would be the answer).
        options = shuffled_choices(question, seed)
    else:
        options = list(question.choices)
    shown.options = [DisplayOption(o.id, o.text) for o in options]
    return shown


def attempt_form_questions(attempt: Attempt) -> list[DisplayQuestion]:
    shuffle = attempt.quiz.shuffle_answers
    shown = [_display(q, seed=attempt.seed, shuffle=shuffle) for q in attempt_questions(attempt)]
    _attach_media(shown, {q["id"]: q["media"] for q in attempt.questions if q.get("media")})
    return shown


def _attach_media(shown: list[DisplayQuestion], media: dict[str, dict]) -> None:
    """Situations' image and audio: one query per kind of file, whatever their number."""
    if not media:
        return
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    images = get_image_model().objects.in_bulk([m["image"] for m in media.values() if m["image"]])
    documents = get_document_model().objects.in_bulk(
        [m["audio"] for m in media.values() if m["audio"]]
    )
    for question in shown:
        item = media.get(question.id)
        if not item:
            continue
        image = images.get(item["image"])
        if image is not None:
            question.image_url, question.image_alt = image.file.url, item["image_alt"]
        audio = documents.get(item["audio"])
        if audio is not None:
            question.audio_url, question.audio_transcript = audio.url, item["audio_transcript"]


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
    if timing == ReviewTiming.AFTER_LAST:
        availability_now = availability(quiz=quiz, attempt_list=attempt_list)
        over = not availability_now.may_start and (
            availability_now.attempts_left == 0 or quiz_passed_in(quiz, attempt_list)
        )
        if not over:
            return ReviewPolicy(
                False,
                False,
                False,
                _("La correction sera visible après votre dernière tentative ou votre réussite."),
            )
    return ReviewPolicy(True, quiz.review_shows_answers, quiz.review_shows_explanations)


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
    for question in attempt_questions(attempt):
        answer = attempt.answers.get(question.id)
        items.append(_review_item(question, answer, graded.get(question.id), policy))
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
            from .grading import grade

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


# Pre-test and post-test ---------------------------------------------------------------


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


# Statistics for editors ----------------------------------------------------------------


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
    answers = list(
        AttemptAnswer.objects.filter(
            quiz=quiz,
            attempt__phase=Phase.MAIN,
            attempt__status=AttemptStatus.SUBMITTED,
        ).values_list("question_id", "answer", "score")
    )
    by_question: dict[str, list] = defaultdict(list)
    for question_id, answer, score in answers:
        by_question[question_id].append((answer, score))
    questions = []
    for question in building.questions_from_stream(quiz.questions):
        given = by_question.get(question.id, [])
        stat = QuestionStat(
            id=question.id,
            label=question.title or question.text,
            kind=_kind_label(question.kind.value),
            tags=question.tags,
            answered=len(given),
            success_rate=_round(Decimal(100) * sum(1 for _a, s in given if s == 1) / len(given))
            if given
            else None,
            average_score=_round(Decimal(100) * sum(s for _a, s in given) / len(given))
            if given
            else None,
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
                    share=_round(Decimal(100) * picks.get(c.id, 0) / len(given)) if given else None,
                )
                for c in question.choices
            ]
        questions.append(stat)
    gain = pre_post_gain(quiz)
    return QuizStatistics(
        attempts=totals["n"],
        learners=totals["learners"],
        average_percent=_round(totals["avg"]),
        pass_rate=_round(Decimal(100) * totals["passed"] / totals["n"]) if totals["n"] else None,
        questions=questions,
        **gain,
    )


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
        "pre_average": _round(pre_avg),
        "post_average": _round(post_avg),
        "average_gain": _round(post_avg - pre_avg),
        "gain_learners": len(pairs),
    }


# Satisfaction questionnaires ------------------------------------------------------------


def questionnaire_answered(*, questionnaire: Questionnaire, user, subject: str) -> bool:
    return QuestionnaireReceipt.objects.filter(
        questionnaire=questionnaire, user=user, subject=subject
    ).exists()


@dataclass
class ItemStat:
    text: str
    better_equipped: bool
    counts: dict[int, int]
    answered: int
    agree_share: Decimal | None


@dataclass
class SatisfactionSummary:
    responses: int
    average_overall: Decimal | None  # the "note évaluative", out of 5
    better_equipped_share: Decimal | None  # % "mieux outillé·e" (agree + strongly agree)
    items: list[ItemStat]
    comments: list[tuple[str, str, object]]  # (who — empty when anonymous, comment, date)


def satisfaction_summary(
    *, questionnaire: Questionnaire, subject: str | None = None, responses=None
) -> SatisfactionSummary:
    """Figures of a questionnaire's responses (optionally for one module or session).

    `responses` lets the indicators issue pass any queryset of responses (a plan's
    modules and sessions over a period). Four queries.
    """
    if responses is None:
        responses = QuestionnaireResponse.objects.filter(questionnaire=questionnaire)
        if subject:
            responses = responses.filter(subject=subject)
    totals = responses.aggregate(n=Count("id"), avg=Avg("overall"))
    items = list(questionnaire.items.all())
    counts = defaultdict(Counter)
    for item_id, value, n in (
        QuestionnaireAnswer.objects.filter(response__in=responses)
        .values_list("item_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[item_id][value] += n
    stats = []
    for item in items:
        item_counts = counts.get(item.pk, Counter())
        answered = sum(item_counts.values())
        agreeing = sum(item_counts.get(v, 0) for v in AGREEING)
        stats.append(
            ItemStat(
                text=item.text,
                better_equipped=item.better_equipped,
                counts={value: item_counts.get(value, 0) for value in Likert.values},
                answered=answered,
                agree_share=_round(Decimal(100) * agreeing / answered) if answered else None,
            )
        )
    equipped = [s for s in stats if s.better_equipped and s.answered]
    share = None
    if equipped:
        agreeing = sum(sum(s.counts[v] for v in AGREEING) for s in equipped)
        share = _round(Decimal(100) * agreeing / sum(s.answered for s in equipped))
    comments = [
        (
            "" if questionnaire.anonymous or user is None else user.get_full_name(),
            comment,
            answered_on,
        )
        for user, comment, answered_on in (
            (r.user, r.comment, r.answered_on)
            for r in responses.exclude(comment="").select_related("user").order_by("-answered_on")
        )
    ]
    return SatisfactionSummary(
        responses=totals["n"],
        average_overall=_round(totals["avg"]),
        better_equipped_share=share,
        items=stats,
        comments=comments,
    )


@dataclass
class QuestionnaireOverview:
    questionnaire: Questionnaire
    responses: int
    average_overall: Decimal | None
    better_equipped_share: Decimal | None


def questionnaires_overview() -> list[QuestionnaireOverview]:
    """Each questionnaire's headline figures, in three queries whatever their number."""
    questionnaires = list(
        Questionnaire.objects.annotate(
            n=Count("responses"), avg=Avg("responses__overall")
        ).order_by("title")
    )
    agree = Count("id", filter=Q(value__in=AGREEING))
    equipped = {
        row["response__questionnaire_id"]: row
        for row in QuestionnaireAnswer.objects.filter(item__better_equipped=True)
        .values("response__questionnaire_id")
        .annotate(n=Count("id"), agree=agree)
        .order_by()
    }
    overview = []
    for questionnaire in questionnaires:
        row = equipped.get(questionnaire.pk)
        share = _round(Decimal(100) * row["agree"] / row["n"]) if row and row["n"] else None
        overview.append(
            QuestionnaireOverview(
                questionnaire=questionnaire,
                responses=questionnaire.n,
                average_overall=_round(questionnaire.avg),
                better_equipped_share=share,
            )
        )
    return overview


def open_quizzes() -> list[Quiz]:
    """Quizzes anyone signed in may take on their own."""
    return list(Quiz.objects.filter(available_alone=True).only("pk", "title", "intro"))


@dataclass
class SubjectFigures:
    """Sums of the questionnaire responses about one subject, for callers to add up."""

    responses: int = 0
    overall_sum: int = 0
    equipped_answered: int = 0
    equipped_agreeing: int = 0


def questionnaire_figures_by_subject(
    *, subjects: list[str], start, end
) -> dict[str, SubjectFigures]:
    """Per subject ("module:12"), responses answered between two dates: their count, the
    sum of overall scores, and the answers to "better equipped" items (two queries).

    Sums rather than averages, so the indicators can add several subjects exactly.
    """
    figures: dict[str, SubjectFigures] = defaultdict(SubjectFigures)
    if not subjects:
        return {}
    responses = QuestionnaireResponse.objects.filter(
        subject__in=subjects, answered_on__range=(start, end)
    )
    for subject, n, total in (
        responses.values_list("subject").annotate(n=Count("id"), total=Sum("overall")).order_by()
    ):
        figures[subject].responses = n
        figures[subject].overall_sum = total or 0
    for subject, value, n in (
        QuestionnaireAnswer.objects.filter(response__in=responses, item__better_equipped=True)
        .values_list("response__subject", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[subject].equipped_answered += n
        if value in AGREEING:
            figures[subject].equipped_agreeing += n
    return dict(figures)
