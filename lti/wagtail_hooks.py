"""Partner platforms in the CMS (Paramètres → Plateformes LTI), for administrators only."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiRegistration
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.constants import Role
from accounts.roles import has_role
from core.absolute_urls import absolute_url

from .forms import RegistrationForm


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    """A registration lets a platform sign people in: only administrators manage them
    (django-lti's tables get no model permissions from the role groups)."""

    def user_has_permission(self, user, action):
        return has_role(user, Role.ADMIN)

    def users_with_any_permission(self, actions):
        from accounts.models import User

        return User.objects.none()


class ToolUrlsPanel(HelpPanel):
    """The addresses the platform's administrator copies into the tool's settings."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            rows = [
                (_("Connexion (initiate login URL)"), reverse("lti:login")),
                (
                    _("Lancement et liens profonds (redirect URI, target link URI)"),
                    reverse("lti:launch"),
                ),
                (_("Clés publiques d'Égide (JWKS URL)"), reverse("lti:jwks")),
            ]
            self.content = format_html(
                "<p>{}</p><ul>{}</ul>",
                _("À saisir dans la plateforme partenaire :"),
                format_html_join(
                    "",
                    "<li>{} : <code>{}</code></li>",
                    ((label, absolute_url(path, self.request)) for label, path in rows),
                ),
            )


class RegistrationViewSet(ModelViewSet):
    model = LtiRegistration
    icon = "link-external"
    menu_label = _("Plateformes LTI")
    add_to_settings_menu = True
    name = "lti_registrations"
    list_display = [
        Column("name", label=_("Nom")),
        Column("issuer", label=_("Émetteur")),
        Column("client_id", label=_("Identifiant client")),
        BooleanColumn("is_active", label=_("Active")),
    ]
    search_fields = ["name", "issuer", "client_id"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            ToolUrlsPanel(heading=_("Adresses d'Égide")),
            FieldPanel("name"),
            MultiFieldPanel(
                [
                    FieldPanel("issuer"),
                    FieldPanel("client_id"),
                    FieldPanel("auth_url"),
                    FieldPanel("token_url"),
                    FieldPanel("keyset_url"),
                    FieldPanel("audience"),
                ],
                heading=_("Plateforme (valeurs données par son administrateur·rice)"),
            ),
            FieldPanel("deployment_ids"),
            FieldPanel("is_active"),
        ],
        base_form_class=RegistrationForm,
    )


register_permission_policy(LtiRegistration, AdministratorsOnlyPolicy(LtiRegistration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet()


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return has_role(request.user, Role.ADMIN)


@hooks.register("register_settings_menu_item")
def dynamic_registration_menu_item():
    return AdministratorsMenuItem(
        _("Inscription dynamique LTI"),
        reverse("lti:dynamic_registration_invite"),
        icon_name="link-external",
        order=910,
    )
