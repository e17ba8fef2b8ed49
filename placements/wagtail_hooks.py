"""Wagtail admin: administrators follow every offer and request (read only).

Offers are written and requests decided on the front-end pages ("Mes offres"),
where the services check who acts; the admin only lists and inspects them.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_viewsets import SnippetViewSet
from core.permission_policies import ReadOnlyPolicy

from .models import Offer, PlacementRequest


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "clipboard-list"
    menu_label = _("Offres")
    list_display = ["title", "institution", "is_published", "updated_at"]
    list_filter = ["is_published", "institution__kind"]
    search_fields = ["title"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Offer.objects.select_related("institution")


class PlacementRequestViewSet(SnippetViewSet):
    model = PlacementRequest
    icon = "user"
    menu_label = _("Demandes")
    list_display = ["reference", "user", "slot", "status", "created_at"]
    list_filter = ["status"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return PlacementRequest.objects.select_related("user", "slot__offer")


class PlacementsGroup(SnippetViewSetGroup):
    items = (OfferViewSet, PlacementRequestViewSet)
    menu_icon = "group"
    menu_label = _("Stages croisés")
    menu_order = 340


for model in (Offer, PlacementRequest):
    register_permission_policy(model, ReadOnlyPolicy(model))
register_snippet(PlacementsGroup)


@hooks.register("register_snippet_listing_buttons")
def placement_request_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, PlacementRequest):
        yield Button(
            _("Journal et convention"),
            url=reverse("placements:request", args=[snippet.pk]),
            icon_name="history",
            priority=80,
        )
