"""H5P activities: xAPI statements received from the player, results and resume state.

The browser's scores can be forged: every answer is re-scored from the package's
answer key (`courses.h5p.scoring`), and the activity's result is computed from
the server's latest verdict per question, kept in `ActivityResult.answers`.
A statement that claims more than the server grants, names another activity or
another learner, or comes a second time is refused and logged.
"""

import dataclasses
import logging
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lrs import services as lrs_services

from .. import xapi
from ..h5p import scoring
from ..models import ActivityResult, H5PPackage, LessonPage, XAPIStatement
from ..xapi import StatementRejected, StatementReplayed
from .activity_keys import (  # noqa: F401  (callers read them here)
    ACTOR_DOMAIN,
    identity_check,
    package_key,
    xapi_mbox,
    xapi_pseudonym,
)
from .completion import module_completion_update

logger = logging.getLogger("egide.courses")

# xAPI verbs after which an activity used to count as done (kept for callers).
DONE_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
}
# Composites that send their own total: their sub-content answers are not attempts.
TOTAL_SENDERS = frozenset(
    {
        "H5P.QuestionSet",
        "H5P.CoursePresentation",
        "H5P.SingleChoiceSet",
        "H5P.Summary",
        "H5P.BranchingScenario",
    }
)


RESULT_FIELDS = [
    *("attempts", "completed", "success", "score_scaled", "server_checked", "answers"),
    "updated_at",
]


@dataclass(frozen=True)
class IngestOutcome:
    record: XAPIStatement
    verdict: scoring.Verdict | None  # the server's verdict on this statement
    activity: ActivityResult
    message: str  # French status line the player shows
    total: scoring.Verdict | None = None  # the activity's verdict now (scored packages)


@contextmanager
def _refusals_logged(*, user, package, lesson, statement):
    """Log every refusal with who sent it, for what, and why."""
    try:
        yield
    except StatementRejected as error:
        statement_id = statement.get("id") if isinstance(statement, dict) else None
        logger.warning(
            "xAPI statement refused: user=%s package=%s lesson=%s statement=%r reason=%s",
            user.pk,
            package.pk,
            lesson.pk,
            statement_id if isinstance(statement_id, str) else None,
            error,
        )
        raise


# --- Recording ------------------------------------------------------------------


def xapi_statement_record(
    *,
    user,
    package: H5PPackage,
    lesson: LessonPage,
    statement: dict,
    module_id: int | None = None,
    enrolment_cycle: int | None = None,
) -> IngestOutcome:
    """Store an xAPI statement once, with the server's verdict, and update the result.

    Refused (`StatementRejected`, logged): a claim above the server's verdict, an
    answer to a sub-content not in the package, another activity's object, another
    learner's actor; the same statement id again raises `StatementReplayed`.
    """
    with _refusals_logged(user=user, package=package, lesson=lesson, statement=statement):
        parsed = xapi.parse(statement)
        sub_content = identity_check(parsed.raw, user=user, package=package, lesson=lesson)
        key = package_key(package)
        try:
            check = key.check(parsed.raw)
        except scoring.ScoringRefused as error:
            raise StatementRejected(str(error)) from None
        ingest = _Ingest(user, package, lesson, module_id or lesson.module.pk, key)
        if check.kind == "answer":
            outcome = ingest.answers(parsed, {check.question_id: check.verdict}, check.verdict)
        elif check.kind == "total" and not key.needs_report:
            outcome = ingest.answers(parsed, {}, None)
        elif check.kind == "view" and not key.scored:
            outcome = ingest.viewed(parsed)
        else:
            # Attempted, interacted…, a view of a scored package, or the live total of a
            # type whose answers only come in the report: kept, nothing counted.
            outcome = ingest.stored(parsed, sub_content)
    ingest.module_update(enrolment_cycle)
    return outcome


def xapi_report_record(
    *,
    user,
    package: H5PPackage,
    lesson: LessonPage,
    report: dict,
    module_id: int | None = None,
    enrolment_cycle: int | None = None,
) -> IngestOutcome:
    """Record the getXAPIData() report some types send at the end (SingleChoiceSet,
    BranchingScenario: their live statements do not say what was chosen).

    Every answered question gets its own row (for per-question results), the
    report's statement carries the activity's total and its id makes it once only.
    """
    with _refusals_logged(user=user, package=package, lesson=lesson, statement=report):
        parsed = xapi.parse_report(report)
        statements = xapi.report_statements(parsed)
        for statement in statements:
            identity_check(statement, user=user, package=package, lesson=lesson)
        key = package_key(package)
        try:
            verdicts = key.check_report(report)
        except scoring.ScoringRefused as error:
            raise StatementRejected(str(error)) from None
        ingest = _Ingest(user, package, lesson, module_id or lesson.module.pk, key)
        outcome = ingest.answers(parsed.statement, verdicts, None, report=True)
    ingest.module_update(enrolment_cycle)
    return outcome


def _decimal(value: float, places: str = "0.001") -> Decimal:
    return Decimal(str(value)).quantize(Decimal(places))


def _verdict_fields(verdict: scoring.Verdict | None) -> dict:
    if verdict is None:
        return {}
    return {
        "response": verdict.response,
        "server_raw": _decimal(verdict.raw),
        "server_max": _decimal(verdict.max),
        "server_success": verdict.success,
        "server_score_scaled": _decimal(verdict.scaled, "0.0001"),
    }


def _stored_verdict(data: dict) -> scoring.Verdict:
    return scoring.Verdict(
        raw=float(data.get("raw") or 0),
        max=float(data.get("max") or 0),
        success=bool(data.get("success")),
        response=str(data.get("response") or ""),
    )


def _verdict_data(verdict: scoring.Verdict) -> dict:
    return dataclasses.asdict(verdict)  # raw, max, success, response


def _number(value: float) -> str:
    """2.0 → "2", 1.5 → "1,5": points without useless decimals, French style."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")


def _points(verdict: scoring.Verdict) -> str:
    count = int(verdict.max) if float(verdict.max).is_integer() else 2
    return ngettext("%(raw)s sur %(max)s point", "%(raw)s sur %(max)s points", count) % {
        "raw": _number(verdict.raw),
        "max": _number(verdict.max),
    }


def _activity_line(total: scoring.Verdict) -> str:
    if total.success:
        return _("Activité : %(points)s, réussie.") % {"points": _points(total)}
    return _("Activité : %(points)s, pas encore réussie.") % {"points": _points(total)}


class _Ingest:
    """One statement's (or report's) writes for one learner's activity."""

    def __init__(self, user, package, lesson, module_id, key):
        self.user, self.package, self.lesson = user, package, lesson
        self.module_id, self.key = module_id, key
        self.improved = False  # the module's completion rule is worth applying again

    def _results(self):
        return ActivityResult.objects.filter(
            user_id=self.user.pk, package_id=self.package.pk, lesson_id=self.lesson.pk
        )

    def _result_locked(self) -> ActivityResult | None:
        # One row at most (unique together): no ORDER BY for Django to build.
        return next(iter(self._results().select_for_update()[:1]), None)

    def _new_result(self) -> ActivityResult:
        return ActivityResult(
            user=self.user, package=self.package, lesson=self.lesson, module_id=self.module_id
        )

    def _insert(self, statement: xapi.Statement, **fields) -> XAPIStatement:
        try:
            row = XAPIStatement.objects.create(
                statement_id=statement.id,
                user=self.user,
                package=self.package,
                lesson=self.lesson,
                verb=statement.verb,
                raw=statement.raw,
                **fields,
            )
        except IntegrityError:
            # Leaving the transaction rolls back whatever this statement changed.
            raise StatementReplayed(_("Cette déclaration a déjà été reçue.")) from None
        # Copied to the external LRS if one is configured, once committed (issue 22).
        lrs_services.statements_forward(statements=[statement.raw])
        return row

    def _save(self, result: ActivityResult | None, changed: ActivityResult) -> ActivityResult:
        if result is not None:
            changed.save(update_fields=RESULT_FIELDS)
            return changed
        try:
            with transaction.atomic():
                changed.save(force_insert=True)
                return changed
        except IntegrityError:
            # Created meanwhile by a state save: apply the changes to that row.
            row = self._result_locked()
            changed.pk, changed.state = row.pk, row.state
            return self._save(row, changed)

    def answers(self, statement, verdicts: dict, verdict, *, report: bool = False):
        """An answer (verdict given), a total or a report (verdict None): new answers
        merged, the activity's verdict from them, any claimed total checked."""
        question_id = next(iter(verdicts)) if verdict is not None else ""
        with transaction.atomic():
            result = self._result_locked()
            stored = dict(result.answers) if result is not None else {}
            before = self.key.total({q: _stored_verdict(v) for q, v in stored.items()})
            stored.update({q: _verdict_data(v) for q, v in verdicts.items()})
            answers = {q: _stored_verdict(v) for q, v in stored.items()}
            total = self.key.total(answers)
            if verdict is None:
                problem = scoring.claim_problem(statement.result, total)
                if problem:
                    raise StatementRejected(problem)
            own = verdict or total
            record = self._insert(statement, question_id=question_id, **_verdict_fields(own))
            if report:
                self._report_rows(statement, verdicts)
            complete = self.key.complete(answers)
            attempt = (
                verdict is None
                or question_id == ""
                or (complete and self.key.main_library not in TOTAL_SENDERS)
            )
            changed = self._apply(result, stored, total, complete=complete, attempt=attempt)
            activity = self._save(result, changed)
        lines = (
            [_("Réponse vérifiée : %(points)s.") % {"points": _points(verdict)}] if verdict else []
        )
        if (
            verdict is None
            or complete
            or (before.raw, before.success) != (total.raw, total.success)
        ):
            lines.append(_activity_line(total))
        return IngestOutcome(record, own, activity, " ".join(lines), total)

    def _apply(self, result, stored, total, *, complete: bool, attempt: bool) -> ActivityResult:
        """The result after these answers: the best score and any success stay."""
        changed = self._new_result() if result is None else result
        succeeded, best = changed.success, changed.score_scaled
        changed.answers = stored
        changed.server_checked = True
        changed.attempts += 1 if attempt else 0
        if complete:
            score = _decimal(total.scaled, "0.0001")
            changed.completed = True
            if changed.score_scaled is None or score > changed.score_scaled:
                changed.score_scaled = score
            changed.success = bool(changed.success or total.success)
        # A first completion with no points cannot unblock a module: its lessons
        # could not be completed without the activity done.
        self.improved = bool(changed.success and not succeeded) or (
            (changed.score_scaled or 0) > (best or 0)
        )
        return changed

    def _report_rows(self, statement: xapi.Statement, verdicts: dict) -> None:
        """One row per question answered in a report, for per-question results."""
        XAPIStatement.objects.bulk_create(
            XAPIStatement(
                statement_id=uuid.uuid5(statement.id, question_id or "root"),
                user=self.user,
                package=self.package,
                lesson=self.lesson,
                verb="http://adlnet.gov/expapi/verbs/answered",
                raw={"report": str(statement.id), "question": question_id},
                question_id=question_id,
                **_verdict_fields(verdict),
            )
            for question_id, verdict in verdicts.items()
        )

    def viewed(self, statement) -> IngestOutcome:
        """An unscored activity shown to the learner: done, never a success."""
        with transaction.atomic():
            result = self._result_locked()
            record = self._insert(statement)
            changed = self._new_result() if result is None else result
            self.improved = not changed.completed
            changed.completed = True
            changed.attempts += 1
            activity = self._save(result, changed)
        return IngestOutcome(record, None, activity, _("Activité consultée."), None)

    def stored(self, statement, sub_content: str) -> IngestOutcome:
        record = self._insert(statement, question_id=sub_content)
        activity = next(iter(self._results()[:1]), None) or self._new_result()
        total = None
        if self.key.scored:
            total = self.key.total({q: _stored_verdict(v) for q, v in activity.answers.items()})
        return IngestOutcome(record, None, activity, "", total)

    def module_update(self, enrolment_cycle: int | None) -> None:
        # A success or a better score may be what the module still waited for
        # (lessons finished, then the activity retried): apply the rule again.
        if self.improved:
            module_completion_update(
                user=self.user, module=self.lesson.module, enrolment_cycle=enrolment_cycle
            )


def h5p_state_save(
    *, user, package: H5PPackage, lesson: LessonPage, data, module_id: int | None = None
) -> None:
    """Save the player's resume state (contentUserData) for this learner."""
    if ActivityResult.objects.filter(user=user, package=package, lesson=lesson).update(state=data):
        return
    ActivityResult.objects.update_or_create(
        user=user,
        package=package,
        lesson=lesson,
        defaults={"module_id": module_id or lesson.module.pk, "state": data},
    )
