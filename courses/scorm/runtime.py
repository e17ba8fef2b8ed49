"""The SCORM run-time data model between the browser's run-time and the database.

The run-time in the browser is scorm-again (courses/static/courses/scorm.js): it
holds the CMI data model while a SCO plays and commits it as JSON, {"cmi": {...}},
the nested form its renderCommitCMI() gives. Here are the two directions:

- `read_commit` turns a committed body into the few facts the platform keeps in
  columns (statuses, score, bookmark, suspend data, time), whatever the SCO wrote:
  unknown vocabulary reads as "unknown", a score out of range as no score;
- `launch_data` builds what the run-time loads before the SCO starts
  (scorm-again's loadFromJSON): the learner, the bookmark and suspend data of the
  last session, its statuses and score, the manifest's mastery score, and `entry`
  saying whether this is a first launch or a resumption. The bookmark and suspend
  data are given back whatever the last exit said, as Moodle does: a SCO closed
  with its page (no "suspend" written) still finds where the learner was, and a SCO
  that wants a fresh start ignores them.

SCORM 1.2 has one lesson_status; SCORM 2004 splits it into completion_status and
success_status. Both are kept in 2004's vocabulary.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .definitions import SCORM_2004

# SCORM 1.2's lesson_status read as 2004's (completion, success).
LESSON_STATUS_12 = {
    "passed": ("completed", "passed"),
    "failed": ("completed", "failed"),
    "completed": ("completed", "unknown"),
    "incomplete": ("incomplete", "unknown"),
    "browsed": ("incomplete", "unknown"),
    "not attempted": ("not attempted", "unknown"),
}
COMPLETION_STATUSES = frozenset({"completed", "incomplete", "not attempted", "unknown"})
SUCCESS_STATUSES = frozenset({"passed", "failed", "unknown"})

# What the platform keeps of a SCO's text fields: the run-time refuses longer values
# (SCORM 1.2: 4,096 characters of suspend_data, 255 of lesson_location; 2004: 64,000
# and 1,000); these caps only bound what a forged commit could store.
SUSPEND_DATA_MAX = 64000
LOCATION_MAX = 1000

# SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) and SCORM 2004 ISO 8601 durations (P1DT2H3M4.5S).
TIMESPAN_12 = re.compile(r"^(\d{1,4}):([0-5]?\d):([0-5]?\d)(\.\d{1,2})?$")
DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$"
)


@dataclass(frozen=True)
class CommitFacts:
    """What one commit says, in the platform's terms."""

    completion_status: str
    success_status: str
    score_scaled: Decimal | None
    location: str
    suspend_data: str
    exit: str
    session_seconds: int | None  # None: the commit does not say


def read_commit(version: str, cmi: dict) -> CommitFacts:
    """Read a committed CMI tree (the value of "cmi") of a SCORM 1.2 or 2004 SCO."""
    if version == SCORM_2004:
        return _read_2004(cmi)
    return _read_12(cmi)


def _read_12(cmi: dict) -> CommitFacts:
    core = _object(cmi.get("core"))
    status = _text(core.get("lesson_status")).lower()
    completion, success = LESSON_STATUS_12.get(status, ("unknown", "unknown"))
    score = _object(core.get("score"))
    return CommitFacts(
        completion_status=completion,
        success_status=success,
        score_scaled=_scaled_from_raw(score.get("raw"), score.get("min"), score.get("max")),
        location=_text(core.get("lesson_location"))[:LOCATION_MAX],
        suspend_data=_text(cmi.get("suspend_data"))[:SUSPEND_DATA_MAX],
        exit=_text(core.get("exit")).lower(),
        session_seconds=timespan_seconds(_text(core.get("session_time"))),
    )


def _read_2004(cmi: dict) -> CommitFacts:
    completion = _text(cmi.get("completion_status")).lower()
    success = _text(cmi.get("success_status")).lower()
    score = _object(cmi.get("score"))
    scaled = _decimal(score.get("scaled"))
    if scaled is not None and not Decimal(-1) <= scaled <= Decimal(1):
        scaled = None
    if scaled is None:
        scaled = _scaled_from_raw(score.get("raw"), score.get("min"), score.get("max"))
    return CommitFacts(
        completion_status=completion if completion in COMPLETION_STATUSES else "unknown",
        success_status=success if success in SUCCESS_STATUSES else "unknown",
        score_scaled=scaled,
        location=_text(cmi.get("location"))[:LOCATION_MAX],
        suspend_data=_text(cmi.get("suspend_data"))[:SUSPEND_DATA_MAX],
        exit=_text(cmi.get("exit")).lower(),
        session_seconds=duration_seconds(_text(cmi.get("session_time"))),
    )


def launch_data(
    *,
    version: str,
    sco: dict,
    learner_id: str,
    learner_name: str,
    kept: dict,
    total_seconds: int,
) -> dict:
    """The CMI tree the run-time loads before the SCO starts (without the "cmi" root).

    `kept` is what the platform stored from the last commits ({"location",
    "suspend_data", "exit", "completion_status", "success_status", "score_raw",
    "score_min", "score_max", "score_scaled"}); empty for a first launch.
    """
    resumed = bool(kept) and kept.get("exit") == "suspend"
    if version == SCORM_2004:
        return _launch_2004(sco, learner_id, learner_name, kept, resumed, total_seconds)
    return _launch_12(sco, learner_id, learner_name, kept, resumed, total_seconds)


def _launch_12(sco, learner_id, learner_name, kept, resumed, total_seconds) -> dict:
    completion = kept.get("completion_status", "not attempted")
    success = kept.get("success_status", "unknown")
    status = {
        ("completed", "passed"): "passed",
        ("completed", "failed"): "failed",
        ("completed", "unknown"): "completed",
        ("incomplete", "unknown"): "incomplete",
    }.get((completion, success), "not attempted")
    core = {
        "student_id": learner_id,
        "student_name": learner_name,
        "lesson_status": status,
        "entry": "resume" if resumed else ("" if kept else "ab-initio"),
        "credit": "credit",
        "lesson_mode": "normal",
        "total_time": seconds_timespan(total_seconds),
    }
    if kept.get("location"):
        core["lesson_location"] = kept["location"]
    score = _kept_score(kept)
    if score:
        core["score"] = score
    data: dict = {"core": core}
    if kept.get("suspend_data"):
        data["suspend_data"] = kept["suspend_data"]
    if sco.get("mastery_score") is not None:
        data["student_data"] = {"mastery_score": str(sco["mastery_score"])}
    return data


def _launch_2004(sco, learner_id, learner_name, kept, resumed, total_seconds) -> dict:
    data: dict = {
        "learner_id": learner_id,
        "learner_name": learner_name,
        "completion_status": kept.get("completion_status", "unknown"),
        "success_status": kept.get("success_status", "unknown"),
        "entry": "resume" if resumed else ("" if kept else "ab-initio"),
        "credit": "credit",
        "mode": "normal",
        "total_time": seconds_duration(total_seconds),
    }
    if kept.get("location"):
        data["location"] = kept["location"]
    if kept.get("suspend_data"):
        data["suspend_data"] = kept["suspend_data"]
    score = _kept_score(kept)
    if kept.get("score_scaled") not in (None, ""):
        score["scaled"] = kept["score_scaled"]
    if score:
        data["score"] = score
    if sco.get("min_normalized_measure") is not None:
        data["scaled_passing_score"] = str(sco["min_normalized_measure"])
    objectives = _objectives(sco.get("objectives") or [], kept.get("objectives") or {})
    if objectives:
        data["objectives"] = objectives
    return data


# What a SCO wrote of an objective that the next launch gives back.
OBJECTIVE_KEPT = ("success_status", "completion_status", "progress_measure", "description")


def _objectives(identifiers: list[str], kept: dict) -> list[dict]:
    """The manifest's objectives (ids), with what the last session wrote of each, then
    the objectives the SCO created itself."""
    ordered = list(dict.fromkeys([*identifiers, *kept]))
    objectives = []
    for identifier in ordered:
        objective = {"id": identifier}
        objective.update(kept.get(identifier, {}))
        objectives.append(objective)
    return objectives


def _kept_objectives(cmi: dict) -> dict:
    found = cmi.get("objectives")
    items = found.values() if isinstance(found, dict) else found if isinstance(found, list) else []
    kept = {}
    for item in items:
        if not isinstance(item, dict) or not _text(item.get("id")):
            continue
        values = {
            name: _text(item.get(name))
            for name in OBJECTIVE_KEPT
            if _text(item.get(name)) not in ("", "unknown")
        }
        scaled = _decimal(_object(item.get("score")).get("scaled"))
        if scaled is not None:
            values["score"] = {"scaled": _number_text(scaled)}
        kept[_text(item.get("id"))[:4000]] = values
    return kept


def _kept_score(kept: dict) -> dict:
    return {
        name: kept[f"score_{name}"]
        for name in ("raw", "min", "max")
        if kept.get(f"score_{name}") not in (None, "")
    }


def kept_from_commit(version: str, cmi: dict, facts: CommitFacts) -> dict:
    """What to keep of a commit for the next launch (see launch_data)."""
    score = _object(
        cmi.get("score") if version == SCORM_2004 else _object(cmi.get("core")).get("score")
    )
    kept = {
        "location": facts.location,
        "suspend_data": facts.suspend_data,
        "exit": facts.exit,
        "completion_status": facts.completion_status,
        "success_status": facts.success_status,
    }
    for name in ("raw", "min", "max", "scaled"):
        value = _decimal(score.get(name))
        if value is not None:
            kept[f"score_{name}"] = _number_text(value)
    if version == SCORM_2004:
        kept["objectives"] = _kept_objectives(cmi)
    return kept


def timespan_seconds(value: str) -> int | None:
    match = TIMESPAN_12.match(value)
    if not match:
        return None
    hours, minutes, seconds = (int(part) for part in match.groups()[:3])
    return hours * 3600 + minutes * 60 + seconds


def duration_seconds(value: str) -> int | None:
    match = DURATION_2004.match(value)
    if not match or value in ("P", "PT"):
        return None
    years, months, days, hours, minutes = (int(part or 0) for part in match.groups()[:5])
    seconds = float(match.group(6) or 0)
    # Years and months as the SCORM 2004 run-time environment counts them (365 and 30 days).
    days += years * 365 + months * 30
    return int(days * 86400 + hours * 3600 + minutes * 60 + seconds)


def seconds_timespan(seconds: int) -> str:
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"{min(hours, 9999):04d}:{rest // 60:02d}:{rest % 60:02d}"


def seconds_duration(seconds: int) -> str:
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"PT{hours}H{rest // 60}M{rest % 60}S"


def _scaled_from_raw(raw, low, high) -> Decimal | None:
    """SCORM 1.2 scores are raw, usually out of 100; min and max say otherwise."""
    raw, low, high = _decimal(raw), _decimal(low), _decimal(high)
    if raw is None:
        return None
    low = low if low is not None else Decimal(0)
    high = high if high is not None and high > low else Decimal(100)
    if not low <= raw <= high:
        return None
    return ((raw - low) / (high - low)).quantize(Decimal("0.0001"))


def _decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def _object(value) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value)
