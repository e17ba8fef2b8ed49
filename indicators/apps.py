from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Action-plan indicators and the DDFE's reports of people trained."""

    name = "indicators"
    verbose_name = _("Indicateurs du plan d'action")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.signals import module_completed

        from . import services

        module_completed.connect(
            services.on_module_completed, dispatch_uid="indicators-module-completed"
        )
