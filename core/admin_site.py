from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class SuperuserAdminSite(admin.AdminSite):
    """Django's admin is a technical back office: superusers only.

    Editors and administrators of the service work in the Wagtail admin (/cms/).
    """

    site_header = _("Égide — gestion technique")
    site_title = _("Égide — gestion technique")

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser
