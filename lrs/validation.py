"""The rules of xAPI 1.0.3 a statement must follow, checked by hand.

Why hand-written: the conformance suite is strict on details (unknown properties,
case of objectType, language tags, which properties a sub-statement may carry) that
generic schema libraries either miss or word as English errors. Each rule raises
`Invalid` with a short English message (the protocol's language: partners' developers
read it in their logs).
"""

import re
import uuid
from datetime import datetime

from .constants import VOIDED_VERB


class Invalid(ValueError):
    """The statement (or parameter) breaks a rule of the specification."""


UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
# An absolute IRI: a scheme, a colon, something; no spaces.
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
EMAIL_RE = re.compile(r"^mailto:[^@\s:]+@[^@\s]+$")
SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")
# RFC 5646 language tag (the usual subset: language, extlang, script, region, variants,
# extensions, private use), plus the grandfathered "i-" and "x-" forms.
LANG_RE = re.compile(
    r"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+|[Ii]-[A-Za-z]{2,8})$"
)
TIMESTAMP_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d(:?\d\d)?)?$")
DURATION_RE = re.compile(
    r"^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?"
    r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?)$"
)
MIME_RE = re.compile(r"^[\w.+\-!#$&^]+/[\w.+\-!#$&^]+(\s*;.*)?$")
INTERACTION_TYPES = {
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
}
# Which component lists each interaction type may carry.
INTERACTION_COMPONENTS = {
    "choice": {"choices"},
    "sequencing": {"choices"},
    "likert": {"scale"},
    "matching": {"source", "target"},
    "performance": {"steps"},
}
COMPONENT_KEYS = {"choices", "scale", "source", "target", "steps"}


def _object(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise Invalid(f"{where} must be an object")
    return value


def _keys(value: dict, allowed: set, where: str, required: tuple = ()) -> None:
    unknown = set(value) - allowed
    if unknown:
        raise Invalid(f"{where}: unknown properties {sorted(unknown)}")
    for key in required:
        if key not in value:
            raise Invalid(f"{where}: {key} is required")


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise Invalid(f"{where} must be a string")
    return value


def _bool(value, where: str) -> None:
    if not isinstance(value, bool):
        raise Invalid(f"{where} must be a boolean")


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"{where} must be a number")
    return value


def iri(value, where: str) -> str:
    if not isinstance(value, str) or not IRI_RE.match(value):
        raise Invalid(f"{where} must be an absolute IRI")
    return value


def uuid_string(value, where: str) -> str:
    if not isinstance(value, str) or not UUID_RE.match(value):
        raise Invalid(f"{where} must be a UUID")
    return value


def language_tag(value, where: str) -> None:
    if not isinstance(value, str) or not LANG_RE.match(value):
        raise Invalid(f"{where}: invalid language tag {value!r}")


def language_map(value, where: str) -> None:
    _object(value, where)
    for tag, text in value.items():
        language_tag(tag, where)
        _string(text, f"{where}[{tag}]")


def extensions(value, where: str) -> None:
    _object(value, where)
    for key in value:
        iri(key, f"{where} key")


def timestamp(value, where: str) -> datetime:
    if not isinstance(value, str) or not TIMESTAMP_RE.match(value):
        raise Invalid(f"{where} must be an ISO 8601 timestamp")
    # RFC 3339 forbids "-00:00" (unknown offset); the specification follows it.
    if value.endswith("-00:00") or value.endswith("-0000") or value.endswith("-00"):
        raise Invalid(f"{where}: the offset -00:00 is not allowed")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise Invalid(f"{where} must be an ISO 8601 timestamp") from error
    return parsed


# --- Agents and groups -------------------------------------------------------------

IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")


def _account(value, where: str) -> None:
    _object(value, where)
    _keys(value, {"homePage", "name"}, where, required=("homePage", "name"))
    iri(value["homePage"], f"{where}.homePage")
    _string(value["name"], f"{where}.name")


def _ifis(value: dict, where: str) -> int:
    count = 0
    for key in IFI_KEYS:
        if key not in value:
            continue
        count += 1
        item = value[key]
        if key == "mbox":
            if not isinstance(item, str) or not EMAIL_RE.match(item):
                raise Invalid(f"{where}.mbox must be a mailto: IRI")
        elif key == "mbox_sha1sum":
            if not isinstance(item, str) or not SHA1_RE.match(item):
                raise Invalid(f"{where}.mbox_sha1sum must be a SHA-1 in hexadecimal")
        elif key == "openid":
            iri(item, f"{where}.openid")
        else:
            _account(item, f"{where}.account")
    return count


def agent(value, where: str, *, object_type_required: bool = False) -> None:
    """An Agent: one inverse functional identifier, an optional name."""
    _object(value, where)
    _keys(value, {"objectType", "name", *IFI_KEYS}, where)
    if object_type_required and value.get("objectType") != "Agent":
        raise Invalid(f"{where}.objectType must be 'Agent'")
    if "objectType" in value and value["objectType"] != "Agent":
        raise Invalid(f"{where}.objectType must be 'Agent'")
    if "name" in value:
        _string(value["name"], f"{where}.name")
    if _ifis(value, where) != 1:
        raise Invalid(f"{where} must have exactly one inverse functional identifier")


def group(value, where: str) -> None:
    """A Group: anonymous (members required) or identified (one identifier)."""
    _object(value, where)
    _keys(value, {"objectType", "name", "member", *IFI_KEYS}, where)
    if value.get("objectType") != "Group":
        raise Invalid(f"{where}.objectType must be 'Group'")
    if "name" in value:
        _string(value["name"], f"{where}.name")
    identifiers = _ifis(value, where)
    if identifiers > 1:
        raise Invalid(f"{where} must have at most one inverse functional identifier")
    if "member" in value:
        members = value["member"]
        if not isinstance(members, list):
            raise Invalid(f"{where}.member must be an array")
        for index, member in enumerate(members):
            agent(member, f"{where}.member[{index}]")
    if identifiers == 0 and not value.get("member"):
        raise Invalid(f"{where}: an anonymous group must list its members")


def actor(value, where: str) -> None:
    _object(value, where)
    if value.get("objectType") == "Group":
        group(value, where)
    else:
        agent(value, where)


# --- Verb, activities, objects ---------------------------------------------------


def verb(value, where: str = "verb") -> None:
    _object(value, where)
    _keys(value, {"id", "display"}, where, required=("id",))
    iri(value["id"], f"{where}.id")
    if "display" in value:
        language_map(value["display"], f"{where}.display")


def _components(value, where: str) -> None:
    if not isinstance(value, list):
        raise Invalid(f"{where} must be an array")
    seen = set()
    for index, component in enumerate(value):
        place = f"{where}[{index}]"
        _object(component, place)
        _keys(component, {"id", "description"}, place, required=("id",))
        _string(component["id"], f"{place}.id")
        if component["id"] in seen:
            raise Invalid(f"{place}.id is not unique")
        seen.add(component["id"])
        if "description" in component:
            language_map(component["description"], f"{place}.description")


def definition(value, where: str) -> None:
    _object(value, where)
    _keys(
        value,
        {
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            *COMPONENT_KEYS,
        },
        where,
    )
    for key in ("name", "description"):
        if key in value:
            language_map(value[key], f"{where}.{key}")
    for key in ("type", "moreInfo"):
        if key in value:
            iri(value[key], f"{where}.{key}")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")
    interaction = value.get("interactionType")
    if "interactionType" in value and (
        not isinstance(interaction, str) or interaction not in INTERACTION_TYPES
    ):
        raise Invalid(f"{where}.interactionType is not an interaction type")
    if "correctResponsesPattern" in value:
        if interaction is None:
            raise Invalid(f"{where}.correctResponsesPattern needs an interactionType")
        pattern = value["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(p, str) for p in pattern):
            raise Invalid(f"{where}.correctResponsesPattern must be an array of strings")
    for key in COMPONENT_KEYS & set(value):
        if not isinstance(interaction, str) or key not in INTERACTION_COMPONENTS.get(
            interaction, set()
        ):
            raise Invalid(f"{where}.{key} does not fit the interactionType")
        _components(value[key], f"{where}.{key}")


def activity(value, where: str) -> None:
    _object(value, where)
    _keys(value, {"objectType", "id", "definition"}, where, required=("id",))
    if "objectType" in value and value["objectType"] != "Activity":
        raise Invalid(f"{where}.objectType must be 'Activity'")
    iri(value["id"], f"{where}.id")
    if "definition" in value:
        definition(value["definition"], f"{where}.definition")


def statement_ref(value, where: str) -> None:
    _object(value, where)
    _keys(value, {"objectType", "id"}, where, required=("objectType", "id"))
    if value["objectType"] != "StatementRef":
        raise Invalid(f"{where}.objectType must be 'StatementRef'")
    uuid_string(value["id"], f"{where}.id")


def statement_object(value, where: str, *, sub: bool = False) -> None:
    _object(value, where)
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        activity(value, where)
    elif kind == "Agent":
        agent(value, where)
    elif kind == "Group":
        group(value, where)
    elif kind == "StatementRef":
        statement_ref(value, where)
    elif kind == "SubStatement" and not sub:
        substatement(value, where)
    else:
        raise Invalid(f"{where}.objectType {kind!r} is not allowed here")


# --- Result, context, attachments --------------------------------------------------


def result(value, where: str = "result") -> None:
    _object(value, where)
    _keys(value, {"score", "success", "completion", "response", "duration", "extensions"}, where)
    if "score" in value:
        score = _object(value["score"], f"{where}.score")
        _keys(score, {"scaled", "raw", "min", "max"}, f"{where}.score")
        for key in score:
            _number(score[key], f"{where}.score.{key}")
        if "scaled" in score and not -1 <= score["scaled"] <= 1:
            raise Invalid(f"{where}.score.scaled must be between -1 and 1")
        if "min" in score and "max" in score and score["min"] >= score["max"]:
            raise Invalid(f"{where}.score.min must be less than max")
        if "raw" in score:
            if "min" in score and score["raw"] < score["min"]:
                raise Invalid(f"{where}.score.raw is below min")
            if "max" in score and score["raw"] > score["max"]:
                raise Invalid(f"{where}.score.raw is above max")
    for key in ("success", "completion"):
        if key in value:
            _bool(value[key], f"{where}.{key}")
    if "response" in value:
        _string(value["response"], f"{where}.response")
    if "duration" in value:
        if not isinstance(value["duration"], str) or not DURATION_RE.match(value["duration"]):
            raise Invalid(f"{where}.duration must be an ISO 8601 duration")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")


def _activity_list(value, where: str) -> None:
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        activity(item, f"{where}[{index}]")


def context(value, statement_object_value: dict, where: str = "context") -> None:
    _object(value, where)
    _keys(
        value,
        {
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions",
        },
        where,
    )
    if "registration" in value:
        uuid_string(value["registration"], f"{where}.registration")
    if "instructor" in value:
        actor(value["instructor"], f"{where}.instructor")
    if "team" in value:
        group(value["team"], f"{where}.team")
    if "contextActivities" in value:
        activities = _object(value["contextActivities"], f"{where}.contextActivities")
        _keys(activities, {"parent", "grouping", "category", "other"}, f"{where}.contextActivities")
        for key, items in activities.items():
            _activity_list(items, f"{where}.contextActivities.{key}")
    is_activity = statement_object_value.get("objectType", "Activity") == "Activity"
    for key in ("revision", "platform"):
        if key in value:
            _string(value[key], f"{where}.{key}")
            if not is_activity:
                raise Invalid(f"{where}.{key} is only allowed when the object is an activity")
    if "language" in value:
        language_tag(value["language"], f"{where}.language")
    if "statement" in value:
        statement_ref(value["statement"], f"{where}.statement")
    if "extensions" in value:
        extensions(value["extensions"], f"{where}.extensions")


def attachments(value, where: str = "attachments") -> None:
    if not isinstance(value, list):
        raise Invalid(f"{where} must be an array")
    for index, item in enumerate(value):
        place = f"{where}[{index}]"
        _object(item, place)
        _keys(
            item,
            {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"},
            place,
            required=("usageType", "display", "contentType", "length", "sha2"),
        )
        iri(item["usageType"], f"{place}.usageType")
        language_map(item["display"], f"{place}.display")
        if "description" in item:
            language_map(item["description"], f"{place}.description")
        if not isinstance(item["contentType"], str) or not MIME_RE.match(item["contentType"]):
            raise Invalid(f"{place}.contentType must be an Internet Media Type")
        if isinstance(item["length"], bool) or not isinstance(item["length"], int):
            raise Invalid(f"{place}.length must be an integer")
        _string(item["sha2"], f"{place}.sha2")
        if "fileUrl" in item:
            iri(item["fileUrl"], f"{place}.fileUrl")


# --- Statements ----------------------------------------------------------------------


def _core(value: dict, where: str) -> None:
    """What statements and sub-statements share."""
    if "actor" not in value:
        raise Invalid(f"{where}: actor is required")
    if "verb" not in value:
        raise Invalid(f"{where}: verb is required")
    if "object" not in value:
        raise Invalid(f"{where}: object is required")
    actor(value["actor"], f"{where}.actor")
    verb(value["verb"], f"{where}.verb")
    if "result" in value:
        result(value["result"], f"{where}.result")
    if "context" in value:
        context(value["context"], _object(value["object"], f"{where}.object"), f"{where}.context")
    if "timestamp" in value:
        timestamp(value["timestamp"], f"{where}.timestamp")
    if "attachments" in value:
        attachments(value["attachments"], f"{where}.attachments")


def substatement(value, where: str) -> None:
    _keys(
        value,
        {"objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"},
        where,
    )
    _core(value, where)
    statement_object(value["object"], f"{where}.object", sub=True)


def statement(value) -> None:
    """Raise `Invalid` unless `value` is a statement xAPI 1.0.3 accepts."""
    where = "statement"
    _object(value, where)
    _keys(
        value,
        {
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        },
        where,
    )
    if "id" in value:
        uuid_string(value["id"], "statement.id")
    _core(value, where)
    statement_object(value["object"], "statement.object")
    if "stored" in value:
        timestamp(value["stored"], "statement.stored")
    if "version" in value:
        version = value["version"]
        if not isinstance(version, str) or not re.match(r"^1\.0(\.\d+)?$", version):
            raise Invalid("statement.version must be 1.0.x")
    if "authority" in value:
        authority = value["authority"]
        actor(authority, "statement.authority")
        if authority.get("objectType") == "Group":
            # An OAuth authority: the application and the user, exactly two agents.
            if len(authority.get("member", [])) != 2 or any(k in authority for k in IFI_KEYS):
                raise Invalid("statement.authority as a group must have exactly two members")
    if value["verb"]["id"] == VOIDED_VERB:
        target = value["object"]
        if target.get("objectType") != "StatementRef":
            raise Invalid("a voiding statement's object must be a StatementRef")


def normalise(value: dict) -> dict:
    """Context activities stored as arrays, as the specification returns them (a single
    activity may be sent alone)."""
    for place in (value, value.get("object") if isinstance(value.get("object"), dict) else {}):
        activities = place.get("context", {}).get("contextActivities")
        if isinstance(activities, dict):
            for key, items in activities.items():
                if isinstance(items, dict):
                    activities[key] = [items]
    return value


def parse_uuid(value: str, where: str) -> uuid.UUID:
    uuid_string(value, where)
    return uuid.UUID(value)
