"""A learner's SCORM sessions: launching a SCO, recording what its run-time commits.

The run-time (scorm-again, in the lesson page) asks for a launch before the SCO
starts, then commits the CMI data model as JSON: every few seconds, when the SCO
commits or finishes, and once more when the page goes away (a beacon). Commits
may come late, twice, or after the SCO finished: each is recorded as the latest
state, and what the completion rule reads only ever improves within a cycle — a
completed SCO stays completed, the best score and a success stay — as H5P results
do. Scores and statuses are the browser's word: nothing here can check them.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import LessonPage, ScormAttempt, ScormPackage
from ..scorm import runtime

# A commit holds the whole CMI tree: interactions and objectives can make it large,
# SCORM 2004's suspend_data alone may be 64,000 characters.
MAX_COMMIT_BYTES = 512 * 1024


class CommitRejected(Exception):
    """A commit the platform cannot read; the message is French, for the logs and the SCO."""


@dataclass(frozen=True)
class CommitOutcome:
    attempt: ScormAttempt
    # The commit changed what the completion rule reads (status, success, best score).
    progressed: bool


@transaction.atomic
def scorm_launch(*, user, lesson: LessonPage, module_id: int, package: ScormPackage, sco: dict):
    """Start a session of `sco`: return the CMI tree its run-time loads.

    The last session's time joins the total and its interactions the history,
    since the new session's run-time starts without them.
    """
    attempt = _attempt_locked(
        user=user, lesson=lesson, module_id=module_id, package=package, sco=sco
    )
    kept = {}
    if attempt.cmi:
        facts = runtime.read_commit(package.version, attempt.cmi)
        kept = runtime.kept_from_commit(package.version, attempt.cmi, facts)
        attempt.past_interactions = [*attempt.past_interactions, *_interactions(attempt.cmi)]
        attempt.cmi = {key: value for key, value in attempt.cmi.items() if key != "interactions"}
    attempt.total_seconds += attempt.session_seconds
    attempt.session_seconds = 0
    attempt.launched_at = timezone.now()
    attempt.save()
    return runtime.launch_data(
        version=package.version,
        sco=sco,
        learner_id=f"egide-{user.pk}",
        learner_name=_learner_name(user),
        kept=kept,
        total_seconds=attempt.total_seconds,
    )


def commit_load(body: bytes) -> dict:
    """The "cmi" tree of a commit body; raise CommitRejected when it is not one."""
    if len(body) > MAX_COMMIT_BYTES:
        raise CommitRejected(_("Données SCORM trop volumineuses."))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CommitRejected(_("Données SCORM illisibles : JSON attendu.")) from None
    cmi = data.get("cmi") if isinstance(data, dict) else None
    if not isinstance(cmi, dict):
        raise CommitRejected(_("Données SCORM illisibles : l'objet « cmi » manque."))
    if "\x00" in json.dumps(cmi):
        # PostgreSQL's jsonb refuses the NUL character.
        raise CommitRejected(_("Données SCORM illisibles."))
    return cmi


@transaction.atomic
def scorm_commit(
    *, user, lesson: LessonPage, module_id: int, package: ScormPackage, sco: dict, cmi: dict
) -> CommitOutcome:
    """Record a commit of `sco`'s run-time; say whether the completion rule may change."""
    facts = runtime.read_commit(package.version, cmi)
    attempt = _attempt_locked(
        user=user, lesson=lesson, module_id=module_id, package=package, sco=sco
    )
    before = (attempt.completed, attempt.success_status, attempt.score_scaled)
    if attempt.completion_status != "completed" or facts.completion_status == "completed":
        attempt.completion_status = facts.completion_status
    if attempt.success_status != "passed":
        attempt.success_status = facts.success_status
    if facts.score_scaled is not None and (
        attempt.score_scaled is None or facts.score_scaled > attempt.score_scaled
    ):
        attempt.score_scaled = facts.score_scaled
    if facts.session_seconds is not None:
        attempt.session_seconds = facts.session_seconds
    attempt.cmi = cmi
    attempt.commits += 1
    attempt.save()
    after = (attempt.completed, attempt.success_status, attempt.score_scaled)
    return CommitOutcome(attempt=attempt, progressed=after != before)


def _attempt_locked(*, user, lesson, module_id, package, sco) -> ScormAttempt:
    attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
        user=user,
        lesson=lesson,
        package=package,
        sco=sco["identifier"],
        defaults={"module_id": module_id},
    )
    return attempt


def _interactions(cmi: dict) -> list:
    """A commit's interactions, in order: scorm-again sends {"0": {...}, "1": {...}}."""
    found = cmi.get("interactions")
    if isinstance(found, list):
        return [item for item in found if isinstance(item, dict)]
    if isinstance(found, dict):
        numbered = [(key, item) for key, item in found.items() if key.isdigit()]
        return [item for _key, item in sorted(numbered, key=lambda pair: int(pair[0]))]
    return []


def _learner_name(user) -> str:
    # SCORM's name format is "Last, First".
    last, first = (user.last_name or "").strip(), (user.first_name or "").strip()
    return f"{last}, {first}" if last and first else (last or first or user.get_username())
