from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.admin_viewsets import SnippetViewSet
from core.permission_policies import ReadOnlyPolicy

from .models import Attestation


class AttestationViewSet(SnippetViewSet):
    model = Attestation
    icon = "doc-full"
    menu_label = _("Attestations")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["code", "holder_name", "title", "completed_at", "render_status", "revoked_at"]
    list_filter = ["render_status", "kind"]
    search_fields = ["code", "holder_name", "title"]
    search_backend_name = None  # plain database filtering: attestations are not indexed
    inspect_view_enabled = True


register_permission_policy(Attestation, ReadOnlyPolicy(Attestation))
register_snippet(AttestationViewSet)


@hooks.register("register_snippet_listing_buttons")
def attestation_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Attestation):
        yield Button(
            _("Journal et révocation"),
            url=reverse("certificates:admin_detail", args=[snippet.pk]),
            icon_name="history",
            priority=80,
        )


@hooks.register("register_settings_menu_item")
def regenerate_menu_item():
    return RegenerateMenuItem(
        _("Régénérer les attestations"),
        reverse("certificates:regenerate"),
        icon_name="resubmit",
        order=900,
    )


@hooks.register("register_settings_menu_item")
def issuers_menu_item():
    # Replaces the single "attestations" setting retired in issue 17: each
    # territory has its issuer, edited on the front-end page its delegates reach too.
    return IssuersMenuItem(
        _("Signataires des documents"),
        reverse("certificates:issuers"),
        icon_name="doc-full",
        order=890,
    )


class IssuersMenuItem(MenuItem):
    def is_shown(self, request):
        from accounts.constants import TERRITORY_ROLES
        from accounts.roles import has_role

        return has_role(request.user, *TERRITORY_ROLES)


class RegenerateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.regenerate_attestation")
