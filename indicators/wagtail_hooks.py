from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_viewsets import SnippetViewSet

from .models import Fiche, Indicator, Plan


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "site"
    menu_label = _("Plans")
    list_display = ["code", "name", "territory", "period_start", "period_end", "status"]
    search_backend_name = None


class FicheViewSet(SnippetViewSet):
    model = Fiche
    icon = "list-ul"
    menu_label = _("Fiches action")
    list_display = ["number", "title", "plan", "pilot"]
    list_filter = ["plan"]
    search_fields = ["number", "title"]
    search_backend_name = None


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicateurs")
    list_display = ["code", "label", "measure", "target", "unit"]
    list_filter = ["plan", "measure"]
    search_fields = ["code", "label"]
    search_backend_name = None


class PlansGroup(SnippetViewSetGroup):
    items = (PlanViewSet, FicheViewSet, IndicatorViewSet)
    menu_icon = "site"
    menu_label = _("Plans d'action")
    menu_order = 330


register_snippet(PlansGroup)
