from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Awareness evenings, training sessions, registrations and attendance."""

    name = "events"
    verbose_name = _("Sessions en présentiel")
    default_auto_field = "django.db.models.BigAutoField"
