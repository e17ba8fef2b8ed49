"""Partner credentials in the CMS: administrators only (they open a door to the data)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

from accounts.constants import Role
from accounts.roles import has_role
from core.admin_viewsets import SnippetViewSet

from .forms import PartnerForm
from .models import Partner


class AdministratorsOnlyPolicy(ModelPermissionPolicy):
    """Only administrators (and superusers) list, add, edit or delete credentials."""

    def user_has_permission(self, user, action):
        return has_role(user, Role.ADMIN)

    def users_with_permission(self, action):
        from accounts.selectors import users_with_role

        return users_with_role(Role.ADMIN)


class _SecretShownOnce:
    def form_valid(self, form):
        response = super().form_valid(form)
        if getattr(form, "clear_secret", ""):
            messages.warning(
                self.request,
                _(
                    "Identifiant : %(key)s — secret : %(secret)s. Transmettez-les au partenaire "
                    "par un canal sûr : le secret ne sera plus jamais affiché."
                )
                % {"key": form.instance.key, "secret": form.clear_secret},
            )
        return response


class PartnerCreateView(_SecretShownOnce, snippets.CreateView):
    pass


class PartnerEditView(_SecretShownOnce, snippets.EditView):
    pass


class PartnerViewSet(SnippetViewSet):
    model = Partner
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("key"),
            FieldPanel("scopes"),
            FieldPanel("departement"),
            FieldPanel("is_active"),
            FieldPanel("new_secret"),
        ],
        base_form_class=PartnerForm,
    )
    add_view_class = PartnerCreateView
    edit_view_class = PartnerEditView
    icon = "key"
    menu_label = gettext_lazy("Partenaires xAPI")
    menu_order = 350
    add_to_admin_menu = True
    list_display = ["name", "key", "departement", "is_active", "last_used_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "key"]
    search_backend_name = None


register_permission_policy(Partner, AdministratorsOnlyPolicy(Partner))
register_snippet(PartnerViewSet)
