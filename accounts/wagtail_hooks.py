"""Wagtail admin: institutions, with their managers, as a snippet; the user forms with
the territories a delegate answers for (EgideUsersConfig in accounts/apps.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.admin_viewsets import SnippetViewSet
from core.widgets import Select

from .admin_forms import InstitutionForm, UserCreationForm, UserEditForm
from .models import Institution


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "site"
    menu_label = _("Structures")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "kind", "city", "departement", "arrondissement"]
    list_filter = ["kind", "departement"]
    search_fields = ["name", "city"]
    search_backend_name = None  # plain database filtering: institutions are not indexed
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("kind"),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldPanel("postal_code"),
                    FieldPanel("city"),
                    # Hundreds of options: written in Python (core.widgets).
                    FieldPanel("departement", widget=Select),
                    FieldPanel("arrondissement", widget=Select),
                ],
                heading=_("Adresse"),
            ),
            FieldPanel("managers"),
        ],
        base_form_class=InstitutionForm,
    )


register_snippet(InstitutionViewSet)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users, with the delegations (départements, régions) on their forms."""

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
