"""The indicator codes of an imported training line: known, counting people trained,
in the importer's territory and counting the person's département
(THE COUNTING RULE, indicators.constants). Used by indicators.imports."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from territories.scopes import Scope

from .constants import Measure
from .models import Indicator, Plan


@dataclass(frozen=True)
class Code:
    measure: str
    plan_code: str
    plan_territory: str
    # The départements whose people the plan counts; None for a national plan.
    counted: frozenset[str] | None
    in_scope: bool


def codes_known(scope: Scope) -> dict[str, Code]:
    """Every indicator code with what the checks need: one query for the plans, one
    for the indicators."""
    plans = {}
    for plan in Plan.objects.select_related("departement", "region"):
        counted = plan.departement_codes()
        in_scope = (
            scope.national
            or (plan.departement_id is not None and plan.departement_id in scope.departements)
            or (plan.region_id is not None and plan.region_id in scope.regions)
        )
        plans[plan.pk] = (
            plan.code,
            plan.territory,
            None if counted is None else frozenset(counted),
            in_scope,
        )
    codes = {}
    for code, measure, plan_id in Indicator.objects.values_list("code", "measure", "plan_id"):
        plan_code, territory, counted, in_scope = plans[plan_id]
        codes[code] = Code(measure, plan_code, territory, counted, in_scope)
    return codes


def codes_reason(codes: list[str], known: dict[str, Code], departement: str) -> str | None:
    """Why these codes cannot count this line, or None."""
    if not codes:
        return _("aucun code d'indicateur")
    unknown = [code for code in codes if code not in known]
    if unknown:
        return _("indicateur inconnu : %(codes)s") % {"codes": ", ".join(unknown)}
    for code in codes:
        indicator = known[code]
        if indicator.measure != Measure.PEOPLE_TRAINED:
            # Such an indicator never reads participations: the line would count nowhere.
            return _(
                "l'indicateur %(code)s ne compte pas des personnes formées (il mesure : "
                "%(measure)s)"
            ) % {"code": code, "measure": Measure(indicator.measure).label}
        if not indicator.in_scope:
            return _(
                "l'indicateur %(code)s appartient au plan %(plan)s (%(territory)s), hors de "
                "votre territoire"
            ) % {"code": code, "plan": indicator.plan_code, "territory": indicator.plan_territory}
        if indicator.counted is not None and departement not in indicator.counted:
            if not departement:
                return _(
                    "sans département, la personne ne serait pas comptée par le plan %(plan)s "
                    "(indicateur %(code)s) : indiquez le département ou l'arrondissement"
                ) % {"code": code, "plan": indicator.plan_code}
            return _(
                "la personne travaille dans le département %(departement)s, hors du territoire "
                "du plan %(plan)s (%(territory)s) : l'indicateur %(code)s ne la compterait pas"
            ) % {
                "departement": departement,
                "plan": indicator.plan_code,
                "territory": indicator.plan_territory,
                "code": code,
            }
    return None
