"""Who may call the API: the owner of a key (`Authorization: Token <key>`, keys made on
/indicateurs/cles-api/) or the signed-in person (session), holding a territory role.

A key acts with its owner's roles and territory scope, read at each call: a delegate
whose delegation changes sees her key follow. A request carrying a key is judged on
the key alone (a wrong key is refused even with a session). The API only reads (GET);
a session request that would change something is checked for its CSRF token
(ninja's SessionAuth), a key request needs none.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from ninja.security import APIKeyHeader
from ninja.security import SessionAuth as NinjaSessionAuth
from ninja.utils import check_csrf

from accounts.constants import TERRITORY_ROLES
from accounts.roles import has_role
from accounts.selectors import territory_scope

from ..services import api_token_user
from .errors import AUTHENTICATION_REQUIRED, FORBIDDEN, ApiError

PREFIX = "Token "
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def _key(request) -> str | None:
    """The key of `Authorization: Token <key>`, or None when the header holds no key."""
    header = request.headers.get("Authorization", "")
    return header[len(PREFIX) :].strip() if header.startswith(PREFIX) else None


def territory_roles(refused: str, *, needs_scope: bool = False) -> Callable:
    """A check letting the territory roles through (with a non-empty scope when asked),
    refusing the others with 403 and `refused` (a lazy translation)."""

    def check(user):
        if not has_role(user, *TERRITORY_ROLES) or (needs_scope and territory_scope(user).empty):
            raise ApiError(403, refused)
        return user

    return check


class TokenAuth(APIKeyHeader):
    param_name = "Authorization"
    openapi_description = "« Token <clé> » ; clés créées sur /indicateurs/cles-api/"

    def __init__(self, check: Callable) -> None:
        self.check = check
        super().__init__()

    def authenticate(self, request, key):
        key = _key(request)
        if key is None:
            return None  # no key: the session may answer
        user = api_token_user(key=key)
        if user is None:
            raise ApiError(401, AUTHENTICATION_REQUIRED)
        return self.check(user)


class SessionAuth(NinjaSessionAuth):
    openapi_description = "La session de la personne connectée au site."

    def __init__(self, check: Callable) -> None:
        self.check = check
        super().__init__(csrf=True)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return self.check(user) if user is not None else None


def api_auth(check: Callable) -> list:
    """The authentication of an operation: a key, else the session; then `check`."""
    return [TokenAuth(check), SessionAuth(check)]


def csrf_unless_key(view):
    """Wrap a ninja view (CSRF-exempt, so that a key needs no token): a request without
    a key that could change something is checked here first, as the middleware checks
    every page (403 before anything else, 405 included)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and _key(request) is None:
            refused = check_csrf(request)
            if refused is not None:
                return refused
        return view(request, *args, **kwargs)

    wrapped.csrf_exempt = True
    return wrapped


def api_reader_required(view):
    """For the schema and its documentation page: the roles who may use the API, by
    session (anonymous visitors go to the login page, others get 403) or by key (a
    script reading the schema: 401 or 403 in JSON)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = _key(request)
        if key is not None:
            user = api_token_user(key=key)
            if user is None:
                return JsonResponse({"erreur": str(AUTHENTICATION_REQUIRED)}, status=401)
            if not has_role(user, *TERRITORY_ROLES):
                return JsonResponse({"erreur": str(FORBIDDEN)}, status=403)
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_role(request.user, *TERRITORY_ROLES):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
