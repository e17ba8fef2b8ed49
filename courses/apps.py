from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Modules (Wagtail pages), lessons, H5P activities, progress and completion."""

    name = "courses"
    verbose_name = _("Modules de formation")
    default_auto_field = "django.db.models.BigAutoField"
