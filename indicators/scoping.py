"""Which plans a person may read: the one place views, the API and the admin ask.

A plan belongs to a territory (a département, a région, or the whole country) and
is shown only to people whose territory scope (accounts.selectors.territory_scope)
covers it. Someone asking for another territory's plan gets a 404, as for a plan
that does not exist: the answer must not tell a Nord delegate which codes the
Pas-de-Calais uses.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

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
