"""Reading an xAPI statement sent by the H5P player: bytes in, a checked statement out.

The body comes from the learner's browser and can be anything: every way it can
be wrong (not UTF-8, not JSON, nested thousands of levels deep, fields of the
wrong type, text PostgreSQL refuses to store in a JSON column) becomes a
`StatementRejected` with a French message, answered 400, never an exception the
server did not expect. Only the fields the platform reads are checked in depth;
the rest is kept as the audit trail, within the size and depth limits.
"""

import json
import math
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from django.utils.translation import gettext as _

MAX_BYTES = 64 * 1024
# H5P statements nest about six levels (context.contextActivities.parent[0].definition…).
MAX_DEPTH = 20
MAX_IRI_LENGTH = 2048
MAX_VERB_LENGTH = 255  # XAPIStatement.verb
MAX_RESPONSE_LENGTH = 10_000


class StatementRejected(ValueError):
    """An xAPI statement the platform refuses; the message is shown to the learner."""


class StatementReplayed(StatementRejected):
    """A statement id received before: answered 409, counted nothing."""


@dataclass(frozen=True)
class Statement:
    id: uuid.UUID
    verb: str
    result: dict
    raw: dict


@dataclass(frozen=True)
class Report:
    """What H5P's getXAPIData() returns, posted by the player at the end of some types."""

    statement: Statement
    children: list
    raw: dict


def _refuse_constant(name: str):
    # NaN and Infinity are not JSON, and PostgreSQL's jsonb refuses them.
    raise StatementRejected(_("JSON invalide."))


def _check_tree(data) -> None:
    """Refuse nesting deeper than MAX_DEPTH and text a JSON column cannot store."""
    pending = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise StatementRejected(_("Déclaration xAPI trop imbriquée."))
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.keys())
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
        elif isinstance(value, float) and not math.isfinite(value):
            # "1e999" parses as infinity, which a JSON column cannot store either.
            raise StatementRejected(_("JSON invalide."))
        elif isinstance(value, str):
            # PostgreSQL refuses "\u0000" and lone surrogates in jsonb.
            if "\x00" in value:
                raise StatementRejected(_("Déclaration xAPI contenant un caractère nul."))
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise StatementRejected(
                    _("Déclaration xAPI contenant un texte illisible.")
                ) from None


def load(body: bytes) -> dict:
    """Return the JSON object in a request body, or raise `StatementRejected`."""
    if len(body) > MAX_BYTES:
        raise StatementRejected(_("Déclaration trop volumineuse."))
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise StatementRejected(_("La déclaration n'est pas encodée en UTF-8.")) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise StatementRejected(_("Déclaration xAPI trop imbriquée.")) from None
    except StatementRejected:
        raise
    except ValueError:
        raise StatementRejected(_("JSON invalide.")) from None
    if not isinstance(data, dict):
        raise StatementRejected(_("Déclaration xAPI illisible."))
    return data


def _optional_dict(statement: dict, key: str, message: str) -> dict:
    value = statement.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise StatementRejected(message)
    return value


def _is_number(value) -> bool:
    # bool is an int in Python, not a number in xAPI.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_result(result: dict) -> None:
    message = _("Résultat xAPI illisible.")
    score = result.get("score")
    if score is not None:
        if not isinstance(score, dict):
            raise StatementRejected(message)
        for key in ("raw", "min", "max", "scaled"):
            if key in score and not _is_number(score[key]):
                raise StatementRejected(message)
        if "scaled" in score and not -1 <= score["scaled"] <= 1:
            raise StatementRejected(message)
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            raise StatementRejected(message)
    response = result.get("response")
    if response is not None and (
        not isinstance(response, str) or len(response) > MAX_RESPONSE_LENGTH
    ):
        raise StatementRejected(message)
    duration = result.get("duration")
    if duration is not None and (not isinstance(duration, str) or len(duration) > 64):
        raise StatementRejected(message)


def parse(statement) -> Statement:
    """Return the fields the platform reads, after checking the statement's shape."""
    if not isinstance(statement, dict):
        raise StatementRejected(_("Déclaration xAPI illisible."))
    _check_tree(statement)
    raw_id = statement.get("id")
    try:
        if not isinstance(raw_id, str):
            raise ValueError
        statement_id = uuid.UUID(raw_id)
    except ValueError:
        raise StatementRejected(_("Déclaration xAPI sans identifiant valide.")) from None
    verb = _optional_dict(statement, "verb", _("Déclaration xAPI sans verbe."))
    verb_id = verb.get("id")
    if not isinstance(verb_id, str) or not verb_id.strip() or len(verb_id) > MAX_VERB_LENGTH:
        raise StatementRejected(_("Déclaration xAPI sans verbe."))
    display = verb.get("display")
    if display is not None and not isinstance(display, dict):
        raise StatementRejected(_("Déclaration xAPI sans verbe."))
    _optional_dict(statement, "actor", _("Auteur xAPI illisible."))
    _optional_dict(statement, "context", _("Contexte xAPI illisible."))
    activity = _optional_dict(statement, "object", _("Objet xAPI illisible."))
    object_id = activity.get("id")
    if object_id is not None and (
        not isinstance(object_id, str) or len(object_id) > MAX_IRI_LENGTH
    ):
        raise StatementRejected(_("Objet xAPI illisible."))
    if activity.get("definition") is not None and not isinstance(activity["definition"], dict):
        raise StatementRejected(_("Objet xAPI illisible."))
    result = _optional_dict(statement, "result", _("Résultat xAPI illisible."))
    _check_result(result)
    return Statement(id=statement_id, verb=verb_id, result=result, raw=statement)


def is_report(data: dict) -> bool:
    """A JSON object with "statement" and "children" is a getXAPIData() report."""
    return "statement" in data and "children" in data


def _report_statements(node, depth: int = 0):
    """Yield every statement of a report's children, depth first."""
    if depth > MAX_DEPTH or not isinstance(node, list):
        raise StatementRejected(_("Rapport xAPI illisible."))
    for child in node:
        if not isinstance(child, dict) or not isinstance(child.get("statement"), dict):
            raise StatementRejected(_("Rapport xAPI illisible."))
        yield child["statement"]
        yield from _report_statements(child.get("children") or [], depth + 1)


def parse_report(report) -> Report:
    """Check a report's shape: its own statement (with an id) and its children."""
    if not isinstance(report, dict) or not is_report(report):
        raise StatementRejected(_("Rapport xAPI illisible."))
    _check_tree(report)
    statement = parse(report["statement"])
    children = report["children"]
    for child in _report_statements(children):
        activity = _optional_dict(child, "object", _("Objet xAPI illisible."))
        if activity.get("id") is not None and not isinstance(activity["id"], str):
            raise StatementRejected(_("Objet xAPI illisible."))
        result = _optional_dict(child, "result", _("Résultat xAPI illisible."))
        # BranchingScenario reports the alternative chosen as a number.
        if _is_number(result.get("response")):
            result = {**result, "response": str(result["response"])}
        _check_result(result)
    return Report(statement=statement, children=children, raw=report)


def report_statements(report: Report) -> list[dict]:
    """Every statement of a checked report, its own first."""
    return [report.statement.raw, *_report_statements(report.children)]


def sub_content_id(statement: dict, activity_path: str) -> str:
    """Return the sub-content the statement's object names ("" for the root content).

    H5P names the activity by its IRI, the page origin followed by the xAPI URL
    path, with `?subContentId=…` for sub-content. Only the path and the query are
    compared: the origin is whatever the browser saw, which a proxy may present
    differently to the server, and the path alone ties the statement to this
    package in this lesson. A statement without an object is about the activity
    it is posted to (a forgery gains nothing from leaving it out).
    """
    object_id = (statement.get("object") or {}).get("id")
    if object_id is None:
        return ""
    try:
        parts = urlsplit(object_id)
        query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        query = None
    if (
        query is None
        or parts.scheme not in ("http", "https")
        or parts.path != activity_path
        or parts.fragment
        or len(query) > 1
        or (query and (query[0][0] != "subContentId" or not 0 < len(query[0][1]) <= 64))
    ):
        raise StatementRejected(_("Cette déclaration porte sur une autre activité."))
    return query[0][1] if query else ""


def actor_check(statement: dict, mbox: str) -> None:
    """Refuse a statement whose actor is not the learner's pseudonymous actor.

    The player gives each learner `mailto:<pseudonym>@…`; a statement without an
    actor is accepted, since it is recorded for the signed-in learner anyway.
    """
    actor = statement.get("actor")
    if actor and (not isinstance(actor, dict) or actor.get("mbox") != mbox):
        raise StatementRejected(_("Cette déclaration porte sur une autre personne."))
