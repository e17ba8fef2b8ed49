"""The generated OpenAPI schema and its documentation page (Swagger UI, served from our
own static files: the Content-Security-Policy allows no CDN and no inline script),
for the roles who may use the API only (auth.api_reader_required)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.responses import Response

from .auth import api_reader_required


def _prefix(namespace: str) -> str:
    """Where the API is mounted ("/api/v1/"), read from the schema's own address."""
    return reverse(f"{namespace}:openapi").removesuffix("openapi.json")


def openapi_view(api: NinjaAPI):
    @api_reader_required
    @require_GET
    def openapi(request):
        schema = api.get_openapi_schema(path_prefix=_prefix(api.urls_namespace))
        return Response(schema, json_dumps_params={"ensure_ascii": False})

    return openapi


def docs_view(api: NinjaAPI):
    @api_reader_required
    @require_GET
    def docs(request):
        settings = {
            "url": reverse(f"{api.urls_namespace}:openapi"),
            "layout": "BaseLayout",
            # A deep link puts a link inside each operation's button: a control within a
            # control, which screen readers cannot reach (axe: nested-interactive).
            "deepLinking": False,
            # The validator's badge is an image from swagger.io: refused by the policy.
            "validatorUrl": None,
            "supportedSubmitMethods": ["get"],
        }
        return render(
            request, "indicators/api_docs.html", {"api": api, "swagger_settings": settings}
        )

    return docs
