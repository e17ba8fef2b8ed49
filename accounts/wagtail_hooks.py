"""Wagtail admin: institutions, with their managers, as a snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet

from core.admin_viewsets import SnippetViewSet

from .admin_forms import InstitutionForm
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
                    FieldPanel("departement"),
                    FieldPanel("arrondissement"),
                ],
                heading=_("Adresse"),
            ),
            FieldPanel("managers"),
        ],
        base_form_class=InstitutionForm,
    )


register_snippet(InstitutionViewSet)
