"""GET /api/v1/indicators/?plan=&from=&to=&arrondissement=&by=: a plan's indicators.

The plan must be in the territory scope of the person (or of the key's owner):
another territory's plan answers 404, as an unknown one (indicators.scoping).
"""

from datetime import date
from decimal import Decimal
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from accounts.selectors import territory_scope

from .. import selectors
from ..scoping import plans_in_scope
from .auth import api_auth, territory_roles
from .errors import END_BEFORE_START, FORBIDDEN, ApiError, Error, response_descriptions
from .params import Breakdown, IsoDate

router = Router()


class IndicatorsQuery(Schema):
    plan: str = Field(
        "",
        description="Code du plan. Sans lui, ou inconnu, la réponse 404 liste les plans "
        "disponibles.",
        examples=["PDC-2019"],
    )
    from_: IsoDate = Field(None, alias="from", description="Début (celui du plan par défaut).")
    to: IsoDate = Field(None, description="Fin, incluse (celle du plan par défaut).")
    arrondissement: str = Field(
        "",
        description="Ne compter que les personnes formées dans cet arrondissement (leur "
        "profil à la date de la formation) ; les chiffres saisis et les questionnaires "
        "restent départementaux et valent alors null.",
        examples=["627"],
    )
    by: Breakdown = Field(None, description="Ventiler les personnes formées.")


class PlanOut(Schema):
    code: str
    name: str
    territory: str = Field(description="Le territoire du plan, en toutes lettres.")


class IndicatorOut(Schema):
    code: str = Field(description="Code de l'indicateur : plan, fiche et rang.")
    label: str = Field(description="Intitulé de l'indicateur.")
    provenance: Literal["plan", "proposed"] = Field(
        description="plan : issu du plan, qui écrit cet indicateur ; proposed : proposé par "
        "la plateforme, le plan ne l'écrit pas (la feuille de route du Nord n'en écrit "
        "aucun)."
    )
    plan_reference: str = Field(
        description="Où le plan écrit l'indicateur (fiche, section, page) ; pour un "
        "indicateur proposé, l'action du plan qu'il suit (vide si aucune).",
        examples=["Fiche action 1.2, « Indicateurs retenus »"],
    )
    measure: str = Field(
        description="Ce qu'il compte : people_trained (personnes formées), sessions_held "
        "(sessions tenues), placements (stages), average_score (note moyenne sur 5), "
        "better_equipped_share (part de « mieux outillé·es », en %), manual (chiffre saisi)."
    )
    # Figures entered or computed as decimals are written as strings, as before.
    value: int | Decimal | None = Field(description="null : non mesuré par la plateforme.")
    target: float | None = Field(description="Cible du plan ; null sans cible.")
    unit: str = Field(description="Unité de la cible (vide si aucune).")
    counting_rule: str = Field(description="Comment le chiffre est calculé.")
    breakdown: dict[str, int] = Field(
        default_factory=dict,
        description="Avec by seulement : personnes distinctes par valeur (une personne "
        "compte dans chaque groupe auquel elle appartient).",
    )


class IndicatorsOut(Schema):
    plan: PlanOut
    arrondissement: str | None
    from_: date = Field(alias="from")
    to: date
    by: str | None
    indicators: list[IndicatorOut]


def _plan(user, code: str):
    plans = plans_in_scope(territory_scope(user))
    plan = plans.filter(code=code).first()
    if plan is None:
        # Another territory's plan answers as an unknown one: the list shows only the
        # plans this person may read, so the answer reveals nothing about the others.
        codes = ", ".join(plans.values_list("code", flat=True)) or "—"
        raise ApiError(
            404,
            _("Plan inconnu ou hors de vos territoires. Plans disponibles : %(codes)s.")
            % {"codes": codes},
        )
    return plan


def _check_arrondissement(plan, arrondissement: str) -> None:
    from territories.selectors import arrondissement_codes

    allowed = arrondissement_codes(plan.departement_codes() or [])
    if arrondissement and arrondissement not in allowed:
        raise ApiError(
            400,
            _("Arrondissement inconnu pour ce plan ; valeurs possibles : %(choices)s.")
            % {"choices": "|".join(allowed) or "—"},
        )


def _item(row, breakdown: dict | None) -> dict:
    item = {
        "code": row.indicator.code,
        "label": row.indicator.label,
        "provenance": row.indicator.provenance,
        "plan_reference": row.indicator.plan_reference,
        "measure": row.indicator.measure,
        "value": row.value,
        "target": float(row.indicator.target) if row.indicator.target is not None else None,
        "unit": row.indicator.unit,
        "counting_rule": row.counting_rule,
    }
    if breakdown is not None:  # only with `by`: unset otherwise, so left out
        item["breakdown"] = breakdown.get(row.indicator.pk, {})
    return item


@router.get(
    "indicators/",
    url_name="indicators",
    operation_id="indicators",
    summary="Indicateurs d'un plan sur une période",
    description="Un chiffre par indicateur, avec sa règle de calcul ; ventilé avec by.",
    auth=api_auth(territory_roles(FORBIDDEN)),
    response={200: IndicatorsOut, 400: Error, 401: Error, 403: Error, 404: Error},
    by_alias=True,
    exclude_unset=True,
    openapi_extra=response_descriptions(
        e200="Un chiffre par indicateur, avec sa règle de calcul",
        e400="Paramètre invalide",
        e401="Non connecté·e, ou clé inconnue ou révoquée",
        e403="Rôle insuffisant",
        e404="Plan inconnu ou hors des territoires de la personne (la liste des plans "
        "disponibles suit)",
    ),
)
def indicators(request, query: Query[IndicatorsQuery]):
    plan = _plan(request.auth, query.plan)
    start = query.from_ or plan.period_start
    end = query.to or plan.period_end
    if end < start:
        raise ApiError(400, END_BEFORE_START)
    _check_arrondissement(plan, query.arrondissement)
    return indicators_payload(plan, start, end, query.arrondissement, query.by)


def indicators_payload(plan, start: date, end: date, area: str = "", by: str | None = None):
    """The answer of GET indicators/ (also the worked example of the documentation page)."""
    rows = selectors.plan_report(plan=plan, start=start, end=end, arrondissement=area)
    breakdown = None
    if by:
        breakdown = selectors.people_trained_breakdown(
            plan=plan, start=start, end=end, by=by, arrondissement=area
        )
    return {
        "plan": {"code": plan.code, "name": plan.name, "territory": plan.territory},
        "arrondissement": area or None,
        "from": start,
        "to": end,
        "by": by,
        "indicators": [_item(row, breakdown) for row in rows],
    }
