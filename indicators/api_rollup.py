"""GET /api/v1/territoires/?territoire=R32&from=&to=: the roll-up of a territory as JSON.

Same authentication as indicators.api (session or `Authorization: Token <key>`) and
the same scope as the page (indicators.views_rollup): the territory roles, then the
territories the user's scope covers (404 outside it). Errors are JSON, in French.
"""

from datetime import date

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.constants import TERRITORY_ROLES
from accounts.roles import has_role
from accounts.selectors import territory_scope

from . import selectors
from .api import _api_user, _error
from .constants import ROLLUP_RULE, TERRITORY_RULE
from .views_rollup import scope_covers, scope_territories


def _lines(lines) -> list[dict]:
    return [{"code": line.code, "label": line.label, "people": line.count} for line in lines]


@require_GET
def territories(request):
    user = _api_user(request)
    if user is None:
        return _error(
            _("Authentification requise (session ou en-tête « Authorization: Token … »)."), 401
        )
    scope = territory_scope(user)
    if not has_role(user, *TERRITORY_ROLES) or scope.empty:
        return _error(_("Réservé aux délégué·es territoriaux et au service national."), 403)
    allowed = scope_territories(scope)
    key = (request.GET.get("territoire") or allowed[0][0]).upper()
    parsed = selectors.parse_territory_key(key)
    if (
        parsed is None
        or not scope_covers(scope, *parsed)
        or key not in {code for code, _label in allowed}
    ):
        return _error(
            _("Territoire inconnu ou hors de votre périmètre ; valeurs possibles : %(codes)s.")
            % {"codes": "|".join(code for code, _label in allowed)},
            404,
        )
    year = timezone.localdate().year
    try:
        start = (
            date.fromisoformat(request.GET["from"]) if request.GET.get("from") else date(year, 1, 1)
        )
        end = date.fromisoformat(request.GET["to"]) if request.GET.get("to") else date(year, 12, 31)
    except ValueError:
        return _error(_("Dates attendues au format AAAA-MM-JJ (paramètres from et to)."), 400)
    if end < start:
        return _error(_("La date de fin précède la date de début."), 400)
    result = selectors.territory_rollup(level=parsed[0], code=parsed[1], start=start, end=end)
    return JsonResponse(
        {
            "territoire": result.key,
            "label": result.label,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "people": result.total,
            "counting_rule": str(ROLLUP_RULE),
            "territory_rule": str(TERRITORY_RULE),
            "parts_sum": result.parts_sum if result.parts else None,
            "by_region": _lines(result.parts) if result.level == "national" else [],
            "by_departement": _lines(result.departements),
            "by_profession": _lines(result.by_profession),
            "by_month": _lines(result.by_month),
            "by_channel": _lines(result.by_channel),
        },
        json_dumps_params={"ensure_ascii": False},
    )
