from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "core"
    verbose_name = _("Socle")
    default_auto_field = "django.db.models.BigAutoField"


class SuperuserAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "core.admin_site.SuperuserAdminSite"
