"""Which plans and territories a person may read: the one place views, the API and the
admin ask.

A plan belongs to a territory (a département, a région, or the whole country) and
is shown only to people whose territory scope (accounts.selectors.territory_scope)
covers it. Someone asking for another territory's plan gets a 404, as for a plan
that does not exist: the answer must not tell a Nord delegate which codes the
Pas-de-Calais uses.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.selectors import territory_scope
from territories.scopes import Scope

from .models import Plan


def plan_visible(scope: Scope, plan: Plan) -> bool:
    """Return True when `scope` covers the plan's whole territory.

    A département's plan is seen by whoever covers the département (its DDFE, the
    delegate of its région, the national service); a région's plan by the delegate of
    that région and the national service, not by the DDFE of one of its départements
    (its figures count people of départements she does not cover); a national plan by
    the national service only.
    """
    if plan.departement_id:
        return scope.covers_departement(plan.departement_id)
    if plan.region_id:
        return scope.covers_region(plan.region_id)
    return scope.national


def plans_in_scope(scope: Scope) -> QuerySet[Plan]:
    """The plans `scope` may read, with their territory loaded (same rule as plan_visible)."""
    plans = Plan.objects.select_related("departement", "region")
    if scope.national:
        return plans.all()
    return plans.filter(Q(departement_id__in=scope.departements) | Q(region_id__in=scope.regions))


def plan_for(request, code: str) -> Plan:
    """The plan `code` if the requesting person's scope covers it, else Http404."""
    plan = plans_in_scope(territory_scope(request.user)).filter(code=code).first()
    if plan is None:
        raise Http404
    return plan


def scope_territories(scope) -> list[tuple[str, str]]:
    """(key, label) of every territory the scope may read, widest first."""
    from territories.models import Departement, Region

    choices = []
    if scope.national:
        choices.append(("FR", str(_("France entière"))))
    regions = Region.objects.order_by("code")
    if not scope.national:
        regions = regions.filter(code__in=scope.regions)
    choices += [(f"R{r.code}", r.label()) for r in regions]
    departements = Departement.objects.filter(active=True).order_by("code")
    if not scope.national:
        departements = departements.filter(code__in=scope.departements)
    choices += [(f"D{d.code}", d.label()) for d in departements]
    return choices


def scope_covers(scope, level: str, code: str) -> bool:
    """True when the scope covers the territory (level from selectors.parse_territory_key)."""
    if level == "national":
        return scope.national
    if level == "region":
        return scope.covers_region(code)
    return scope.covers_departement(code)
