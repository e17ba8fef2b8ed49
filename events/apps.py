from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Awareness evenings, training sessions, registrations and attendance."""

    name = "events"
    verbose_name = _("Sessions en présentiel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.privacy import register_exporter
        from quizzes import contexts as quiz_contexts

        from . import quiz_contexts as session_contexts
        from . import selectors

        # A session's satisfaction questionnaire, for the people marked present.
        quiz_contexts.register(session_contexts.KIND, session_contexts.provider)
        register_exporter("sessions", selectors.personal_data)
