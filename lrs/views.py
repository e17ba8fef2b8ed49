"""The xAPI resources (/xapi/…): read the request, check who may do what, call a
service or a selector, answer in the protocol's terms."""

import hashlib
import json
import logging
import uuid
from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import multipart, selectors, services, validation
from .constants import SUPPORTED_VERSIONS, DocumentKind, Scope
from .models import Attachment, Partner
from .protocol import (
    XapiError,
    XapiRequest,
    agent_param,
    authenticate,
    check_params,
    check_version,
    error_response,
    last_modified,
    read,
    respond,
    since_param,
)

logger = logging.getLogger(__name__)


def xapi_view(handlers: dict, *, open_resource: bool = False, consistent_through: bool = False):
    """A resource answering the methods of `handlers` (HEAD answers as GET, no body).

    Exempt from CSRF: partners authenticate every request with their credentials
    (Basic), never with a session cookie a browser could send on their behalf.
    """

    @csrf_exempt
    def view(request):
        extra_headers = {}
        try:
            xreq = read(request)
            method = "GET" if xreq.method == "HEAD" else xreq.method
            handler = handlers.get(method)
            if handler is None:
                raise XapiError(405, "method not allowed")
            if not open_resource:
                check_version(xreq)
                xreq.partner = authenticate(xreq)
                _mark_used(xreq.partner)
            response = handler(xreq)
        except XapiError as error:
            response = error_response(error)
            # The statement resource says how fresh its answers are, errors included.
            if consistent_through:
                extra_headers["X-Experience-API-Consistent-Through"] = _now_iso()
        for name, value in extra_headers.items():
            response[name] = value
        if request.method == "HEAD" or (request.GET.get("method", "").upper() == "HEAD"):
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response

    return view


def _mark_used(partner: Partner) -> None:
    """Note when the credential was last used (for administrators), at most once a
    minute: not a write on every request of a busy partner."""
    now = timezone.now()
    if partner.last_used_at is None or (now - partner.last_used_at).total_seconds() > 60:
        Partner.objects.filter(pk=partner.pk).update(last_used_at=now)


def _now_iso() -> str:
    return timezone.now().isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _require(xreq: XapiRequest, scope: str) -> None:
    if not xreq.partner.allows(scope):
        raise XapiError(403, "this credential does not allow it")


def _bool_param(xreq: XapiRequest, name: str) -> bool:
    value = xreq.param(name)
    if value is None:
        return False
    if value not in {"true", "false"}:
        raise XapiError(400, f"{name} must be true or false")
    return value == "true"


# --- About ---------------------------------------------------------------------------


def about_get(xreq: XapiRequest):
    return respond({"version": SUPPORTED_VERSIONS, "extensions": {}})


about = xapi_view({"GET": about_get}, open_resource=True)


# --- Statements ----------------------------------------------------------------------


def _statements_body(xreq: XapiRequest, *, single: bool):
    content_type = xreq.content_type
    if content_type == "multipart/mixed":
        raw, parts = multipart.parse(xreq.body, xreq.headers.get("content-type", ""))
    elif content_type in {"application/json", ""}:
        raw, parts = xreq.body, {}
    else:
        raise XapiError(400, "statements are sent as application/json or multipart/mixed")
    statements = services.statements_parse(raw, single=single)
    multipart.check_attachments(statements, parts)
    return statements, parts


def statements_put(xreq: XapiRequest):
    _require(xreq, Scope.STATEMENTS_WRITE)
    check_params(xreq, {"statementId"}, required=("statementId",))
    try:
        statement_id = str(validation.parse_uuid(xreq.param("statementId"), "statementId"))
    except validation.Invalid as error:
        raise XapiError(400, str(error)) from error
    statements, parts = _statements_body(xreq, single=True)
    statement = statements[0]
    if "id" in statement and statement["id"].lower() != statement_id:
        raise XapiError(400, "the statement's id differs from statementId")
    statement["id"] = statement_id
    services.statements_store(partner=xreq.partner, statements=statements, attachments=parts)
    return respond(status=204)


def statements_post(xreq: XapiRequest):
    _require(xreq, Scope.STATEMENTS_WRITE)
    check_params(xreq, set())
    statements, parts = _statements_body(xreq, single=False)
    ids = services.statements_store(partner=xreq.partner, statements=statements, attachments=parts)
    return respond(ids)


QUERY_PARAMS = {
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
    "cursor",
}
SINGLE_PARAMS = {"statementId", "voidedStatementId", "format", "attachments"}


def _can_read(xreq: XapiRequest) -> None:
    if not (
        xreq.partner.allows(Scope.STATEMENTS_READ)
        or xreq.partner.allows(Scope.STATEMENTS_READ_MINE)
    ):
        raise XapiError(403, "this credential may not read statements")


def _languages(xreq: XapiRequest) -> list[str]:
    """Accept-Language's tags, preferred first (by their q values)."""
    weighted = []
    for index, part in enumerate(xreq.headers.get("accept-language", "").split(",")):
        tag, _semicolon, params = part.partition(";")
        if not tag.strip():
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((-quality, index, tag.strip().lower()))
    return [tag for _q, _i, tag in sorted(weighted)]


def _statements_response(xreq, payload: dict, statements, with_attachments: bool, headers):
    if not with_attachments:
        return respond(payload, headers=headers)
    hashes = []
    for statement in statements:
        for attachment in statement.get("attachments", []):
            if attachment["sha2"] not in hashes:
                hashes.append(attachment["sha2"])
    boundary = uuid.uuid4().hex
    chunks = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        json.dumps(payload, ensure_ascii=False).encode("utf-8"),
    ]
    for stored in Attachment.objects.filter(sha2__in=hashes):
        chunks.append(
            (
                f"\r\n--{boundary}\r\nContent-Type: {stored.content_type}\r\n"
                "Content-Transfer-Encoding: binary\r\n"
                f"X-Experience-API-Hash: {stored.sha2}\r\n\r\n"
            ).encode()
        )
        chunks.append(bytes(stored.content))
    chunks.append(f"\r\n--{boundary}--".encode())
    return respond(
        b"".join(chunks),
        content_type=f'multipart/mixed; boundary="{boundary}"',
        headers=headers,
    )


def statements_get(xreq: XapiRequest):
    headers = {"X-Experience-API-Consistent-Through": _now_iso()}
    try:
        return _statements_get(xreq, headers)
    except XapiError as error:
        response = error_response(error)
        response["X-Experience-API-Consistent-Through"] = headers[
            "X-Experience-API-Consistent-Through"
        ]
        return response


def _statements_get(xreq: XapiRequest, headers: dict):
    _can_read(xreq)
    check_params(xreq, QUERY_PARAMS | {"statementId", "voidedStatementId"})
    fmt = xreq.param("format", "exact")
    if fmt not in {"exact", "ids", "canonical"}:
        raise XapiError(400, "format must be exact, ids or canonical")
    with_attachments = _bool_param(xreq, "attachments")
    languages = _languages(xreq)
    single = {"statementId", "voidedStatementId"} & set(xreq.params)
    if single:
        if len(single) > 1 or set(xreq.params) - SINGLE_PARAMS:
            raise XapiError(400, "statementId and voidedStatementId go alone")
        name = single.pop()
        try:
            statement_id = validation.parse_uuid(xreq.param(name), name)
        except validation.Invalid as error:
            raise XapiError(400, str(error)) from error
        row = selectors.statement_by_id(
            xreq.partner, statement_id, voided=name == "voidedStatementId"
        )
        if row is None:
            raise XapiError(404, "no such statement")
        data = selectors.statement_format(row, fmt, languages)
        headers["Last-Modified"] = last_modified(row.stored)
        return _statements_response(xreq, data, [row.data], with_attachments, headers)
    filters = _query_filters(xreq)
    ascending = _bool_param(xreq, "ascending")
    cursor = None
    if xreq.param("cursor") is not None:
        try:
            cursor = int(xreq.param("cursor"))
        except ValueError as error:
            raise XapiError(400, "invalid cursor") from error
    rows, more = selectors.statements_query(
        xreq.partner, filters, ascending=ascending, cursor=cursor, limit=filters["limit"]
    )
    payload = {
        "statements": [selectors.statement_format(row, fmt, languages) for row in rows],
        "more": "",
    }
    if more:
        params = {k: v for k, v in xreq.params.items() if k != "cursor"}
        params["cursor"] = str(rows[-1].pk)
        payload["more"] = "/xapi/statements?" + urlencode(params)
    return _statements_response(
        xreq, payload, [row.data for row in rows], with_attachments, headers
    )


def _query_filters(xreq: XapiRequest) -> dict:
    filters = {
        "agent": agent_param(xreq, required=False),
        "related_agents": _bool_param(xreq, "related_agents"),
        "related_activities": _bool_param(xreq, "related_activities"),
        "since": since_param(xreq, "since"),
        "until": since_param(xreq, "until"),
        "verb": None,
        "activity": None,
        "registration": None,
        "limit": 0,
    }
    try:
        if xreq.param("verb") is not None:
            filters["verb"] = validation.iri(xreq.param("verb"), "verb")
        if xreq.param("activity") is not None:
            filters["activity"] = validation.iri(xreq.param("activity"), "activity")
        if xreq.param("registration") is not None:
            filters["registration"] = validation.parse_uuid(
                xreq.param("registration"), "registration"
            )
    except validation.Invalid as error:
        raise XapiError(400, str(error)) from error
    if xreq.param("limit") is not None:
        try:
            filters["limit"] = int(xreq.param("limit"))
        except ValueError as error:
            raise XapiError(400, "limit must be an integer") from error
        if filters["limit"] < 0:
            raise XapiError(400, "limit must not be negative")
    return filters


statements = xapi_view(
    {"GET": statements_get, "PUT": statements_put, "POST": statements_post},
    consistent_through=True,
)


# --- Documents -----------------------------------------------------------------------


def _scope_hash(*parts) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _agent_key(agent: dict) -> str:
    from .agents import ifi_key

    return ifi_key(agent) or json.dumps(agent, sort_keys=True)


def _activity_id_param(xreq: XapiRequest) -> str:
    value = xreq.param("activityId")
    if value is None:
        raise XapiError(400, "parameter activityId is required")
    try:
        return validation.iri(value, "activityId")
    except validation.Invalid as error:
        raise XapiError(400, str(error)) from error


def _check_preconditions(xreq: XapiRequest, document, *, profile_put: bool) -> None:
    if_match = xreq.headers.get("if-match")
    if_none_match = xreq.headers.get("if-none-match")
    if if_match is not None:
        tags = {tag.strip().strip('"') for tag in if_match.split(",")}
        if document is None or ("*" not in tags and document.etag not in tags):
            raise XapiError(412, "the document has changed (If-Match)")
    if if_none_match is not None:
        tags = {tag.strip().strip('"') for tag in if_none_match.split(",")}
        if document is not None and ("*" in tags or document.etag in tags):
            raise XapiError(412, "the document already exists (If-None-Match)")
    if profile_put and if_match is None and if_none_match is None:
        # Profiles are shared by several writers: a PUT says what it expects to replace.
        if document is not None:
            raise XapiError(
                409, "the document exists: send If-Match with its ETag (or If-None-Match: *)"
            )
        raise XapiError(400, "a PUT of a profile needs If-Match or If-None-Match")


def _document_response(document):
    return respond(
        bytes(document.content),
        content_type=document.content_type,
        headers={"ETag": f'"{document.etag}"', "Last-Modified": last_modified(document.updated)},
    )


def _documents(xreq, *, kind, scope_hash, id_name, profile: bool):
    """GET, PUT, POST, DELETE of one kind of document, once its scope is known."""
    document_id = xreq.param(id_name)
    method = xreq.method if xreq.method != "HEAD" else "GET"
    if method == "GET":
        if document_id is None:
            since = since_param(xreq)
            documents = selectors.documents_list(
                partner=xreq.partner, kind=kind, scope_hash=scope_hash, since=since
            )
            return respond([d.document_id for d in documents])
        if "since" in xreq.params:
            raise XapiError(400, "since is only allowed without an id")
        document = selectors.document_get(
            partner=xreq.partner, kind=kind, scope_hash=scope_hash, document_id=document_id
        )
        if document is None:
            raise XapiError(404, "no such document")
        return _document_response(document)
    if "since" in xreq.params:
        raise XapiError(400, "since is only allowed with GET")
    if document_id is None and not (method == "DELETE" and kind == DocumentKind.STATE):
        raise XapiError(400, f"parameter {id_name} is required")
    with transaction.atomic():
        if method == "DELETE" and document_id is None:
            selectors.documents_list(
                partner=xreq.partner, kind=kind, scope_hash=scope_hash
            ).delete()
            return respond(status=204)
        document = selectors.document_get(
            partner=xreq.partner, kind=kind, scope_hash=scope_hash, document_id=document_id
        )
        _check_preconditions(xreq, document, profile_put=profile and method == "PUT")
        if method == "DELETE":
            if document is not None:
                document.delete()
            return respond(status=204)
        document = services.document_save(
            partner=xreq.partner,
            kind=kind,
            scope_hash=scope_hash,
            document_id=document_id,
            content=xreq.body,
            content_type=xreq.headers.get("content-type", "application/octet-stream"),
            merge=method == "POST",
        )
    return respond(status=204, headers={"ETag": f'"{document.etag}"'})


def state_handler(xreq: XapiRequest):
    _require(xreq, Scope.STATE)
    check_params(xreq, {"activityId", "agent", "stateId", "registration", "since"})
    activity_id = _activity_id_param(xreq)
    agent = agent_param(xreq)
    registration = xreq.param("registration")
    if registration is not None:
        try:
            registration = str(validation.parse_uuid(registration, "registration"))
        except validation.Invalid as error:
            raise XapiError(400, str(error)) from error
    scope = _scope_hash("state", activity_id, _agent_key(agent), registration or "")
    return _documents(
        xreq, kind=DocumentKind.STATE, scope_hash=scope, id_name="stateId", profile=False
    )


def activity_profile_handler(xreq: XapiRequest):
    _require(xreq, Scope.PROFILE)
    check_params(xreq, {"activityId", "profileId", "since"})
    activity_id = _activity_id_param(xreq)
    scope = _scope_hash("activity", activity_id)
    return _documents(
        xreq,
        kind=DocumentKind.ACTIVITY_PROFILE,
        scope_hash=scope,
        id_name="profileId",
        profile=True,
    )


def agent_profile_handler(xreq: XapiRequest):
    _require(xreq, Scope.PROFILE)
    check_params(xreq, {"agent", "profileId", "since"})
    agent = agent_param(xreq)
    scope = _scope_hash("agent", _agent_key(agent))
    return _documents(
        xreq,
        kind=DocumentKind.AGENT_PROFILE,
        scope_hash=scope,
        id_name="profileId",
        profile=True,
    )


def _all(handler):
    return {method: handler for method in ("GET", "PUT", "POST", "DELETE")}


state = xapi_view(_all(state_handler))
activity_profile = xapi_view(_all(activity_profile_handler))
agent_profile = xapi_view(_all(agent_profile_handler))


def activities_get(xreq: XapiRequest):
    check_params(xreq, {"activityId"}, required=("activityId",))
    return respond(selectors.activity_definition(_activity_id_param(xreq)))


def agents_get(xreq: XapiRequest):
    check_params(xreq, {"agent"}, required=("agent",))
    agent = agent_param(xreq)
    person = {"objectType": "Person"}
    for key in ("name", "mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            person[key] = [agent[key]]
    return respond(person)


activities = xapi_view({"GET": activities_get})
agents = xapi_view({"GET": agents_get})


@csrf_exempt  # authenticated by the partner's own credentials, never a session
def oauth_token(request):
    """OAuth 2.0 client credentials grant: the partner's key and secret (Basic, or
    client_id and client_secret in the form) for a bearer token valid one hour."""
    from .protocol import TOKEN_SECONDS, access_token_make

    if request.method != "POST":
        return respond({"error": "invalid_request"}, status=405)
    if request.POST.get("grant_type") != "client_credentials":
        return respond({"error": "unsupported_grant_type"}, status=400)
    headers = {k.lower(): v for k, v in request.headers.items()}
    client_id, client_secret = request.POST.get("client_id"), request.POST.get("client_secret")
    if client_id and client_secret:
        import base64

        basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        headers["authorization"] = f"Basic {basic}"
    try:
        partner = authenticate(XapiRequest("POST", {}, headers, b""))
    except XapiError:
        return respond({"error": "invalid_client"}, status=401)
    return respond(
        {
            "access_token": access_token_make(partner),
            "token_type": "Bearer",
            "expires_in": TOKEN_SECONDS,
        },
        headers={"Cache-Control": "no-store"},
    )
