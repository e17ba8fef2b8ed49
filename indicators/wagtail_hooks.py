"""Plans, fiches and indicators in the Wagtail admin, each person within her territories.

Administrators (national scope) see every plan. Should a delegate be given the admin,
she lists, chooses, opens and edits only the plans of her territories
(indicators.scoping) and their fiches and indicators: the listing, the chooser
(core.admin_viewsets follows the viewset's queryset), the filters and every view
reached by a row's address follow the same rule, and a plan she creates must lie
in her territories.
"""

import django_filters
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.selectors import territory_scope
from core.admin_viewsets import SnippetViewSet

from .constants import Measure, Provenance
from .models import Fiche, Indicator, Plan
from .scoping import plan_visible, plans_in_scope


def _scoped_plans(request):
    return plans_in_scope(territory_scope(request.user))


class _InScopeOnly:
    """A row outside the person's territories answers 404, as a row that does not exist."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        plan = obj if isinstance(obj, Plan) else obj.plan
        if not plan_visible(territory_scope(self.request.user), plan):
            raise Http404
        return obj


class _ScopedForm:
    """The form's territory and plan choices limited to the person's territories."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        scope = territory_scope(self.request.user)
        if "plan" in form.fields:
            form.fields["plan"].queryset = plans_in_scope(scope)
        # An axis or a fiche is named after its plan: fetched with it, one query for all
        # the choices (not one per choice), and only from the person's plans.
        for name in ("axis", "fiche"):
            if name in form.fields:
                choices = form.fields[name].queryset
                form.fields[name].queryset = choices.filter(
                    plan__in=plans_in_scope(scope)
                ).select_related("plan")
        if not scope.national:
            if "departement" in form.fields:
                form.fields["departement"].queryset = form.fields["departement"].queryset.filter(
                    code__in=scope.departements
                )
            if "region" in form.fields:
                form.fields["region"].queryset = form.fields["region"].queryset.filter(
                    code__in=scope.regions
                )
        return form

    def form_valid(self, form):
        if isinstance(form.instance, Plan) and not plan_visible(
            territory_scope(self.request.user), form.instance
        ):
            # Neither département nor région: a national plan, for the national service.
            form.add_error(None, _("Choisissez un de vos territoires pour ce plan."))
            return self.form_invalid(form)
        return super().form_valid(form)


class PlanCreateView(_ScopedForm, snippets.CreateView):
    pass


class PlanCopyView(_ScopedForm, _InScopeOnly, snippets.CopyView):
    pass


class PlanEditView(_ScopedForm, _InScopeOnly, snippets.EditView):
    pass


class PlanDeleteView(_InScopeOnly, snippets.DeleteView):
    pass


class PlanInspectView(_InScopeOnly, snippets.InspectView):
    pass


class PlanHistoryView(_InScopeOnly, snippets.HistoryView):
    pass


class PlanUsageView(_InScopeOnly, snippets.UsageView):
    pass


class ScopedViewSet(SnippetViewSet):
    """Every view that reaches a plan, fiche or indicator by its address checks the scope."""

    add_view_class = PlanCreateView
    copy_view_class = PlanCopyView
    edit_view_class = PlanEditView
    delete_view_class = PlanDeleteView
    inspect_view_class = PlanInspectView
    history_view_class = PlanHistoryView
    usage_view_class = PlanUsageView


class _PlanFilterSet(WagtailFilterSet):
    # The filter offers the plans of the person's territories only: the names of the
    # others are not hers to read.
    plan = django_filters.ModelChoiceFilter(label=gettext_lazy("Plan"), queryset=_scoped_plans)


class FicheFilterSet(_PlanFilterSet):
    class Meta:
        model = Fiche
        fields = ["plan"]


class IndicatorFilterSet(_PlanFilterSet):
    measure = django_filters.ChoiceFilter(label=gettext_lazy("Mesure"), choices=Measure.choices)
    # Written in the plan, or proposed by the platform.
    provenance = django_filters.ChoiceFilter(
        label=gettext_lazy("Provenance"), choices=Provenance.choices
    )

    class Meta:
        model = Indicator
        fields = ["plan", "measure", "provenance"]


class PlanViewSet(ScopedViewSet):
    model = Plan
    icon = "site"
    menu_label = gettext_lazy("Plans")
    list_display = ["code", "name", "territory", "period_start", "period_end", "status"]
    search_backend_name = None

    def get_queryset(self, request):
        return _scoped_plans(request)


class FicheViewSet(ScopedViewSet):
    model = Fiche
    icon = "list-ul"
    menu_label = gettext_lazy("Fiches action")
    list_display = ["number", "title", "plan", "pilot"]
    filterset_class = FicheFilterSet
    search_fields = ["number", "title"]
    search_backend_name = None

    def get_queryset(self, request):
        return Fiche.objects.filter(plan__in=_scoped_plans(request)).select_related("plan")


class IndicatorViewSet(ScopedViewSet):
    model = Indicator
    icon = "table"
    menu_label = gettext_lazy("Indicateurs")
    list_display = ["code", "label", "provenance", "measure", "target", "unit"]
    filterset_class = IndicatorFilterSet
    search_fields = ["code", "label"]
    search_backend_name = None

    def get_queryset(self, request):
        return Indicator.objects.filter(plan__in=_scoped_plans(request)).select_related("plan")


class PlansGroup(SnippetViewSetGroup):
    items = (PlanViewSet, FicheViewSet, IndicatorViewSet)
    menu_icon = "site"
    menu_label = gettext_lazy("Plans d'action")
    menu_order = 330


register_snippet(PlansGroup)
