"""Writes of the learning record store: statements (with their attachments) and
documents, and partner credentials."""

import datetime
import hashlib
import json
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import agents, signals, validation
from .constants import VOIDED_VERB
from .models import Activity, Attachment, Document, Partner, Statement, StatementLink, digest
from .protocol import XapiError


def partner_create(
    *, name: str, scopes: list[str], departement=None, key: str = "", secret: str = ""
) -> tuple[Partner, str]:
    """Create a partner credential; return it with its clear secret (shown only once)."""
    secret = secret or secrets.token_urlsafe(32)
    partner = Partner(
        name=name,
        key=key or secrets.token_hex(12),
        secret_digest=hashlib.sha256(secret.encode()).hexdigest(),
        scopes=scopes,
        departement_id=getattr(departement, "pk", departement) or None,
    )
    partner.full_clean(exclude=["secret_digest"])
    partner.save()
    return partner, secret


def partner_secret_new(*, partner: Partner) -> str:
    """Give `partner` a new secret (not saved); return it in clear, to show once."""
    secret = secrets.token_urlsafe(32)
    partner.secret_digest = hashlib.sha256(secret.encode()).hexdigest()
    return secret


def partner_secret_reset(*, partner: Partner) -> str:
    secret = partner_secret_new(partner=partner)
    partner.save(update_fields=["secret_digest"])
    return secret


def _stored_iso(moment) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _fingerprint(statement: dict) -> str:
    """What makes two sendings of one statement the same (key order does not matter)."""
    sent = {k: v for k, v in statement.items() if k not in {"stored", "authority", "version"}}
    return hashlib.sha256(json.dumps(sent, sort_keys=True).encode()).hexdigest()


def _links(statement: dict) -> list[tuple[str, str]]:
    kinds = StatementLink.Kind
    links = set()
    for agent in agents.direct_agents(statement):
        key = agents.ifi_key(agent)
        if key:
            links.add((kinds.AGENT, digest(key)))
    for agent in agents.related_agents(statement):
        key = agents.ifi_key(agent)
        if key:
            links.add((kinds.RELATED_AGENT, digest(key)))
    activity = agents.direct_activity(statement)
    if activity:
        links.add((kinds.ACTIVITY, digest(activity)))
    for activity_id in agents.related_activities(statement):
        links.add((kinds.RELATED_ACTIVITY, digest(activity_id)))
    return sorted(links)


def _remember_activities(statement: dict) -> None:
    """Keep the latest definition of each activity (GET /xapi/activities)."""
    for item in agents.activities_with_definitions(statement):
        definition = item.get("definition")
        activity, _created = Activity.objects.get_or_create(
            activity_hash=digest(item["id"]), defaults={"activity_id": item["id"]}
        )
        if definition:
            merged = {**activity.definition, **definition}
            for key in ("name", "description"):
                if key in activity.definition and key in definition:
                    merged[key] = {**activity.definition[key], **definition[key]}
            if merged != activity.definition:
                activity.definition = merged
                activity.save(update_fields=["definition"])


def statements_parse(raw: bytes, *, single: bool) -> list[dict]:
    """The statements of a request body (one object, or an array for POST)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise XapiError(400, "the body is not valid JSON") from error
    if isinstance(data, dict):
        statements = [data]
    elif isinstance(data, list) and not single:
        statements = data
    else:
        raise XapiError(400, "the body must be a statement" + ("" if single else " or an array"))
    for statement in statements:
        try:
            validation.statement(statement)
            validation.normalise(statement)
        except validation.Invalid as error:
            raise XapiError(400, str(error)) from error
    return statements


@transaction.atomic
def statements_store(*, partner: Partner, statements: list[dict], attachments: dict) -> list[str]:
    """Store `statements` (validated) for `partner`; return their ids.

    A statement sent again unchanged is kept once; a different statement under an id
    already used is a conflict (409). Voiding statements mark their targets.
    """
    ids = [s["id"].lower() for s in statements if "id" in s]
    if len(ids) != len(set(ids)):
        raise XapiError(400, "two statements of the request share an id")
    existing = {
        str(s.statement_id): s
        for s in Statement.objects.filter(statement_id__in=ids).select_for_update()
    }
    voided_targets = [
        s["object"]["id"].lower() for s in statements if s["verb"]["id"] == VOIDED_VERB
    ]
    if voided_targets:
        if Statement.objects.filter(statement_id__in=voided_targets, is_voiding=True).exists():
            raise XapiError(400, "a voiding statement cannot be voided")
        if set(voided_targets) & {
            i for i, s in zip(ids, statements, strict=False) if s["verb"]["id"] == VOIDED_VERB
        }:
            raise XapiError(400, "a voiding statement cannot be voided")
    now = timezone.now()
    stored_iso = _stored_iso(now)
    result, created = [], []
    for statement in statements:
        statement_id = statement.get("id", "").lower() or str(uuid.uuid4())
        statement["id"] = statement_id
        fingerprint = _fingerprint(statement)
        previous = existing.get(statement_id)
        if previous is not None:
            if previous.fingerprint != fingerprint:
                raise XapiError(409, f"statement {statement_id} exists with other content")
            result.append(statement_id)
            continue
        statement["stored"] = stored_iso
        statement["authority"] = partner.authority
        statement.setdefault("version", "1.0.0")
        statement.setdefault("timestamp", stored_iso)
        created.append(_statement_save(partner, statement, now, fingerprint))
        result.append(statement_id)
    for sha2, part in attachments.items():
        Attachment.objects.get_or_create(
            sha2=sha2,
            defaults={
                "content_type": part.headers.get("content-type", ""),
                "content": part.content,
            },
        )
    if voided_targets:
        Statement.objects.filter(statement_id__in=voided_targets, is_voiding=False).update(
            voided=True
        )
    for row in created:
        signals.statement_stored.send(sender=Statement, statement=row)
    return result


def _statement_save(partner: Partner, statement: dict, now, fingerprint: str) -> Statement:
    activity_id = agents.direct_activity(statement) or ""
    target = statement["object"]
    registration = statement.get("context", {}).get("registration")
    row = Statement(
        statement_id=statement["id"],
        partner=partner,
        data=statement,
        verb_id=statement["verb"]["id"],
        activity_id=activity_id,
        activity_hash=digest(activity_id) if activity_id else "",
        actor_key=agents.ifi_key(statement["actor"]) or "",
        target_id=target["id"] if target.get("objectType") == "StatementRef" else None,
        registration=registration,
        stored=now,
        is_voiding=statement["verb"]["id"] == VOIDED_VERB,
        fingerprint=fingerprint,
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise XapiError(409, "statement id already used") from error
    StatementLink.objects.bulk_create(
        StatementLink(statement=row, kind=kind, value_hash=value)
        for kind, value in _links(statement)
    )
    _remember_activities(statement)
    return row


# --- Documents -----------------------------------------------------------------------


def document_etag(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()  # noqa: S324 -- an ETag, not a secret


def document_save(
    *, partner, kind, scope_hash, document_id, content: bytes, content_type: str, merge: bool
) -> Document:
    """Write a document; with `merge` (POST), JSON objects are merged into the stored one."""
    existing = Document.objects.filter(
        partner=partner, kind=kind, scope_hash=scope_hash, document_hash=digest(document_id)
    ).first()
    if merge and existing is not None:
        try:
            old = json.loads(bytes(existing.content).decode("utf-8"))
            new = json.loads(content.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise XapiError(400, "only JSON documents can be merged") from error
        if (
            not isinstance(old, dict)
            or not isinstance(new, dict)
            or not existing.content_type.startswith("application/json")
        ):
            raise XapiError(400, "only JSON objects can be merged")
        content = json.dumps({**old, **new}).encode("utf-8")
        content_type = "application/json"
    elif merge:
        try:
            new = json.loads(content.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise XapiError(400, "a POSTed document must be a JSON object") from error
        if not isinstance(new, dict):
            raise XapiError(400, "a POSTed document must be a JSON object")
        content_type = "application/json"
    document = existing or Document(
        partner=partner,
        kind=kind,
        scope_hash=scope_hash,
        document_id=document_id,
        document_hash=digest(document_id),
    )
    document.content = content
    document.content_type = content_type or "application/octet-stream"
    document.etag = document_etag(content)
    document.updated = timezone.now()
    document.save()
    return document


def statements_forward(*, statements: list[dict]) -> None:
    """Copy Égide's own statements to the external LRS, if one is configured, once the
    transaction commits (lrs.forwarding)."""
    from . import forwarding

    forwarding.statements_forward(statements)
