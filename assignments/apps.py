from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    """Mandatory training: modules assigned to populations, due dates, reminders."""

    name = "assignments"
    verbose_name = _("Formations obligatoires")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from core.dashboard import Panel, register_panel

        from . import selectors, services

        register_panel(
            Panel(
                key="mandatory-training",
                template_name="assignments/includes/my_obligations.html",
                get_context=selectors.my_trainings_panel,
                order=0,
                place="my_trainings",
            )
        )

        # A new account, or a profile completed later, may belong to a population.
        post_save.connect(
            services.on_user_saved,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="assignments-match-user",
        )
        from accounts.privacy import register_exporter
        from accounts.signals import user_anonymised

        register_exporter("formations_obligatoires", selectors.personal_data)
        user_anonymised.connect(services.on_user_anonymised, dispatch_uid="assignments-erase")
