"""The API's documentation page for the people who use it: in French, with a worked
example (the curl command to type with one's key, and the answer it gets today)."""

import functools
import json
from datetime import date

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from ninja.responses import NinjaJSONEncoder

from accounts import selectors as accounts_selectors
from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required

from .api.errors import AUTHENTICATION_REQUIRED
from .api.plans import indicators_payload
from .models import ApiToken
from .scoping import plans_in_scope

# Indicators shown in the example's answer: enough to read its shape, short to scroll.
EXAMPLE_INDICATORS = 2
API_ROOT = "/api/v1/"


@functools.cache
def _schema() -> dict:
    """The OpenAPI schema, built once per process (it changes only with the code)."""
    from .api.main import api

    return api.get_openapi_schema(path_prefix=API_ROOT)


def _operations(schema: dict) -> list[dict]:
    """Each GET operation with its parameters and answers, as the page lists them."""
    operations = []
    for path, methods in schema["paths"].items():
        operation = methods.get("get")
        if operation is None:
            continue
        operations.append(
            {
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "required": parameter.get("required", False),
                        "description": parameter.get("description", ""),
                        "example": _example_value(parameter),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "responses": [
                    (code, answer.get("description", ""))
                    for code, answer in operation.get("responses", {}).items()
                ],
            }
        )
    return operations


def _example_value(parameter: dict) -> str:
    """A value to show for a parameter: its example, else its allowed values or format."""
    spec = parameter.get("schema", {})
    examples = parameter.get("examples") or spec.get("examples")
    if examples:
        return str(examples[0])
    choices = spec.get("enum") or [
        value for option in spec.get("anyOf", []) for value in option.get("enum", [])
    ]
    if choices:
        return " | ".join(choices)
    formats = {spec.get("format")} | {option.get("format") for option in spec.get("anyOf", [])}
    return "AAAA-MM-JJ" if "date" in formats else ""


def _fields(schema: dict, name: str) -> list[tuple[str, str]]:
    """The described fields of one of the schema's answers (IndicatorOut…)."""
    properties = schema.get("components", {}).get("schemas", {}).get(name, {}).get("properties", {})
    return [(field, spec.get("description", "")) for field, spec in properties.items()]


def _example(request, plan) -> dict | None:
    """The curl command for this year of her first plan, and its answer shortened."""
    if plan is None:
        return None
    year = timezone.localdate().year
    start, end = date(year, 1, 1), date(year, 12, 31)
    query = f"plan={plan.code}&from={start:%Y-%m-%d}&to={end:%Y-%m-%d}"
    url = request.build_absolute_uri(reverse("indicators_api:indicators")) + "?" + query
    answer = indicators_payload(plan, start, end)
    total = len(answer["indicators"])
    # Indicators with a figure first (stable: in the plan's order otherwise).
    answer["indicators"] = sorted(answer["indicators"], key=lambda item: not item["value"])[
        :EXAMPLE_INDICATORS
    ]
    return {
        "url": url,
        "answer": json.dumps(answer, cls=NinjaJSONEncoder, ensure_ascii=False, indent=2),
        "shown": len(answer["indicators"]),
        "total": total,
    }


@role_required(*TERRITORY_ROLES)
@require_GET
def api_guide(request):
    schema = _schema()
    plan = plans_in_scope(accounts_selectors.territory_scope(request.user)).first()
    token = (
        ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    return render(
        request,
        "indicators/api_guide.html",
        {
            "plan": plan,
            "token": token,
            "example": _example(request, plan),
            "operations": _operations(schema),
            "indicator_fields": _fields(schema, "IndicatorOut"),
            "territories_url": request.build_absolute_uri(reverse("indicators_api:territories")),
            "error_example": json.dumps(
                {"erreur": str(AUTHENTICATION_REQUIRED)}, ensure_ascii=False
            ),
        },
    )
