from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Action-plan indicators and the DDFE's reports of people trained."""

    name = "indicators"
    verbose_name = _("Indicateurs du plan d'action")
    default_auto_field = "django.db.models.BigAutoField"
