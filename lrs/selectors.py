"""Reads of the learning record store: statement queries and their formats, documents."""

import copy

from django.db.models import Q

from .agents import ifi_key
from .constants import PAGE_SIZE
from .models import Activity, Document, Partner, Statement, StatementLink, digest


def visible_statements(partner: Partner):
    """What `partner` may read: its own statements, or all with `statements/read`."""
    from .constants import Scope

    queryset = Statement.objects.all()
    if not partner.allows(Scope.STATEMENTS_READ):
        queryset = queryset.filter(partner=partner)
    return queryset


def statement_by_id(partner: Partner, statement_id, *, voided: bool) -> Statement | None:
    return visible_statements(partner).filter(statement_id=statement_id, voided=voided).first()


def statements_query(partner: Partner, filters: dict, *, ascending: bool, cursor, limit: int):
    """One page of statements matching `filters` (already checked), and whether more follow.

    Voided statements are never returned by a query (only by voidedStatementId).
    """
    visible = visible_statements(partner)
    queryset = visible
    agent = filters.get("agent")
    if agent is not None:
        kind = (
            StatementLink.Kind.RELATED_AGENT
            if filters.get("related_agents")
            else StatementLink.Kind.AGENT
        )
        key = ifi_key(agent) or ""
        queryset = queryset.filter(
            pk__in=StatementLink.objects.filter(kind=kind, value_hash=digest(key)).values(
                "statement_id"
            )
        )
    activity = filters.get("activity")
    if activity is not None:
        kind = (
            StatementLink.Kind.RELATED_ACTIVITY
            if filters.get("related_activities")
            else StatementLink.Kind.ACTIVITY
        )
        queryset = queryset.filter(
            pk__in=StatementLink.objects.filter(kind=kind, value_hash=digest(activity)).values(
                "statement_id"
            )
        )
    if filters.get("verb") is not None:
        queryset = queryset.filter(verb_id=filters["verb"])
    if filters.get("registration") is not None:
        queryset = queryset.filter(registration=filters["registration"])
    if queryset is visible:
        queryset = visible.filter(voided=False)
    else:
        # The statements matching, and those referring to a matching one (a voiding
        # statement for a voided target, a StatementRef): Communication 2.1.4.
        queryset = visible.filter(voided=False).filter(
            Q(pk__in=queryset.values("pk")) | Q(target_id__in=queryset.values("statement_id"))
        )
    if filters.get("since") is not None:
        queryset = queryset.filter(stored__gt=filters["since"])
    if filters.get("until") is not None:
        queryset = queryset.filter(stored__lte=filters["until"])
    order = ("stored", "pk") if ascending else ("-stored", "-pk")
    if cursor is not None:
        queryset = queryset.filter(pk__gt=cursor) if ascending else queryset.filter(pk__lt=cursor)
        # pk grows with stored: keyset on pk alone keeps the order of `stored`.
    page_size = min(limit or PAGE_SIZE, PAGE_SIZE)
    rows = list(queryset.order_by(*order)[: page_size + 1])
    return rows[:page_size], len(rows) > page_size


def _ids_agent(agent: dict) -> dict:
    reduced = {
        key: agent[key] for key in ("mbox", "mbox_sha1sum", "openid", "account") if key in agent
    }
    if "objectType" in agent:
        reduced["objectType"] = agent["objectType"]
    if agent.get("objectType") == "Group" and "member" in agent:
        reduced["member"] = [_ids_agent(member) for member in agent["member"]]
    return reduced


def _ids_object(value: dict) -> dict:
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        return {"id": value["id"]}
    if kind in {"Agent", "Group"}:
        return _ids_agent(value)
    if kind == "SubStatement":
        return _ids_statement(value)
    return value


def _ids_statement(statement: dict) -> dict:
    result = dict(statement)
    result["actor"] = _ids_agent(statement["actor"])
    result["verb"] = {"id": statement["verb"]["id"]}
    result["object"] = _ids_object(statement["object"])
    if "authority" in statement:
        result["authority"] = _ids_agent(statement["authority"])
    context = statement.get("context")
    if context:
        context = dict(context)
        for key in ("instructor", "team"):
            if key in context:
                context[key] = _ids_agent(context[key])
        if "contextActivities" in context:
            context["contextActivities"] = {
                key: [_ids_object(item) for item in (items if isinstance(items, list) else [items])]
                for key, items in context["contextActivities"].items()
            }
        result["context"] = context
    return result


def _pick_language(language_map: dict, languages: list[str]) -> dict:
    for wanted in languages:
        for tag in language_map:
            if tag.lower() == wanted:
                return {tag: language_map[tag]}
    for wanted in languages:
        for tag in language_map:
            if tag.lower().split("-")[0] == wanted.split("-")[0]:
                return {tag: language_map[tag]}
    tag = next(iter(language_map), None)
    return {tag: language_map[tag]} if tag is not None else {}


def _canonical(value, languages: list[str]):
    """Language maps reduced to the one language the reader prefers."""
    if isinstance(value, list):
        return [_canonical(item, languages) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key in {"display", "name", "description"} and isinstance(item, dict):
            result[key] = _pick_language(item, languages)
        elif key == "extensions":
            result[key] = item
        else:
            result[key] = _canonical(item, languages)
    return result


def statement_format(statement: Statement, fmt: str, languages: list[str]) -> dict:
    data = copy.deepcopy(statement.data)
    if fmt == "ids":
        return _ids_statement(data)
    if fmt == "canonical":
        return _canonical(data, languages)
    return data


def activity_definition(activity_id: str) -> dict:
    activity = Activity.objects.filter(activity_hash=digest(activity_id)).first()
    result = {"objectType": "Activity", "id": activity_id}
    if activity is not None and activity.definition:
        result["definition"] = activity.definition
    return result


def document_get(*, partner, kind, scope_hash, document_id) -> Document | None:
    return Document.objects.filter(
        partner=partner, kind=kind, scope_hash=scope_hash, document_hash=digest(document_id)
    ).first()


def documents_list(*, partner, kind, scope_hash, since=None):
    queryset = Document.objects.filter(partner=partner, kind=kind, scope_hash=scope_hash)
    if since is not None:
        queryset = queryset.filter(updated__gt=since)
    return queryset


def is_iri(value: str) -> bool:
    """Whether `value` is an absolute IRI as statements carry them (forms of other apps)."""
    from .validation import IRI_RE

    return bool(IRI_RE.match(value))
