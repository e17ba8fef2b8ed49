"""GET /api/v1/territoires/?territoire=R32&from=&to=: the roll-up of a territory.

The same scope as the page (indicators.views_rollup): the territory roles with a
non-empty scope, then the territories that scope covers (404 outside it).
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from accounts.selectors import territory_scope

from .. import selectors
from ..constants import ROLLUP_RULE, TERRITORY_RULE
from ..scoping import scope_covers, scope_territories
from .auth import api_auth, territory_roles
from .errors import END_BEFORE_START, ApiError, Error, response_descriptions
from .params import IsoDate

router = Router()

REFUSED = gettext_lazy("Réservé aux délégué·es territoriaux et au service national.")


class TerritoriesQuery(Schema):
    territoire: str = Field(
        "",
        description="FR, R<code de région> ou D<code de département> ; le premier "
        "territoire de la personne par défaut.",
        examples=["R32"],
    )
    from_: IsoDate = Field(None, alias="from", description="Début (1er janvier par défaut).")
    to: IsoDate = Field(None, description="Fin, incluse (31 décembre par défaut).")


class LineOut(Schema):
    code: str
    label: str
    people: int


class TerritoryOut(Schema):
    territoire: str
    label: str
    from_: date = Field(alias="from")
    to: date
    people: int = Field(description="Personnes distinctes formées dans le territoire.")
    counting_rule: str
    territory_rule: str
    parts_sum: int | None = Field(
        description="Somme des parties (non dédoublonnée) ; null sans parties."
    )
    by_region: list[LineOut]
    by_departement: list[LineOut]
    by_profession: list[LineOut]
    by_month: list[LineOut]
    by_channel: list[LineOut]


def _territory(scope, requested: str) -> tuple[str, tuple[str, str]]:
    """The key asked for (the first allowed by default) and its (level, code), else 404."""
    allowed = scope_territories(scope)
    key = (requested or allowed[0][0]).upper()
    parsed = selectors.parse_territory_key(key)
    if (
        parsed is None
        or not scope_covers(scope, *parsed)
        or key not in {code for code, _label in allowed}
    ):
        raise ApiError(
            404,
            _("Territoire inconnu ou hors de votre périmètre ; valeurs possibles : %(codes)s.")
            % {"codes": "|".join(code for code, _label in allowed)},
        )
    return key, parsed


def _lines(lines) -> list[dict]:
    return [{"code": line.code, "label": line.label, "people": line.count} for line in lines]


@router.get(
    "territoires/",
    url_name="territories",
    operation_id="territories",
    summary="Personnes formées dans un territoire sur une période",
    description="Personnes distinctes formées en travaillant dans le territoire, avec les "
    "ventilations par sous-territoire, public, mois et canal.",
    auth=api_auth(territory_roles(REFUSED, needs_scope=True)),
    response={200: TerritoryOut, 400: Error, 401: Error, 403: Error, 404: Error},
    by_alias=True,
    openapi_extra=response_descriptions(
        e200="La synthèse du territoire et ses ventilations",
        e400="Paramètre invalide",
        e401="Non connecté·e, ou clé inconnue ou révoquée",
        e403="Rôle insuffisant",
        e404="Territoire inconnu ou hors du périmètre de la personne (la liste des "
        "territoires possibles suit)",
    ),
)
def territories(request, query: Query[TerritoriesQuery]):
    scope = territory_scope(request.auth)
    key, (level, code) = _territory(scope, query.territoire)
    year = timezone.localdate().year
    start = query.from_ or date(year, 1, 1)
    end = query.to or date(year, 12, 31)
    if end < start:
        raise ApiError(400, END_BEFORE_START)
    result = selectors.territory_rollup(level=level, code=code, start=start, end=end)
    return {
        "territoire": result.key,
        "label": result.label,
        "from": start,
        "to": end,
        "people": result.total,
        "counting_rule": str(ROLLUP_RULE),
        "territory_rule": str(TERRITORY_RULE),
        "parts_sum": result.parts_sum if result.parts else None,
        "by_region": _lines(result.parts) if result.level == "national" else [],
        "by_departement": _lines(result.departements),
        "by_profession": _lines(result.by_profession),
        "by_month": _lines(result.by_month),
        "by_channel": _lines(result.by_channel),
    }
