from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SuperuserAdminSite(admin.AdminSite):
    """Django's admin is a technical back office: superusers only.

    Editors and administrators of the service work in the Wagtail admin (/cms/).
    """

    site_header = _("Égide — gestion technique")
    site_title = _("Égide — gestion technique")

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def password_change(self, request, extra_context=None):
        """Change one's password on the service's page, where allauth checks and notifies."""
        return redirect("account_change_password")

    def login(self, request, extra_context=None):
        """Sign in on the service's login page rather than Django's own form.

        Django's form would check passwords without allauth's throttling of failed
        attempts or its email verification, on the most privileged accounts.
        """
        index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return redirect(index)
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(
            request.GET.get(REDIRECT_FIELD_NAME) or index, login_url=reverse("account_login")
        )
