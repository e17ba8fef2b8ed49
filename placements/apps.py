from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Cross-placements between institutions: offers, requests, conventions."""

    name = "placements"
    verbose_name = _("Stages croisés")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter

        from . import selectors

        register_exporter("stages_croises", selectors.personal_data)
