"""Writes: starting and submitting attempts, importing GIFT, answering questionnaires."""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import single_line

from . import building, signals
from .constants import SUBMISSION_GRACE_SECONDS, AttemptStatus, Likert, Phase
from .gift.parsing import parse_gift
from .gift.writing import ExportSummary, export_gift, export_summary
from .grading import grade_attempt
from .models import (
    Attempt,
    AttemptAnswer,
    Questionnaire,
    QuestionnaireAnswer,
    QuestionnaireReceipt,
    QuestionnaireResponse,
    Quiz,
)
from .questions import DrawError, InvalidAnswer
from .selectors import taking

logger = logging.getLogger(__name__)


class AttemptRefused(ValueError):
    """A start or a submission the platform refuses; the message is for the learner."""


def _expire(attempt: Attempt, now) -> None:
    """Close an attempt past its time limit: it counts, with no points."""
    attempt.status = AttemptStatus.EXPIRED
    attempt.submitted_at = now
    attempt.points = 0
    attempt.percent = 0
    attempt.passed = False
    attempt.duration_seconds = int((now - attempt.started_at).total_seconds())
    attempt.save()


def attempt_start(*, quiz: Quiz, user, context: str = "", phase: str = Phase.MAIN) -> Attempt:
    """Start an attempt, or return the one in progress; refuse per the quiz's rules."""
    now = timezone.now()
    with transaction.atomic():
        attempt_list = list(
            Attempt.objects.select_for_update()
            .filter(quiz=quiz, user=user, phase=phase)
            .defer("questions", "answers")
            .order_by("number")
        )
        # Numbers go on across cycles; only the current cycle's attempts count.
        numbered = len(attempt_list)
        attempt_list = [a for a in attempt_list if a.superseded_at is None]
        for attempt in attempt_list:
            if attempt.is_open and taking.is_overdue(
                attempt, now=now, grace_seconds=SUBMISSION_GRACE_SECONDS
            ):
                _expire(attempt, now)
        verdict = taking.availability(quiz=quiz, attempt_list=attempt_list, phase=phase, now=now)
        if verdict.open_attempt is not None:
            return verdict.open_attempt
        if not verdict.may_start:
            raise AttemptRefused(verdict.reason)
        seed = secrets.randbits(48)
        pool = building.questions_from_stream(quiz.questions)
        if not pool:
            raise AttemptRefused(_("Ce quiz n'a pas encore de questions."))
        try:
            drawn = building.draw(quiz, pool, seed=seed)
        except DrawError as error:
            logger.error("quiz %s cannot be drawn: %s", quiz.pk, error)
            raise AttemptRefused(
                _("Ce quiz est mal paramétré (tirage impossible) : prévenez l'équipe pédagogique.")
            ) from None
        deadline = None
        if quiz.time_limit_minutes:
            deadline = now + timedelta(minutes=quiz.time_limit_minutes)
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    quiz=quiz,
                    user=user,
                    context=context,
                    phase=phase,
                    number=numbered + 1,
                    seed=seed,
                    questions=_snapshot(drawn, building.situation_media(quiz.questions)),
                    started_at=now,
                    deadline=deadline,
                )
        except IntegrityError:
            # A double click started it meanwhile: resume that one.
            return Attempt.objects.get(
                quiz=quiz, user=user, phase=phase, status=AttemptStatus.IN_PROGRESS
            )


def attempts_supersede(*, quiz_id: int, user) -> int:
    """Start the learner over on a quiz (a new cycle of a mandatory module): earlier
    attempts stay in the history but no longer count; one in progress is closed."""
    now = timezone.now()
    with transaction.atomic():
        current = Attempt.objects.select_for_update().filter(
            quiz_id=quiz_id, user=user, superseded_at__isnull=True
        )
        for attempt in current.filter(status=AttemptStatus.IN_PROGRESS):
            _expire(attempt, now)
        return current.update(superseded_at=now)


def attempt_expire_if_overdue(*, attempt_id: int) -> bool:
    """Close an open attempt whose time (grace included) has run out; True if closed."""
    now = timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().filter(pk=attempt_id).first()
        if attempt is None or not attempt.is_open:
            return False
        if not taking.is_overdue(attempt, now=now, grace_seconds=SUBMISSION_GRACE_SECONDS):
            return False
        _expire(attempt, now)
    return True


def _snapshot(drawn, media: dict) -> list[dict]:
    questions = []
    for question in drawn:
        data = building.to_json(question)
        if question.id in media:
            data["media"] = media[question.id]
        questions.append(data)
    return questions


@dataclass
class Submission:
    attempt: Attempt
    notices: list[str]  # messages from the context's app (a module completed…)


def attempt_submit(*, attempt_id: int, user, answers: dict) -> Submission:
    """Grade and close an attempt. Refused (and logged) when it is not the learner's,
    already submitted (replay), late, or answers questions that were not drawn."""
    now = timezone.now()
    with transaction.atomic():
        attempt = _lock_open_attempt(attempt_id=attempt_id, user=user)
        late = taking.is_overdue(attempt, now=now, grace_seconds=SUBMISSION_GRACE_SECONDS)
        if late:
            logger.warning("quiz attempt %s submitted late by user %s", attempt.pk, user.pk)
            _expire(attempt, now)
        else:
            _grade(attempt, answers, now)
    if late:
        # Outside the transaction: the attempt stays closed (expired) despite the refusal.
        raise AttemptRefused(
            _("Le temps imparti était écoulé : la tentative est close sans être notée.")
        )
    responses = signals.attempt_graded.send(sender=Attempt, attempt=attempt)
    return Submission(attempt=attempt, notices=[notice for _r, notice in responses if notice])


def _lock_open_attempt(*, attempt_id: int, user) -> Attempt:
    """The learner's attempt, locked, still open; refused (and logged) otherwise."""
    attempt = (
        Attempt.objects.select_for_update().select_related("quiz").filter(pk=attempt_id).first()
    )
    if attempt is None or attempt.user_id != user.pk:
        logger.warning("quiz submission for attempt %s refused: not user %s's", attempt_id, user.pk)
        raise AttemptRefused(_("Tentative introuvable."))
    if not attempt.is_open:
        logger.warning("quiz attempt %s submitted again (replay) by user %s", attempt.pk, user.pk)
        raise AttemptRefused(_("Cette tentative a déjà été envoyée : elle ne peut plus changer."))
    return attempt


def _grade(attempt: Attempt, answers: dict, now) -> None:
    """Grade the answers on the server, close the attempt and store one row per question."""
    questions = taking.attempt_questions(attempt)
    try:
        result = grade_attempt(questions, answers)
    except InvalidAnswer as error:
        logger.warning(
            "quiz attempt %s: submission refused for user %s: %s",
            attempt.pk,
            attempt.user_id,
            # The message quotes field names the browser sent: one log line.
            single_line(error.message),
        )
        raise AttemptRefused(error.message) from None
    attempt.status = AttemptStatus.SUBMITTED
    attempt.submitted_at = now
    attempt.answers = {k: v for k, v in answers.items() if v is not None}
    attempt.points = result.total_points
    attempt.max_points = result.max_points
    attempt.percent = result.percent
    attempt.passed = result.percent >= attempt.quiz.pass_mark
    attempt.duration_seconds = int((now - attempt.started_at).total_seconds())
    attempt.save()
    by_id = {q.id: q for q in questions}
    AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            quiz_id=attempt.quiz_id,
            question_id=question_id,
            kind=by_id[question_id].kind.value,
            tags=list(by_id[question_id].tags),
            answer=answers.get(question_id),
            score=graded.score,
            points=graded.points_awarded,
            max_points=graded.max_points,
            correct=graded.correct,
        )
        for question_id, graded in result.per_question.items()
    )


# GIFT -------------------------------------------------------------------------------


@dataclass
class GiftImport:
    imported: int
    errors: list  # gift.parsing.LineError


def gift_import(*, quiz: Quiz, text: str) -> GiftImport:
    """Append the questions of a GIFT file to a quiz; report the ones refused."""
    report = parse_gift(text)
    if report.questions:
        with transaction.atomic():
            quiz = Quiz.objects.select_for_update().get(pk=quiz.pk)
            raw = list(quiz.questions.raw_data)
            raw += [building.raw_block_from_question(q) for q in report.questions]
            quiz.questions = raw
            quiz.save(update_fields=["questions", "updated_at"])
    return GiftImport(imported=len(report.questions), errors=report.errors)


def gift_export(quiz: Quiz) -> str:
    """The quiz's questions in GIFT; what GIFT cannot carry is said in comment lines."""
    return export_gift(building.questions_from_stream(quiz.questions))


def gift_export_summary(quiz: Quiz) -> ExportSummary:
    """What `gift_export` will write and change, said on the page before the download."""
    return export_summary(building.questions_from_stream(quiz.questions))


# Satisfaction questionnaires -----------------------------------------------------------


class AlreadyAnswered(ValueError):
    pass


def questionnaire_answer(
    *,
    questionnaire: Questionnaire,
    user,
    subject: str,
    overall: int,
    values: dict[int, int],
    comment: str = "",
) -> QuestionnaireResponse:
    """Record one person's answers once per subject; without their name if anonymous."""
    items = {item.pk: item for item in questionnaire.items.all()}
    if set(values) != set(items) or any(v not in Likert.values for v in values.values()):
        raise ValueError(_("Répondez à chaque affirmation."))
    try:
        with transaction.atomic():
            QuestionnaireReceipt.objects.create(
                questionnaire=questionnaire, user=user, subject=subject
            )
            response = QuestionnaireResponse.objects.create(
                questionnaire=questionnaire,
                subject=subject,
                user=None if questionnaire.anonymous else user,
                overall=overall,
                comment=comment.strip(),
            )
            QuestionnaireAnswer.objects.bulk_create(
                QuestionnaireAnswer(response=response, item_id=item_id, value=value)
                for item_id, value in values.items()
            )
    except IntegrityError:
        raise AlreadyAnswered(_("Vous avez déjà répondu à ce questionnaire.")) from None
    return response
