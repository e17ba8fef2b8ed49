from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    """France's régions, départements and arrondissements (INSEE COG), as data.

    A reference app under every capability: accounts, events, placements and
    indicators point to its rows. It imports no other project app.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "territories"
    verbose_name = _("Territoires")
