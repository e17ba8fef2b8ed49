"""The platform's JSON API: one NinjaAPI under /api/v1/, mounting each app's router.

Only the indicators have an API today (indicators.api.router). URL names keep the
namespace the API always had, `indicators_api` ("indicators_api:indicators",
"indicators_api:openapi", "indicators_api:docs"). Errors are JSON with a French
message, `{"erreur": "…"}`, whatever raised them.
"""

from django.http import Http404
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from . import router as indicators_router
from .auth import csrf_unless_key
from .docs import docs_view, openapi_view
from .errors import AUTHENTICATION_REQUIRED, ApiError
from .params import ERROR_TYPE

NAMESPACE = "indicators_api"


class FrenchJSONRenderer(JSONRenderer):
    """Accented letters as they are, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Égide — API",
    version="1",
    description="Indicateurs des plans d'action et synthèses par territoire, en lecture "
    "seule. Authentification : la session du site, ou l'en-tête « Authorization: Token "
    "<clé> » avec une clé créée sur /indicateurs/cles-api/.",
    urls_namespace=NAMESPACE,
    # Served by our own views (docs.py): for the API's users only, under our names.
    openapi_url=None,
    docs_url=None,
    renderer=FrenchJSONRenderer(),
)
api.add_router("", indicators_router)


def _error(request, message: str, status: int):
    return api.create_response(request, {"erreur": str(message)}, status=status)


@api.exception_handler(ApiError)
def api_error(request, exc: ApiError):
    return _error(request, exc.message, exc.status)


@api.exception_handler(AuthenticationError)
def authentication_error(request, exc):
    return _error(request, AUTHENTICATION_REQUIRED, 401)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, _("Introuvable."), 404)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return _error(request, str(exc), exc.status_code)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """400 with the first refused parameter's message (params.py writes them)."""
    first = exc.errors[0] if exc.errors else {}
    if first.get("type") == ERROR_TYPE:
        return _error(request, first["msg"], 400)
    name = (first.get("loc") or ("?",))[-1]
    return _error(request, _("Paramètre invalide : %(name)s.") % {"name": name}, 400)


def _urlpatterns() -> list:
    # ninja's root view only tells where the docs are (404): left out.
    operations = [
        URLPattern(p.pattern, csrf_unless_key(p.callback), p.default_args, p.name)
        for p in api.urls[0]
        if p.name != "api-root"
    ]
    return [
        *operations,
        path("openapi.json", openapi_view(api), name="openapi"),
        path("docs/", docs_view(api), name="docs"),
    ]


# For elearning/urls.py: path("api/v1/", include(urls)).
urls = (_urlpatterns(), NAMESPACE)
