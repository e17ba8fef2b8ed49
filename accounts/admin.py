from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "profession", "departement", "is_active"]
    list_filter = ["profession", "departement", "is_active", "is_staff", "groups"]
    search_fields = ["email", "first_name", "last_name", "employer"]
    readonly_fields = ["anonymised_at", "last_login", "date_joined"]
    filter_horizontal = [
        "groups",
        "user_permissions",
        "delegated_departements",
        "delegated_regions",
    ]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profil"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "profession",
                    "employer",
                    "departement",
                    "arrondissement",
                    "rpps",
                ]
            },
        ),
        (
            _("Droits"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        # The territories a DDFE or a regional delegate answers for (also on Wagtail's
        # user forms, where administrators set them with the role).
        (_("Délégations"), {"fields": ["delegated_departements", "delegated_regions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined", "anonymised_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def user_change_password(self, request, id, form_url=""):
        """Nobody sets another person's password: they choose it through allauth's reset."""
        messages.warning(
            request,
            gettext(
                "Chaque personne choisit elle-même son mot de passe, avec « Mot de passe "
                "oublié » sur la page de connexion."
            ),
        )
        return redirect("admin:accounts_user_change", id)
