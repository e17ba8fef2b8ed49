from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Cross-placements between institutions: offers, requests, conventions."""

    name = "placements"
    verbose_name = _("Stages croisés")
    default_auto_field = "django.db.models.BigAutoField"
