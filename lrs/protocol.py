"""The HTTP side of xAPI 1.0.3: one request read the same way whatever its syntax.

Partners' systems speak the protocol, not a browser: requests are authenticated by
their Basic credentials (never a session cookie), so the views are exempt from CSRF
(`views.xapi_view`). Every answer carries `X-Experience-API-Version`.
"""

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import http_date

from . import validation
from .constants import XAPI_VERSION
from .models import Partner

# Form fields of the alternate request syntax that stand for headers (Communication 1.3).
FORM_HEADERS = {
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
}
METHODS = {"GET", "HEAD", "PUT", "POST", "DELETE"}
VERSION_RE = re.compile(r"^1\.0(\.\d+)?$")


class XapiError(Exception):
    """Answer the request with `status` and a short English reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class XapiRequest:
    method: str
    params: dict
    headers: dict  # lower-cased names
    body: bytes
    partner: Partner | None = None
    extra: dict = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def param(self, name: str, default=None):
        return self.params.get(name, default)

    def json_param(self, name: str):
        raw = self.params.get(name)
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError as error:
            raise XapiError(400, f"{name} is not valid JSON") from error


def _headers(request) -> dict:
    headers = {key.lower(): value for key, value in request.headers.items()}
    return headers


def read(request) -> XapiRequest:
    """Read `request` (plain or alternate syntax) into an XapiRequest; raise XapiError."""
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    names = [name for name, _value in query]
    if len(names) != len(set(names)):
        raise XapiError(400, "a parameter is repeated")
    params = dict(query)
    headers = _headers(request)
    if "method" not in params:
        return XapiRequest(request.method.upper(), params, headers, request.body)
    # The alternate request syntax: a POST carrying the method, headers and content as
    # form fields, for clients that cannot send other methods or headers.
    if request.method != "POST":
        raise XapiError(400, "the alternate request syntax is only allowed with POST")
    if set(params) != {"method"}:
        raise XapiError(400, "the alternate request syntax allows only 'method' in the query")
    method = params["method"].upper()
    if method not in METHODS:
        raise XapiError(400, "unknown method")
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise XapiError(400, "the alternate request syntax needs a form-encoded body")
    try:
        form = parse_qsl(request.body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError as error:
        raise XapiError(400, "the form is not UTF-8") from error
    new_params, new_headers, body = {}, {}, b""
    for name, value in form:
        lowered = name.lower()
        if lowered in FORM_HEADERS:
            new_headers[lowered] = value
        elif name == "content":
            body = value.encode("utf-8")
        else:
            new_params[name] = value
    if method in {"PUT", "POST"} and not body:
        raise XapiError(400, "the alternate request syntax needs a 'content' field")
    # Headers sent as real headers still count unless the form overrides them
    # (the Authorization of a client that can send it).
    merged = {k: v for k, v in headers.items() if k not in {"content-type", "content-length"}}
    merged.update(new_headers)
    if body and "content-type" not in new_headers:
        merged["content-type"] = "application/json"
    return XapiRequest(method, new_params, merged, body)


def check_version(xreq: XapiRequest) -> None:
    version = xreq.headers.get("x-experience-api-version")
    if version is None:
        raise XapiError(400, "X-Experience-API-Version header missing")
    if not VERSION_RE.match(version.strip()):
        raise XapiError(400, f"unsupported version {version}")


# OAuth-style access tokens (client credentials grant, lrs.views.oauth_token): signed,
# not stored; they name the partner and the start of its secret's digest, so a new
# secret revokes every token made with the old one.
TOKEN_SALT = "lrs.oauth-token"
TOKEN_SECONDS = 3600


def access_token_make(partner: Partner) -> str:
    from django.core import signing

    return signing.dumps({"p": partner.pk, "d": partner.secret_digest[:16]}, salt=TOKEN_SALT)


def _bearer_partner(token: str) -> Partner:
    from django.core import signing

    try:
        data = signing.loads(token.strip(), salt=TOKEN_SALT, max_age=TOKEN_SECONDS)
    except signing.BadSignature as error:  # expired tokens included
        raise XapiError(401, "invalid or expired access token") from error
    partner = Partner.objects.filter(pk=data.get("p"), is_active=True).first()
    if partner is None or not _same(partner.secret_digest[:16], str(data.get("d", ""))):
        raise XapiError(401, "invalid or expired access token")
    return partner


def authenticate(xreq: XapiRequest) -> Partner:
    """The active partner whose Basic credentials (or access token) the request carries,
    or 401."""
    header = xreq.headers.get("authorization", "")
    scheme, _space, encoded = header.partition(" ")
    if scheme.lower() == "bearer" and encoded:
        return _bearer_partner(encoded)
    if scheme.lower() != "basic" or not encoded:
        raise XapiError(401, "Basic authentication required")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise XapiError(401, "malformed Basic credentials") from error
    key, colon, secret = decoded.partition(":")
    if not colon:
        raise XapiError(401, "malformed Basic credentials")
    partner = Partner.objects.filter(key=key, is_active=True).first()
    digest = hashlib.sha256(secret.encode()).hexdigest()
    if partner is None or not _same(partner.secret_digest, digest):
        raise XapiError(401, "unknown credentials")
    return partner


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


def check_params(xreq: XapiRequest, allowed: set, required: tuple = ()) -> None:
    """Unknown parameters (or known ones in another case) are refused (Communication 3.2)."""
    unknown = set(xreq.params) - allowed
    if unknown:
        raise XapiError(400, f"unknown parameters {sorted(unknown)}")
    for name in required:
        if name not in xreq.params:
            raise XapiError(400, f"parameter {name} is required")


def agent_param(xreq: XapiRequest, name: str = "agent", *, required: bool = True):
    value = xreq.json_param(name)
    if value is None:
        if required:
            raise XapiError(400, f"parameter {name} is required")
        return None
    try:
        validation.actor(value, name)
    except validation.Invalid as error:
        raise XapiError(400, str(error)) from error
    return value


def since_param(xreq: XapiRequest, name: str = "since"):
    raw = xreq.param(name)
    if raw is None:
        return None
    try:
        return validation.timestamp(raw, name)
    except validation.Invalid as error:
        raise XapiError(400, str(error)) from error


def respond(body=b"", *, status=200, content_type="application/json", headers=None):
    if isinstance(body, dict | list):
        body = json.dumps(body, ensure_ascii=False).encode("utf-8")
    elif isinstance(body, str):
        body = body.encode("utf-8")
    response = HttpResponse(body, status=status, content_type=content_type)
    response["X-Experience-API-Version"] = XAPI_VERSION
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error: XapiError):
    response = respond({"error": error.message}, status=error.status)
    if error.status == 401:
        response["WWW-Authenticate"] = 'Basic realm="xAPI"'
    return response


def last_modified(value) -> str:
    return http_date(value.timestamp())


def now():
    return timezone.now()
