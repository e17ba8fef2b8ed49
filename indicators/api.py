"""Read-only JSON API of the indicators: GET /api/v1/indicators/ (delegates, administrators).

Session or key authentication (`Authorization: Token <key>`, keys made by the
DDFE on /indicateurs/cles-api/);
errors are JSON with a French message. Schema: GET /api/v1/openapi.json.
A key acts with its owner's territory scope, computed at each call: a delegate whose
delegation changes sees her key follow, and a plan outside it answers 404, as an
unknown one.
"""

from datetime import date

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.constants import TERRITORY_ROLES
from accounts.roles import has_role
from accounts.selectors import territory_scope

from . import selectors
from .scoping import plans_in_scope


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"erreur": message}, status=status)


def _date(value: str | None, default: date) -> date:
    if not value:
        return default
    return date.fromisoformat(value)


def _api_user(request):
    """The session's user, or the owner of the key in `Authorization: Token <key>`."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Token "):
        from .services import api_token_user

        return api_token_user(key=header[len("Token ") :].strip())
    return request.user if request.user.is_authenticated else None


@require_GET
def indicators(request):
    user = _api_user(request)
    if user is None:
        return _error(
            _("Authentification requise (session ou en-tête « Authorization: Token … »)."), 401
        )
    if not has_role(user, *TERRITORY_ROLES):
        return _error(
            _("Réservé aux délégations aux droits des femmes et aux administrateur·rices."), 403
        )
    plans = plans_in_scope(territory_scope(user))
    plan = plans.filter(code=request.GET.get("plan", "")).first()
    if plan is None:
        # Another territory's plan answers as an unknown one: the list shows only the
        # plans this person may read, so the answer reveals nothing about the others.
        codes = ", ".join(plans.values_list("code", flat=True)) or "—"
        return _error(
            _("Plan inconnu ou hors de vos territoires. Plans disponibles : %(codes)s.")
            % {"codes": codes},
            404,
        )
    try:
        start = _date(request.GET.get("from"), plan.period_start)
        end = _date(request.GET.get("to"), plan.period_end)
    except ValueError:
        return _error(_("Dates attendues au format AAAA-MM-JJ (paramètres from et to)."), 400)
    if end < start:
        return _error(_("La date de fin précède la date de début."), 400)
    by = request.GET.get("by")
    if by and by not in selectors.BREAKDOWNS:
        choices = "|".join(selectors.BREAKDOWNS)
        return _error(
            _("Ventilation inconnue ; valeurs possibles : %(choices)s.") % {"choices": choices}, 400
        )
    from territories.selectors import arrondissement_codes

    arrondissement = request.GET.get("arrondissement", "")
    allowed = arrondissement_codes(plan.departement_codes() or [])
    if arrondissement and arrondissement not in allowed:
        return _error(
            _("Arrondissement inconnu pour ce plan ; valeurs possibles : %(choices)s.")
            % {"choices": "|".join(allowed) or "—"},
            400,
        )
    rows = selectors.plan_report(plan=plan, start=start, end=end, arrondissement=arrondissement)
    breakdown = (
        selectors.people_trained_breakdown(
            plan=plan, start=start, end=end, by=by, arrondissement=arrondissement
        )
        if by
        else {}
    )
    items = []
    for row in rows:
        item = {
            "code": row.indicator.code,
            "label": row.indicator.label,
            "measure": row.indicator.measure,
            "value": row.value,
            "target": float(row.indicator.target) if row.indicator.target is not None else None,
            "unit": row.indicator.unit,
            "counting_rule": row.counting_rule,
        }
        if by:
            item["breakdown"] = breakdown.get(row.indicator.pk, {})
        items.append(item)
    return JsonResponse(
        {
            "plan": {"code": plan.code, "name": plan.name, "territory": plan.territory},
            "arrondissement": arrondissement or None,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "by": by,
            "indicators": items,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def openapi(request):
    """The API's OpenAPI 3.1 description (public: it holds no data)."""
    error = {"type": "object", "properties": {"erreur": {"type": "string"}}}
    return JsonResponse(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Égide — indicateurs des plans d'action",
                "version": "1",
                "description": "Nombre de personnes formées par indicateur, en lecture seule.",
            },
            "paths": {
                reverse("indicators_api:indicators"): {
                    "get": {
                        "summary": "Indicateurs d'un plan sur une période",
                        "security": [{"session": []}, {"token": []}],
                        "parameters": [
                            {
                                "name": "plan",
                                "in": "query",
                                "required": True,
                                "schema": {"type": "string"},
                                "example": "PDC-2019",
                            },
                            {
                                "name": "from",
                                "in": "query",
                                "schema": {"type": "string", "format": "date"},
                            },
                            {
                                "name": "to",
                                "in": "query",
                                "schema": {"type": "string", "format": "date"},
                            },
                            {
                                "name": "arrondissement",
                                "in": "query",
                                "description": "Ne compter que les personnes formées dans cet "
                                "arrondissement (leur profil à la date de la formation) ; les "
                                "chiffres saisis et les questionnaires restent départementaux "
                                "et valent alors null.",
                                "schema": {"type": "string"},
                                "example": "627",
                            },
                            {
                                "name": "by",
                                "in": "query",
                                "schema": {"type": "string", "enum": list(selectors.BREAKDOWNS)},
                            },
                        ],
                        "responses": {
                            "200": {
                                "description": "Un chiffre par indicateur, avec sa règle de calcul",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "type": "object",
                                            "properties": {
                                                "plan": {"type": "object"},
                                                "arrondissement": {"type": ["string", "null"]},
                                                "from": {"type": "string", "format": "date"},
                                                "to": {"type": "string", "format": "date"},
                                                "by": {"type": ["string", "null"]},
                                                "indicators": {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "object",
                                                        "properties": {
                                                            "code": {"type": "string"},
                                                            "label": {"type": "string"},
                                                            "measure": {"type": "string"},
                                                            "value": {"type": ["number", "null"]},
                                                            "target": {"type": ["number", "null"]},
                                                            "unit": {"type": "string"},
                                                            "counting_rule": {"type": "string"},
                                                            "breakdown": {
                                                                "type": "object",
                                                                "additionalProperties": {
                                                                    "type": "integer"
                                                                },
                                                            },
                                                        },
                                                    },
                                                },
                                            },
                                        }
                                    }
                                },
                            },
                            "400": {
                                "description": "Paramètre invalide",
                                "content": {"application/json": {"schema": error}},
                            },
                            "401": {
                                "description": "Non connecté·e",
                                "content": {"application/json": {"schema": error}},
                            },
                            "403": {
                                "description": "Rôle insuffisant",
                                "content": {"application/json": {"schema": error}},
                            },
                            "404": {
                                "description": "Plan inconnu ou hors des territoires de la "
                                "personne (la liste des plans disponibles suit)",
                                "content": {"application/json": {"schema": error}},
                            },
                        },
                    }
                }
            },
            "components": {
                "securitySchemes": {
                    "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
                    "token": {
                        "type": "apiKey",
                        "in": "header",
                        "name": "Authorization",
                        "description": "« Token <clé> » ; clés créées sur /indicateurs/cles-api/",
                    },
                }
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )
